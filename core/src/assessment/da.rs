//! Danish strings of the assessment part ("SKAL eller KAN?"): the task cards,
//! the checks and the principles they come from (seeds 000 and 003), the
//! verdicts, and every label of the workshop pages.

/// Content taken from the source documents: cards, checks, principles.
pub mod content {
    /// The question of the whole workshop (seed 000).
    pub const MAIN_QUESTION: &str = "Er der reelt tale om opgave- og ansvarsflytning til civilsamfundet? \
        Har vi overhovedet frivillige til opgaverne?";

    /// The six discussion cards of seed 000: (id, title, question verbatim).
    pub const SEED_CARDS: [(&str, &str, &str); 6] = [
        (
            "bisiddere",
            "Bisiddere",
            "Er det en kommunal borgerrådgiveropgave at yde støtte til borgerne eller en frivillig opgave?",
        ),
        (
            "indkoebsture",
            "Indkøbsture",
            "Er det en hjemmehjælper opgave at forestå eller tage borgerne med på indkøb - eller er det en frivilligopgave?",
        ),
        (
            "hjemmetraening",
            "Hjemmetræning",
            "Efter endt genoptræning – er opfølgning en opgave for professionelle terapeuter eller for frivillige?",
        ),
        (
            "besoegsvenner-plejehjem",
            "Besøgsvenner på plejehjem",
            "Er personcentrerede aktiviteter en opgave for medarbejderne eller de frivillige?",
        ),
        (
            "demensramte",
            "Støtte til demensramte",
            "Er transportopgaver og caféer til demensramte og deres pårørende en ren frivilligopgave?",
        ),
        (
            "it-hjaelp-digitalisering",
            "IT-hjælp til den offentlige digitalisering",
            "Er det en offentlig opgave eller en frivilligopgave?",
        ),
    ];

    /// The worked examples of seed 003 (Hedensted): (id, title, question, what the source says).
    pub const EXAMPLE_CARDS: [(&str, &str, &str, &str); 5] = [
        (
            "vaagetjeneste",
            "Vågetjeneste",
            "Skal frivillige våge hos døende, som ellers ville være alene – i samarbejde med kommunen?",
            "Hedensted: «Ja til samarbejde, når vi har en fælles sag … Vågetjeneste (et eksemplarisk samarbejde).» \
             Seed 000: «Ingen vågetjeneste uden samarbejde med kommunerne».",
        ),
        (
            "spisevenner",
            "Spisevenner",
            "Skal frivillige spise sammen med ældre, der ellers spiser alene, efter aftale med kommunen?",
            "Hedensted: samarbejde er «i nogle tilfælde en nødvendighed, f.eks. vågetjeneste, spiseven, tryghedsopkald».",
        ),
        (
            "tryghedsopkald",
            "Tryghedsopkald",
            "Skal frivillige ringe fast til ældre, der bor alene, for at høre, hvordan de har det?",
            "Hedensted: samarbejde er «i nogle tilfælde en nødvendighed, f.eks. vågetjeneste, spiseven, tryghedsopkald».",
        ),
        (
            "mitid-it-cafe",
            "MitID-hjælp i IT-caféen",
            "Skal IT-frivillige hjælpe borgere fra NemID til MitID, når registreringen er en myndighedsopgave?",
            "Hedensted 2022: en medarbejder fra Borgerservice foretog myndighedsopgaven med registrering i IT-caféen; \
             IT-frivillige vejledte borgeren på mobilen; café-værter tog imod. Over 700 borgere fik hjælp. \
             «NB! Kun mundtlig aftale. Fremadrettet skriftlig ved større projekter.»",
        ),
        (
            "chauffoerkorps",
            "Chaufførkorps",
            "Skal frivillige køre borgere for kommunen i et chaufførkorps?",
            "Hedensted: «Chaufførkorps FGU et eksempel på, hvornår vi ikke skal involvere os – uanset den gode sag.»",
        ),
    ];

    /// Where the six cards come from.
    pub const ORIGIN_SEED: &str = "Ældre Sagen: Samarbejde med kommunerne";
    /// Where the worked examples come from.
    pub const ORIGIN_EXAMPLE: &str = "Eksempel fra Ældre Sagen Hedensted";
    /// The group's own card.
    pub const ORIGIN_OWN: &str = "Gruppens eget kort";

    /// The five steps of the scale, from 1 to 5.
    pub const SCALE: [&str; 5] = ["Klart SKAL", "Mest SKAL", "Gråzone", "Mest KAN", "Klart KAN"];
    /// Short forms for the chart.
    pub const SCALE_SHORT: [&str; 5] = ["Klart SKAL", "Mest SKAL", "Gråzone", "Mest KAN", "Klart KAN"];

    /// The checks: (wire key, question).
    pub const CHECKS: [(&str, &str); 8] = [
        ("statutory", "Er opgaven lovpligtig for kommunen (serviceloven, sundhedsloven)?"),
        ("replaces_staff", "Erstatter opgaven ansattes lønnede arbejde?"),
        ("professional", "Kræver opgaven en faglig vurdering (sundhedsfaglig, terapeutisk, myndighed)?"),
        ("volunteer_led", "Kan frivillige selv lede opgaven – ikke kommunen?"),
        ("unpaid_free", "Er opgaven ulønnet, og kan den frivillige frit sige fra?"),
        ("shared_cause", "Har vi en fælles sag med kommunen?"),
        ("have_volunteers", "Har vi frivillige til opgaven?"),
        ("competition", "Kan samarbejdet være konkurrenceforvridende?"),
    ];

    /// The three answers of a check.
    pub const ANSWERS: [&str; 3] = ["Ja", "Nej", "Ved ikke"];

    /// Names of the principles' sources.
    pub const POLICY: &str = "Ældre Sagens frivillighedspolitik";
    /// Hedensted criteria.
    pub const HEDENSTED: &str = "Hedensted-kriterierne";
    /// The workshop's own question (seed 000).
    pub const WORKSHOP_QUESTION: &str = "Workshoppens spørgsmål";

    /// Principle quotes, by id.
    pub const PRINCIPLES: [(&str, &str); 10] = [
        ("statutory", "Lovpligtige opgaver skal altid varetages af ansatte i overensstemmelse med loven og borgernes rettigheder."),
        ("not_replacement", "Frivillige er IKKE en erstatning for ansattes lønnede arbejde."),
        ("professional", "Samarbejde – nej tak: når samarbejdet supplerer kommunens skalopgaver og har faglig karakter. Frivillige er ikke professionelle."),
        ("led_by_volunteers", "Frivillige ledes altid af frivillige – ikke af kommunen."),
        ("unpaid", "Frivilligt arbejde er ALTID ulønnet. Frivilligheden er fri og handler ikke om at løse faste opgaver."),
        ("shared_cause", "Samarbejde, når forventningsafstemningen viser fælles fodslag: «Vi har en fælles sag»."),
        ("diverging", "Samarbejde – nej tak: når den nødvendige forventningsafstemning går i hver sin retning."),
        ("volunteers", "Har vi overhovedet frivillige til opgaverne?"),
        ("competition", "Samarbejde – nej tak: når samarbejdet kan være konkurrenceforvridende."),
        ("grey_zone", "Gråzonerne mellem SKAL- og KAN-opgaver er ofte flydende; der skal afstemmes forventninger, helst i en skriftlig samarbejdsaftale."),
    ];

    /// The agreement checklist of seed 003 ("Hvad bør aftalen indeholde?").
    pub const AGREEMENT: [&str; 9] = [
        "Formål",
        "Aftalens parter og aktører",
        "Ældre Sagens organisatoriske grundlag for aftaleindgåelse",
        "Målgruppe og frivilligroller",
        "Vidensdeling og kvartalsvise møder",
        "Tidsplan samt evalueringsmøder",
        "Underskrifter af parterne",
        "Projektbeskrivelse som bilag",
        "Flyer, pressekontakt, fokus på netværk",
    ];

    /// Reflection sections of seed 000: (id, heading, questions).
    pub const REFLECTIONS: [(&str, &str, &[&str]); 2] = [
        (
            "erfaringer",
            "Erfaringer med samarbejde med kommunerne",
            &[
                "Hvilke aktiviteter samarbejder I med jeres kommune om?",
                "Hvad er jeres erfaringer med samarbejde med jeres kommune?",
                "Får I økonomisk støtte fra jeres kommune til de aktiviteter, hvor I samarbejder?",
                "Har I brug for yderligere støtte fra sekretariatet?",
            ],
        ),
        (
            "fremtidens-frivillige",
            "Er I klar til fremtidens frivillige?",
            &[
                "Oplever I, at der er kommet flere yngre medlemmer?",
                "Stiller de nye frivillige andre krav end tidligere?",
                "Har I mod på at prøve kræfter med nye aktiviteter?",
                "Er I i lokalafdelingen organiseret på en måde, så I kan løfte flere opgaver?",
                "Hvilken støtte har I brug for fra sekretariatets side?",
            ],
        ),
    ];
}

/// Verdicts and reasons.
pub mod verdict {
    /// Verdict names.
    pub const SKAL: &str = "SKAL – sig nej tak";
    /// Split it.
    pub const SPLIT: &str = "Del opgaven";
    /// Grey zone.
    pub const GREY: &str = "Gråzone";
    /// A volunteer task.
    pub const KAN: &str = "KAN – en god frivilligopgave";
    /// Advice per verdict.
    pub const SKAL_ADVICE: &str =
        "Opgaven hører til kommunens ansatte. Sig venligt nej tak til at løse den med frivillige.";
    /// Split advice.
    pub const SPLIT_ADVICE: &str = "Del opgaven: myndigheds- og fagdelen til ansatte, hjælpen og samværet til frivillige – som i aftalen om NemID til MitID.";
    /// Grey advice.
    pub const GREY_ADVICE: &str = "Afstem forventningerne, og skriv en samarbejdsaftale, før I siger ja.";
    /// KAN advice.
    pub const KAN_ADVICE: &str = "En god frivilligopgave. Skriv gerne en aftale om rammerne.";

    /// Reason texts.
    pub const R_STATUTORY: &str = "Opgaven er lovpligtig for kommunen.";
    /// Replaces staff.
    pub const R_REPLACES: &str = "Opgaven erstatter ansattes lønnede arbejde.";
    /// Professional.
    pub const R_PROFESSIONAL: &str = "Opgaven kræver en faglig vurdering.";
    /// Not volunteer led.
    pub const R_NOT_LED: &str = "Frivillige kan ikke selv lede opgaven.";
    /// Not unpaid/free.
    pub const R_NOT_FREE: &str = "Opgaven er ikke ulønnet, eller den frivillige kan ikke frit sige fra.";
    /// No shared cause.
    pub const R_NO_CAUSE: &str = "Vi har ikke en fælles sag med kommunen.";
    /// Competition.
    pub const R_COMPETITION: &str = "Samarbejdet kan være konkurrenceforvridende.";
    /// Split: help part.
    pub const R_HELP_PART: &str = "Der er en del, som frivillige kan lede selv, ulønnet og frit.";
    /// Positive reasons.
    pub const R_LED: &str = "Frivillige kan selv lede opgaven.";
    /// Unpaid and free.
    pub const R_FREE: &str = "Opgaven er ulønnet, og den frivillige kan frit sige fra.";
    /// Shared cause.
    pub const R_CAUSE: &str = "Vi har en fælles sag med kommunen.";
    /// Volunteers exist.
    pub const R_VOLUNTEERS: &str = "Vi har frivillige til opgaven.";
    /// No volunteers.
    pub const R_NO_VOLUNTEERS: &str = "Vi har ikke frivillige nok til opgaven.";
    /// Not statutory etc.
    pub const R_NOT_STATUTORY: &str =
        "Opgaven er ikke lovpligtig, erstatter ikke ansatte og kræver ingen faglig vurdering.";
    /// Unknown check.
    pub fn unknown(question: &str) -> String {
        format!("Uafklaret: «{question}»")
    }
    /// Position and checks disagree.
    pub fn position_differs(position: &str) -> String {
        format!("Din placering («{position}») og tjeklisten peger i hver sin retning – tag det op i drøftelsen.")
    }
    /// No checks answered.
    pub const R_NO_CHECKS: &str = "Tjeklisten er ikke besvaret, så opgaven er endnu uafklaret.";
    /// Label before the principle.
    pub const FROM: &str = "Kilde";
}

/// Labels of the pages.
pub mod ui {
    /// Page heading.
    pub const TITLE: &str = "SKAL eller KAN?";
    /// Intro.
    pub const INTRO: &str = "En workshop om grænsen mellem kommunens lovpligtige opgaver (SKAL) og det, frivillige kan vælge at gøre (KAN). \
        Deltagerne svarer på deres egen telefon, og svarene samles uden server og uden konto.";
    /// New session heading.
    pub const NEW_TITLE: &str = "Ny workshop";
    /// Session name field.
    pub const NAME: &str = "Workshoppens navn";
    /// Date field.
    pub const DATE: &str = "Dato";
    /// Create button.
    pub const CREATE: &str = "Opret workshop";
    /// Name required.
    pub const NAME_REQUIRED: &str = "Skriv et navn på workshoppen.";
    /// List heading.
    pub const LIST_TITLE: &str = "Workshops på denne enhed";
    /// No sessions.
    pub const NONE: &str =
        "Der er ingen workshops endnu. Opret en, eller importér en workshopfil fra facilitatoren på siden Del data.";
    /// One line of the session list.
    pub fn list_meta(date: &str, participants: usize) -> String {
        let people = match participants {
            1 => "1 deltager".to_string(),
            n => format!("{n} deltagere"),
        };
        format!("{}{people}", date_line(date))
    }
    /// Join help.
    pub const JOIN_HELP: &str =
        "Deltager? Importér workshopfilen fra facilitatoren under «Del data», og åbn workshoppen her.";
    /// Cards heading.
    pub const CARDS_TITLE: &str = "Opgavekortene";
    /// Not found.
    pub const NOT_FOUND: &str = "Workshoppen findes ikke (længere) på denne enhed.";
    /// Back to list.
    pub const BACK: &str = "Alle workshops";
    /// Back to the session.
    pub const BACK_SESSION: &str = "Tilbage til workshoppen";
    /// Session view switcher label.
    pub const MODES: &str = "Workshoppens visninger";
    /// Mode: answer.
    pub const MODE_ANSWER: &str = "Svar på kortene";
    /// Mode: projector.
    pub const MODE_PROJECTOR: &str = "Vis på projektor";
    /// Mode: hands.
    pub const MODE_HANDS: &str = "Tæl håndsoprækning";
    /// Mode: tablet.
    pub const MODE_TABLET: &str = "Send tabletten rundt";
    /// Mode: summary.
    pub const MODE_SUMMARY: &str = "Resumé";
    /// Participants stat.
    pub fn stats(participants: usize, ballots: usize, cards: usize) -> String {
        let people = if participants == 1 { "deltager" } else { "deltagere" };
        format!("{cards} kort · {participants} {people} · {ballots} svar")
    }
    /// Facilitator section.
    pub const FACILITATOR: &str = "Til facilitatoren";
    /// Send the session to participants.
    pub const SHARE_SESSION: &str = "Eksportér workshop til deltagerne";
    /// Share help.
    pub const SHARE_HELP: &str =
        "Giv filen til deltagerne (mail, SMS, USB). De importerer den under «Del data» og svarer på deres telefon.";
    /// Link and QR help for the session.
    pub const SHARE_LINK_HELP: &str = "Eller uden fil: vis QR-koden på projektoren, så deltagerne åbner workshoppen med telefonens kamera, eller send linket.";
    /// Link help for a participant's answers.
    pub const ANSWERS_LINK_HELP: &str =
        "Eller send dine svar som et link (SMS, mail, Messenger). Facilitatoren åbner linket og fletter svarene ind.";
    /// Exported.
    pub fn exported(file: &str) -> String {
        format!("Filen «{file}» er gemt og kontrolleret.")
    }
    /// Export failed.
    pub const EXPORT_FAILED: &str = "Filen kunne ikke kontrolleres. Prøv igen.";
    /// Heading of the ballot import.
    pub const BALLOTS_TITLE: &str = "Saml deltagernes svar";
    /// Import answers.
    pub const IMPORT_BALLOTS: &str = "Importér svarfiler";
    /// Import help.
    pub const IMPORT_HELP: &str = "Vælg deltagernes svarfiler – gerne flere på én gang. Et svar tælles kun én gang pr. deltager og kort; en ny fil fra samme deltager erstatter den gamle.";
    /// Import preview.
    pub fn ballot_preview(new: usize, replaced: usize, unchanged: usize) -> String {
        format!("{new} nye svar, {replaced} erstattede, {unchanged} uændrede.")
    }
    /// From participants.
    pub fn from_participants(names: &str) -> String {
        format!("Fra: {names}.")
    }
    /// Apply ballots.
    pub const APPLY_BALLOTS: &str = "Flet svarene ind";
    /// Cancel.
    pub const CANCEL: &str = "Annullér";
    /// Applied.
    pub const APPLIED: &str = "Svarene er flettet ind. Du kan fortryde under «Del data».";
    /// File error.
    pub fn file_error(file: &str, error: &str) -> String {
        format!("«{file}» blev ikke importeret: {error} Dine data er ikke ændret.")
    }
    /// Wrong session in file.
    pub const OTHER_SESSION: &str = "Filen indeholder ikke svar til denne workshop.";
    /// Edit session.
    pub const EDIT_TITLE: &str = "Workshoppens kort";
    /// Toggle card in session.
    pub fn include_card(title: &str) -> String {
        format!("Tag «{title}» med")
    }
    /// Own card heading.
    pub const OWN_CARD: &str = "Gruppens eget kort";
    /// Own card title.
    pub const OWN_TITLE: &str = "Kortets titel";
    /// Own card question.
    pub const OWN_QUESTION: &str = "Spørgsmål til drøftelse";
    /// Add own card.
    pub const ADD_CARD: &str = "Tilføj kort";
    /// Card text refused.
    pub const CARD_TEXT_BAD: &str = "Kortets tekst er for lang eller indeholder usynlige tegn.";
    /// Card title required.
    pub const CARD_TITLE_REQUIRED: &str = "Skriv en titel på kortet.";
    /// Remove own card.
    pub fn remove_card(title: &str) -> String {
        format!("Fjern «{title}»")
    }
    /// Delete session.
    pub const DELETE: &str = "Slet workshop";
    /// Confirm delete.
    pub const DELETE_CONFIRM: &str = "Vil du slette workshoppen og alle svar på denne enhed?";
    /// Yes delete.
    pub const DELETE_YES: &str = "Ja, slet workshoppen";
    /// Deleted.
    pub const DELETED: &str = "Workshoppen er slettet.";

    /// Alias heading.
    pub const ALIAS_TITLE: &str = "Hvem svarer?";
    /// Alias field.
    pub const ALIAS: &str = "Dit kaldenavn";
    /// Alias help.
    pub const ALIAS_HELP: &str = "Brug et kaldenavn eller et bogstav – ikke dit fulde navn. Svarene er anonyme.";
    /// Start answering.
    pub const START: &str = "Begynd at svare";
    /// Alias required.
    pub const ALIAS_REQUIRED: &str = "Skriv et kaldenavn.";
    /// Answering as.
    pub fn answering_as(alias: &str) -> String {
        format!("Du svarer som «{alias}».")
    }
    /// Change alias.
    pub const CHANGE_ALIAS: &str = "Skift kaldenavn";
    /// Card of.
    pub fn card_of(i: usize, n: usize) -> String {
        format!("Kort {i} af {n}")
    }
    /// Scale legend.
    pub const SCALE_LEGEND: &str = "Hvor hører opgaven hjemme?";
    /// Checks heading.
    pub const CHECKS_TITLE: &str = "Tjek opgaven";
    /// Comment field.
    pub const COMMENT: &str = "Kommentar (valgfri)";
    /// Verdict heading.
    pub const VERDICT_TITLE: &str = "Vurdering";
    /// Previous card.
    pub const PREV: &str = "Forrige kort";
    /// Next card.
    pub const NEXT: &str = "Næste kort";
    /// Export my answers.
    pub const EXPORT_MINE: &str = "Eksportér mine svar";
    /// Export my help.
    pub const EXPORT_MINE_HELP: &str = "Send filen til facilitatoren. Den indeholder kun dine svar.";
    /// Answered count.
    pub fn answered(done: usize, total: usize) -> String {
        format!("Du har svaret på {done} af {total} kort.")
    }
    /// Tablet: done.
    pub const TABLET_DONE: &str = "Færdig – giv tabletten videre";
    /// Tablet help.
    pub const TABLET_HELP: &str =
        "Hver deltager skriver sit kaldenavn, svarer og trykker «Færdig». Svarene skjules, før tabletten gives videre.";
    /// Tablet thanks.
    pub fn tablet_thanks(alias: &str) -> String {
        format!("Tak, {alias}. Dine svar er gemt. Giv tabletten til den næste.")
    }

    /// Hands heading.
    pub const HANDS_TITLE: &str = "Håndsoprækning";
    /// Hands help.
    pub const HANDS_HELP: &str = "Læs kortet op, og tæl hænderne for hvert trin på skalaen.";
    /// Hands count for a step.
    pub fn hands_for(step: &str) -> String {
        format!("Antal hænder: {step}")
    }
    /// Save tally.
    pub const SAVE_TALLY: &str = "Gem optælling";
    /// Tally saved.
    pub const TALLY_SAVED: &str = "Optællingen er gemt.";
    /// Bad number.
    pub const BAD_NUMBER: &str = "Skriv et helt tal fra 0 til 999.";
    /// A change to a card that is not in the session.
    pub const UNKNOWN_CARD: &str = "Kortet findes ikke i denne workshop (længere). Intet er gemt.";
    /// A change to a session that was deleted meanwhile (another tab).
    pub const SESSION_GONE: &str =
        "Workshoppen findes ikke længere på denne enhed – måske er den slettet i en anden fane. Intet er gemt.";

    /// Projector: reveal.
    pub const REVEAL: &str = "Vis resultat";
    /// Projector: hide.
    pub const HIDE: &str = "Skjul resultat";
    /// Keys help.
    pub const KEYS_HELP: &str =
        "Tastatur: pil højre/venstre skifter kort, mellemrum viser resultatet, P sætter uret på pause.";
    /// Hidden result.
    pub const HIDDEN: &str = "Resultatet er skjult, så de første stemmer ikke styrer rummet.";
    /// Ballot count before reveal.
    pub fn received(n: u32) -> String {
        if n == 1 {
            "1 svar modtaget.".into()
        } else {
            format!("{n} svar modtaget.")
        }
    }
    /// Turnout of the card shown.
    pub fn turnout(answered: u32, known: u32) -> String {
        format!("{answered} af {known} har svaret")
    }
    /// Why a result is not shown: too few answers (anonymity).
    pub fn too_few_to_show(answered: u32, min: u8) -> String {
        format!("Resultatet vises først, når mindst {min} har svaret, så ingen kan ses. Nu har {answered} svaret.")
    }
    /// Why a result is not shown yet: waiting for everyone.
    pub fn waiting_for_all(answered: u32, known: u32) -> String {
        format!("Resultatet vises, når alle {known} har svaret ({answered} har svaret).")
    }
    /// Why a result is not shown yet: waiting for the timer.
    pub const WAITING_FOR_TIMER: &str = "Resultatet vises, når tiden er gået.";
    /// The card timer.
    pub fn time_left(text: &str) -> String {
        format!("Tid tilbage: {text}")
    }
    /// The timer has run out.
    pub const TIME_UP: &str = "Tiden er gået.";
    /// Pause the timer.
    pub const PAUSE: &str = "Sæt uret på pause";
    /// Resume the timer.
    pub const RESUME: &str = "Start uret igen";
    /// "Stem igen".
    pub const VOTE_AGAIN: &str = "Stem igen";
    /// A round opened.
    pub fn round_opened(n: u8) -> String {
        format!("{n}. runde er åben. Deltagerne kan stemme igen på dette kort.")
    }
    /// On a participant's card when the room votes again.
    pub fn vote_again_round(n: u8) -> String {
        format!("{n}. runde: stem igen efter drøftelsen. Dit første svar er gemt.")
    }
    /// Heading of a round.
    pub fn round_title(n: u8) -> String {
        format!("{n}. runde")
    }
    /// How many moved between rounds.
    pub fn moved(n: u32) -> String {
        if n == 1 {
            "1 deltager flyttede sig.".into()
        } else {
            format!("{n} deltagere flyttede sig.")
        }
    }
    /// The join corner's label.
    pub const JOIN: &str = "Vær med";
    /// The join QR code's text alternative.
    pub const JOIN_QR: &str = "QR-kode: skan for at være med i workshoppen";
    /// Heading of the reveal rules.
    pub const RULES_TITLE: &str = "Visning af resultater";
    /// The reveal rule field.
    pub const F_REVEAL: &str = "Hvornår vises resultatet på projektoren?";
    /// The reveal rules' labels: by hand, all answered, timer.
    pub const REVEAL_MODES: [&str; 3] =
        ["Når jeg trykker «Vis resultat»", "Når alle har svaret", "Når tiden på kortet er gået"];
    /// The threshold field.
    pub const F_MIN: &str = "Vis aldrig et resultat med færre svar end";
    /// The timer field.
    pub const F_TIMER: &str = "Tid pr. kort i minutter (0 = intet ur)";
    /// Save the rules.
    pub const SAVE_RULES: &str = "Gem visning";
    /// Rules saved.
    pub const RULES_SAVED: &str = "Visningen er gemt.";
    /// Bad threshold.
    pub const BAD_MIN: &str = "Skriv et helt tal fra 1 til 50 for mindste antal svar.";
    /// Bad timer.
    pub const BAD_TIMER: &str = "Skriv et helt antal minutter fra 0 til 60.";
    /// Heading of the cards' turnout in the overview.
    pub const TURNOUT_TITLE: &str = "Svar pr. kort";
    /// The order of cards.
    pub const ORDER: &str = "Rækkefølge";
    /// Session order.
    pub const ORDER_SESSION: &str = "Som i workshoppen";
    /// Most split first.
    pub const ORDER_SPLIT: &str = "Mest uenige først";
    /// Close projector.
    pub const CLOSE_PROJECTOR: &str = "Luk projektorvisningen";
    /// Notes field.
    pub const NOTES: &str = "Noter fra drøftelsen";
    /// Chart title.
    pub fn chart_title(card: &str) -> String {
        format!("Fordeling af svar på «{card}»")
    }
    /// Chart text alternative.
    pub fn chart_alt(parts: &[(String, u32)], n: u32) -> String {
        let list: Vec<String> = parts.iter().map(|(l, c)| format!("{l}: {c}")).collect();
        format!("{n} svar. {}.", list.join(", "))
    }
    /// Agreement labels.
    pub const AGREE: &str = "Gruppen er enig";
    /// Split.
    pub const SPLIT: &str = "Gruppen er delt";
    /// Spread.
    pub const SPREAD: &str = "Svarene er spredte";
    /// Too few.
    pub const TOO_FEW: &str = "For få svar til at sige noget om enighed";
    /// No answers.
    pub const NO_ANSWERS: &str = "Ingen svar endnu.";
    /// Tally source.
    pub fn sources(ballots: u32, hands: u32) -> String {
        match (ballots, hands) {
            (b, 0) => format!("{b} stemmesedler"),
            (0, h) => format!("{h} hænder"),
            (b, h) => format!("{b} stemmesedler og {h} hænder"),
        }
    }
    /// Group verdict heading.
    pub const GROUP_VERDICT: &str = "Gruppens vurdering";

    /// Summary.
    pub const SUMMARY_TITLE: &str = "Resumé af workshoppen";
    /// Print.
    pub const PRINT: &str = "Udskriv resumé";
    /// CSV.
    pub const CSV: &str = "Hent resultater som CSV";
    /// CSV saved.
    pub fn csv_saved(file: &str) -> String {
        format!("Resultaterne er gemt som «{file}».")
    }
    /// Agreement heading.
    pub const AGREEMENT_TITLE: &str = "Tjekliste til samarbejdsaftalen";
    /// Agreement intro.
    pub const AGREEMENT_INTRO: &str = "Hvad bør aftalen indeholde? (Ældre Sagen Hedensted)";
    /// Comments heading.
    pub const COMMENTS: &str = "Kommentarer";
    /// Reflections heading.
    pub const REFLECTIONS_TITLE: &str = "Refleksion i lokalafdelingen (valgfrit)";
    /// Reflection field.
    pub fn reflection_field(heading: &str) -> String {
        format!("Jeres svar: {heading}")
    }
    /// Save reflections.
    pub const SAVE_REFLECTION: &str = "Gem refleksion";
    /// Saved.
    pub const SAVED: &str = "Gemt.";
    /// Date line.
    pub fn date_line(date: &str) -> String {
        let parts: Vec<&str> = date.split('-').collect();
        match parts.as_slice() {
            [] | [""] => String::new(),
            [y, m, d] => format!("{}.{}.{y} · ", d.trim_start_matches('0'), m),
            _ => format!("{date} · "),
        }
    }
}

/// CSV column headings (Danish Excel dialect).
pub mod csv {
    /// Header row.
    pub const HEADER: [&str; 17] = [
        "Kort",
        "Spørgsmål",
        "Runde",
        "Flyttede sig",
        "Klart SKAL",
        "Mest SKAL",
        "Gråzone",
        "Mest KAN",
        "Klart KAN",
        "Svar i alt",
        "Heraf hænder",
        "Enighed",
        "Vurdering",
        "Begrundelser",
        "Noter",
        "Kommentarer",
        "Kilde",
    ];
}
