//! Behaviour of the reader and of `fmt` on small drafts.

use super::*;
use crate::model::{Body, Kind};

fn parse(src: &str) -> Draft {
    match parse_markdown(src) {
        Ok(d) => d,
        Err(e) => panic!("{src:?}: {e}"),
    }
}

fn fmt(src: &str) -> String {
    match format(src) {
        Ok(s) => s,
        Err(e) => panic!("{src:?}: {e}"),
    }
}

#[test]
fn front_matter_errors_carry_the_line() {
    let err = parse_markdown("---\ntitle: x\nfoo\n---\n");
    assert!(
        matches!(err, Err(FormatError::FrontMatter { line: 3, .. })),
        "{err:?}"
    );
}

#[test]
fn fmt_refuses_what_it_would_lose() {
    let src = "*The General Assembly*,\n\n<!-- a note -->\n\n1. *Decides* to act.\n";
    let err = format(src);
    assert!(
        matches!(err, Err(FormatError::Unsupported { line: 3, .. })),
        "{err:?}"
    );
    assert!(parse_markdown(src).is_ok());
    let in_annex = "1. *Decides* to act.\n\n# Annex\n\n<!-- kept -->\n\n```\ncode\n```\n";
    assert_eq!(fmt(in_annex), in_annex);
}

#[test]
fn enacting_formula_without_preamble() {
    let d = parse("The Security Council\n\n1. *Decides* to remain seized of the matter.\n");
    let e = d.enacting.as_ref().map(|e| (e.text.as_str(), e.body));
    assert_eq!(
        e,
        Some(("The Security Council", Some(Body::SecurityCouncil)))
    );
    assert_eq!(d.operative.len(), 1);
    assert!(d.preamble.is_empty());
}

#[test]
fn numbering_continues_through_sections_unless_the_source_restarts() {
    let runs = "## I\n\n1. Decides a\n\n2. Decides b\n\n## II\n\n5. Decides c\n";
    assert!(
        fmt(runs).contains("## II\n\n3. *Decides* c."),
        "{}",
        fmt(runs)
    );
    let restarts = "## I\n\n1. Decides a\n\n3. Decides b\n\n## II\n\n1. Decides c\n";
    let out = fmt(restarts);
    assert!(
        out.contains("2. *Decides* b;\n\n## II\n\n1. *Decides* c."),
        "{out}"
    );
}

#[test]
fn lone_operative_paragraph_stays_unnumbered() {
    let src = "*Recalling* x,\n\n- *Decides* to act\n";
    assert_eq!(fmt(src), "*Recalling* x,\n\n- *Decides* to act.\n");
    let d = parse(src);
    assert_eq!(
        d.operative.first().map(|p| (p.kind, p.number)),
        Some((Kind::Operative, None))
    );
    let several = fmt("- Decides a\n\n- Requests b\n");
    assert_eq!(several, "1. *Decides* a;\n\n2. *Requests* b.\n");
}

#[test]
fn letter_i_after_h_is_not_roman() {
    let labels = [
        "(a)", "(b)", "(c)", "(d)", "(e)", "(f)", "(g)", "(h)", "(i)", "(j)",
    ];
    let mut src = String::from("1. *Requests*:\n\n");
    for l in labels {
        src.push_str(&format!("   {l} To act;\n\n"));
    }
    let d = parse(&src);
    let levels: Vec<u8> = d
        .operative
        .iter()
        .flat_map(|p| &p.sub)
        .map(|s| s.level)
        .collect();
    assert_eq!(levels, [1; 10]);
}

#[test]
fn closing_formula_only_at_the_end() {
    let d = parse("1. *Decides* a;\n\n45th plenary meeting\n7 December 2023\n");
    let c = d
        .closing
        .as_ref()
        .map(|c| (c.meeting.as_str(), c.date.as_deref()));
    assert_eq!(c, Some(("45th plenary meeting", Some("2023-12-07"))));
    let two_blocks = "1. *Decides* a.\n\n52nd plenary meeting\n\n12 December 2022\n";
    let d = parse(two_blocks);
    let c = d
        .closing
        .as_ref()
        .map(|c| (c.meeting.as_str(), c.date.as_deref()));
    assert_eq!(c, Some(("52nd plenary meeting", Some("2022-12-12"))));
    assert_eq!(d.operative.len(), 1);
    let d = parse("45th plenary meeting\n\n1. *Decides* a.\n");
    assert!(d.closing.is_none());
    assert_eq!(d.preamble.len(), 1);
}

#[test]
fn a_date_alone_at_the_end_is_a_closing_without_a_meeting() {
    let src = "*The General Assembly*,\n\n1. *Decides* a.\n\n31 October 1947\n";
    let d = parse(src);
    let c = d
        .closing
        .as_ref()
        .map(|c| (c.meeting.as_str(), c.date.as_deref()));
    assert_eq!(c, Some(("", Some("1947-10-31"))));
    assert_eq!(d.operative.len(), 1);
    assert!(d.preamble.is_empty());
    assert_eq!(write_markdown(&d), src);
    // Not a valid date, or not at the end: a paragraph.
    let d = parse("1. *Decides* a.\n\n31 February 1947\n");
    assert!(d.closing.is_none());
}

/// What the segmenter reads from plain text comes back from the draft format: a resumed
/// meeting is a closing formula, and the record of the vote after it (an annex without a
/// heading, written under an empty `#`) stays out of the operative part.
#[test]
fn closing_and_vote_record_survive_the_draft_format() {
    let text = "The Human Rights Council,\n\n1. Decides to remain seized of the matter.\n\n\
                52nd (resumed) plenary meeting\n27 December 2019\n\n[Adopted without a vote.]\n";
    let segmented = crate::segment(text);
    let back = parse(&write_markdown(&segmented));
    let c = back
        .closing
        .as_ref()
        .map(|c| (c.meeting.as_str(), c.date.as_deref()));
    assert_eq!(
        c,
        Some(("52nd (resumed) plenary meeting", Some("2019-12-27")))
    );
    assert_eq!(back.operative.len(), 1);
    assert_eq!(back.annexes.len(), 1);
    assert_eq!(back.annexes[0].heading, "");
    assert_eq!(back.annexes[0].text, "[Adopted without a vote.]");
    assert_eq!(segmented.annexes, {
        let mut a = back.annexes.clone();
        a[0].span = segmented.annexes[0].span;
        a[0].markdown = segmented.annexes[0].markdown.clone();
        a
    });
}

#[test]
fn escaped_label_is_text_not_a_subparagraph() {
    let d = parse("1. *Decides*:\n\n   \\(a) is a letter;\n");
    let p = d.operative.first();
    assert_eq!(p.map(|p| p.sub.len()), Some(0));
    assert_eq!(
        p.map(|p| p.text.as_str()),
        Some("Decides: (a) is a letter;")
    );
}

#[test]
fn renumber_reports_the_mapping() {
    let mut d = parse("3. Decides a\n\n7. Decides b\n\n7. Decides c\n");
    let r = renumber(&mut d);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    let map = r.references_in(0);
    assert_eq!((map.get(3), map.get(7)), (Some(1), None));
}

#[test]
fn spans_point_into_the_source() {
    let src = "---\nbody: GA\n---\n\n*The General Assembly*,\n\n1. *Decides*:\n\n   (a) To act;[^1]\n\n[^1]: Note.\n";
    let d = parse(src);
    let p = d.operative.first();
    let slice = |s: crate::model::Span| src.get(s.range()).unwrap_or("");
    assert_eq!(
        p.map(|p| slice(p.span)),
        Some("1. *Decides*:\n\n   (a) To act;[^1]")
    );
    let sub = p.and_then(|p| p.sub.first());
    assert_eq!(sub.map(|s| slice(s.span)), Some("(a) To act;[^1]"));
    assert_eq!(
        sub.map(|s| s.footnote_refs.clone()),
        Some(vec!["1".to_string()])
    );
    assert_eq!(
        d.footnotes.first().map(|f| slice(f.span)),
        Some("[^1]: Note.")
    );
}

#[test]
fn windows_line_ends_and_byte_order_mark() {
    let lf = "---\nbody: GA\n---\n\nThe General Assembly,\n\nRecalling its\nresolution 70/1\n\n\
              1. Decides:\n   (a) To act;\n\n45th plenary meeting\n7 December 2023\n";
    let crlf = format!("\u{feff}{}", lf.replace('\n', "\r\n"));
    assert_eq!(fmt(&crlf), fmt(lf));
    let d = parse(&crlf);
    assert_eq!(d.meta.body, Some(Body::GeneralAssembly));
    let first = d.preamble.first().map(|p| p.text.as_str());
    assert_eq!(first, Some("Recalling its resolution 70/1"));
    assert_eq!(d.operative.first().map(|p| p.sub.len()), Some(1));
}

#[test]
fn writes_models_built_elsewhere() {
    // As segmentation or an editor might build it: no Markdown, or Markdown over lines.
    let para = |kind, number, text: &str, markdown: &str| crate::model::Paragraph {
        marks: None,
        kind,
        number,
        opening: None,
        text: text.into(),
        markdown: markdown.into(),
        footnote_refs: Vec::new(),
        sub: Vec::new(),
        span: crate::model::Span::default(),
    };
    let d = Draft {
        preamble: vec![para(Kind::Preambular, None, "Recalling *its* work,", "")],
        operative: vec![
            para(
                Kind::Operative,
                Some(1),
                "Decides 2. that",
                "*Decides*\n2. that",
            ),
            para(Kind::Operative, Some(2), "- Requests", ""),
        ],
        ..Draft::default()
    };
    let back = parse(&write_markdown(&d));
    let texts: Vec<&str> = back.paragraphs().map(|p| p.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Recalling *its* work,", "Decides 2. that", "- Requests"]
    );
}

#[test]
fn tag_like_text_in_a_paragraph_is_kept_as_text_and_survives_fmt() {
    let src = "*The General Assembly*,\n\n1. *Decides* that <img src=x onerror=alert(1)> stays.\n";
    let draft = parse_markdown(src).expect("parses");
    let text = &draft.operative[0].text;
    assert!(text.contains("<img src=x onerror=alert(1)>"), "{text}");
    let formatted = format(src).expect("formats");
    let again = parse_markdown(&formatted).expect("parses again");
    assert_eq!(again.operative[0].text, *text);
}
