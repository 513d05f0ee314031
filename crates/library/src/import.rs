//! Importing files and folders: walk, hash, read, segment, index, commit as we go.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{IndexWriter, Searcher, TantivyDocument, Term};

use crate::error::{LibraryError, Result};
use crate::manifest;
use crate::metadata::{self, MetaIndex, MetaRow};
use crate::prepare::{prepare, Resolved};
use crate::schema::{Fields, META, SOURCE};
use crate::walk::{walk, Found};
use crate::{Library, Stats};

/// How often an import commits by default (see [`Library::set_commit_interval`]).
pub(crate) const COMMIT_EVERY: Duration = Duration::from_secs(3);

/// Memory the index writer may use before it flushes a segment.
const WRITER_BUDGET: usize = 128 * 1024 * 1024;

/// Where an import stands, sent after each file: enough for a progress bar.
#[derive(Debug, Clone, Serialize)]
pub struct Progress {
    /// Files handled so far (imported, unchanged or failed).
    pub files_done: usize,
    /// Files found under the given paths.
    pub files_total: usize,
    /// Bytes of the files handled so far.
    pub bytes_done: u64,
    /// Bytes of all files found.
    pub bytes_total: u64,
    /// Files handled per second so far.
    pub files_per_sec: f64,
    /// Estimated seconds left, from the byte rate so far (None before any byte).
    pub eta_secs: Option<f64>,
    /// The file just handled.
    pub current: PathBuf,
}

/// A file that could not be imported, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FileFailure {
    /// The file (or the path given, when it does not exist).
    pub path: PathBuf,
    /// Why, in plain words: "empty file", "PDF is encrypted: ...".
    pub reason: String,
}

/// What an import did.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ImportSummary {
    /// Files found.
    pub files: usize,
    /// Files imported for the first time.
    pub added: usize,
    /// Files imported before whose content changed: their old entries were replaced.
    pub replaced: usize,
    /// Files imported before with the same content: skipped.
    pub unchanged: usize,
    /// Files that could not be imported; whatever an earlier import took from them stays.
    pub failed: Vec<FileFailure>,
    /// Paragraphs indexed by this import.
    pub paragraphs: usize,
    /// Metadata rows taken into the register by this import.
    pub metadata_rows: usize,
    /// Wall-clock seconds.
    pub seconds: f64,
}

/// What handling one file produced.
enum Outcome {
    Unchanged,
    Failed(String),
    Text {
        hash: String,
        replaced: bool,
        resolved: Resolved,
    },
    Meta {
        hash: String,
        replaced: bool,
        rows: Vec<MetaRow>,
    },
}

/// State shared by the workers of one import.
struct Context<'a> {
    known: &'a HashMap<String, String>,
    meta: &'a MetaIndex,
}

impl Library {
    /// Imports files and folders (recursively; hidden entries and library folders are
    /// skipped). Metadata files (CSV, JSONL) are read first so that the texts imported with
    /// them are dated. Unchanged files are skipped by content hash, changed ones replaced;
    /// a file that cannot be read is reported in the summary and the import goes on.
    /// Work is committed every few seconds, so a killed import keeps what it committed.
    pub fn import(
        &mut self,
        paths: &[PathBuf],
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<ImportSummary> {
        self.writable()?;
        let start = Instant::now();
        self.record_roots(paths)?;
        // The recorded counts are kept up to date file by file and written when the import
        // ends; they stop being true with the first commit, so a killed import must not
        // leave them behind. A manifest without them (older, or a killed import) is counted
        // once here.
        let mut stats = match self.manifest.stats.take() {
            Some(stats) => {
                manifest::save(&self.dir, &self.manifest)?;
                stats
            }
            None => self.count_stats()?,
        };
        let mut summary = ImportSummary::default();
        let found = collect(paths, &mut summary);
        let known = self.known_sources()?;
        let mut meta = self.known_metadata()?;
        let mut writer: IndexWriter<TantivyDocument> = self
            .index
            .writer(WRITER_BUDGET)
            .map_err(crate::error::writer_error)?;
        let mut run = Run::new(&found, start, self.commit_every, progress);
        let split = found
            .iter()
            .take_while(|f| metadata::is_metadata_name(&f.name))
            .count();
        let (metas, texts) = found.split_at(split);
        // Metadata first, one file at a time: the texts after them are dated from it.
        for f in metas {
            let outcome = handle(
                f,
                &Context {
                    known: &known,
                    meta: &meta,
                },
            );
            if let Outcome::Meta { rows, .. } = &outcome {
                rows.iter().cloned().for_each(|r| meta.add(r));
            }
            self.apply(&mut writer, f, outcome, &mut summary, &mut stats)?;
            run.tick(f, &mut writer)?;
        }
        let ctx = Context {
            known: &known,
            meta: &meta,
        };
        self.import_texts(
            texts,
            &ctx,
            &mut writer,
            (&mut summary, &mut stats),
            &mut run,
        )?;
        writer.commit()?;
        drop(writer);
        self.reader.reload()?;
        self.manifest.stats = Some(stats);
        manifest::save(&self.dir, &self.manifest)?;
        summary.seconds = start.elapsed().as_secs_f64();
        Ok(summary)
    }

    /// Reads and segments texts on worker threads; this thread writes to the index.
    fn import_texts(
        &self,
        texts: &[Found],
        ctx: &Context<'_>,
        writer: &mut IndexWriter<TantivyDocument>,
        (summary, stats): (&mut ImportSummary, &mut Stats),
        run: &mut Run<'_>,
    ) -> Result<()> {
        let next = AtomicUsize::new(0);
        let workers = std::thread::available_parallelism()
            .map_or(2, |n| n.get())
            .clamp(1, 8);
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<(usize, Outcome)>(64);
            for _ in 0..workers {
                let tx = tx.clone();
                let next = &next;
                scope.spawn(move || loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(f) = texts.get(i) else { break };
                    if tx.send((i, handle(f, ctx))).is_err() {
                        break;
                    }
                });
            }
            drop(tx);
            for (i, outcome) in rx {
                let Some(f) = texts.get(i) else { continue };
                // On an index error, stop the workers by dropping the receiver.
                self.apply(writer, f, outcome, summary, stats)?;
                run.tick(f, writer)?;
            }
            Ok(())
        })
    }

    /// Writes one file's outcome: deletes what the file gave before, adds what it gives now,
    /// and keeps `stats` counting the same.
    fn apply(
        &self,
        writer: &mut IndexWriter<TantivyDocument>,
        f: &Found,
        outcome: Outcome,
        summary: &mut ImportSummary,
        stats: &mut Stats,
    ) -> Result<()> {
        let fields = &self.fields;
        let outcome = match outcome {
            Outcome::Unchanged => {
                summary.unchanged += 1;
                return Ok(());
            }
            Outcome::Failed(reason) => {
                summary.failed.push(FileFailure {
                    path: f.path.clone(),
                    reason,
                });
                return Ok(());
            }
            Outcome::Text {
                hash,
                replaced,
                resolved,
            } => {
                summary.paragraphs += resolved.paras.len();
                let docs = fields.resolution_docs(&f.key, &resolved);
                let body = resolved.body.map(|b| b.code());
                (
                    hash,
                    replaced,
                    docs,
                    (Some((body, resolved.year, resolved.paras.len())), 0),
                )
            }
            Outcome::Meta {
                hash,
                replaced,
                rows,
            } => {
                summary.metadata_rows += rows.len();
                let docs = rows.iter().map(|r| fields.meta_doc(&f.key, r)).collect();
                (hash, replaced, docs, (None, rows.len()))
            }
        };
        let (hash, replaced, docs, (text, metadata_rows)) = outcome;
        if replaced {
            summary.replaced += 1;
            // The reader still sees what the file gave before: the import reloads it at the end.
            stats.remove(&self.counts_of_source(&f.key)?);
        } else {
            summary.added += 1;
        }
        stats.files += 1;
        stats.metadata_rows += metadata_rows;
        if let Some((body, year, paragraphs)) = text {
            stats.add_text(body, year, paragraphs);
        }
        writer.delete_term(fields.source_term(&f.key));
        for doc in docs {
            writer.add_document(doc)?;
        }
        writer.add_document(fields.source_doc(&f.key, &hash))?;
        Ok(())
    }

    /// Adds the given paths to the manifest's roots before anything is indexed, so that a
    /// rebuild after a crash knows them.
    fn record_roots(&mut self, paths: &[PathBuf]) -> Result<()> {
        let before = self.manifest.roots.len();
        for p in paths {
            let p = std::fs::canonicalize(p).unwrap_or_else(|_| p.clone());
            if p.exists() && !self.manifest.roots.contains(&p) {
                self.manifest.roots.push(p);
            }
        }
        if self.manifest.roots.len() > before {
            manifest::save(&self.dir, &self.manifest)?;
        }
        Ok(())
    }

    /// Content hash of every imported file, by source key.
    pub(crate) fn known_sources(&self) -> Result<HashMap<String, String>> {
        Ok(sources(&self.searcher(), &self.fields)?
            .into_iter()
            .collect())
    }

    /// The metadata rows already in the library.
    fn known_metadata(&self) -> Result<MetaIndex> {
        let mut index = MetaIndex::default();
        let f = &self.fields;
        for doc in self.all_of_type(META)? {
            let get = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
            };
            let Some(symbol) = get(f.symbol) else {
                continue;
            };
            index.add(MetaRow {
                symbol,
                body: get(f.body),
                date: get(f.date),
                title: get(f.title),
                file: get(f.file),
                adoption: None,
            });
        }
        Ok(index)
    }
}

/// Reads one file and turns it into what the index needs.
fn handle(f: &Found, ctx: &Context<'_>) -> Outcome {
    if f.size > resolute_convert::MAX_INPUT_BYTES {
        let e = resolute_convert::ConvertError::TooLarge {
            size: f.size,
            limit: resolute_convert::MAX_INPUT_BYTES,
        };
        return Outcome::Failed(e.to_string());
    }
    let bytes = match std::fs::read(&f.path) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(format!("cannot read file: {e}")),
    };
    let hash = hex_sha256(&bytes);
    let previous = ctx.known.get(&f.key);
    if previous == Some(&hash) {
        return Outcome::Unchanged;
    }
    let replaced = previous.is_some();
    if metadata::is_metadata_name(&f.name) {
        return match std::str::from_utf8(&bytes) {
            Err(e) => Outcome::Failed(format!("metadata file is not UTF-8: {e}")),
            Ok(text) => match metadata::parse(&f.name, text) {
                Ok(rows) => Outcome::Meta {
                    hash,
                    replaced,
                    rows,
                },
                Err(reason) => Outcome::Failed(format!("metadata file: {reason}")),
            },
        };
    }
    match resolute_convert::read_draft_text(&bytes, &f.name) {
        Err(e) => Outcome::Failed(e.to_string()),
        Ok(doc) => match guarded_prepare(&doc, &f.name, ctx.meta) {
            Ok(resolved) => Outcome::Text {
                hash,
                replaced,
                resolved,
            },
            Err(reason) => Outcome::Failed(reason),
        },
    }
}

/// [`prepare`], with a panic in segmentation (a bug, never expected) reported as this
/// file's failure instead of ending the whole import.
fn guarded_prepare(
    doc: &resolute_convert::DraftText,
    name: &str,
    meta: &MetaIndex,
) -> std::result::Result<Resolved, String> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| prepare(doc, name, meta)))
        .unwrap_or_else(|_| Err("internal error while segmenting (please report this file)".into()))
}

/// Version of the reading of files (converters and segmenter). Bump it whenever reading the
/// same file gives other paragraphs: it is part of the hash recorded for each file, so the
/// next import reads every file read by an older version again (and replaces what it gave)
/// instead of skipping it as unchanged. (`FORMAT_VERSION` rebuilds the whole index; this
/// only re-reads, file by file, as files are given.)
pub const READER_VERSION: u32 = 2;

/// What is recorded for a file: the reader version and the SHA-256 of its content, in hex.
fn hex_sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    format!("r{READER_VERSION}:{}", hex(&sha2::Sha256::digest(bytes)))
}

/// Bytes in lower-case hex.
pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every imported file of an index (its `source` documents) with its recorded hash, in name
/// order.
pub(crate) fn sources(searcher: &Searcher, f: &Fields) -> Result<Vec<(String, String)>> {
    let query = TermQuery::new(
        Term::from_field_text(f.doc_type, SOURCE),
        IndexRecordOption::Basic,
    );
    let mut out = Vec::new();
    for address in searcher.search(&query, &DocSetCollector)? {
        let doc: TantivyDocument = searcher.doc(address)?;
        let get = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        if let (Some(s), Some(h)) = (get(f.source), get(f.hash)) {
            out.push((s, h));
        }
    }
    out.sort();
    Ok(out)
}

/// The files under `paths`, each once, metadata files first; paths that cannot be opened
/// are reported in `summary`.
fn collect(paths: &[PathBuf], summary: &mut ImportSummary) -> Vec<Found> {
    let mut found = Vec::new();
    for path in paths {
        if let Err(reason) = walk(path, &mut found) {
            summary.failed.push(FileFailure {
                path: path.clone(),
                reason,
            });
        }
    }
    dedupe(&mut found);
    found.sort_by_key(|f| !metadata::is_metadata_name(&f.name));
    summary.files = found.len();
    found
}

fn dedupe(found: &mut Vec<Found>) {
    let mut seen = HashSet::new();
    found.retain(|f| seen.insert(f.key.clone()));
}

/// Progress accounting and periodic commits of one import.
/// Progress of one piece of work over files of known sizes: files and bytes done, rates and
/// the time left from the byte rate, reported after each file (imports and packs).
pub(crate) struct Meter<'a> {
    done: usize,
    total: usize,
    bytes_done: u64,
    bytes_total: u64,
    start: Instant,
    report: &'a mut dyn FnMut(&Progress),
}

impl<'a> Meter<'a> {
    pub(crate) fn new(
        total: usize,
        bytes_total: u64,
        start: Instant,
        report: &'a mut dyn FnMut(&Progress),
    ) -> Self {
        Meter {
            done: 0,
            total,
            bytes_done: 0,
            bytes_total,
            start,
            report,
        }
    }

    /// One more file of `bytes` bytes done.
    pub(crate) fn step(&mut self, bytes: u64, current: &Path) {
        self.done += 1;
        self.bytes_done += bytes;
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        let rate = self.bytes_done as f64 / secs;
        let left = self.bytes_total.saturating_sub(self.bytes_done) as f64;
        (self.report)(&Progress {
            files_done: self.done,
            files_total: self.total,
            bytes_done: self.bytes_done,
            bytes_total: self.bytes_total,
            files_per_sec: self.done as f64 / secs,
            eta_secs: (rate > 0.0).then(|| left / rate),
            current: current.to_path_buf(),
        });
    }
}

/// An import's progress, and its commit every few seconds.
struct Run<'a> {
    meter: Meter<'a>,
    last_commit: Instant,
    commit_every: Duration,
}

impl<'a> Run<'a> {
    fn new(
        found: &[Found],
        start: Instant,
        commit_every: Duration,
        progress: &'a mut dyn FnMut(&Progress),
    ) -> Self {
        let bytes = found.iter().map(|f| f.size).sum();
        Run {
            meter: Meter::new(found.len(), bytes, start, progress),
            last_commit: Instant::now(),
            commit_every,
        }
    }

    fn tick(&mut self, f: &Found, writer: &mut IndexWriter<TantivyDocument>) -> Result<()> {
        self.meter.step(f.size, &f.path);
        if self.last_commit.elapsed() >= self.commit_every {
            writer.commit().map_err(LibraryError::from)?;
            self.last_commit = Instant::now();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A file recorded by an older reader (its hash without this reader's version) is read
    /// again and replaces what it gave; the same file recorded by this reader is skipped.
    #[test]
    fn files_read_by_an_older_reader_are_read_again() {
        let dir = std::env::temp_dir().join(format!("resolute-reader-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let text = "A/RES/90/1\n\nThe General Assembly,\n\nRecalling its resolution 61/208,\n\n1. Decides to act.\n";
        let path = dir.join("a.txt");
        std::fs::write(&path, text).unwrap();
        let f = Found {
            path: path.clone(),
            key: path.to_string_lossy().into_owned(),
            name: "a.txt".into(),
            size: text.len() as u64,
        };
        let meta = MetaIndex::default();
        let hash = hex_sha256(text.as_bytes());
        assert!(hash.starts_with(&format!("r{READER_VERSION}:")), "{hash}");
        let plain = hash.split_once(':').map(|(_, h)| h.to_string()).unwrap();
        let outcome = |recorded: &str| {
            let known = HashMap::from([(f.key.clone(), recorded.to_string())]);
            handle(
                &f,
                &Context {
                    known: &known,
                    meta: &meta,
                },
            )
        };
        assert!(matches!(outcome(&hash), Outcome::Unchanged));
        assert!(matches!(
            outcome(&plain),
            Outcome::Text { replaced: true, .. }
        ));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
