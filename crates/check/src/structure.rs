//! Structure rules: enacting formula, end punctuation, operative numbering.
//!
//! Rules (UN-RULES.md R2, R5, R6, R8): the preamble opens with the enacting formula naming
//! the organ; a preambular paragraph ends with a comma; an operative paragraph with a
//! semicolon and the last one with a full stop; operative paragraphs are numbered 1, 2, …
//! in sequence, except a lone operative paragraph, which is not numbered.

use resolute_draft::{Draft, Kind, Paragraph, Span, Subparagraph};

use crate::diagnostic::{Diagnostic, Severity};
use crate::text::{last_char, own_span};

/// Runs every structure rule over a parsed draft; `src` is the text the draft was parsed
/// from (spans point into it).
pub fn check_structure(src: &str, draft: &Draft) -> Vec<Diagnostic> {
    check_structure_with(src, draft, &[])
}

/// [`check_structure`] where `intros` are paragraphs introducing an adopted or recommended
/// text ("Adopts the following Declaration:"), which may end with a colon.
pub(crate) fn check_structure_with(src: &str, draft: &Draft, intros: &[Span]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    // While a text is negotiated its numbers are frozen (inserted paragraphs are "5 bis", a
    // deleted one leaves a gap) and a paragraph ending on a bracket or a brace has no end
    // mark to judge until the brackets are resolved.
    let negotiating = draft.meta.stage.is_some();
    enacting_formula(draft, &mut out);
    let preamble = draft
        .preamble
        .iter()
        .chain(draft.sections.iter().flat_map(|s| &s.preamble));
    for p in preamble {
        paragraph_end(src, p, (',', negotiating), intros, &mut out);
    }
    let operative: Vec<&Paragraph> = draft
        .operative
        .iter()
        .chain(draft.sections.iter().flat_map(|s| &s.operative))
        .collect();
    for (i, p) in operative.iter().enumerate() {
        let terminal = if i + 1 == operative.len() { '.' } else { ';' };
        paragraph_end(src, p, (terminal, negotiating), intros, &mut out);
    }
    if !negotiating {
        numbering(src, draft, &mut out);
    }
    out
}

fn enacting_formula(draft: &Draft, out: &mut Vec<Diagnostic>) {
    let Some(first) = draft.paragraphs().next() else {
        return;
    };
    match &draft.enacting {
        None => out.push(Diagnostic::new(
            "structure/enacting-formula",
            Severity::Error,
            Span::new(first.span.start, first.span.start),
            "the preamble must open with the enacting formula, e.g. \"The General Assembly,\""
                .into(),
        )),
        Some(enacting) => {
            let (Some(named), Some(expected)) = (enacting.body, draft.meta.body) else {
                return;
            };
            if named != expected {
                out.push(
                    Diagnostic::new(
                        "structure/enacting-formula",
                        Severity::Error,
                        enacting.span,
                        format!(
                            "the draft is for the {}, but the formula names the {}",
                            expected.name(),
                            named.name()
                        ),
                    )
                    .with_fix(expected.enacting_formula()),
                );
            }
        }
    }
}

/// Checks the end of a paragraph: its own text when it has no subparagraphs, else its
/// subparagraphs (which carry the paragraph's final punctuation).
/// `end`: the mark the paragraph should end with, and whether the text is negotiated.
fn paragraph_end(
    src: &str,
    p: &Paragraph,
    (terminal, negotiating): (char, bool),
    intros: &[Span],
    out: &mut Vec<Diagnostic>,
) {
    let what = match p.kind {
        Kind::Preambular => "a preambular paragraph",
        Kind::Operative => "an operative paragraph",
    };
    if p.sub.is_empty() {
        let allowed: &[char] = if intros.contains(&p.span) {
            &[terminal, ':']
        } else {
            &[terminal]
        };
        expect_end(
            src,
            own_span(src, p),
            (allowed, terminal, negotiating),
            what,
            p.kind,
            out,
        );
        return;
    }
    expect_end(
        src,
        own_span(src, p),
        (&[':', ',', ';', '—'], ':', negotiating),
        "text introducing subparagraphs",
        p.kind,
        out,
    );
    // A table the paragraph introduces has no end mark of its own.
    let subs: Vec<Subparagraph> = p.sub.iter().filter(|s| !s.is_table()).cloned().collect();
    subparagraph_ends(src, &subs, (terminal, negotiating), p.kind, out);
}

fn subparagraph_ends(
    src: &str,
    subs: &[Subparagraph],
    (terminal, negotiating): (char, bool),
    kind: Kind,
    out: &mut Vec<Diagnostic>,
) {
    for (i, s) in subs.iter().enumerate() {
        let next = subs.get(i + 1);
        let (allowed, wanted): (&[char], char) = match next {
            None => (&[terminal], terminal),
            Some(n) if n.level > s.level => (&[':', ',', ';', '—'], ':'),
            Some(_) if kind == Kind::Preambular => (&[',', ';'], ','),
            Some(_) => (&[';'], ';'),
        };
        let span = Span::new(
            s.span.start,
            next.map_or(s.span.end, |n| n.span.start.min(s.span.end)),
        );
        expect_end(
            src,
            span,
            (allowed, wanted, negotiating),
            "a subparagraph",
            kind,
            out,
        );
    }
}

/// `end`: the marks allowed, the one wanted, and whether the text is negotiated (then an end
/// on a bracket or a brace is not judged).
fn expect_end(
    src: &str,
    span: Span,
    (allowed, wanted, negotiating): (&[char], char, bool),
    what: &str,
    kind: Kind,
    out: &mut Vec<Diagnostic>,
) {
    let Some(last) = last_char(src, span) else {
        return;
    };
    let Some(found) = src.get(last.range()).and_then(|s| s.chars().next()) else {
        return;
    };
    if allowed.contains(&found) || (negotiating && matches!(found, ']' | '}')) {
        return;
    }
    let rule = match kind {
        Kind::Preambular => "structure/preamble-end",
        Kind::Operative => "structure/operative-end",
    };
    let message = format!("{what} here should end with \"{wanted}\", not \"{found}\"");
    let diagnostic = if matches!(found, ',' | ';' | '.' | ':') {
        Diagnostic::new(rule, Severity::Error, last, message).with_fix(wanted.to_string())
    } else {
        let after = Span::new(last.end, last.end);
        Diagnostic::new(
            rule,
            Severity::Error,
            after,
            format!("{what} should end with \"{wanted}\""),
        )
        .with_fix(wanted.to_string())
    };
    out.push(diagnostic);
}

fn numbering(src: &str, draft: &Draft, out: &mut Vec<Diagnostic>) {
    let groups: Vec<&[Paragraph]> = std::iter::once(draft.operative.as_slice())
        .chain(draft.sections.iter().map(|s| s.operative.as_slice()))
        .collect();
    let total: usize = groups.iter().map(|g| g.len()).sum();
    if total == 1 {
        lone_paragraph(src, groups.iter().flat_map(|g| g.iter()).next(), out);
        return;
    }
    let mut previous = 0;
    for group in groups {
        // A section may restart its numbering at 1 (budget resolutions) or continue it.
        if group.first().and_then(|p| p.number) == Some(1) {
            previous = 0;
        }
        // Older texts print the paragraphs of some sections without numbers at all.
        if group.iter().all(|p| p.number.is_none()) {
            continue;
        }
        for p in group {
            let expected = previous + 1;
            match p.number {
                Some(n) if n == expected => {}
                Some(n) => out.push(
                    Diagnostic::new(
                        "structure/numbering",
                        Severity::Error,
                        number_span(src, p.span).unwrap_or(Span::new(p.span.start, p.span.start)),
                        format!("operative paragraph {n} should be numbered {expected}"),
                    )
                    .with_fix(expected.to_string()),
                ),
                None => out.push(Diagnostic::new(
                    "structure/numbering",
                    Severity::Error,
                    Span::new(p.span.start, p.span.start),
                    format!("this operative paragraph has no number; it should be {expected}"),
                )),
            }
            previous = expected;
        }
    }
}

fn lone_paragraph(src: &str, p: Option<&Paragraph>, out: &mut Vec<Diagnostic>) {
    let Some(p) = p else { return };
    if p.number.is_some() {
        let span = number_span(src, p.span).unwrap_or(Span::new(p.span.start, p.span.start));
        out.push(Diagnostic::new(
            "structure/lone-operative",
            Severity::Warning,
            span,
            "a lone operative paragraph is not numbered".into(),
        ));
    }
}

/// The span of the digits of a paragraph number at the start of `span` ("12." or "12.\t").
fn number_span(src: &str, span: Span) -> Option<Span> {
    let text = src.get(span.range())?;
    let lead = text.len() - text.trim_start().len();
    let digits = text[lead..].bytes().take_while(u8::is_ascii_digit).count();
    (digits > 0).then(|| Span::new(span.start + lead, span.start + lead + digits))
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::{Body, Enacting, FrontMatter};

    /// Builds a draft from paragraphs given as source lines: "PP text" or "OP n text".
    fn draft(lines: &[&str]) -> (String, Draft) {
        let mut src = String::new();
        let mut d = Draft::default();
        for line in lines {
            let start = src.len();
            let (kind, rest) = line.split_once(' ').unwrap();
            let (number, text) = match kind {
                "OP" => {
                    let (n, t) = rest.split_once(' ').unwrap();
                    src.push_str(&format!("{n}. "));
                    (n.parse().ok(), t)
                }
                _ => (None, rest),
            };
            src.push_str(text);
            let k = if kind == "OP" {
                Kind::Operative
            } else {
                Kind::Preambular
            };
            let p = Paragraph::plain(k, number, text, Span::new(start, src.len()));
            src.push_str("\n\n");
            if kind == "OP" {
                d.operative.push(p)
            } else {
                d.preamble.push(p)
            }
        }
        d.enacting = Some(Enacting {
            text: "The General Assembly,".into(),
            body: Some(Body::GeneralAssembly),
            span: Span::new(0, 0),
        });
        (src, d)
    }

    fn rules(src: &str, d: &Draft) -> Vec<(&'static str, String)> {
        check_structure(src, d)
            .into_iter()
            .map(|x| (x.rule, src[x.span.range()].to_string()))
            .collect()
    }

    #[test]
    fn a_well_formed_draft_has_no_findings() {
        let (src, d) = draft(&[
            "PP Recalling its resolution 61/208,",
            "OP 1 Decides to act;",
            "OP 2 Requests a report.",
        ]);
        assert!(check_structure(&src, &d).is_empty());
    }

    #[test]
    fn wrong_end_punctuation_is_flagged_at_the_mark_with_a_fix() {
        let (src, d) = draft(&[
            "PP Recalling its resolution;",
            "OP 1 Decides to act.",
            "OP 2 Requests a report;",
        ]);
        let found = check_structure(&src, &d);
        let spans: Vec<_> = found
            .iter()
            .map(|x| {
                (
                    x.rule,
                    &src[x.span.range()],
                    x.fix.as_ref().unwrap().replacement.as_str(),
                )
            })
            .collect();
        assert_eq!(
            spans,
            [
                ("structure/preamble-end", ";", ","),
                ("structure/operative-end", ".", ";"),
                ("structure/operative-end", ";", ".")
            ]
        );
    }

    #[test]
    fn missing_punctuation_gets_an_insertion_after_the_last_word() {
        let (src, d) = draft(&[
            "PP Recalling its resolution",
            "OP 1 Decides;",
            "OP 2 Requests.",
        ]);
        let found = check_structure(&src, &d);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].span.start, found[0].span.end);
        assert_eq!(&src[..found[0].span.start], "Recalling its resolution");
    }

    #[test]
    fn footnote_marks_do_not_hide_the_punctuation() {
        let (src, d) = draft(&[
            "PP Recalling the report,[^1]",
            "OP 1 Decides;1",
            "OP 2 Ends.[^2]",
        ]);
        assert!(check_structure(&src, &d).is_empty());
    }

    #[test]
    fn numbering_out_of_sequence_points_at_the_number() {
        let (src, d) = draft(&["OP 1 Decides;", "OP 3 Requests;", "OP 4 Invites."]);
        assert_eq!(
            rules(&src, &d),
            [
                ("structure/numbering", "3".to_string()),
                ("structure/numbering", "4".to_string())
            ]
        );
    }

    #[test]
    fn a_lone_numbered_operative_paragraph_is_flagged() {
        let (src, d) = draft(&["PP Recalling,", "OP 1 Decides to act."]);
        assert_eq!(
            rules(&src, &d),
            [("structure/lone-operative", "1".to_string())]
        );
    }

    #[test]
    fn a_missing_enacting_formula_is_an_error() {
        let (src, mut d) = draft(&["PP Recalling,", "OP 1 Decides;", "OP 2 Requests."]);
        d.enacting = None;
        assert_eq!(
            rules(&src, &d),
            [("structure/enacting-formula", String::new())]
        );
    }

    #[test]
    fn a_formula_naming_another_organ_is_fixed_to_the_draft_body() {
        let (src, mut d) = draft(&["PP Recalling,", "OP 1 Decides;", "OP 2 Requests."]);
        d.meta = FrontMatter {
            body: Some(Body::HumanRightsCouncil),
            ..FrontMatter::default()
        };
        let found = check_structure(&src, &d);
        assert_eq!(
            found[0].fix.as_ref().unwrap().replacement,
            "The Human Rights Council,"
        );
    }

    #[test]
    fn subparagraphs_carry_the_final_punctuation() {
        let src = "1. Requests the Secretary-General:\n(a) To act;\n(b) To report.\n";
        let sub = |label: &str, start: usize, end: usize| Subparagraph {
            label: label.into(),
            level: 1,
            text: String::new(),
            markdown: String::new(),
            footnote_refs: vec![],
            span: Span::new(start, end),
        };
        let a = src.find("(a)").unwrap();
        let b = src.find("(b)").unwrap();
        let mut p = Paragraph::plain(Kind::Operative, Some(1), "", Span::new(0, src.len() - 1));
        p.sub = vec![sub("(a)", a, b - 1), sub("(b)", b, src.len() - 1)];
        let mut d = Draft {
            operative: vec![p],
            ..Draft::default()
        };
        d.enacting = Some(Enacting {
            text: String::new(),
            body: None,
            span: Span::new(0, 0),
        });
        let found: Vec<_> = check_structure(src, &d)
            .into_iter()
            .map(|x| x.rule)
            .collect();
        assert_eq!(found, ["structure/lone-operative"]);
    }

    #[test]
    fn a_page_break_before_the_subparagraphs_and_a_table_raise_nothing() {
        // PDF text: the running head of page 2 stands between the introduction and (a); a
        // table (cells a line each) follows a paragraph introducing it.
        let src = "United Nations \nA/RES/80/9 \n25-00001 (E)    011225 \n*2500001* \n \nThe General Assembly, \n \nRecalling its resolution 79/1, \n \n1. \nRequests the Secretary-General to report to the \nGeneral Assembly: \n\nA/RES/80/9 \nA long running title of the resolution \n25-00001 \n2/3 \n \n(a) \nOn the first matter; \n \n(b) \nOn the second matter; \n \n2. \nResolves that the scale shall be as follows: \n \nMember State \nPercentage \nAfghanistan \n0.005 \nAlbania \n0.010 \nAlgeria \n0.087 \n \n3. \nDecides to remain seized of the matter. \n\nA/RES/80/9 \n3/3 \n";
        let d = resolute_draft::segment(src);
        assert!(d.operative[1].sub[0].is_table(), "{:?}", d.operative[1]);
        let found = check_structure(src, &d);
        assert!(found.is_empty(), "{found:?}");
    }
}
