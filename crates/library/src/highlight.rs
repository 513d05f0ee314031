//! Marking what matched in a paragraph, as plain text: `**match**`, never HTML (imported
//! text is never rendered as markup by us).

use tantivy::tokenizer::{Language, LowerCaser, SimpleTokenizer, Stemmer, TextAnalyzer};

/// Longest highlight before the text is cut to a window around the first match.
const WINDOW: usize = 320;
/// How much text to keep before the first match in a window.
const LEAD: usize = 100;

/// What to mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    /// Every word with the same English stem.
    Stem(String),
    /// Every occurrence of these words in this order (case ignored).
    Phrase(String),
}

struct Token {
    text: String,
    start: usize,
    end: usize,
}

fn analyzer(stem: bool) -> TextAnalyzer {
    let builder = TextAnalyzer::builder(SimpleTokenizer::default()).filter(LowerCaser);
    if stem {
        builder.filter(Stemmer::new(Language::English)).build()
    } else {
        builder.build()
    }
}

fn tokenize(analyzer: &mut TextAnalyzer, text: &str) -> Vec<Token> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let t = stream.token();
        out.push(Token {
            text: t.text.clone(),
            start: t.offset_from,
            end: t.offset_to,
        });
    }
    out
}

/// Byte ranges of `text` that the markers match, sorted and merged.
pub(crate) fn marks(text: &str, markers: &[Marker]) -> Vec<(usize, usize)> {
    let (mut stem, mut plain) = (analyzer(true), analyzer(false));
    let stemmed = tokenize(&mut stem, text);
    let words = tokenize(&mut plain, text);
    let mut out = Vec::new();
    for marker in markers {
        match marker {
            Marker::Stem(w) => {
                let wanted: Vec<String> =
                    tokenize(&mut stem, w).into_iter().map(|t| t.text).collect();
                out.extend(
                    stemmed
                        .iter()
                        .filter(|t| wanted.contains(&t.text))
                        .map(|t| (t.start, t.end)),
                );
            }
            Marker::Phrase(p) => {
                let wanted: Vec<String> = tokenize(&mut plain, p)
                    .into_iter()
                    .map(|t| t.text)
                    .collect();
                out.extend(phrase_spans(&words, &wanted));
            }
        }
    }
    merge(out)
}

fn phrase_spans(words: &[Token], wanted: &[String]) -> Vec<(usize, usize)> {
    if wanted.is_empty() || words.len() < wanted.len() {
        return Vec::new();
    }
    words
        .windows(wanted.len())
        .filter(|w| w.iter().zip(wanted).all(|(t, x)| &t.text == x))
        .filter_map(|w| Some((w.first()?.start, w.last()?.end)))
        .collect()
}

fn merge(mut ranges: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    ranges.sort_unstable();
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (s, e) in ranges {
        match out.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => out.push((s, e)),
        }
    }
    out
}

/// The text with matches wrapped in `**`; a long text is cut to a window around the first
/// match, cut points marked with "…".
pub(crate) fn highlight(text: &str, markers: &[Marker]) -> String {
    let ranges = if markers.is_empty() {
        Vec::new()
    } else {
        marks(text, markers)
    };
    let (from, to) = window(text, ranges.first().map_or(0, |r| r.0));
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    let mut at = from;
    for &(s, e) in ranges.iter().filter(|r| r.0 >= from && r.1 <= to) {
        out.push_str(text.get(at..s).unwrap_or(""));
        out.push_str("**");
        out.push_str(text.get(s..e).unwrap_or(""));
        out.push_str("**");
        at = e;
    }
    out.push_str(text.get(at..to).unwrap_or(""));
    if to < text.len() {
        out.push('…');
    }
    out
}

/// Byte bounds of the window shown, on character boundaries.
fn window(text: &str, first: usize) -> (usize, usize) {
    if text.len() <= WINDOW {
        return (0, text.len());
    }
    let mut from = first.saturating_sub(LEAD);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let mut to = (from + WINDOW).min(text.len());
    while !text.is_char_boundary(to) {
        to += 1;
    }
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_and_phrases_are_marked() {
        let text = "Deeply concerned about the concerns raised, and deeply regretting it";
        let out = highlight(
            text,
            &[
                Marker::Phrase("deeply concerned".into()),
                Marker::Stem("concern".into()),
            ],
        );
        assert_eq!(
            out,
            "**Deeply concerned** about the **concerns** raised, and deeply regretting it"
        );
    }

    #[test]
    fn long_texts_are_windowed_on_char_boundaries() {
        let text = format!("{}target{}", "é ".repeat(200), " ü".repeat(200));
        let out = highlight(&text, &[Marker::Stem("target".into())]);
        assert!(out.starts_with('…') && out.ends_with('…'));
        assert!(out.contains("**target**"));
        assert!(out.chars().count() < 360);
    }
}
