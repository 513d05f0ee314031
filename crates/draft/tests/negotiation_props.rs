//! Property and hostile-input tests of the negotiation layer: whatever a negotiating text
//! holds (brackets that do not balance, empty brackets, braces never closed, 10,000-deep
//! nesting, a 16 MiB line of brackets), reading, `analyze`, `fmt` and `clean` finish, report
//! what does not balance, lose no text and never panic.

use proptest::prelude::*;
use resolute_draft::negotiation::{analyze, clean, Keep};
use resolute_draft::{format, parse_markdown};

/// Pieces of negotiating text, markup and troublemakers included.
const PIECES: &[&str] = &[
    "[",
    "]",
    "[",
    "]",
    "{",
    "}",
    "[X]",
    "[]",
    "{US}",
    "{delete: G77}",
    "{agreed ad ref}",
    "{5 bis}",
    "{Note: x}",
    " - US",
    "[^1]",
    "\\[",
    "*Decides*",
    "shall",
    "should",
    " ",
    " ",
    "\n",
    "\n\n",
    "1. ",
    "- ",
    "(a) ",
    "#",
    ",",
    ";",
    ".",
    "[a](b)",
    "<x>",
    "é",
    "—",
];

fn round() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80)
        .prop_map(|p| format!("---\nstage: informals\n---\n\n{}", p.concat()))
}

fn keeps() -> [Keep; 4] {
    [
        Keep::None,
        Keep::All,
        Keep::First,
        Keep::Actor("US".to_string()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn nothing_panics_and_clean_leaves_no_bracket(src in round()) {
        let draft = parse_markdown(&src).expect("a body always reads");
        let n = analyze(&src, &draft);
        // Every bracket character of the body is a pair member, unmatched, or escaped/footnote.
        let marks = src.matches(['[', ']', '{', '}']).count();
        prop_assert!(n.totals.pairs * 2 + n.unmatched.len() <= marks, "more found than written");
        if let Ok(formatted) = format(&src) {
            prop_assert_eq!(format(&formatted).ok(), Some(formatted.clone()), "fmt is idempotent");
        }
        for keep in keeps() {
            let Ok(out) = clean(&src, &draft, &keep) else { continue };
            let back = parse_markdown(&out).expect("clean output reads");
            let left = analyze(&out, &back);
            prop_assert_eq!(left.totals.pairs, 0, "{:?} left pairs in {:?}", keep, out);
            prop_assert!(back.meta.stage.is_none());
        }
    }
}

fn in_a_round(body: &str) -> String {
    format!("---\nstage: informals\n---\n\n1. *Decides* {body}\n")
}

#[test]
fn ten_thousand_deep_nesting_is_counted() {
    let src = in_a_round(&format!("{}x{}", "[".repeat(10_000), "]".repeat(10_000)));
    let draft = parse_markdown(&src).expect("reads");
    let n = analyze(&src, &draft);
    assert_eq!(
        (n.totals.pairs, n.totals.max_depth, n.totals.unbalanced),
        (10_000, 10_000, 0)
    );
    let all = clean(&src, &draft, &Keep::All).expect("cleans");
    assert!(all.contains("1. *Decides* x"), "{all}");
}

#[test]
fn a_sixteen_mebibyte_line_of_brackets_is_read_in_one_pass() {
    // The scanner alone (the Markdown reader has its own linear-time tests): a draft with no
    // paragraphs, so the whole text is scanned as body.
    const PIECE: &str = "[ab][cd] [ef {g}] ]{";
    let repeats = (16 << 20) / PIECE.len();
    let line = PIECE.repeat(repeats);
    let n = analyze(&line, &resolute_draft::Draft::default());
    assert_eq!(n.totals.pairs, 3 * repeats);
    assert_eq!(n.totals.alternatives, repeats);
    // Each repeat leaves one ']' without a partner and one '{' never closed.
    assert_eq!(n.totals.unbalanced, 2 * repeats);
    let small = PIECE.repeat(3);
    let draft = parse_markdown(&in_a_round(&small)).expect("reads");
    assert_eq!(analyze(&in_a_round(&small), &draft).totals.pairs, 9);
}

#[test]
fn unbalanced_and_empty_brackets_keep_their_text() {
    let src = in_a_round("a] [b [] c [d");
    let draft = parse_markdown(&src).expect("reads");
    assert_eq!(draft.operative[0].text, "Decides a] [b [] c [d");
    let n = analyze(&src, &draft);
    assert_eq!(
        (n.totals.pairs, n.totals.empty, n.totals.unbalanced),
        (1, 1, 3)
    );
    assert_eq!(format(&src).expect("formats"), src);
    let all = clean(&src, &draft, &Keep::All).expect("cleans");
    // An ordinary draft again: `fmt` ends its last paragraph with a full stop.
    assert_eq!(all, "1. *Decides* a b c d.\n");
}
