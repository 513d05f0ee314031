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
    /// How the resolution was adopted, when the row says (a roll call, a draft's lifecycle).
    pub adoption: Option<Adoption>,
}

/// How a resolution was adopted, as a metadata row records it: the meeting, the vote, the
/// main sponsors of its draft.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Adoption {
    /// The plenary meeting: "43".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    /// Adopted without a vote.
    #[serde(default)]
    pub without_vote: bool,
    /// A recorded vote: in favour, against, abstaining.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote: Option<(u32, u32, u32)>,
    /// The main sponsors of the draft, as the lifecycle names them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sponsors: Option<String>,
}

impl Adoption {
    /// Completes what one row says with another's (a roll call and a lifecycle).
    pub(crate) fn merge(&mut self, other: Adoption) {
        self.meeting = self.meeting.take().or(other.meeting);
        self.without_vote |= other.without_vote && self.vote.is_none() && other.vote.is_none();
        self.vote = self.vote.or(other.vote);
        if self.vote.is_some() {
            self.without_vote = false;
        }
        self.sponsors = self.sponsors.take().or(other.sponsors);
    }
}

impl MetaRow {
    /// A row says something beyond a bare symbol (a list of symbols alone is no metadata):
    /// a date, a title, which text file holds the resolution, or how it was adopted.
    fn informative(&self) -> bool {
        self.date.is_some()
            || self.title.is_some()
            || self.file.is_some()
            || self.adoption.is_some()
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
    if col(&["unres"]).is_some() && col(&["yes"]).is_some() {
        return parse_roll_calls(&mut reader, &headers);
    }
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
            adoption: None,
        });
    }
    Ok(out)
}

/// Roll-call votes of the General Assembly (the Voeten data: `unres`, `amend`, `para`, `yes`,
/// `no`, `abstain`, `date`): a vote on a whole resolution (not on an amendment or a paragraph)
/// whose `unres` is a resolution symbol ("A/RES/75/45") is the recorded vote it was adopted by.
fn parse_roll_calls(
    reader: &mut csv::Reader<&[u8]>,
    headers: &csv::StringRecord,
) -> Result<Vec<MetaRow>, String> {
    let col = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (unres, amend, para) = (col("unres"), col("amend"), col("para"));
    let (yes, no, abstain) = (col("yes"), col("no"), col("abstain"));
    let mut out = Vec::new();
    for (i, row) in reader.records().enumerate() {
        let row = row.map_err(|e| format!("row {}: {e}", i + 1))?;
        let get = |c: Option<usize>| c.and_then(|c| row.get(c)).and_then(clean);
        let count = |c: Option<usize>| match get(c).as_deref() {
            None | Some("NA") => Some(0),
            Some(n) => n.parse::<u32>().ok(),
        };
        let whole = get(amend).as_deref() == Some("0") && get(para).as_deref() == Some("0");
        let Some(symbol) = get(unres)
            .filter(|_| whole)
            .and_then(|s| roll_call_symbol(&s))
        else {
            continue;
        };
        let (Some(y), Some(n), Some(a)) = (count(yes), count(no), count(abstain)) else {
            continue;
        };
        // A roll call's date is the vote's, not always the adoption's: kept out.
        out.push(MetaRow {
            symbol,
            body: Some("GA".into()),
            adoption: Some(Adoption {
                vote: Some((y, n, a)),
                ..Adoption::default()
            }),
            ..MetaRow::default()
        });
    }
    Ok(out)
}

/// The resolution a roll call's `unres` names: "A/RES/75/45" as is; "R/31/6A" (the data's
/// form before the 75th session) is A/RES/31/6 A from the 31st session on. Earlier sessions
/// number their resolutions with a Roman session ("217 (III)"): their rows are left out.
fn roll_call_symbol(unres: &str) -> Option<String> {
    if unres.starts_with("A/RES/") {
        return Some(unres.to_string());
    }
    let (session, number) = unres.strip_prefix("R/")?.split_once('/')?;
    let session: u32 = session.parse().ok().filter(|s| *s >= 31)?;
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let (n, letter) = number.split_at(digits);
    let plain = !n.is_empty()
        && (letter.is_empty()
            || (letter.len() == 1 && letter.bytes().all(|b| b.is_ascii_uppercase())));
    plain.then(|| match letter {
        "" => format!("A/RES/{session}/{n}"),
        l => format!("A/RES/{session}/{n} {l}"),
    })
}

/// A General Assembly draft's lifecycle (iGov: `draft_symbols`, `main_sponsors`, `stages`):
/// its adoption stage gives the resolution ("79/21" -> "A/RES/79/21"), the meeting, the vote
/// (or none) and the draft's main sponsors.
fn lifecycle_row(value: &serde_json::Value) -> Option<MetaRow> {
    let stages = value.get("stages")?.as_array()?;
    let adopted = stages.iter().rev().find(|s| {
        s.get("StageName").and_then(|n| n.as_str()) == Some("Adoption")
            && s.get("Body").and_then(|b| b.as_str()) == Some("GA")
    })?;
    let text = |v: &serde_json::Value, k: &str| v.get(k).and_then(|x| x.as_str()).and_then(clean);
    let number = text(adopted, "DocSymbol")?;
    let symbol = if number.starts_with("A/") {
        number
    } else {
        format!("A/RES/{number}")
    };
    let votes = |k: &str| adopted.get(k).and_then(serde_json::Value::as_u64);
    let vote = match (votes("VoteY"), votes("VoteN"), votes("VoteAbstain")) {
        (Some(y), Some(n), Some(a)) => Some((
            u32::try_from(y).ok()?,
            u32::try_from(n).ok()?,
            u32::try_from(a).ok()?,
        )),
        _ => None,
    };
    let voted = text(adopted, "Voting").map(|v| v.to_ascii_lowercase());
    let title_case = |s: String| {
        s.split(", ")
            .map(|name| {
                name.split(' ')
                    .map(|w| {
                        let lower = w.to_lowercase();
                        match lower.as_str() {
                            "of" | "and" | "the" | "on" | "behalf" | "for" => lower,
                            _ => {
                                let mut c = lower.chars();
                                c.next()
                                    .map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
                            }
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    // Stage dates are record dates (they can differ from the adoption's): kept out.
    Some(MetaRow {
        symbol,
        body: Some("GA".into()),
        adoption: Some(Adoption {
            meeting: text(adopted, "MeetingNo"),
            without_vote: vote.is_none() && voted.as_deref() == Some("no"),
            vote,
            sponsors: text(value, "main_sponsors").map(title_case),
        }),
        ..MetaRow::default()
    })
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
        if value.get("stages").is_some() && value.get("draft_symbols").is_some() {
            symbols_seen = true;
            out.extend(lifecycle_row(&value));
            continue;
        }
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
            adoption: None,
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

    #[test]
    fn roll_calls_give_the_recorded_vote_of_whole_resolutions() {
        let csv = "rcid,session,year,date,unres,amend,para,importantvote,yes,no,abstain,short\n\
                   3,1,1946,1946-01-01,R/1/66,1,0,0,29,18,4,AMENDMENT\n\
                   9188,75,2020,2020-12-07,A/RES/75/45,0,0,NA,143,34,9,Follow-up\n\
                   9199,75,2020,2020-12-07,A/RES/75/52,0,0,NA,169,NA,17,Mines\n\
                   2001,31,1976,1976-11-09,R/31/6A,0,0,0,134,0,16,Apartheid\n\
                   1001,5,1950,1950-12-14,R/5/428,0,0,0,46,0,5,Refugees\n\
                   9200,75,2020,2020-12-07,A/RES/75/53,0,1,NA,100,2,3,A paragraph vote\n";
        let rows = parse("votes.csv", csv).unwrap();
        type Vote = Option<(u32, u32, u32)>;
        let votes: Vec<(&str, Vote)> = rows
            .iter()
            .map(|r| (r.symbol.as_str(), r.adoption.as_ref().and_then(|a| a.vote)))
            .collect();
        assert_eq!(
            votes,
            [
                ("A/RES/75/45", Some((143, 34, 9))),
                ("A/RES/75/52", Some((169, 0, 17))),
                ("A/RES/31/6 A", Some((134, 0, 16))),
            ]
        );
        assert!(rows.iter().all(|r| r.date.is_none()));
    }

    #[test]
    fn a_lifecycle_gives_meeting_vote_and_sponsors() {
        let line = r#"{"draft_symbols": ["A/C.1/79/L.6", "79/21"], "title": "Outer space", "main_sponsors": "RUSSIAN FEDERATION, UNITED STATES OF AMERICA", "stages": [{"StageName": "Submission", "Body": "First Committee"}, {"StageName": "Adoption", "StageD": "2024-12-02", "Body": "GA", "DocSymbol": "79/21", "MeetingNo": "43", "Voting": "Yes", "VoteY": 128, "VoteN": 50, "VoteAbstain": 8}]}
{"draft_symbols": ["A/C.3/79/L.2", "79/150"], "main_sponsors": "ITALY", "stages": [{"StageName": "Adoption", "Body": "GA", "DocSymbol": "79/150", "MeetingNo": "51", "Voting": "No"}]}"#;
        let rows = parse("lifecycle.jsonl", line).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].symbol, "A/RES/79/21");
        let a = rows[0].adoption.clone().unwrap();
        assert_eq!(a.meeting.as_deref(), Some("43"));
        assert_eq!(a.vote, Some((128, 50, 8)));
        assert_eq!(
            a.sponsors.as_deref(),
            Some("Russian Federation, United States of America")
        );
        let b = rows[1].adoption.clone().unwrap();
        assert!(b.without_vote && b.vote.is_none());
    }
}
