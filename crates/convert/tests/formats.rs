//! `read` end to end for the markup and text formats: detection by content (whatever the
//! name says) and the text each gives.

use resolute_convert::{read, Format};

#[test]
fn html_is_detected_by_content_and_read_as_blocks() {
    let html = b"<!DOCTYPE html><html lang='en'><body><h1>Draft resolution</h1>\
        <p><em>Noting</em> the report,</p><p>1. <em>Decides</em> to continue.</p></body></html>";
    let doc = read(html, "download.bin").unwrap();
    assert_eq!(doc.format, Format::Html);
    assert_eq!(
        doc.text,
        "Draft resolution\n\nNoting the report,\n\n1. Decides to continue.\n"
    );
    assert_eq!(doc.meta.language.as_deref(), Some("en"));
}

#[test]
fn akn_is_detected_by_content() {
    let akn = br#"<?xml version="1.0"?><akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><statement name="resolution"><mainBody><paragraph><num>1.</num><content><p>Decides to remain seized.</p></content></paragraph></mainBody></statement></akomaNtoso>"#;
    let doc = read(akn, "r.txt").unwrap();
    assert_eq!(doc.format, Format::Akn);
    assert_eq!(doc.text, "1. Decides to remain seized.\n");
}

#[test]
fn utf16_text_with_bom_reads() {
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(
        "Réaffirmant sa résolution 77/148,\r\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes),
    );
    let doc = read(&bytes, "note.txt").unwrap();
    assert_eq!(doc.format, Format::Text);
    assert_eq!(doc.text, "Réaffirmant sa résolution 77/148,\n");
}

#[test]
fn plain_text_symbol_comes_from_the_first_lines() {
    let doc = read(
        b"United Nations\nA/C.3/80/L.10\n\nGeneral Assembly\n",
        "x.txt",
    )
    .unwrap();
    assert_eq!(doc.meta.symbol.as_deref(), Some("A/C.3/80/L.10"));
}
