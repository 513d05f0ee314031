//! Unit tests of the comparison: renumbering, moves, insertions, deletions, rewording.

use super::*;
use crate::segment;

const HEAD: &str = "The General Assembly,\n\n";

fn draft(paragraphs: &[&str]) -> Draft {
    segment(&format!("{HEAD}{}\n", paragraphs.join("\n\n")))
}

/// `(change, old label, new label)` per line.
fn summary(c: &Comparison) -> Vec<(ChangeKind, String, String)> {
    let label = |u: &Option<Unit>| u.as_ref().map_or(String::new(), |u| u.label.clone());
    c.changes
        .iter()
        .map(|ch| (ch.change, label(&ch.old), label(&ch.new)))
        .collect()
}

fn s(x: &str) -> String {
    x.to_string()
}

const A: &str =
    "Welcomes the report of the Secretary-General on the implementation of the programme;";
const B: &str =
    "Encourages Member States to consider contributing to the trust fund for that purpose;";
const C: &str = "Requests the Secretary-General to report to it at its eighty-second session;";
const D: &str =
    "Decides to include in the provisional agenda of its eighty-second session the item.";

#[test]
fn renumbering_alone_is_no_change() {
    let old = draft(&[&format!("1. {A}"), &format!("2. {B}")]);
    let new = draft(&[&format!("3. {A}"), &format!("4. {B}")]);
    let c = compare(&old, &new);
    assert!(!c.has_differences(), "{:?}", summary(&c));
    assert_eq!(summary(&c)[0], (ChangeKind::Same, s("OP1"), s("OP3")));
}

#[test]
fn an_inserted_and_a_deleted_paragraph() {
    let old = draft(&[&format!("1. {A}"), &format!("2. {B}"), &format!("3. {C}")]);
    let new = draft(&[&format!("1. {A}"), &format!("2. {C}"), &format!("3. {D}")]);
    let got = summary(&compare(&old, &new));
    assert_eq!(
        got,
        [
            (ChangeKind::Same, s("OP1"), s("OP1")),
            (ChangeKind::Deleted, s("OP2"), s("")),
            (ChangeKind::Same, s("OP3"), s("OP2")),
            (ChangeKind::Inserted, s(""), s("OP3")),
        ]
    );
}

#[test]
fn a_moved_paragraph() {
    let old = draft(&[
        &format!("1. {A}"),
        &format!("2. {B}"),
        &format!("3. {C}"),
        &format!("4. {D}"),
    ]);
    let new = draft(&[
        &format!("1. {D}"),
        &format!("2. {A}"),
        &format!("3. {B}"),
        &format!("4. {C}"),
    ]);
    let c = compare(&old, &new);
    let got = summary(&c);
    assert_eq!(got[0], (ChangeKind::Moved, s("OP4"), s("OP1")));
    assert!(got[1..].iter().all(|g| g.0 == ChangeKind::Same), "{got:?}");
    assert_eq!(c.counts().moved, 1);
}

#[test]
fn a_changed_paragraph_has_its_word_diff() {
    let old = draft(&[&format!("1. {A}"), &format!("2. {C}")]);
    let reworded =
        "Requests the Secretary-General to submit a report to it at its eighty-third session;";
    let new = draft(&[&format!("1. {A}"), &format!("2. {reworded}")]);
    let c = compare(&old, &new);
    let ch = c.changes.get(1).expect("two lines");
    assert_eq!(ch.change, ChangeKind::Changed);
    assert_eq!(
        render(&ch.diff),
        "Requests the Secretary-General to {+submit a+} report to it at its \
         [-eighty-second-] {+eighty-third+} session;"
    );
    assert!(
        ch.similarity > 0.7 && ch.similarity < 1.0,
        "{}",
        ch.similarity
    );
}

#[test]
fn subparagraphs_are_units_of_their_own() {
    let old = draft(&[
        &format!("1. {C}"),
        "(a) On the first matter;",
        "(b) On the second matter;",
    ]);
    let new = draft(&[&format!("1. {C}"), "(a) On the second matter;"]);
    let got = summary(&compare(&old, &new));
    assert_eq!(
        got,
        [
            (ChangeKind::Same, s("OP1"), s("OP1")),
            (ChangeKind::Deleted, s("OP1(a)"), s("")),
            (ChangeKind::Same, s("OP1(b)"), s("OP1(a)")),
        ]
    );
}

#[test]
fn an_operative_paragraph_that_became_preambular_is_a_move() {
    let old = draft(&[
        "Recalling its resolution 70/1 of 25 September 2015,",
        "1. Recognizes that sand and dust storms are an issue of international concern;",
    ]);
    let new = draft(&[
        "Recalling its resolution 70/1 of 25 September 2015,",
        "Recognizing that sand and dust storms are an issue of international concern,",
    ]);
    let got = summary(&compare(&old, &new));
    assert_eq!(got[1], (ChangeKind::Moved, s("OP1"), s("PP2")));
    // Below the stricter cross-kind threshold, a new paragraph is new.
    let other = draft(&[
        "Recalling its resolution 70/1 of 25 September 2015,",
        "Noting that storms are of concern,",
    ]);
    let counts = compare(&old, &other).counts();
    assert_eq!((counts.inserted, counts.deleted), (1, 1));
}

#[test]
fn every_unit_appears_once_and_long_inputs_stay_bounded() {
    let texts: Vec<String> = (1..=400)
        .map(|i| {
            format!(
                "Decides to consider question number {i} of the agenda {};",
                i * 7
            )
        })
        .collect();
    let numbered = |texts: &[String]| -> Draft {
        let lines: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(k, t)| format!("{}. {t}", k + 1))
            .collect();
        let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
        draft(&refs)
    };
    let old = numbered(&texts);
    let mut rotated = texts.clone();
    // Moved and renumbered: the first 13 paragraphs go to the end.
    rotated.rotate_left(13);
    let new = numbered(&rotated);
    let c = compare(&old, &new);
    let counts = c.counts();
    assert_eq!(counts.same + counts.moved, 400, "{counts:?}");
    assert_eq!(counts.inserted + counts.deleted, 0, "{counts:?}");
    assert_eq!(
        counts.moved, 13,
        "the shorter block is the one reported moved"
    );
}
