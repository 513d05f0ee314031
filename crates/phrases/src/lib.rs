//! The catalogue of opening phrases of UN resolution paragraphs: which phrases open
//! preambular paragraphs ("Recalling", "Deeply concerned", "Taking note with appreciation
//! of") and which open operative ones ("Requests", "Calls upon", "Expresses its deep
//! concern"), how often each is used, and their French and Spanish equivalents.
//!
//! ```
//! use resolute_draft::Kind;
//! use resolute_phrases::{Catalogue, Modifier};
//!
//! let cat = Catalogue::builtin();
//!
//! // The longest catalogued phrase opening a paragraph, modifiers included.
//! let text = "Also requests the Secretary-General to report on the matter;";
//! let m = cat.match_opening(text, Some(Kind::Operative)).unwrap();
//! assert_eq!(m.phrase.text, "Requests");
//! assert_eq!(&text[..m.len_bytes], "Also requests");
//! assert_eq!(m.modifiers[0].modifier, Modifier::Also);
//!
//! // Autocomplete, most used first.
//! let names: Vec<_> = cat.complete("Reca", Some(Kind::Preambular), 3)
//!     .iter().map(|p| p.text.as_str()).collect();
//! assert_eq!(names[0], "Recalling");
//!
//! // Suggestions for a misspelt or misplaced opening.
//! assert_eq!(cat.suggest("Recals", Some(Kind::Operative), 1)[0].text, "Recalls");
//! assert_eq!(cat.suggest("Recalling", Some(Kind::Operative), 1)[0].text, "Recalls");
//! assert_eq!(cat.kind_of("Noting with concern"), Some(Kind::Preambular));
//! ```
//!
//! The data lives in `assets/phrases/` (see its README) and is embedded at build time.
//! Pure: no file system access; everything takes `&str`.

mod data;
mod matcher;
mod suggest;

pub use data::{CatalogueError, Lang, Phrase};
pub use matcher::{Modifier, ModifierUse, Placement};
pub use resolute_draft::Kind;

use std::collections::HashMap;
use std::sync::OnceLock;

/// The embedded catalogue file.
const CATALOGUE_TSV: &str = include_str!("../../../assets/phrases/catalogue.tsv");
/// The embedded, generated modifier combinations with their corpus frequencies.
const VARIANTS_TSV: &str = include_str!("../../../assets/phrases/variants.tsv");

/// [`Catalogue::match_opening`] on the built-in catalogue.
pub fn match_opening(text: &str, kind_hint: Option<Kind>) -> Option<Match<'static>> {
    Catalogue::builtin().match_opening(text, kind_hint)
}

/// [`Catalogue::complete`] on the built-in catalogue.
pub fn complete(prefix: &str, kind: Option<Kind>, limit: usize) -> Vec<&'static Phrase> {
    Catalogue::builtin().complete(prefix, kind, limit)
}

/// [`Catalogue::suggest`] on the built-in catalogue.
pub fn suggest(input: &str, kind: Option<Kind>, limit: usize) -> Vec<&'static Phrase> {
    Catalogue::builtin().suggest(input, kind, limit)
}

/// [`Catalogue::kind_of`] on the built-in catalogue.
pub fn kind_of(phrase: &str) -> Option<Kind> {
    Catalogue::builtin().kind_of(phrase)
}

/// A catalogued phrase found at the start of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match<'c> {
    /// The catalogue entry (a base phrase, never a generated variant).
    pub phrase: &'c Phrase,
    /// The entry's kind, repeated for convenience.
    pub kind: Kind,
    /// Byte length of the opening in the text: `&text[..len_bytes]` is the phrase as
    /// written, with its modifiers ("Recalling also", "Also requests").
    pub len_bytes: usize,
    /// The modifiers found before or inside the phrase.
    pub modifiers: Vec<ModifierUse>,
}

/// The phrase catalogue with its lookup index.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// Base entries of every language.
    phrases: Vec<Phrase>,
    /// Generated modifier combinations ("Recalling also"), for autocomplete only.
    variants: Vec<Phrase>,
    /// Each base entry's words, parallel to `phrases`.
    words: Vec<Vec<String>>,
    /// Index key of a first word -> base entries starting with it.
    by_first_word: HashMap<String, Vec<usize>>,
}

impl Catalogue {
    /// The catalogue shipped with Resolute, parsed once.
    ///
    /// The embedded files are checked by this crate's tests; should they ever fail to parse,
    /// the catalogue is empty rather than a panic in the caller.
    pub fn builtin() -> &'static Catalogue {
        static BUILTIN: OnceLock<Catalogue> = OnceLock::new();
        BUILTIN.get_or_init(|| Catalogue::parse(CATALOGUE_TSV, VARIANTS_TSV).unwrap_or_default())
    }

    /// Builds a catalogue from the text of a catalogue file and of a variants file (the
    /// formats of `assets/phrases/`; the variants text may be empty).
    pub fn parse(catalogue: &str, variants: &str) -> Result<Catalogue, CatalogueError> {
        let phrases = data::parse_catalogue(catalogue)?;
        let variants = data::parse_variants(variants)?;
        let words: Vec<Vec<String>> = phrases
            .iter()
            .map(|p| p.text.split_whitespace().map(str::to_string).collect())
            .collect();
        let mut by_first_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, w) in words.iter().enumerate() {
            if let Some(first) = w.first() {
                by_first_word
                    .entry(matcher::key_of(first))
                    .or_default()
                    .push(i);
            }
        }
        Ok(Catalogue {
            phrases,
            variants,
            words,
            by_first_word,
        })
    }

    /// The base entries, in file order.
    pub fn phrases(&self) -> &[Phrase] {
        &self.phrases
    }

    /// The generated modifier combinations, most used first.
    pub fn variants(&self) -> &[Phrase] {
        &self.variants
    }

    /// The longest catalogued phrase opening `text` (see the `matcher` rules: modifiers,
    /// no-break spaces, "its"/"their", "-ise" spellings). With a `kind_hint`, a phrase of
    /// that kind wins over a longer one of the other kind; a phrase of the other kind is
    /// still returned when it is the only one, so that a checker can report the mismatch.
    pub fn match_opening(&self, text: &str, kind_hint: Option<Kind>) -> Option<Match<'_>> {
        let toks = matcher::tokens(text);
        if !toks.first()?.spaced {
            return None;
        }
        let (start, leading) = matcher::leading_modifiers(&toks);
        let mut found = Vec::new();
        if start > 0 {
            found = self.candidates(&toks, start, &leading);
        }
        if found.is_empty() {
            found = self.candidates(&toks, 0, &[]);
        }
        let best = pick(found, kind_hint)?;
        let phrase = self.phrases.get(best.idx)?;
        Some(Match {
            phrase,
            kind: phrase.kind,
            len_bytes: toks.get(best.end.checked_sub(1)?)?.end,
            modifiers: best.modifiers,
        })
    }

    /// Every base entry matching at `toks[start]`, after the `leading` modifiers.
    fn candidates(
        &self,
        toks: &[matcher::Token<'_>],
        start: usize,
        leading: &[ModifierUse],
    ) -> Vec<Candidate> {
        let Some(first) = toks.get(start) else {
            return Vec::new();
        };
        let Some(entries) = self.by_first_word.get(&matcher::key_of(first.text)) else {
            return Vec::new();
        };
        let free_first_letter = !leading.is_empty();
        entries
            .iter()
            .filter_map(|&idx| {
                let words = self.words.get(idx)?;
                let (end, after) = matcher::match_words(words, toks, start, free_first_letter)?;
                let mut modifiers = leading.to_vec();
                modifiers.extend(after);
                let kind = self.phrases.get(idx)?.kind;
                Some(Candidate {
                    idx,
                    kind,
                    end,
                    modifiers,
                })
            })
            .collect()
    }

    /// Completions of `prefix` (case-insensitive, spaces collapsed), base entries and
    /// modifier combinations alike, most used in the corpus first.
    pub fn complete(&self, prefix: &str, kind: Option<Kind>, limit: usize) -> Vec<&Phrase> {
        let want = suggest::normalise(prefix);
        let mut hits: Vec<&Phrase> = self
            .phrases
            .iter()
            .chain(&self.variants)
            .filter(|p| kind.is_none_or(|k| p.kind == k))
            .filter(|p| suggest::normalise(&p.text).starts_with(&want))
            .collect();
        hits.sort_by(|a, b| (b.freq, a.text.len(), &a.text).cmp(&(a.freq, b.text.len(), &b.text)));
        hits.truncate(limit);
        hits
    }

    /// The base entries closest to `input` by edit distance (a wrong inflection such as
    /// "Recalling" for the operative "Recalls" counts as one edit), closest first, then most
    /// used. Entries too far from the input to be a plausible correction are left out.
    pub fn suggest(&self, input: &str, kind: Option<Kind>, limit: usize) -> Vec<&Phrase> {
        let want = suggest::normalise(input);
        let stem = suggest::stem_first_word(&want);
        let max = suggest::threshold(want.len());
        let mut scored: Vec<(usize, &Phrase)> = self
            .phrases
            .iter()
            .filter(|p| kind.is_none_or(|k| p.kind == k))
            .map(|p| (suggest::distance(&want, &stem, &p.text), p))
            .filter(|(d, _)| *d <= max)
            .collect();
        scored.sort_by(|(da, a), (db, b)| (da, b.freq, &a.text).cmp(&(db, a.freq, &b.text)));
        scored.into_iter().take(limit).map(|(_, p)| p).collect()
    }

    /// The kind of a phrase, modifiers allowed ("Recalling also" is preambular), when the
    /// whole of `phrase` is a catalogued opening.
    pub fn kind_of(&self, phrase: &str) -> Option<Kind> {
        let trimmed = phrase.trim();
        let m = self.match_opening(trimmed, None)?;
        (m.len_bytes == trimmed.len()).then_some(m.kind)
    }
}

/// A base entry that matches the start of a text.
#[derive(Debug)]
struct Candidate {
    /// Index into `Catalogue::phrases`.
    idx: usize,
    kind: Kind,
    /// Token index just past the match.
    end: usize,
    modifiers: Vec<ModifierUse>,
}

/// The match to report: the longest of the hinted kind, else the longest of any kind.
/// Ties (same length, which only happens across languages) go to the earlier entry.
fn pick(found: Vec<Candidate>, hint: Option<Kind>) -> Option<Candidate> {
    let rank = |c: &Candidate| (c.end, std::cmp::Reverse(c.idx));
    let has_hinted = hint.is_some_and(|k| found.iter().any(|c| c.kind == k));
    found
        .into_iter()
        .filter(|c| !has_hinted || Some(c.kind) == hint)
        .max_by_key(rank)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn cat() -> &'static Catalogue {
        Catalogue::builtin()
    }

    fn opening(text: &str, hint: Option<Kind>) -> Option<(String, Kind, String)> {
        let m = cat().match_opening(text, hint)?;
        Some((
            m.phrase.text.clone(),
            m.kind,
            text[..m.len_bytes].to_string(),
        ))
    }

    #[test]
    fn builtin_data_parses_without_duplicates_and_meets_minimums() {
        let parsed = Catalogue::parse(CATALOGUE_TSV, VARIANTS_TSV).unwrap();
        let english = |k: Kind| {
            parsed
                .phrases()
                .iter()
                .filter(|p| p.lang == Lang::En && p.kind == k)
                .count()
        };
        assert!(
            english(Kind::Preambular) >= 150,
            "{}",
            english(Kind::Preambular)
        );
        assert!(
            english(Kind::Operative) >= 120,
            "{}",
            english(Kind::Operative)
        );
        for lang in [Lang::Fr, Lang::Es] {
            let n = parsed.phrases().iter().filter(|p| p.lang == lang).count();
            assert!(n >= 30, "{lang}: {n}");
        }
        let texts: HashSet<&str> = parsed.phrases().iter().map(|p| p.text.as_str()).collect();
        assert_eq!(cat().phrases().len(), parsed.phrases().len());
        assert!(texts.contains("Taking note with appreciation of"));
        assert!(!cat().variants().is_empty());
    }

    #[test]
    fn translations_point_at_an_english_entry_of_the_same_kind() {
        let english: HashSet<(&str, Kind)> = cat()
            .phrases()
            .iter()
            .filter(|p| p.lang == Lang::En)
            .map(|p| (p.text.as_str(), p.kind))
            .collect();
        for p in cat().phrases().iter().filter(|p| p.lang != Lang::En) {
            let key = p.key.as_deref().unwrap_or_default();
            assert!(english.contains(&(key, p.kind)), "{} -> {key}", p.text);
        }
    }

    #[test]
    fn no_phrase_text_has_two_kinds() {
        let mut kinds: HashMap<&str, Kind> = HashMap::new();
        for p in cat().phrases() {
            let k = kinds.entry(&p.text).or_insert(p.kind);
            assert_eq!(*k, p.kind, "{}", p.text);
        }
    }

    #[test]
    fn variants_extend_a_known_base_phrase() {
        let bases: HashSet<&str> = cat().phrases().iter().map(|p| p.text.as_str()).collect();
        for v in cat().variants() {
            let base = v.variant_of.as_deref().unwrap_or_default();
            assert!(bases.contains(base), "{} -> {base}", v.text);
            let m = cat().match_opening(&v.text, Some(v.kind)).unwrap();
            assert_eq!(m.phrase.text, base);
            assert_eq!(m.len_bytes, v.text.len(), "{}", v.text);
        }
    }

    #[test]
    fn longest_phrase_wins() {
        let text = "Taking note with appreciation of the report of the Secretary-General,";
        let (phrase, kind, written) = opening(text, Some(Kind::Preambular)).unwrap();
        assert_eq!(phrase, "Taking note with appreciation of");
        assert_eq!(kind, Kind::Preambular);
        assert_eq!(written, "Taking note with appreciation of");
        let text = "Noting with concern that the situation remains fragile,";
        assert_eq!(opening(text, None).unwrap().0, "Noting with concern");
        let text = "Noting the work of the Commission,";
        assert_eq!(opening(text, None).unwrap().0, "Noting");
        let text = "Expresses its deep concern at the continued violence;";
        assert_eq!(opening(text, None).unwrap().0, "Expresses its deep concern");
    }

    #[test]
    fn phrase_must_end_at_a_word_boundary() {
        assert_eq!(opening("Notesworthy is this", None), None);
        assert_eq!(opening("Recallingly", None), None);
        // "Notes with concerned" is not "Notes with concern": falls back to "Notes".
        assert_eq!(
            opening("Notes with concerned parties", None).unwrap().0,
            "Notes"
        );
    }

    #[test]
    fn modifiers_in_either_order() {
        for text in [
            "Recalling also its resolution 60/1,",
            "Also recalling its resolution 60/1,",
            "Recalling further its resolution 60/1,",
            "Further recalling its resolution 60/1,",
        ] {
            let (phrase, kind, written) = opening(text, Some(Kind::Preambular)).unwrap();
            assert_eq!(
                (phrase.as_str(), kind),
                ("Recalling", Kind::Preambular),
                "{text}"
            );
            assert_eq!(written.split(' ').count(), 2, "{text}");
        }
        let m = cat()
            .match_opening("Also requests the Secretary-General", None)
            .unwrap();
        assert_eq!(m.modifiers[0].placement, Placement::Before);
        let m = cat()
            .match_opening("Requests further the Secretary-General", None)
            .unwrap();
        assert_eq!(m.modifiers[0].placement, Placement::After);
        assert_eq!(m.modifiers[0].modifier, Modifier::Further);
    }

    #[test]
    fn modifiers_inside_multi_word_phrases() {
        let text = "Taking note also of the report,";
        let (phrase, _, written) = opening(text, None).unwrap();
        assert_eq!(
            (phrase.as_str(), written.as_str()),
            ("Taking note of", "Taking note also of")
        );
        let text = "Calls once again upon all States to act;";
        let (phrase, _, written) = opening(text, None).unwrap();
        assert_eq!(phrase, "Calls upon");
        assert_eq!(written, "Calls once again upon");
        let m = cat()
            .match_opening("Once again urges all parties", None)
            .unwrap();
        assert_eq!(m.phrase.text, "Urges");
        assert_eq!(m.modifiers[0].modifier, Modifier::Again);
    }

    #[test]
    fn first_letter_is_case_sensitive() {
        assert_eq!(opening("recalling its resolution", None), None);
        assert_eq!(opening("Also Requests", None), None);
    }

    #[test]
    fn tolerates_no_break_spaces_and_spelling_variants() {
        let text = "Taking\u{a0}note\u{202f}of the report,";
        let (phrase, _, written) = opening(text, None).unwrap();
        assert_eq!(phrase, "Taking note of");
        assert_eq!(written, "Taking\u{a0}note\u{202f}of");
        assert_eq!(opening("Recognising that", None).unwrap().0, "Recognizing");
        let text = "Expresses their deep concern at";
        assert_eq!(opening(text, None).unwrap().0, "Expresses its deep concern");
    }

    #[test]
    fn punctuation_breaks_a_multi_word_phrase() {
        let text = "Taking note, in this regard, of the report,";
        assert_eq!(opening(text, None).unwrap().0, "Taking note");
        let text = "Recalling, in particular, its resolution";
        assert_eq!(opening(text, None).unwrap().2, "Recalling");
    }

    #[test]
    fn kind_disambiguation() {
        assert_eq!(
            opening("Welcoming the report,", None).unwrap().1,
            Kind::Preambular
        );
        assert_eq!(
            opening("Welcomes the report;", None).unwrap().1,
            Kind::Operative
        );
        // A wrong-kind opening is still reported, with its own kind, for the checker.
        let m = cat().match_opening("Recalling its resolution;", Some(Kind::Operative));
        assert_eq!(m.map(|m| m.kind), Some(Kind::Preambular));
        assert_eq!(cat().kind_of("Noting with concern"), Some(Kind::Preambular));
        assert_eq!(cat().kind_of("Notes with concern"), Some(Kind::Operative));
        assert_eq!(cat().kind_of("Further decides"), Some(Kind::Operative));
        assert_eq!(cat().kind_of("Recalling its resolution"), None);
        assert_eq!(cat().kind_of("Xyzzy"), None);
    }

    #[test]
    fn french_and_spanish_openings_match() {
        assert_eq!(
            opening("Rappelant sa résolution 60/1,", None).unwrap().0,
            "Rappelant"
        );
        assert_eq!(
            opening("Prie le Secrétaire général", None).unwrap().0,
            "Prie"
        );
        let text = "Prie instamment les États";
        assert_eq!(opening(text, None).unwrap().0, "Prie instamment");
        let text = "Recordando también su resolución 60/1,";
        let (phrase, _, written) = opening(text, None).unwrap();
        assert_eq!(
            (phrase.as_str(), written.as_str()),
            ("Recordando", "Recordando también")
        );
        assert_eq!(
            opening("Solicita al Secretario General", None).unwrap().1,
            Kind::Operative
        );
    }

    #[test]
    fn odd_input_does_not_match_or_panic() {
        for text in [
            "",
            " ",
            ",",
            "*Recalling*",
            "1. Requests",
            "\u{feff}",
            "é",
            "Also",
            "Also ",
        ] {
            assert_eq!(opening(text, None), None, "{text:?}");
        }
        assert_eq!(opening("  Recalling", None).unwrap().2, "  Recalling");
    }

    #[test]
    fn completion_ranks_by_corpus_frequency() {
        let got: Vec<&str> = cat()
            .complete("Reca", Some(Kind::Preambular), 4)
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(got[0], "Recalling");
        assert!(got.contains(&"Recalling also"), "{got:?}");
        let freqs: Vec<u32> = cat()
            .complete("re", None, 20)
            .iter()
            .map(|p| p.freq)
            .collect();
        assert!(freqs.windows(2).all(|w| w[0] >= w[1]), "{freqs:?}");
        assert!(cat()
            .complete("reca", Some(Kind::Operative), 5)
            .iter()
            .all(|p| p.kind == Kind::Operative));
        assert_eq!(cat().complete("Reca", None, 0).len(), 0);
        assert!(cat().complete("Zzzz", None, 5).is_empty());
        let got = cat().complete("taking note w", None, 3);
        assert!(got
            .iter()
            .any(|p| p.text == "Taking note with appreciation of"));
    }

    #[test]
    fn suggestions_for_typos_and_wrong_kinds() {
        let first = |s: &str, k: Kind| cat().suggest(s, Some(k), 3).first().map(|p| p.text.clone());
        assert_eq!(first("Recals", Kind::Operative).as_deref(), Some("Recalls"));
        assert_eq!(
            first("Requsts", Kind::Operative).as_deref(),
            Some("Requests")
        );
        assert_eq!(
            first("Recalling", Kind::Operative).as_deref(),
            Some("Recalls")
        );
        assert_eq!(
            first("Welcomes", Kind::Preambular).as_deref(),
            Some("Welcoming")
        );
        let got = first("Noting with concern", Kind::Operative);
        assert_eq!(got.as_deref(), Some("Notes with concern"));
        assert!(cat().suggest("Qwertyuiop", None, 5).is_empty());
        assert_eq!(cat().suggest("Recals", None, 1).len(), 1);
    }
}
