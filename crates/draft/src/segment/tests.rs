//! End-to-end tests of `segment` on short synthetic texts in both forms.

use super::{segment, FurnitureKind};
use crate::model::{Body, Kind};
use proptest::prelude::*;

/// Two pages of a PDF extraction: masthead, footnote on page 1, running header on page 2.
const PDF: &str = "United Nations \nA/RES/78/100\n \n \nGeneral Assembly \nDistr.: General \n11 December 2023 \n \n23-24979 (E)    201223 \n*2324979* \n \nSeventy-eighth session \nAgenda item 58 \nImplementation of the Declaration \n \n Resolution adopted by the General Assembly \non 7 December 2023 \n \n 78/100. Dissemination of information on decolonization \n \nThe General Assembly, \n \nHaving examined the report of the Special Committee for 2023,1  \n \nRecognizing the need for approaches towards the options for self-\ndetermination of the peoples of Non-Self-\nGoverning Territories, and \n__________________ \n \n1  Official Records of the General Assembly, Supplement No. 23 (A/78/23). \n\nA/RES/78/100 \nDissemination of information on decolonization\n \n23-24979\n2/3 \n \n \nnoting the role of the administering Powers, \n \n1. \nApproves the activities undertaken by the Department; \n \n2. \nRequests the Department, inter alia: \n \n(a) \nTo develop procedures; \n \n(b) \nTo seek cooperation; \n \n45th plenary meeting \n7 December 2023 \n";

#[test]
fn pdf_masthead_is_read() {
    let d = segment(PDF);
    assert_eq!(d.meta.symbol.as_deref(), Some("A/RES/78/100"));
    assert_eq!(d.meta.session.as_deref(), Some("78"));
    assert_eq!(d.meta.agenda_item.as_deref(), Some("58"));
    assert_eq!(d.meta.adopted.as_deref(), Some("2023-12-07"));
    assert_eq!(
        d.meta.title.as_deref(),
        Some("Dissemination of information on decolonization")
    );
    assert_eq!(d.meta.body, Some(Body::GeneralAssembly));
    assert_eq!(d.meta.language.as_deref(), Some("en"));
    assert_eq!(
        d.enacting.as_ref().map(|e| e.text.as_str()),
        Some("The General Assembly,")
    );
}

#[test]
fn pdf_paragraphs_footnotes_and_furniture() {
    let d = segment(PDF);
    assert_eq!(d.preamble.len(), 2);
    let first = &d.preamble[0];
    assert_eq!(
        first.text,
        "Having examined the report of the Special Committee for 2023,"
    );
    assert_eq!(first.footnote_refs, ["1"]);
    assert_eq!(
        first.markdown,
        "*Having examined* the report of the Special Committee for 2023,[^1]"
    );
    // Joined across the page break; hyphens at line ends kept; no running header.
    assert_eq!(
        d.preamble[1].text,
        "Recognizing the need for approaches towards the options for self-determination of the peoples of Non-Self-Governing Territories, and noting the role of the administering Powers,"
    );
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].label, "1");
    assert!(d.footnotes[0].text.starts_with("Official Records"));
}

#[test]
fn pdf_numbers_and_labels_on_their_own_lines() {
    let d = segment(PDF);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
    assert_eq!(
        d.operative[0].text,
        "Approves the activities undertaken by the Department;"
    );
    let subs: Vec<(&str, &str)> = d.operative[1]
        .sub
        .iter()
        .map(|s| (s.label.as_str(), s.text.as_str()))
        .collect();
    assert_eq!(
        subs,
        [
            ("(a)", "To develop procedures;"),
            ("(b)", "To seek cooperation;")
        ]
    );
    let closing = d.closing.expect("closing formula");
    assert_eq!(closing.meeting, "45th plenary meeting");
    assert_eq!(closing.date.as_deref(), Some("2023-12-07"));
}

#[test]
fn spans_point_into_the_source() {
    let d = segment(PDF);
    let p = &d.operative[0];
    assert!(PDF[p.span.range()].starts_with("1."));
    assert!(PDF[p.span.range()].ends_with("Department;"));
    let s = &d.operative[1].sub[1];
    assert_eq!(&PDF[s.span.range()], "(b) \nTo seek cooperation;");
    assert!(d.operative[1].span.contains(s.span));
}

#[test]
fn security_council_clean_text() {
    let src = "Resolution 1325 (2000)\n\nAdopted by the Security Council at its 4213th meeting, on \n31 October 2000\n\nThe Security Council,\n\nRecalling its resolutions 1261 (1999),\n\n1.\tUrges Member States to act;\n\n2.\tDecides to remain actively seized of the matter.\n";
    let d = segment(src);
    assert_eq!(d.meta.symbol.as_deref(), Some("S/RES/1325 (2000)"));
    assert_eq!(d.meta.adopted.as_deref(), Some("2000-10-31"));
    assert_eq!(d.meta.body, Some(Body::SecurityCouncil));
    assert_eq!(d.preamble.len(), 1);
    assert_eq!(d.operative.len(), 2);
    assert_eq!(d.operative[0].opening.as_deref(), Some("Urges"));
    assert!(d.closing.is_none());
}

#[test]
fn sections_keep_their_numbers() {
    let src = "The General Assembly,\n\nI\n\nFirst topic\n\nRecalling A,\n\n1. Decides B;\n\n2. Requests C;\n\nII\n\nSecond topic\n\nNoting D,\n\n1. Decides E.\n\n3rd plenary meeting\n\n1 May 2020\n";
    let d = segment(src);
    assert!(d.preamble.is_empty() && d.operative.is_empty());
    assert_eq!(d.sections.len(), 2);
    assert_eq!(d.sections[0].label, "I");
    assert_eq!(d.sections[0].heading, "First topic");
    assert_eq!(d.sections[1].label, "II");
    assert_eq!(d.sections[1].preamble[0].text, "Noting D,");
    assert_eq!(d.sections[1].operative[0].number, Some(1));
    assert_eq!(d.paragraphs().count(), 5);
}

#[test]
fn lone_unnumbered_operative_paragraph() {
    let src = "The General Assembly,\n\nRecalling its resolution 77/1,\n\nDecides to include the item in the agenda.\n\n40th plenary meeting\n\n2 December 2023\n";
    let d = segment(src);
    assert_eq!(d.preamble.len(), 1);
    assert_eq!(d.operative.len(), 1);
    assert_eq!(d.operative[0].kind, Kind::Operative);
    assert_eq!(d.operative[0].number, None);
    assert_eq!(d.operative[0].opening.as_deref(), Some("Decides"));
}

#[test]
fn i_after_h_is_a_letter_and_i_under_a_is_roman() {
    let src = "The General Assembly,\n\n1. Requests:\n\n(a) One;\n\n(i) Sub one;\n\n(ii) Sub two;\n\n(b) Two;\n\n(c) c;\n\n(d) d;\n\n(e) e;\n\n(f) f;\n\n(g) g;\n\n(h) h;\n\n(i) Ninth;\n\n(j) Tenth.\n";
    let d = segment(src);
    let levels: Vec<(&str, u8)> = d.operative[0]
        .sub
        .iter()
        .map(|s| (s.label.as_str(), s.level))
        .collect();
    assert_eq!(levels[1], ("(i)", 2));
    assert_eq!(levels[2], ("(ii)", 2));
    assert_eq!(levels[3], ("(b)", 1));
    assert_eq!(levels[10], ("(i)", 1));
    assert_eq!(levels[11], ("(j)", 1));
}

#[test]
fn text_after_the_closing_formula_is_an_annex() {
    let src = "The General Assembly,\n\n1. Adopts the statute annexed to the present resolution.\n\n72nd plenary meeting\n\n9 December 2022\n\nAnnex\n\nStatute of the Tribunal\n\n1. The Tribunal shall sit in New York.\n";
    let d = segment(src);
    assert_eq!(d.operative.len(), 1);
    let closing = d.closing.expect("closing");
    assert_eq!(closing.date.as_deref(), Some("2022-12-09"));
    assert_eq!(d.annexes.len(), 1);
    assert_eq!(d.annexes[0].heading, "Annex");
    assert!(d.annexes[0]
        .text
        .contains("The Tribunal shall sit in New York."));
}

#[test]
fn closing_formula_right_after_the_last_paragraph() {
    let src = "United Nations\nA/RES/1/1\n23-00001\n*2300001*\nThe General Assembly,\n \n1. Decides to act. \n45th plenary meeting \n7 December 2023 \n";
    let d = segment(src);
    assert_eq!(d.operative[0].text, "Decides to act.");
    assert_eq!(
        d.closing.map(|c| c.meeting),
        Some("45th plenary meeting".into())
    );
}

#[test]
fn odd_inputs_do_not_panic() {
    let odd = [
        "",
        " ",
        "\n\n\n",
        "1.",
        "(a)",
        "(ii)",
        "(a",
        "1. \n",
        "The General Assembly,",
        "____________\n\n1/ x",
        "*\n*\n",
        "2/3\n23-24979\n\n\n",
        "\u{0}\u{1}\u{ff}\u{feff}",
        "45th plenary meeting",
        "Annex",
        "I",
        "(h)\n\n(i)\n\n(ii)",
        "– ",
        "1 Decides",
        "A/RES/1/1\n\n2/2\n\n__________\n1",
        "é\u{200e}1.\u{200e}",
    ];
    for text in odd {
        let d = segment(text);
        for p in d.paragraphs() {
            assert!(p.span.end <= text.len(), "span out of bounds for {text:?}");
        }
    }
}

proptest! {
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC{0,200}") {
        let _ = segment(&text);
    }

    #[test]
    fn never_panics_on_resolution_like_noise(
        text in "([0-9]{1,4}[./]? |\\([a-z]{1,3}\\) |_{3,12}|\\*|[A-Z][a-z]{0,8}[,;:.]? |\n \n|\n\n|\n|2/3|23-24979|–|-)*"
    ) {
        let d = segment(&text);
        for p in d.paragraphs() {
            prop_assert!(p.span.end <= text.len());
            prop_assert!(text.is_char_boundary(p.span.start));
        }
    }
}

#[test]
fn preamble_after_operative_paragraphs_opens_a_part() {
    // The part label ("II") is missing from the text; the preamble shows the new part.
    let src = "The General Assembly,\n\nNoting A,\n\n1. Decides B;\n\n2. Decides C.\n\nEmphasizing D,\n\n1. Requests E.\n";
    let d = segment(src);
    assert_eq!(d.operative.len(), 2);
    assert_eq!(d.sections.len(), 1);
    assert_eq!(d.sections[0].label, "");
    assert_eq!(d.sections[0].preamble[0].text, "Emphasizing D,");
    assert_eq!(d.sections[0].operative[0].number, Some(1));
}

#[test]
fn quoted_enacting_formula_is_not_a_paragraph() {
    let src = "The Human Rights Council,\n\n1. Recommends the following draft:\n\n“The General Assembly,\n\nWelcoming X,\n\n1. Decides Y.”\n";
    let d = segment(src);
    assert!(d
        .paragraphs()
        .all(|p| !p.text.contains("The General Assembly")));
    assert_eq!(d.sections[0].preamble[0].text, "Welcoming X,");
}

#[test]
fn operative_verb_inside_the_preamble_stays_preambular() {
    // A slip of the drafter: the checker reports the opening, the structure stays sound.
    let src = "The Economic and Social Council,\n\nRecalling A,\n\nRequests further B,\n\nNoting C,\n\n1. Decides D;\n\n2. Requests E.\n";
    let d = segment(src);
    let pre: Vec<&str> = d.preamble.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(pre, ["Recalling A,", "Requests further B,", "Noting C,"]);
    assert_eq!(d.operative.len(), 2);
    assert!(d.sections.is_empty());
}

#[test]
fn operative_verb_followed_by_preamble_without_numbers_stays_preambular() {
    let src = "The General Assembly,\n\nRecalling A,\n\nDecides B,\n\nNoting C,\n\nDecides to include the item.\n\n40th plenary meeting\n\n2 December 2023\n";
    let d = segment(src);
    assert_eq!(d.preamble.len(), 3);
    assert_eq!(d.preamble[1].kind, Kind::Preambular);
    let ops: Vec<&str> = d.operative.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(ops, ["Decides to include the item."]);
    assert!(d.sections.is_empty());
}

#[test]
fn numbered_items_of_an_annex_do_not_hide_a_lone_operative_paragraph() {
    let src = "The General Assembly,\n\nRecalling A,\n\nAdopts the Declaration annexed to the present resolution.\n\n40th plenary meeting\n\n2 December 2023\n\nAnnex\n\n1. We resolve.\n";
    let d = segment(src);
    assert_eq!(d.operative.len(), 1);
    assert_eq!(d.operative[0].number, None);
}

#[test]
fn formula_without_comma_has_no_preamble() {
    let src = "The Economic and Social Council\n\nTakes note of the report.\n\n40th plenary meeting\n\n2 December 2023\n";
    let d = segment(src);
    assert!(d.preamble.is_empty());
    assert_eq!(d.operative.len(), 1);
    assert_eq!(d.operative[0].opening.as_deref(), Some("Takes note of"));
}

#[test]
fn recommended_draft_resolution_is_a_section_headed_by_its_formula() {
    let src = "The Economic and Social Council\n\nRecommends to the General Assembly the adoption of the following draft resolution:\n\nThe General Assembly,\n\nRecalling its resolution 66/172,\n\nNoting B,\n\n1. Decides C;\n\n2. Requests D.\n\n45th plenary meeting\n\n26 July 2012\n";
    let d = segment(src);
    assert_eq!(
        d.enacting.as_ref().map(|e| e.body),
        Some(Some(Body::EconomicAndSocialCouncil))
    );
    assert!(d.preamble.is_empty());
    assert_eq!(d.operative.len(), 1);
    assert_eq!(d.operative[0].number, None);
    assert!(d.operative[0].text.starts_with("Recommends"));
    assert_eq!(d.sections.len(), 1);
    let s = &d.sections[0];
    assert_eq!(
        (s.label.as_str(), s.heading.as_str()),
        ("", "The General Assembly,")
    );
    assert_eq!(s.preamble.len(), 2);
    let numbers: Vec<Option<u32>> = s.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
    assert!(src[s.span.range()].starts_with("The General Assembly,"));
    assert!(d.closing.is_some());
}

#[test]
fn hard_wrapped_ocr_text_is_joined() {
    let src = "The General Assembly,\n\nRecalling the provisions of the Protocol for the Prohibi\u{ad}\n\ntion of the Use in War of Asphyxiating Gases,\n\n1. Requests the Secretary-General to render the neces\u{ad}\n\nsary assistance and to provide such services as may be\n\nrequired for the implementation of the relevant parts of the\n\nFinal Declaration;\n\n2. Calls upon all States to act.\n\n84th plenary meeting\n\n30 November 1987\n";
    let d = segment(src);
    assert_eq!(d.preamble.len(), 1);
    assert_eq!(
        d.preamble[0].text,
        "Recalling the provisions of the Protocol for the Prohibition of the Use in War of Asphyxiating Gases,"
    );
    assert_eq!(d.operative.len(), 2);
    assert_eq!(
        d.operative[0].text,
        "Requests the Secretary-General to render the necessary assistance and to provide such services as may be required for the implementation of the relevant parts of the Final Declaration;"
    );
    assert!(src[d.operative[0].span.range()].ends_with("Final Declaration;"));
}

#[test]
fn text_after_subparagraphs_ends_its_paragraph() {
    let src = "The General Assembly,\n\n1. Condemns the attacks:\n\n(a) In A;\n\n(b) In B;\n\nand demands that the perpetrators be held accountable;\n\n2. Decides to remain seized of the matter.\n";
    let d = segment(src);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
    let subs: Vec<(&str, u8)> = d.operative[0]
        .sub
        .iter()
        .map(|s| (s.label.as_str(), s.level))
        .collect();
    assert_eq!(subs, [("(a)", 1), ("(b)", 1), ("", 1)]);
    let last = &d.operative[0].sub[2];
    assert_eq!(
        last.text,
        "and demands that the perpetrators be held accountable;"
    );
    assert!(d.operative[0].span.contains(last.span));
}

#[test]
fn footnotes_inside_the_text_and_the_paragraph_they_interrupt() {
    let src = "The General Assembly,\n\n1. Welcomes the report; 1/\n\n2. Stresses the need for the ____________\n\n1/ A/49/136.\n\n2/ S/1994/777.\n\npeaceful settlement of disputes;\n\n3. Decides to act.\n";
    let d = segment(src);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
    assert_eq!(
        d.operative[1].text,
        "Stresses the need for the peaceful settlement of disputes;"
    );
    assert!(src[d.operative[1].span.range()].ends_with("disputes;"));
    let labels: Vec<&str> = d.footnotes.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(labels, ["1", "2"]);
}

#[test]
fn lettered_heading_before_unlabelled_provisions() {
    let src = "The General Assembly,\n\n1. Decides that the Office shall operate as follows:\n\n(a) Mode of operation\n\nThe Office shall exercise operational independence.\n\n(b) Appointment\n\nThe head of the Office shall be appointed.\n";
    let d = segment(src);
    assert_eq!(d.operative.len(), 1);
    assert!(d.operative[0].sub.is_empty());
    let heads: Vec<(&str, &str)> = d
        .sections
        .iter()
        .map(|s| (s.label.as_str(), s.heading.as_str()))
        .collect();
    assert_eq!(
        heads,
        [("(a)", "Mode of operation"), ("(b)", "Appointment")]
    );
}

#[test]
fn operative_paragraphs_that_lost_their_numbers() {
    let src = "The Human Rights Council,\n\nRecalling A,\n\nStrongly deplores B;\n\nUrges C;\n\n3. Requests D.\n";
    let d = segment(src);
    assert_eq!(d.preamble.len(), 1);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [None, None, Some(3)]);
}

#[test]
fn job_number_left_in_a_clean_text_is_no_paragraph() {
    let src = "The General Assembly,\n\nRecalling A,\n\n95-76363\n\nNoting B,\n\n1. Decides C.\n";
    let d = segment(src);
    let pre: Vec<&str> = d.preamble.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(pre, ["Recalling A,", "Noting B,"]);
}

#[test]
fn lower_case_text_after_a_paragraph_without_subparagraphs_continues_it() {
    let src = "The General Assembly,\n\n1. Decides to appropriate 10 dollars for the period to 30 June 2011;\n\nand to finance the appropriation;\n\n2. Decides to act.\n";
    let d = segment(src);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
    assert_eq!(d.operative[0].sub.len(), 1);
    assert_eq!(d.operative[0].sub[0].label, "");
}

#[test]
fn numbering_restarting_at_one_opens_a_part() {
    let src = "The General Assembly,\n\nI\n\nFirst topic\n\n1. Decides A;\n\n2. Decides B;\n\n1. Takes note of C;\n\n2. Requests D.\n";
    let d = segment(src);
    assert_eq!(d.sections.len(), 2);
    assert_eq!(d.sections[1].label, "");
    let numbers: Vec<Option<u32>> = d.sections[1].operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
}

#[test]
fn text_under_a_subparagraph_ending_with_a_colon() {
    let src = "The General Assembly,\n\n1. Decides to appropriate:\n\n(a) Peacekeeping operations;\n\n(b) Support account for peacekeeping operations:\n\nAn amount of 10 dollars for the support account;\n\n2. Decides to act.\n";
    let d = segment(src);
    let numbers: Vec<Option<u32>> = d.operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, [Some(1), Some(2)]);
    let subs: Vec<(&str, u8)> = d.operative[0]
        .sub
        .iter()
        .map(|s| (s.label.as_str(), s.level))
        .collect();
    assert_eq!(subs, [("(a)", 1), ("(b)", 1), ("", 2)]);
}

/// Notes listed after the last block (as the DOCX and plain text readers write them): each
/// a footnote, also after the closing formula, with its mark taken out of the paragraph.
#[test]
fn notes_listed_at_the_end_are_footnotes_and_their_marks_removed() {
    let src = "The General Assembly,\n\nRecalling its resolution 70/1,1\n\n\
               1. Takes note of the report of 2023,2 and decides to act;\n\n\
               45th plenary meeting\n7 December 2023\n\n__________________\n\n\
               1 Resolution 70/1.\n\n2 A/78/100.\n";
    let d = segment(src);
    let notes: Vec<(&str, &str)> = d
        .footnotes
        .iter()
        .map(|f| (f.label.as_str(), f.text.as_str()))
        .collect();
    assert_eq!(notes, [("1", "Resolution 70/1."), ("2", "A/78/100.")]);
    assert!(d.annexes.is_empty(), "{:?}", d.annexes);
    assert_eq!(d.preamble[0].text, "Recalling its resolution 70/1,");
    assert_eq!(d.preamble[0].footnote_refs, ["1"]);
    assert_eq!(
        d.preamble[0].markdown,
        "*Recalling* its resolution 70/1,[^1]"
    );
    let op = &d.operative[0];
    assert_eq!(
        op.text,
        "Takes note of the report of 2023, and decides to act;"
    );
    assert_eq!(op.footnote_refs, ["2"]);
    assert!(d.closing.is_some());
}

/// Without notes after a rule nothing is taken for a mark ("resolution 70/1,1" stays).
#[test]
fn numbers_stay_when_no_notes_are_listed() {
    let d = segment("The General Assembly,\n\nRecalling its resolutions 70/1,1 and 2,\n");
    assert_eq!(
        d.preamble[0].text,
        "Recalling its resolutions 70/1,1 and 2,"
    );
    assert!(d.preamble[0].footnote_refs.is_empty());
}

/// Notes printed after the closing formula, among the text that follows it, are footnotes
/// (not annex text), so no paragraph refers to a note the draft does not have.
#[test]
fn notes_among_the_annexes_are_footnotes() {
    let src =
        "The Economic and Social Council,\n\n1. Takes note of the report,24 held at Geneva;\n\n\
               22nd plenary meeting\n28 May 1985\n\nAnnex\n\nText of the annex.\n\n\
               ____________\n\n24 E/1985/39/Add.1.\n\nMore annex text.\n";
    let d = segment(src);
    assert_eq!(d.operative[0].footnote_refs, ["24"]);
    let notes: Vec<&str> = d.footnotes.iter().map(|f| f.label.as_str()).collect();
    assert_eq!(notes, ["24"]);
    let annex: Vec<&str> = d.annexes.iter().map(|a| a.text.as_str()).collect();
    assert_eq!(annex, ["Text of the annex.\n\nMore annex text."]);
}

/// One page of a PDF extraction: masthead, "The General Assembly,", the given preambular
/// paragraphs, then the footnote rule and the notes.
fn pdf_page(paragraphs: &[&str], notes: &[(&str, &str)]) -> String {
    let mut t = String::from(
        "United Nations \nA/RES/80/1\n \n \nGeneral Assembly \nDistr.: General \n1 December 2025 \n \n25-00001 (E)    011225 \n*2500001* \n \nEightieth session \n \n 80/1. A test \n \nThe General Assembly, \n \n",
    );
    for p in paragraphs {
        t.push_str(p);
        t.push_str(" \n \n");
    }
    t.push_str("1. \nDecides to act. \n__________________ \n \n");
    for (label, text) in notes {
        t.push_str(&format!("{label}  {text} \n \n"));
    }
    t
}

fn refs_and_text(text: &str) -> (Vec<String>, String) {
    let d = segment(text);
    let p = &d.preamble[0];
    (p.footnote_refs.clone(), p.markdown.clone())
}

#[test]
fn mark_glued_to_a_special_session_citation_is_split() {
    let text = pdf_page(
        &["Recalling its resolutions 79/1,1 79/2,2 79/3,3 79/4,4 79/5,5 and Human Rights \nCouncil resolution S-35/16 establishing the mission,"],
        &numbered_notes(6),
    );
    let (refs, md) = refs_and_text(&text);
    assert_eq!(refs, ["1", "2", "3", "4", "5", "6"]);
    assert!(md.contains("resolution S-35/1[^6] establishing"), "{md}");
}

#[test]
fn mark_glued_to_a_resolution_number_is_split() {
    let text = pdf_page(
        &["Welcoming the reports submitted pursuant to resolutions 70/1,17 71/20518 and \n72/190,19"],
        &[("17", "A/71/1."), ("18", "A/72/2."), ("19", "A/73/3.")],
    );
    let (refs, md) = refs_and_text(&text);
    assert_eq!(refs, ["17", "18", "19"]);
    assert!(
        md.contains("70/1,[^17] 71/205[^18] and 72/190,[^19]"),
        "{md}"
    );
}

#[test]
fn mark_glued_to_a_resolution_number_before_its_part_is_split() {
    let text = pdf_page(
        &["Recalling its resolutions 76/179,23 77/22924 and 78/221,25"],
        &[("23", "A/77/1."), ("24", "A/78/2."), ("25", "A/79/3.")],
    );
    let (refs, md) = refs_and_text(&text);
    assert_eq!(refs, ["23", "24", "25"]);
    assert!(md.contains("77/229[^24] and"), "{md}");
}

#[test]
fn real_numbers_ending_in_a_note_number_are_not_split() {
    // The note ending the number is not the next one: mark 1 comes first, after "Council".
    let (refs, md) = refs_and_text(&pdf_page(
        &["Recalling resolution 70/12 of the Council,1 and the Agenda,2"],
        &[("1", "A."), ("2", "B.")],
    ));
    assert_eq!(refs, ["1", "2"]);
    assert!(md.contains("resolution 70/12 of the Council,[^1]"), "{md}");
    // The next mark, 1, is printed attached to a word before the next note's mark.
    let (_, md) = refs_and_text(&pdf_page(
        &["Recalling resolution 70/11 and the Agenda,1 and the Declaration,2"],
        &[("1", "A."), ("2", "B.")],
    ));
    assert!(md.contains("resolution 70/11 and the Agenda,[^1]"), "{md}");
    // No note 2 exists: "70/12" keeps its 2.
    let (refs, md) = refs_and_text(&pdf_page(
        &["Recalling the Agenda,1 and resolution 70/12 and the Declaration,"],
        &[("1", "A.")],
    ));
    assert_eq!(refs, ["1"]);
    assert!(md.contains("resolution 70/12 and"), "{md}");
    // Note 3 does not follow note 1 (no note 2): 3 is not the next mark.
    let (_, md) = refs_and_text(&pdf_page(
        &["Recalling the Agenda,1 and resolution 70/13 and the Declaration,"],
        &[("1", "A."), ("3", "C.")],
    ));
    assert!(md.contains("resolution 70/13 and"), "{md}");
}

#[test]
fn numbers_that_go_on_or_are_no_citations_keep_their_digits() {
    let notes = [("1", "A."), ("2", "B.")];
    // A citation followed by its date is complete; so is one followed by its part letter.
    let (_, md) = refs_and_text(&pdf_page(
        &["Recalling its resolutions 61/291 of 4 December 2006 and 55/331 D, and the Agenda,"],
        &notes,
    ));
    assert!(
        md.contains("61/291 of 4 December 2006 and 55/331 D"),
        "{md}"
    );
    // A budget period and a document symbol are no citations.
    let five = "Recalling its resolutions 79/1,1 79/2,2 79/3,3 79/4,4 79/5,5 and noting";
    let (_, md) = refs_and_text(&pdf_page(
        &[&format!("{five} the budget for 2025/26 and the reports,")],
        &numbered_notes(6),
    ));
    assert!(md.contains("budget for 2025/26 and"), "{md}");
    let (_, md) = refs_and_text(&pdf_page(
        &["Noting the report A/78/111 on the matter,"],
        &[("1", "A.")],
    ));
    assert!(md.contains("report A/78/111 on"), "{md}");
}

fn numbered_notes(n: usize) -> Vec<(&'static str, &'static str)> {
    ["1", "2", "3", "4", "5", "6"]
        .iter()
        .take(n)
        .map(|l| (*l, "A note."))
        .collect()
}

#[test]
fn preambular_paragraph_broken_by_a_starred_note_is_no_heading() {
    // Page 1 ends inside a preambular paragraph; the "*" note at its foot has no rule.
    let text = "United Nations \nA/C.2/80/L.13\n \n \nGeneral Assembly \nDistr.: Limited \n1 October 2025 \n \n25-16558 (E)    011025 \n*2516558* \n \nEightieth session \n \nIraq:* draft resolution \n \nInternational trade and development \n \nThe General Assembly, \n \nRecalling its resolution 79/1, \n \nWelcoming the convening of the Fourth International Conference on Financing \nfor Development, which sets forth a renewed global framework \n \n \n* On behalf of the States that are members of the Group of 77 and China. \n\nA/C.2/80/L.13 \n \n25-16558\n2/9 \n \nfor financing for development, building on the Addis Ababa Action Agenda, \n \nRecognizing the benefits of trade, \n \n1. \nDecides to act. \n";
    let d = segment(text);
    assert!(d.sections.is_empty(), "{:?}", d.sections);
    let texts: Vec<&str> = d.preamble.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(texts.len(), 3, "{texts:?}");
    assert!(texts[1].starts_with("Welcoming the convening"));
    assert!(texts[1].ends_with("global framework for financing for development, building on the Addis Ababa Action Agenda,"));
    assert_eq!(d.footnotes.len(), 1);
    assert_eq!(d.footnotes[0].label, "*");
}

#[test]
fn opening_phrase_and_paragraph_end_is_never_a_heading() {
    // In capitals, which a heading may end any way, but a paragraph by its opening and comma.
    assert!(!super::headings::looks_like_heading(
        "RECALLING ITS RESOLUTION 79/1,"
    ));
    assert!(super::headings::looks_like_heading("ANNUAL REPORT,"));
}

#[test]
fn security_council_headings_between_operative_paragraphs() {
    let text = "The Security Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n2a: Targeted sanctions\n\n3. Decides that all States shall freeze assets;\n\n(i) Exemptions, advance approvals and notifications\n\n4. Decides that the embargo shall not apply;\n\n5. Decides to remain seized of the matter.\n";
    let d = segment(text);
    let numbers: Vec<Option<u32>> = d.paragraphs().map(|p| p.number).collect();
    assert_eq!(numbers, [None, Some(1), Some(3), Some(4), Some(5)]);
    let headings: Vec<&str> = d.sections.iter().map(|s| s.heading.as_str()).collect();
    assert_eq!(
        headings,
        [
            "2a: Targeted sanctions",
            "Exemptions, advance approvals and notifications"
        ]
    );
    assert!(d.paragraphs().all(|p| p.sub.is_empty()));
}

#[test]
fn last_item_of_a_list_before_a_numbered_paragraph_is_no_heading() {
    let text = "The Economic and Social Council,\n\nRecalling its resolutions,\n\n1. Decides to act;\n\n(b) To make recommendations concerning ways and means; and\n\n2. Requests the Secretary-General to report.\n";
    let d = segment(text);
    assert!(d.sections.is_empty(), "{:?}", d.sections);
    assert_eq!(d.operative[0].sub.len(), 1);
}

#[test]
fn furniture_is_listed_by_class() {
    let (_, furniture) = super::with_furniture(PDF);
    let kinds: Vec<(FurnitureKind, &str)> = furniture
        .iter()
        .map(|f| (f.kind, PDF[f.span.start..f.span.end].trim()))
        .collect();
    assert!(kinds.contains(&(FurnitureKind::JobNumber, "23-24979 (E)    201223")));
    assert!(kinds.contains(&(FurnitureKind::Barcode, "*2324979*")));
    assert!(kinds.contains(&(FurnitureKind::Symbol, "A/RES/78/100")));
    assert!(kinds.contains(&(
        FurnitureKind::RunningHead,
        "Dissemination of information on decolonization"
    )));
    assert!(kinds.contains(&(FurnitureKind::PageNumber, "2/3")));
    assert!(kinds.contains(&(FurnitureKind::FootnoteRule, "__________________")));
    let clean = "<!-- Page 1 -->\nThe General Assembly,\n\n1.\tDecides to act.\n\n95-76363\n";
    let (_, furniture) = super::with_furniture(clean);
    let kinds: Vec<FurnitureKind> = furniture.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [FurnitureKind::Marker, FurnitureKind::JobNumber]);
}

#[test]
fn a_citation_on_a_line_of_its_own_is_not_a_page_number() {
    // A justified paragraph extracted a word per line: "73/89" is text, "2/3" (the page
    // count the other page numbers give) is furniture.
    let text = PDF.replace(
        "noting the role of the administering Powers,",
        "noting \nits \nresolution \n73/89 \nof \n6 December \n2018,",
    ) + "\nA/RES/78/100 \n3/3 \n";
    let d = segment(&text);
    assert!(
        d.preamble[1]
            .text
            .ends_with("and noting its resolution 73/89 of 6 December 2018,"),
        "{}",
        d.preamble[1].text
    );
}

#[test]
fn a_table_is_kept_under_the_paragraph_that_introduces_it() {
    let mut text = pdf_page(&["Recalling its resolution 79/249,"], &[]);
    text = text.replace(
        "1. \nDecides to act. \n",
        "1. \nResolves that the scale shall be as follows: \n \nMember State \nPercentage \nAfghanistan \n0.005 \nAlbania \n0.010 \nAlgeria \n0.087 \n \n2. \nDecides to act. \n",
    );
    let d = segment(&text);
    let table = &d.operative[0].sub[0];
    assert!(table.is_table());
    assert_eq!(
        table.text,
        "Member State | Percentage | Afghanistan | 0.005 | Albania | 0.010 | Algeria | 0.087"
    );
    assert_eq!(d.operative[1].number, Some(2));
    // The draft format keeps it, and fmt leaves it without an end mark.
    let md = crate::write_markdown(&d);
    let back = crate::parse_markdown(&md).expect("parses");
    assert_eq!(back.operative[0].sub[0].text, table.text);
    assert_eq!(
        crate::format(&md).expect("formats"),
        crate::format(&crate::format(&md).expect("formats")).expect("formats")
    );
    assert!(crate::format(&md).expect("formats").contains("| 0.087\n"));
}

#[test]
fn a_spaced_mark_after_a_citation_is_a_mark() {
    let text = pdf_page(
        &["Taking note of the reports submitted pursuant to resolutions 71/205 1 and 72/190, 2 \nand the reports of the Secretary-General,"],
        &[("1", "See A/72/498."), ("2", "See A/73/404.")],
    );
    let (refs, md) = refs_and_text(&text);
    assert_eq!(refs, ["1", "2"]);
    assert!(
        md.contains("resolutions 71/205[^1] and 72/190,[^2] and"),
        "{md}"
    );
}

#[test]
fn a_mark_glued_to_the_next_word_is_a_mark() {
    let text = pdf_page(
        &["Recalling all previous resolutions 1on the follow-up to the Conference, and the 3rd and 2nd reports,"],
        &[("1", "Resolutions 70/192 and 71/217.")],
    );
    let (refs, md) = refs_and_text(&text);
    assert_eq!(refs, ["1"]);
    assert!(md.contains("resolutions[^1] on the follow-up"), "{md}");
    assert!(md.contains("the 3rd and 2nd reports"), "{md}");
}
