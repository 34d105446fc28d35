//! Danish strings of the activities part: the directory, its filters, the
//! detail page, the form, CSV and calendar files, and the words schedules
//! are described with.

// ------------------------------------------------------------ calendar words

/// Weekdays (Monday first) and months, shared with the other parts.
pub use crate::text::dates::{MONTHS, WEEKDAYS};
/// Short month names as in "25. nov.".
pub const MONTHS_SHORT: [&str; 12] =
    ["jan.", "feb.", "mar.", "apr.", "maj", "jun.", "jul.", "aug.", "sep.", "okt.", "nov.", "dec."];
/// Weeks of the month: 1st–4th and last.
pub const NTH: [&str; 5] = ["første", "anden", "tredje", "fjerde", "sidste"];
/// "og".
pub const AND: &str = "og";
/// "Hver" (every).
pub const EVERY: &str = "Hver";
/// "i måneden".
pub const IN_THE_MONTH: &str = "i måneden";
/// "ikke i" (breaks).
pub const NOT_IN: &str = "ikke i";
/// No fixed time.
pub const BY_AGREEMENT: &str = "Efter aftale";
/// "og N datoer mere".
pub fn and_more(n: usize) -> String {
    format!("og {n} {} mere", if n == 1 { "dato" } else { "datoer" })
}

// ------------------------------------------------------------ categories

/// Categories: (wire key, Danish name).
pub const CATEGORIES: [(&str, &str); 12] = [
    ("faellesspisning", "Fællesspisning"),
    ("cafe", "Café og mødested"),
    ("motion", "Motion og idræt"),
    ("it", "IT-hjælp"),
    ("demens", "Demens"),
    ("paaroerende", "Pårørende"),
    ("kultur", "Kultur"),
    ("natur", "Natur"),
    ("musik", "Sang og musik"),
    ("maend", "Mandefællesskab"),
    ("besoegsven", "Besøgsven"),
    ("andet", "Andet"),
];

// ------------------------------------------------------------ validation

/// End not after start.
pub const ERR_END_BEFORE_START: &str = "Sluttidspunktet skal ligge efter starttidspunktet.";
/// Bad pause month.
pub const ERR_PAUSE_MONTH: &str = "En pausemåned skal være et tal fra 1 til 12.";
/// All months paused.
pub const ERR_PAUSE_ALL: &str = "Aktiviteten kan ikke holde pause i alle årets måneder.";
/// No weekday chosen.
pub const ERR_NO_DAYS: &str = "Vælg mindst én ugedag.";
/// Bad week of month.
pub const ERR_NTH: &str = "Vælg hvilken uge i måneden (første til fjerde eller sidste).";
/// No dates.
pub const ERR_NO_DATES: &str = "Skriv mindst én dato (dd-mm-åååå).";
/// Too many dates.
pub const ERR_TOO_MANY_DATES: &str = "Højst 500 datoer.";
/// Dates not in order.
pub const ERR_DATES_ORDER: &str = "Datoerne skal stå i rækkefølge og kun én gang hver.";
/// Title missing.
pub const ERR_TITLE: &str = "Skriv en titel.";
/// Title too long.
pub const ERR_TITLE_LONG: &str = "Titlen må højst være 200 tegn.";
/// Municipality missing or unknown.
pub const ERR_MUNICIPALITY: &str = "Vælg en af Danmarks 98 kommuner.";
/// Unknown category.
pub const ERR_CATEGORY: &str = "Vælg en kategori.";
/// Bad time.
pub const ERR_TIME: &str = "Skriv klokkeslættet som tt.mm, fx 10.00.";
/// Bad date.
pub fn err_date(text: &str) -> String {
    format!("«{text}» er ikke en dato. Skriv datoer som dd-mm-åååå, fx 25-11-2026.")
}
/// Bad price.
pub const ERR_PRICE: &str = "Skriv prisen i kroner, fx 25 eller 25,50. Lad feltet stå tomt, hvis det er gratis.";
/// Bad link.
pub const ERR_LINK: &str = "Linket skal begynde med https:// eller http://.";
/// Bad email.
pub const ERR_EMAIL: &str = "Skriv en gyldig e-mailadresse, fx navn@forening.dk.";
/// Bad phone.
pub const ERR_PHONE: &str = "Skriv et telefonnummer med cifre, fx 12 34 56 78.";
/// Too many "for hvem" values.
pub const ERR_TOO_MANY_AUDIENCES: &str = "Feltet «for hvem» har for mange værdier.";
/// The Danish names of an activity's text fields, in the order the checks
/// name them: title, organiser, description, town, address, source, contact
/// person, phone, e-mail, web site.
pub const TEXT_FIELDS: [&str; 10] =
    ["titel", "arrangør", "beskrivelse", "by", "adresse", "kilde", "kontaktperson", "telefon", "e-mail", "hjemmeside"];
/// The Danish name of the "for hvem" field.
pub const F_AUDIENCE_NAME: &str = "for hvem";
/// Bad last-updated date.
pub const ERR_UPDATED: &str = "Datoen for seneste opdatering er ugyldig.";
/// Heading of the error summary.
pub const ERR_SUMMARY: &str = "Ret venligst disse felter:";

// ------------------------------------------------------------ list page

/// Page heading.
pub const TITLE: &str = "Aktiviteter";
/// Intro.
pub const INTRO: &str = "Find fællesskaber og aktiviteter for seniorer nær dig. Listen virker også uden internet.";
/// Example data notice.
pub const EXAMPLE_NOTICE: &str = "Eksempeldata: aktiviteterne i kataloget er opdigtede eksempler bygget på rigtige typer af tilbud. Tider og adresser passer ikke.";
/// Badge on each example entry.
pub const EXAMPLE_BADGE: &str = "Eksempel";
/// Search label.
pub const SEARCH: &str = "Søg i aktiviteter";
/// Search hint.
pub const SEARCH_HINT: &str = "Fx demens, strik eller Assens";
/// Filters heading.
pub const FILTERS: &str = "Filtrér";
/// Filter: municipality.
pub const F_MUNICIPALITY: &str = "Kommune";
/// Filter: category.
pub const F_CATEGORY: &str = "Kategori";
/// Filter: weekday.
pub const F_WEEKDAY: &str = "Ugedag";
/// Filter: part of day.
pub const F_DAYPART: &str = "Tid på dagen";
/// Parts of the day: (key, name).
pub const DAYPARTS: [(&str, &str); 3] =
    [("formiddag", "Formiddag"), ("eftermiddag", "Eftermiddag"), ("aften", "Aften")];
/// "Alle" option.
pub const ALL: &str = "Alle";
/// Filter: free.
pub const F_FREE: &str = "Gratis";
/// Filter: wheelchair.
pub const F_WHEELCHAIR: &str = "Kørestolsvenlig";
/// Filter: transport.
pub const F_TRANSPORT: &str = "Transport";
/// Quick filter today.
pub const Q_TODAY: &str = "I dag";
/// Quick filter this week.
pub const Q_WEEK: &str = "Denne uge";
/// Favourites filter.
pub const Q_MINE: &str = "Mine aktiviteter";
/// Reset filters.
pub const RESET: &str = "Nulstil";
/// Result count.
pub fn count(n: usize) -> String {
    if n == 1 {
        "1 aktivitet".into()
    } else {
        format!("{} aktiviteter", thousands(n))
    }
}
/// "Vis flere".
pub const SHOW_MORE: &str = "Vis flere";
/// Nothing found.
pub const NONE_FOUND: &str = "Ingen aktiviteter passer. Prøv et andet ord, eller nulstil filtrene.";
/// Catalogue loading.
pub const LOADING: &str = "Henter kataloget …";
/// While the list is first made ready (sorted, prepared for search).
pub const PREPARING: &str = "Gør listen klar …";
/// Catalogue failed.
pub const LOAD_FAILED: &str = "Kataloget kunne ikke hentes. Dine egne aktiviteter vises stadig.";
/// "Næste gang: …".
pub fn next_time(when: &str) -> String {
    format!("Næste gang: {when}")
}
/// Add button.
pub const ADD: &str = "Tilføj aktivitet";
/// Lists in and out heading.
pub const LISTS: &str = "Lister ind og ud (CSV til regneark)";
/// What the lists page holds (on the list page's card that opens it).
pub const LISTS_HINT: &str =
    "Gem de viste aktiviteter som en CSV-fil til Excel, læs et regneark ind, eller del dine egne som link eller QR-kode.";
/// The link from the list page to the lists page.
pub const OPEN_LISTS: &str = "Åbn lister og deling";
/// The lists page's line of what it exports: the search it came from.
pub fn lists_scope(n: usize) -> String {
    format!("Søgningen viser {}.", count(n))
}
/// Back from the lists page to the search it came from.
pub const BACK_TO_SEARCH: &str = "Tilbage til søgningen";
/// Export CSV button.
pub const EXPORT_CSV: &str = "Eksportér CSV";
/// Explanation of the CSV export.
pub const EXPORT_CSV_HINT: &str = "Gemmer de viste aktiviteter som en CSV-fil, der kan åbnes i Excel.";
/// Import CSV label.
pub const IMPORT_CSV: &str = "Importér CSV";
/// CSV preview summary.
pub fn csv_preview(good: usize, bad: usize) -> String {
    format!("{good} aktiviteter kan importeres. {bad} rækker har fejl og springes over.")
}
/// Rows imported with a skipped cell (the first 20 are listed).
pub fn csv_warnings(n: usize) -> String {
    if n == 1 {
        "1 række har en celle, der ikke kunne læses. Den springes over, resten af rækken importeres:".into()
    } else if n > 20 {
        format!("{n} rækker har en celle, der ikke kunne læses. Den springes over, resten af rækken importeres. De første 20:")
    } else {
        format!("{n} rækker har en celle, der ikke kunne læses. Den springes over, resten af rækken importeres:")
    }
}
/// Progress while a CSV file is read.
pub fn csv_reading(done: usize, total: usize) -> String {
    format!("Læser {} af {} rækker …", thousands(done), thousands(total))
}
/// Import the good rows.
pub const CSV_APPLY: &str = "Importér de gode rækker";
/// Cancel.
pub const CANCEL: &str = "Annullér";
/// After import.
pub fn csv_done(n: usize) -> String {
    if n == 1 {
        "1 aktivitet er importeret.".into()
    } else {
        format!("{n} aktiviteter er importeret.")
    }
}
/// A bad row (its row number as the spreadsheet shows it).
pub fn csv_bad_row(line: usize, msg: &str) -> String {
    format!("Række {line}: {msg}")
}
/// Week programme heading.
pub fn week_title(place: &str) -> String {
    format!("Ugeprogram: {place}")
}
/// Week programme intro.
pub fn week_range(from: &str, to: &str) -> String {
    format!("Uge fra {from} til {to}")
}
/// Empty day in the week programme.
pub const WEEK_EMPTY_DAY: &str = "Ingen aktiviteter";
/// Link to a place's week programme.
pub const WEEK_LINK: &str = "Ugeprogram for stedet";
/// Back to the list.
pub const BACK: &str = "Tilbage til aktiviteter";
/// Print.
pub const PRINT: &str = "Udskriv";

// ------------------------------------------------------------ detail page

/// Not found.
pub const NOT_FOUND: &str = "Aktiviteten findes ikke (længere). Den kan være slettet.";
/// Where.
pub const WHERE: &str = "Hvor";
/// When.
pub const WHEN: &str = "Hvornår";
/// Price.
pub const PRICE: &str = "Pris";
/// Free.
pub const FREE: &str = "Gratis";
/// Price in kroner.
pub fn price(kr: f64) -> String {
    format!("{} kr.", decimal_comma(kr))
}
/// Organiser.
pub const ORGANIZER: &str = "Arrangør";
/// Audience.
pub const AUDIENCE: &str = "For hvem";
/// Access heading.
pub const ACCESS: &str = "Tilgængelighed";
/// Access: wheelchair.
pub const A_WHEELCHAIR: &str = "Kørestolsvenlig";
/// Access: transport.
pub const A_TRANSPORT: &str = "Transport eller samkørsel";
/// Access: companion.
pub const A_COMPANION: &str = "Følgeven kan komme med";
/// Drop-in.
pub const DROP_IN: &str = "Kom som du er – ingen tilmelding";
/// Contact.
pub const CONTACT: &str = "Kontakt";
/// Source.
pub const SOURCE: &str = "Kilde";
/// Last updated.
pub const UPDATED: &str = "Sidst opdateret";
/// Add to calendar.
pub const CALENDAR: &str = "Føj til kalender";
/// Calendar not possible.
pub const CALENDAR_NONE: &str = "Aktiviteten har ingen faste tider, så den kan ikke lægges i kalenderen.";
/// Calendar downloaded.
pub const CALENDAR_DONE: &str = "Kalenderfilen er hentet. Åbn den for at lægge aktiviteten i din kalender.";
/// Favourite on.
pub const FAV_ADD: &str = "Gem i Mine aktiviteter";
/// Favourite off.
pub const FAV_REMOVE: &str = "Fjern fra Mine aktiviteter";
/// Favourite star shown in the list.
pub const FAV_MARK: &str = "I Mine aktiviteter";
/// Edit.
pub const EDIT: &str = "Redigér";
/// Delete.
pub const DELETE: &str = "Slet";
/// Confirm delete.
pub const DELETE_CONFIRM: &str = "Vil du slette aktiviteten? Sletningen følger med, når du deler dine data.";
/// Deleted.
pub const DELETED: &str = "Aktiviteten er slettet.";
/// Flyer footer.
pub const FLYER_FOOTER: &str = "Alle er velkomne. Fundet i Tid og Lyst.";

// ------------------------------------------------------------ form

/// New activity heading.
pub const NEW_TITLE: &str = "Ny aktivitet";
/// Edit heading.
pub const EDIT_TITLE: &str = "Redigér aktivitet";
/// Save.
pub const SAVE: &str = "Gem";
/// Saved.
pub const SAVED: &str = "Aktiviteten er gemt.";
/// Field labels.
pub mod field {
    /// Title.
    pub const TITLE: &str = "Titel";
    /// Organiser.
    pub const ORGANIZER: &str = "Arrangør (forening)";
    /// Category.
    pub const CATEGORY: &str = "Kategori";
    /// Description.
    pub const DESCRIPTION: &str = "Beskrivelse";
    /// Municipality.
    pub const MUNICIPALITY: &str = "Kommune";
    /// Town.
    pub const TOWN: &str = "By";
    /// Address.
    pub const ADDRESS: &str = "Adresse";
    /// Schedule kind.
    pub const SCHEDULE: &str = "Hvor tit";
    /// Schedule kinds: (key, name).
    pub const SCHEDULE_KINDS: [(&str, &str); 4] = [
        ("ugentlig", "Hver uge"),
        ("maanedlig", "En gang om måneden"),
        ("datoer", "På bestemte datoer"),
        ("aftale", "Efter aftale"),
    ];
    /// Weekdays.
    pub const DAYS: &str = "Ugedage";
    /// Week of the month.
    pub const NTH: &str = "Uge i måneden";
    /// Weekday of a monthly activity.
    pub const MONTH_DAY: &str = "Ugedag";
    /// Dates.
    pub const DATES: &str = "Datoer (dd-mm-åååå, adskilt af komma)";
    /// Start.
    pub const START: &str = "Fra kl.";
    /// End.
    pub const END: &str = "Til kl.";
    /// Pause months.
    pub const PAUSE: &str = "Holder pause i (fx juli)";
    /// Price.
    pub const PRICE: &str = "Pris i kr. (tom = gratis)";
    /// Audience.
    pub const AUDIENCE: &str = "For hvem (adskilt af komma)";
    /// Wheelchair.
    pub const WHEELCHAIR: &str = "Kørestolsvenlig";
    /// Transport.
    pub const TRANSPORT: &str = "Transport eller samkørsel";
    /// Companion.
    pub const COMPANION: &str = "Følgeven kan komme med";
    /// Drop in.
    pub const DROP_IN: &str = "Kom som du er (ingen tilmelding)";
    /// Contact name.
    pub const CONTACT_NAME: &str = "Kontaktperson";
    /// Phone.
    pub const PHONE: &str = "Telefon";
    /// Email.
    pub const EMAIL: &str = "E-mail";
    /// Web.
    pub const WEB: &str = "Hjemmeside";
    /// Source.
    pub const SOURCE: &str = "Kilde";
}
/// Pause months hint.
pub const PAUSE_HINT: &str = "Skriv månedernes navne, fx «juli, august». Lad feltet stå tomt, hvis der ikke er pause.";
/// Unknown month name.
pub fn err_month(text: &str) -> String {
    format!("«{text}» er ikke en måned.")
}

// ------------------------------------------------------------ CSV

/// Column headings of the CSV file, in order.
pub const CSV_COLUMNS: [&str; 29] = [
    "Id",
    "Titel",
    "Arrangør",
    "Kategori",
    "Beskrivelse",
    "Kommune",
    "By",
    "Adresse",
    "Tidsplan",
    "Ugedage",
    "Uge i måneden",
    "Datoer",
    "Fra kl.",
    "Til kl.",
    "Pause i måneder",
    "Pris (kr.)",
    "For hvem",
    "Kørestolsvenlig",
    "Transport",
    "Følgeven",
    "Kom som du er",
    "Kontaktperson",
    "Telefon",
    "E-mail",
    "Hjemmeside",
    "Kilde",
    "Sidst opdateret",
    "Eksempeldata",
    "Sidst bekræftet",
];
/// Yes.
pub const YES: &str = "ja";
/// No.
pub const NO: &str = "nej";
/// Schedule kinds in CSV.
pub const CSV_KINDS: [&str; 4] = ["ugentlig", "månedlig", "datoer", "efter aftale"];
/// CSV errors.
pub mod csv {
    /// Empty file.
    pub const EMPTY: &str = "Filen er tom.";
    /// Unknown header.
    pub const NO_HEADER: &str =
        "Første linje skal være kolonneoverskrifterne (Titel;Kommune;…). Kolonnen «Titel» mangler.";
    /// A quote never closed.
    pub const UNCLOSED_QUOTE: &str = "Et anførselstegn (\") bliver ikke lukket.";
    /// Bad yes/no.
    pub fn bad_bool(col: &str, v: &str) -> String {
        format!("«{v}» i kolonnen «{col}» skal være ja eller nej.")
    }
    /// Bad schedule kind.
    pub fn bad_kind(v: &str) -> String {
        format!("Tidsplanen «{v}» kendes ikke. Brug ugentlig, månedlig, datoer eller efter aftale.")
    }
    /// Bad weekday.
    pub fn bad_day(v: &str) -> String {
        format!("«{v}» er ikke en ugedag.")
    }
    /// Bad week of month.
    pub fn bad_nth(v: &str) -> String {
        format!("«{v}» er ikke en uge i måneden (1, 2, 3, 4 eller sidste).")
    }
    /// A cell the activity does not need, skipped with a warning.
    pub fn skipped_cell(col: &str, v: &str) -> String {
        format!("«{v}» i kolonnen «{col}» kunne ikke læses og er sprunget over. Resten af rækken er med.")
    }
    /// Bad id.
    pub fn bad_id(v: &str) -> String {
        format!("Id'et «{v}» er ugyldigt.")
    }
    /// Unknown category.
    pub fn bad_category(v: &str) -> String {
        format!("Kategorien «{v}» kendes ikke.")
    }
    /// Unknown municipality.
    pub fn bad_municipality(v: &str) -> String {
        format!("«{v}» er ikke en dansk kommune.")
    }
    /// Too many rows.
    pub const TOO_MANY: &str = "Filen har over 100.000 rækker.";
    /// Same id twice.
    pub fn duplicate(line: usize) -> String {
        format!("Samme id som række {line}.")
    }
}

// ------------------------------------------------------------ numbers

/// "50.000".
pub fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// "25" or "25,50".
pub fn decimal_comma(x: f64) -> String {
    let cents = (x * 100.0).round() as i64;
    if cents % 100 == 0 {
        format!("{}", cents / 100)
    } else {
        format!("{},{:02}", cents / 100, (cents % 100).abs())
    }
}

/// Help for sharing the shown activities as a link.
pub const SHARE_SHOWN_HINT: &str = "Del dine egne aktiviteter blandt de viste (fx én kommunes) som link eller QR-kode. Eksempeldata kommer ikke med; de findes allerede i alles app.";

/// The button that folds out the filters on phones: "Filtre" or "Filtre (2)".
pub fn filters_button(on: usize) -> String {
    if on == 0 {
        "Filtre".to_string()
    } else {
        format!("Filtre ({on})")
    }
}

/// A date in words: "5. januar 2026".
pub fn long_date(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    format!("{}. {} {}", d.day(), MONTHS[d.month0() as usize], d.year())
}

/// Bad last-confirmed date (form, CSV).
pub const ERR_CONFIRMED: &str = "Datoen for seneste bekræftelse er ugyldig.";

/// "Sidst bekræftet": the badge, the button and the filter.
pub mod trust {
    use super::long_date;
    use chrono::NaiveDate;

    /// Badge: never confirmed.
    pub const NEVER: &str = "Aldrig bekræftet";
    /// Badge: stale since a date.
    pub fn not_since(d: NaiveDate) -> String {
        format!("Ikke bekræftet siden {}", long_date(d))
    }
    /// The line beside the button.
    pub fn last(d: NaiveDate) -> String {
        format!("Sidst bekræftet {}.", long_date(d))
    }
    /// Heading of the detail page's box.
    pub const HEADING: &str = "Er oplysningerne rigtige?";
    /// What the box asks.
    pub const ASK: &str = "Har du tjekket med arrangøren, at tid og sted stadig passer? Så tryk «Stadig aktuel».";
    /// The button.
    pub const STILL_CURRENT: &str = "Stadig aktuel";
    /// After the button.
    pub fn confirmed(d: NaiveDate) -> String {
        format!("Tak! Aktiviteten er bekræftet {}.", long_date(d))
    }
    /// Already confirmed today.
    pub const ERR_ALREADY: &str = "Aktiviteten er allerede bekræftet i dag.";
    /// Deleted meanwhile.
    pub const ERR_DELETED: &str = "Aktiviteten er slettet og kan ikke bekræftes.";
    /// The list filter.
    pub const FILTER: &str = "Bekræftet inden for et år";
    /// The detail page's fact label.
    pub const FACT: &str = "Sidst bekræftet";
}

/// "Meld en fejl".
pub mod report {
    /// The fold-out's summary.
    pub const TITLE: &str = "Meld en fejl";
    /// What the form asks.
    pub const ASK: &str =
        "Hvad er forkert? Sæt kryds, og skriv gerne lidt mere. Du sender selv beskeden fra din mail eller sms.";
    /// The checkboxes, in `Problem::ALL`'s order.
    pub const PROBLEMS: [&str; 5] =
        ["Tidspunktet", "Stedet", "Telefonnummeret", "Den er aflyst eller holdt op", "Andet"];
    /// The same, as a few words in an SMS.
    pub const SHORT: [&str; 5] = ["tidspunktet", "stedet", "telefonnummeret", "aflyst", "andet"];
    /// The note's label.
    pub const NOTE: &str = "Skriv mere (frivilligt)";
    /// The mail link.
    pub fn by_mail(to: &str) -> String {
        format!("Send som e-mail til {to}")
    }
    /// The SMS link.
    pub fn by_sms(to: &str) -> String {
        format!("Send som sms til {to}")
    }
    /// Under the links.
    pub const HINT: &str =
        "Linket åbner din mail eller sms med beskeden skrevet. Intet sendes, før du selv trykker send.";
    /// No e-mail or phone on the entry.
    pub const ERR_NO_CONTACT: &str = "Aktiviteten har hverken en e-mailadresse eller et telefonnummer, som en fejl kan meldes til. Kontakt arrangøren på anden vis, fx via hjemmesiden.";
    /// Nothing ticked.
    pub const ERR_NOTHING: &str = "Sæt kryds ved det, der er forkert, eller skriv, hvad der er galt.";
    /// Note too long.
    pub const ERR_TOO_LONG: &str = "Beskeden må højst være 1.000 tegn.";
    /// Control characters.
    pub const ERR_UNREADABLE: &str = "Beskeden indeholder tegn, der ikke kan sendes.";
    /// Mail subject.
    pub fn subject(title: &str) -> String {
        format!("Fejl i aktiviteten «{title}»")
    }
    /// Mail greeting.
    pub fn greeting(name: &str) -> String {
        if name.is_empty() {
            "Hej".into()
        } else {
            format!("Hej {name}")
        }
    }
    /// Mail intro.
    pub fn intro(title: &str) -> String {
        format!("Jeg har set aktiviteten «{title}» i Tid og Lyst, og noget ser ud til at være forkert:")
    }
    /// One ticked problem with what the entry says now.
    pub fn problem_line(i: usize, stated: &str) -> String {
        if stated.is_empty() {
            PROBLEMS[i].to_string()
        } else {
            format!("{} (der står: {stated})", PROBLEMS[i])
        }
    }
    /// The page's address.
    pub fn page_line(url: &str) -> String {
        format!("Aktivitetens side: {url}")
    }
    /// Closing.
    pub const REGARDS: &str = "Venlig hilsen";
    /// The SMS's start.
    pub fn sms_head(title: &str, what: &str) -> String {
        if what.is_empty() {
            format!("Fejl i «{title}» (Tid og Lyst):")
        } else {
            format!("Fejl i «{title}» (Tid og Lyst): {what}.")
        }
    }
}

/// "Læs op": the button and the spoken text's words.
pub mod speech {
    /// "Arrangør".
    pub const ORGANIZER: &str = "Arrangør";
    /// "Sted".
    pub const PLACE: &str = "Sted";
    /// "Pris".
    pub const PRICE: &str = "Pris";
    /// "Kontakt".
    pub const CONTACT: &str = "Kontakt";
    /// "telefon".
    pub const PHONE: &str = "telefon";
}

/// The A5 booklet of the activities shown.
pub mod booklet {
    /// Page and link title.
    pub const TITLE: &str = "Hæfte til at tage med hjem";
    /// The lists page's hint.
    pub const HINT: &str = "Udskriv de viste aktiviteter som et lille hæfte i A5 med en QR-kode ved hver, der åbner aktiviteten på en mobil.";
    /// The link from the lists page.
    pub const OPEN: &str = "Lav et hæfte (A5)";
    /// Back from the booklet.
    pub const BACK: &str = "Tilbage til lister og deling";
    /// Layout choice.
    pub const LAYOUT: &str = "Sådan skal arkene udskrives";
    /// Folded booklet.
    pub const FOLDED: &str = "Foldet hæfte (udskriv på begge sider, vend på den korte kant, fold på midten)";
    /// Single pages.
    pub const SINGLE: &str = "Enkeltsider i rækkefølge (udskriv på én side, klip arkene på midten)";
    /// Print help.
    pub const PRINT_HINT: &str = "Vælg A4 og liggende papir, hvis printeren spørger. Større tekst (A+ og A++ øverst) giver større skrift i hæftet.";
    /// Print button.
    pub const PRINT: &str = "Udskriv hæftet";
    /// Cover heading.
    pub const COVER: &str = "Aktiviteter";
    /// Cover: what was searched.
    pub fn scope(what: &str) -> String {
        if what.is_empty() {
            "Alle aktiviteter".into()
        } else {
            format!("Udvalgt: {what}")
        }
    }
    /// Cover: printed on.
    pub fn printed(date: &str) -> String {
        format!("Udskrevet {date}")
    }
    /// Cover: how to use the codes.
    pub const SCAN: &str = "Peg mobilens kamera på QR-koden ved en aktivitet for at åbne den i Tid og Lyst.";
    /// Code caption for an own activity (a share link).
    pub const SCAN_OWN: &str = "Scan for at hente aktiviteten";
    /// Code caption for a catalogue activity.
    pub const SCAN_PAGE: &str = "Scan for at åbne aktiviteten";
    /// Notes page heading.
    pub const NOTES: &str = "Noter";
    /// Back cover.
    pub const BACK_COVER: &str =
        "Fundet i Tid og Lyst – aktiviteter og fællesskaber for seniorer. Listen virker også uden internet.";
    /// Nothing to print.
    pub const EMPTY: &str =
        "Søgningen viser ingen aktiviteter, så der er intet at udskrive. Gå tilbage, og ret søgningen.";
    /// Page number.
    pub fn page(n: usize, of: usize) -> String {
        format!("Side {n} af {of}")
    }
    /// The screen preview's label for a page.
    pub fn preview_label(n: usize) -> String {
        format!("Side {n}")
    }
    /// The preview's heading.
    pub const PREVIEW: &str = "Sådan ser siderne ud";
    /// While the codes are made.
    pub fn making(done: usize, all: usize) -> String {
        format!("Laver QR-koder … {done} af {all}")
    }
    /// Alt text of a code.
    pub fn qr_alt(title: &str) -> String {
        format!("QR-kode til «{title}»")
    }
    /// Too long for a code.
    pub const NO_CODE: &str = "(ingen QR-kode: aktiviteten fylder for meget)";
}

/// Open Referral HSDS 3: the tabular data package in and out.
pub mod hsds {
    /// Section heading.
    pub const TITLE: &str = "Open Referral (HSDS)";
    /// What it is.
    pub const HINT: &str = "Gem de viste aktiviteter i det åbne format for tilbudsoversigter (Open Referral HSDS 3) som en zip-fil med datapackage.json og CSV-filer, eller læs en sådan pakke ind fra et andet system.";
    /// Export button.
    pub const EXPORT: &str = "Eksportér HSDS (zip)";
    /// Import label.
    pub const IMPORT: &str = "Importér HSDS (zip eller CSV-filer)";
    /// After the export.
    pub fn exported(n: usize, file: &str) -> String {
        if n == 1 {
            format!("1 aktivitet er gemt som {file}.")
        } else {
            format!("{n} aktiviteter er gemt som {file}.")
        }
    }
    /// Nothing shown to export.
    pub const NOTHING: &str = "Søgningen viser ingen aktiviteter.";
    /// Preview: what can be imported.
    pub fn preview(good: usize, bad: usize) -> String {
        format!("{good} aktiviteter kan importeres. {bad} tilbud kan ikke bruges og springes over.")
    }
    /// A row of services.csv.
    pub fn row(line: usize, title: &str, msg: &str) -> String {
        if title.is_empty() {
            format!("services.csv række {line}: {msg}")
        } else {
            format!("services.csv række {line} («{title}»): {msg}")
        }
    }
    /// No services.csv.
    pub const ERR_NO_SERVICES: &str = "Pakken har ingen services.csv. En HSDS-pakke skal mindst have services.csv, og gerne datapackage.json og de andre CSV-filer.";
    /// A CSV file that cannot be read.
    pub fn err_csv(file: &str, line: usize, msg: &str) -> String {
        format!("{file} kan ikke læses (linje {line}): {msg}")
    }
    /// A CSV file without the columns.
    pub fn err_header(file: &str, column: &str) -> String {
        format!("{file} mangler kolonnen «{column}».")
    }
    /// datapackage.json unreadable.
    pub const ERR_DESCRIPTOR: &str = "datapackage.json kan ikke læses.";
    /// No name.
    pub const ERR_NO_NAME: &str = "Tilbuddet har intet navn.";
    /// Same id twice.
    pub fn duplicate(line: usize) -> String {
        format!("Samme id som række {line}.")
    }
    /// The schedule kept as text.
    pub const KEPT_TIMES: &str = "Tiderne kunne ikke læses som en fast plan og står i beskrivelsen.";
    /// More than one time: one plan is kept, the rest as text.
    pub const FIRST_TIME_ONLY: &str =
        "Tilbuddet har flere forskellige tider; én fast plan er taget med, resten står i beskrivelsen.";
    /// Other currency.
    pub fn currency(c: &str) -> String {
        format!("Prisen er i {c}, ikke kroner, og står i beskrivelsen.")
    }
    /// The description's line of kept times.
    pub fn times_text(text: &str) -> String {
        format!("Tider: {text}")
    }
    /// The description's line of a price in another currency.
    pub fn price_text(text: &str) -> String {
        format!("Pris: {text}")
    }
    /// The organization of an activity without one.
    pub const NO_ORGANIZER: &str = "Arrangør ikke oplyst";
    /// An organization's description.
    pub fn organization(name: &str) -> String {
        format!("{name} arrangerer aktiviteter i Tid og Lyst.")
    }
    /// The package's title.
    pub const PACKAGE_TITLE: &str = "Aktiviteter fra Tid og Lyst";
    /// The package's description.
    pub const PACKAGE_DESCRIPTION: &str = "Aktiviteter og fællesskaber for seniorer i Open Referral HSDS 3.0's tabelformat. Tider er dansk tid (Europe/Copenhagen).";
    /// The taxonomy.
    pub const TAXONOMY: &str = "Tid og Lyst";
    /// The taxonomy's description.
    pub const TAXONOMY_DESCRIPTION: &str = "Kategorier og kendetegn for aktiviteter i Tid og Lyst.";
    /// Terms: (code, name) of the kendetegn beside the categories.
    pub const TERMS: [(&str, &str); 9] = [
        ("maalgruppe", "For hvem"),
        ("koerestol", "Kørestolsvenlig"),
        ("transport", "Transport eller samkørsel"),
        ("foelgeven", "Følgeven kan komme med"),
        ("kom-som-du-er", "Kom som du er – ingen tilmelding"),
        ("kilde", "Kilde"),
        ("eksempel", "Eksempeldata"),
        ("adresse", "Adresse"),
        ("by", "By"),
    ];
    /// A category term's description.
    pub fn category_term(name: &str) -> String {
        format!("Kategori: {name}")
    }
    /// A cost option.
    pub const PRICE_OPTION: &str = "Pris pr. gang";
    /// A break in the notes.
    pub fn pause_note(months: &str) -> String {
        format!("Holder pause i {months}.")
    }
    /// The start of a pause note (read back).
    pub const PAUSE_PREFIX: &str = "Holder pause i ";
    /// Service area of a municipality.
    pub fn municipality(name: &str) -> String {
        format!("{name} Kommune")
    }
    /// Imported.
    pub fn done(n: usize) -> String {
        if n == 1 {
            "1 aktivitet er importeret fra HSDS.".into()
        } else {
            format!("{n} aktiviteter er importeret fra HSDS.")
        }
    }
    /// Reading.
    pub const READING: &str = "Læser pakken …";
    /// Zip problems.
    pub const ERR_ZIP: &str = "Zip-filen kan ikke læses. Vælg en zip-fil med CSV-filer, eller vælg CSV-filerne selv.";
    /// Zip with a method we do not read.
    pub const ERR_ZIP_METHOD: &str = "Zip-filen er pakket på en måde, appen ikke kan læse (kun almindelig zip). Pak den ud, og vælg CSV-filerne selv.";
    /// Zip too large when unpacked.
    pub const ERR_ZIP_LARGE: &str = "Zip-filen fylder over 64 MB pakket ud.";
    /// Zip locked.
    pub const ERR_ZIP_LOCKED: &str = "Zip-filen er låst med adgangskode.";
    /// A zip entry that does not check out.
    pub fn err_zip_entry(name: &str) -> String {
        format!("Filen «{name}» i zip-filen er beskadiget.")
    }
}
