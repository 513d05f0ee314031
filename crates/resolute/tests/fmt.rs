//! `resolute fmt`: exit codes of `--check`, the rewrite agrees with the library, and the
//! atomic rewrite leaves nothing behind.

use crate::util::{resolute_on, stderr, stdout, TempDir, OWN_DRAFT};

/// A draft written in a sloppy way: wrong numbering, no emphasis on the openings.
const SLOPPY: &str = "---
body: General Assembly
session: 81
title: Sloppy draft
---

*The General Assembly*,

Recalling its resolution 61/208,

3. Decides to remain seized of the matter;

7. Requests the Secretary-General to report.
";

#[test]
fn check_exit_code_agrees_with_the_formatter_and_writes_nothing() {
    let dir = TempDir::new("fmt-check");
    for (name, text) in [("own.md", OWN_DRAFT), ("sloppy.md", SLOPPY)] {
        let path = dir.file(name, text);
        let would_change = resolute_draft::format(text).map(|f| f != text);
        let out = resolute_on(&["fmt", "--check"], &path);
        match would_change {
            Ok(true) => {
                assert_eq!(out.status.code(), Some(1), "{name}: {}", stderr(&out));
                assert!(
                    stdout(&out).contains(&path.display().to_string()),
                    "names the file"
                );
            }
            Ok(false) => {
                assert_eq!(out.status.code(), Some(0), "{name}: {}", stderr(&out));
                assert_eq!(stdout(&out), "", "prints nothing when nothing would change");
            }
            Err(_) => assert_eq!(out.status.code(), Some(2), "{name}"),
        }
        assert_eq!(
            std::fs::read_to_string(&path).expect("read"),
            text,
            "--check wrote"
        );
    }
}

/// End to end through the formatter: passes once `format` is implemented.
#[test]
fn fmt_rewrites_in_place_then_check_passes() {
    let dir = TempDir::new("fmt-rewrite");
    let path = dir.file("sloppy.md", SLOPPY);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let perm = std::fs::Permissions::from_mode(0o604);
        std::fs::set_permissions(&path, perm).expect("chmod");
    }
    let out = resolute_on(&["fmt"], &path);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let written = std::fs::read_to_string(&path).expect("read");
    let expected = resolute_draft::format(SLOPPY).expect("formats");
    assert_eq!(written, expected, "the file holds the formatter's output");
    assert!(
        written.contains("1. *Decides*") && written.contains("2. *Requests*"),
        "{written}"
    );
    assert_eq!(
        dir.entries(),
        vec!["sloppy.md".to_string()],
        "no temporary file left"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o604, "permissions kept");
    }
    let again = resolute_on(&["fmt", "--check"], &path);
    assert_eq!(
        again.status.code(),
        Some(0),
        "formatted draft is stable: {}",
        stdout(&again)
    );
}

#[test]
fn fmt_never_leaves_temporary_files() {
    let dir = TempDir::new("fmt-temp");
    let path = dir.file("d.md", OWN_DRAFT);
    let out = resolute_on(&["fmt"], &path);
    // Whatever the outcome (rewritten, unchanged, or refused by the safety check), the
    // directory holds only the draft and the draft is never empty.
    assert!(matches!(out.status.code(), Some(0 | 2)), "{}", stderr(&out));
    assert_eq!(dir.entries(), vec!["d.md".to_string()]);
    let after = std::fs::read_to_string(&path).expect("read");
    assert!(!after.trim().is_empty(), "fmt emptied the draft");
    if out.status.code() == Some(2) {
        assert_eq!(
            after, OWN_DRAFT,
            "a refused rewrite leaves the file as it was"
        );
    }
}
