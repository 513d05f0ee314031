//! DOCX export: the sample draft and real corpus resolutions written as Word files read
//! back (through `resolute_convert::read` and `resolute_draft::segment`) into the same
//! paragraphs; LibreOffice opens them; Track Changes documents read as the current text
//! with every revision accepted and as the base text with every revision rejected.

use crate::support::{corpus_dir, lcs_share, soffice_convert, words};
use quick_xml::events::Event;
use resolute_convert::docx::{write, write_tracked};
use resolute_convert::read;
use resolute_draft::{parse_markdown, segment, Draft, Kind};
use std::io::Read;
use std::path::PathBuf;

/// (kind, number, text, subparagraphs (label, level, text, notes), notes): `notes` are the
/// texts of the footnotes the paragraph refers to, so a note must come back attached to the
/// same paragraph (labels may change: the export numbers notes 1, 2, ... in order).
type ParagraphKey = (
    Kind,
    Option<u32>,
    String,
    Vec<(String, u8, String, Vec<String>)>,
    Vec<String>,
);

/// What must survive the round trip: every paragraph with the footnotes it refers to, and
/// the footnote texts in order.
fn key(d: &Draft) -> (Vec<ParagraphKey>, Vec<String>) {
    let note = |label: &String| {
        d.footnotes
            .iter()
            .find(|f| &f.label == label)
            .map_or_else(|| format!("missing note {label}"), |f| f.text.clone())
    };
    let paragraphs = d.paragraphs().map(|p| {
        let sub = p.sub.iter().map(|s| {
            let notes = s.footnote_refs.iter().map(note).collect();
            (s.label.clone(), s.level, s.text.clone(), notes)
        });
        let notes = p.footnote_refs.iter().map(note).collect();
        (p.kind, p.number, p.text.clone(), sub.collect(), notes)
    });
    let notes = d.footnotes.iter().map(|f| f.text.clone());
    (paragraphs.collect(), notes.collect())
}

fn sample() -> Draft {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/draft.md");
    parse_markdown(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn round_trip(draft: &Draft) -> Draft {
    let bytes = write(draft).unwrap();
    segment(&read(&bytes, "draft.docx").unwrap().text)
}

#[test]
fn sample_draft_reads_back_the_same() {
    let draft = sample();
    assert!(draft.paragraphs().count() > 10 && draft.footnotes.len() == 2);
    // Footnotes included: the same notes, attached to the same paragraphs, marks removed.
    let back = round_trip(&draft);
    assert_eq!(key(&back), key(&draft));
    assert_eq!(back.footnotes.len(), 2);
    assert!(back.preamble[4].text.ends_with("no longer be reversed,"));
    assert_eq!(back.preamble[4].footnote_refs, ["1"]);
    assert_eq!(back.operative[0].footnote_refs, ["2"]);
    // The masthead (symbol, body, session, agenda item), sponsors and title read back.
    let mut meta = back.meta.clone();
    meta.span = None;
    let mut want = draft.meta.clone();
    want.span = None;
    assert_eq!(meta, want);
    let text = read(&write(&draft).unwrap(), "d.docx").unwrap().text;
    assert!(
        text.starts_with(
            "A/C.2/81/L.99\n\nGeneral Assembly\n\nEighty-first session\nAgenda item 18 (b)"
        ),
        "{text}"
    );
    // Real footnotes: numbered marks where the paragraphs refer to them, the notes listed
    // after the rule by the reader, one block each.
    assert!(text.contains("no longer be reversed,1\n\n"), "{text}");
    assert!(text.contains("shared aquifers;2\n\n"), "{text}");
    let notes = text
        .rsplit_once("__________________\n\n")
        .map(|(_, n)| n)
        .unwrap();
    let expected: Vec<String> = draft
        .footnotes
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{} {}", i + 1, f.text))
        .collect();
    assert_eq!(notes.trim_end().split("\n\n").collect::<Vec<_>>(), expected);
}

/// A note no paragraph refers to is not dropped: it is listed after the text and reads
/// back as a footnote, the referenced one still attached to its paragraph.
#[test]
fn a_note_no_paragraph_refers_to_reads_back() {
    let md = "*The General Assembly*,\n\n*Recalling* its resolution 70/1,[^1]\n\n\
              1. *Decides* to act.\n\n[^1]: Resolution 70/1.\n\n[^2]: A note of an annex.\n";
    let draft = parse_markdown(md).unwrap();
    assert_eq!(draft.footnotes.len(), 2);
    let back = round_trip(&draft);
    assert_eq!(key(&back), key(&draft));
    assert_eq!(back.preamble[0].footnote_refs, ["1"]);
}

/// The parts and the layout a UN draft needs are there: styles in Times New Roman 10 pt,
/// italic openings, hanging indents, real footnote references.
#[test]
fn package_has_the_un_layout() {
    let bytes = write(&sample()).unwrap();
    let styles = part(&bytes, "word/styles.xml");
    assert!(
        styles.contains(r#"w:ascii="Times New Roman""#) && styles.contains(r#"<w:sz w:val="20"/>"#)
    );
    assert!(styles.contains(r#"w:hanging="634""#));
    let doc = part(&bytes, "word/document.xml");
    assert!(doc
        .contains(r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Recalling</w:t></w:r>"#));
    assert!(doc.contains("<w:footnoteReference w:id=\"1\"/>"));
    assert!(part(&bytes, "word/footnotes.xml").contains("<w:footnote w:id=\"1\">"));
    for name in [
        "[Content_Types].xml",
        "_rels/.rels",
        "word/_rels/document.xml.rels",
        "word/settings.xml",
        "docProps/core.xml",
    ] {
        assert!(!part(&bytes, name).is_empty(), "{name}");
    }
}

#[test]
fn markup_characters_are_escaped() {
    let draft = segment("The General Assembly,\n\n1.\tDecides that \"A & B\" <shall> act;\n");
    let back = round_trip(&draft);
    assert_eq!(key(&back), key(&draft));
    assert_eq!(
        back.operative.first().map(|p| p.text.as_str()),
        Some("Decides that \"A & B\" <shall> act;")
    );
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

/// Real resolutions in their clean text, every n-th file for `count`.
fn real_resolutions(count: usize) -> Option<Vec<PathBuf>> {
    every_nth(&corpus_dir()?.join("texts/clean-paragraphs"), count)
}

/// Every n-th text file under `dir` (sorted), `count` of them.
fn every_nth(dir: &std::path::Path, count: usize) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).ok()?.filter_map(Result::ok) {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "txt") {
                files.push(path);
            }
        }
    }
    files.sort();
    let step = (files.len() / count).max(1);
    Some(files.into_iter().step_by(step).take(count).collect())
}

/// Round trips of real texts: (read back the same, had footnotes, gave back the same notes).
fn round_trips(files: &[PathBuf]) -> (usize, usize, usize) {
    let (mut same, mut with_notes, mut notes_back) = (0, 0, 0);
    for file in files {
        let draft = segment(&std::fs::read_to_string(file).unwrap());
        let back = round_trip(&draft);
        if !draft.footnotes.is_empty() {
            with_notes += 1;
            notes_back += usize::from(key(&back).1 == key(&draft).1);
        }
        if key(&back) == key(&draft) {
            same += 1;
        } else {
            println!("docx export differs on read-back: {}", file.display());
            print_first_difference(&draft, &back);
        }
    }
    (same, with_notes, notes_back)
}

/// Where a read-back draft first differs from the original, for the test's output.
fn print_first_difference(want: &Draft, got: &Draft) {
    let (a, b) = (key(want), key(got));
    let i = a.0.iter().zip(&b.0).position(|(x, y)| x != y);
    if let Some(i) = i {
        println!(
            "  paragraph {i}:\n    want {:?}\n    got  {:?}",
            a.0.get(i),
            b.0.get(i)
        );
    } else if a.0.len() != b.0.len() {
        println!("  {} paragraphs, {} read back", a.0.len(), b.0.len());
    }
    if let Some(n) = a.1.iter().zip(&b.1).position(|(x, y)| x != y) {
        println!(
            "  note {n}:\n    want {:?}\n    got  {:?}",
            a.1.get(n),
            b.1.get(n)
        );
    } else if a.1.len() != b.1.len() {
        println!("  {} notes, {} read back", a.1.len(), b.1.len());
    }
}

/// 50 real resolutions (clean texts) and 50 GA resolutions as extracted from their PDFs
/// (which have footnotes; the clean sample has none): segmented, written as DOCX, read and
/// segmented again; the same paragraphs, subparagraphs and footnotes (each attached to the
/// same paragraph) come back.
///
/// A note no paragraph refers to (a note of an annex: the model keeps no marks in annex
/// text; or a note whose mark the PDF reader did not find) has no place for a Word
/// reference: it is listed as text after the rule at the end, so it comes back, but after
/// the Word footnotes — out of order when it stood between referenced notes.
#[test]
fn real_resolutions_read_back_the_same() {
    let (Some(clean), Some(corpus)) = (real_resolutions(50), corpus_dir()) else {
        return;
    };
    let pdf = every_nth(&corpus.join("texts/raw-pdf/ga-resolutions"), 50).unwrap();
    for (what, files) in [("clean", &clean), ("raw-pdf", &pdf)] {
        let (same, with_notes, notes_back) = round_trips(files);
        let n = files.len();
        println!(
            "docx export ({what}): {same}/{n} real resolutions read back the same paragraphs \
             and footnotes; {notes_back}/{with_notes} of those with footnotes give back the \
             same notes"
        );
        assert_eq!(n, 50);
        assert!(same * 100 >= n * 95, "{what}: only {same} of {n}");
        assert!(notes_back * 100 >= with_notes * 95, "{what}: notes");
    }
}

/// LibreOffice opens the export, prints it to PDF and saves it again as DOCX; both read
/// back with the same paragraphs. Skips when soffice is not installed.
#[test]
fn libreoffice_opens_prints_and_resaves_the_export() {
    let dir = std::env::temp_dir().join(format!("resolute-docx-write-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let draft = sample();
    std::fs::write(dir.join("draft.docx"), write(&draft).unwrap()).unwrap();
    let pdf = soffice_convert(&dir, "draft.docx", "pdf");
    let _ = std::fs::remove_dir_all(&dir);
    let resaved = soffice_resave(&write(&draft).unwrap(), "export");
    let (Some(pdf), Some(resaved)) = (pdf, resaved) else {
        resolute_testkit::skip("soffice (LibreOffice) not available");
        return;
    };
    // The printed PDF: every word of the paragraphs in order, the operative numbers.
    let pdf_text = read(&pdf, "draft.pdf").unwrap().text;
    let body: String = draft.paragraphs().map(|p| format!("{} ", p.text)).collect();
    let share = lcs_share(&words(&body), &words(&pdf_text));
    assert!(
        share > 0.99,
        "PDF printed by LibreOffice keeps {share:.3} of the words"
    );
    let numbers = |d: &Draft| d.paragraphs().filter_map(|p| p.number).collect::<Vec<_>>();
    assert_eq!(numbers(&segment(&pdf_text)), numbers(&draft));
    let ours = part(&write(&draft).unwrap(), "word/document.xml");
    assert_ne!(
        part(&resaved, "word/document.xml"),
        ours,
        "not re-saved by LibreOffice"
    );
    let from_docx = segment(&read(&resaved, "resaved.docx").unwrap().text);
    assert_eq!(key(&from_docx), key(&draft), "DOCX re-saved by LibreOffice");
}

/// The DOCX as LibreOffice saves it again (Word 2007 filter), `None` without soffice. The
/// output goes to another folder so that it cannot be mistaken for the input.
fn soffice_resave(docx: &[u8], tag: &str) -> Option<Vec<u8>> {
    let dir = std::env::temp_dir().join(format!("resolute-resave-{tag}-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("in")).ok()?;
    std::fs::write(dir.join("in/draft.docx"), docx).ok()?;
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args([
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
        ])
        .arg(dir.join("out"))
        .arg(dir.join("in/draft.docx"))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status();
    let out = std::fs::read(dir.join("out/draft.docx")).ok();
    let _ = std::fs::remove_dir_all(&dir);
    status.ok()?.success().then_some(out).flatten()
}

/// The text of document.xml with every revision accepted (or rejected): paragraphs with
/// no text left are gone, the rest separated by blank lines, as the DOCX reader lays out.
fn revisions_applied(xml: &str, accept: bool) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut ins, mut del, mut in_text, mut in_ppr) = (0usize, 0usize, false, false);
    let (mut paragraphs, mut current) = (Vec::new(), String::new());
    loop {
        let shown = |ins: usize, del: usize| if accept { del == 0 } else { ins == 0 };
        match reader.read_event().unwrap() {
            Event::Start(e) => match e.local_name().as_ref() {
                b"ins" if !in_ppr => ins += 1,
                b"del" if !in_ppr => del += 1,
                b"t" | b"delText" => in_text = true,
                b"pPr" => in_ppr = true,
                _ => {}
            },
            Event::Empty(e) if !in_ppr && shown(ins, del) => match e.local_name().as_ref() {
                b"tab" => current.push('\t'),
                b"br" => current.push('\n'),
                _ => {}
            },
            Event::Text(t) if in_text && shown(ins, del) => {
                current.push_str(&t.xml_content().unwrap())
            }
            Event::GeneralRef(r) if in_text && shown(ins, del) => {
                current.push_str(entity(&r.decode().unwrap()))
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"ins" if !in_ppr => ins -= 1,
                b"del" if !in_ppr => del -= 1,
                b"t" | b"delText" => in_text = false,
                b"pPr" => in_ppr = false,
                b"p" => paragraphs.push(std::mem::take(&mut current)),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    paragraphs.retain(|p| !p.trim().is_empty());
    paragraphs.join("\n\n")
}

fn entity(name: &str) -> &'static str {
    match name {
        "amp" => "&",
        "lt" => "<",
        "gt" => ">",
        "quot" => "\"",
        "apos" => "'",
        other => panic!("unexpected entity {other}"),
    }
}

/// (kind, number, text, subparagraphs (label, text)).
type TextKey = (Kind, Option<u32>, String, Vec<(String, String)>);

/// Paragraphs, numbers and subparagraphs without footnotes (footnote references follow
/// the current text and are not tracked).
fn text_key(d: &Draft) -> Vec<TextKey> {
    d.paragraphs()
        .map(|p| {
            let sub = p.sub.iter().map(|s| (s.label.clone(), s.text.clone()));
            (p.kind, p.number, p.text.clone(), sub.collect())
        })
        .collect()
}

/// Writes `current` tracked against `base` and checks both readings.
fn check_tracked(base: &Draft, current: &Draft) -> bool {
    let bytes = write_tracked(
        base,
        current,
        "Delegation of Eastland",
        "2026-11-28T09:00:00Z",
    )
    .unwrap();
    let xml = part(&bytes, "word/document.xml");
    let accepted = segment(&revisions_applied(&xml, true));
    let rejected = segment(&revisions_applied(&xml, false));
    for (got, want, what) in [
        (&accepted, current, "accepted"),
        (&rejected, base, "rejected"),
    ] {
        let (g, w) = (text_key(got), text_key(want));
        if g != w {
            let at = g
                .iter()
                .zip(&w)
                .position(|(x, y)| x != y)
                .unwrap_or(g.len().min(w.len()));
            println!(
                "{what}: {} vs {} paragraphs; first difference at {at}:\n  got  {:?}\n  want {:?}",
                g.len(),
                w.len(),
                g.get(at),
                w.get(at)
            );
            return false;
        }
    }
    true
}

#[test]
fn track_changes_accept_all_gives_current_and_reject_all_gives_base() {
    let base = sample();
    let source = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/draft.md"),
    )
    .unwrap();
    // Reworded, renumbered, a paragraph removed and one inserted.
    let edited = source
        .replacen(
            "*Recalling* its resolution 70/1",
            "*Recalling also* its resolution 70/1",
            1,
        )
        .replacen(
            "1. *Takes note*",
            "1. *Welcomes* the plan;\n\n2. *Takes note*",
            1,
        );
    let current = parse_markdown(&edited).unwrap();
    assert_ne!(text_key(&base), text_key(&current));
    assert!(check_tracked(&base, &current));
    let bytes = write_tracked(&base, &current, "A & B", "2026-11-28T09:00:00Z").unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(
        xml.contains(r#"<w:ins w:id="#)
            && xml.contains(r#"w:author="A &amp; B" w:date="2026-11-28T09:00:00Z""#)
    );
    assert!(xml.contains("<w:delText"));
    // Openings stay italic in the tracked document, inserted words included.
    assert!(xml.contains(
        r#"<w:r><w:rPr><w:i/></w:rPr><w:t xml:space="preserve">Reaffirming</w:t></w:r>"#
    ));
    assert!(check_tracked(&current, &base), "the other way round");
    assert!(check_tracked(&base, &base));
}

/// Real resolutions tracked against other real resolutions (the hardest case: little in
/// common, sections, subparagraphs, moves) still read as each text.
#[test]
fn track_changes_between_real_resolutions() {
    let Some(files) = real_resolutions(50) else {
        return;
    };
    let drafts: Vec<Draft> = files
        .iter()
        .map(|f| segment(&std::fs::read_to_string(f).unwrap()))
        .collect();
    let mut ok = 0;
    for pair in drafts.windows(2) {
        if let [a, b] = pair {
            if check_tracked(a, b) {
                ok += 1;
            }
        }
    }
    let pairs = drafts.len().saturating_sub(1);
    let sectioned = drafts.iter().filter(|d| !d.sections.is_empty()).count();
    let with_subs = drafts
        .iter()
        .filter(|d| d.paragraphs().any(|p| !p.sub.is_empty()))
        .count();
    println!("track changes: {sectioned} of the drafts have sections, {with_subs} subparagraphs");
    assert!(
        sectioned > 0 && with_subs > 0,
        "the sample must exercise sections and subparagraphs"
    );
    println!("track changes: {ok}/{pairs} real pairs accept/reject exactly");
    assert_eq!(ok, pairs);
}

/// LibreOffice takes the revisions for tracked changes: re-saved as DOCX, the document
/// still reads as the current text accepted and as the base text rejected. Skips when
/// soffice is not installed.
#[test]
fn libreoffice_keeps_the_tracked_changes() {
    let base = segment("The General Assembly,\n\nRecalling its resolution 70/1,\n\n1.\tDecides to act now;\n\n2.\tRequests a report.\n");
    let current = segment("The General Assembly,\n\nRecalling also its resolution 70/1,\n\n1.\tWelcomes the plan;\n\n2.\tDecides to act;\n\n3.\tRequests a report.\n");
    let bytes = write_tracked(&base, &current, "Eastland", "2026-11-28T09:00:00Z").unwrap();
    let resaved = soffice_resave(&bytes, "track");
    let Some(resaved) = resaved else {
        resolute_testkit::skip("soffice (LibreOffice) not available");
        return;
    };
    let xml = part(&resaved, "word/document.xml");
    assert_ne!(
        xml,
        part(&bytes, "word/document.xml"),
        "not re-saved by LibreOffice"
    );
    assert!(xml.contains("w:author=\"Eastland\""), "{xml}");
    let accepted = segment(&revisions_applied(&xml, true));
    let rejected = segment(&revisions_applied(&xml, false));
    assert_eq!(text_key(&accepted), text_key(&current));
    assert_eq!(text_key(&rejected), text_key(&base));
}
