//! The notices one page of a tab hands to the next when it loads another
//! bundle's page (the app keeps the text in session storage): each notice as
//! its kind (`'0'` info, `'1'` warning, `'2'` error), its text and [`END`].

/// Between two notices; one in a text is made a space.
pub const END: char = '\u{1e}';

/// The notices as one text.
pub fn join(notices: &[(char, String)]) -> String {
    let mut text = String::new();
    for (kind, note) in notices {
        text.push(*kind);
        text.extend(note.chars().map(|c| if c == END { ' ' } else { c }));
        text.push(END);
    }
    text
}

/// The notices in `text`; a piece that does not start with a kind is dropped.
pub fn split(text: &str) -> impl Iterator<Item = (char, &str)> {
    text.split(END).filter_map(|piece| {
        let mut chars = piece.chars();
        let kind = chars.next().filter(|k| matches!(k, '0'..='2'))?;
        Some((kind, chars.as_str()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn notices_come_back_as_they_went() {
        let notes =
            vec![('0', "Workshoppen er slettet.".to_string()), ('2', format!("<b>x</b>{END}y")), ('1', String::new())];
        let text = join(&notes);
        let back: Vec<(char, &str)> = split(&text).collect();
        assert_eq!(
            back,
            [('0', "Workshoppen er slettet."), ('2', "<b>x</b> y"), ('1', "")],
            "a separator in a text is a space"
        );
        assert_eq!(split("").count(), 0);
    }

    #[test]
    fn pieces_without_a_kind_are_dropped() {
        let text = format!("[[0, \"halv{END}9x{END}{END}1ok{END}æ");
        assert_eq!(split(&text).collect::<Vec<_>>(), [('1', "ok")]);
    }

    proptest! {
        #[test]
        fn any_notices_come_back_with_their_kind_and_text(notes in prop::collection::vec((0u8..3, ".*"), 0..6)) {
            let notes: Vec<(char, String)> = notes.into_iter().map(|(k, t)| ((b'0' + k) as char, t)).collect();
            let want: Vec<(char, String)> = notes.iter().map(|(k, t)| (*k, t.replace(END, " "))).collect();
            let text = join(&notes);
            let back: Vec<(char, String)> = split(&text).map(|(k, t)| (k, t.to_string())).collect();
            prop_assert_eq!(back, want);
        }
    }
}
