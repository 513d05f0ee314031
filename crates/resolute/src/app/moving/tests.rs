//! Tests of moving paragraphs.

use super::*;

const SRC: &str = "*The General Assembly*,\n\n*Recalling* “A”,\n\n*Noting* “B”,\n\n\
    1. *Decides* one – 2018–2028:\n\n   (a) first 🌊;\n\n      (i) deep;\n\n   (b) second;\n\n\
    2. *Requests* two;\n\n3. *Invites* three, recalling paragraphs 1 and 2 above.\n";

/// Applies an edit on UTF-16 code units, as CodeMirror does.
fn apply(text: &str, e: &TextEdit) -> String {
    let units: Vec<u16> = text.encode_utf16().collect();
    let mut out: Vec<u16> = units.get(..e.from).unwrap_or(&[]).to_vec();
    out.extend(e.insert.encode_utf16());
    out.extend(units.get(e.to..).unwrap_or(&[]));
    String::from_utf16_lossy(&out)
}

fn at(text: &str, needle: &str) -> usize {
    Utf16Index::new(text).to_utf16(text.find(needle).unwrap_or(usize::MAX))
}

fn moved(text: &str, needle: &str, up: bool) -> Option<(String, usize)> {
    let e = move_paragraph(text, at(text, needle), up).ok()??;
    Some((apply(text, &e), e.cursor))
}

#[test]
fn an_operative_paragraph_moves_with_its_subparagraphs_and_numbers_follow() {
    let (down, cursor) = moved(SRC, "Decides", false).unwrap_or_default();
    let want = "1. *Requests* two;\n\n2. *Decides* one – 2018–2028:\n\n   (a) first 🌊;\n\n      \
                (i) deep;\n\n   (b) second;\n\n3. *Invites* three, recalling paragraphs 2 and 1 above.\n";
    assert!(down.ends_with(want), "{down}");
    // The cursor stays on "Decides".
    assert_eq!(cursor, at(&down, "Decides"));
    let (back, _) = moved(&down, "Decides", true).unwrap_or_default();
    assert_eq!(back, SRC);
}

#[test]
fn a_subparagraph_moves_among_its_siblings_and_labels_stay_in_order() {
    let (down, cursor) = moved(SRC, "first", false).unwrap_or_default();
    assert!(
        down.contains("   (a) second;\n\n   (b) first 🌊;\n\n      (i) deep;\n\n2."),
        "{down}"
    );
    assert_eq!(cursor, at(&down, "first"));
    let (back, _) = moved(&down, "first", true).unwrap_or_default();
    assert_eq!(back, SRC);
    // (i) has no sibling.
    assert_eq!(moved(SRC, "deep", true), None);
}

#[test]
fn subparagraphs_stay_attached_when_the_number_grows_a_digit() {
    let mut text = String::from("*The General Assembly*,\n\n");
    for n in 1..=10 {
        text.push_str(&format!("{n}. *Decides* item {n}:\n\n"));
        if n == 9 {
            text.push_str("   (a) first under nine;\n\n   (b) second under nine;\n\n");
        }
    }
    let (down, _) = moved(&text, "item 9", false).unwrap_or_default();
    assert!(
        down.contains("9. *Decides* item 10:\n\n10. *Decides* item 9:\n\n   (a) first"),
        "{down}"
    );
    let draft = resolute_draft::parse_markdown(&down).unwrap_or_default();
    let subs: Vec<usize> = draft.operative.iter().map(|p| p.sub.len()).collect();
    assert_eq!(subs, [0, 0, 0, 0, 0, 0, 0, 0, 0, 2]);
    let (back, _) = moved(&down, "item 9", true).unwrap_or_default();
    assert_eq!(back, text);
}

#[test]
fn preambular_paragraphs_move_among_themselves_only() {
    let (up, _) = moved(SRC, "“B”", true).unwrap_or_default();
    assert!(
        up.contains("*Noting* “B”,\n\n*Recalling* “A”,\n\n1."),
        "{up}"
    );
    assert_eq!(moved(SRC, "“A”", true), None);
    assert_eq!(moved(SRC, "“B”", false), None);
    assert_eq!(moved(SRC, "Invites", false), None);
    assert_eq!(moved(SRC, "General", false), None);
}
