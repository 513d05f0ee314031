//! Property tests of the Markdown draft format: writing then reading gives the model back,
//! writing is a fixed point of reading, `fmt` is idempotent, and no input panics.

use proptest::prelude::*;
use resolute_draft::markdown::escape;
use resolute_draft::opening::opening_len;
use resolute_draft::{
    format, parse_markdown, write_markdown, Annex, Body, Closing, Draft, Enacting, Footnote,
    FrontMatter, Kind, Paragraph, Section, Span, Subparagraph,
};

/// Words for generated text, with the characters Markdown would read as markup.
const WORDS: &[&str] = &[
    "alpha",
    "beta",
    "gamma",
    "delta",
    "development",
    "resolution",
    "61/208",
    "2006,",
    "R&D",
    "50%",
    "x*y",
    "a_b",
    "[note]",
    "<tag>",
    r"back\slash",
    "#1",
    "1.",
    "2)",
    "(c)",
    "&amp;",
    "`code`",
    "-dash",
    "+plus",
    "=eq",
    "~tilde",
    "|pipe",
    ">gt",
    "résolution",
    "Côte",
    "d'Ivoire",
    "etc.",
    "and",
    ";",
    ":",
    "2024",
    "*",
    "_",
    "[^9]",
    "{x}",
    "**",
];

const OPENINGS: &[&str] = &[
    "Recalling",
    "Noting with appreciation",
    "Deeply concerned",
    "Decides",
    "Requests",
    "Also requests",
    "Welcomes",
];

const NAMES: &[&str] = &[
    "Belgium",
    "Côte d'Ivoire",
    "Congo, Republic of the",
    "Bolivia (Plurinational State of)",
    "\"Quoted\"",
    "#hash",
    "a: b",
    "- dash",
];

fn words(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(WORDS), 1..max).prop_map(|w| w.join(" "))
}

/// Plain text and its Markdown, optionally opening with an emphasised phrase.
fn text_and_md(opening: Option<&str>, rest: &str) -> (String, String) {
    match opening {
        Some(o) => (format!("{o} {rest}"), format!("*{o}* {}", escape(rest))),
        None => (format!("zz {rest}"), escape(&format!("zz {rest}"))),
    }
}

fn sub_strategy() -> impl Strategy<Value = Vec<(u8, String)>> {
    let child = words(6);
    let top = (words(6), prop::collection::vec(child, 0..3));
    prop::collection::vec(top, 0..4).prop_map(|tops| {
        let mut out = Vec::new();
        for (t, children) in tops {
            out.push((1, t));
            out.extend(children.into_iter().map(|c| (2, c)));
        }
        out
    })
}

/// Subparagraphs from a plan of levels, labelled in one of the styles real resolutions use:
/// (a)/(i), (1)/a., or bullets over (i), and the hyphen bullet over a.
fn subs(plan: Vec<(u8, String)>, style: usize) -> Vec<Subparagraph> {
    let (mut a, mut i) = (0u8, 0usize);
    let roman = ["i", "ii", "iii", "iv"];
    plan.into_iter()
        .map(|(level, text)| {
            let label = if level == 1 {
                a += 1;
                i = 0;
                match style {
                    0 => format!("({})", char::from(b'a' + a - 1)),
                    1 => format!("({a})"),
                    2 => "•".to_string(),
                    _ => "-".to_string(),
                }
            } else {
                i += 1;
                match style {
                    1 | 3 => format!("{}.", char::from(b'a' + (i as u8) - 1)),
                    _ => format!("({})", roman.get(i - 1).unwrap_or(&"v")),
                }
            };
            Subparagraph {
                label,
                level,
                markdown: escape(&text),
                text,
                footnote_refs: Vec::new(),
                span: Span::default(),
            }
        })
        .collect()
}

/// A paragraph: opening or not, text, an optional footnote reference at the end, subparagraphs.
fn paragraph(kind: Kind) -> impl Strategy<Value = Paragraph> {
    let opening = prop::option::weighted(0.8, prop::sample::select(OPENINGS));
    let plan = (sub_strategy(), 0usize..4);
    (opening, words(10), prop::option::of(1u8..4), plan).prop_map(
        move |(opening, rest, note, (plan, style))| {
            let (text, mut markdown) = text_and_md(opening, &rest);
            let footnote_refs: Vec<String> = note.map(|n| n.to_string()).into_iter().collect();
            for r in &footnote_refs {
                markdown.push_str(&format!("[^{r}]"));
            }
            Paragraph {
                marks: None,
                kind,
                number: None,
                opening: opening
                    .map(str::to_string)
                    .or_else(|| opening_len(&text, kind).map(|n| text[..n].to_string())),
                text,
                markdown,
                footnote_refs,
                sub: subs(plan, style),
                span: Span::default(),
            }
        },
    )
}

/// Preamble and operative part; operative numbers as written (possibly out of order), or a
/// lone unnumbered paragraph.
fn part() -> impl Strategy<Value = (Vec<Paragraph>, Vec<Paragraph>)> {
    let pre = prop::collection::vec(paragraph(Kind::Preambular), 0..4);
    let ops = prop::collection::vec((paragraph(Kind::Operative), 1u32..1000), 0..5);
    (pre, ops, any::<bool>()).prop_map(|(pre, ops, lone)| {
        let single = ops.len() == 1;
        let ops = ops
            .into_iter()
            .map(|(mut p, n)| {
                p.number = if single && lone { None } else { Some(n) };
                p
            })
            .collect();
        (pre, ops)
    })
}

fn front() -> impl Strategy<Value = FrontMatter> {
    let opt_words = || prop::option::of(words(5));
    (
        prop::option::of(prop::sample::select(Body::ALL.to_vec())),
        prop::option::of("[1-9][0-9]?"),
        opt_words(),
        prop::option::of(prop::sample::select(NAMES)),
        prop::collection::vec(prop::sample::select(NAMES), 0..4),
        prop::option::of("(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|1[0-9]|2[0-8])"),
    )
        .prop_map(
            |(body, session, title, symbol, sponsors, adopted)| FrontMatter {
                body,
                session,
                agenda_item: title.as_ref().map(|t| format!("18 ({t})")),
                symbol: symbol.map(str::to_string),
                title,
                sponsors: sponsors.into_iter().map(str::to_string).collect(),
                language: Some("en".into()),
                adopted,
                stage: None,
                span: None,
            },
        )
}

fn section() -> impl Strategy<Value = Section> {
    let label = prop::sample::select(vec!["I", "II", "III", "A", "B", ""]);
    (label, words(5), part()).prop_map(|(label, heading, (preamble, operative))| Section {
        label: label.to_string(),
        heading: if label.is_empty() {
            format!("zz {heading}")
        } else {
            heading
        },
        preamble,
        operative,
        span: Span::default(),
    })
}

fn draft() -> impl Strategy<Value = Draft> {
    let enacting = prop::option::of(prop::sample::select(Body::ALL.to_vec()));
    let closing = prop::option::of(("[1-9][0-9]{0,2}", prop::option::of(Just("2023-12-07"))));
    let annex = prop::option::of(prop::collection::vec(words(8), 1..3));
    let notes = prop::collection::vec(words(8), 3..4);
    (
        front(),
        enacting,
        part(),
        prop::collection::vec(section(), 0..3),
        closing,
        annex,
        notes,
    )
        .prop_map(
            |(meta, enacting, (preamble, operative), sections, closing, annex, notes)| Draft {
                meta,
                enacting: enacting.map(|b| Enacting {
                    text: b.enacting_formula(),
                    body: Some(b),
                    span: Span::default(),
                }),
                preamble,
                operative,
                sections,
                closing: closing.map(|(n, date)| Closing {
                    meeting: format!("{n}th plenary meeting"),
                    date: date.map(str::to_string),
                    span: Span::default(),
                }),
                annexes: annex.into_iter().map(annex_of).collect(),
                footnotes: notes.into_iter().enumerate().map(footnote_of).collect(),
            },
        )
}

fn annex_of(paras: Vec<String>) -> Annex {
    let md: Vec<String> = paras.iter().map(|p| escape(p)).collect();
    Annex {
        heading: "Annex".into(),
        text: paras.join("\n\n"),
        markdown: md.join("\n\n"),
        span: Span::default(),
    }
}

fn footnote_of((i, text): (usize, String)) -> Footnote {
    Footnote {
        label: (i + 1).to_string(),
        markdown: escape(&text),
        text,
        span: Span::default(),
    }
}

/// The content of a paragraph that must survive writing and reading.
fn content(p: &Paragraph) -> impl PartialEq + std::fmt::Debug {
    let subs: Vec<_> = p
        .sub
        .iter()
        .map(|s| {
            (
                s.label.clone(),
                s.level,
                s.text.clone(),
                s.footnote_refs.clone(),
            )
        })
        .collect();
    (
        p.kind,
        p.number,
        p.opening.clone(),
        p.text.clone(),
        p.footnote_refs.clone(),
        subs,
    )
}

fn assert_same_content(d: &Draft, back: &Draft) {
    let mut meta = back.meta.clone();
    meta.span = None;
    assert_eq!(meta, d.meta);
    let text = |e: &Option<Enacting>| e.as_ref().map(|e| (e.text.clone(), e.body));
    assert_eq!(text(&back.enacting), text(&d.enacting));
    let a: Vec<_> = d.paragraphs().map(content).collect();
    let b: Vec<_> = back.paragraphs().map(content).collect();
    assert_eq!(b, a);
    let heads = |d: &Draft| -> Vec<(String, String, usize, usize)> {
        let s = d.sections.iter();
        s.map(|s| {
            (
                s.label.clone(),
                s.heading.clone(),
                s.preamble.len(),
                s.operative.len(),
            )
        })
        .collect()
    };
    assert_eq!(heads(back), heads(d));
    let close = |d: &Draft| {
        d.closing
            .as_ref()
            .map(|c| (c.meeting.clone(), c.date.clone()))
    };
    assert_eq!(close(back), close(d));
    let annexes = |d: &Draft| -> Vec<(String, String)> {
        d.annexes
            .iter()
            .map(|a| (a.heading.clone(), a.text.clone()))
            .collect()
    };
    assert_eq!(annexes(back), annexes(d));
    let notes = |d: &Draft| -> Vec<(String, String)> {
        d.footnotes
            .iter()
            .map(|f| (f.label.clone(), f.text.clone()))
            .collect()
    };
    assert_eq!(notes(back), notes(d));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn write_parse_write_is_identity_and_keeps_content(d in draft()) {
        let written = write_markdown(&d);
        let back = parse_markdown(&written);
        prop_assert!(back.is_ok(), "{:?}\n{written}", back);
        let back = back.unwrap_or_default();
        assert_same_content(&d, &back);
        prop_assert_eq!(write_markdown(&back), written);
    }

    #[test]
    fn format_is_idempotent_on_drafts(d in draft()) {
        let once = format(&write_markdown(&d));
        prop_assert!(once.is_ok(), "{:?}", once);
        let once = once.unwrap_or_default();
        prop_assert_eq!(format(&once), Ok(once.clone()));
    }

    #[test]
    fn format_is_idempotent_on_markdownish_text(src in "([-*_#>()\\[\\]^:0-9.a-iz ]|\n|\n\n|   |The General Assembly,|1\\. |\\(a\\) |\\(i\\) |## I\\. |# Annex|\\[\\^1\\]: |---\n|\\*Recalling\\* |45th plenary meeting\n|\r\n|\t|52nd plenary meeting\n\n12 December 2022|- |    )*") {
        if let Ok(once) = format(&src) {
            prop_assert_eq!(format(&once), Ok(once.clone()), "source {:?}", src);
        }
    }

    #[test]
    fn no_panic_on_any_text(src in any::<String>()) {
        let _ = parse_markdown(&src);
        let _ = format(&src);
    }

    #[test]
    fn escaped_text_reads_back(t in words(12)) {
        let d = parse_markdown(&format!("zz {}", escape(&t)));
        let text = d.ok().and_then(|d| d.preamble.first().map(|p| p.text.clone()));
        prop_assert_eq!(text, Some(format!("zz {t}")));
    }
}

#[test]
fn no_panic_on_deep_nesting_and_junk() {
    let cases = [
        ">".repeat(50_000),
        "- ".repeat(20_000),
        "*".repeat(100_000),
        "[".repeat(50_000),
        "1. (a) ".repeat(10_000),
        "---\n".to_string() + &"sponsors: [".repeat(1000),
        String::from_utf8_lossy(&(0u8..=255).cycle().take(20_000).collect::<Vec<u8>>()).into(),
    ];
    for src in cases {
        let _ = parse_markdown(&src);
        let _ = format(&src);
    }
}
