//! Properties of matching on arbitrary input: no panics, spans on character boundaries,
//! and a match re-matches its own opening.

use proptest::prelude::*;
use resolute_phrases::{complete, kind_of, match_opening, suggest, Kind};

/// Text built from opening words, modifiers, punctuation and odd spaces, so that the
/// generator often produces near-matches rather than only noise.
fn near_openings() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Recalling",
        "Also",
        "also",
        "further",
        "Taking",
        "note",
        "with",
        "appreciation",
        "of",
        "Calls",
        "upon",
        "once",
        "again",
        "Expresses",
        "its",
        "their",
        "deep",
        "concern",
        ",",
        ";",
        " ",
        "\u{a0}",
        "\u{202f}",
        "é",
        "’",
        "-",
        "Prie",
        "instamment",
        "1.",
        "(a)",
    ]);
    prop::collection::vec(pieces, 0..12).prop_map(|v| v.join(" "))
}

proptest! {
    #[test]
    fn matching_any_text_is_safe(text in "\\PC{0,60}") {
        if let Some(m) = match_opening(&text, Some(Kind::Operative)) {
            prop_assert!(text.is_char_boundary(m.len_bytes));
            prop_assert!(m.len_bytes <= text.len());
        }
        let _ = suggest(&text, None, 3);
        let _ = complete(&text, None, 3);
        let _ = kind_of(&text);
    }

    #[test]
    fn a_match_rematches_its_own_opening(text in near_openings()) {
        for hint in [None, Some(Kind::Preambular), Some(Kind::Operative)] {
            if let Some(m) = match_opening(&text, hint) {
                let head = text.get(..m.len_bytes).unwrap_or_default();
                let again = match_opening(head, hint);
                prop_assert_eq!(again.map(|a| (a.phrase.text.clone(), a.len_bytes)),
                    Some((m.phrase.text.clone(), m.len_bytes)));
                prop_assert_eq!(kind_of(head), Some(m.kind));
            }
        }
    }
}
