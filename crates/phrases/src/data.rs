//! The catalogue's data format: parsing the tab-separated files in `assets/phrases/`.

use resolute_draft::Kind;
use serde::Serialize;
use std::collections::HashSet;
use std::fmt;

/// The language of a catalogue entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// English.
    En,
    /// French.
    Fr,
    /// Spanish.
    Es,
}

impl Lang {
    /// The two-letter code used in the data file ("en", "fr", "es").
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Fr => "fr",
            Lang::Es => "es",
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "fr" => Some(Lang::Fr),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One opening phrase: a base entry of the catalogue, or a generated combination of a base
/// entry with a modifier ("Recalling also", "Also requests") kept for autocomplete.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Phrase {
    /// The phrase as it opens a paragraph, capitalised: "Taking note with appreciation of".
    pub text: String,
    /// Preambular or operative.
    pub kind: Kind,
    /// The language of the phrase.
    pub lang: Lang,
    /// For a French or Spanish entry, the English phrase it translates.
    pub key: Option<String>,
    /// How many paragraphs of the shared corpus open with it (0 where not measured).
    pub freq: u32,
    /// Free-text notes from the data file.
    pub notes: String,
    /// For a generated modifier combination, the base phrase it extends.
    pub variant_of: Option<String>,
}

/// Why a catalogue file could not be read. Line numbers count from 1.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogueError {
    /// A line has the wrong number of tab-separated columns.
    #[error("line {line}: expected {expected} tab-separated columns, found {found}")]
    Columns {
        /// The line number.
        line: usize,
        /// How many columns the file format has.
        expected: usize,
        /// How many the line has.
        found: usize,
    },
    /// The phrase column is empty or has surrounding spaces.
    #[error("line {line}: the phrase is empty or has surrounding spaces")]
    BadPhrase {
        /// The line number.
        line: usize,
    },
    /// The kind column is neither "preambular" nor "operative".
    #[error("line {line}: unknown kind {value:?} (expected preambular or operative)")]
    Kind {
        /// The line number.
        line: usize,
        /// The value found.
        value: String,
    },
    /// The language column is not one of en, fr, es.
    #[error("line {line}: unknown language {value:?} (expected en, fr or es)")]
    Lang {
        /// The line number.
        line: usize,
        /// The value found.
        value: String,
    },
    /// The frequency column is not a whole number.
    #[error("line {line}: frequency {value:?} is not a whole number")]
    Freq {
        /// The line number.
        line: usize,
        /// The value found.
        value: String,
    },
    /// The same phrase appears twice for one language.
    #[error("line {line}: {phrase:?} ({lang}) is listed twice")]
    Duplicate {
        /// The line number of the second occurrence.
        line: usize,
        /// The repeated phrase.
        phrase: String,
        /// Its language.
        lang: Lang,
    },
    /// A French or Spanish entry names no English phrase as its key.
    #[error("line {line}: a {lang} entry needs the English phrase it translates as its key")]
    MissingKey {
        /// The line number.
        line: usize,
        /// The entry's language.
        lang: Lang,
    },
}

/// Parses the main catalogue file: `phrase, kind, lang, key, freq, notes` per line.
pub(crate) fn parse_catalogue(src: &str) -> Result<Vec<Phrase>, CatalogueError> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (line, cols) in data_lines(src) {
        let phrase = parse_entry(line, &cols)?;
        if !seen.insert((phrase.text.clone(), phrase.lang)) {
            return Err(CatalogueError::Duplicate {
                line,
                phrase: phrase.text,
                lang: phrase.lang,
            });
        }
        out.push(phrase);
    }
    Ok(out)
}

fn parse_entry(line: usize, cols: &[&str]) -> Result<Phrase, CatalogueError> {
    // The notes column may be missing entirely when empty (editors trim trailing tabs).
    let [text, kind, lang, key, freq, rest @ ..] = cols else {
        return Err(columns(line, 6, cols.len()));
    };
    if rest.len() > 1 {
        return Err(columns(line, 6, cols.len()));
    }
    let lang = Lang::from_code(lang).ok_or_else(|| CatalogueError::Lang {
        line,
        value: (*lang).to_string(),
    })?;
    let key = match (*key, lang) {
        ("-" | "", Lang::En) => None,
        ("-" | "", _) => return Err(CatalogueError::MissingKey { line, lang }),
        (k, _) => Some(k.to_string()),
    };
    Ok(Phrase {
        text: phrase_text(line, text)?,
        kind: parse_kind(line, kind)?,
        lang,
        key,
        freq: parse_freq(line, freq)?,
        notes: rest.first().map(|n| n.to_string()).unwrap_or_default(),
        variant_of: None,
    })
}

/// Parses the generated variants file: `form, kind, base, freq` per line.
pub(crate) fn parse_variants(src: &str) -> Result<Vec<Phrase>, CatalogueError> {
    let mut out = Vec::new();
    for (line, cols) in data_lines(src) {
        let [text, kind, base, freq] = cols.as_slice() else {
            return Err(columns(line, 4, cols.len()));
        };
        out.push(Phrase {
            text: phrase_text(line, text)?,
            kind: parse_kind(line, kind)?,
            lang: Lang::En,
            key: None,
            freq: parse_freq(line, freq)?,
            notes: String::new(),
            variant_of: Some((*base).to_string()),
        });
    }
    Ok(out)
}

/// Non-empty, non-comment lines with their 1-based numbers, split on tabs.
fn data_lines(src: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i, l.split('\t').collect()))
}

fn columns(line: usize, expected: usize, found: usize) -> CatalogueError {
    CatalogueError::Columns {
        line,
        expected,
        found,
    }
}

fn phrase_text(line: usize, text: &str) -> Result<String, CatalogueError> {
    if text.is_empty() || text.trim() != text {
        return Err(CatalogueError::BadPhrase { line });
    }
    Ok(text.to_string())
}

fn parse_kind(line: usize, value: &str) -> Result<Kind, CatalogueError> {
    match value {
        "preambular" => Ok(Kind::Preambular),
        "operative" => Ok(Kind::Operative),
        _ => Err(CatalogueError::Kind {
            line,
            value: value.to_string(),
        }),
    }
}

fn parse_freq(line: usize, value: &str) -> Result<u32, CatalogueError> {
    if value == "-" {
        return Ok(0);
    }
    value.parse().map_err(|_| CatalogueError::Freq {
        line,
        value: value.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_line_with_and_without_notes() {
        let src = "# comment\nRecalling\tpreambular\ten\t-\t12\tmost common\n\
                   Rappelant\tpreambular\tfr\tRecalling\t-\n";
        let got = parse_catalogue(src).unwrap();
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].freq, 12);
        assert_eq!(got[0].notes, "most common");
        assert_eq!(got[1].key.as_deref(), Some("Recalling"));
        assert_eq!(got[1].lang, Lang::Fr);
    }

    #[test]
    fn reports_bad_lines_with_their_number() {
        let bad_kind = "Recalling\tpreamble\ten\t-\t0\t\n";
        assert!(matches!(
            parse_catalogue(bad_kind),
            Err(CatalogueError::Kind { line: 1, .. })
        ));
        let dup = "Notes\toperative\ten\t-\t0\t\nNotes\toperative\ten\t-\t0\t\n";
        assert!(matches!(
            parse_catalogue(dup),
            Err(CatalogueError::Duplicate { line: 2, .. })
        ));
        let no_key = "Prie\toperative\tfr\t-\t0\t\n";
        assert!(matches!(
            parse_catalogue(no_key),
            Err(CatalogueError::MissingKey { line: 1, .. })
        ));
        assert!(matches!(
            parse_catalogue("Notes\toperative\n"),
            Err(CatalogueError::Columns { found: 2, .. })
        ));
    }
}
