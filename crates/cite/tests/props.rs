//! Properties over arbitrary input: no panic, every span inside the text and on `char`
//! boundaries, identifiers in order and not overlapping, the normal form of every symbol
//! citation re-validating to itself.

use proptest::prelude::*;
use resolute_cite::{extract_with, validate_symbol, Body, Citation, Context, Kind, Span};

/// Pieces of the grammar, glued at random, so that near-citations are common.
const PIECES: &[&str] = &[
    "resolution",
    "resolutions",
    "decision",
    "its ",
    "General Assembly ",
    "Security Council ",
    "Human Rights Council ",
    "Commission on Human Rights ",
    " ",
    "\u{a0}",
    "\u{202f}",
    "\n",
    ", ",
    " and ",
    " to ",
    " of ",
    "61/208",
    "S-13/",
    "ES-10/",
    "1514",
    " (XV)",
    " (2000)",
    "(",
    ")",
    " A",
    " B",
    "A/",
    "S/",
    "E/CN.4/",
    "RES/",
    "C.2/",
    "L.",
    "Add.",
    "Rev.",
    "Corr.",
    "*",
    "1",
    "99",
    "2006",
    "20 December 2006",
    "paragraph ",
    "paras. ",
    "section II",
    "annex",
    " thereof",
    "“",
    "”",
    "é",
    "中",
    ".",
    ";",
    "/",
];

fn glued() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..40).prop_map(|v| v.concat())
}

fn check_span(text: &str, span: Span) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{span:?} outside {text:?}"
    );
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
}

fn check_all(text: &str, found: &[Citation]) {
    let mut last_end = 0;
    for c in found {
        check_span(text, c.span);
        check_span(text, c.extent());
        assert!(
            c.span.start >= last_end,
            "overlapping identifiers in {text:?}: {found:#?}"
        );
        last_end = c.span.end;
        for p in &c.pinpoints {
            check_span(text, p.span);
        }
        if let Some(d) = c.date {
            check_span(text, d.span);
        }
        if c.kind == Kind::Symbol {
            let norm = c.normalized.clone().unwrap_or_default();
            let again = validate_symbol(&norm).map(|s| s.to_string());
            assert_eq!(
                again.as_deref(),
                Ok(norm.as_str()),
                "normal form not stable"
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn grammar_pieces_never_break_invariants(text in glued(), body in 0usize..5) {
        let body = Body::ALL.get(body).copied();
        check_all(&text, &extract_with(&text, Context { body }));
    }

    #[test]
    fn any_text_never_breaks_invariants(text in any::<String>()) {
        check_all(&text, &extract_with(&text, Context::default()));
    }

    #[test]
    fn validate_symbol_never_panics(text in "[A-Za-z0-9./* ()-]{0,40}") {
        if let Ok(symbol) = validate_symbol(&text) {
            let norm = symbol.to_string();
            prop_assert_eq!(validate_symbol(&norm).map(|s| s.to_string()), Ok(norm));
        }
    }
}
