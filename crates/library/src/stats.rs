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
    /// Imports keep the manifest's counts as they go ([`Stats::add_text`] …); this is for a
    /// library whose manifest has none, and for a pack brought in. A resolution's paragraphs
    /// are those its own file gave (the same symbol from two files is counted per file).
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
            let body = text_of(&doc, f.body);
            let year = u64_of(&doc, f.year);
            let source = text_of(&doc, f.source).unwrap_or_default();
            let q = all(vec![term(f.doc_type, PARA), term(f.source, &source)]);
            let paragraphs = searcher.search(&q, &Count)?;
            stats.tally(body.as_deref(), year, 1, paragraphs);
        }
        Ok(stats)
    }

    /// What the file imported as `source` brought, as counts to take away before it is
    /// replaced (its text's record and paragraphs, or its metadata rows).
    pub(crate) fn counts_of_source(&self, source: &str) -> Result<Stats> {
        let f = &self.fields;
        let searcher = self.searcher();
        let of = |t: &str| all(vec![term(f.doc_type, t), term(f.source, source)]);
        let mut out = Stats {
            files: 1,
            metadata_rows: searcher.search(&of(META), &Count)?,
            ..Stats::default()
        };
        let paragraphs = searcher.search(&of(PARA), &Count)?;
        let records = self.fetch_all(&of(DOC))?;
        for doc in &records {
            out.tally(text_of(doc, f.body).as_deref(), u64_of(doc, f.year), 1, 0);
        }
        out.resolutions = records.len();
        out.paragraphs = paragraphs;
        // The paragraphs belong to the file's one record (none without a record).
        if let Some(doc) = records.first() {
            let body = text_of(doc, f.body).unwrap_or_else(|| UNKNOWN.into());
            let year = u64_of(doc, f.year).unwrap_or(0);
            for counts in [
                out.by_body.entry(body).or_default(),
                out.by_year.entry(year).or_default(),
            ] {
                counts.paragraphs += paragraphs;
            }
        }
        Ok(out)
    }
}

/// The organ of a resolution whose organ is not known.
const UNKNOWN: &str = "unknown";

impl Stats {
    /// Counts `resolutions` resolutions of `paragraphs` paragraphs of this organ and year
    /// (an unknown organ as "unknown", an unknown year as 0). The totals are the caller's.
    pub(crate) fn tally(
        &mut self,
        body: Option<&str>,
        year: Option<u64>,
        resolutions: usize,
        paragraphs: usize,
    ) {
        let body = body.unwrap_or(UNKNOWN).to_string();
        for counts in [
            self.by_body.entry(body).or_default(),
            self.by_year.entry(year.unwrap_or(0)).or_default(),
        ] {
            counts.resolutions += resolutions;
            counts.paragraphs += paragraphs;
        }
    }

    /// A text file imported: one resolution of `paragraphs` paragraphs.
    pub(crate) fn add_text(&mut self, body: Option<&str>, year: Option<u64>, paragraphs: usize) {
        self.resolutions += 1;
        self.paragraphs += paragraphs;
        self.tally(body, year, 1, paragraphs);
    }

    /// Takes away what [`Library::counts_of_source`] gave (a file about to be replaced);
    /// organs and years left with nothing are dropped, as a count would not list them.
    pub(crate) fn remove(&mut self, gone: &Stats) {
        self.files = self.files.saturating_sub(gone.files);
        self.resolutions = self.resolutions.saturating_sub(gone.resolutions);
        self.paragraphs = self.paragraphs.saturating_sub(gone.paragraphs);
        self.metadata_rows = self.metadata_rows.saturating_sub(gone.metadata_rows);
        fn take<K: Ord + Clone>(map: &mut BTreeMap<K, Counts>, gone: &BTreeMap<K, Counts>) {
            for (k, g) in gone {
                if let Some(c) = map.get_mut(k) {
                    c.resolutions = c.resolutions.saturating_sub(g.resolutions);
                    c.paragraphs = c.paragraphs.saturating_sub(g.paragraphs);
                    if c.resolutions == 0 && c.paragraphs == 0 {
                        map.remove(k);
                    }
                }
            }
        }
        take(&mut self.by_body, &gone.by_body);
        take(&mut self.by_year, &gone.by_year);
    }
}
