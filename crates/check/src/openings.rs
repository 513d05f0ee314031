//! Opening-phrase rules (UN-RULES R3, R4): a preambular paragraph opens with a participle or
//! adjective ("Recalling", "Deeply concerned"), an operative paragraph with a verb in the
//! present ("Requests", "Calls upon"), each from the phrase catalogue.
//!
//! - `opening/wrong-kind` (error): the opening is catalogued for the other kind ("Recalling"
//!   opening an operative paragraph); the fix is the closest phrase of the right kind.
//! - `opening/unknown` (warning): no catalogued opening; the closest entries are suggested.

use resolute_draft::{Draft, Kind, Paragraph, Span};
use resolute_phrases::{match_opening, suggest, Phrase};

use crate::diagnostic::{Diagnostic, Severity};

/// Checks the opening of every preambular and operative paragraph.
pub fn check_openings(src: &str, draft: &Draft) -> Vec<Diagnostic> {
    draft.paragraphs().filter_map(|p| opening(src, p)).collect()
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Preambular => "preambular",
        Kind::Operative => "operative",
    }
}

fn opening(src: &str, p: &Paragraph) -> Option<Diagnostic> {
    let text = p.text.as_str();
    // A paragraph that opens with a quotation or a figure is not a drafted opening.
    if !text.starts_with(|c: char| c.is_alphabetic()) {
        return None;
    }
    let start = text_start(src, p.span)?;
    let found = match_opening(text, Some(p.kind));
    if found.as_ref().is_some_and(|m| m.kind == p.kind) {
        return None;
    }
    let written = found
        .as_ref()
        .map_or_else(|| first_words(text, 2), |m| &text[..m.len_bytes]);
    let span = source_span(src, start, written);
    let best = suggest(written, Some(p.kind), 3);
    let diagnostic = match found {
        Some(m) => Diagnostic::new(
            "opening/wrong-kind",
            Severity::Error,
            span,
            format!(
                "“{written}” opens {} paragraphs; {} paragraph needs {}",
                kind_name(m.kind),
                article(p.kind),
                examples(&best, p.kind),
            ),
        ),
        None => Diagnostic::new(
            "opening/unknown",
            Severity::Warning,
            span,
            format!(
                "“{written}” is not a known {} opening; {}",
                kind_name(p.kind),
                did_you_mean(&best)
            ),
        ),
    };
    Some(match best.first() {
        Some(phrase) if span.end > span.start => diagnostic.with_fix(phrase.text.clone()),
        _ => diagnostic,
    })
}

fn article(kind: Kind) -> &'static str {
    match kind {
        Kind::Preambular => "a preambular",
        Kind::Operative => "an operative",
    }
}

fn examples(best: &[&Phrase], kind: Kind) -> String {
    if best.is_empty() {
        return match kind {
            Kind::Preambular => "a participle such as “Recalling”".into(),
            Kind::Operative => "a verb such as “Requests”".into(),
        };
    }
    let list: Vec<String> = best.iter().map(|p| format!("“{}”", p.text)).collect();
    format!("a phrase such as {}", list.join(", "))
}

fn did_you_mean(best: &[&Phrase]) -> String {
    if best.is_empty() {
        return "check the phrase catalogue".into();
    }
    let list: Vec<String> = best.iter().map(|p| format!("“{}”", p.text)).collect();
    format!("did you mean {}?", list.join(", "))
}

/// The first `n` words of `text` (a misspelt opening is rarely longer).
fn first_words(text: &str, n: usize) -> &str {
    let mut end = 0;
    for (i, word) in text.split(' ').enumerate().take(n) {
        let word = word.trim_end_matches([',', ';', ':', '.']);
        if i > 0 && word.chars().next().is_some_and(char::is_lowercase) && is_function_word(word) {
            break;
        }
        end = word.as_ptr() as usize - text.as_ptr() as usize + word.len();
    }
    &text[..end]
}

fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "the" | "that" | "its" | "of" | "to" | "a" | "an" | "all" | "with" | "in"
    )
}

/// Where the paragraph's words begin in the source: after its number, list marker and any
/// emphasis markup ("1. *Requests*" -> the "R").
fn text_start(src: &str, span: Span) -> Option<usize> {
    let slice = src.get(span.range())?;
    let skip = slice
        .char_indices()
        .find(|&(_, c)| c.is_alphabetic())
        .map(|(i, _)| i)?;
    Some(span.start + skip)
}

/// The span of `written` in the source from `start`, when the source has exactly those bytes
/// there; otherwise just the first word (line breaks or markup inside the opening).
fn source_span(src: &str, start: usize, written: &str) -> Span {
    let rest = src.get(start..).unwrap_or("");
    if rest.starts_with(written) {
        return Span::new(start, start + written.len());
    }
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    Span::new(start, start + word.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(kind: Kind, src: &str, text: &str) -> Paragraph {
        Paragraph::plain(kind, None, text, Span::new(0, src.len()))
    }

    fn run(kind: Kind, src: &str, text: &str) -> Vec<(&'static str, String, Option<String>)> {
        let d = Draft {
            preamble: vec![para(kind, src, text)],
            ..Draft::default()
        };
        check_openings(src, &d)
            .into_iter()
            .map(|x| {
                (
                    x.rule,
                    src[x.span.range()].to_string(),
                    x.fix.map(|f| f.replacement),
                )
            })
            .collect()
    }

    #[test]
    fn catalogued_openings_of_the_right_kind_pass() {
        assert!(run(
            Kind::Preambular,
            "*Recalling also* its resolution,",
            "Recalling also its resolution,"
        )
        .is_empty());
        assert!(run(
            Kind::Operative,
            "3. *Calls upon* all States;",
            "Calls upon all States;"
        )
        .is_empty());
    }

    #[test]
    fn a_preambular_participle_opening_an_operative_paragraph_is_an_error() {
        let found = run(
            Kind::Operative,
            "2. *Recalling* its resolution;",
            "Recalling its resolution;",
        );
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "opening/wrong-kind");
        assert_eq!(found[0].1, "Recalling");
        assert_eq!(found[0].2.as_deref(), Some("Recalls"));
    }

    #[test]
    fn a_misspelt_opening_is_flagged_with_the_closest_phrase() {
        let found = run(
            Kind::Operative,
            "4. Recals its resolution;",
            "Recals its resolution;",
        );
        assert_eq!(found[0].0, "opening/unknown");
        assert_eq!(found[0].1, "Recals");
        assert_eq!(found[0].2.as_deref(), Some("Recalls"));
    }

    #[test]
    fn quotations_and_figures_are_not_openings() {
        assert!(run(
            Kind::Preambular,
            "“Transforming our world”,",
            "“Transforming our world”,"
        )
        .is_empty());
    }

    #[test]
    fn first_words_stop_at_function_words() {
        assert_eq!(first_words("Recals the report", 2), "Recals");
        assert_eq!(first_words("Deeply concernd that", 2), "Deeply concernd");
        assert_eq!(first_words("Recals, in this", 2), "Recals");
    }
}
