//! DOCX files built in memory (Word's automatic numbering, footnotes, tables, tracked
//! deletions, hidden text), and spot checks of the two real UN DOCX files.

use crate::support::{corpus_dir, lcs_share, soffice_convert, words, zip};
use resolute_convert::{read, Format};

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

fn para(num: Option<(u32, u32)>, runs: &str) -> String {
    let ppr = num
        .map(|(id, lvl)| {
            format!(r#"<w:pPr><w:numPr><w:ilvl w:val="{lvl}"/><w:numId w:val="{id}"/></w:numPr></w:pPr>"#)
        })
        .unwrap_or_default();
    format!("<w:p>{ppr}{runs}</w:p>")
}

fn run(text: &str) -> String {
    format!(r#"<w:r><w:t xml:space="preserve">{text}</w:t></w:r>"#)
}

fn document() -> String {
    let body = [
        para(None, &run("The General Assembly,")),
        para(
            None,
            &format!(
                r#"{}<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:footnoteReference w:id="2"/></w:r>"#,
                run("Recalling its resolution 77/148 of 12 December 2022 on the dissemination of information on decolonization,")
            ),
        ),
        para(Some((1, 0)), &run("Decides to continue;")),
        para(
            Some((1, 0)),
            &format!(
                r#"{}<w:del w:id="9" w:author="x"><w:r><w:delText>strongly </w:delText></w:r></w:del>{}<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>"#,
                run("Requests "),
                run("the Secretary-General:")
            ),
        ),
        para(Some((1, 1)), &run("To report;")),
        para(Some((1, 1)), &run("To inform;")),
        para(Some((1, 0)), &run("Decides to remain seized of the matter.")),
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A/RES/77/148</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Decolonization</w:t></w:r></w:p></w:tc></w:tr>\
         <w:tr><w:tc><w:p><w:r><w:t>A/RES/61/129</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Leaflet</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"
            .to_string(),
    ]
    .concat();
    format!("<w:document {W}><w:body>{body}<w:sectPr/></w:body></w:document>")
}

fn numbering() -> String {
    format!(
        r#"<w:numbering {W}><w:abstractNum w:abstractNumId="7">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:suff w:val="tab"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>
        </w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#
    )
}

fn footnotes() -> String {
    format!(
        r#"<w:footnotes {W}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
        <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> See A/78/23.</w:t></w:r></w:p></w:footnote></w:footnotes>"#
    )
}

fn core() -> &'static str {
    r#"<cp:coreProperties xmlns:cp="cp" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="dcterms">
      <dc:title>A/C.4/78/L.5</dc:title><dc:creator>Drafter</dc:creator><dc:language>en-GB</dc:language>
      <dcterms:created>2023-10-02T09:00:00Z</dcterms:created></cp:coreProperties>"#
}

fn built_docx() -> Vec<u8> {
    let (document, numbering, footnotes) = (document(), numbering(), footnotes());
    zip(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("word/document.xml", document.as_bytes()),
        ("word/numbering.xml", numbering.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
        ("docProps/core.xml", core().as_bytes()),
    ])
}

#[test]
fn automatic_numbers_footnotes_and_tables_come_out_as_text() {
    let doc = read(&built_docx(), "draft.docx").unwrap();
    assert_eq!(doc.format, Format::Docx);
    assert_eq!(
        doc.text,
        "The General Assembly,\n\n\
         Recalling its resolution 77/148 of 12 December 2022 on the dissemination of information on decolonization,1\n\n\
         1. Decides to continue;\n\n\
         2. Requests the Secretary-General:\n\n\
         (a) To report;\n\n\
         (b) To inform;\n\n\
         3. Decides to remain seized of the matter.\n\n\
         A/RES/77/148\tDecolonization\nA/RES/61/129\tLeaflet\n\n\
         __________________\n\n1 See A/78/23.\n"
    );
    assert_eq!(doc.meta.symbol.as_deref(), Some("A/C.4/78/L.5"));
    assert_eq!(doc.meta.date.as_deref(), Some("2023-10-02"));
    assert_eq!(doc.meta.language.as_deref(), Some("en-GB"));
    assert_eq!(doc.meta.author.as_deref(), Some("Drafter"));
}

#[test]
fn segmentation_sees_the_generated_operative_numbers() {
    let doc = read(&built_docx(), "draft.docx").unwrap();
    let draft = resolute_draft::segment(&doc.text);
    let operative: Vec<_> = draft
        .paragraphs()
        .filter(|p| p.kind == resolute_draft::Kind::Operative)
        .collect();
    let numbers: Vec<Option<u32>> = operative.iter().map(|p| p.number).collect();
    assert_eq!(numbers, vec![Some(1), Some(2), Some(3)], "{draft:#?}");
    assert_eq!(operative[1].sub.len(), 2, "{draft:#?}");
    // The note listed after the rule is read as a footnote, its mark taken out of the text.
    let notes: Vec<_> = draft
        .footnotes
        .iter()
        .map(|f| (&*f.label, &*f.text))
        .collect();
    assert_eq!(notes, [("1", "See A/78/23.")]);
    let recalling = draft.preamble.first().unwrap();
    assert!(
        recalling.text.ends_with("on decolonization,"),
        "{recalling:#?}"
    );
    assert_eq!(recalling.footnote_refs, ["1"]);
}

#[test]
fn real_un_docx_files_give_text_and_tables() {
    let Some(corpus) = corpus_dir() else { return };
    let read_file = |name: &str| {
        let bytes = std::fs::read(corpus.join("files").join(name)).unwrap();
        read(&bytes, name).unwrap()
    };
    let sect35 = read_file("A_80_6_SECT.35.docx");
    assert_eq!(sect35.meta.symbol.as_deref(), Some("A/80/6 (Sect. 35)"));
    assert!(sect35
        .text
        .contains("The Development Account was established in 1997"));
    assert!(sect35
        .text
        .contains("\n52/12 B\tRenewing the United Nations: a programme for reform\n"));
    let corr = read_file("A_80_6_SECT.24__CORR.1.docx");
    assert_eq!(
        corr.meta.symbol.as_deref(),
        Some("A/80/6 (Sect. 24)/Corr.1")
    );
    assert!(corr.text.contains(
        "\n63/170\tRegional arrangements for the promotion and protection of human rights\n"
    ));
    let rows = corr.text.lines().filter(|l| l.contains('\t')).count();
    assert!(rows >= 10, "only {rows} table rows");
}

#[test]
fn text_box_comes_out_once_and_moved_text_not_at_all() {
    let box_para =
        |t: &str| format!("<w:txbxContent><w:p><w:r><w:t>{t}</w:t></w:r></w:p></w:txbxContent>");
    let body = format!(
        r#"<w:p><w:r><w:t>Before </w:t></w:r><w:r><mc:AlternateContent xmlns:mc="mc"><mc:Choice Requires="wps"><w:drawing>{}</w:drawing></mc:Choice><mc:Fallback><w:pict>{}</w:pict></mc:Fallback></mc:AlternateContent></w:r><w:r><w:t>after.</w:t></w:r></w:p>
        <w:p><w:moveFrom w:id="1" w:author="x"><w:r><w:t>Moved away.</w:t></w:r></w:moveFrom><w:moveTo w:id="2" w:author="x"><w:r><w:t>Moved here.</w:t></w:r></w:moveTo></w:p>"#,
        box_para("Box text"),
        box_para("Box text")
    );
    let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
    let doc = read(&zip(&[("word/document.xml", xml.as_bytes())]), "x.docx").unwrap();
    assert_eq!(doc.text.matches("Box text").count(), 1, "{}", doc.text);
    assert!(!doc.text.contains("Moved away"), "{}", doc.text);
    assert!(doc.text.contains("Moved here."), "{}", doc.text);
}

/// A DOCX written by another word processor: LibreOffice turns an HTML draft with nested
/// ordered lists into Word numbering definitions of its own making. Skips when
/// `soffice` is not installed.
#[test]
fn libreoffice_saved_docx_keeps_its_numbers() {
    let dir = std::env::temp_dir().join(format!("resolute-convert-lo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let html = "<html><body><p>The General Assembly,</p>\
        <ol><li><i>Decides</i> to continue;</li><li><i>Requests</i> the Secretary-General:\
        <ol type=\"a\"><li>To report;</li><li>To inform;</li></ol></li>\
        <li><i>Decides</i> to remain seized of the matter.</li></ol></body></html>";
    std::fs::write(dir.join("draft.html"), html).unwrap();
    let docx = soffice_convert(&dir, "draft.html", "docx:MS Word 2007 XML");
    let _ = std::fs::remove_dir_all(&dir);
    let Some(docx) = docx else {
        resolute_testkit::skip("soffice (LibreOffice) not available");
        return;
    };
    let text = read(&docx, "draft.docx").unwrap().text;
    let labels: Vec<&str> = text
        .lines()
        .filter_map(|l| l.split_once(' ').map(|(label, _)| label))
        .filter(|label| label.ends_with('.') && label.len() <= 3)
        .collect();
    assert_eq!(labels, ["1.", "2.", "a.", "b.", "3."], "{text}");
}

/// The same real UN document read as DOCX and as the PDF LibreOffice prints from it: a
/// PDF from another producer than Word, with tables, gives the same words. Skips
/// without the corpus or soffice.
#[test]
fn real_docx_and_its_pdf_print_give_the_same_words() {
    let Some(corpus) = corpus_dir() else { return };
    let dir = std::env::temp_dir().join(format!("resolute-convert-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let name = "A_80_6_SECT.24__CORR.1.docx";
    let docx = std::fs::read(corpus.join("files").join(name)).unwrap();
    std::fs::write(dir.join(name), &docx).unwrap();
    let pdf = soffice_convert(&dir, name, "pdf");
    let _ = std::fs::remove_dir_all(&dir);
    let Some(pdf) = pdf else {
        resolute_testkit::skip("soffice (LibreOffice) not available");
        return;
    };
    let from_docx = words(&read(&docx, name).unwrap().text);
    let printed = read(&pdf, "printed.pdf").unwrap();
    assert_eq!(printed.format, Format::Pdf);
    let share = lcs_share(&from_docx, &words(&printed.text));
    println!(
        "DOCX words found in order in its LibreOffice PDF: {:.2}%",
        share * 100.0
    );
    assert!(share >= 0.98, "only {:.2}%", share * 100.0);
}
