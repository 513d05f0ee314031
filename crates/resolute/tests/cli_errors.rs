//! Bad input never panics: one line on stderr, `resolute: <path>: <reason>`, exit code 2.

use std::path::Path;

use crate::util::{resolute, resolute_on, stderr, stdout, TempDir};

/// Runs `args FILE` and checks the one-line error contract; returns the line.
fn expect_refusal(args: &[&str], path: &Path, reason: &str) -> String {
    let out = resolute_on(args, path);
    let err = stderr(&out);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{args:?} {}: {err}",
        path.display()
    );
    assert_eq!(stdout(&out), "", "nothing on stdout on error");
    assert_eq!(err.lines().count(), 1, "exactly one line: {err:?}");
    let expected = format!("resolute: {}: ", path.display());
    assert!(
        err.starts_with(&expected),
        "{err:?} should start with {expected:?}"
    );
    assert!(err.contains(reason), "{err:?} should say {reason:?}");
    assert!(!err.contains("panicked"), "{err}");
    err
}

#[test]
fn missing_file() {
    let dir = TempDir::new("missing");
    let path = dir.0.join("nowhere.md");
    expect_refusal(&["parse"], &path, "no such file");
    expect_refusal(&["fmt"], &path, "no such file");
    expect_refusal(&["fmt", "--check"], &path, "no such file");
}

#[test]
fn directory() {
    let dir = TempDir::new("dir");
    expect_refusal(&["parse"], &dir.0, "is a directory");
    expect_refusal(&["parse", "--json"], &dir.0, "is a directory");
    let as_md = dir.0.join("folder.md");
    std::fs::create_dir(&as_md).expect("mkdir");
    expect_refusal(&["fmt"], &as_md, "is a directory");
}

#[test]
fn non_utf8_names_the_byte_offset() {
    let dir = TempDir::new("latin1");
    // "Recalling " then Latin-1 "é": the first invalid byte is at offset 10.
    let path = dir.file("latin1.txt", b"Recalling \xe9t\xe9 resolution 61/208,\n");
    expect_refusal(&["parse"], &path, "not valid UTF-8 at byte offset 10");
    let md = dir.file("latin1.md", b"*The General Assembly*,\n\n1. *D\xe9cide*;\n");
    expect_refusal(&["fmt"], &md, "not valid UTF-8 at byte offset 30");
}

#[test]
fn binary_files() {
    let dir = TempDir::new("binary");
    let nul = dir.file("nul.txt", b"The General Assembly,\0\x01\x02");
    expect_refusal(
        &["parse", "--json"],
        &nul,
        "binary file (NUL byte at byte offset 21)",
    );
    let pdf = dir.file("doc.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n");
    // Read through the converter, which finds it damaged.
    expect_refusal(&["parse"], &pdf, "damaged PDF");
    let docx = dir.file("draft.md", b"PK\x03\x04\x14\x00\x06\x00");
    expect_refusal(&["fmt", "--check"], &docx, "binary file");
}

#[test]
fn empty_and_whitespace_only() {
    let dir = TempDir::new("empty");
    let empty = dir.file("empty.md", b"");
    expect_refusal(&["parse"], &empty, "file is empty");
    expect_refusal(&["fmt"], &empty, "file is empty");
    let blank = dir.file("blank.txt", b" \n\n\t \r\n");
    expect_refusal(&["parse", "--json"], &blank, "only whitespace");
}

#[test]
fn a_50_mb_file_is_refused_by_its_size() {
    let dir = TempDir::new("huge");
    let path = dir.0.join("huge.txt");
    let file = std::fs::File::create(&path).expect("create");
    // Sparse: 50 MB of size, no data written.
    file.set_len(50 * 1024 * 1024).expect("set_len");
    // Refused from its size alone: the message names the size, read before any byte.
    let line = expect_refusal(&["parse"], &path, "over the limit of 16777216 bytes");
    assert!(line.contains("52428800 bytes"), "{line}");
    let md = dir.0.join("huge.md");
    std::fs::File::create(&md)
        .and_then(|f| f.set_len(17 * 1024 * 1024))
        .expect("sparse md");
    expect_refusal(&["fmt", "--check"], &md, "over the limit");
}

/// A device that never ends: the bounded read stops at the limit.
#[cfg(target_os = "linux")]
#[test]
fn an_endless_device_is_refused_at_the_limit() {
    let line = expect_refusal(&["parse"], Path::new("/dev/zero"), "file is over the limit");
    assert!(!line.contains("16777217"), "no made-up size: {line}");
}

#[test]
fn fmt_refuses_plain_text_and_leaves_it_alone() {
    let dir = TempDir::new("fmt-txt");
    let text = "The General Assembly,\n\n1.  Decides to remain seized of the matter.\n";
    let path = dir.file("resolution.txt", text);
    expect_refusal(&["fmt"], &path, "not a Markdown draft");
    assert_eq!(std::fs::read_to_string(&path).expect("read"), text);
}

#[test]
fn a_newline_in_the_file_name_keeps_the_message_on_one_line() {
    let dir = TempDir::new("newline");
    let path = dir.0.join("two\nlines.md");
    let out = resolute_on(&["parse"], &path);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{:?}", stderr(&out));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["parse"][..],
        &["frobnicate", "x"][..],
        &["parse", "--bogus", "x"][..],
    ] {
        let out = resolute(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn help_and_version_exit_0() {
    let out = resolute(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(stdout(&out).contains("parse") && stdout(&out).contains("fmt"));
    assert_eq!(resolute(&["--version"]).status.code(), Some(0));
}
