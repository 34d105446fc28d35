//! Long data in parts (`sync::parts`): a payload split for a message or for
//! QR codes comes back whole from its parts in any order, duplicates
//! ignored, every link within its carrier's limit, the assembler kept as
//! JSON between parts (as the app keeps it between tabs); parts of other
//! data, of the same data split otherwise, or changed on the way are
//! refused in Danish and change nothing; no fragment makes a panic.

use proptest::prelude::*;
use tid_og_lyst_core::sync::link::{self, LinkError};
use tid_og_lyst_core::sync::parts::{
    links, read_fragment, Assembler, Carrier, Fragment, Part, PartError, Progress, KEEP_MS, MAX_PARTS,
    MAX_QR_LINK_CHARS,
};

const APP: &str = "https://tidoglyst.example.dk/skal-kan";

/// The part a link carries.
fn part_of(url: &str) -> Part {
    match read_fragment(url.split_once('#').expect("a fragment").1) {
        Some(Fragment::Part(Ok(p))) => p,
        other => panic!("not a part: {other:?} in {url}"),
    }
}

/// A payload of `n` base64url characters that deflate would not shrink.
fn noisy(n: usize, seed: u64) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut x = seed | 1;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            char::from(ALPHABET[(x % 64) as usize])
        })
        .collect()
}

/// Through JSON, as the app keeps it in storage between page loads.
fn kept(a: &Assembler) -> Assembler {
    serde_json::from_str(&serde_json::to_string(a).unwrap()).unwrap()
}

fn carrier() -> impl Strategy<Value = Carrier> {
    prop_oneof![Just(Carrier::Message), Just(Carrier::QrCode)]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn parts_in_any_order_with_duplicates_make_the_whole(
        len in 1usize..16_000,
        seed in any::<u64>(),
        carrier in carrier(),
        order in Just((0..MAX_PARTS).collect::<Vec<_>>()).prop_shuffle(),
        repeats in proptest::collection::vec(0usize..MAX_PARTS, 0..6),
    ) {
        let payload = noisy(len, seed);
        let made = match links(APP, &payload, carrier) {
            Ok(l) => l,
            Err(e) => {
                prop_assert!(matches!(e, LinkError::TooManyParts { .. }), "{e:?}");
                prop_assert!(e.to_string().contains("fil"));
                return Ok(());
            }
        };
        for l in &made {
            prop_assert!(l.len() <= carrier.max_chars(), "{} > {}", l.len(), carrier.max_chars());
            prop_assert!(l.starts_with(APP));
        }
        if made.len() == 1 {
            prop_assert_eq!(read_fragment(made[0].split_once('#').unwrap().1), Some(Fragment::Whole(payload)));
            return Ok(());
        }
        prop_assert!(made.len() <= MAX_PARTS);
        // Every index 1..=n with its place; fewer parts would not fit.
        let parts: Vec<Part> = made.iter().map(|l| part_of(l)).collect();
        for (i, p) in parts.iter().enumerate() {
            prop_assert_eq!((p.index, p.count), (i + 1, made.len()));
        }
        // Sizes within one character of each other.
        let sizes: Vec<usize> = parts[..parts.len() - 1].iter().map(|p| p.chunk.len()).collect();
        prop_assert!(sizes.iter().all(|&s| s == sizes[0]));
        prop_assert!(parts.last().unwrap().chunk.len() <= sizes[0]);

        // The arrivals: a shuffled order of the parts, with some again in between.
        let mut arrivals: Vec<usize> = order.into_iter().filter(|&i| i < parts.len()).collect();
        for (k, r) in repeats.into_iter().enumerate() {
            let at = (k * 7) % arrivals.len();
            let again = arrivals[r % at.max(1)];
            arrivals.insert(at, again);
        }
        let mut seen = std::collections::BTreeSet::new();
        let mut assembler = Assembler::default();
        let mut whole = None;
        for (t, i) in arrivals.into_iter().enumerate() {
            prop_assert!(whole.is_none(), "nothing after the whole");
            let fresh = seen.insert(i);
            let mut a = kept(&assembler);
            let progress = a.accept(parts[i].clone(), 1_000 + t as i64).unwrap();
            if seen.len() < parts.len() {
                prop_assert_eq!(progress, Progress::Waiting { received: seen.len(), count: parts.len() });
                prop_assert_eq!(a.waiting(), Some((seen.len(), parts.len())));
            } else {
                prop_assert!(fresh, "the last new part completes it");
                prop_assert_eq!(&progress, &Progress::Complete(payload.clone()));
                prop_assert!(a.is_empty());
                whole = Some(progress);
            }
            assembler = a;
        }
        prop_assert!(whole.is_some());
    }

    #[test]
    fn any_fragment_is_read_without_panic_and_a_part_read_writes_back_the_same(
        text in "(#?(del|data)=)?[0-9a-f.]{0,14}[0-9.]{0,6}[A-Za-z0-9_!.-]{0,12}",
    ) {
        if let Some(Fragment::Part(Ok(part))) = read_fragment(&text) {
            prop_assert!(1 <= part.index && part.index <= part.count && part.count <= MAX_PARTS);
            prop_assert_eq!(read_fragment(&part.fragment()), Some(Fragment::Part(Ok(part.clone()))));
            let mut a = Assembler::default();
            let _ = a.accept(part, 0);
        }
    }

    #[test]
    fn a_part_of_other_data_or_split_otherwise_is_refused_and_changes_nothing(
        len in 3_000usize..12_000,
        seed in any::<u64>(),
    ) {
        let payload = noisy(len, seed);
        let other = noisy(len + 1, seed);
        let by_message = links(APP, &payload, Carrier::Message).unwrap();
        let by_qr = links(APP, &payload, Carrier::QrCode).unwrap();
        prop_assert!(by_qr.len() > by_message.len());
        // The other data may be cut into a different number of parts.
        let their_links = links(APP, &other, Carrier::Message).unwrap();
        let theirs = part_of(&their_links[0]);

        let mut a = Assembler::default();
        a.accept(part_of(&by_message[0]), 0).unwrap();
        let before = a.clone();
        prop_assert_eq!(
            a.accept(theirs.clone(), 1),
            Err(PartError::OtherTransfer { received: 1, count: by_message.len() })
        );
        prop_assert_eq!(&a, &before);
        prop_assert_eq!(
            a.accept(part_of(&by_qr[1]), 2),
            Err(PartError::OtherCount { got: by_qr.len(), count: by_message.len() })
        );
        prop_assert_eq!(&a, &before);
        // "Begynd forfra med dette link".
        prop_assert_eq!(a.start_over(theirs, 3), Ok(Progress::Waiting { received: 1, count: their_links.len() }));
    }
}

#[test]
fn a_changed_part_is_refused_or_caught_when_all_are_in() {
    let payload = noisy(5_000, 7);
    let parts: Vec<Part> = links(APP, &payload, Carrier::Message).unwrap().iter().map(|l| part_of(l)).collect();
    assert_eq!(parts.len(), 3);
    let mut changed = parts[1].clone();
    changed.chunk.replace_range(10..11, if &changed.chunk[10..11] == "A" { "B" } else { "A" });

    // The same place again with other contents: refused, the first kept.
    let mut a = Assembler::default();
    a.accept(parts[1].clone(), 0).unwrap();
    assert_eq!(a.accept(changed.clone(), 1), Err(PartError::Changed { index: 2 }));
    assert_eq!(a.waiting(), Some((1, 3)));

    // Changed before any other copy came: caught by the id once all are in,
    // and the parts are dropped so that new links can be opened.
    let mut a = Assembler::default();
    a.accept(parts[0].clone(), 0).unwrap();
    a.accept(changed, 1).unwrap();
    let err = a.accept(parts[2].clone(), 2).unwrap_err();
    assert_eq!(err, PartError::Corrupt);
    assert!(err.to_string().contains("Delene passer ikke sammen"), "{err}");
    assert!(a.is_empty());
}

#[test]
fn parts_a_week_old_are_not_waited_for() {
    let one = links(APP, &noisy(4_000, 1), Carrier::Message).unwrap();
    let two = links(APP, &noisy(4_000, 2), Carrier::Message).unwrap();
    let mut a = Assembler::default();
    a.accept(part_of(&one[0]), 0).unwrap();
    assert!(matches!(a.accept(part_of(&two[0]), KEEP_MS), Err(PartError::OtherTransfer { .. })));
    assert_eq!(a.accept(part_of(&two[0]), KEEP_MS + 1), Ok(Progress::Waiting { received: 1, count: two.len() }));
}

#[test]
fn a_real_export_travels_in_parts_and_decodes() {
    // Twenty workshop answers' worth of text that deflate cannot shrink much.
    let json = format!(r#"{{"format":"tid-og-lyst","version":1,"notes":"{}"}}"#, noisy(6_000, 42));
    let payload = link::encode(&json);
    let made = links(APP, &payload, Carrier::QrCode).unwrap();
    assert!(made.len() > 1);
    let mut a = Assembler::default();
    let mut last = None;
    for l in made.iter().rev() {
        last = Some(a.accept(part_of(l), 0).unwrap());
    }
    let Some(Progress::Complete(back)) = last else { panic!("{last:?}") };
    assert_eq!(link::decode(&back).unwrap(), json);
}

#[test]
fn every_qr_part_makes_a_code_of_version_28_or_less() {
    // 129 modules a side and 4 of quiet zone each way (see MAX_QR_LINK_CHARS).
    for (len, seed) in [(1_100, 0), (9_000, 1), (11_900, 2), (13_000, 3), (20_000, 4)] {
        for l in links(APP, &noisy(len, seed), Carrier::QrCode).unwrap() {
            assert!(l.len() <= MAX_QR_LINK_CHARS);
            let (side, _) = link::qr_path(&l).unwrap();
            assert!(side <= 129 + 8, "{side} modules for {} characters", l.len());
        }
    }
}

#[test]
fn too_much_for_links_is_refused_with_a_file_hint() {
    let err = links(APP, &noisy(MAX_PARTS * 2_000, 3), Carrier::Message).unwrap_err();
    assert!(matches!(err, LinkError::TooManyParts { max: MAX_PARTS, .. }), "{err:?}");
    assert!(err.to_string().contains("Del dem som fil"), "{err}");
    // An address too long for any part.
    let err = links(&"x".repeat(2_100), &noisy(100, 3), Carrier::Message).unwrap_err();
    assert_eq!(err, LinkError::TooManyParts { parts: None, max: MAX_PARTS });
}

#[test]
fn a_long_data_link_of_an_earlier_version_is_still_read() {
    // Links of up to 8,000 characters were made before parts.
    let payload = link::encode(&noisy(5_000, 9));
    let old = format!("{APP}#data={payload}");
    assert!(old.len() > link::MAX_LINK_CHARS);
    assert_eq!(read_fragment(old.split_once('#').unwrap().1), Some(Fragment::Whole(payload)));
}
