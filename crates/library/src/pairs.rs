//! The word-pair field: every two adjacent words of a paragraph as one term ("of the",
//! "deeply concerned"), lower-cased like the exact-phrase field. A quoted phrase is searched
//! through it: two words are one term, whose postings are ranked with block-max WAND instead
//! of intersecting the positions of two very common words in every paragraph; longer phrases
//! are consecutive pairs. The same matches as the exact field, in a few milliseconds at any
//! library size.

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenStream, Tokenizer,
};
use tantivy::Index;

use crate::schema::PAIRS;

/// Splits like the exact-phrase field, then emits each pair of adjacent words, at the
/// position of the first. Words the exact field drops (over 40 bytes) break the pairs.
#[derive(Clone)]
pub(crate) struct PairTokenizer {
    words: TextAnalyzer,
}

impl Default for PairTokenizer {
    fn default() -> Self {
        PairTokenizer {
            words: TextAnalyzer::builder(SimpleTokenizer::default())
                .filter(RemoveLongFilter::limit(40))
                .filter(LowerCaser)
                .build(),
        }
    }
}

pub(crate) struct PairStream {
    pairs: Vec<Token>,
    next: usize,
}

impl Tokenizer for PairTokenizer {
    type TokenStream<'a> = PairStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> PairStream {
        let mut words: Vec<Token> = Vec::new();
        let mut stream = self.words.token_stream(text);
        while stream.advance() {
            words.push(stream.token().clone());
        }
        let pairs = words
            .windows(2)
            .filter(|w| w[1].position == w[0].position + 1)
            .map(|w| Token {
                offset_from: w[0].offset_from,
                offset_to: w[1].offset_to,
                position: w[0].position,
                text: format!("{} {}", w[0].text, w[1].text),
                position_length: 1,
            })
            .collect();
        PairStream { pairs, next: 0 }
    }
}

impl TokenStream for PairStream {
    fn advance(&mut self) -> bool {
        if self.next < self.pairs.len() {
            self.next += 1;
            true
        } else {
            false
        }
    }

    fn token(&self) -> &Token {
        &self.pairs[self
            .next
            .saturating_sub(1)
            .min(self.pairs.len().saturating_sub(1))]
    }

    fn token_mut(&mut self) -> &mut Token {
        let at = self
            .next
            .saturating_sub(1)
            .min(self.pairs.len().saturating_sub(1));
        &mut self.pairs[at]
    }
}

/// Documents above which a search runs on every core: a library the size of the whole UN
/// record (1.6 million documents, a dozen segments or more) gains; below, starting the threads
/// costs a command-line search about a millisecond more than it saves.
const PARALLEL_ABOVE: u64 = 1_000_000;

/// `index` with the tokenizers our schema names beyond tantivy's own, searching its segments
/// on every core when it is large (on a failure to start the threads, on one).
pub(crate) fn registered(mut index: Index) -> Index {
    index.tokenizers().register(PAIRS, PairTokenizer::default());
    let docs: u64 = index
        .searchable_segment_metas()
        .map(|segments| segments.iter().map(|s| u64::from(s.num_docs())).sum())
        .unwrap_or(0);
    if docs > PARALLEL_ABOVE {
        let _ = index.set_default_multithread_executor();
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(text: &str) -> Vec<(usize, String)> {
        let mut t = PairTokenizer::default();
        let mut s = t.token_stream(text);
        let mut out = Vec::new();
        while s.advance() {
            out.push((s.token().position, s.token().text.clone()));
        }
        out
    }

    #[test]
    fn adjacent_words_lower_cased_at_the_first_word() {
        assert_eq!(
            pairs("Deeply concerned, by the"),
            [
                (0, "deeply concerned".to_string()),
                (1, "concerned by".to_string()),
                (2, "by the".to_string())
            ]
        );
        assert!(pairs("alone").is_empty());
        assert!(pairs("").is_empty());
        let long = "x".repeat(50);
        assert_eq!(pairs(&format!("a {long} b c")), [(2, "b c".to_string())]);
    }
}
