//! Counts of what the library holds, by organ and by year.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tantivy::collector::Count;

use crate::error::Result;
use crate::register::{all, term, text_of, u64_of};
use crate::schema::{DOC, META, PARA, SOURCE};
use crate::Library;

/// Resolutions and paragraphs of one organ or one year.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    /// Resolutions (and other documents) whose text is in the library.
    pub resolutions: usize,
    /// Their paragraphs.
    pub paragraphs: usize,
}

/// What the library holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stats {
    /// Files imported (texts and metadata files).
    pub files: usize,
    /// Documents with their text.
    pub resolutions: usize,
    /// Paragraphs indexed.
    pub paragraphs: usize,
    /// Metadata rows in the register.
    pub metadata_rows: usize,
    /// By organ code ("GA", "SC", "HRC", "ECOSOC", or "unknown").
    pub by_body: BTreeMap<String, Counts>,
    /// By adoption year (0 when no year is known).
    pub by_year: BTreeMap<u64, Counts>,
}

impl Library {
    /// Counts of files, resolutions and paragraphs, by organ and by year: as the last import
    /// recorded them in the manifest (reading them costs nothing at any size), else counted.
    /// Read from the file each time, so that an import by another process (the command
    /// line while the app runs) is seen.
    pub fn stats(&self) -> Result<Stats> {
        if let crate::manifest::Loaded::Current(m) = crate::manifest::load(&self.dir)? {
            if let Some(stats) = m.stats {
                return Ok(stats);
            }
        }
        self.count_stats()
    }

    /// The counts, counted in the index (a query per resolution: grows with the library).
    /// Every import records them in the manifest when it ends.
    pub fn count_stats(&self) -> Result<Stats> {
        let f = &self.fields;
        let searcher = self.searcher();
        let count = |t: &str| searcher.search(&*term(f.doc_type, t), &Count);
        let mut stats = Stats {
            files: count(SOURCE)?,
            resolutions: count(DOC)?,
            paragraphs: count(PARA)?,
            metadata_rows: count(META)?,
            ..Stats::default()
        };
        for doc in self.all_of_type(DOC)? {
            let body = text_of(&doc, f.body).unwrap_or_else(|| "unknown".into());
            let year = u64_of(&doc, f.year).unwrap_or(0);
            let key = text_of(&doc, f.symbol_key).unwrap_or_default();
            let q = all(vec![term(f.doc_type, PARA), term(f.symbol_key, &key)]);
            let paragraphs = searcher.search(&q, &Count)?;
            for counts in [
                stats.by_body.entry(body).or_default(),
                stats.by_year.entry(year).or_default(),
            ] {
                counts.resolutions += 1;
                counts.paragraphs += paragraphs;
            }
        }
        Ok(stats)
    }
}
