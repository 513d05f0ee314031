//! Fixture drafts (tests/fixtures/*.md and the bundled sample draft): invariants of the parsed
//! model, snapshots of its outline and of `fmt` output.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use resolute_draft::{format, parse_markdown, write_markdown, Draft, Paragraph, Span};

fn fixtures() -> Vec<(String, PathBuf)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files: Vec<(String, PathBuf)> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "md"))
                .map(|p| (stem(&p), p))
                .collect()
        })
        .unwrap_or_default();
    let sample = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/draft.md");
    files.push(("sample".to_string(), sample));
    files.sort();
    files
}

fn stem(p: &Path) -> String {
    p.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn slice(src: &str, s: Span) -> &str {
    src.get(s.range())
        .unwrap_or_else(|| panic!("span {s:?} is not inside the source"))
}

/// Spans inside the source, in document order, parents enclosing children, and each
/// paragraph's source starting with its number or label.
fn check_invariants(name: &str, src: &str, d: &Draft) {
    let mut last_end = d.meta.span.map_or(0, |s| s.end);
    let mut next = |s: Span, what: &str| {
        slice(src, s);
        assert!(
            s.start >= last_end,
            "{name}: {what} at {s:?} starts before {last_end}"
        );
        last_end = s.end;
    };
    if let Some(e) = &d.enacting {
        next(e.span, "enacting formula");
    }
    for p in d.preamble.iter().chain(&d.operative) {
        next(p.span, "paragraph");
        check_paragraph(name, src, p);
    }
    for s in &d.sections {
        next(s.span, "section");
        for p in s.preamble.iter().chain(&s.operative) {
            assert!(
                s.span.contains(p.span),
                "{name}: section {} encloses {p:?}",
                s.label
            );
            check_paragraph(name, src, p);
        }
    }
    if let Some(c) = &d.closing {
        next(c.span, "closing formula");
        assert!(
            slice(src, c.span).starts_with(&c.meeting),
            "{name}: closing"
        );
    }
    for a in &d.annexes {
        next(a.span, "annex");
        assert!(
            slice(src, a.span).starts_with("# "),
            "{name}: annex heading"
        );
    }
    let mut foot_end = 0;
    for f in &d.footnotes {
        assert!(f.span.start >= foot_end, "{name}: footnotes out of order");
        foot_end = f.span.end;
        let label = format!("[^{}]:", f.label);
        assert!(
            slice(src, f.span).starts_with(&label),
            "{name}: footnote {}",
            f.label
        );
    }
}

fn check_paragraph(name: &str, src: &str, p: &Paragraph) {
    let text = slice(src, p.span);
    if let Some(n) = p.number {
        let prefix = format!("{n}");
        assert!(
            text.starts_with(&prefix),
            "{name}: paragraph {n} source is {text:?}"
        );
    }
    let mut last = p.span.start;
    for s in &p.sub {
        assert!(
            p.span.contains(s.span),
            "{name}: {:?} outside its paragraph",
            s.label
        );
        assert!(s.span.start >= last, "{name}: subparagraphs out of order");
        last = s.span.end;
        let sub = slice(src, s.span);
        // The hyphen bullet is written as a character reference.
        let written = if s.label == "-" {
            "&#45;"
        } else {
            s.label.as_str()
        };
        assert!(
            sub.starts_with(written),
            "{name}: {sub:?} does not start with {written}"
        );
    }
}

/// A compact outline of the model, for reviewing snapshots by eye.
fn outline(src: &str, d: &Draft) -> String {
    let mut o = String::new();
    let m = &d.meta;
    let body = m.body.map(|b| b.code());
    let _ = writeln!(
        o,
        "front: body={body:?} session={:?} symbol={:?}",
        m.session, m.symbol
    );
    let _ = writeln!(o, "       title={:?} sponsors={:?}", m.title, m.sponsors);
    let _ = writeln!(
        o,
        "       agenda_item={:?} language={:?} adopted={:?}",
        m.agenda_item, m.language, m.adopted
    );
    if let Some(e) = &d.enacting {
        let _ = writeln!(
            o,
            "enacting {:?} body={:?} {}",
            e.text,
            e.body.map(|b| b.code()),
            sp(e.span)
        );
    }
    paragraphs(&mut o, "", &d.preamble, &d.operative);
    for s in &d.sections {
        let _ = writeln!(o, "section {:?} {:?} {}", s.label, s.heading, sp(s.span));
        paragraphs(&mut o, "  ", &s.preamble, &s.operative);
    }
    if let Some(c) = &d.closing {
        let _ = writeln!(
            o,
            "closing {:?} date={:?} {}",
            c.meeting,
            c.date,
            sp(c.span)
        );
    }
    for a in &d.annexes {
        let _ = writeln!(
            o,
            "annex {:?} {}\n  text: {:?}",
            a.heading,
            sp(a.span),
            a.text
        );
        let _ = writeln!(o, "  markdown: {:?}", a.markdown);
    }
    for f in &d.footnotes {
        let _ = writeln!(
            o,
            "footnote [^{}] {:?} md={:?} {}",
            f.label,
            f.text,
            f.markdown,
            sp(f.span)
        );
    }
    let _ = src;
    o
}

fn sp(s: Span) -> String {
    format!("@{}..{}", s.start, s.end)
}

fn paragraphs(o: &mut String, indent: &str, pre: &[Paragraph], ops: &[Paragraph]) {
    for p in pre.iter().chain(ops) {
        let kind = format!("{:?}", p.kind).to_lowercase();
        let n = p.number.map_or("-".to_string(), |n| n.to_string());
        let _ = writeln!(
            o,
            "{indent}{kind} {n} opening={:?} refs={:?} {}",
            p.opening,
            p.footnote_refs,
            sp(p.span)
        );
        let _ = writeln!(o, "{indent}  text: {:?}", p.text);
        let _ = writeln!(o, "{indent}  md:   {:?}", p.markdown);
        for s in &p.sub {
            let pad = "  ".repeat(usize::from(s.level));
            let _ = writeln!(
                o,
                "{indent}{pad}{} L{} {:?} {}",
                s.label,
                s.level,
                s.text,
                sp(s.span)
            );
        }
    }
}

#[test]
fn fixtures_parse_with_invariants_and_snapshots() {
    let files = fixtures();
    assert!(files.len() >= 9, "fixtures missing: {files:?}");
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("fixtures/snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for (name, path) in &files {
            let src = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
            let d = parse_markdown(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
            check_invariants(name, &src, &d);
            insta::assert_snapshot!(format!("{name}.outline"), outline(&src, &d));
            let formatted = format(&src).unwrap_or_else(|e| panic!("{name}: {e}"));
            insta::assert_snapshot!(format!("{name}.fmt"), formatted);
            assert_eq!(
                format(&formatted).as_ref(),
                Ok(&formatted),
                "{name}: fmt is idempotent"
            );
            let again = parse_markdown(&formatted).map(|d| write_markdown(&d));
            assert_eq!(
                again.as_ref(),
                Ok(&formatted),
                "{name}: normalised form round-trips"
            );
        }
    });
}

#[test]
fn sample_draft_is_already_normalised() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/sample/draft.md");
    let src = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        format(&src).as_deref(),
        Ok(src.as_str()),
        "fmt --check would fail on the sample"
    );
    let d = parse_markdown(&src).unwrap_or_default();
    assert!(
        (6..=10).contains(&d.preamble.len()),
        "{} preambular",
        d.preamble.len()
    );
    assert!(
        (8..=12).contains(&d.operative.len()),
        "{} operative",
        d.operative.len()
    );
    assert_eq!(d.footnotes.len(), 2);
    assert!(d
        .operative
        .iter()
        .flat_map(|p| &p.sub)
        .any(|s| s.level == 2));
}
