//! Pinpoints: "paragraph 3", "paras. 61 and 62", "section III, paragraph 3", "annex II",
//! "subparagraph (a)", "paragraph 3 (a)".

use resolute_draft::Span;

use crate::model::{PinKind, Pinpoint};
use crate::scan::{at, boundary_after, roman, skip_ws, skip_ws1, uint, word, word_cap};

/// A run of pinpoints and where it ends.
#[derive(Debug, Clone)]
pub(crate) struct Pins {
    pub end: usize,
    pub pins: Vec<Pinpoint>,
}

/// Reads the word that opens a pinpoint ("paragraphs", "para.", "section") at `pos`.
fn kind_word(b: &[u8], pos: usize) -> Option<(PinKind, usize)> {
    const WORDS: [(&str, PinKind); 10] = [
        ("paragraphs", PinKind::Paragraph),
        ("paragraph", PinKind::Paragraph),
        ("subparagraphs", PinKind::Subparagraph),
        ("subparagraph", PinKind::Subparagraph),
        ("paras", PinKind::Paragraph),
        ("para", PinKind::Paragraph),
        ("sections", PinKind::Section),
        ("section", PinKind::Section),
        ("annexes", PinKind::Annex),
        ("annex", PinKind::Annex),
    ];
    WORDS.iter().find_map(|(w, kind)| {
        let end = word_cap(b, pos, w)?;
        let abbreviated = w.len() == 4 || *w == "paras";
        if abbreviated {
            // "para." and "paras." need their full stop.
            return (at(b, end) == b'.').then_some((*kind, end + 1));
        }
        Some((*kind, end))
    })
}

/// Whether a pinpoint phrase can start at `pos` (cheap test for the main loop).
pub(crate) fn starts_pinpoint(c: u8) -> bool {
    matches!(c, b'p' | b'P' | b's' | b'S' | b'a' | b'A')
}

/// Reads one label: "3", "II", "(a)", "(iv)". Returns the label and its end.
fn label(b: &[u8], pos: usize) -> Option<(String, usize)> {
    if at(b, pos) == b'(' {
        let mut end = pos + 1;
        while at(b, end).is_ascii_lowercase() && end - pos <= 6 {
            end += 1;
        }
        if end == pos + 1 || at(b, end) != b')' {
            return None;
        }
        return Some((
            String::from_utf8_lossy(b.get(pos..=end)?).into_owned(),
            end + 1,
        ));
    }
    let end = match uint(b, pos) {
        Some((_, end)) => end,
        None => roman(b, pos)?.1,
    };
    boundary_after(b, end).then(|| {
        (
            String::from_utf8_lossy(b.get(pos..end).unwrap_or_default()).into_owned(),
            end,
        )
    })
}

/// Reads a pinpoint phrase at `pos`: a kind word and its labels, possibly followed by
/// ", paragraph 3" or " (a)" narrowing it.
pub(crate) fn phrase(b: &[u8], pos: usize) -> Option<Pins> {
    let mut pins = Vec::new();
    let mut end = one_kind(b, pos, &mut pins)?;
    // "section III, paragraph 3" and "paragraph 3 (a)" narrow the first pinpoint.
    for _ in 0..3 {
        let p = skip_ws(b, end);
        if at(b, p) == b'(' {
            let Some((text, e)) = label(b, p) else { break };
            pins.push(pin(PinKind::Subparagraph, text, p, e, false));
            end = e;
            continue;
        }
        let p = if at(b, p) == b',' {
            skip_ws(b, p + 1)
        } else {
            break;
        };
        match one_kind(b, p, &mut pins) {
            Some(e) => end = e,
            None => break,
        }
    }
    if let Some((annex, e)) = of_annex(b, end) {
        // "paragraphs 1 to 4 of the annex": the annex is the outer level.
        pins.insert(0, annex);
        end = e;
    }
    Some(Pins { end, pins })
}

/// " of the annex", " of annex II" after a pinpoint.
fn of_annex(b: &[u8], pos: usize) -> Option<(Pinpoint, usize)> {
    let p = skip_ws1(b, pos)?;
    let mut p = skip_ws1(b, word(b, p, "of")?)?;
    if let Some(e) = word(b, p, "the") {
        p = skip_ws1(b, e)?;
    }
    let after = word(b, p, "annex")?;
    if let Some(q) = skip_ws1(b, after) {
        if let Some((text, end)) = label(b, q) {
            return Some((pin(PinKind::Annex, text, q, end, false), end));
        }
    }
    Some((pin(PinKind::Annex, String::new(), p, after, false), after))
}

/// One kind word and its list of labels ("paras. 61 and 62", "paragraphs 3 to 5").
fn one_kind(b: &[u8], pos: usize, pins: &mut Vec<Pinpoint>) -> Option<usize> {
    let (kind, after) = kind_word(b, pos)?;
    let Some(p) = skip_ws1(b, after) else {
        return unnumbered_annex(kind, pos, after, pins);
    };
    let Some((text, mut end)) = label(b, p) else {
        return unnumbered_annex(kind, pos, after, pins);
    };
    pins.push(pin(kind, text, p, end, false));
    while let Some((through, p)) = list_joiner(b, end) {
        let Some((text, e)) = label(b, p) else { break };
        pins.push(pin(kind, text, p, e, through));
        end = e;
    }
    Some(end)
}

fn unnumbered_annex(
    kind: PinKind,
    pos: usize,
    end: usize,
    pins: &mut Vec<Pinpoint>,
) -> Option<usize> {
    (kind == PinKind::Annex).then(|| {
        pins.push(pin(kind, String::new(), pos, end, false));
        end
    })
}

/// ", " / " and " / ", and " / " to " between labels. Returns (is a range, position after).
fn list_joiner(b: &[u8], pos: usize) -> Option<(bool, usize)> {
    let mut p = skip_ws(b, pos);
    if at(b, p) == b',' {
        p = skip_ws(b, p + 1);
        if let Some(e) = word(b, p, "and") {
            return Some((false, skip_ws1(b, e)?));
        }
        return Some((false, p));
    }
    if let Some(e) = word(b, p, "and") {
        return Some((false, skip_ws1(b, e)?));
    }
    let e = word(b, p, "to")?;
    Some((true, skip_ws1(b, e)?))
}

fn pin(kind: PinKind, label: String, start: usize, end: usize, through: bool) -> Pinpoint {
    Pinpoint {
        kind,
        label,
        through,
        span: Span::new(start, end),
    }
}

/// Whether the text from `pos` to `cue` links a pinpoint to the citation that follows:
/// " of ", ", of ", " to ", " of the ". Bounded: the gap must be short.
pub(crate) fn links_forward(b: &[u8], pos: usize, cue: usize) -> bool {
    if cue < pos || cue - pos > 16 {
        return false;
    }
    let mut p = skip_ws(b, pos);
    if at(b, p) == b',' {
        p = skip_ws(b, p + 1);
    }
    let Some(e) = word(b, p, "of")
        .or_else(|| word(b, p, "to"))
        .or_else(|| word(b, p, "in"))
    else {
        return false;
    };
    let mut p = skip_ws(b, e);
    if let Some(e) = word(b, p, "the") {
        p = skip_ws(b, e);
    }
    p == cue
}

/// Pinpoints written after a citation ending at `pos`: ", paras. 61 and 62" or
/// ", and in particular paragraphs 1 and 16 thereof".
pub(crate) fn trailing(b: &[u8], pos: usize) -> Option<Pins> {
    let mut p = skip_ws(b, pos);
    let comma = at(b, p) == b',';
    if comma {
        p = skip_ws(b, p + 1);
    }
    let mut introduced = false;
    for w in [
        "and",
        "in particular",
        "particularly",
        "especially",
        "including",
    ] {
        if let Some(e) = phrase_words(b, p, w) {
            p = skip_ws(b, e);
            introduced = true;
        }
    }
    let pins = phrase(b, p)?;
    let after = skip_ws(b, pins.end);
    if let Some(e) = word(b, after, "thereof") {
        return Some(Pins { end: e, ..pins });
    }
    // A pinpoint followed by "of" belongs to the citation after it.
    let direct = comma && !introduced && word(b, after, "of").is_none();
    direct.then_some(pins)
}

/// Reads a fixed run of words ("in particular") at `pos`, allowing any whitespace inside.
fn phrase_words(b: &[u8], pos: usize, words: &str) -> Option<usize> {
    let mut p = pos;
    for (i, w) in words.split(' ').enumerate() {
        if i > 0 {
            p = skip_ws1(b, p)?;
        }
        p = word(b, p, w)?;
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(t: &str) -> Vec<(PinKind, String, bool)> {
        let pins = phrase(t.as_bytes(), 0).expect("a pinpoint");
        pins.pins
            .into_iter()
            .map(|p| (p.kind, p.label, p.through))
            .collect()
    }

    #[test]
    fn paragraph_lists_and_ranges() {
        use PinKind::*;
        assert_eq!(
            labels("paras. 61 and 62"),
            vec![
                (Paragraph, "61".into(), false),
                (Paragraph, "62".into(), false)
            ]
        );
        assert_eq!(
            labels("paragraphs 3 to 5")[1],
            (Paragraph, "5".into(), true)
        );
        assert_eq!(labels("paragraphs 1, 2 and 16").len(), 3);
    }

    #[test]
    fn sections_narrowed_by_paragraphs() {
        use PinKind::*;
        assert_eq!(
            labels("section III, paragraph 3, of"),
            vec![
                (Section, "III".into(), false),
                (Paragraph, "3".into(), false)
            ]
        );
        assert_eq!(
            labels("paragraph 3 (a)")[1],
            (Subparagraph, "(a)".into(), false)
        );
        assert_eq!(labels("annex, para. 5")[0], (Annex, String::new(), false));
        let l = labels("paragraphs 1 to 4 of the annex to");
        assert_eq!((l.len(), l[0].0), (3, Annex));
        assert_eq!(
            labels("section I of annex II to")[0],
            (Annex, "II".into(), false)
        );
    }

    #[test]
    fn trailing_forms() {
        let t = ", and in particular paragraphs 1 and 16 thereof,";
        let pins = trailing(t.as_bytes(), 0).unwrap();
        assert_eq!(pins.pins.len(), 2);
        assert!(trailing(b", paras. 61 and 62.", 0).is_some());
        assert!(trailing(b", paragraph 3 of resolution", 0).is_none());
        assert!(trailing(b" and paragraph 3 of", 0).is_none());
    }

    #[test]
    fn abbreviation_needs_its_full_stop() {
        assert!(phrase(b"para 5", 0).is_none());
    }
}
