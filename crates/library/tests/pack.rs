//! Library packs that must not be taken: truncated, a changed byte, another program's zip,
//! a newer format, a zip bomb. Each is refused with the file and the reason, and the library
//! it was to go into is as it was. Then a library on read-only media: it opens for search and
//! writes nothing.

use std::fs;
use std::io::{Cursor, Read, Write};
use std::path::{Path, PathBuf};
use std::process::Command;

use resolute_library::{Library, LibraryError, SearchRequest, Stats, PACK_FORMAT};
use sha2::{Digest, Sha256};

use crate::common::{resolution_text, temp_dir};

fn texts(dir: &Path, n: usize) -> PathBuf {
    let texts = dir.join("texts");
    fs::create_dir_all(&texts).unwrap();
    for i in 0..n {
        fs::write(
            texts.join(format!("r{i}.txt")),
            resolution_text(
                &format!("A/RES/90/{}", 100 + i),
                &[&format!(
                    "Recalling its resolution 61/{} on desert locusts,",
                    200 + i
                )],
                &[
                    &format!(
                        "Requests the Secretary-General to report on locust control in region {i};"
                    ),
                    "Decides to remain seized of the matter.",
                ],
            ),
        )
        .unwrap();
    }
    texts
}

/// A library of `n` texts in `dir/lib`.
fn library(dir: &Path, n: usize) -> Library {
    let texts = texts(dir, n);
    let mut lib = Library::open(dir.join("lib")).unwrap();
    lib.import(&[texts], &mut |_| {}).unwrap();
    lib
}

fn hits(lib: &Library, q: &str) -> Vec<String> {
    lib.search(&SearchRequest::new(q))
        .unwrap()
        .hits()
        .map(|h| h.reference.clone())
        .collect()
}

/// The entries of a zip: (name, bytes).
fn entries(pack: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(pack)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut e = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            e.read_to_end(&mut bytes).unwrap();
            (e.name().to_string(), bytes)
        })
        .collect()
}

/// A zip of `entries`, deflated.
fn zip_of(entries: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, bytes) in entries {
        zip.start_file(name.as_str(), options).unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The pack with its manifest changed by `edit`.
fn with_manifest(pack: &[u8], edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut all = entries(pack);
    let mut manifest: serde_json::Value = serde_json::from_slice(&all[0].1).unwrap();
    edit(&mut manifest);
    all[0].1 = serde_json::to_vec(&manifest).unwrap();
    zip_of(&all)
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn bad_packs_are_refused_and_the_library_is_unchanged() {
    let dir = temp_dir("bad-packs");
    let source = library(&dir.join("source"), 3);
    let good = dir.join("good.pack");
    source.pack(&good, &mut |_| {}).unwrap();
    let pack = fs::read(&good).unwrap();
    // The pack itself is sound, and read back whole it is taken.
    assert_eq!(entries(&zip_of(&entries(&pack)))[0].0, "resolute-pack.json");

    let bomb = {
        let zeros = vec![0u8; 64 << 20];
        let mut all = entries(&pack);
        let mut m: serde_json::Value = serde_json::from_slice(&all[0].1).unwrap();
        m["files"] = serde_json::json!([{"path": "index/meta.json", "size": zeros.len(), "sha256": hex(&zeros)}]);
        all[0].1 = serde_json::to_vec(&m).unwrap();
        zip_of(&[all[0].clone(), ("index/meta.json".to_string(), zeros)])
    };
    // A byte of the largest index file changed (a byte of the zip's own headers, such as a
    // modification time, changes no content and may rightly be taken).
    let changed = {
        let mut all = entries(&pack);
        let largest = (1..all.len()).max_by_key(|&i| all[i].1.len()).unwrap();
        let middle = all[largest].1.len() / 2;
        all[largest].1[middle] ^= 0x55;
        zip_of(&all)
    };
    let other = zip_of(&[("word/document.xml".to_string(), b"<w:document/>".to_vec())]);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("truncated", pack[..pack.len() / 2].to_vec(), "truncated"),
        ("changed", changed, "damaged"),
        ("other", other, "another kind"),
        (
            "newer-pack",
            with_manifest(&pack, |m| m["pack_version"] = (PACK_FORMAT + 1).into()),
            "newer Resolute",
        ),
        (
            "newer-library",
            with_manifest(&pack, |m| {
                m["library_format"] = (resolute_library::FORMAT_VERSION + 1).into();
            }),
            "newer than this program",
        ),
        ("bomb", bomb, "zip bomb"),
        (
            "unlisted",
            with_manifest(&pack, |m| {
                m["files"].as_array_mut().unwrap().pop();
            }),
            "its manifest lists",
        ),
    ];

    let mut holding = library(&dir.join("holding"), 1);
    let mut empty = Library::open(dir.join("empty")).unwrap();
    let before: Stats = holding.stats().unwrap();
    let found_before = hits(&holding, "locust");
    for (name, bytes, says) in cases {
        let path = dir.join(format!("{name}.pack"));
        fs::write(&path, bytes).unwrap();
        for lib in [&mut holding, &mut empty] {
            let err = lib.add_pack(&path, &mut |_| {}).unwrap_err();
            let message = err.to_string();
            assert!(
                matches!(err, LibraryError::Pack { .. }),
                "{name}: {message}"
            );
            assert!(message.contains(says), "{name}: {message}");
            assert!(
                message.contains(&path.display().to_string()),
                "{name}: {message}"
            );
            assert!(
                message.contains("the library is unchanged"),
                "{name}: {message}"
            );
            // Nothing left behind.
            let leftovers: Vec<_> = fs::read_dir(lib.dir())
                .unwrap()
                .filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with('.'))
                .collect();
            assert!(leftovers.is_empty(), "{name}: {leftovers:?}");
        }
        assert_eq!(holding.stats().unwrap(), before, "{name}");
        assert_eq!(hits(&holding, "locust"), found_before, "{name}");
        assert_eq!(empty.stats().unwrap().paragraphs, 0, "{name}");
    }
    // After all that, the good pack is still taken by both.
    assert!(empty.add_pack(&good, &mut |_| {}).unwrap().adopted);
    assert_eq!(hits(&empty, "locust"), hits(&source, "locust"));
    // The holding library's one text is the source's first, word for word: not taken twice.
    let merged = holding.add_pack(&good, &mut |_| {}).unwrap();
    assert_eq!((merged.added, merged.unchanged), (2, 1));
    assert_eq!(holding.stats().unwrap(), source.stats().unwrap());
    // A pack is told from documents by its content, not its name.
    assert!(resolute_library::is_pack(&good));
    assert!(!resolute_library::is_pack(&dir.join("other.pack")));
    assert!(!resolute_library::is_pack(&dir.join("source/texts/r0.txt")));
}

/// A folder that cannot be written, holding a copy of `lib`: a read-only tmpfs mount when
/// running as root (CI), else the copy with its write permissions taken away. `None` when
/// neither can be had (then the test says so, and fails under CI).
struct ReadOnly {
    dir: PathBuf,
    mounted: bool,
}

impl ReadOnly {
    fn of(lib: &Path, at: &Path) -> Option<ReadOnly> {
        fs::create_dir_all(at).unwrap();
        let root = Command::new("id").arg("-u").output().ok()?.stdout == b"0\n";
        let run = |args: &[&str]| {
            Command::new(args[0])
                .args(&args[1..])
                .status()
                .is_ok_and(|s| s.success())
        };
        let at_s = at.to_str()?;
        let mounted = root && run(&["mount", "-t", "tmpfs", "resolute-ro", at_s]);
        if root && !mounted {
            return None;
        }
        let copy = at.join("lib");
        assert!(run(&["cp", "-a", lib.to_str()?, copy.to_str()?]));
        let sealed = if mounted {
            run(&["mount", "-o", "remount,ro", at_s])
        } else {
            run(&["chmod", "-R", "a-w", copy.to_str()?])
        };
        let ro = ReadOnly { dir: copy, mounted };
        sealed.then_some(ro)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        let Some(parent) = self.dir.parent() else {
            return;
        };
        if self.mounted {
            // Lazily, so a test that failed with a reader still open leaves no mount behind.
            let _ = Command::new("umount").arg("-l").arg(parent).status();
        } else {
            let _ = Command::new("chmod")
                .arg("-R")
                .arg("u+w")
                .arg(&self.dir)
                .status();
        }
    }
}

/// Every file under `dir` with its size and modification time.
fn listing(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    for e in fs::read_dir(dir).unwrap().filter_map(|e| e.ok()) {
        let m = e.metadata().unwrap();
        if m.is_dir() {
            out.extend(listing(&e.path()));
        } else {
            out.push((e.path(), m.len(), m.modified().unwrap()));
        }
    }
    out.sort();
    out
}

#[test]
fn a_library_on_read_only_media_opens_for_search_and_writes_nothing() {
    let dir = temp_dir("read-only");
    let lib = library(&dir.join("source"), 3);
    let want = hits(&lib, "locust");
    let pack = dir.join("p.pack");
    lib.pack(&pack, &mut |_| {}).unwrap();
    let Some(ro) = ReadOnly::of(lib.dir(), &dir.join("media")) else {
        let msg = "read-only media cannot be simulated here (root without mount, or no chmod)";
        assert!(std::env::var("CI").is_err(), "{msg}");
        eprintln!("skipping: {msg}");
        return;
    };
    let before = listing(&ro.dir);
    let mut opened = Library::open(&ro.dir).unwrap();
    assert!(opened.is_read_only());
    assert_eq!(hits(&opened, "locust"), want);
    assert_eq!(opened.stats().unwrap(), lib.stats().unwrap());
    let texts = dir.join("source/texts");
    let refused = opened.import(&[texts], &mut |_| {}).unwrap_err();
    assert!(
        matches!(refused, LibraryError::ReadOnly { .. }),
        "{refused}"
    );
    assert!(refused.to_string().contains("read-only"), "{refused}");
    let refused = opened.add_pack(&pack, &mut |_| {}).unwrap_err();
    assert!(
        matches!(refused, LibraryError::ReadOnly { .. }),
        "{refused}"
    );
    // A second reader at the same time, and nothing written by either.
    let second = Library::open(&ro.dir).unwrap();
    assert_eq!(hits(&second, "locust"), want);
    assert_eq!(listing(&ro.dir), before);
    // The readers let go of the files before the media is unmounted.
    drop((opened, second));
    drop(ro);
}
