//! Reading a record's JSON object in one pass, without `#[serde(flatten)]`
//! on the reading side.
//!
//! A record is one JSON object: the `Meta` keys (`id`, `rev`, `deleted`),
//! the record's own fields, and any keys this version does not know, kept in
//! `extra` so they survive a round trip (the wire contract of
//! `docs/FORMAT.md`). Derived with `#[serde(flatten)]`, such a struct reads
//! every object into serde's private `Content` buffer and reads `meta` and
//! `extra` a second time from it: slow, and large in the wasm (a second
//! deserializer for every type involved).
//!
//! Instead a record type derives its impls with `#[serde(remote = "Self")]`,
//! which turns them into inherent `serialize`/`deserialize` functions, and
//! marks `meta` and `extra` `skip_deserializing` (writing is unchanged: they
//! stay `flatten` for `Serialize`, so the bytes written stay the same);
//! `impl_object!` then implements the traits. Reading (`read`) hands the
//! derived reader a deserializer over the object that passes the record's own
//! keys through, takes the meta keys itself and keeps every other key as
//! `extra`, straight from the input. The errors are serde's own and come in
//! the derive's order: own fields first (`missing field `title``), then the
//! meta keys in the order they came (`missing field `id``, `duplicate field
//! `id``).
//!
//! A record in a JSON value already parsed is read with [`from_value`], and
//! made into one with [`to_value`], through its text: so the app reads and
//! writes records with `serde_json`'s text reader and writer only, and each
//! record's code is in the wasm once.

use std::fmt;
use std::marker::PhantomData;

use serde::de::DeserializeOwned;
use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, Visitor};
use serde::Deserialize;
use serde_json::{Map, Value};
use uuid::Uuid;

use crate::record::meta::{DeviceId, Meta, RecordId, Rev};

/// A record type read by [`read`].
pub(crate) trait Object: Sized {
    /// The struct's name, for "expected struct …" in errors.
    const NAME: &'static str;
    /// The derived reader of the record's own fields (`#[serde(remote = "Self")]`).
    fn fields<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
    /// Puts the meta and the unknown keys read beside the own fields in place.
    fn set(&mut self, meta: Meta, extra: Map<String, Value>);
}

/// The placeholder `meta` of a record whose own fields are being read;
/// [`read`] replaces it before the record is handed out.
pub(crate) fn no_meta() -> Meta {
    Meta { id: RecordId(Uuid::nil()), rev: Rev { at: 0, n: 0, by: DeviceId(String::new()) }, deleted: false }
}

/// Reads a record: the `Deserialize` impl of every [`Object`].
pub(crate) fn read<'de, D: Deserializer<'de>, T: Object>(d: D) -> Result<T, D::Error> {
    d.deserialize_map(RecordVisitor(PhantomData::<T>))
}

struct RecordVisitor<T>(PhantomData<T>);

impl<'de, T: Object> Visitor<'de> for RecordVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut rest = Rest { map: &mut map, fields: &[], meta: Vec::new(), extra: Map::new() };
        let mut record = T::fields(&mut rest)?;
        // The meta values are read after the own fields, in the order they
        // came, so the first error reported is the one the flattened derive
        // reported.
        let (mut id, mut rev, mut deleted) = (None, None, None);
        for (key, value) in rest.meta {
            match key {
                "id" => take(&mut id, key, value)?,
                "rev" => take(&mut rev, key, value)?,
                _ => take(&mut deleted, key, value)?,
            }
        }
        let meta = Meta {
            id: id.ok_or_else(|| de::Error::missing_field("id"))?,
            rev: rev.ok_or_else(|| de::Error::missing_field("rev"))?,
            deleted: deleted.unwrap_or(false),
        };
        record.set(meta, rest.extra);
        Ok(record)
    }
}

/// Reads one meta value into its slot; a second one is an error, as in serde.
fn take<V: DeserializeOwned, E: de::Error>(slot: &mut Option<V>, key: &'static str, value: Value) -> Result<(), E> {
    if slot.is_some() {
        return Err(E::duplicate_field(key));
    }
    *slot = Some(V::deserialize(value).map_err(E::custom)?);
    Ok(())
}

/// The object as the derived reader sees it: only its own keys.
struct Rest<'a, A> {
    map: &'a mut A,
    /// The own keys, as the derive names them in `deserialize_struct`.
    fields: &'static [&'static str],
    /// The meta keys met, with their values, in order.
    meta: Vec<(&'static str, Value)>,
    extra: Map<String, Value>,
}

impl<'de, A: MapAccess<'de>> Deserializer<'de> for &mut Rest<'_, A> {
    type Error = A::Error;

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, A::Error> {
        self.fields = fields;
        visitor.visit_map(self)
    }

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
        unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for &mut Rest<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key::<Key<'de>>()? {
            let name = key.as_str();
            if self.fields.contains(&name) {
                return seed.deserialize(name.into_deserializer()).map(Some);
            }
            let meta = ["id", "rev", "deleted"].into_iter().find(|m| *m == name);
            let value = self.map.next_value()?;
            match meta {
                Some(m) => self.meta.push((m, value)),
                None => {
                    self.extra.insert(key.into_string(), value);
                }
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// An object key, borrowed from the input when it can be.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(s) => s,
            Key::Owned(s) => s,
        }
    }

    fn into_string(self) -> String {
        match self {
            Key::Borrowed(s) => s.to_string(),
            Key::Owned(s) => s,
        }
    }
}

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct KeyVisitor;
        impl<'de> Visitor<'de> for KeyVisitor {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key::Borrowed(s))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key::Owned(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Key<'de>, E> {
                Ok(Key::Owned(s))
            }
        }
        d.deserialize_str(KeyVisitor)
    }
}

/// A record from a JSON value already parsed (an import file, the catalogue,
/// local storage), read from its text: so a record type is read by one kind
/// of input in the app, `serde_json::from_str`'s, and its code is in the
/// wasm once. Slower than `serde_json::from_value` (the value is written out
/// first), which is fine off the reload path. The error is the message
/// `from_value` gave, without a position.
pub fn from_value<R: DeserializeOwned>(value: &Value) -> Result<R, serde_json::Error> {
    serde_json::from_str(&value.to_string()).map_err(|e| {
        let text = e.to_string();
        let at = format!(" at line {} column {}", e.line(), e.column());
        de::Error::custom(text.strip_suffix(&at).unwrap_or(&text))
    })
}

/// A record (or a list of them) as a JSON value, made from its text: the
/// twin of [`from_value`], so a record's writer is in the wasm once,
/// `serde_json::to_string`'s. The same value `serde_json::to_value` gives
/// (numbers read back exactly: `float_roundtrip`).
pub fn to_value<R: serde::Serialize + ?Sized>(record: &R) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(record)?)
}

/// Reads a JSON object as a map, for the tagged types read by hand (a
/// schedule, a log entry) instead of through serde's internally tagged
/// derive, which buffers through `Content` too. `expecting` names the type in
/// the error for anything but an object, as the derive did; a repeated key of
/// `once` is serde's "duplicate field" (any other repeated key: the last one
/// is kept).
pub(crate) fn read_map<'de, D: Deserializer<'de>>(
    d: D,
    expecting: &'static str,
    once: &'static [&'static str],
) -> Result<Map<String, Value>, D::Error> {
    struct MapVisitor(&'static str, &'static [&'static str]);
    impl<'de> Visitor<'de> for MapVisitor {
        type Value = Map<String, Value>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str(self.0)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Map<String, Value>, A::Error> {
            let mut out = Map::new();
            while let Some((k, v)) = map.next_entry::<String, Value>()? {
                if let Some(key) = self.1.iter().find(|key| **key == k) {
                    if out.contains_key(*key) {
                        return Err(de::Error::duplicate_field(key));
                    }
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(MapVisitor(expecting, once))
}

/// Takes a field out of a map read by [`read_map`] and reads it; a missing
/// one is serde's "missing field".
pub(crate) fn field<T: DeserializeOwned, E: de::Error>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<T, E> {
    let value = map.remove(key).ok_or_else(|| E::missing_field(key))?;
    T::deserialize(value).map_err(E::custom)
}

/// Takes the tag of a tagged type out of a map read by [`read_map`] and
/// reads it as `T`, a `#[serde(variant_identifier)]` enum of the variants: a
/// name, or (as serde's tagged derive allowed) the variant's index.
pub(crate) fn tag<T: DeserializeOwned, E: de::Error>(map: &mut Map<String, Value>, key: &'static str) -> Result<T, E> {
    match map.remove(key) {
        None => Err(E::missing_field(key)),
        Some(Value::Number(n)) if n.is_u64() => T::deserialize(n.as_u64().unwrap_or(u64::MAX).into_deserializer()),
        Some(value) => T::deserialize(value).map_err(E::custom),
    }
}

/// [`field`] for a field with a default (`#[serde(default)]`).
pub(crate) fn field_or_default<T: DeserializeOwned + Default, E: de::Error>(
    map: &mut Map<String, Value>,
    key: &'static str,
) -> Result<T, E> {
    match map.remove(key) {
        None => Ok(T::default()),
        Some(value) => T::deserialize(value).map_err(E::custom),
    }
}

/// The `Serialize`, `Deserialize` and [`Object`] impls of a record struct
/// that derives both with `#[serde(remote = "Self")]` and has `meta` and
/// `extra` fields marked `#[serde(flatten, skip_deserializing)]` (`meta`
/// with `default = "object::no_meta"`): writing is the derived one, reading
/// is [`read`]. `impl_object!(T, without extra)` is for a record without
/// `extra`, whose unknown keys are dropped.
macro_rules! impl_object {
    ($t:ident) => {
        $crate::record::object::impl_object!($t, |r: &mut $t, extra| r.extra = extra);
    };
    ($t:ident, without extra) => {
        $crate::record::object::impl_object!($t, |_: &mut $t, _| ());
    };
    ($t:ident, $set_extra:expr) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                $t::serialize(self, s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $crate::record::object::read(d)
            }
        }

        impl $crate::record::object::Object for $t {
            const NAME: &'static str = stringify!($t);
            fn fields<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                $t::deserialize(d)
            }
            fn set(&mut self, meta: $crate::record::meta::Meta, extra: serde_json::Map<String, serde_json::Value>) {
                self.meta = meta;
                ($set_extra)(self, extra);
            }
        }
    };
}
pub(crate) use impl_object;

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use serde_json::{json, Map, Value};

    use crate::record::meta::Meta;
    use crate::record::object;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    #[serde(remote = "Self")]
    struct Small {
        #[serde(flatten, skip_deserializing, default = "object::no_meta")]
        meta: Meta,
        title: String,
        #[serde(default)]
        n: u8,
        #[serde(flatten, skip_deserializing)]
        extra: Map<String, Value>,
    }
    object::impl_object!(Small);

    const REV: &str = r#"{"at":"2026-11-20T10:00:00.000Z","n":0,"by":"a"}"#;
    const ID: &str = r#""0b6f1f3e-4b8e-4d7a-9c41-3f1a2b7c9d01""#;

    /// The record read from a text, written back; or the error, without its
    /// position. Read from a `Value` too, it must give the same.
    fn both(text: &str) -> Result<String, String> {
        let strip = |e: serde_json::Error| e.to_string().split(" at line").next().unwrap().to_string();
        let small = serde_json::from_str::<Small>(text).map(|r| serde_json::to_string(&r).unwrap()).map_err(strip);
        if !text.contains(r#""x":1,"x""#) && text.matches(r#""id""#).count() < 2 && text.matches("title").count() < 2 {
            // A repeated key does not survive into a `Value`.
            let value: Value = serde_json::from_str(text).unwrap();
            let direct = serde_json::from_value::<Small>(value.clone());
            assert_eq!(small, direct.map(|r| serde_json::to_string(&r).unwrap()).map_err(strip), "{text}");
            let via_text = object::from_value::<Small>(&value);
            assert_eq!(small, via_text.map(|r| serde_json::to_string(&r).unwrap()).map_err(strip), "{text}");
        }
        small
    }

    #[test]
    fn meta_first_own_fields_then_unknown_keys_in_order() {
        let text = format!(r#"{{"zz":[1,2.5],"title":"T","rev":{REV},"aa":{{"x":null}},"id":{ID}}}"#);
        let want =
            format!(r#"{{"id":{ID},"rev":{REV},"deleted":false,"title":"T","n":0,"aa":{{"x":null}},"zz":[1,2.5]}}"#);
        assert_eq!(both(&text), Ok(want));
    }

    #[test]
    fn errors_are_the_derives() {
        assert_eq!(both("{}"), Err("missing field `title`".into()), "own fields are checked before meta");
        assert_eq!(both(r#"{"title":"T"}"#), Err("missing field `id`".into()));
        assert_eq!(both(&format!(r#"{{"title":"T","id":{ID}}}"#)), Err("missing field `rev`".into()));
        let dup = format!(r#"{{"title":"T","id":{ID},"rev":{REV},"id":{ID}}}"#);
        assert_eq!(both(&dup), Err("duplicate field `id`".into()));
        let dup = format!(r#"{{"title":"T","id":{ID},"rev":{REV},"title":"U"}}"#);
        assert_eq!(both(&dup), Err("duplicate field `title`".into()));
        let bad = format!(r#"{{"title":"T","id":{ID},"rev":{REV},"n":300}}"#);
        assert_eq!(both(&bad), Err("invalid value: integer `300`, expected u8".into()));
        assert_eq!(both("[]"), Err("invalid type: sequence, expected struct Small".into()));
        let repeated_unknown = format!(r#"{{"title":"T","id":{ID},"rev":{REV},"x":1,"x":2}}"#);
        assert!(both(&repeated_unknown).unwrap().ends_with(r#""x":2}"#), "the last one wins, as before");
        assert_eq!(json!(object::no_meta().deleted), json!(false));
    }

    #[test]
    fn from_value_reads_the_text_and_gives_from_values_message() {
        let good: Value = serde_json::from_str(&format!(r#"{{"title":"T","id":{ID},"rev":{REV},"x":[1.5]}}"#)).unwrap();
        assert_eq!(object::from_value::<Small>(&good).unwrap(), serde_json::from_value::<Small>(good.clone()).unwrap());
        let bad: Value = serde_json::from_str(&format!(r#"{{"title":42,"id":{ID},"rev":{REV}}}"#)).unwrap();
        let e = object::from_value::<Small>(&bad).unwrap_err().to_string();
        assert_eq!(e, serde_json::from_value::<Small>(bad).unwrap_err().to_string());
        assert_eq!(e, "invalid type: integer `42`, expected a string");
    }

    #[test]
    fn to_value_is_serde_jsons() {
        let text =
            format!(r#"{{"title":"T","id":{ID},"rev":{REV},"x":[1.5,2.0,-0.0,0.1,1e300,18446744073709551615,-3]}}"#);
        let r: Small = serde_json::from_str(&text).unwrap();
        assert_eq!(object::to_value(&r).unwrap(), serde_json::to_value(&r).unwrap());
        assert_eq!(object::to_value(&[f64::NAN]).unwrap(), serde_json::to_value([f64::NAN]).unwrap());
    }
}
