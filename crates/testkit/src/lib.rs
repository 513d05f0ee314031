//! What the tests of every crate share (a dev-dependency only).
//!
//! The corpus tests hold every quality figure the project reports, so where the shared corpus
//! is and what its absence means is decided here, once: a developer without the corpus sees
//! the corpus tests skip with a message naming the folder; under `CI=true` (set by `.ci/run`)
//! a missing corpus fails the test that needed it.

use std::path::{Path, PathBuf};

/// Where the shared corpus should be: `$RESOLUTE_CORPUS`, else `../shared/corpus` beside the
/// workspace root.
pub fn corpus_path() -> PathBuf {
    match std::env::var_os("RESOLUTE_CORPUS") {
        Some(dir) => PathBuf::from(dir),
        None => workspace_root().join("../shared/corpus"),
    }
}

/// The workspace root (this crate lives in `crates/testkit`).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// True when the environment says this is a CI run (`CI` set to anything but `false`/`0`).
pub fn under_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0")
}

/// The shared corpus, when it is there (it holds `metadata/documents.jsonl` and `texts/`).
/// Otherwise prints that the calling test skips and returns `None` — except under CI, where
/// it panics: a quality figure that was not measured must not pass.
pub fn corpus() -> Option<PathBuf> {
    missing_means(corpus_path(), under_ci())
}

fn missing_means(dir: PathBuf, ci: bool) -> Option<PathBuf> {
    if dir.join("metadata/documents.jsonl").is_file() && dir.join("texts").is_dir() {
        return Some(dir);
    }
    assert!(
        !ci,
        "CI=true: the shared corpus is missing at {} (set RESOLUTE_CORPUS); corpus tests must run in CI",
        dir.display()
    );
    eprintln!(
        "skipping: the shared corpus is not at {} (set RESOLUTE_CORPUS)",
        dir.display()
    );
    None
}

/// Says that the calling test skips, and why (a tool that `scripts/setup.sh` installs is
/// absent, or did not run). Under CI, where setup installed everything, it fails instead.
pub fn skip(reason: &str) {
    assert!(!under_ci(), "CI=true: a test could not run: {reason}");
    eprintln!("skipping: {reason}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_corpus_skips_outside_ci() {
        assert_eq!(
            missing_means(PathBuf::from("/nonexistent/corpus"), false),
            None
        );
    }

    #[test]
    #[should_panic(expected = "corpus tests must run in CI")]
    fn a_missing_corpus_fails_under_ci() {
        missing_means(PathBuf::from("/nonexistent/corpus"), true);
    }

    #[test]
    fn a_folder_without_the_metadata_is_not_the_corpus() {
        let dir = std::env::temp_dir().join(format!("testkit-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("texts")).unwrap();
        assert_eq!(missing_means(dir.clone(), false), None);
        std::fs::create_dir_all(dir.join("metadata")).unwrap();
        std::fs::write(dir.join("metadata/documents.jsonl"), "{}\n").unwrap();
        assert_eq!(missing_means(dir.clone(), true), Some(dir.clone()));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
