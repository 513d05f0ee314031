//! Metadata files: CSV or JSONL with a symbol and, per row, an adoption date, a title, a
//! body, and optionally the text file the row describes. They feed the register with
//! resolutions whose text the user does not have, and date the texts that do not say when
//! they were adopted.

use std::collections::HashMap;

use resolute_check::register_key;

use crate::symbols::is_iso_date;

/// One metadata row.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct MetaRow {
    pub symbol: String,
    pub body: Option<String>,
    pub date: Option<String>,
    pub title: Option<String>,
    /// The text file the row describes, as written (a relative path).
    pub file: Option<String>,
}

impl MetaRow {
    /// A row says something beyond a bare symbol (a list of symbols alone is no metadata):
    /// a date, a title, or which text file holds the resolution.
    fn informative(&self) -> bool {
        self.date.is_some() || self.title.is_some() || self.file.is_some()
    }
}

/// Whether a file name looks like a metadata file rather than a document.
pub(crate) fn is_metadata_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.ends_with(".csv") || lower.ends_with(".jsonl")
}

const SYMBOL: &[&str] = &["symbol", "document_symbol", "resolution_symbol"];
const DATE: &[&str] = &["adoption_date", "adopted", "date_adopted"];
const TITLE: &[&str] = &["title"];
const BODY: &[&str] = &["body", "organ"];
const FILE: &[&str] = &["text_file", "file", "path"];

/// Reads metadata rows from CSV or JSONL text (told apart by `name`). Rows without a
/// symbol, or with nothing but a symbol, are left out.
pub(crate) fn parse(name: &str, text: &str) -> Result<Vec<MetaRow>, String> {
    let rows = if name.to_ascii_lowercase().ends_with(".jsonl") {
        parse_jsonl(text)?
    } else {
        parse_csv(text)?
    };
    Ok(rows.into_iter().filter(MetaRow::informative).collect())
}

fn parse_csv(text: &str) -> Result<Vec<MetaRow>, String> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| e.to_string())?.clone();
    let col = |names: &[&str]| headers.iter().position(|h| names.contains(&h.trim()));
    let symbol = col(SYMBOL).ok_or("no `symbol` column in the header")?;
    let (date, title, body, file) = (col(DATE), col(TITLE), col(BODY), col(FILE));
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("row {}: {e}", i + 1))?;
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).and_then(clean);
        let Some(sym) = get(Some(symbol)) else {
            continue;
        };
        out.push(MetaRow {
            symbol: sym,
            body: get(body),
            date: get(date).filter(|d| is_iso_date(d)),
            title: get(title),
            file: get(file),
        });
    }
    Ok(out)
}

fn parse_jsonl(text: &str) -> Result<Vec<MetaRow>, String> {
    let mut out = Vec::new();
    let mut symbols_seen = false;
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let get = |names: &[&str]| {
            names
                .iter()
                .find_map(|n| value.get(*n).and_then(serde_json::Value::as_str))
                .and_then(clean)
        };
        let Some(symbol) = get(SYMBOL) else { continue };
        symbols_seen = true;
        out.push(MetaRow {
            symbol,
            body: get(BODY),
            date: get(DATE).filter(|d| is_iso_date(d)),
            title: get(TITLE),
            file: get(FILE),
        });
    }
    if !symbols_seen && !text.trim().is_empty() {
        return Err("no row has a `symbol` field".into());
    }
    Ok(out)
}

fn clean(s: &str) -> Option<String> {
    let s = s.trim();
    (!s.is_empty()).then(|| s.to_string())
}

/// What the metadata known at import time says, by register key and by text file name, so
/// imported texts get the date and title the text itself does not state.
#[derive(Debug, Default)]
pub(crate) struct MetaIndex {
    by_key: HashMap<String, MetaRow>,
    by_file: HashMap<String, String>,
}

impl MetaIndex {
    /// Adds a row; a later row completes the fields an earlier one lacked.
    pub fn add(&mut self, row: MetaRow) {
        if let Some(file) = row.file.as_deref().and_then(file_name) {
            self.by_file.insert(file.to_string(), row.symbol.clone());
        }
        let entry = self.by_key.entry(register_key(&row.symbol)).or_default();
        if entry.symbol.is_empty() {
            entry.symbol = row.symbol;
        }
        entry.body = entry.body.take().or(row.body);
        entry.date = entry.date.take().or(row.date);
        entry.title = entry.title.take().or(row.title);
    }

    /// The row known for a symbol.
    pub fn get(&self, symbol: &str) -> Option<&MetaRow> {
        self.by_key.get(&register_key(symbol))
    }

    /// The symbol a metadata row gives to a text file of this name.
    pub fn symbol_of_file(&self, name: &str) -> Option<&str> {
        self.by_file.get(name).map(String::as_str)
    }
}

/// The last component of a path written with either separator.
pub(crate) fn file_name(path: &str) -> Option<&str> {
    path.rsplit(['/', '\\']).next().filter(|s| !s.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_with_quoted_titles() {
        let csv = "symbol,body,adoption_date,title\n\
            A/RES/61/208,GA,2006-12-20,\"Migration, and development\"\n\
            A/RES/1/1,GA,,\n";
        let rows = parse("index.csv", csv).unwrap();
        assert_eq!(rows.len(), 1, "a bare symbol is not metadata");
        assert_eq!(rows[0].title.as_deref(), Some("Migration, and development"));
        assert_eq!(rows[0].date.as_deref(), Some("2006-12-20"));
    }

    #[test]
    fn jsonl_rows_and_their_files() {
        let jsonl = r#"{"symbol":"S/RES/1325 (2000)","adoption_date":"2000-10-31","text_file":"texts/S_RES_1325(2000).txt"}
{"symbol":"A/RES/78/1","title":"T","adoption_date":"not a date"}"#;
        let rows = parse("documents.jsonl", jsonl).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[1].date, None);
        let mut index = MetaIndex::default();
        rows.into_iter().for_each(|r| index.add(r));
        assert_eq!(
            index.symbol_of_file("S_RES_1325(2000).txt"),
            Some("S/RES/1325 (2000)")
        );
        assert_eq!(
            index
                .get("S/RES/1325(2000)")
                .and_then(|r| r.date.as_deref()),
            Some("2000-10-31")
        );
    }

    #[test]
    fn files_without_symbols_are_errors() {
        assert!(parse("votes.csv", "rcid,unres\n1,R/1/1\n").is_err());
        assert!(parse("x.jsonl", "{\"a\":1}\n").is_err());
        assert!(parse("x.jsonl", "{not json\n").is_err());
    }
}
