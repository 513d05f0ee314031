//! What `fmt` changes beyond layout: numbers, internal references, subparagraph labels,
//! emphasis on opening phrases and the mark that ends each paragraph.

use super::labels::{label, styled, Style};
use super::number::{renumber, update_with};
use crate::model::{Draft, Kind, Paragraph, Subparagraph};
use crate::negotiation::{next_label, ParagraphMarks};
use crate::opening::opening_len;

/// Normalises a parsed draft in place (docs/format.md, "What fmt changes").
pub(crate) fn normalise(d: &mut Draft) {
    if d.meta.stage.is_some() {
        return normalise_negotiating(d);
    }
    renumber_and_refer(d);
    punctuate(d);
    // Last: the opening recogniser sees the text as it will be written, so a second run
    // recognises the same openings.
    for part in parts_mut(d) {
        part.into_iter().for_each(emphasise_paragraph);
    }
}

/// Operative numbers, the internal references to them and subparagraph labels, as `fmt`
/// writes them, and nothing else (an amended draft keeps its words exactly); in a
/// negotiating text, inserted paragraphs labelled instead.
pub(crate) fn renumber_and_refer(d: &mut Draft) {
    if d.meta.stage.is_some() {
        for mut part in parts_mut(d) {
            label_inserted(&mut part);
        }
        return;
    }
    let numbering = renumber(d);
    for (i, part) in parts_mut(d).into_iter().enumerate() {
        let map = numbering.references_in(i).resolved();
        for p in part {
            p.text = update_with(&p.text, &map);
            p.markdown = update_with(&p.markdown, &map);
            for s in &mut p.sub {
                s.text = update_with(&s.text, &map);
                s.markdown = update_with(&s.markdown, &map);
            }
            relabel(&mut p.sub);
        }
    }
}

/// A negotiating text keeps its numbers, labels and punctuation as negotiated: only the
/// emphasis on openings is added, and an operative paragraph typed with the number of the one
/// before it (a new "5." after 5 or after "5 bis") gets the next free inserted label after
/// its neighbour ("5 bis", "5 ter"). Unnumbered paragraphs and numbers that restart are left
/// as written: they are options or parts the negotiators numbered their own way.
fn normalise_negotiating(d: &mut Draft) {
    for mut part in parts_mut(d) {
        label_inserted(&mut part);
        part.into_iter().for_each(emphasise_paragraph);
    }
}

fn label_inserted(part: &mut [&mut Paragraph]) {
    let mut taken: Vec<String> = part
        .iter()
        .filter_map(|p| p.marks.as_ref().and_then(|m| m.label.clone()))
        .collect();
    // The label (or number) of the operative paragraph before.
    let mut prev: Option<String> = None;
    for p in part.iter_mut().filter(|p| p.kind == Kind::Operative) {
        let own = p.marks.as_ref().and_then(|m| m.label.clone());
        let repeats = p.number.is_some() && prev.as_deref().and_then(base_number) == p.number;
        let label = match (own, &prev) {
            (Some(l), _) => l,
            (None, Some(before)) if repeats => {
                let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
                let label = next_label(before, &refs);
                taken.push(label.clone());
                p.number = None;
                p.marks.get_or_insert_with(ParagraphMarks::default).label = Some(label.clone());
                label
            }
            (None, _) => p.number.map(|n| n.to_string()).unwrap_or_default(),
        };
        prev = Some(label);
    }
}

/// The number a label starts from: "5 bis" and "OP5" give 5.
fn base_number(label: &str) -> Option<u32> {
    let rest = label
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    rest.get(..digits)?.parse().ok()
}

/// Every paragraph of each part (before any section, then each section), preamble first.
fn parts_mut(d: &mut Draft) -> Vec<Vec<&mut Paragraph>> {
    let mut parts = vec![d
        .preamble
        .iter_mut()
        .chain(d.operative.iter_mut())
        .collect()];
    for s in &mut d.sections {
        parts.push(
            s.preamble
                .iter_mut()
                .chain(s.operative.iter_mut())
                .collect(),
        );
    }
    parts
}

/// (a), (b) … for lettered subparagraphs and (i), (ii) … for roman ones, counted under their
/// parent; other labels ("(1)", "a.", bullets) are kept as written.
fn relabel(subs: &mut [Subparagraph]) {
    let labels: Vec<String> = subs.iter().map(|s| s.label.clone()).collect();
    let mut counts: Vec<usize> = Vec::new();
    for (s, (style, level)) in subs.iter_mut().zip(styled(&labels)) {
        let depth = usize::from(level.max(1));
        counts.truncate(depth);
        counts.resize(depth, 0);
        let n = counts.last().copied().unwrap_or(0);
        if let Some(c) = counts.last_mut() {
            *c += 1;
        }
        match style {
            Style::ParenLetter => s.label = label(1, n),
            Style::ParenRoman => s.label = label(2, n),
            _ => {}
        }
    }
}

fn emphasise_paragraph(p: &mut Paragraph) {
    if !p.markdown.starts_with(['*', '_']) {
        p.opening = recognised(&p.text, p.kind).map(str::to_string);
    }
    if let Some(opening) = p.opening.clone() {
        p.markdown = emphasise(&p.markdown, &opening);
    }
    for s in &mut p.sub {
        // A subparagraph that is only a phrase ("(e) Commodities;") is an item, not an
        // opening followed by its clause.
        let opening = recognised(&s.text, p.kind).filter(|o| {
            let rest = s.text.get(o.len()..).unwrap_or("");
            rest.chars().any(char::is_alphanumeric)
        });
        if let Some(opening) = opening {
            s.markdown = emphasise(&s.markdown, opening);
        }
    }
}

/// The opening phrase `opening::opening_len` recognises at the start of `text`.
fn recognised(text: &str, kind: Kind) -> Option<&str> {
    opening_len(text, kind).and_then(|n| text.get(..n))
}

/// Puts `*…*` around the opening phrase at the start of `md`, when it is written there plainly
/// (or as `_…_`) and the emphasis would close where it should.
fn emphasise(md: &str, opening: &str) -> String {
    let underscored = format!("_{opening}_");
    if let Some(rest) = md.strip_prefix(&underscored) {
        if !rest.starts_with(|c: char| c.is_alphanumeric()) {
            return format!("*{opening}*{rest}");
        }
    }
    let Some(rest) = md.strip_prefix(opening) else {
        return md.to_string();
    };
    let word_edges = opening.starts_with(char::is_alphanumeric)
        && opening.ends_with(char::is_alphanumeric)
        && !rest.starts_with(|c: char| c.is_alphanumeric());
    if word_edges && !opening.contains(['*', '_', '\\', '[', '`']) {
        format!("*{opening}*{rest}")
    } else {
        md.to_string()
    }
}

/// Ends preambular paragraphs with ",", operative ones with ";" and the last operative
/// paragraph of the draft with "."; with subparagraphs, the last one carries the paragraph's
/// mark and the others ";" (a table none). Only where `end_mark` finds it safe.
fn punctuate(d: &mut Draft) {
    let last_op = d.paragraphs().filter(|p| p.kind == Kind::Operative).count();
    let mut seen_op = 0;
    for part in parts_mut(d) {
        for p in part {
            let want = match p.kind {
                Kind::Preambular => ',',
                Kind::Operative => {
                    seen_op += 1;
                    if seen_op == last_op {
                        '.'
                    } else {
                        ';'
                    }
                }
            };
            punctuate_paragraph(p, want);
        }
    }
}

fn punctuate_paragraph(p: &mut Paragraph, want: char) {
    let count = p.sub.len();
    if count == 0 {
        return end_mark(&mut p.text, &mut p.markdown, want);
    }
    for (i, s) in p.sub.iter_mut().enumerate() {
        // A table is the text the paragraph introduced ("… as follows:"): no mark of its own.
        if s.is_table() {
            continue;
        }
        let mark = if i + 1 == count { want } else { ';' };
        end_mark(&mut s.text, &mut s.markdown, mark);
    }
}

/// Makes `text` (and its Markdown `md`) end with `want` where that is safe: the text ends with
/// a letter or digit (the mark is added), or with another of ",", ";", "." (it is replaced) —
/// but not after "and"/"or", and a full stop only after a word of five or more letters or a
/// number (shorter words may be abbreviations: "etc.", "para.").
fn end_mark(text: &mut String, md: &mut String, want: char) {
    let Some(last) = text.chars().next_back() else {
        return;
    };
    let body = text.trim_end_matches([',', ';', '.']);
    let word: &str = body.rsplit(' ').next().unwrap_or("");
    let replace = matches!(last, ',' | ';' | '.') && last != want;
    let safe = if last.is_alphanumeric() {
        !matches!(word, "and" | "or")
    } else if replace {
        last != '.' || word.chars().count() >= 5 || word.chars().all(|c| c.is_ascii_digit())
    } else {
        false
    };
    if !safe {
        return;
    }
    let (core, refs) = split_trailing_refs(md);
    if !core.ends_with(last) || core.ends_with(format!("\\{last}").as_str()) {
        return;
    }
    let keep = if replace {
        core.len() - last.len_utf8()
    } else {
        core.len()
    };
    let new_md = format!("{}{want}{refs}", core.get(..keep).unwrap_or(core));
    let text_keep = if replace {
        text.len() - last.len_utf8()
    } else {
        text.len()
    };
    text.truncate(text_keep);
    text.push(want);
    *md = new_md;
}

/// Splits trailing footnote references (`…development,[^1][^2]`) off inline Markdown.
fn split_trailing_refs(md: &str) -> (&str, &str) {
    let mut core = md;
    while core.ends_with(']') {
        match core.rfind("[^") {
            Some(i) if !core[i + 2..core.len() - 1].contains([']', '[', ' ']) => core = &core[..i],
            _ => break,
        }
    }
    (core, &md[core.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(text: &str, md: &str, want: char) -> (String, String) {
        let (mut t, mut m) = (text.to_string(), md.to_string());
        end_mark(&mut t, &mut m, want);
        (t, m)
    }

    #[test]
    fn end_marks_only_where_safe() {
        assert_eq!(fixed("Decides", "*Decides*", ';').1, "*Decides*");
        assert_eq!(
            fixed("Decides to act", "*Decides* to act", ';').1,
            "*Decides* to act;"
        );
        assert_eq!(fixed("to act.", "to act.", ';').1, "to act.");
        assert_eq!(
            fixed("to act promptly.", "to act promptly.", ';').1,
            "to act promptly;"
        );
        assert_eq!(fixed("to act now.", "to act now.", ';').1, "to act now.");
        assert_eq!(fixed("in 2025.", "in 2025.", ';').1, "in 2025;");
        assert_eq!(
            fixed("and so on, etc.", "and so on, etc.", ';').1,
            "and so on, etc."
        );
        assert_eq!(fixed("Requests:", "Requests:", ';').1, "Requests:");
        assert_eq!(fixed("a; and", "a; and", ';').1, "a; and");
        assert_eq!(fixed("of 2006,", "of 2006,[^1]", ',').1, "of 2006,[^1]");
        assert_eq!(fixed("of 2006", "of 2006[^1]", ',').1, "of 2006,[^1]");
        assert_eq!(fixed("of 2006;", "of 2006;[^1]", ',').0, "of 2006,");
    }

    #[test]
    fn emphasis_on_openings() {
        assert_eq!(emphasise("Recalling its", "Recalling"), "*Recalling* its");
        assert_eq!(emphasise("_Recalling_ its", "Recalling"), "*Recalling* its");
        assert_eq!(emphasise("*Recalling* its", "Recalling"), "*Recalling* its");
        assert_eq!(emphasise("Recallings", "Recalling"), "Recallings");
    }
}
