//! Akoma Ntoso export and import: draft -> AKN -> draft gives the same model (spans and
//! Markdown sources aside) for the sample draft and for real resolutions of the corpus; the
//! XML is well-formed (and valid against the AKN 3.0 schema when xmllint and the schema are
//! installed, see scripts/setup.sh); no paragraph text breaks the XML.

use crate::support::corpus_dir;
use proptest::prelude::*;
use resolute_convert::akn::{read_draft, write};
use resolute_convert::ConvertError;
use resolute_draft::{Draft, Kind, Paragraph, Span};
use std::path::{Path, PathBuf};

/// Real resolutions the corpus round trip takes (spread over every folder).
const CORPUS_SAMPLE: usize = 50;

/// The draft without what an XML file cannot give back: spans into the source and the
/// Markdown inline sources (rebuilt from text, opening and footnotes on import).
fn comparable(draft: &Draft) -> Draft {
    let mut d = draft.clone();
    d.meta.span = None;
    if let Some(e) = d.enacting.as_mut() {
        e.span = Span::default();
    }
    let clear = |p: &mut Paragraph| {
        p.span = Span::default();
        p.markdown.clear();
        for s in &mut p.sub {
            s.span = Span::default();
            s.markdown.clear();
        }
    };
    d.preamble
        .iter_mut()
        .chain(d.operative.iter_mut())
        .for_each(clear);
    for s in &mut d.sections {
        s.span = Span::default();
        s.preamble
            .iter_mut()
            .chain(s.operative.iter_mut())
            .for_each(clear);
    }
    if let Some(c) = d.closing.as_mut() {
        c.span = Span::default();
    }
    for a in &mut d.annexes {
        a.span = Span::default();
        a.markdown.clear();
    }
    for f in &mut d.footnotes {
        f.span = Span::default();
        f.markdown.clear();
    }
    d
}

fn round_trip(draft: &Draft) -> Result<Draft, ConvertError> {
    read_draft(&write(draft))
}

fn sample_draft() -> Draft {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/draft.md");
    let src = std::fs::read_to_string(path).expect("the sample draft is part of the project");
    resolute_draft::parse_markdown(&src).expect("the sample draft parses")
}

#[test]
fn sample_draft_round_trips_without_loss() {
    let draft = sample_draft();
    assert!(draft.footnotes.len() >= 2 && draft.paragraphs().any(|p| !p.sub.is_empty()));
    let back = round_trip(&draft).unwrap();
    assert_eq!(comparable(&back), comparable(&draft));
    // The Markdown rebuilt on import keeps the emphasis and the footnote references.
    let first = back
        .paragraphs()
        .find(|p| !p.footnote_refs.is_empty())
        .unwrap();
    assert!(
        first.markdown.starts_with('*') && first.markdown.contains("[^"),
        "{}",
        first.markdown
    );
}

#[test]
fn export_has_the_akn4un_layout() {
    let xml = write(&sample_draft());
    for part in [
        "<statement name=\"resolution\">",
        "<FRBRnumber value=\"A/C.2/81/L.99\"/>",
        "<formula name=\"enactingFormula\"",
        "<container name=\"preambularParagraph\"",
        "<num>1.</num>",
        "<num>(a)</num>",
        "<authorialNote ",
        "<i>Recalling</i>",
    ] {
        assert!(xml.contains(part), "missing {part}");
    }
    let preamble = xml.find("<preamble>").unwrap();
    assert!(preamble < xml.find("<mainBody>").unwrap());
}

/// Text files spread evenly over the corpus's resolution folders.
fn corpus_texts(corpus: &Path, count: usize) -> Vec<PathBuf> {
    let folders = [
        "texts/raw-pdf/ga-resolutions",
        "texts/clean-paragraphs/ga-resolutions",
        "texts/clean-paragraphs/sc-resolutions",
        "texts/clean-paragraphs/hrc-resolutions",
        "texts/clean-paragraphs/ecosoc-resolutions",
    ];
    let per = count.div_ceil(folders.len());
    let mut out = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(corpus.join(folder)) else {
            continue;
        };
        let mut files: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        files.sort();
        let step = (files.len() / per).max(1);
        out.extend(files.into_iter().step_by(step).take(per));
    }
    out.truncate(count);
    out
}

#[test]
fn real_resolutions_round_trip_without_loss() {
    let Some(corpus) = corpus_dir() else { return };
    let files = corpus_texts(&corpus, CORPUS_SAMPLE);
    assert_eq!(
        files.len(),
        CORPUS_SAMPLE,
        "the corpus should offer {CORPUS_SAMPLE} texts"
    );
    let (mut same, mut paragraphs, mut footnotes) = (0, 0, 0);
    let (mut sections, mut annexes, mut closings, mut subs) = (0, 0, 0, 0);
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let draft = resolute_draft::segment(&text);
        let back = round_trip(&draft).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        if comparable(&back) == comparable(&draft) {
            same += 1;
        } else {
            println!("differs: {}", file.display());
        }
        paragraphs += draft.paragraphs().count();
        footnotes += draft.footnotes.len();
        sections += draft.sections.len();
        annexes += draft.annexes.len();
        closings += usize::from(draft.closing.is_some());
        subs += draft.paragraphs().map(|p| p.sub.len()).sum::<usize>();
    }
    println!(
        "AKN round trip: {same}/{} real resolutions give the same model \
         ({paragraphs} paragraphs, {subs} subparagraphs, {footnotes} footnotes, \
         {sections} sections, {closings} closing formulas, {annexes} annexes)",
        files.len()
    );
    assert_eq!(same, files.len());
    // The sample must exercise every part of the model, or the figure proves little.
    assert!(footnotes > 0 && sections > 0 && annexes > 0 && closings > 0 && subs > 0);
}

/// The paragraphs of a draft as the reader sees them: where each sits (preamble,
/// operative, which section), its label and its text, with the closing formula apart.
fn paragraph_list(d: &Draft) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let mut push = |place: &str, p: &Paragraph| {
        let number = p.number.map(|n| n.to_string()).unwrap_or_default();
        out.push((place.to_string(), number, p.text.clone()));
        for s in &p.sub {
            out.push((format!("{place} sub"), s.label.clone(), s.text.clone()));
        }
    };
    d.preamble.iter().for_each(|p| push("PP", p));
    d.operative.iter().for_each(|p| push("OP", p));
    for (i, s) in d.sections.iter().enumerate() {
        s.preamble.iter().for_each(|p| push(&format!("{i} PP"), p));
        s.operative.iter().for_each(|p| push(&format!("{i} OP"), p));
    }
    if let Some(c) = &d.closing {
        let date = c.date.clone().unwrap_or_default();
        out.push(("closing".into(), date, c.meeting.clone()));
    }
    for a in &d.annexes {
        out.push(("annex".into(), a.heading.clone(), a.text.clone()));
    }
    out
}

/// Every resolution of every organ in the corpus (GA clean and raw-PDF, HRC, ECOSOC, SC):
/// export to Akoma Ntoso and read back with its structure gives the same paragraphs, in the
/// same places, the closing formula and what follows it ("[Adopted without a vote.]"); read
/// back through the draft format (what `parse`, `import` and the app do with an AKN file) or
/// as text, a closing formula never comes back as a paragraph.
#[test]
fn every_organ_round_trips_the_same_paragraphs() {
    let Some(corpus) = corpus_dir() else { return };
    let organs = [
        ("GA", "texts/clean-paragraphs/ga-resolutions"),
        ("GA raw PDF", "texts/raw-pdf/ga-resolutions"),
        ("HRC", "texts/clean-paragraphs/hrc-resolutions"),
        ("ECOSOC", "texts/clean-paragraphs/ecosoc-resolutions"),
        ("SC", "texts/clean-paragraphs/sc-resolutions"),
    ];
    let (mut failures, mut closing_lost, mut others) = (Vec::new(), Vec::new(), 0);
    let mut unread_dates: Vec<String> = Vec::new();
    for (organ, folder) in organs {
        let mut files: Vec<PathBuf> = std::fs::read_dir(corpus.join(folder))
            .unwrap_or_else(|e| panic!("{folder}: {e}"))
            .flatten()
            .map(|e| e.path())
            .collect();
        files.sort();
        let (mut same, mut closings, mut lost) = ([0; 3], 0, [0; 3]);
        for file in &files {
            let text = std::fs::read_to_string(file).unwrap();
            let draft = resolute_draft::segment(&text);
            closings += usize::from(draft.closing.is_some());
            let xml = write(&draft);
            // The three ways an exported file is read back: with its structure (`parse`,
            // the app), through the draft format that structure is shown in, and as text
            // (`library add`, any reader that only has the text).
            let structured = read_draft(&xml).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let markdown =
                resolute_draft::parse_markdown(&resolute_draft::write_markdown(&structured))
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let as_text = resolute_draft::segment(
                &resolute_convert::read(xml.as_bytes(), "x.akn.xml")
                    .unwrap_or_else(|e| panic!("{}: {e}", file.display()))
                    .text,
            );
            let a = paragraph_list(&draft);
            for (i, (how, back)) in [
                ("structure", &structured),
                ("markdown", &markdown),
                ("text", &as_text),
            ]
            .into_iter()
            .enumerate()
            {
                let b = paragraph_list(back);
                let closing =
                    |l: &[(String, String, String)]| l.iter().find(|p| p.0 == "closing").cloned();
                // A closing whose date the segmenter could not read ("4 December2024", a
                // space lost in a PDF) is written back as it was read; it is counted apart.
                let iso = |d: &str| {
                    d.len() == 10
                        && d.bytes().enumerate().all(|(k, b)| match k {
                            4 | 7 => b == b'-',
                            _ => b.is_ascii_digit(),
                        })
                };
                let unread = draft
                    .closing
                    .as_ref()
                    .and_then(|c| c.date.as_deref())
                    .is_some_and(|d| !iso(d));
                if unread && closing(&a) != closing(&b) {
                    unread_dates.push(format!("{} ({how})", file.display()));
                } else if draft
                    .closing
                    .as_ref()
                    .is_some_and(|c| !c.meeting.is_empty())
                    && closing(&a) != closing(&b)
                {
                    lost[i] += 1;
                    closing_lost.push(format!(
                        "{} ({how}): {:?} -> {:?}",
                        file.display(),
                        closing(&a),
                        closing(&b)
                    ));
                }
                if a == b {
                    same[i] += 1;
                } else if i > 0 {
                    others += 1;
                } else {
                    let first = a
                        .iter()
                        .zip(&b)
                        .position(|(x, y)| x != y)
                        .unwrap_or(a.len().min(b.len()));
                    failures.push(format!(
                        "{} ({how}): {} paragraphs -> {}; first difference {:?} -> {:?}",
                        file.display(),
                        a.len(),
                        b.len(),
                        a.get(first),
                        b.get(first)
                    ));
                }
            }
        }
        println!(
            "AKN round trip {organ}: the same paragraphs read with the structure {}/{n}, \
             through the draft format {}/{n}, as text {}/{n} ({closings} with a closing formula; \
             closing lost {:?})",
            same[0],
            same[1],
            same[2],
            lost,
            n = files.len()
        );
        assert!(!files.is_empty(), "{folder} is empty");
    }
    for f in failures.iter().take(20) {
        println!("differs: {f}");
    }
    println!("{others} texts read back differently through the draft format or as text (segmentation of the flattened text, not the closing)");
    assert!(failures.is_empty(), "{} texts differ", failures.len());
    assert!(
        closing_lost.is_empty(),
        "closing formula lost: {closing_lost:#?}"
    );
}

#[test]
fn not_akoma_ntoso_is_an_error() {
    assert!(matches!(
        read_draft("<html><p>x</p></html>"),
        Err(ConvertError::UnknownFormat(_))
    ));
    assert!(matches!(
        read_draft("<akomaNtoso><statement>"),
        Err(ConvertError::Xml(_))
    ));
    assert!(read_draft("").is_err());
}

/// xmllint, when installed; the AKN 3.0 schema from $AKN_SCHEMA or target/akn-schema (where
/// scripts/setup.sh unpacks it), when present.
fn xmllint() -> Option<(PathBuf, Option<PathBuf>)> {
    let ok = std::process::Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok();
    if !ok {
        resolute_testkit::skip("xmllint not installed (Debian package libxml2-utils)");
        return None;
    }
    let schema = std::env::var_os("AKN_SCHEMA")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/akn-schema/akomantoso30.xsd")
        });
    if schema.is_file() {
        return Some((PathBuf::from("xmllint"), Some(schema)));
    }
    println!(
        "AKN schema not found at {}: checking well-formedness only",
        schema.display()
    );
    Some((PathBuf::from("xmllint"), None))
}

fn lint(xml: &str, schema: Option<&Path>, name: &str) -> Result<(), String> {
    let dir = std::env::temp_dir().join(format!("resolute-akn-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join(format!("{name}.xml"));
    std::fs::write(&file, xml).unwrap();
    let mut cmd = std::process::Command::new("xmllint");
    cmd.arg("--noout");
    if let Some(schema) = schema {
        cmd.arg("--schema").arg(schema);
    }
    let out = cmd.arg(&file).output().map_err(|e| e.to_string())?;
    let _ = std::fs::remove_file(&file);
    if out.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&out.stderr)
            .chars()
            .take(2000)
            .collect())
    }
}

#[test]
fn export_is_valid_akoma_ntoso() {
    let Some((_, schema)) = xmllint() else { return };
    let mut drafts = vec![("sample".to_string(), sample_draft())];
    if let Some(corpus) = corpus_dir() {
        for file in corpus_texts(&corpus, CORPUS_SAMPLE) {
            let text = std::fs::read_to_string(&file).unwrap();
            let name = file.file_stem().unwrap().to_string_lossy().into_owned();
            drafts.push((name, resolute_draft::segment(&text)));
        }
    }
    for (name, draft) in &drafts {
        lint(&write(draft), schema.as_deref(), name).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let mode = if schema.is_some() {
        "valid against the AKN 3.0 schema"
    } else {
        "well-formed"
    };
    println!("xmllint: {} exports {mode}", drafts.len());
}

fn one_paragraph(text: String, label: String, note: String) -> Draft {
    let mut draft = Draft::default();
    draft.operative.push(Paragraph {
        marks: None,
        kind: Kind::Operative,
        number: Some(1),
        opening: None,
        text,
        markdown: String::new(),
        footnote_refs: vec![label.clone()],
        sub: Vec::new(),
        span: Span::default(),
    });
    draft.footnotes.push(resolute_draft::Footnote {
        label,
        text: note,
        markdown: String::new(),
        span: Span::default(),
    });
    draft
}

/// What XML 1.0 can carry of `s`, whitespace collapsed as paragraph text is.
fn xml_chars(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any text, including markup characters, entities, quotes and control characters, gives
    /// well-formed XML that reads back as the same text.
    #[test]
    fn no_text_breaks_the_xml(text in any::<String>(), label in "[0-9a-z<>&\"' ]{1,4}", note in any::<String>()) {
        let draft = one_paragraph(text.clone(), label.clone(), note.clone());
        let back = round_trip(&draft).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let p = back.operative.first().ok_or_else(|| TestCaseError::fail("paragraph lost"))?;
        let collapsed = xml_chars(&text).split_whitespace().collect::<Vec<_>>().join(" ");
        prop_assert_eq!(&p.text, &collapsed);
        prop_assert_eq!(&p.footnote_refs, &vec![label.clone()]);
        prop_assert_eq!(back.footnotes.first().map(|f| f.text.clone()), Some(xml_chars(&note)));
    }
}

/// A paragraph citing several instruments keeps each note where its mark stands, in the XML
/// and back in the Markdown source, instead of all at the paragraph end.
#[test]
fn footnote_references_stay_where_their_marks_stand() {
    let md = "*The General Assembly*,\n\n\
              *Recalling* the Covenants,[^1] the Declaration[^2] and the Charter,\n\n\
              1. *Decides* to act.\n\n[^1]: Resolution 2200 A (XXI), annex.\n\n\
              [^2]: Resolution 217 A (III).\n";
    let draft = resolute_draft::parse_markdown(md).unwrap();
    let xml = write(&draft);
    assert!(xml.contains("the Covenants,<authorialNote"), "{xml}");
    assert!(xml.contains("the Declaration<authorialNote"), "{xml}");
    let back = read_draft(&xml).unwrap();
    assert_eq!(back.preamble[0].markdown, draft.preamble[0].markdown);
}
