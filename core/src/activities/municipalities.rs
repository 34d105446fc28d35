//! Denmark's 98 municipalities (kommuner), with their region, in the
//! spelling the municipalities use themselves. Pure data.

/// The five regions.
pub const REGIONS: [&str; 5] =
    ["Region Hovedstaden", "Region Sjælland", "Region Syddanmark", "Region Midtjylland", "Region Nordjylland"];

/// Every municipality as (name, index into [`REGIONS`]), sorted by name in
/// Danish order (æ, ø, å last).
pub const MUNICIPALITIES: [(&str, u8); 98] = [
    ("Albertslund", 0),
    ("Allerød", 0),
    ("Assens", 2),
    ("Ballerup", 0),
    ("Billund", 2),
    ("Bornholm", 0),
    ("Brøndby", 0),
    ("Brønderslev", 4),
    ("Dragør", 0),
    ("Egedal", 0),
    ("Esbjerg", 2),
    ("Fanø", 2),
    ("Favrskov", 3),
    ("Faxe", 1),
    ("Fredensborg", 0),
    ("Fredericia", 2),
    ("Frederiksberg", 0),
    ("Frederikshavn", 4),
    ("Frederikssund", 0),
    ("Furesø", 0),
    ("Faaborg-Midtfyn", 2),
    ("Gentofte", 0),
    ("Gladsaxe", 0),
    ("Glostrup", 0),
    ("Greve", 1),
    ("Gribskov", 0),
    ("Guldborgsund", 1),
    ("Haderslev", 2),
    ("Halsnæs", 0),
    ("Hedensted", 3),
    ("Helsingør", 0),
    ("Herlev", 0),
    ("Herning", 3),
    ("Hillerød", 0),
    ("Hjørring", 4),
    ("Holbæk", 1),
    ("Holstebro", 3),
    ("Horsens", 3),
    ("Hvidovre", 0),
    ("Høje-Taastrup", 0),
    ("Hørsholm", 0),
    ("Ikast-Brande", 3),
    ("Ishøj", 0),
    ("Jammerbugt", 4),
    ("Kalundborg", 1),
    ("Kerteminde", 2),
    ("Kolding", 2),
    ("København", 0),
    ("Køge", 1),
    ("Langeland", 2),
    ("Lejre", 1),
    ("Lemvig", 3),
    ("Lolland", 1),
    ("Lyngby-Taarbæk", 0),
    ("Læsø", 4),
    ("Mariagerfjord", 4),
    ("Middelfart", 2),
    ("Morsø", 4),
    ("Norddjurs", 3),
    ("Nordfyns", 2),
    ("Nyborg", 2),
    ("Næstved", 1),
    ("Odder", 3),
    ("Odense", 2),
    ("Odsherred", 1),
    ("Randers", 3),
    ("Rebild", 4),
    ("Ringkøbing-Skjern", 3),
    ("Ringsted", 1),
    ("Roskilde", 1),
    ("Rudersdal", 0),
    ("Rødovre", 0),
    ("Samsø", 3),
    ("Silkeborg", 3),
    ("Skanderborg", 3),
    ("Skive", 3),
    ("Slagelse", 1),
    ("Solrød", 1),
    ("Sorø", 1),
    ("Stevns", 1),
    ("Struer", 3),
    ("Svendborg", 2),
    ("Syddjurs", 3),
    ("Sønderborg", 2),
    ("Thisted", 4),
    ("Tønder", 2),
    ("Tårnby", 0),
    ("Vallensbæk", 0),
    ("Varde", 2),
    ("Vejen", 2),
    ("Vejle", 2),
    ("Vesthimmerland", 4),
    ("Viborg", 3),
    ("Vordingborg", 1),
    ("Ærø", 2),
    ("Aabenraa", 2),
    ("Aalborg", 4),
    ("Aarhus", 3),
];

/// The official spelling of a municipality, found case-insensitively and
/// with "Kommune" allowed at the end ("assens kommune" → "Assens").
pub fn canonical(name: &str) -> Option<&'static str> {
    let n = name.trim();
    let n = n
        .strip_suffix(" Kommune")
        .or_else(|| n.strip_suffix(" kommune"))
        .or_else(|| n.strip_suffix(" KOMMUNE"))
        .unwrap_or(n)
        .trim();
    let lower = n.to_lowercase();
    MUNICIPALITIES.iter().map(|(m, _)| *m).find(|m| m.to_lowercase() == lower)
}

/// True when `name` is exactly one of the 98.
pub fn is_municipality(name: &str) -> bool {
    MUNICIPALITIES.iter().any(|(m, _)| *m == name)
}

/// The region a municipality lies in.
pub fn region(name: &str) -> Option<&'static str> {
    MUNICIPALITIES.iter().find(|(m, _)| *m == name).map(|(_, r)| REGIONS[*r as usize])
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn there_are_98_distinct_municipalities_in_five_regions() {
        let names: BTreeSet<_> = MUNICIPALITIES.iter().map(|(m, _)| *m).collect();
        assert_eq!(names.len(), 98);
        for r in 0..5u8 {
            assert!(MUNICIPALITIES.iter().any(|(_, x)| *x == r));
        }
        // Known counts per region: 29, 17, 22, 19, 11.
        let count = |r: u8| MUNICIPALITIES.iter().filter(|(_, x)| *x == r).count();
        assert_eq!([count(0), count(1), count(2), count(3), count(4)], [29, 17, 22, 19, 11]);
    }

    #[test]
    fn canonical_accepts_case_and_the_word_kommune() {
        assert_eq!(canonical("assens kommune"), Some("Assens"));
        assert_eq!(canonical(" BRØNDERSLEV "), Some("Brønderslev"));
        assert_eq!(canonical("Aabenraa Kommune"), Some("Aabenraa"));
        assert_eq!(canonical("Atlantis"), None);
        assert_eq!(region("Hedensted"), Some("Region Midtjylland"));
    }
}
