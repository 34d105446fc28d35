//! Danish strings of "Skan svar" (`sync::scan`, and the facilitator's scanner in
//! `src/features/assessment/scan.rs`): the camera reads each participant's
//! answers code. Kept apart from `da.rs` so the two can change side by side.

/// The button that opens the scanner.
pub const OPEN: &str = "Skan svar";
/// The button that closes it (and the camera).
pub const CLOSE: &str = "Luk kameraet";
/// The section's heading.
pub const TITLE: &str = "Skan deltagernes svar";
/// What to do.
pub fn help() -> String {
    format!(
        "Bed hver deltager trykke «{}» under «{}» og holde telefonen stille foran kameraet. \
         Hvert svar flettes ind med det samme, og du hører et bip.",
        crate::da::share::SHOW_QR,
        super::da::ui::EXPORT_MINE
    )
}
/// The video's label.
pub const VIDEO: &str = "Kameraets billede";
/// While the camera starts.
pub const STARTING: &str = "Starter kameraet …";
/// While codes are looked for.
pub const LOOKING: &str = "Kameraet leder efter QR-koder.";
/// The camera may not be used.
pub const DENIED: &str = "Appen har ikke lov til at bruge kameraet. Giv lov i browserens indstillinger, \
    eller sæt deltagernes links ind herunder.";
/// No camera on the device.
pub const ABSENT: &str = "Der er intet kamera på denne enhed. Sæt deltagernes links ind herunder i stedet.";
/// The camera is busy or failed.
pub const BUSY: &str = "Kameraet kunne ikke startes (det bruges måske af et andet program). \
    Prøv igen, eller sæt deltagernes links ind herunder.";
/// No camera access in this browser (or not over https).
pub const UNSUPPORTED: &str = "Browseren kan ikke bruge kameraet her. Sæt deltagernes links ind herunder i stedet.";
/// The QR reader (a download of its own) could not be fetched.
pub const READER_UNAVAILABLE: &str =
    "Værktøjet, der læser QR-koder, kunne ikke hentes. Tjek forbindelsen, og prøv igen – eller sæt links ind herunder.";
/// The paste field's label.
pub const PASTE: &str = "Eller sæt et svar-link ind";
/// The paste field's hint.
pub const PASTE_HINT: &str = "Et link, som en deltager har sendt dig med «Del som link».";
/// The paste button.
pub const PASTE_READ: &str = "Læs linket";
/// The list of what was read.
pub const LOG: &str = "Læst indtil nu";
/// A refused code: the reason, and that nothing changed.
pub fn refused(reason: &str) -> String {
    format!("{reason} Intet er ændret.")
}
/// Answers merged: who, and how many have answered now.
pub fn merged(aliases: &str, participants: usize) -> String {
    format!("Svar fra {aliases} er flettet ind – {participants} i alt.")
}
/// Answers already here: nothing counted twice.
pub fn already(aliases: &str, participants: usize) -> String {
    format!("Svar fra {aliases} var allerede med – {participants} i alt.")
}
/// One of a participant's several codes read.
pub fn part_read(received: usize, count: usize) -> String {
    format!("{received} af {count} koder fra samme telefon er læst. Vis den næste.")
}
