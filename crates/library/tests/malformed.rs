//! Malformed inputs are reported by name with a reason, the rest of the folder is
//! imported, and nothing already in the library is lost.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use resolute_library::{Library, SearchRequest};

use crate::common::{resolution_text, temp_dir};

/// A one-page PDF with a text layer, offsets computed so that its cross-reference table is
/// exact.
fn small_pdf(text: &str) -> Vec<u8> {
    let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{body}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn encrypted_pdf() -> Vec<u8> {
    use pdf_extract::encryption::{EncryptionState, EncryptionVersion, Permissions};
    let mut doc =
        pdf_extract::Document::load_mem(&small_pdf("Confidential draft")).expect("valid pdf");
    let version = EncryptionVersion::V2 {
        document: &doc,
        owner_password: "o",
        user_password: "u",
        key_length: 128,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).expect("encryption state");
    doc.encrypt(&state).expect("encrypt");
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("save");
    bytes
}

/// A DOCX whose document part inflates from ~100 KiB to 100 MiB.
fn zip_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).expect("entry");
    let chunk = vec![b' '; 1024 * 1024];
    for _ in 0..100 {
        zip.write_all(&chunk).expect("write");
    }
    zip.finish().expect("finish").into_inner()
}

fn failure<'a>(failed: &'a [resolute_library::FileFailure], name: &str) -> &'a str {
    failed
        .iter()
        .find(|f| f.path.file_name().is_some_and(|n| n == name))
        .map(|f| f.reason.as_str())
        .unwrap_or_else(|| panic!("{name} not reported; failures: {failed:?}"))
}

fn write_bad_files(dir: &Path) -> PathBuf {
    let pdf = small_pdf("The General Assembly");
    fs::write(dir.join("truncated.pdf"), &pdf[..pdf.len() / 3]).unwrap();
    fs::write(dir.join("encrypted.pdf"), encrypted_pdf()).unwrap();
    let bomb = zip_bomb();
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "bomb should be small: {}",
        bomb.len()
    );
    fs::write(dir.join("bomb.docx"), bomb).unwrap();
    fs::write(
        dir.join("invalid-utf8.txt"),
        b"\xc3\x28 invalid \xa0\xa1 bytes \xff\xfe\xfd\n",
    )
    .unwrap();
    fs::write(dir.join("empty.txt"), b"").unwrap();
    // 200 MB, sparse: refused from its size before a byte is read.
    let huge = fs::File::create(dir.join("huge.txt")).unwrap();
    huge.set_len(200 * 1000 * 1000).unwrap();
    let good = resolution_text(
        "A/RES/90/20",
        &["Noting the report on migratory birds,"],
        &["Encourages the protection of migratory birds."],
    );
    fs::write(dir.join("good.txt"), good).unwrap();
    dir.to_path_buf()
}

#[test]
fn malformed_files_are_reported_and_the_rest_imported() {
    let root = temp_dir("malformed");
    let earlier = root.join("earlier.txt");
    let text = resolution_text(
        "A/RES/90/19",
        &["Alarmed by coral bleaching,"],
        &["Calls for the protection of coral reefs."],
    );
    fs::write(&earlier, text).unwrap();
    let mut lib = Library::open(root.join("lib")).unwrap();
    assert_eq!(lib.import(&[earlier], &mut |_| {}).unwrap().added, 1);
    let bad = root.join("bad");
    fs::create_dir_all(&bad).unwrap();
    let folder = write_bad_files(&bad);
    let summary = lib.import(&[folder], &mut |_| {}).unwrap();
    assert_eq!(summary.files, 7);
    assert_eq!(summary.added, 1, "{summary:?}");
    assert_eq!(summary.failed.len(), 6, "{summary:?}");
    let f = &summary.failed;
    assert!(
        failure(f, "truncated.pdf").contains("PDF"),
        "{}",
        failure(f, "truncated.pdf")
    );
    assert!(
        failure(f, "encrypted.pdf").contains("encrypted"),
        "{}",
        failure(f, "encrypted.pdf")
    );
    assert!(
        failure(f, "bomb.docx").contains("zip"),
        "{}",
        failure(f, "bomb.docx")
    );
    assert!(!failure(f, "invalid-utf8.txt").is_empty());
    assert!(
        failure(f, "empty.txt").contains("empty"),
        "{}",
        failure(f, "empty.txt")
    );
    assert!(
        failure(f, "huge.txt").contains("too large"),
        "{}",
        failure(f, "huge.txt")
    );
    for q in ["\"coral bleaching\"", "\"migratory birds\""] {
        assert_eq!(
            lib.search(&SearchRequest::new(q)).unwrap().groups.len(),
            1,
            "{q}"
        );
    }
    // A file that read before and is damaged now keeps what it gave.
    let good = root.join("bad/good.txt");
    fs::write(&good, b"").unwrap();
    let again = lib.import(&[good], &mut |_| {}).unwrap();
    assert_eq!(again.failed.len(), 1);
    assert_eq!(
        lib.search(&SearchRequest::new("\"migratory birds\""))
            .unwrap()
            .groups
            .len(),
        1
    );
    let missing = lib
        .import(&[root.join("no-such-folder")], &mut |_| {})
        .unwrap();
    assert_eq!(missing.failed.len(), 1, "{missing:?}");
}
