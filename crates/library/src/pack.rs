//! Library packs: a whole library as one file, to carry to a laptop without network.
//!
//! A pack is a zip. Its first entry, `resolute-pack.json`, is the [`PackManifest`]: the pack
//! and library format versions, the program that wrote it, a fingerprint of the index schema,
//! what the library holds, and the size and SHA-256 of every other entry. The other entries
//! are the files of the index's last commit under `index/`. Adding a pack checks all of that
//! before anything changes: an empty library adopts the pack's index as it is; a library
//! that holds something takes the pack's files one by one as an import would (a file whose
//! content it already holds is skipped, one it holds under the same name with another
//! content is replaced), in one commit.

use std::collections::{HashMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{Index, IndexWriter, TantivyDocument};

use crate::error::{LibraryError, Result};
use crate::import::{hex, sources, Meter, Progress};
use crate::library::{make_reader, INDEX_DIR};
use crate::manifest;
use crate::schema::{Fields, PARA};
use crate::{Library, Stats};

/// Version of the pack layout this program writes and reads.
pub const PACK_FORMAT: u32 = 1;
/// The manifest's entry name, first in the zip.
const PACK_MANIFEST: &str = "resolute-pack.json";
/// The `format` field of a pack manifest.
const PACK_KIND: &str = "resolute-library-pack";
/// Largest manifest read (a pack of the whole UN record lists a few thousand files).
const MAX_MANIFEST_BYTES: u64 = 16 << 20;
/// Largest library a pack may unpack to.
const MAX_UNPACKED_BYTES: u64 = 256 << 30;
/// Largest ratio of unpacked to packed size for an entry over 1 MiB: index files compress a
/// few times at most; a zip bomb, a thousand times and more.
const MAX_RATIO: u64 = 200;
/// Memory the writer may use while merging a pack into a library.
const WRITER_BUDGET: usize = 100_000_000;

/// The first entry of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackManifest {
    /// Always "resolute-library-pack".
    pub format: String,
    /// The pack layout version ([`PACK_FORMAT`]).
    pub pack_version: u32,
    /// The library (index) format version ([`crate::FORMAT_VERSION`]).
    pub library_format: u32,
    /// The program that wrote it: "resolute-library 0.1.0".
    pub written_by: String,
    /// SHA-256 of the index schema: a pack is read only by a program of the same schema.
    pub schema: String,
    /// What the library holds.
    pub stats: Stats,
    /// Every other entry, in order.
    pub files: Vec<PackFile>,
}

/// One file of a pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PackFile {
    /// Its name in the zip: `index/meta.json`.
    pub path: String,
    /// Its size in bytes.
    pub size: u64,
    /// SHA-256 of its content, in hex.
    pub sha256: String,
}

/// What [`Library::pack`] wrote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackSummary {
    /// The pack file.
    pub path: PathBuf,
    /// Its size in bytes.
    pub bytes: u64,
    /// Index files in it.
    pub files: usize,
    /// What the library holds.
    pub stats: Stats,
    /// Time taken.
    pub seconds: f64,
}

/// What [`Library::add_pack`] did.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PackAdded {
    /// The pack file.
    pub path: PathBuf,
    /// Whether the library was empty and took the pack's index as it is.
    pub adopted: bool,
    /// Imported files of the pack brought in.
    pub added: usize,
    /// Files the library held under the same name, replaced by the pack's.
    pub replaced: usize,
    /// Files whose content the library already held.
    pub unchanged: usize,
    /// What the library holds now.
    pub stats: Stats,
    /// Time taken.
    pub seconds: f64,
}

/// Whether `path` is a library pack (a zip whose first entry is the pack manifest), as
/// opposed to a document or a folder to import.
pub fn is_pack(path: &Path) -> bool {
    let mut head = [0u8; 30 + PACK_MANIFEST.len()];
    let read = File::open(path).and_then(|mut f| f.read_exact(&mut head));
    read.is_ok() && head.starts_with(b"PK\x03\x04") && head[30..] == *PACK_MANIFEST.as_bytes()
}

/// SHA-256 of the schema as the index stores it.
fn schema_fingerprint(fields: &Fields) -> String {
    let json = serde_json::to_vec(&fields.schema).unwrap_or_default();
    hex(&Sha256::digest(&json))
}

fn bad(path: &Path, reason: impl Into<String>) -> LibraryError {
    LibraryError::Pack {
        path: path.to_path_buf(),
        reason: reason.into(),
    }
}

impl Library {
    /// Writes the library's last commit as one pack file at `out` (replaced atomically).
    pub fn pack(&self, out: &Path, progress: &mut dyn FnMut(&Progress)) -> Result<PackSummary> {
        let start = Instant::now();
        let index_dir = self.dir.join(INDEX_DIR);
        // The commit's small files are read once and written as read: a commit by another
        // process meanwhile cannot make the pack disagree with its manifest. Segment files
        // never change once written.
        let meta_json = fs::read(index_dir.join("meta.json"))
            .map_err(|e| LibraryError::io(index_dir.join("meta.json"), e))?;
        let managed = fs::read(index_dir.join(".managed.json")).ok();
        let mut names: Vec<String> = Vec::new();
        for segment in self.index.searchable_segment_metas()? {
            for file in segment.list_files() {
                if index_dir.join(&file).exists() {
                    names.push(file.to_string_lossy().into_owned());
                }
            }
        }
        names.sort();
        let mut files = Vec::new();
        let mut inline: HashMap<String, Vec<u8>> = HashMap::new();
        for (name, bytes) in [("meta.json", Some(meta_json)), (".managed.json", managed)] {
            if let Some(bytes) = bytes {
                files.push(PackFile {
                    path: format!("{INDEX_DIR}/{name}"),
                    size: bytes.len() as u64,
                    sha256: hex(&Sha256::digest(&bytes)),
                });
                inline.insert(name.to_string(), bytes);
            }
        }
        for name in &names {
            let path = index_dir.join(name);
            let (size, sha256) = hash_file(&path).map_err(|e| changed_while_packing(&path, e))?;
            files.push(PackFile {
                path: format!("{INDEX_DIR}/{name}"),
                size,
                sha256,
            });
        }
        let manifest = PackManifest {
            format: PACK_KIND.to_string(),
            pack_version: PACK_FORMAT,
            library_format: crate::FORMAT_VERSION,
            written_by: format!("resolute-library {}", env!("CARGO_PKG_VERSION")),
            schema: schema_fingerprint(&self.fields),
            stats: self.stats()?,
            files,
        };
        let tmp = temp_beside(out);
        let written = write_pack(&tmp, &manifest, &index_dir, &inline, start, progress)
            .and_then(|()| fs::rename(&tmp, out).map_err(|e| LibraryError::io(out, e)));
        if let Err(e) = written {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        let bytes = fs::metadata(out)
            .map_err(|e| LibraryError::io(out, e))?
            .len();
        Ok(PackSummary {
            path: out.to_path_buf(),
            bytes,
            files: manifest.files.len(),
            stats: manifest.stats,
            seconds: start.elapsed().as_secs_f64(),
        })
    }

    /// Checks the pack at `pack` and brings it into this library: an empty library takes
    /// its index as it is, any other imports its files (no duplicates). On any error the
    /// library is as it was.
    pub fn add_pack(
        &mut self,
        pack: &Path,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<PackAdded> {
        self.writable()?;
        let start = Instant::now();
        // Refuse at once when another import holds the library.
        let writer: IndexWriter<TantivyDocument> = self
            .index
            .writer(WRITER_BUDGET)
            .map_err(crate::error::writer_error)?;
        let staging = self.dir.join(format!(".pack-{}", std::process::id()));
        let _ = fs::remove_dir_all(&staging);
        let outcome = self.bring_in(pack, &staging, writer, progress);
        let _ = fs::remove_dir_all(&staging);
        let (adopted, mut added, replaced, unchanged) = outcome?;
        let stats = self.count_stats()?;
        if adopted {
            added = stats.files;
        }
        self.manifest.stats = Some(stats);
        manifest::save(&self.dir, &self.manifest)?;
        Ok(PackAdded {
            path: pack.to_path_buf(),
            adopted,
            added,
            replaced,
            unchanged,
            stats: self.manifest.stats.clone().unwrap_or_default(),
            seconds: start.elapsed().as_secs_f64(),
        })
    }

    fn bring_in(
        &mut self,
        pack: &Path,
        staging: &Path,
        writer: IndexWriter<TantivyDocument>,
        progress: &mut dyn FnMut(&Progress),
    ) -> Result<(bool, usize, usize, usize)> {
        let staged = unpack(pack, staging, &self.fields, progress)?;
        let fields = &self.fields;
        let staged_index = Index::open_in_dir(&staged)
            .map(crate::pairs::registered)
            .map_err(|e| bad(pack, format!("its index does not open ({e})")))?;
        if !fields.matches(&staged_index.schema()) {
            return Err(bad(pack, "its index schema is not this program's"));
        }
        let staged_reader = make_reader(&staged_index)
            .map_err(|e| bad(pack, format!("its index does not read ({e})")))?;
        let searcher = staged_reader.searcher();
        searcher
            .search(&tantivy::query::AllQuery, &tantivy::collector::Count)
            .map_err(|e| bad(pack, format!("its index does not read ({e})")))?;
        let holds_nothing = self
            .searcher()
            .search(&tantivy::query::AllQuery, &tantivy::collector::Count)?
            == 0;
        if holds_nothing {
            drop(writer);
            drop(searcher);
            drop(staged_reader);
            drop(staged_index);
            self.adopt(&staged)?;
            // Every file of the pack is new here: `add_pack` counts them with the rest.
            return Ok((true, 0, 0, 0));
        }
        merge(self, writer, &searcher, progress)
    }

    /// Puts the staged index in place of this (empty) library's.
    fn adopt(&mut self, staged: &Path) -> Result<()> {
        let current = self.dir.join(INDEX_DIR);
        let old = self.dir.join(format!(".index-old-{}", std::process::id()));
        // Let go of the current files first (a system that cannot rename open files).
        self.index = crate::pairs::registered(Index::create_in_ram(self.fields.schema.clone()));
        self.reader = make_reader(&self.index)?;
        fs::rename(&current, &old).map_err(|e| LibraryError::io(&current, e))?;
        if let Err(e) = fs::rename(staged, &current) {
            let _ = fs::rename(&old, &current);
            self.reopen()?;
            return Err(LibraryError::io(&current, e));
        }
        let _ = fs::remove_dir_all(&old);
        self.reopen()
    }

    fn reopen(&mut self) -> Result<()> {
        self.index = crate::pairs::registered(Index::open_in_dir(self.dir.join(INDEX_DIR))?);
        self.reader = make_reader(&self.index)?;
        Ok(())
    }
}

/// Brings the pack's files into a library that holds something, in one commit.
fn merge(
    lib: &Library,
    mut writer: IndexWriter<TantivyDocument>,
    pack: &tantivy::Searcher,
    progress: &mut dyn FnMut(&Progress),
) -> Result<(bool, usize, usize, usize)> {
    let f = &lib.fields;
    let known = lib.known_sources()?;
    let held: HashSet<&str> = known.values().map(String::as_str).collect();
    let sources = sources(pack, f)?;
    let mut meter = Meter::new(
        sources.len(),
        sources.len() as u64,
        Instant::now(),
        progress,
    );
    let (mut added, mut replaced, mut unchanged) = (0, 0, 0);
    for (source, hash) in &sources {
        meter.step(1, Path::new(source));
        if held.contains(hash.as_str()) {
            unchanged += 1;
            continue;
        }
        if known.contains_key(source) {
            replaced += 1;
            writer.delete_term(f.source_term(source));
        } else {
            added += 1;
        }
        let query = TermQuery::new(f.source_term(source), IndexRecordOption::Basic);
        for address in pack.search(&query, &DocSetCollector)? {
            let doc: TantivyDocument = pack.doc(address)?;
            writer.add_document(restored(f, doc))?;
        }
    }
    writer.commit()?;
    drop(writer);
    lib.reader.reload()?;
    Ok((false, added, replaced, unchanged))
}

/// A stored document with the fields the index keeps but does not store, derived again as
/// `write.rs` derives them: `base_key` from `symbol_key`, and a paragraph's `exact` and
/// `pairs` from its `text`. (A test checks that these are all the unstored fields.)
fn restored(f: &Fields, mut doc: TantivyDocument) -> TantivyDocument {
    let text = |doc: &TantivyDocument, field| {
        doc.get_first(field)
            .and_then(|v| v.as_str())
            .map(str::to_string)
    };
    if let Some(key) = text(&doc, f.symbol_key) {
        doc.add_text(f.base_key, crate::symbols::base_key(&key));
        doc.add_u64(f.resolution, crate::schema::resolution_id(&key));
    }
    if text(&doc, f.doc_type).as_deref() == Some(PARA) {
        if let Some(t) = text(&doc, f.text) {
            doc.add_text(f.exact, &t);
            doc.add_text(f.pairs, t);
        }
    }
    doc
}

fn hash_file(path: &Path) -> io::Result<(u64, String)> {
    let mut reader = BufReader::new(File::open(path)?);
    let mut hasher = Sha256::new();
    let size = io::copy(&mut reader, &mut hasher)?;
    Ok((size, hex(&hasher.finalize())))
}

fn changed_while_packing(path: &Path, e: io::Error) -> LibraryError {
    let reason = io::Error::new(
        e.kind(),
        format!("{e} (the library changed while packing: try again when the import has ended)"),
    );
    LibraryError::io(path, reason)
}

fn temp_beside(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map_or_else(|| "pack".into(), |n| n.to_string_lossy().into_owned());
    out.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

fn zip_error(path: &Path, e: zip::result::ZipError) -> LibraryError {
    LibraryError::io(path, io::Error::other(e.to_string()))
}

fn write_pack(
    tmp: &Path,
    manifest: &PackManifest,
    index_dir: &Path,
    inline: &HashMap<String, Vec<u8>>,
    start: Instant,
    progress: &mut dyn FnMut(&Progress),
) -> Result<()> {
    use zip::write::SimpleFileOptions;
    use zip::CompressionMethod;
    let file = File::create(tmp).map_err(|e| LibraryError::io(tmp, e))?;
    let mut zip = zip::ZipWriter::new(BufWriter::new(file));
    let json =
        serde_json::to_vec_pretty(manifest).map_err(|e| LibraryError::Manifest(e.to_string()))?;
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    zip.start_file(PACK_MANIFEST, stored)
        .map_err(|e| zip_error(tmp, e))?;
    zip.write_all(&json).map_err(|e| LibraryError::io(tmp, e))?;
    let bytes = manifest.files.iter().map(|f| f.size).sum();
    let mut meter = Meter::new(manifest.files.len(), bytes, start, progress);
    for f in &manifest.files {
        let name = f
            .path
            .strip_prefix(&format!("{INDEX_DIR}/"))
            .unwrap_or(&f.path);
        let options = SimpleFileOptions::default()
            .compression_method(CompressionMethod::Deflated)
            .compression_level(Some(1))
            .large_file(f.size >= u64::from(u32::MAX));
        zip.start_file(f.path.as_str(), options)
            .map_err(|e| zip_error(tmp, e))?;
        let source = index_dir.join(name);
        match inline.get(name) {
            Some(bytes) => zip.write_all(bytes).map_err(|e| LibraryError::io(tmp, e))?,
            None => {
                let mut reader = File::open(&source)
                    .map(BufReader::new)
                    .map_err(|e| changed_while_packing(&source, e))?;
                let mut hasher = Sha256::new();
                let mut buf = vec![0u8; 1 << 16];
                loop {
                    let n = reader
                        .read(&mut buf)
                        .map_err(|e| LibraryError::io(&source, e))?;
                    if n == 0 {
                        break;
                    }
                    hasher.update(&buf[..n]);
                    zip.write_all(&buf[..n])
                        .map_err(|e| LibraryError::io(tmp, e))?;
                }
                if hex(&hasher.finalize()) != f.sha256 {
                    return Err(changed_while_packing(
                        &source,
                        io::Error::other("its content changed"),
                    ));
                }
            }
        }
        meter.step(f.size, &source);
    }
    let mut out = zip.finish().map_err(|e| zip_error(tmp, e))?;
    out.flush().map_err(|e| LibraryError::io(tmp, e))?;
    let file = out
        .into_inner()
        .map_err(|e| LibraryError::io(tmp, e.into_error()))?;
    file.sync_all().map_err(|e| LibraryError::io(tmp, e))
}

/// Reads and checks the pack, then writes its index under `staging`; returns the staged
/// index folder. Every check happens before a byte is written, except the checksums, which
/// are checked as the files are written (a failure leaves only the staging folder, which the
/// caller removes).
fn unpack(
    pack: &Path,
    staging: &Path,
    fields: &Fields,
    progress: &mut dyn FnMut(&Progress),
) -> Result<PathBuf> {
    let file = File::open(pack).map_err(|e| LibraryError::io(pack, e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| {
        bad(
            pack,
            format!("not a complete zip file ({e}): truncated, or not a pack"),
        )
    })?;
    let manifest = read_manifest(pack, &mut zip)?;
    check_manifest(pack, &manifest, fields)?;
    // Every entry is listed, with its size, once; nothing else is there.
    if zip.len() != manifest.files.len() + 1 {
        return Err(bad(
            pack,
            format!(
                "it holds {} files, its manifest lists {}",
                zip.len() - 1,
                manifest.files.len()
            ),
        ));
    }
    let mut total = 0u64;
    for (i, listed) in manifest.files.iter().enumerate() {
        let entry = zip
            .by_index(i + 1)
            .map_err(|e| bad(pack, format!("entry {} unreadable ({e})", i + 1)))?;
        if entry.name() != listed.path {
            return Err(bad(
                pack,
                format!(
                    "entry {} is {}, its manifest says {}",
                    i + 1,
                    entry.name(),
                    listed.path
                ),
            ));
        }
        if entry.size() != listed.size {
            return Err(bad(pack, format!("{} has the wrong size", listed.path)));
        }
        if entry.size() > 1 << 20
            && entry.size() > entry.compressed_size().saturating_mul(MAX_RATIO)
        {
            return Err(bad(
                pack,
                format!(
                    "{} unpacks to {} bytes from {}: a zip bomb, not an index",
                    listed.path,
                    entry.size(),
                    entry.compressed_size()
                ),
            ));
        }
        total = total.saturating_add(entry.size());
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(bad(
            pack,
            format!("it unpacks to {total} bytes, over the limit"),
        ));
    }
    let index_dir = staging.join(INDEX_DIR);
    fs::create_dir_all(&index_dir).map_err(|e| LibraryError::io(&index_dir, e))?;
    let mut meter = Meter::new(manifest.files.len(), total, Instant::now(), progress);
    for (i, listed) in manifest.files.iter().enumerate() {
        let name = listed
            .path
            .strip_prefix(&format!("{INDEX_DIR}/"))
            .filter(|n| safe_name(n))
            .ok_or_else(|| bad(pack, format!("{} is not an index file", listed.path)))?;
        let target = index_dir.join(name);
        let entry = zip
            .by_index(i + 1)
            .map_err(|e| bad(pack, format!("{} unreadable ({e})", listed.path)))?;
        let mut out = File::create(&target)
            .map(BufWriter::new)
            .map_err(|e| LibraryError::io(&target, e))?;
        let mut hasher = Sha256::new();
        let mut limited = entry.take(listed.size + 1);
        let mut buf = vec![0u8; 1 << 16];
        let mut written = 0u64;
        loop {
            let n = limited
                .read(&mut buf)
                .map_err(|e| bad(pack, format!("{} is damaged ({e})", listed.path)))?;
            if n == 0 {
                break;
            }
            written += n as u64;
            hasher.update(&buf[..n]);
            out.write_all(&buf[..n])
                .map_err(|e| LibraryError::io(&target, e))?;
        }
        out.flush().map_err(|e| LibraryError::io(&target, e))?;
        if written != listed.size || hex(&hasher.finalize()) != listed.sha256 {
            return Err(bad(
                pack,
                format!(
                    "{} does not match its checksum: the pack is damaged",
                    listed.path
                ),
            ));
        }
        meter.step(listed.size, &target);
    }
    Ok(index_dir)
}

/// A plain file name: no folder, no way out of the index folder.
fn safe_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !name.contains(':')
}

fn read_manifest<R: Read + io::Seek>(
    pack: &Path,
    zip: &mut zip::ZipArchive<R>,
) -> Result<PackManifest> {
    let first = zip
        .by_index(0)
        .map_err(|e| bad(pack, format!("its first entry is unreadable ({e})")))?;
    if first.name() != PACK_MANIFEST {
        return Err(bad(
            pack,
            format!(
                "a zip file of another kind (its first entry is {}, not {PACK_MANIFEST})",
                first.name()
            ),
        ));
    }
    let mut json = Vec::new();
    first
        .take(MAX_MANIFEST_BYTES + 1)
        .read_to_end(&mut json)
        .map_err(|e| bad(pack, format!("its manifest is damaged ({e})")))?;
    if json.len() as u64 > MAX_MANIFEST_BYTES {
        return Err(bad(pack, "its manifest is too large"));
    }
    let value: serde_json::Value = serde_json::from_slice(&json)
        .map_err(|e| bad(pack, format!("its manifest does not read ({e})")))?;
    if value.get("format").and_then(serde_json::Value::as_str) != Some(PACK_KIND) {
        return Err(bad(pack, "its manifest is not a Resolute pack manifest"));
    }
    // The versions first: a newer pack may have changed the rest.
    let version = |name: &str| value.get(name).and_then(serde_json::Value::as_u64);
    match version("pack_version") {
        Some(v) if v > u64::from(PACK_FORMAT) => {
            return Err(bad(
                pack,
                format!(
                    "made by a newer Resolute (pack format {v}; this program reads {PACK_FORMAT}): update Resolute"
                ),
            ))
        }
        None => return Err(bad(pack, "its manifest has no pack_version")),
        Some(_) => {}
    }
    serde_json::from_value(value)
        .map_err(|e| bad(pack, format!("its manifest does not read ({e})")))
}

fn check_manifest(pack: &Path, m: &PackManifest, fields: &Fields) -> Result<()> {
    let ours = crate::FORMAT_VERSION;
    if m.library_format > ours {
        return Err(bad(
            pack,
            format!(
                "its library format {} is newer than this program's ({ours}; written by {}): update Resolute",
                m.library_format, m.written_by
            ),
        ));
    }
    if m.library_format < ours {
        return Err(bad(
            pack,
            format!(
                "its library format {} is older than this program's ({ours}; written by {}): make the pack again with this version",
                m.library_format, m.written_by
            ),
        ));
    }
    if m.schema != schema_fingerprint(fields) {
        return Err(bad(
            pack,
            format!(
                "its index schema differs from this program's (written by {})",
                m.written_by
            ),
        ));
    }
    if !m
        .files
        .iter()
        .any(|f| f.path == format!("{INDEX_DIR}/meta.json"))
    {
        return Err(bad(pack, "it holds no index (no index/meta.json)"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `restored` must derive every field the index keeps but does not store: a field added
    /// to the schema without being stored fails here until `restored` knows it.
    #[test]
    fn restored_covers_every_unstored_field() {
        let f = Fields::new();
        let unstored: Vec<&str> = f
            .schema
            .fields()
            .filter(|(_, entry)| !entry.is_stored())
            .map(|(_, entry)| entry.name())
            .collect();
        assert_eq!(unstored, ["base_key", "exact", "pairs", "resolution"]);
    }

    #[test]
    fn names_that_leave_the_index_folder_are_refused() {
        for bad in ["", ".", "..", "../x", "a/b", "a\\b", "c:x"] {
            assert!(!safe_name(bad), "{bad}");
        }
        assert!(safe_name("meta.json") && safe_name(".managed.json"));
        assert!(safe_name("0c5e7a3b4d2f4a0e9b8c7d6e5f4a3b2c.store"));
    }
}
