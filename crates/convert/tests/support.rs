//! Helpers shared by the integration tests: where the corpus is, building zip/DOCX files
//! in memory, and comparing word sequences.

use std::io::{Cursor, Write};
use std::path::PathBuf;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

/// The shared corpus (see `resolute_testkit::corpus`: skips outside CI, fails under it).
pub fn corpus_dir() -> Option<PathBuf> {
    resolute_testkit::corpus()
}

/// A zip holding the given (name, content) entries, deflated.
pub fn zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    for (name, content) in entries {
        writer.start_file(*name, options).unwrap();
        writer.write_all(content).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

/// Lower-case alphanumeric words of a text (punctuation and layout ignored).
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `reference`'s words found in the same order in `candidate`: a greedy
/// alignment that looks up to `WINDOW` words ahead for each reference word, so a
/// reordered block (a page header drawn in another order) costs only its own words.
pub fn in_order_share(reference: &[String], candidate: &[String]) -> f64 {
    const WINDOW: usize = 60;
    let mut at = 0;
    let mut found = 0usize;
    for word in reference {
        let end = (at + WINDOW).min(candidate.len());
        if let Some(offset) = candidate[at..end].iter().position(|w| w == word) {
            found += 1;
            at += offset + 1;
        }
    }
    if reference.is_empty() {
        return 1.0;
    }
    found as f64 / reference.len() as f64
}

/// A one-page PDF written by hand (Helvetica, one text line per entry of `lines`), with
/// a correct cross-reference table.
pub fn minimal_pdf(lines: &[&str]) -> Vec<u8> {
    let mut content = String::from("BT /F1 12 Tf 72 720 Td 14 TL");
    for line in lines {
        content.push_str(&format!(" ({line}) Tj T*"));
    }
    content.push_str(" ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] \
         /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>"
            .to_string(),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
        format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ),
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        pdf.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>] >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// Share of `reference`'s words in the longest common subsequence of the two word
/// lists (dynamic programming over two rows: O(n·m) time, O(m) memory).
pub fn lcs_share(reference: &[String], candidate: &[String]) -> f64 {
    let mut previous = vec![0u32; candidate.len() + 1];
    let mut current = vec![0u32; candidate.len() + 1];
    for word in reference {
        for (j, other) in candidate.iter().enumerate() {
            current[j + 1] = if word == other {
                previous[j] + 1
            } else {
                previous[j + 1].max(current[j])
            };
        }
        std::mem::swap(&mut previous, &mut current);
    }
    if reference.is_empty() {
        return 1.0;
    }
    f64::from(previous[candidate.len()]) / reference.len() as f64
}

/// Runs LibreOffice headless to convert `input` (a file name in `dir`) to `to`; the
/// converted file's bytes, or `None` when soffice is not installed or fails.
pub fn soffice_convert(dir: &std::path::Path, input: &str, to: &str) -> Option<Vec<u8>> {
    let status = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args(["--headless", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(dir.join(input))
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .ok()?;
    let stem = input.rsplit_once('.').map_or(input, |(s, _)| s);
    let ext = to.split(':').next().unwrap_or(to);
    status
        .success()
        .then(|| std::fs::read(dir.join(format!("{stem}.{ext}"))).ok())
        .flatten()
}
