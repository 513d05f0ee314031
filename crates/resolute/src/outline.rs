//! The human-readable outline printed by `resolute parse` without `--json`.

use std::fmt::Write as _;

use resolute_draft::{Draft, Paragraph, Section};

use crate::view::position;

/// How many characters of a paragraph's text an outline line shows.
pub const SNIPPET_CHARS: usize = 70;

/// Renders the outline of `draft`: header lines, the enacting formula, one line per
/// paragraph and subparagraph (`PP1  Recalling  its resolution …`, `OP1(a)  …`), sections,
/// closing formula, annexes and the number of footnotes.
pub fn outline(draft: &Draft) -> String {
    let mut out = String::new();
    header(&mut out, draft);
    if draft.paragraphs().next().is_none() {
        out.push_str("(no preambular or operative paragraphs found)\n");
    }
    paragraphs(&mut out, "", &draft.preamble, &draft.operative);
    for s in &draft.sections {
        section(&mut out, s);
    }
    trailer(&mut out, draft);
    out
}

fn header(out: &mut String, draft: &Draft) {
    let m = &draft.meta;
    let or_dash = |v: Option<&str>| v.unwrap_or("-").to_string();
    let lines = [
        ("symbol", or_dash(m.symbol.as_deref())),
        ("body", or_dash(m.body.map(|b| b.name()))),
        ("session", or_dash(m.session.as_deref())),
        ("title", or_dash(m.title.as_deref())),
        ("adopted", or_dash(m.adopted.as_deref())),
    ];
    for (key, value) in lines {
        let _ = writeln!(out, "{:<9} {}", format!("{key}:"), one_line(&value));
    }
    // Drafts name their sponsors (adopted texts do not): shown when there are any.
    if !m.sponsors.is_empty() {
        let _ = writeln!(
            out,
            "{:<9} {}",
            "sponsors:",
            one_line(&m.sponsors.join("; "))
        );
    }
    match &draft.enacting {
        Some(e) => {
            let _ = writeln!(out, "{}", one_line(&e.text));
        }
        None => out.push_str("(no enacting formula)\n"),
    }
}

/// `Section I: Heading`; sections found in plain text may lack a label or a heading.
fn section(out: &mut String, s: &Section) {
    let (label, heading) = (one_line(&s.label), one_line(&s.heading));
    let line = match (label.is_empty(), heading.is_empty()) {
        (false, false) => format!("Section {label}: {heading}"),
        (false, true) => format!("Section {label}"),
        (true, _) => format!("Section: {heading}"),
    };
    let _ = writeln!(out, "{}", line.trim_end());
    paragraphs(out, "  ", &s.preamble, &s.operative);
}

fn paragraphs(out: &mut String, indent: &str, preamble: &[Paragraph], operative: &[Paragraph]) {
    for (i, p) in preamble.iter().enumerate() {
        paragraph(out, indent, &format!("PP{}", position(i)), p);
    }
    for (i, p) in operative.iter().enumerate() {
        let n = p.number.unwrap_or_else(|| position(i));
        paragraph(out, indent, &format!("OP{n}"), p);
    }
}

fn paragraph(out: &mut String, indent: &str, label: &str, p: &Paragraph) {
    let (opening, rest) = split_opening(p);
    let _ = match opening {
        Some(o) => writeln!(out, "{indent}{label:<7} {o}  {}", snippet(rest)),
        None => writeln!(out, "{indent}{label:<7} {}", snippet(rest)),
    };
    // Labels of the enclosing subparagraphs, by level, so that (i) under (a) prints as (a)(i).
    let mut parents: Vec<&str> = Vec::new();
    for s in &p.sub {
        parents.truncate(usize::from(s.level.max(1)) - 1);
        parents.push(&s.label);
        let sub_label = format!("{label}{}", parents.concat());
        let _ = writeln!(out, "{indent}{sub_label:<7} {}", snippet(&s.text));
    }
}

/// The opening phrase and the text after it; the text repeats the opening, the outline does
/// not need to.
fn split_opening(p: &Paragraph) -> (Option<&str>, &str) {
    match p.opening.as_deref() {
        Some(o) => (
            Some(o),
            p.text.strip_prefix(o).unwrap_or(&p.text).trim_start(),
        ),
        None => (None, p.text.as_str()),
    }
}

fn trailer(out: &mut String, draft: &Draft) {
    if let Some(c) = &draft.closing {
        let date = c.date.as_deref().unwrap_or("-");
        let _ = writeln!(
            out,
            "closing:  {}, {}",
            one_line(&c.meeting),
            one_line(date)
        );
    }
    for a in &draft.annexes {
        let _ = writeln!(out, "annex:    {}", one_line(&a.heading));
    }
    let _ = writeln!(out, "footnotes: {}", draft.footnotes.len());
}

/// At most [`SNIPPET_CHARS`] characters of `text` on one line, with "…" when cut.
pub fn snippet(text: &str) -> String {
    let flat = one_line(text);
    match flat.char_indices().nth(SNIPPET_CHARS) {
        Some((cut, _)) => format!("{}…", flat[..cut].trim_end()),
        None => flat,
    }
}

/// Collapses every run of whitespace (line breaks included) into one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::{Kind, Span, Subparagraph};

    fn sub(label: &str, level: u8) -> Subparagraph {
        Subparagraph {
            label: label.into(),
            level,
            text: format!("text of {label}"),
            markdown: String::new(),
            footnote_refs: Vec::new(),
            span: Span::default(),
        }
    }

    fn para(kind: Kind, number: Option<u32>, opening: Option<&str>, text: &str) -> Paragraph {
        Paragraph {
            marks: None,
            kind,
            number,
            opening: opening.map(str::to_string),
            text: text.into(),
            markdown: String::new(),
            footnote_refs: Vec::new(),
            sub: Vec::new(),
            span: Span::default(),
        }
    }

    #[test]
    fn lines_for_paragraphs_and_nested_subparagraphs() {
        let mut op = para(
            Kind::Operative,
            Some(1),
            Some("Requests"),
            "Requests the SG to act;",
        );
        op.sub = vec![sub("(a)", 1), sub("(i)", 2), sub("(ii)", 2), sub("(b)", 1)];
        let draft = Draft {
            preamble: vec![para(
                Kind::Preambular,
                None,
                Some("Recalling"),
                "Recalling 61/208,",
            )],
            operative: vec![op],
            ..Draft::default()
        };
        let text = outline(&draft);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"PP1     Recalling  61/208,"), "{text}");
        assert!(
            lines.contains(&"OP1     Requests  the SG to act;"),
            "{text}"
        );
        assert!(lines.contains(&"OP1(a)(ii) text of (ii)"), "{text}");
        assert!(lines.contains(&"OP1(b)  text of (b)"), "{text}");
        assert!(lines.contains(&"footnotes: 0"));
    }

    #[test]
    fn sections_with_and_without_label_or_heading() {
        let section = |label: &str, heading: &str| Section {
            label: label.into(),
            heading: heading.into(),
            preamble: Vec::new(),
            operative: vec![para(
                Kind::Operative,
                Some(8),
                Some("Decides"),
                "Decides x;",
            )],
            span: Span::default(),
        };
        let draft = Draft {
            sections: vec![
                section("I", "Budget"),
                section("", "Personnel"),
                section("II", ""),
            ],
            ..Draft::default()
        };
        let text = outline(&draft);
        let lines: Vec<&str> = text.lines().collect();
        assert!(lines.contains(&"Section I: Budget"), "{text}");
        assert!(lines.contains(&"Section: Personnel"), "{text}");
        assert!(lines.contains(&"Section II"), "{text}");
        assert!(lines.contains(&"  OP8     Decides  x;"), "{text}");
    }

    #[test]
    fn sponsors_are_shown_when_the_draft_names_them() {
        let draft = resolute_draft::segment(
            "Iraq:* draft resolution\n\nTrade\n\nThe General Assembly,\n\n1. Decides to act.\n\n* On behalf of the States that are members of the Group of 77 and China.\n",
        );
        let text = outline(&draft);
        assert!(
            text.contains("sponsors: Iraq (on behalf of the Group of 77 and China)\n"),
            "{text}"
        );
        let adopted = resolute_draft::segment("The General Assembly,\n\n1. Decides to act.\n");
        assert!(!outline(&adopted).contains("sponsors:"));
    }

    #[test]
    fn snippet_cuts_on_a_character_boundary() {
        let long = "é".repeat(200);
        let s = snippet(&long);
        assert_eq!(s.chars().count(), SNIPPET_CHARS + 1);
        assert!(s.ends_with('…'));
        assert_eq!(snippet("short\ntext"), "short text");
    }

    #[test]
    fn empty_draft_says_so() {
        let text = outline(&Draft::default());
        assert!(text.starts_with("symbol:   -\n"), "{text}");
        assert!(text.contains("(no preambular or operative paragraphs found)"));
    }
}
