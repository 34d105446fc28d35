//! Danish user-facing text. Parts of the app keep their strings in the
//! submodules below; nothing the user reads is written inline in a view.

/// App-wide words.
pub mod app {
    /// The product name.
    pub const NAME: &str = "Tid og Lyst";
    /// The tagline.
    pub const TAGLINE: &str = "Frivillig når du har tid og lyst";
    /// Skip link.
    pub const SKIP: &str = "Spring til indhold";
    /// Name of the main navigation landmark.
    pub const NAV_LABEL: &str = "Hovedmenu";
    /// Main navigation: dreams.
    pub const NAV_DREAMS: &str = "Drømme";
    /// Main navigation: activities.
    pub const NAV_ACTIVITIES: &str = "Aktiviteter";
    /// Main navigation: assessment.
    pub const NAV_ASSESSMENT: &str = "SKAL eller KAN";
    /// Main navigation: data.
    pub const NAV_DATA: &str = "Del data";
    /// Main navigation: about.
    pub const NAV_ABOUT: &str = "Om";
    /// Home link.
    pub const NAV_HOME: &str = "Forside";
    /// Text size control.
    pub const TEXT_SIZE: &str = "Tekststørrelse";
    /// Projector mode toggle.
    pub const PROJECTOR: &str = "Projektor-visning";
    /// Text size steps.
    pub const TEXT_SIZES: [(&str, &str); 3] =
        [("A", "A normal tekst"), ("A+", "A+ stor tekst"), ("A++", "A++ meget stor tekst")];
    /// Footer line.
    pub const FOOTER: &str = "Tid og Lyst kører helt i din browser. Intet sendes til en server.";
    /// Close button.
    pub const CLOSE: &str = "Luk";
    /// The static first paint's line, fixed at the bottom of the screen,
    /// until the wasm has started.
    pub const BOOT: &str = "Et øjeblik, appen starter …";
}

/// The forside.
pub mod home {
    /// Page heading.
    pub const TITLE: &str = "Frivillig når du har tid og lyst";
    /// Intro text.
    pub const INTRO: &str = "Vælg, hvad du vil i dag. Alt virker også uden internet.";
    /// The three doors: (route, title, text).
    pub const DOORS: [(&str, &str, &str); 3] = [
        ("/droemme", "Drømmeløber-tavlen", "Opfyld en ældres konkrete drøm, når du har tid og lyst."),
        ("/aktiviteter", "Aktiviteter", "Find fællesskaber og aktiviteter for seniorer nær dig."),
        ("/skal-kan", "SKAL eller KAN?", "Workshop: hvilke opgaver er kommunens, og hvilke kan frivillige tage?"),
    ];
}

/// The about page.
pub mod about {
    /// Page heading.
    pub const TITLE: &str = "Om Tid og Lyst";
    /// Intro.
    pub const INTRO: &str = "Tid og Lyst samler tre værktøjer til frivillighed på ældreområdet: \
        Drømmeløber-tavlen, en oversigt over åbne aktiviteter og workshoppen SKAL eller KAN?";
    /// Principles heading.
    pub const PRINCIPLES_TITLE: &str = "Fire principper for det gode samspil";
    /// Source of the principles.
    pub const PRINCIPLES_SOURCE: &str = "Fra «Partnerskab for det gode ældreliv».";
    /// The four principles: (title, text).
    pub const PRINCIPLES: [(&str, &str); 4] = [
        (
            "Kom hinanden i møde med tillid og med respekt for forskellige roller",
            "Samspillet mellem civilsamfundet, private og offentlige aktører skal bygge på åbenhed og gensidig respekt.",
        ),
        (
            "Gør borgere til deltagere og skab løsninger, der afspejler borgernes forskellighed",
            "Velfærd skabes i relationer mellem mennesker. Den enkelte ældres behov og ønsker sætter retningen.",
        ),
        (
            "Vær modig og tydelig om roller og ansvar",
            "En klar forventningsafstemning gør samarbejdet trygt og løsningsorienteret.",
        ),
        (
            "Insister på samspil – og tænk systematisk",
            "Ingen kan bære hele verden på sine skuldre. Derfor læner parterne sig ind mod hinanden og insisterer på samspil.",
        ),
    ];
    /// Privacy heading.
    pub const PRIVACY_TITLE: &str = "Dine data";
    /// Privacy statement, one paragraph per entry.
    pub const PRIVACY: [&str; 5] = [
        "Alt, hvad du skriver, gemmes kun i denne browser på denne enhed (i browserens lokale lager). Der er ingen server, ingen konto og ingen sporing.",
        "Data flytter kun, når du selv eksporterer en fil eller et link og giver det videre.",
        "Skriv kun fornavn eller initialer på den ældre. Et CPR-nummer afvises. Koordinatorens private noter kommer ikke med i filen til drømmeløberne.",
        "Du sletter alt på denne enhed med «Ryd mine data» på siden Del data.",
        "Browseren kan slette data efter længe uden besøg. Eksportér derfor dine data jævnligt.",
    ];
}

/// The not-found page.
pub mod not_found {
    /// Heading.
    pub const TITLE: &str = "Siden findes ikke";
    /// Text.
    pub const TEXT: &str = "Adressen passer ikke til nogen side i Tid og Lyst.";
    /// Link home.
    pub const HOME: &str = "Gå til forsiden";
}

/// Placeholders of parts under construction.
pub mod parts {
    /// Dreams heading.
    pub const DREAMS: &str = "Drømmeløber-tavlen";
    /// Activities heading.
    pub const ACTIVITIES: &str = "Aktiviteter";
    /// Assessment heading.
    pub const ASSESSMENT: &str = "SKAL eller KAN?";
    /// Record not found.
    pub const NO_SUCH: &str = "Den findes ikke (længere) på denne enhed.";
}

/// Storage messages.
pub mod storage {
    /// A stored value could not be read.
    pub fn corrupt(what: &str) -> String {
        format!(
            "Noget af det gemte ({what}) kunne ikke læses og er lagt til side. Appen kører videre med resten. \
             Du kan hente det beskadigede indhold som fil."
        )
    }
    /// Storage is full.
    pub const FULL: &str = "Browserens lager er fuldt, så din seneste ændring er ikke gemt på enheden. \
        Den er ikke tabt endnu: eksportér dine data nu, og ryd derefter plads.";
    /// Storage is not available.
    pub const UNAVAILABLE: &str =
        "Browseren tillader ikke, at appen gemmer data. Dine ændringer forsvinder, når du lukker siden. Eksportér dem.";
    /// IndexedDB missing or blocked: the records stay in local storage.
    pub const NO_DATABASE: &str = "Browseren tillader ikke appens database (det sker fx i privat tilstand). \
        Dine data gemmes i stedet i browserens lille lager, der kun rummer nogle tusinde aktiviteter. \
        Eksportér dine data jævnligt.";
    /// "Ryd mine data" could not empty the database.
    pub const CLEAR_FAILED: &str = "Dine data kunne ikke slettes helt fra browserens database. Prøv igen, eller ryd webstedets data i browserens indstillinger.";
    /// The stored records are being read.
    pub const LOADING: &str = "Henter dine data …";
    /// Download a corrupt value.
    pub const DOWNLOAD_CORRUPT: &str = "Hent det beskadigede indhold";
    /// Data changed in another tab.
    pub const OTHER_TAB: &str = "Data blev ændret i et andet vindue og er flettet ind her.";
}

/// The data page `/del`.
pub mod data {
    /// Heading.
    pub const TITLE: &str = "Del og importér data";
    /// Intro.
    pub const INTRO: &str = "Flyt dine data mellem enheder med en fil eller et link. Ingen data sendes til en server.";
    /// Export heading.
    pub const EXPORT_TITLE: &str = "Eksportér";
    /// Export button.
    pub const EXPORT: &str = "Eksportér data";
    /// Export done.
    pub fn exported(n: usize, file: &str) -> String {
        format!("Eksporten er gemt som «{file}» med {n} poster. Filen er læst igen og kontrolleret.")
    }
    /// Export check failed.
    pub const EXPORT_FAILED: &str = "Eksporten kunne ikke kontrolleres. Prøv igen.";
    /// Import heading.
    pub const IMPORT_TITLE: &str = "Importér";
    /// Import button (file input label).
    pub const IMPORT: &str = "Importér fil";
    /// Import help.
    pub const IMPORT_HELP: &str = "Vælg en fil fra Tid og Lyst (.json). Du ser, hvad der ændres, før noget ændres.";
    /// Preview heading.
    pub const PREVIEW_TITLE: &str = "Det vil ændre sig";
    /// Preview totals.
    pub fn preview(new: usize, updated: usize, deleted: usize, conflicts: usize) -> String {
        let mut parts = vec![count(new, "ny", "nye"), count(updated, "opdateret", "opdaterede")];
        if deleted > 0 {
            parts.push(count(deleted, "slettet", "slettede"));
        }
        parts.push(count(conflicts, "konflikt", "konflikter"));
        parts.join(", ")
    }
    fn count(n: usize, one: &str, many: &str) -> String {
        format!("{n} {}", if n == 1 { one } else { many })
    }
    /// Per-kind names for the preview table.
    pub const KINDS: [&str; 3] = ["Drømme", "Aktiviteter", "Workshops"];
    /// The preview table's columns.
    pub const COLUMNS: [&str; 4] = ["Nye", "Opdaterede", "Konflikter", "Uændrede"];
    /// Conflict line.
    pub fn conflict(label: &str, incoming_wins: bool) -> String {
        if incoming_wins {
            format!("«{label}» er ændret både her og i filen. Filens version er nyest og bruges.")
        } else {
            format!("«{label}» er ændret både her og i filen. Din version er nyest og beholdes.")
        }
    }
    /// Progress while a large file's syntax is checked (bytes).
    pub fn checking(done: usize, total: usize) -> String {
        let mb = |b: usize| (b + 512 * 1024) / (1024 * 1024);
        format!("Kontrollerer filen: {} af {} MB …", mb(done), mb(total).max(1))
    }
    /// Progress while a large file's records are read.
    pub fn reading(done: usize, total: usize) -> String {
        format!(
            "Læser {} af {} poster …",
            crate::activities::da::thousands(done),
            crate::activities::da::thousands(total)
        )
    }
    /// Nothing to change.
    pub const NOTHING: &str = "Filen indeholder intet nyt. Intet ændres.";
    /// Apply button.
    pub const APPLY: &str = "Flet ind";
    /// Cancel the preview.
    pub const CANCEL: &str = "Annullér";
    /// Applied.
    pub const APPLIED: &str = "Importen er gennemført.";
    /// Undo button.
    pub const UNDO: &str = "Fortryd sidste import";
    /// Undone.
    pub const UNDONE: &str = "Sidste import er fortrudt. Data er som før importen.";
    /// A link on a part's page that holds records of other parts too.
    pub const OPENING_DATA_PAGE: &str =
        "Linket indeholder også poster fra andre dele af appen. Det åbnes under «Del data» …";
    /// Import error prefix.
    pub const ERROR: &str = "Filen blev ikke importeret";
    /// Local data untouched.
    pub const UNTOUCHED: &str = "Dine data er ikke ændret.";
    /// Clear heading.
    pub const CLEAR_TITLE: &str = "Ryd enheden";
    /// Clear help.
    pub const CLEAR_HELP: &str = "På en fælles tablet: fjern alle personlige data, når besøget er slut.";
    /// Clear button.
    pub const CLEAR: &str = "Ryd mine data";
    /// Confirmation question.
    pub const CLEAR_CONFIRM: &str =
        "Vil du slette alle dine data på denne enhed? Det kan ikke fortrydes. Eksportér først, hvis du vil gemme dem.";
    /// Confirm button.
    pub const CLEAR_YES: &str = "Ja, slet alt";
    /// Cleared.
    pub const CLEARED: &str = "Alle dine data er slettet fra denne enhed.";
    /// Stats line.
    pub fn stats(dreams: usize, activities: usize, sessions: usize) -> String {
        let n = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        format!(
            "På denne enhed: {}, {}, {}.",
            n(dreams, "drøm", "drømme"),
            n(activities, "egen aktivitet", "egne aktiviteter"),
            n(sessions, "workshop", "workshops")
        )
    }
    /// Reading the file failed.
    pub const READ_FAILED: &str = "Filen kunne ikke åbnes.";
}

/// The panic page.
pub mod panic {
    /// Heading.
    pub const TITLE: &str = "Ups – der skete en fejl";
    /// Text.
    pub const TEXT: &str = "Tid og Lyst stødte på en fejl og må genstartes. Dine gemte data er ikke slettet.";
    /// Export link.
    pub const EXPORT: &str = "Hent en kopi af dine data";
    /// Reload link.
    pub const RELOAD: &str = "Genstart appen";
}

/// Sharing as a link and a QR code.
pub mod share {
    /// Button.
    pub const SHARE_LINK: &str = "Del som link";
    /// Nothing to share.
    pub const NOTHING: &str = "Der er ingen egne data at dele her endnu.";
    /// Button.
    pub const SHOW_QR: &str = "Vis QR-kode";
    /// Label of the link box.
    pub const THE_LINK: &str = "Linket (kan også kopieres herfra)";
    /// Shared through the share sheet.
    pub const SHARED: &str = "Linket er delt.";
    /// Share sheet closed.
    pub const SHARE_CANCELLED: &str = "Deling annulleret. Du kan kopiere linket herunder.";
    /// Copied to the clipboard.
    pub const COPIED: &str = "Linket er kopieret. Sæt det ind i en sms, en mail eller Messenger.";
    /// Could not copy.
    pub const COPY_FAILED: &str = "Linket kunne ikke kopieres automatisk. Markér og kopiér det herunder.";
    /// QR alt text.
    pub const QR_ALT: &str = "QR-kode med linket. Peg mobilens kamera på den for at åbne det.";
    /// QR caption.
    pub const QR_CAPTION: &str = "Peg mobilens kamera på koden for at åbne linket.";
    /// Too long for a QR code.
    pub const QR_TOO_LONG: &str =
        "Der er for mange data til en QR-kode, der kan scannes. Del linket eller en fil i stedet.";
    /// The link tool (a download of its own) could not be fetched.
    pub const CODEC_UNAVAILABLE: &str =
        "Værktøjet til links kunne ikke hentes. Tjek forbindelsen, og prøv igen. Du kan også dele en fil.";
    /// While a QR code is being made.
    pub const QR_MAKING: &str = "Laver QR-koden …";
    /// Heading on /del.
    pub const TITLE: &str = "Del uden fil";
    /// Help on /del.
    pub const HELP: &str = "Send dine data som et link i en sms, en mail eller Messenger, eller vis en QR-kode. Modtageren ser, hvad der ændres, før noget ændres.";
    /// Opening a link.
    pub const FROM_LINK: &str = "data fra et link";
    /// Link error prefix.
    pub const LINK_ERROR: &str = "Linket kunne ikke læses";

    /// A long share, split into `n` links (`sync::parts`).
    pub fn parts_made(n: usize) -> String {
        format!("Data er for lange til ét link, så de er delt i {n} links. Send dem alle – modtageren kan åbne dem i vilkårlig rækkefølge.")
    }
    /// One link of several.
    pub fn part_of(i: usize, n: usize) -> String {
        format!("Del {i} af {n}")
    }
    /// The button that sends one link of several.
    pub fn send_part(i: usize, n: usize) -> String {
        format!("Send del {i} af {n}")
    }
    /// What sending one of several links did.
    pub fn part_sent(i: usize, n: usize, what: &str) -> String {
        format!("Del {i} af {n}: {what}")
    }
    /// Which of several QR codes is shown.
    pub fn code_of(i: usize, n: usize) -> String {
        format!("Kode {i} af {n}")
    }
    /// The alt text of one of several QR codes.
    pub fn qr_part_alt(i: usize, n: usize) -> String {
        format!("QR-kode {i} af {n} med en del af data. Peg mobilens kamera på hver kode for sig.")
    }
    /// Under several QR codes.
    pub const QR_PARTS_HELP: &str =
        "Data er for mange til én QR-kode, så de er delt i flere. Koderne skifter af sig selv; skan dem alle, i vilkårlig rækkefølge.";
    /// Button: the code before.
    pub const PREVIOUS_CODE: &str = "Forrige kode";
    /// Button: the code after.
    pub const NEXT_CODE: &str = "Næste kode";
    /// Button: stop the codes changing by themselves.
    pub const STOP_CHANGING: &str = "Stop skift";
    /// Button: let the codes change by themselves again.
    pub const CHANGE_BY_ITSELF: &str = "Skift automatisk";
    /// Parts of a share received so far.
    pub fn parts_received(received: usize, n: usize) -> String {
        format!("{received} af {n} dele modtaget")
    }
    /// While parts are missing.
    pub const PARTS_WAITING: &str =
        "Åbn de andre links, eller skan de andre QR-koder – i vilkårlig rækkefølge. Intet er ændret endnu.";
    /// Button: drop the parts received.
    pub const FORGET_PARTS: &str = "Glem de modtagne dele";
    /// After the parts were dropped.
    pub const PARTS_FORGOTTEN: &str = "De modtagne dele er glemt.";
    /// Button: drop the parts received and start with the link refused.
    pub const START_OVER: &str = "Begynd forfra med dette link";
    /// A part could not be kept for the rest.
    pub const PART_NOT_KEPT: &str =
        "Delen kunne ikke gemmes på denne enhed (lageret er fuldt eller slået fra). Bed om data som fil i stedet.";
}

/// The shared board (Fælles tavle): connecting, syncing, what goes wrong.
pub mod board {
    /// The card's heading on `/del`.
    pub const TITLE: &str = "Fælles tavle (valgfrit)";
    /// What it is, before connecting.
    pub const INTRO: &str = "En forening kan dele én tavle for hele gruppen på sin egen server (CouchDB). Så ser koordinatoren med det samme, når en drømmeløber tager en drøm, og alle har de samme drømme, aktiviteter og svar – uden filer og links.";
    /// What travels, once connected.
    pub const WHAT_TRAVELS: &str = "Drømme (uden koordinatorens private noter), aktiviteter og workshopsvar sendes til tavlen. Adgangskoden gemmes kun på denne enhed.";
    /// Address field.
    pub const ADDRESS: &str = "Tavlens adresse";
    /// Address hint.
    pub const ADDRESS_HINT: &str = "Fx https://tavle.forening.dk/tavle-assens – du får den af foreningen.";
    /// Name field.
    pub const NAME: &str = "Navn";
    /// Password field.
    pub const PASSWORD: &str = "Adgangskode";
    /// Connect button.
    pub const CONNECT: &str = "Forbind";
    /// Disconnect button.
    pub const DISCONNECT: &str = "Afbryd forbindelsen";
    /// Sync-now button.
    pub const SYNC_NOW: &str = "Synkronisér nu";
    /// While checking the connection.
    pub const CHECKING: &str = "Forbinder …";
    /// Connected.
    pub fn connected(host: &str) -> String {
        format!("Forbundet til fælles tavle på {host}.")
    }
    /// After disconnecting.
    pub const DISCONNECTED: &str = "Forbindelsen er afbrudt. Alt, der er gemt her, er her stadig.";
    /// The footer's promise when connected.
    pub fn footer(host: &str) -> String {
        format!("Tid og Lyst kører i din browser. Drømme (uden private noter), aktiviteter og workshopsvar deles med fælles tavle på {host}. Intet andet sendes.")
    }
    /// A sync under way.
    pub fn syncing(received: usize, sent: usize) -> String {
        if received + sent == 0 {
            "Synkroniserer …".into()
        } else {
            format!("Synkroniserer … {received} modtaget, {sent} sendt")
        }
    }
    /// A sync done at `hour`.`minute` (Copenhagen time).
    pub fn synced(hour: u32, minute: u32, sent: usize, received: usize) -> String {
        let mut s = format!("Synkroniseret kl. {hour:02}.{minute:02}");
        if sent > 0 {
            s.push_str(&format!(" · {sent} {} sendt", if sent == 1 { "ændring" } else { "ændringer" }));
        }
        if received > 0 {
            s.push_str(&format!(" · {received} modtaget"));
        }
        s
    }
    /// Flagged dreams not sent.
    pub fn held_back(n: usize) -> String {
        format!("{n} {} sendes ikke, før grænserne er bekræftet.", if n == 1 { "drøm" } else { "drømme" })
    }
    /// Documents that could not be read or written.
    pub fn skipped(n: usize) -> String {
        format!("{n} {} på tavlen kunne ikke læses og er sprunget over.", if n == 1 { "post" } else { "poster" })
    }
    /// Offline or no answer: trying again.
    pub const RETRYING: &str = "Offline – prøver igen om lidt. Dine ændringer er gemt her.";
    /// No address.
    pub const NO_ADDRESS: &str = "Skriv tavlens adresse.";
    /// Not an address.
    pub const BAD_ADDRESS: &str =
        "Adressen kan ikke bruges. Den skal begynde med https:// (fx https://tavle.forening.dk/tavle-assens).";
    /// Plain HTTP to another machine.
    pub const INSECURE: &str =
        "Adgangskoden må kun sendes over en sikker forbindelse. Brug en adresse, der begynder med https://.";
    /// No name or password.
    pub const NO_LOGIN: &str = "Skriv både navn og adgangskode.";
    /// The page's security policy does not allow the origin.
    pub fn not_allowed(origin: &str) -> String {
        format!("Appens sikkerhedsregler tillader ikke forbindelse til {origin}. Brug tavlen på appens egen adresse, eller bed den, der driver appen, om at tillade adressen.")
    }
    /// Offline.
    pub const OFFLINE: &str = "Du er ikke på internettet. Dine ændringer er gemt her og sendes, når du er online igen.";
    /// Nothing answered.
    pub const NO_ANSWER: &str = "Tavlen svarer ikke. Tjek adressen, eller prøv igen om lidt.";
    /// CORS.
    pub const BLOCKED: &str =
        "Browseren blokerer forbindelsen til tavlen (CORS). Tavlens server skal tillade denne apps adresse.";
    /// 401.
    pub const UNAUTHORIZED: &str = "Forkert navn eller adgangskode.";
    /// 403.
    pub const FORBIDDEN: &str = "Du har ikke adgang til denne tavle. Bed den ansvarlige om at give dig adgang.";
    /// 404.
    pub const NOT_FOUND: &str = "Der er ingen tavle på den adresse. Tjek adressen.";
    /// Not CouchDB.
    pub const NOT_COUCH: &str = "Adressen svarer, men det er ikke en CouchDB-database.";
    /// Another status.
    pub fn server(status: u16) -> String {
        format!("Tavlens server svarede med en fejl ({status}). Prøv igen om lidt.")
    }
}

/// Offline use, updates and reminders.
pub mod offline {
    /// A new version is waiting.
    pub const UPDATE_READY: &str = "En ny version er klar.";
    /// Button to switch to it.
    pub const UPDATE_NOW: &str = "Opdatér nu";
    /// iPhone hint.
    pub const IOS_HOME_SCREEN: &str = "Tip til iPhone og iPad: tryk på Del-knappen og vælg «Føj til hjemmeskærm». \
        Så virker Tid og Lyst uden internet, og Safari sletter ikke dine data efter 7 dage uden besøg.";
    /// Export reminder.
    pub fn export_reminder(days: i64) -> String {
        format!(
            "Du har data på denne enhed, som ikke er eksporteret i {days} dage. \
             Eksportér dem på siden «Del data», så de ikke går tabt, hvis browseren rydder op."
        )
    }
}

/// The phone header's "Visning" control.
pub mod display {
    /// The button that folds out text size and projector mode on phones.
    pub const VIEW: &str = "Visning";
}

/// "Læs op" on an activity and on a dream (`ui::speech`).
pub mod speech {
    /// The button.
    pub const READ: &str = "Læs op";
    /// While speaking.
    pub const STOP: &str = "Stop oplæsning";
}

/// The shared tablet of an IT café or a library ("Delt tablet").
pub mod tablet {
    /// The setting (a toggle beside text size and projector mode).
    pub const SETTING: &str = "Delt tablet";
    /// The idle time's choice.
    pub const IDLE_LABEL: &str = "Ryd efter";
    /// One choice of idle time.
    pub fn idle_choice(minutes: u8) -> String {
        format!("{minutes} min. uden brug")
    }
    /// The button on every page.
    pub const DONE: &str = "Færdig – ryd til næste";
    /// The confirmation's question.
    pub const CONFIRM_TITLE: &str = "Ryd tabletten til den næste?";
    /// What goes and what stays.
    pub const CONFIRM_TEXT: &str = "Det, du har gjort her, slettes: dine favoritter, drømme du har taget, \
        dine svar, dit navn og det, du var ved at skrive. Aktiviteterne, importerede lister og en \
        igangværende workshop bliver.";
    /// Confirm.
    pub const YES: &str = "Ja, ryd tabletten";
    /// The idle warning's question.
    pub const STILL_THERE: &str = "Er du her stadig?";
    /// The idle warning's countdown.
    pub fn clears_in(seconds: i64) -> String {
        if seconds == 1 {
            "Tabletten ryddes om 1 sekund.".into()
        } else {
            format!("Tabletten ryddes om {seconds} sekunder.")
        }
    }
    /// Staying.
    pub const STAY: &str = "Jeg er her stadig";
    /// While the tablet is cleared.
    pub const CLEARING: &str = "Tabletten ryddes …";
    /// Cleared, on the forside.
    pub const CLEARED: &str = "Tabletten er ryddet og klar til den næste.";
}

/// When the storage ran full during an import: how much of it was kept.
pub mod kept {
    use crate::activities::da::thousands;

    /// The kinds of record, (one, many), in the order of `sync::data::AppData`.
    pub const KINDS: [(&str, &str); 3] = [("drøm", "drømme"), ("aktivitet", "aktiviteter"), ("workshop", "workshops")];

    /// "1.000 af 5.219 aktiviteter er gemt": per kind imported, (saved,
    /// imported) in the order of [`KINDS`]; kinds with nothing imported are
    /// left out.
    pub fn kept(counts: [(usize, usize); 3]) -> String {
        let parts: Vec<String> = counts
            .iter()
            .zip(KINDS)
            .filter(|((_, total), _)| *total > 0)
            .map(|((saved, total), (one, many))| {
                format!("{} af {} {}", thousands(*saved), thousands(*total), if *total == 1 { one } else { many })
            })
            .collect();
        let list = match parts.split_last() {
            Some((last, rest)) if !rest.is_empty() => format!("{} og {last}", rest.join(", ")),
            _ => parts.concat(),
        };
        format!("{list} er gemt.")
    }

    /// After the counts, beside the file of what was not saved.
    pub const FULL: &str = "Browserens lager er fuldt. Resten er ikke tabt: det er her i appen, så længe \
        siden er åben. Hent det som fil, ryd plads, og importér filen igen.";

    /// The button that downloads what was not saved.
    pub const DOWNLOAD: &str = "Hent det, der ikke er gemt";

    /// The file's name before its date.
    pub const FILE_STEM: &str = "tid-og-lyst-ikke-gemt";
}
