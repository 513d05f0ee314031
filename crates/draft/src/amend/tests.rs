use super::grammar::{parse, refs, Op, Ref, Scope};
use super::text::{splice, Visible};
use super::*;
use crate::model::Kind;

fn op(header: &str) -> Option<Op> {
    parse(header, &[])
}

#[test]
fn places_in_words_and_numbers() {
    assert_eq!(
        refs("the twenty-first preambular paragraph and operative paragraphs 35, 38 and 39"),
        Some(vec![
            Ref::Preambular(21),
            Ref::Operative(35),
            Ref::Operative(38),
            Ref::Operative(39)
        ])
    );
    assert_eq!(
        refs("the third and fourth preambular paragraphs"),
        Some(vec![Ref::Preambular(3), Ref::Preambular(4)])
    );
    assert_eq!(
        refs("preambular paragraph 7"),
        Some(vec![Ref::Preambular(7)])
    );
    let b = |op, l: &str| Ref::Sub {
        op,
        label: l.into(),
    };
    assert_eq!(refs("operative paragraph 5 (b)"), Some(vec![b(5, "b")]));
    assert_eq!(refs("operative paragraph 5(b)"), Some(vec![b(5, "b")]));
    assert_eq!(
        refs("subparagraphs (b) and (c) of operative paragraph 5"),
        Some(vec![b(5, "b"), b(5, "c")])
    );
    assert_eq!(refs("the title"), Some(vec![Ref::Title]));
    // Words outside the grammar, a number without a kind, a dangling ordinal.
    assert_eq!(refs("the last paragraph"), None);
    assert_eq!(refs("paragraph 5"), None);
    assert_eq!(refs("the fifth"), None);
}

#[test]
fn every_instruction_form_of_the_general_assembly() {
    assert_eq!(
        op("Delete operative paragraph 9."),
        Some(Op::DeleteParagraphs(vec![Ref::Operative(9)]))
    );
    assert_eq!(
        op("In operative paragraphs 27 and 43, delete “sexual and reproductive”."),
        Some(Op::DeleteText {
            scope: Scope::In(vec![Ref::Operative(27), Ref::Operative(43)]),
            text: "sexual and reproductive".into()
        })
    );
    assert_eq!(
        op("In the thirteenth preambular paragraph, replace “the fourth” with “the fifth”."),
        Some(Op::ReplaceText {
            scope: Scope::In(vec![Ref::Preambular(13)]),
            old: "the fourth".into(),
            new: "the fifth".into()
        })
    );
    // Punctuation inside the quotation marks is the text's; the full stop after is not.
    assert_eq!(
        op("In operative paragraph 65, after “once in force” insert “, and emphasizes that”."),
        Some(Op::InsertText {
            scope: Scope::In(vec![Ref::Operative(65)]),
            anchor: "once in force".into(),
            before: false,
            text: ", and emphasizes that".into()
        })
    );
    assert_eq!(
        op("In the second preambular paragraph, insert “of Ukraine” after “power plant”."),
        Some(Op::InsertText {
            scope: Scope::In(vec![Ref::Preambular(2)]),
            anchor: "power plant".into(),
            before: false,
            text: "of Ukraine".into()
        })
    );
    assert_eq!(
        op("Replace “Chernobyl” with “Chornobyl” in the title, the preambular paragraphs and the operative paragraphs."),
        Some(Op::ReplaceText {
            scope: Scope::Everywhere {
                title: true,
                preambular: true,
                operative: true
            },
            old: "Chernobyl".into(),
            new: "Chornobyl".into()
        })
    );
    let body = vec![
        "Expresses alarm;".to_string(),
        "Stresses support;".to_string(),
    ];
    assert_eq!(
        parse(
            "After operative paragraph 4, insert two new operative paragraphs reading:",
            &body
        ),
        Some(Op::InsertParagraphs {
            anchor: Ref::Operative(4),
            before: false,
            kind: Kind::Operative,
            paragraphs: body.clone()
        })
    );
    // The count must agree with the paragraphs read.
    assert_eq!(
        parse(
            "After operative paragraph 4, insert three new operative paragraphs reading:",
            &body
        ),
        None
    );
    assert_eq!(
        parse(
            "Replace operative paragraph 200 with the following text:",
            &body[..1]
        ),
        Some(Op::ReplaceParagraph {
            target: Ref::Operative(200),
            paragraphs: body[..1].to_vec()
        })
    );
    assert_eq!(op("Make the text shorter."), None);
    assert_eq!(op("In operative paragraph 3, improve the wording."), None);
}

#[test]
fn the_document_its_proposers_target_and_numbered_instructions() {
    let text = "Belarus and Russian Federation: amendment to revised draft resolution\nA/C.3/80/L.20/Rev.1\n\nRights of the child\n\n1.\nIn the fourteenth preambular paragraph, replace “which notes\nthat young children” with “and taking note”.\n2.\nDelete the fifteenth preambular paragraph.\n";
    let a = read_amendment(text).unwrap();
    assert_eq!(a.proposers, ["Belarus", "Russian Federation"]);
    assert_eq!(
        a.target,
        Target::Symbol {
            symbol: "A/C.3/80/L.20/Rev.1".into()
        }
    );
    assert!(a.revised);
    assert_eq!(a.title.as_deref(), Some("Rights of the child"));
    assert_eq!(a.instructions.len(), 2);
    // Lines inside a quotation are joined with a space.
    assert_eq!(
        a.instructions[0].op,
        Some(Op::ReplaceText {
            scope: Scope::In(vec![Ref::Preambular(14)]),
            old: "which notes that young children".into(),
            new: "and taking note".into()
        })
    );
    let report = "Austria and Spain:* amendment to draft resolution 4 recommended by the Second Committee in its report contained in document A/80/555\n\nTrade\n\nDelete operative paragraph 3.\n";
    let a = read_amendment(report).unwrap();
    assert_eq!(
        a.target,
        Target::Report {
            draft: "4".into(),
            report: "A/80/555".into()
        }
    );
    assert_eq!(
        read_amendment("Nothing to see here.\n"),
        Err(AmendError::NoSponsorLine)
    );
}

#[test]
fn visible_text_maps_back_to_the_markdown() {
    let md = "*Takes note* of the report\\*[^2] on 1 January 2020";
    let v = Visible::of(md);
    assert_eq!(v.text(), "Takes note of the report* on 1 January 2020");
    assert_eq!(v.labels(), ["2"]);
    // Curly and straight quotation marks match.
    let v2 = Visible::of("the “Agenda” of 2030");
    assert_eq!(v2.find_all("the \"Agenda\"").len(), 1);
    // Replacing the opening keeps its emphasis.
    let (from, to) = v.find_all("Takes note")[0];
    assert_eq!(
        splice(md, &v, from, to, "Welcomes").as_deref(),
        Some("*Welcomes* of the report\\*[^2] on 1 January 2020")
    );
    // A deletion takes one space with it, and the footnote mark on its last word.
    let (from, to) = v.find_all("of the report*")[0];
    assert_eq!(
        splice(md, &v, from, to, "").as_deref(),
        Some("*Takes note* on 1 January 2020")
    );
    // Cutting through the emphasis is refused (the caller rebuilds the paragraph).
    let (from, to) = v.find_all("note of")[0];
    assert_eq!(splice(md, &v, from, to, ""), None);
}

#[test]
fn a_deletion_across_the_opening_rebuilds_the_paragraph() {
    let draft = crate::segment("The General Assembly,\n\n1. Takes note with appreciation of the report;\n\n2. Decides to act.\n");
    let a = read_amendment("X: amendment to draft resolution A/1/L.1\n\nT\n\nIn operative paragraph 1, delete “Takes note with appreciation of”.\n").unwrap();
    let applied = apply(&draft, &a, Options::default());
    assert_eq!(applied.outcomes[0].status, Status::Applied);
    // Applied exactly, even if what remains is no longer a paragraph with an opening.
    assert_eq!(applied.draft.operative[0].text, "the report;");
    assert_eq!(applied.draft.operative[0].markdown, "the report;");
}
