//! Danish strings of the dreams part (Drømmeløber-tavlen): labels, messages
//! from validation and privacy checks, and the page texts.

use std::fmt;

use crate::dreams::dream::{Boundary, Category, DreamError, Event, PartOfDay, Status, TextField};
use crate::text::fields::text_problem;

/// Page heading.
pub const TITLE: &str = "Drømmeløber-tavlen";
/// Lead text.
pub const INTRO: &str = "Konkrete drømme fra ældre, som du kan opfylde, når du har tid og lyst.";

// ---- field names (also used in messages) ----
/// Field: title.
pub const F_TITLE: &str = "Titel";
/// Field: story.
pub const F_STORY: &str = "Historien";
/// Field: dreamer.
pub const F_DREAMER: &str = "Drømmerens fornavn";
/// Field: age.
pub const F_AGE: &str = "Alder (valgfri)";
/// Field: municipality.
pub const F_MUNICIPALITY: &str = "Kommune";
/// Field: place.
pub const F_PLACE: &str = "Sted";
/// Field: window from.
pub const F_FROM: &str = "Fra dato";
/// Field: window to.
pub const F_TO: &str = "Til dato";
/// Field: parts of day.
pub const F_TIMES: &str = "Tid på dagen";
/// Field: duration.
pub const F_HOURS: &str = "Varighed i timer";
/// Field: runners needed.
pub const F_RUNNERS: &str = "Antal drømmeløbere";
/// Field: category.
pub const F_CATEGORY: &str = "Kategori";
/// Field: needs.
pub const F_NEEDS: &str = "Praktiske behov";
/// Help for needs.
pub const F_NEEDS_HELP: &str = "Adskil med komma, fx bil, kørestol, to personer.";
/// Field: coordinator name.
pub const F_COORD_NAME: &str = "Koordinatorens navn";
/// Field: coordinator contact.
pub const F_COORD_CONTACT: &str = "Koordinatorens telefon eller mail";
/// Field: reply by.
pub const F_REPLY_BY: &str = "Svar senest";
/// Field: private note.
pub const F_PRIVATE: &str = "Private noter om drømmeren";
/// Help for private note.
pub const F_PRIVATE_HELP: &str =
    "Kun til dig som koordinator (fx hvor drømmeren bor, hvordan familien kontaktes). Kommer aldrig med i filen til drømmeløberne.";
/// Field: outcome.
pub const F_OUTCOME: &str = "Sådan gik det";
/// Field: cancel reason.
pub const F_REASON: &str = "Årsag til aflysning";
/// Field: runner name.
pub const F_RUNNER_NAME: &str = "Dit navn";
/// Field: runner contact.
pub const F_RUNNER_CONTACT: &str = "Din telefon eller mail";
/// Field: planned date.
pub const F_PLAN_DATE: &str = "Aftalt dato";
/// Field: planned time.
pub const F_PLAN_TIME: &str = "Klokkeslæt (valgfrit)";
/// "snarest".
pub const SOONEST: &str = "Snarest";

// ---- validation ----
/// Title too long.
pub const TITLE_TOO_LONG: &str = "Titlen er for lang. Skriv højst 200 tegn.";
/// Title missing.
pub const TITLE_MISSING: &str = "Skriv en kort titel, fx «Fisketur fra havnen».";
/// Municipality missing.
pub const MUNICIPALITY_MISSING: &str = "Skriv hvilken kommune drømmen er i.";
/// Bad hours.
pub const BAD_HOURS: &str = "Varigheden skal være et tal mellem 0,5 og 72 timer.";
/// Bad runners.
pub const BAD_RUNNERS: &str = "Antal drømmeløbere skal være et helt tal fra 1 til 20.";
/// Window backwards.
pub const WINDOW_BACKWARDS: &str = "«Fra dato» skal ligge før eller på «Til dato».";
/// Reply-by after window.
pub const REPLY_AFTER_WINDOW: &str = "«Svar senest» skal ligge før eller på «Til dato».";
/// Bad date.
pub const BAD_DATE: &str = "Datoen kan ikke læses. Brug formen 24-12-2026.";
/// Bad age.
pub const BAD_AGE: &str = "Alderen skal være et helt tal mellem 50 og 120, eller tom.";
/// Coordinator missing.
pub const COORD_MISSING: &str =
    "Skriv dit navn og din telefon eller mail som koordinator, så drømmeløberne kan kontakte dig.";
/// Too many claims in a file.
pub const TOO_MANY_CLAIMS: &str = "drømmen har for mange tilmeldinger";
/// Too long log.
pub const TOO_LONG_LOG: &str = "drømmens historik er for lang";
/// Dreamer name warning.
pub const DREAMER_FULL_NAME: &str =
    "Skriv kun drømmerens fornavn eller initialer – ikke efternavn. Det beskytter den ældre (tavshedspligt).";
/// Runner name missing.
pub const RUNNER_NAME_MISSING: &str = "Skriv dit navn, så koordinatoren ved, hvem der tager drømmen.";
/// Runner contact missing.
pub const RUNNER_CONTACT_MISSING: &str = "Skriv din telefon eller mail, så koordinatoren kan kontakte dig.";

/// A planned date that cannot be read.
pub fn bad_planned_for(s: &str) -> String {
    format!("den aftalte dato «{}» kan ikke læses", s.chars().take(30).collect::<String>())
}

/// CPR refused.
pub fn cpr_refused(field: &str, _found: &str) -> String {
    format!(
        "Feltet «{field}» indeholder noget, der ligner et CPR-nummer. Det må ikke stå i Tid og Lyst: \
         CPR-numre er fortrolige oplysninger (databeskyttelsesloven § 11), og drømmeløberne har ikke brug for dem. \
         Fjern tallet og prøv igen."
    )
}

/// Phone warning.
pub fn phone_warning(field: &str, found: &str) -> String {
    format!(
        "Feltet «{field}» ser ud til at indeholde et telefonnummer ({found}). Skriv ikke den ældres telefonnummer – \
         drømmeløberne kontakter dig som koordinator. Læg det i de private noter, hvis du har brug for det."
    )
}

/// Address warning.
pub fn address_warning(field: &str, found: &str) -> String {
    format!(
        "Feltet «{field}» ser ud til at indeholde en adresse ({found}). Skriv kun by eller område – \
         adressen kan stå i de private noter."
    )
}

/// Category label.
pub fn category(c: Category) -> &'static str {
    match c {
        Category::Udflugt => "Udflugt",
        Category::Natur => "Natur",
        Category::Musik => "Musik",
        Category::Mad => "Mad",
        Category::Kultur => "Kultur",
        Category::Bevaegelse => "Bevægelse",
        Category::Besoeg => "Besøg",
        Category::Andet => "Andet",
    }
}

/// Part-of-day label.
pub fn part_of_day(p: PartOfDay) -> &'static str {
    match p {
        PartOfDay::Formiddag => "Formiddag",
        PartOfDay::Eftermiddag => "Eftermiddag",
        PartOfDay::Aften => "Aften",
    }
}

/// Status label.
pub fn status(s: Status) -> &'static str {
    match s {
        Status::Open => "Åben",
        Status::Taken => "Taget",
        Status::Planned => "Planlagt",
        Status::Fulfilled => "Opfyldt",
        Status::Cancelled => "Aflyst",
    }
}

/// The boundary checklist, worded after Ældre Sagen's volunteer policy
/// ("Frivilligheden er fri og handler ikke om at løse faste opgaver").
pub fn boundary(b: Boundary) -> &'static str {
    match b {
        Boundary::Penge => "Drømmeløberen skal ikke håndtere drømmerens penge, kort eller koder",
        Boundary::Medicin => "Drømmeløberen skal ikke give eller håndtere medicin",
        Boundary::Noegler => "Drømmeløberen skal ikke have nøgler til drømmerens hjem",
        Boundary::Pleje => "Drømmen kræver ikke personlig pleje eller faglig uddannelse",
        Boundary::Myndighed => "Drømmen er ikke en opgave, kommunen skal løse efter loven (SKAL-opgave)",
    }
}

/// Short name of a boundary for flags.
pub fn boundary_short(b: Boundary) -> &'static str {
    match b {
        Boundary::Penge => "penge",
        Boundary::Medicin => "medicin",
        Boundary::Noegler => "nøgler",
        Boundary::Pleje => "personlig pleje eller faglig opgave",
        Boundary::Myndighed => "kommunens lovpligtige opgave",
    }
}

/// Words in the story that hint at a boundary.
pub fn boundary_hint_words(b: Boundary) -> &'static [&'static str] {
    match b {
        Boundary::Penge => &["penge", "kontant", "pinkode", "dankort", "betalingskort", "mobilepay", "hæve"],
        Boundary::Medicin => &["medicin", "pille", "piller", "tablet", "insulin", "doseringsæske"],
        Boundary::Noegler => &["nøgle", "nøgler", "nøgleboks"],
        Boundary::Pleje => {
            &["bad", "bade", "vaske", "toiletbesøg", "forbinding", "sårpleje", "genoptræning", "bleskift"]
        }
        Boundary::Myndighed => &["hjemmehjælp", "visitation", "bisidder", "ansøgning", "myndighed", "sagsbehandl"],
    }
}

/// Hint that the text mentions a boundary word.
pub fn boundary_hint(b: Boundary, word: &str) -> String {
    format!("Teksten nævner «{word}». Tjek grænsen: {}.", boundary(b).to_lowercase())
}

/// Overbooked flag.
pub fn overbooked(claims: usize, needed: u8) -> String {
    format!(
        "Overbooket: {claims} har taget den, men den kræver kun {needed}. Kontakt de drømmeløbere, der er for mange."
    )
}

/// Expired flag.
pub const EXPIRED: &str = "Udløbet: fristen er overskredet, og der mangler drømmeløbere.";
/// Flagged (boundary) text.
pub fn flagged(missing: &[Boundary]) -> String {
    let list: Vec<&str> = missing.iter().map(|b| boundary_short(*b)).collect();
    format!(
        "Tjek grænserne: ikke bekræftet – {}. Drømmen deles ikke med drømmeløberne, før grænserne er bekræftet.",
        list.join(", ")
    )
}

// ---- dates ----
/// Danish month and weekday names (Monday first), shared with the other parts.
pub use crate::text::dates::{MONTHS, WEEKDAYS};
/// "Fra …".
pub fn window_from(d: &str) -> String {
    format!("Fra {d}")
}
/// "Senest …".
pub fn window_to(d: &str) -> String {
    format!("Senest {d}")
}
/// "N timer".
pub fn hours(h: &str) -> String {
    if h == "1" {
        "1 time".into()
    } else {
        format!("{h} timer")
    }
}

// ---- posts ----
/// Post heading.
pub const POST_HEAD: &str = "Drøm søger drømmeløber";
/// "Hvem:".
pub const POST_WHO: &str = "Drømmer:";
/// "Hvor:".
pub const POST_WHERE: &str = "Hvor:";
/// "Hvornår:".
pub const POST_WHEN: &str = "Hvornår:";
/// "Varighed:".
pub const POST_HOURS: &str = "Varighed:";
/// "Kategori:".
pub const POST_CATEGORY: &str = "Kategori:";
/// "Praktisk:".
pub const POST_NEEDS: &str = "Praktisk:";
/// "Kontakt koordinatoren:".
pub const POST_CONTACT: &str = "Kontakt koordinatoren:";
/// Hashtags.
pub const POST_TAGS: &str = "#drømmeløber #frivilligNårDuHarTidOgLyst";
/// Runners missing.
pub fn post_missing(n: usize) -> String {
    if n == 1 {
        "Vi mangler 1 drømmeløber.".into()
    } else {
        format!("Vi mangler {n} drømmeløbere.")
    }
}
/// Calendar summary prefix.
pub const CAL_PREFIX: &str = "Drømmeløber";
/// Calendar alarm text.
pub fn cal_alarm(title: &str) -> String {
    format!("I morgen: {title}")
}

// ---- the board page ----
/// Finder heading.
pub const FINDER_TITLE: &str = "Hvornår har du tid?";
/// Finder help.
pub const FINDER_HELP: &str = "Fortæl hvornår du er fri, og hvad du har lyst til. Så viser tavlen de drømme, der passer – dem med den korteste frist først.";
/// Finder: free from.
pub const FINDER_FROM: &str = "Jeg har tid fra";
/// Finder: free to.
pub const FINDER_TO: &str = "til og med";
/// Finder: hours.
pub const FINDER_HOURS: &str = "Timer jeg har";
/// Finder: categories legend.
pub const FINDER_WISH: &str = "Hvad har du lyst til?";
/// Finder: submit.
pub const FINDER_GO: &str = "Find drømme";
/// Finder: reset.
pub const FINDER_RESET: &str = "Nulstil";
/// Filters heading.
pub const FILTERS: &str = "Filtre";
/// Filter: status.
pub const F_STATUS: &str = "Status";
/// "Alle".
pub const ALL: &str = "Alle";
/// Filter: fits my time.
pub const FITS_MY_TIME: &str = "Passer til min tid";
/// Count of dreams shown.
pub fn count(n: usize, fitting: bool) -> String {
    match (n, fitting) {
        (1, true) => "1 drøm passer til din tid".into(),
        (n, true) => format!("{n} drømme passer til din tid"),
        (1, false) => "1 drøm".into(),
        (n, false) => format!("{n} drømme"),
    }
}
/// Empty column.
pub const EMPTY_COLUMN: &str = "Ingen drømme her.";
/// Empty board.
pub const EMPTY_BOARD: &str = "Der er ingen drømme på tavlen endnu. Koordinatoren kan oprette en med «Ny drøm», eller du kan importere en fil fra koordinatoren under «Del data».";
/// Board heading (screen readers).
pub const BOARD_TITLE: &str = "Tavlen";
/// Mine heading.
pub const MINE_TITLE: &str = "Mine drømme";
/// Mine empty.
pub const MINE_EMPTY: &str = "Du har ikke taget nogen drømme endnu på denne enhed.";
/// Coordinator heading.
pub const COORD_TITLE: &str = "Koordinator"; // as the board's button that leads here; one word short enough for a phone at A++
/// New dream button.
pub const NEW: &str = "Ny drøm";
/// Share to runners.
pub const SHARE_RUNNERS: &str = "Del med drømmeløberne";
/// Help for share to runners.
pub const SHARE_RUNNERS_HELP: &str = "Gemmer en fil med tavlens drømme uden dine private noter. Send den til drømmeløberne, som importerer den under «Del data». Når de sender deres fil tilbage, fletter du den ind samme sted.";
/// Shared to runners.
pub fn shared_runners(n: usize, held: &[String]) -> String {
    let mut s = format!("Filen til drømmeløberne er gemt med {n} drømme (uden private noter).");
    if !held.is_empty() {
        s.push_str(&format!(" Ikke med, fordi grænserne ikke er bekræftet: {}.", held.join(", ")));
    }
    s
}
/// Share failed.
pub const SHARE_RUNNERS_FAILED: &str = "Filen kunne ikke gemmes. Prøv igen.";
/// Counts heading.
pub fn counts_title(year: i32) -> String {
    format!("Drømme i {year}")
}

// ---- one dream ----
/// Back link.
pub const BACK: &str = "Tilbage til tavlen";
/// Not found.
pub const NOT_FOUND: &str =
    "Drømmen findes ikke (længere) på denne enhed. Måske skal du importere koordinatorens fil under «Del data».";
/// New dream heading.
pub const NEW_TITLE: &str = "Ny drøm";
/// Edit heading.
pub const EDIT_TITLE: &str = "Redigér drømmen";
/// Save.
pub const SAVE: &str = "Gem";
/// Cancel.
pub const CANCEL: &str = "Annullér";
/// Edit button.
pub const EDIT: &str = "Redigér";
/// Form has errors.
pub const FORM_ERRORS: &str = "Drømmen er ikke gemt. Ret felterne med fejl:";
/// Form warnings heading.
pub const FORM_WARNINGS: &str = "Vær opmærksom (du kan godt gemme):";
/// Saved.
pub const SAVED: &str = "Drømmen er gemt.";
/// Boundaries legend.
pub const BOUNDARIES_TITLE: &str = "Grænser for frivillige – bekræft hver";
/// Boundaries help.
pub const BOUNDARIES_HELP: &str = "Fra Ældre Sagens frivillighedspolitik: frivilligheden er fri og handler ikke om at løse faste opgaver. En drøm, der ikke holder sig inden for alle grænser, bliver markeret og deles ikke med drømmeløberne.";
/// Times help.
pub const TIMES_HELP: &str = "Sæt ingen flueben, hvis tidspunktet er ligegyldigt.";
/// Window help.
pub const WINDOW_HELP: &str = "Lad datoerne stå tomme, hvis drømmen skal opfyldes snarest.";
/// Facts.
pub const WHO: &str = "Drømmer";
/// Facts.
pub const WHERE: &str = "Hvor";
/// Facts.
pub const WHEN: &str = "Hvornår";
/// Facts.
pub const DURATION: &str = "Varighed";
/// Facts.
pub const RUNNERS: &str = "Drømmeløbere";
/// Facts.
pub const NEEDS: &str = "Praktisk";
/// Facts.
pub const CONTACT: &str = "Koordinator";
/// Facts.
pub const PLANNED: &str = "Aftalt dato";
/// Runners x of y.
pub fn runners_of(have: usize, need: u8) -> String {
    format!("{have} af {need}")
}
/// Missing runners badge.
pub fn missing(n: usize) -> String {
    if n == 1 {
        "Mangler 1 drømmeløber".into()
    } else {
        format!("Mangler {n} drømmeløbere")
    }
}
/// Overbooked badge.
pub const OVERBOOKED: &str = "Overbooket";
/// Expired badge.
pub const EXPIRED_BADGE: &str = "Udløbet";
/// Flagged badge.
pub const FLAGGED_BADGE: &str = "Tjek grænserne";
/// Reply by badge.
pub fn reply_by(d: &str) -> String {
    format!("Svar senest {d}")
}
/// Claims heading.
pub const CLAIMS_TITLE: &str = "Hvem har taget den";
/// No claims.
pub const NO_CLAIMS: &str = "Ingen endnu.";
/// Claim heading.
pub const CLAIM_TITLE: &str = "Vil du opfylde drømmen?";
/// Claim help.
pub const CLAIM_HELP: &str = "Skriv dit navn og hvordan koordinatoren kan kontakte dig. Dit navn huskes på denne enhed, så du kan finde drømmen under «Mine drømme».";
/// Claim button.
pub const CLAIM: &str = "Jeg tager den";
/// Claimed.
pub const CLAIMED: &str = "Tak! Du har taget drømmen. Eksportér dine data under «Del data», og send filen til koordinatoren, så hun eller han ved det.";
/// Release button.
pub const RELEASE: &str = "Slip igen";
/// Released.
pub const RELEASED: &str = "Du har sluppet drømmen. Den er åben igen for andre.";
/// You have it.
pub const YOU_HAVE_IT: &str = "Du har taget denne drøm.";
/// Not claimable.
pub const NOT_CLAIMABLE: &str = "Drømmen har nok drømmeløbere lige nu.";
/// Export for coordinator.
pub const EXPORT_FOR_COORD: &str = "Gem fil til koordinatoren";
/// Calendar button.
pub const CALENDAR: &str = "Føj til kalender";
/// Calendar help.
pub const CALENDAR_HELP: &str =
    "Gemmer en kalenderfil (.ics) med en påmindelse dagen før. Åbn filen for at lægge aftalen i din kalender.";
/// Calendar saved.
pub const CALENDAR_SAVED: &str = "Kalenderfilen er gemt. Åbn den for at lægge aftalen i din kalender.";
/// Coordinator tools on a dream.
pub const MANAGE_TITLE: &str = "Koordinatorens værktøjer";
/// Plan button.
pub const PLAN: &str = "Sæt dato";
/// Plan needs a date.
pub const PLAN_NEEDS_DATE: &str = "Vælg en dato.";
/// Fulfil button.
pub const FULFIL: &str = "Markér som opfyldt";
/// Cancel dream button.
pub const CANCEL_DREAM: &str = "Aflys drømmen";
/// Reopen button.
pub const REOPEN: &str = "Genåbn drømmen";
/// Remove a claim (coordinator).
pub fn remove_claim(name: &str) -> String {
    format!("Fjern {name}")
}
/// Private note heading.
pub const PRIVATE_TITLE: &str = "Private noter (kun her)";
/// Outcome heading.
pub const OUTCOME_TITLE: &str = "Sådan gik det";
/// Cancelled reason heading.
pub const CANCELLED_TITLE: &str = "Aflyst";
/// History heading.
pub const HISTORY_TITLE: &str = "Historik";
/// Event text.
pub fn event(e: &Event, claim_name: Option<&str>) -> String {
    use Event::*;
    let n = claim_name.map(|n| format!(" ({n})")).unwrap_or_default();
    match e {
        Created => "oprettede drømmen".into(),
        Edited => "rettede drømmen".into(),
        Claimed { .. } => format!("tog drømmen{n}"),
        Released { .. } => format!("slap drømmen{n}"),
        Planned { date } => format!("satte dato: {date}"),
        Fulfilled => "markerede drømmen som opfyldt".into(),
        Cancelled => "aflyste drømmen".into(),
        Reopened => "genåbnede drømmen".into(),
        Confirmed { .. } => format!("bekræftede{n}"),
        Declined { .. } => format!("sagde nej tak{n}"),
        StillOk { .. } => format!("kan stadig det nye tidspunkt{n}"),
        TookPlace { .. } => format!("tog pladsen som reserve{n}"),
        Thanked => "tilføjede en tak fra drømmeren".into(),
    }
}
/// Share heading.
pub const SHARE_TITLE: &str = "Del som opslag";
/// Share help.
pub const SHARE_HELP: &str =
    "En færdig tekst til Facebook-gruppen, en SMS eller en mail. Kun fornavn – aldrig de private noter.";
/// Channel legend.
pub const CHANNEL: &str = "Hvor skal opslaget hen?";
/// Channels.
pub const CHANNELS: [&str; 3] = ["Facebook-gruppen", "SMS", "Mail"];
/// Post text label.
pub const POST_TEXT: &str = "Tekst til opslaget";
/// Copy button.
pub const COPY: &str = "Kopiér teksten";
/// Copied.
pub const COPIED: &str = "Teksten er kopieret. Sæt den ind i opslaget.";
/// Copy failed.
pub const COPY_FAILED: &str = "Kunne ikke kopiere. Markér teksten og kopiér den selv.";
/// Web share button.
pub const WEB_SHARE: &str = "Del …";
/// Mail link.
pub const MAIL_LINK: &str = "Åbn i mailprogram";
/// Date-time format for the log.
pub fn log_time(date: &str, time: &str) -> String {
    format!("{date} kl. {time}")
}

/// Heading of the share-as-link part of a dream's share box.
pub const AS_LINK_TITLE: &str = "Send drømmen som link";
/// Help for it.
pub const AS_LINK_HELP: &str = "Et link eller en QR-kode lægger drømmen direkte ind i modtagerens Tid og Lyst – uden fil. Private noter kommer ikke med.";

impl Category {
    /// The Danish name.
    pub fn label(self) -> &'static str {
        category(self)
    }
}

impl PartOfDay {
    /// The Danish name.
    pub fn label(self) -> &'static str {
        part_of_day(self)
    }
}

impl Status {
    /// The Danish name.
    pub fn label(self) -> &'static str {
        status(self)
    }
}

impl TextField {
    /// The Danish name of the field, as the form shows it.
    pub fn label(self) -> &'static str {
        match self {
            TextField::Title => F_TITLE,
            TextField::Story => F_STORY,
            TextField::Dreamer => F_DREAMER,
            TextField::Municipality => F_MUNICIPALITY,
            TextField::Place => F_PLACE,
            TextField::CoordName => F_COORD_NAME,
            TextField::CoordContact => F_COORD_CONTACT,
            TextField::Needs => F_NEEDS,
            TextField::Outcome => F_OUTCOME,
            TextField::Reason => F_REASON,
            TextField::Private => F_PRIVATE,
            TextField::RunnerName => F_RUNNER_NAME,
            TextField::RunnerContact => F_RUNNER_CONTACT,
            TextField::DeclineReason => F_DECLINE_REASON,
            TextField::Thanks => F_THANKS,
        }
    }
}

/// Every dream error in Danish: the one place they are worded.
impl fmt::Display for DreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DreamError::Text(field, problem) => f.write_str(&text_problem(field.label(), *problem)),
            DreamError::TitleTooLong => f.write_str(TITLE_TOO_LONG),
            DreamError::Cpr(field) => f.write_str(&cpr_refused(field.label(), "")),
            DreamError::BadHours => f.write_str(BAD_HOURS),
            DreamError::BadRunners => f.write_str(BAD_RUNNERS),
            DreamError::WindowBackwards => f.write_str(WINDOW_BACKWARDS),
            DreamError::BadPlannedFor(s) => f.write_str(&bad_planned_for(s)),
            DreamError::TooManyClaims => f.write_str(TOO_MANY_CLAIMS),
            DreamError::TooLongLog => f.write_str(TOO_LONG_LOG),
        }
    }
}

/// Step done: the date is set.
pub const DONE_PLANNED: &str = "Datoen er gemt.";
/// Step done: fulfilled.
pub const DONE_FULFILLED: &str = "Drømmen er markeret som opfyldt.";
/// Step done: cancelled.
pub const DONE_CANCELLED: &str = "Drømmen er aflyst.";
/// Step done: reopened.
pub const DONE_REOPENED: &str = "Drømmen er åben igen.";
/// Step refused: the dream is gone.
pub const STEP_GONE: &str = "Drømmen findes ikke længere på denne enhed.";
/// Step refused: the dream's state does not allow it.
pub fn step_not_now(status: &str) -> String {
    format!("Det kan ikke lade sig gøre nu, for drømmen står som «{status}». Intet er ændret.")
}
/// Step refused: this device already has a claim.
pub const STEP_ALREADY_YOURS: &str = "Du har allerede taget denne drøm på denne enhed.";
/// Step refused: no such claim.
pub const STEP_NO_SUCH_CLAIM: &str =
    "Tilmeldingen findes ikke længere. Den er måske allerede sluppet. Intet er ændret.";
/// The button that folds out the filters on phones: "Filtre" or "Filtre (2)".
pub fn filters_button(on: usize) -> String {
    if on == 0 {
        "Filtre".to_string()
    } else {
        format!("Filtre ({on})")
    }
}
/// "Mine drømme (2)" on the button at the top of the board ("Mine drømme" when none).
pub fn mine_button(n: usize) -> String {
    if n == 0 {
        MINE_TITLE.to_string()
    } else {
        format!("{MINE_TITLE} ({n})")
    }
}
/// The jump to the coordinator's tools at the top of the board.
pub const TO_COORD: &str = "Koordinator";
/// The remembered answer to "Hvornår har du tid?", shown while it filters.
pub const FINDER_ACTIVE: &str = "Du ser de drømme, der passer til din tid.";

// ---- The coordinator's week: confirm, reserve, re-confirm, thank, forget ----

/// Step done: a claim waits for the coordinator.
pub const DONE_AWAITING: &str =
    "Tak! Du står på drømmen og afventer koordinatorens bekræftelse. Du kan se svaret her, når det er kommet.";
/// Step done: in the reserve queue.
pub const DONE_RESERVED: &str = "Du står nu som reserve. Slipper en drømmeløber, bliver pladsen tilbudt dig her.";
/// Step done: the coordinator entered a runner who phoned.
pub const DONE_CLAIMED_FOR: &str = "Drømmeløberen er sat på drømmen.";
/// Step done: the coordinator entered a reserve who phoned.
pub const DONE_RESERVED_FOR: &str = "Pladserne er taget, så drømmeløberen er sat på som reserve.";
/// Step done: confirmed.
pub const DONE_CONFIRMED: &str = "Drømmeløberen er bekræftet.";
/// Step done: declined.
pub const DONE_DECLINED: &str = "Du har sagt nej tak til drømmeløberen.";
/// Step done: a reserve took the place.
pub const DONE_TOOK_PLACE: &str = "Pladsen er din. Tak!";
/// Step done: yes to the new time.
pub const DONE_STILL_OK: &str = "Tak! Koordinatoren kan se, at du stadig kan.";
/// Step done: the thank-you is saved.
pub const DONE_THANKED: &str = "Takken er gemt og vises for drømmeløberne.";
/// Step refused: no place free.
pub const STEP_FULL: &str = "Pladserne er lige blevet taget. Du kan melde dig som reserve i stedet.";
/// Step refused: a place is free.
pub const STEP_PLACE_FREE: &str = "Der er en ledig plads, så du kan tage drømmen i stedet for at være reserve.";
/// Step refused: not waiting for an answer.
pub const STEP_NOT_WAITING: &str = "Tilmeldingen venter ikke på svar. Intet er ændret.";
/// Step refused: no place offered.
pub const STEP_NOT_OFFERED: &str = "Pladsen er ikke tilbudt dig (længere). Intet er ændret.";
/// Step refused: nothing to answer.
pub const STEP_NOTHING_TO_ANSWER: &str = "Tidspunktet er ikke flyttet, siden du sidst svarede. Intet er ændret.";
/// Step refused: thanks before the dream.
pub const STEP_NOT_FULFILLED: &str = "En tak kan først tilføjes, når drømmen er opfyldt.";
/// Field: why a claim is declined.
pub const F_DECLINE_REASON: &str = "Kort begrundelse";
/// Field: the thank-you.
pub const F_THANKS: &str = "Tak fra drømmeren";
/// Help under the thank-you.
pub const THANKS_HELP: &str = "Fx «Tak fra Inger: Det var den bedste dag i år.» Drømmeløberne kan se den.";
/// Button: save the thank-you.
pub const THANK: &str = "Gem tak";
/// Heading over the thank-you on the dream's page.
pub const THANKS_TITLE: &str = "Tak fra drømmeren";

/// Button: sign up as a reserve.
pub const RESERVE: &str = "Jeg vil gerne være reserve";
/// Heading of the reserve form.
pub const RESERVE_TITLE: &str = "Pladserne er taget";
/// Help of the reserve form.
pub const RESERVE_HELP: &str =
    "Meld dig som reserve. Slipper en drømmeløber, bliver pladsen tilbudt dig – først til den, der har stået længst.";
/// The runner's own claim, waiting.
pub const YOU_WAIT: &str = "Du står på drømmen – afventer koordinator.";
/// The runner's own claim, declined.
pub fn you_declined(reason: &str) -> String {
    if reason.trim().is_empty() {
        "Koordinatoren har sagt nej tak denne gang.".into()
    } else {
        format!("Koordinatoren har sagt nej tak denne gang: «{}»", reason.trim())
    }
}
/// The runner's own claim, in the queue.
pub fn you_reserve(place: usize) -> String {
    format!("Du er reserve nummer {place}.")
}
/// The runner's own claim, offered the place.
pub const YOU_OFFERED: &str = "En plads er blevet ledig, og den er tilbudt dig.";
/// Button: take the offered place.
pub const TAKE_PLACE: &str = "Ja, jeg tager pladsen";
/// Button: decline the offered place, or leave the queue.
pub const LEAVE_QUEUE: &str = "Nej tak, tag mig af listen";
/// The runner must answer a moved time.
pub fn moved_time(when: &str) -> String {
    format!("Tidspunktet er ændret til {when}. Kan du stadig?")
}
/// Button: yes to the moved time.
pub const STILL_OK: &str = "Jeg kan stadig";
/// Button: no to the moved time.
pub const CANNOT: &str = "Jeg kan ikke længere";
/// Label of a claim's state, as the lists show it.
pub fn claim_state(s: &crate::dreams::dream::ClaimState) -> String {
    use crate::dreams::dream::ClaimState::*;
    match s {
        Waiting => "afventer koordinator".into(),
        Confirmed => "bekræftet".into(),
        Declined(_) => "sagt nej tak".into(),
        Reserve(n) => format!("reserve nr. {n}"),
        Offered => "reserve – tilbudt pladsen".into(),
    }
}
/// After a name: entered by the coordinator.
pub const BY_PHONE: &str = "ringede";
/// After a name: has not answered the moved time.
pub const NOT_ANSWERED: &str = "har ikke svaret på det nye tidspunkt";
/// After a name: answered the moved time.
pub const ANSWERED: &str = "kan stadig det nye tidspunkt";
/// Heading of the reserve list.
pub const RESERVES_TITLE: &str = "Reserver";
/// Button: confirm a claim.
pub fn confirm_claim(name: &str) -> String {
    format!("Bekræft {name}")
}
/// Button: decline a claim.
pub fn decline_claim(name: &str) -> String {
    format!("Sig nej tak til {name}")
}
/// Heading of the coordinator's "phoned" form.
pub const PHONED_TITLE: &str = "Tilføj en drømmeløber, der har ringet";
/// Field: the phoned runner's name.
pub const F_PHONED_NAME: &str = "Drømmeløberens navn";
/// Field: the phoned runner's contact.
pub const F_PHONED_CONTACT: &str = "Drømmeløberens telefon eller mail";
/// Button: add the phoned runner.
pub const PHONED_ADD: &str = "Tilføj drømmeløber";
/// The form's confirmation switch.
pub const F_CONFIRM_CLAIMS: &str = "Jeg bekræfter selv hver drømmeløber";
/// Help under the switch.
pub const CONFIRM_CLAIMS_HELP: &str = "Slået til: «Jeg tager den» står som «afventer koordinator», til du har bekræftet. Slået fra: drømmeløberen er på med det samme.";
/// Field: days before private details are erased.
pub const F_ERASE_DAYS: &str = "Slet private oplysninger efter (dage)";
/// Help under it.
pub const ERASE_DAYS_HELP: &str =
    "Dage efter drømmen er opfyldt eller aflyst. Så slettes de private noter om drømmeren på alle enheder.";
/// The erase-days field is not a whole number 1–365.
pub const BAD_ERASE_DAYS: &str = "Antal dage skal være et helt tal fra 1 til 365.";
/// The private details are gone.
pub fn erased(date: &str) -> String {
    format!("De private oplysninger om drømmeren blev slettet {date}.")
}
/// Short badge: erased.
pub const BADGE_ERASED: &str = "Private oplysninger slettet";

/// Legend of what a dream needs / a runner brings.
pub const F_SKILLS: &str = "Drømmen kræver";
/// Legend in "Hvornår har du tid?".
pub const FINDER_BRINGS: &str = "Det kan jeg bidrage med";
/// Field: a language.
pub const F_LANGUAGE: &str = "Sprog (valgfrit)";
/// Help for the language field.
pub const F_LANGUAGE_HELP: &str = "Fx arabisk eller tegnsprog.";
/// A skill, as a checkbox label and in explanations.
pub fn skill(s: &crate::dreams::dream::Skill) -> String {
    use crate::dreams::dream::Skill::*;
    match s {
        Car => "Bil".into(),
        Wheelchair => "Erfaring med kørestol".into(),
        Lifting => "Kan hjælpe med løft".into(),
        Language(l) => format!("Taler {l}"),
    }
}
/// Why a dream fits: the runner brings it.
pub fn you_bring(s: &crate::dreams::dream::Skill) -> String {
    use crate::dreams::dream::Skill::*;
    match s {
        Car => "du har bil".into(),
        Wheelchair => "du har erfaring med kørestol".into(),
        Lifting => "du kan hjælpe med løft".into(),
        Language(l) => format!("du taler {l}"),
    }
}
/// Why a dream fits less: it needs what the runner did not tick.
pub fn it_needs(s: &crate::dreams::dream::Skill) -> String {
    use crate::dreams::dream::Skill::*;
    match s {
        Car => "kræver bil".into(),
        Wheelchair => "kræver erfaring med kørestol".into(),
        Lifting => "kræver hjælp med løft".into(),
        Language(l) => format!("kræver en, der taler {l}"),
    }
}

/// Heading of the coordinator's at-risk list.
pub const RISK_TITLE: &str = "Drømme i fare";
/// Nothing at risk.
pub const RISK_NONE: &str = "Ingen drømme i fare lige nu.";
/// Badge on the board.
pub const BADGE_RISK: &str = "I fare";
/// Why: the deadline is near.
pub fn risk_deadline(days: i64, missing: usize) -> String {
    let when = match days {
        0 => "i dag".to_string(),
        1 => "i morgen".to_string(),
        n => format!("om {n} dage"),
    };
    let who = if missing == 1 { "1 drømmeløber".to_string() } else { format!("{missing} drømmeløbere") };
    format!("Fristen er {when}, og der mangler {who}.")
}
/// Why: a runner let go late.
pub fn risk_late_release(hours: i64, missing: usize) -> String {
    let who = if missing == 1 { "1 drømmeløber".to_string() } else { format!("{missing} drømmeløbere") };
    format!("En drømmeløber meldte fra {hours} timer før, og der mangler nu {who}.")
}
/// Heading of the coordinator's answers.
pub const DECIDE_TITLE: &str = "Svar til drømmeløberne";
/// How many have answered a moved time.
pub fn answered_of(answered: usize, of: usize) -> String {
    format!("{answered} af {of} har svaret på det nye tidspunkt.")
}
/// Badge: runners waiting for the coordinator.
pub fn badge_waiting(n: usize) -> String {
    format!("{n} afventer koordinator")
}
/// Badge: runners who have not answered a moved time.
pub fn badge_unanswered(n: usize) -> String {
    format!("{n} har ikke svaret på ny tid")
}
/// What a dream needs its runners to bring, as one line: "Bil, Taler arabisk".
pub fn skills(list: &[crate::dreams::dream::Skill]) -> String {
    list.iter().map(skill).collect::<Vec<_>>().join(", ")
}
