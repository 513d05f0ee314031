//! Matching the opening of a paragraph against the catalogue's phrases.
//!
//! A paragraph opens with a catalogued phrase when the phrase's words are the paragraph's
//! first words, separated by whitespace only (any Unicode space, no-break spaces included),
//! and the last one ends at a word boundary. Tolerated on top of the exact words:
//! - modifiers: "Also"/"Further"/"Once again"/"Again" before the phrase (then the phrase's
//!   first letter is lower-case: "Also requests"), or "also"/"further"/"again"/"once again"
//!   (French "également"/"en outre", Spanish "también"/"además") after any of its words
//!   ("Recalling also", "Taking note also of", "Calls once again upon");
//! - "their" where the catalogue says "its" (paragraphs of declarations and joint bodies);
//! - the "-ise" spelling of words the catalogue spells "-ize" ("Recognising");
//! - typographic apostrophes and hyphens for their ASCII forms.

use serde::Serialize;

/// A word that modifies an opening without changing what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Modifier {
    /// "also" (French "également", Spanish "también").
    Also,
    /// "further" (French "en outre", Spanish "además").
    Further,
    /// "again", "once again", "once more".
    Again,
}

/// Where a modifier stands relative to the phrase's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Placement {
    /// Before the phrase, capitalised: "Also requests".
    Before,
    /// After one of the phrase's words: "Recalling also", "Taking note also of".
    After,
}

/// One modifier found in an opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct ModifierUse {
    /// Which modifier.
    pub modifier: Modifier,
    /// Where it stands.
    pub placement: Placement,
}

/// Modifier spellings, lower-case; multi-word ones are matched word by word.
const MODIFIERS: &[(&[&str], Modifier)] = &[
    (&["also"], Modifier::Also),
    (&["further"], Modifier::Further),
    (&["once", "again"], Modifier::Again),
    (&["once", "more"], Modifier::Again),
    (&["again"], Modifier::Again),
    (&["également"], Modifier::Also),
    (&["en", "outre"], Modifier::Further),
    (&["de", "nouveau"], Modifier::Again),
    (&["también"], Modifier::Also),
    (&["además"], Modifier::Further),
];

/// Modifiers that may open a paragraph before the phrase (English usage only).
const LEADING: &[(&[&str], Modifier)] = &[
    (&["Also"], Modifier::Also),
    (&["Further"], Modifier::Further),
    (&["Once", "again"], Modifier::Again),
    (&["Once", "more"], Modifier::Again),
    (&["Again"], Modifier::Again),
];

/// How many words of a paragraph are looked at: more than the longest phrase plus modifiers.
const MAX_TOKENS: usize = 32;

/// A word of the text with its byte range.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Token<'a> {
    pub text: &'a str,
    pub end: usize,
    /// True when only whitespace separates it from the previous word (or from the start).
    pub spaced: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '\u{2010}' | '\u{2011}')
}

fn is_space(c: char) -> bool {
    // Zero-width spaces come with text pasted from PDFs; they separate words like spaces.
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}')
}

/// The first words of `text`.
pub(crate) fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut spaced = true;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if is_word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            push_token(&mut out, text, s, i, spaced);
            spaced = true;
            if out.len() >= MAX_TOKENS {
                return out;
            }
        }
        if !is_space(c) {
            spaced = false;
        }
    }
    if let Some(s) = start {
        push_token(&mut out, text, s, text.len(), spaced);
    }
    out
}

fn push_token<'a>(out: &mut Vec<Token<'a>>, text: &'a str, s: usize, e: usize, spaced: bool) {
    if let Some(word) = text.get(s..e) {
        out.push(Token {
            text: word,
            end: e,
            spaced,
        });
    }
}

/// The modifier starting at `toks[i]`, with how many words it takes.
fn modifier_at(
    toks: &[Token<'_>],
    i: usize,
    table: &[(&[&str], Modifier)],
) -> Option<(Modifier, usize)> {
    table.iter().find_map(|(words, m)| {
        let run = toks.get(i..i + words.len())?;
        let hit = run
            .iter()
            .zip(words.iter())
            .all(|(t, w)| t.spaced && t.text == *w);
        hit.then_some((*m, words.len()))
    })
}

/// Leading modifiers ("Also", "Once again") followed by a lower-case word: returns the index
/// of the first word of the phrase and the modifiers found.
pub(crate) fn leading_modifiers(toks: &[Token<'_>]) -> (usize, Vec<ModifierUse>) {
    let mut i = 0;
    let mut found = Vec::new();
    while let Some((m, n)) = modifier_at(toks, i, if i == 0 { LEADING } else { MODIFIERS }) {
        i += n;
        found.push(ModifierUse {
            modifier: m,
            placement: Placement::Before,
        });
    }
    let next_is_lower = toks
        .get(i)
        .and_then(|t| t.text.chars().next())
        .is_some_and(char::is_lowercase);
    if found.is_empty() || !next_is_lower {
        return (0, Vec::new());
    }
    (i, found)
}

/// Tries to match the phrase `words` at `toks[start..]`. Returns the index just past the
/// last word consumed (trailing modifiers included) and the modifiers found after.
pub(crate) fn match_words(
    words: &[String],
    toks: &[Token<'_>],
    start: usize,
    free_first_letter: bool,
) -> Option<(usize, Vec<ModifierUse>)> {
    let mut i = start;
    let mut mods = Vec::new();
    for (j, w) in words.iter().enumerate() {
        if j > 0 {
            i = skip_modifiers(toks, i, &mut mods);
        }
        let tok = toks.get(i)?;
        if (j > 0 && !tok.spaced) || !word_eq(w, tok.text, j == 0 && free_first_letter) {
            return None;
        }
        i += 1;
    }
    Some((skip_modifiers(toks, i, &mut mods), mods))
}

fn skip_modifiers(toks: &[Token<'_>], mut i: usize, mods: &mut Vec<ModifierUse>) -> usize {
    while let Some((m, n)) = modifier_at(toks, i, MODIFIERS) {
        mods.push(ModifierUse {
            modifier: m,
            placement: Placement::After,
        });
        i += n;
    }
    i
}

/// Compares a catalogue word with a word of the text (see the module doc for tolerances).
pub(crate) fn word_eq(cat: &str, txt: &str, free_first_letter: bool) -> bool {
    if cat == "its" && txt == "their" {
        return true;
    }
    let mut a = cat.chars();
    let mut b = txt.chars();
    let mut prev = None;
    let mut first = true;
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if chars_eq(x, y, prev, first && free_first_letter) => {
                prev = Some(x);
                first = false;
            }
            _ => return false,
        }
    }
}

fn chars_eq(cat: char, txt: char, prev: Option<char>, fold_case: bool) -> bool {
    if fold(cat) == fold(txt) {
        return true;
    }
    if fold_case && cat.to_lowercase().eq(txt.to_lowercase()) {
        return true;
    }
    // "-ise" for "-ize": Recognising, Emphasising.
    cat == 'z' && txt == 's' && prev == Some('i')
}

/// Folds typographic apostrophes and hyphens to ASCII.
fn fold(c: char) -> char {
    match c {
        '’' => '\'',
        '\u{2010}' | '\u{2011}' => '-',
        _ => c,
    }
}

/// The index key of a word: lower-case, "z" as "s", ASCII apostrophes and hyphens, so that
/// every spelling `word_eq` accepts lands on the same key.
pub(crate) fn key_of(word: &str) -> String {
    word.chars()
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'z' { 's' } else { fold(c) })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_track_punctuation_between_words() {
        let toks = tokens("Recalling,\u{a0}in particular, its resolution");
        let words: Vec<_> = toks.iter().map(|t| (t.text, t.spaced)).collect();
        assert_eq!(
            words,
            [
                ("Recalling", true),
                ("in", false),
                ("particular", true),
                ("its", false),
                ("resolution", true)
            ]
        );
        assert_eq!(toks[0].end, "Recalling".len());
    }

    #[test]
    fn no_break_and_narrow_spaces_separate_words() {
        let toks = tokens("Takes\u{a0}note\u{202f}of");
        assert_eq!(toks.len(), 3);
        assert!(toks.iter().all(|t| t.spaced));
    }

    #[test]
    fn word_equality_tolerances() {
        assert!(word_eq("Recognizing", "Recognising", false));
        assert!(!word_eq("Recognizing", "recognizing", false));
        assert!(word_eq("Recognizing", "recognizing", true));
        assert!(word_eq("its", "their", false));
        assert!(word_eq("Secretary-General’s", "Secretary-General's", false));
        assert!(!word_eq("Notes", "Noted", false));
        assert!(!word_eq("Note", "Notes", false));
    }

    #[test]
    fn leading_modifier_needs_a_lower_case_word_after_it() {
        let toks = tokens("Also requests the Secretary-General");
        let (i, mods) = leading_modifiers(&toks);
        assert_eq!(i, 1);
        assert_eq!(mods[0].modifier, Modifier::Also);
        let toks = tokens("Further Requests");
        assert_eq!(leading_modifiers(&toks).0, 0);
        let toks = tokens("Once again urges");
        assert_eq!(
            leading_modifiers(&toks),
            (
                2,
                vec![ModifierUse {
                    modifier: Modifier::Again,
                    placement: Placement::Before
                }]
            )
        );
    }

    #[test]
    fn key_folds_spelling_variants_together() {
        assert_eq!(key_of("Recognizing"), key_of("recognising"));
        assert_eq!(key_of("Re‐emphasizing"), key_of("Re-emphasising"));
    }
}
