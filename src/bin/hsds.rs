//! Open Referral HSDS packages as a wasm of its own: the activities shown
//! as an HSDS 3 tabular data package in a zip file, and a package (a zip,
//! or its files) read back into activities (`tid_og_lyst_core::activities::
//! hsds`, and the zip container `tid_og_lyst::zip`). The activities' bundle does not carry the mapping or
//! the zip code: `ui::hsds` fetches this wasm the first time a coordinator
//! exports or imports a package (the page's loader offers it as
//! `globalThis.tolHsds()`), and the service worker keeps it for offline use.
//! Records cross as export-format JSON. (No function is named as a word
//! JavaScript reserves, `export`, `import` or `package`: the glue would
//! rename it.)

#[cfg(target_arch = "wasm32")]
mod exports {
    use serde_json::{json, Value};
    use tid_og_lyst::zip;
    use tid_og_lyst_core::activities::activity::Activity;
    use tid_og_lyst_core::activities::{csv, hsds};
    use tid_og_lyst_core::record::meta::{DeviceId, Meta, Rev};
    use tid_og_lyst_core::text::dates::to_local;
    use wasm_bindgen::prelude::wasm_bindgen;

    /// The zip file of the package of `activities` (a JSON list of records
    /// as the export format writes them), made at `now` (ms).
    #[wasm_bindgen]
    pub fn make_zip(activities: &str, now: f64) -> Result<Vec<u8>, String> {
        let list: Vec<Activity> = serde_json::from_str(activities).map_err(|e| e.to_string())?;
        let files: Vec<(String, Vec<u8>)> =
            hsds::export(&list, now as i64).into_iter().map(|(name, text)| (name, text.into_bytes())).collect();
        Ok(zip::write(&files, to_local(now as i64)))
    }

    /// The files of a zip file as name, text, name, text, … (texts in UTF-8
    /// or, failing that, Windows-1252), or the Danish reason why it cannot
    /// be read (thrown).
    #[wasm_bindgen]
    pub fn unzip(bytes: &[u8]) -> Result<Vec<String>, String> {
        let files = zip::read(bytes).map_err(|e| e.to_string())?;
        Ok(files.into_iter().flat_map(|(name, data)| [name, csv::decode(&data)]).collect())
    }

    /// A package's files (`names[i]` holding `texts[i]`) read into
    /// activities: `{"good": [[row, record]], "bad": [[row, why]],
    /// "warnings": [[row, what]]}`, each record with the revision `now`
    /// (the page stamps them anew), or the Danish reason why the package
    /// cannot be read (thrown).
    #[wasm_bindgen]
    pub fn read_files(names: Vec<String>, texts: Vec<String>, now: f64) -> Result<String, String> {
        let files: Vec<(String, String)> = names.into_iter().zip(texts).collect();
        let rev = Rev { at: now as i64, n: 0, by: DeviceId("hsds".into()) };
        let mut meta = |id: Option<tid_og_lyst_core::record::meta::RecordId>| Meta {
            id: id.unwrap_or(tid_og_lyst_core::record::meta::RecordId::from_seed(now as u64)),
            rev: rev.clone(),
            deleted: false,
        };
        let read = hsds::import(&files, &mut meta).map_err(|e| e.to_string())?;
        let good: Vec<Value> = read.good.iter().map(|(line, a)| json!([line, a])).collect();
        Ok(json!({"good": good, "bad": read.bad, "warnings": read.warnings}).to_string())
    }
}

fn main() {}
