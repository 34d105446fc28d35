//! Danish strings of the dreams' year in numbers (`report`, the page
//! `/droemme/aarsrapport`) and of the paper posters (`paper`, the page
//! `/droemme/opslag`). Kept apart from `da.rs` so the two can change side by
//! side.

// ---- "Året i tal" ----

/// Page heading.
pub const REPORT_TITLE: &str = "Året i tal";
/// Lead text.
pub const REPORT_INTRO: &str =
    "Drømme opslået, opfyldt og aflyst, drømmeløbere og timer givet – måned for måned og efter kategori. Til årsberetningen og fondsansøgninger.";
/// No names in it.
pub const REPORT_ANONYMOUS: &str =
    "Kun tal: ingen navne, kontakter eller titler. Drømmeløbere og timer tælles for opfyldte drømme.";
/// The year chooser.
pub const YEAR: &str = "År";
/// Heading of the table by month.
pub fn by_month_title(year: i32) -> String {
    format!("Måned for måned i {year}")
}
/// Heading of the table by category.
pub fn by_category_title(year: i32) -> String {
    format!("Efter kategori i {year}")
}
/// Column: month.
pub const MONTH: &str = "Måned";
/// Column: category.
pub const CATEGORY: &str = "Kategori";
/// Column: year (the CSV's).
pub const YEAR_COLUMN: &str = "År";
/// The figures' columns, in the order of `report::Figures`.
pub const FIGURES: [&str; 5] = ["Opslået", "Opfyldt", "Aflyst", "Drømmeløbere", "Timer givet"];
/// The totals' row.
pub const TOTAL: &str = "I alt";
/// The CSV's month cell of the totals' row.
pub const WHOLE_YEAR: &str = "Hele året";
/// The CSV's category cell of the totals' row.
pub const ALL_CATEGORIES: &str = "Alle";
/// Button.
pub const DOWNLOAD_CSV: &str = "Hent CSV (regneark)";
/// Button.
pub const PRINT: &str = "Udskriv";
/// After the CSV file is saved.
pub fn csv_saved(file: &str) -> String {
    format!("Regnearket er gemt som {file}.")
}
/// The CSV file could not be offered.
pub const CSV_FAILED: &str = "Regnearket kunne ikke gemmes. Prøv igen.";
/// The board's link to the report.
pub const REPORT_LINK: &str = "Året i tal (til årsberetningen)";
/// The board's link to the posters of all open dreams.
pub const POSTERS_LINK: &str = "Opslag til opslagstavlen";

// ---- paper posters ----

/// Heading of the page of all open dreams.
pub const POSTERS_TITLE: &str = "Opslag";
/// Lead text of the page of all open dreams.
pub const POSTERS_INTRO: &str =
    "Alle åbne drømme til opslagstavlen på biblioteket eller i IT-caféen, to på hver række. Hver har en QR-kode, der åbner drømmen på mobilen.";
/// No open dream to print.
pub const POSTERS_NONE: &str = "Der er ingen åbne drømme at udskrive lige nu.";
/// Flagged dreams are left out.
pub fn posters_held(n: usize) -> String {
    if n == 1 {
        "1 drøm er ikke med, fordi grænserne ikke er bekræftet.".into()
    } else {
        format!("{n} drømme er ikke med, fordi grænserne ikke er bekræftet.")
    }
}
/// Link from one dream on the list to its own sheet.
pub const ONE_SHEET: &str = "A4-opslag";
/// The share box's button to a dream's own sheet.
pub const PRINT_POSTER: &str = "Udskriv opslag";
/// Help beside it.
pub const PRINT_POSTER_HELP: &str =
    "Et A4-ark til opslagstavlen med en QR-kode, der åbner drømmen på mobilen. Dine private noter kommer ikke med.";
/// Back from a sheet to its dream.
pub const BACK_TO_DREAM: &str = "Tilbage til drømmen";
/// Back from the sheets to the board.
pub const BACK_TO_BOARD: &str = "Tilbage til tavlen";
/// The sheet's kicker above the title.
pub const KICKER: &str = "Drøm søger drømmeløber";
/// How many runners are missing, in big letters.
pub fn missing(n: usize) -> String {
    match n {
        0 => "Der er drømmeløbere nok.".into(),
        1 => "Vi mangler 1 drømmeløber.".into(),
        n => format!("Vi mangler {n} drømmeløbere."),
    }
}
/// Under the QR code.
pub const SCAN: &str =
    "Scan koden med mobilens kamera. Drømmen åbner i Tid og Lyst, hvor du kan sige «Jeg tager den» – eller ring til koordinatoren.";
/// Under the QR code on the list of all open dreams.
pub const SCAN_SHORT: &str = "Scan for at se drømmen";
/// A dream held back from runners cannot be put up.
pub const FLAGGED: &str =
    "Drømmen kan ikke udskrives som opslag, før alle grænser er bekræftet under «Koordinatorens værktøjer».";
/// The sheet's footer.
pub const FOOTER: &str = "Drømmeløber-tavlen · Tid og Lyst";
/// While the records are read.
pub const LOADING: &str = "Henter drømmene …";
/// The printed heading of the list of all open dreams.
pub const PRINT_HEAD: &str = "Drømme, der søger drømmeløbere";
/// The printed help under it.
pub const PRINT_HELP: &str =
    "Scan koden ved en drøm med mobilens kamera: drømmen åbner i Tid og Lyst, hvor du kan sige «Jeg tager den». Eller ring til koordinatoren.";
