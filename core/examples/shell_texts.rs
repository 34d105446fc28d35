//! Writes, as JSON on standard output, the Danish texts of every route's
//! static first paint (tools/shell.mjs builds the pages from them, at build
//! time), so the static copy and the app read the same constants.
//!
//! `cargo run -q -p tid-og-lyst-core --example shell_texts [catalogue.json]`
//!
//! With a catalogue, also the top of each example activity's own page
//! (`catalogue`: id, category, title, example, organizer), for the
//! activities the app reads from it (`sync::catalogue::parse_catalogue`),
//! as the activity's page draws them.

use std::io::Write;

use serde_json::json;
use tid_og_lyst_core::sync::catalogue::parse_catalogue;
use tid_og_lyst_core::{activities, assessment, da, dreams};

fn main() -> std::io::Result<()> {
    let catalogue = match std::env::args().nth(1) {
        Some(path) => {
            let text = std::fs::read_to_string(&path)?;
            let (list, _) = parse_catalogue(&text).map_err(std::io::Error::other)?;
            list.iter()
                .filter(|a| !a.meta.deleted)
                .map(|a| {
                    json!({ "id": a.meta.id.to_string(), "category": a.category.label(), "title": a.title,
                        "example": a.example, "organizer": a.organizer })
                })
                .collect()
        }
        None => Vec::new(),
    };
    let texts = json!({
        "app": {
            "NAME": da::app::NAME,
            "SKIP": da::app::SKIP,
            "NAV_LABEL": da::app::NAV_LABEL,
            "NAV_HOME": da::app::NAV_HOME,
            "NAV_ABOUT": da::app::NAV_ABOUT,
            "NAV": [
                ["/droemme", da::app::NAV_DREAMS],
                ["/aktiviteter", da::app::NAV_ACTIVITIES],
                ["/skal-kan", da::app::NAV_ASSESSMENT],
                ["/del", da::app::NAV_DATA],
            ],
            "TEXT_SIZE": da::app::TEXT_SIZE,
            "TEXT_SIZES": da::app::TEXT_SIZES,
            "PROJECTOR": da::app::PROJECTOR,
            "TABLET": da::tablet::SETTING,
            "DISPLAY": da::display::VIEW,
            "FOOTER": da::app::FOOTER,
            "BOOT": da::app::BOOT,
        },
        "home": { "TITLE": da::home::TITLE, "INTRO": da::home::INTRO, "DOORS": da::home::DOORS },
        "dreams": { "TITLE": dreams::da::TITLE, "INTRO": dreams::da::INTRO, "EMPTY_BOARD": dreams::da::EMPTY_BOARD,
            "BACK": dreams::da::BACK,
            "NEW_TITLE": dreams::da::NEW_TITLE,
            "NOT_FOUND": dreams::da::NOT_FOUND,
        },
        "activities": {
            "TITLE": activities::da::TITLE,
            "ADD": activities::da::ADD,
            "BACK": activities::da::BACK,
            "NEW_TITLE": activities::da::NEW_TITLE,
            "BACK_TO_SEARCH": activities::da::BACK_TO_SEARCH,
            "LISTS": activities::da::LISTS,
            "LOADING": activities::da::LOADING,
            "EXPORT_CSV_HINT": activities::da::EXPORT_CSV_HINT,
            "EXPORT_CSV": activities::da::EXPORT_CSV,
            "IMPORT_CSV": activities::da::IMPORT_CSV,
            "SHARE_SHOWN_HINT": activities::da::SHARE_SHOWN_HINT,
            "EXAMPLE_NOTICE": activities::da::EXAMPLE_NOTICE,
        },
        "assessment": { "TITLE": assessment::da::ui::TITLE, "INTRO": assessment::da::ui::INTRO,
            "NOT_FOUND": assessment::da::ui::NOT_FOUND, "BACK": assessment::da::ui::BACK },
        "data": {
            "TITLE": da::data::TITLE,
            "INTRO": da::data::INTRO,
            "STATS_NONE": da::data::stats(0, 0, 0),
            "EXPORT_TITLE": da::data::EXPORT_TITLE,
            "EXPORT": da::data::EXPORT,
            "SHARE_TITLE": da::share::TITLE,
            "SHARE_HELP": da::share::HELP,
            "SHARE_LINK": da::share::SHARE_LINK,
            "SHOW_QR": da::share::SHOW_QR,
        },
        "about": { "TITLE": da::about::TITLE, "INTRO": da::about::INTRO },
        "catalogue": catalogue,
    });
    writeln!(std::io::stdout().lock(), "{texts}")
}
