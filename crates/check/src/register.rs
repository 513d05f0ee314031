//! The register of adopted resolutions that citations are verified against.

use std::collections::HashMap;

use resolute_draft::{Body, Draft};

/// What the register knows of one resolution.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resolution {
    /// The symbol as the source wrote it: "A/RES/61/208", "S/RES/1325 (2000)".
    pub symbol: String,
    /// The adopting organ, when known.
    pub body: Option<Body>,
    /// Adoption date as `YYYY-MM-DD`, when known.
    pub adopted: Option<String>,
    /// Whether `adopted` was read from the resolution's own text (its adoption line or
    /// closing formula) rather than from metadata, which often holds a distribution or
    /// record date instead.
    pub adopted_from_text: bool,
    /// Another source's adoption date when it differs from `adopted` (the metadata's, when
    /// `adopted` is the text's): findings name both.
    pub adopted_otherwise: Option<String>,
    /// Title, when known (Security Council resolutions have none).
    pub title: Option<String>,
    /// The highest operative paragraph number (or, in an unnumbered text, the number of
    /// operative paragraphs), when the register has the text.
    pub operative_paragraphs: Option<u32>,
}

/// Answers questions about adopted resolutions. Symbols are compared through
/// [`register_key`], so "A/RES/1514 (XV)" and "A/RES/1514(XV)" are the same resolution.
pub trait Register {
    /// The resolution with this symbol, if the register knows it.
    fn resolution(&self, symbol: &str) -> Option<Resolution>;
    /// The symbols of the lettered resolutions adopted under a base symbol: for
    /// "A/RES/68/247", ["A/RES/68/247 A", "A/RES/68/247 B"] when the register knows them.
    fn lettered(&self, base: &str) -> Vec<String>;
    /// The text of operative paragraph `n` (1-based) of a resolution, when the register has
    /// its text.
    fn paragraph(&self, symbol: &str, n: u32) -> Option<String>;
}

/// The comparison key of a symbol: upper case, no whitespace of any kind.
pub fn register_key(symbol: &str) -> String {
    symbol
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Splits trailing letters off a key: "A/RES/68/247B" gives ("A/RES/68/247", "B");
/// "A/RES/69/96A-B" gives ("A/RES/69/96", "A-B"). Keys ending in a digit or ")" have no
/// letters.
fn split_letters(key: &str) -> (&str, &str) {
    let body = key.trim_end_matches(|c: char| c.is_ascii_uppercase() || c == '-');
    if body.ends_with(|c: char| c.is_ascii_digit()) && body.len() < key.len() {
        (body, &key[body.len()..])
    } else {
        (key, "")
    }
}

/// Why register data could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum RegisterError {
    /// A CSV row could not be read.
    #[error("line {line}: {reason}")]
    Csv {
        /// 1-based line in the CSV text.
        line: u64,
        /// What is wrong.
        reason: String,
    },
    /// The CSV text has no `symbol` column.
    #[error("no `symbol` column in the header")]
    NoSymbolColumn,
}

#[derive(Debug, Default)]
struct Entry {
    record: Resolution,
    /// Operative paragraphs with their printed numbers.
    paragraphs: Vec<(Option<u32>, String)>,
}

/// A register held in memory: built from metadata rows and, for resolutions whose text is
/// at hand, from their segmented text.
#[derive(Debug, Default)]
pub struct MemoryRegister {
    entries: HashMap<String, Entry>,
    letters: HashMap<String, Vec<String>>,
}

impl MemoryRegister {
    /// An empty register.
    pub fn new() -> Self {
        MemoryRegister::default()
    }

    /// Number of resolutions known.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the register knows no resolution.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Adds or completes a record; fields already known are kept when `record` lacks them.
    pub fn insert(&mut self, record: Resolution) {
        let key = register_key(&record.symbol);
        let (base, letters) = split_letters(&key);
        if !letters.is_empty() && !letters.contains('-') {
            let list = self.letters.entry(base.to_string()).or_default();
            if !list.contains(&record.symbol) {
                list.push(record.symbol.clone());
            }
        }
        let entry = self.entries.entry(key).or_default();
        merge(&mut entry.record, record);
    }

    /// Adds a resolution whose text is at hand: its operative paragraphs become answerable.
    pub fn insert_text(&mut self, mut record: Resolution, draft: &Draft) {
        let paragraphs: Vec<(Option<u32>, String)> = draft
            .operative
            .iter()
            .chain(draft.sections.iter().flat_map(|s| &s.operative))
            .map(|p| (p.number, p.text.clone()))
            .collect();
        // A pinpoint names a paragraph by its number: the highest number printed counts
        // (sections may restart or skip numbering); unnumbered texts count their paragraphs.
        let highest = paragraphs.iter().filter_map(|p| p.0).max();
        record.operative_paragraphs = highest.or(u32::try_from(paragraphs.len()).ok());
        // Only the adoption line ("Resolution adopted by the General Assembly on …") counts:
        // texts taken from compilation volumes carry the closing formulas of their
        // neighbours on the page.
        if let Some(date) = draft
            .meta
            .adopted
            .clone()
            .filter(|d| resolute_draft::dates::is_iso_date(d))
        {
            record.adopted = Some(date);
            record.adopted_from_text = true;
        }
        let key = register_key(&record.symbol);
        self.insert(record);
        if let Some(entry) = self.entries.get_mut(&key) {
            entry.paragraphs = paragraphs;
        }
    }

    /// Loads CSV text with a header row naming at least `symbol`, and optionally `body`
    /// (GA, SC, HRC, ECOSOC), `adoption_date` (YYYY-MM-DD) and `title`.
    pub fn load_csv(&mut self, text: &str) -> Result<usize, RegisterError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(csv_error)?.clone();
        let column = |name: &str| headers.iter().position(|h| h.trim() == name);
        let symbol = column("symbol").ok_or(RegisterError::NoSymbolColumn)?;
        let (body, date, title) = (column("body"), column("adoption_date"), column("title"));
        let mut added = 0;
        for row in reader.records() {
            let row = row.map_err(csv_error)?;
            let field = |i: Option<usize>| {
                i.and_then(|i| row.get(i))
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
            };
            let Some(sym) = field(Some(symbol)) else {
                continue;
            };
            self.insert(Resolution {
                symbol: sym.to_string(),
                body: field(body).and_then(Body::parse),
                adopted: field(date).map(str::to_string),
                title: field(title).map(str::to_string),
                operative_paragraphs: None,
                adopted_from_text: false,
                adopted_otherwise: None,
            });
            added += 1;
        }
        Ok(added)
    }
}

fn csv_error(e: csv::Error) -> RegisterError {
    let line = e.position().map_or(0, csv::Position::line);
    RegisterError::Csv {
        line,
        reason: e.to_string(),
    }
}

fn merge(into: &mut Resolution, from: Resolution) {
    if into.symbol.is_empty() {
        into.symbol = from.symbol;
    }
    into.body = into.body.or(from.body);
    let (text, other) = if from.adopted_from_text && !into.adopted_from_text {
        let other = into.adopted.take();
        into.adopted = from.adopted;
        into.adopted_from_text = true;
        (into.adopted.clone(), other)
    } else {
        let other = from.adopted.clone();
        into.adopted = into.adopted.take().or(from.adopted);
        (into.adopted.clone(), other)
    };
    // A date from another source that differs from the text's is named beside it.
    if into.adopted_from_text {
        into.adopted_otherwise = from
            .adopted_otherwise
            .or(into.adopted_otherwise.take())
            .or(other)
            .filter(|o| Some(o) != text.as_ref());
    }
    into.title = into.title.take().or(from.title);
    into.operative_paragraphs = from.operative_paragraphs.or(into.operative_paragraphs);
}

impl Register for MemoryRegister {
    fn resolution(&self, symbol: &str) -> Option<Resolution> {
        self.entries
            .get(&register_key(symbol))
            .map(|e| e.record.clone())
    }

    fn lettered(&self, base: &str) -> Vec<String> {
        self.letters
            .get(&register_key(base))
            .cloned()
            .unwrap_or_default()
    }

    fn paragraph(&self, symbol: &str, n: u32) -> Option<String> {
        let entry = self.entries.get(&register_key(symbol))?;
        if let Some((_, text)) = entry.paragraphs.iter().find(|p| p.0 == Some(n)) {
            return Some(text.clone());
        }
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        let unnumbered = entry.paragraphs.iter().all(|p| p.0.is_none());
        unnumbered
            .then(|| entry.paragraphs.get(index).map(|p| p.1.clone()))
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "symbol,body,adoption_date,title\n\
        A/RES/61/208,GA,2006-12-20,\"International migration and development\"\n\
        A/RES/68/247 B,GA,2014-04-09,\n\
        A/RES/68/247 A,GA,2013-12-27,\"Questions, relating to the budget\"\n\
        A/RES/1514(XV),GA,1960-12-14,\n";

    #[test]
    fn csv_rows_become_records_with_quoted_commas() {
        let mut reg = MemoryRegister::new();
        assert_eq!(reg.load_csv(CSV).unwrap(), 4);
        let r = reg.resolution("A/RES/61/208").unwrap();
        assert_eq!(r.adopted.as_deref(), Some("2006-12-20"));
        assert_eq!(r.body, Some(Body::GeneralAssembly));
        let a = reg.resolution("A/RES/68/247 A").unwrap();
        assert_eq!(
            a.title.as_deref(),
            Some("Questions, relating to the budget")
        );
    }

    #[test]
    fn spacing_in_symbols_does_not_matter() {
        let mut reg = MemoryRegister::new();
        reg.load_csv(CSV).unwrap();
        assert!(reg.resolution("A/RES/1514 (XV)").is_some());
        assert!(reg.resolution("A/RES/68/247\u{a0}B").is_some());
        assert!(reg.resolution("A/RES/68/247").is_none());
    }

    #[test]
    fn lettered_resolutions_are_listed_under_their_base() {
        let mut reg = MemoryRegister::new();
        reg.load_csv(CSV).unwrap();
        let mut letters = reg.lettered("A/RES/68/247");
        letters.sort();
        assert_eq!(letters, ["A/RES/68/247 A", "A/RES/68/247 B"]);
        assert!(reg.lettered("A/RES/61/208").is_empty());
    }

    #[test]
    fn missing_symbol_column_is_an_error() {
        let mut reg = MemoryRegister::new();
        assert!(matches!(
            reg.load_csv("name,date\nx,y\n"),
            Err(RegisterError::NoSymbolColumn)
        ));
    }

    #[test]
    fn known_fields_are_not_erased_by_a_thinner_record() {
        let mut reg = MemoryRegister::new();
        reg.load_csv(CSV).unwrap();
        reg.insert(Resolution {
            symbol: "A/RES/61/208".into(),
            ..Resolution::default()
        });
        let r = reg.resolution("A/RES/61/208").unwrap();
        assert_eq!(r.adopted.as_deref(), Some("2006-12-20"));
    }

    #[test]
    fn a_date_read_from_the_text_wins_over_metadata() {
        let mut reg = MemoryRegister::new();
        reg.load_csv(CSV).unwrap();
        let mut draft = Draft::default();
        draft.meta.adopted = Some("2006-12-19".into());
        reg.insert_text(
            Resolution {
                symbol: "A/RES/61/208".into(),
                ..Resolution::default()
            },
            &draft,
        );
        let r = reg.resolution("A/RES/61/208").unwrap();
        assert_eq!(r.adopted.as_deref(), Some("2006-12-19"));
        assert!(r.adopted_from_text);
        reg.insert(Resolution {
            symbol: "A/RES/61/208".into(),
            adopted: Some("2007-01-05".into()),
            ..Resolution::default()
        });
        assert_eq!(
            reg.resolution("A/RES/61/208").unwrap().adopted.as_deref(),
            Some("2006-12-19")
        );
    }

    #[test]
    fn paragraphs_are_found_by_their_printed_number() {
        use resolute_draft::{Kind, Paragraph, Span};
        let op = |n, text| Paragraph::plain(Kind::Operative, n, text, Span::default());
        let draft = Draft {
            operative: vec![op(Some(1), "Decides;"), op(Some(3), "Requests.")],
            ..Draft::default()
        };
        let mut reg = MemoryRegister::new();
        reg.insert_text(
            Resolution {
                symbol: "A/RES/1/1".into(),
                ..Resolution::default()
            },
            &draft,
        );
        assert_eq!(reg.paragraph("A/RES/1/1", 3).as_deref(), Some("Requests."));
        assert_eq!(reg.paragraph("A/RES/1/1", 2), None);
        assert_eq!(
            reg.resolution("A/RES/1/1").unwrap().operative_paragraphs,
            Some(3)
        );
    }

    #[test]
    fn split_letters_handles_plain_lettered_and_paired_keys() {
        assert_eq!(split_letters("A/RES/68/247B"), ("A/RES/68/247", "B"));
        assert_eq!(split_letters("A/RES/69/96A-B"), ("A/RES/69/96", "A-B"));
        assert_eq!(split_letters("A/RES/61/208"), ("A/RES/61/208", ""));
        assert_eq!(split_letters("A/RES/1514(XV)"), ("A/RES/1514(XV)", ""));
    }
}
