//! Loading benchmark inputs: the shared corpus and the sample draft. Benchmarks may do I/O;
//! the library they measure does not.

use std::path::{Path, PathBuf};

/// A text to benchmark on, with where it came from.
pub struct Text {
    /// Path relative to the corpus `texts/` folder, e.g. `raw-pdf/ga-resolutions/A_RES_78_100.txt`.
    pub name: String,
    /// The whole file.
    pub text: String,
}

/// The workspace root, two levels above this crate.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// $RESOLUTE_CORPUS, else `../shared/corpus` beside the workspace; `None` (with a message)
/// when it is absent.
pub fn corpus_dir() -> Option<PathBuf> {
    let dir = match std::env::var_os("RESOLUTE_CORPUS") {
        Some(d) => PathBuf::from(d),
        None => workspace_root().join("../shared/corpus"),
    };
    if dir.join("texts").is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipping corpus inputs: corpus not found at {}",
            dir.display()
        );
        None
    }
}

/// Every UTF-8 text file under `corpus/texts/<sub>`, sorted by name (deterministic sets).
pub fn load_texts(corpus: &Path, sub: &str) -> Vec<Text> {
    let root = corpus.join("texts");
    let mut files = Vec::new();
    collect(&root.join(sub), &mut files);
    files.sort();
    files
        .into_iter()
        .filter_map(|path| {
            let text = std::fs::read_to_string(&path).ok()?;
            let name = path
                .strip_prefix(&root)
                .unwrap_or(&path)
                .display()
                .to_string();
            Some(Text { name, text })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

/// The bundled sample draft (`assets/sample/draft.md`), when it exists.
pub fn sample_draft() -> Option<String> {
    let path = workspace_root().join("assets/sample/draft.md");
    let text = std::fs::read_to_string(&path).ok();
    if text.is_none() {
        eprintln!("skipping sample draft: {} not found", path.display());
    }
    text
}

/// Total size in bytes.
pub fn bytes(texts: &[Text]) -> u64 {
    texts.iter().map(|t| t.text.len() as u64).sum()
}
