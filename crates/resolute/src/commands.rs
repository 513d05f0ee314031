//! The commands that print diagnostics and library results: argument in, service call,
//! text or JSON lines out.

use std::fmt::Write as _;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use resolute::library::{self, Progress, SearchRequest};
use resolute::{CheckRequest, Error};

use crate::{print, Failure};

fn service<T>(result: Result<T, Error>) -> Result<T, Failure> {
    result.map_err(Failure::Service)
}

/// One JSON object per line, each line ended.
pub(crate) fn json_lines<T: serde::Serialize>(
    items: impl Iterator<Item = T>,
) -> Result<String, Failure> {
    let mut out = String::new();
    for item in items {
        let line =
            serde_json::to_string(&item).map_err(|e| Failure::Stdout(io::Error::other(e)))?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// `resolute check FILE [--json] [--library DIR]`: exit 1 when there are errors.
pub fn check(file: PathBuf, json: bool, library: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let request = CheckRequest {
        path: file.clone(),
        library: Some(library::library_dir(library)),
    };
    let checked = service(resolute::check(&request))?;
    let text = if json {
        json_lines(checked.json_lines().into_iter())?
    } else {
        resolute::render_check(&file, &checked)
    };
    print(&text)?;
    Ok(if checked.has_errors() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `resolute library add PATH...`: packs first (each checked, then adopted or merged), then
/// the other paths imported; a progress bar on a terminal, then a summary that lists every
/// file that could not be imported, with the reason.
pub fn library_add(paths: &[PathBuf], library: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let dir = library::library_dir(library);
    let mut bar = ProgressBar::new();
    let (packs, others): (Vec<PathBuf>, Vec<PathBuf>) =
        paths.iter().cloned().partition(|p| library::is_pack(p));
    let mut out = String::new();
    for pack in &packs {
        let added = service(library::add_pack(&dir, pack, &mut |p| bar.show(p)))?;
        bar.end();
        let how = if added.adopted {
            format!("adopted ({} files)", added.added)
        } else {
            format!(
                "{} files added, {} replaced, {} unchanged",
                added.added, added.replaced, added.unchanged
            )
        };
        let _ = writeln!(
            out,
            "{}: pack {}: {how}; the library holds {} resolutions, {} paragraphs ({:.1} s)",
            dir.display(),
            pack.display(),
            added.stats.resolutions,
            added.stats.paragraphs,
            added.seconds
        );
    }
    if !others.is_empty() {
        let summary = service(library::add(&dir, &others, &mut |p| bar.show(p)))?;
        bar.end();
        let _ = writeln!(
            out,
            "{}: {} files: {} added, {} replaced, {} unchanged, {} failed; {} paragraphs, \
             {} metadata rows in {:.1} s",
            dir.display(),
            summary.files,
            summary.added,
            summary.replaced,
            summary.unchanged,
            summary.failed.len(),
            summary.paragraphs,
            summary.metadata_rows,
            summary.seconds
        );
        for failure in &summary.failed {
            let _ = writeln!(
                out,
                "  skipped {}: {}",
                failure.path.display(),
                failure.reason
            );
        }
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `resolute library pack -o FILE`.
pub fn library_pack(output: &Path, library: Option<PathBuf>) -> Result<ExitCode, Failure> {
    let dir = library::library_dir(library);
    let mut bar = ProgressBar::new();
    let summary = service(library::pack(&dir, output, &mut |p| bar.show(p)))?;
    bar.end();
    print(&format!(
        "{}: packed {} resolutions, {} paragraphs ({} index files) into {}: {:.1} MB in {:.1} s\n",
        dir.display(),
        summary.stats.resolutions,
        summary.stats.paragraphs,
        summary.files,
        summary.path.display(),
        summary.bytes as f64 / 1e6,
        summary.seconds
    ))?;
    Ok(ExitCode::SUCCESS)
}

/// The progress bar of long library commands, on stderr when it is a terminal.
struct ProgressBar {
    tty: bool,
}

impl ProgressBar {
    fn new() -> Self {
        ProgressBar {
            tty: io::stderr().is_terminal(),
        }
    }

    fn show(&mut self, p: &Progress) {
        if self.tty {
            let _ = write!(io::stderr().lock(), "\r{}", progress_line(p));
        }
    }

    /// Ends the bar's line.
    fn end(&mut self) {
        if self.tty {
            let _ = writeln!(io::stderr().lock());
        }
    }
}

/// "  812/3097 files [=======>            ]  26%  48.3 files/s  ETA 0:47".
fn progress_line(p: &Progress) -> String {
    const WIDTH: usize = 24;
    let share = if p.bytes_total == 0 {
        p.files_done as f64 / p.files_total.max(1) as f64
    } else {
        p.bytes_done as f64 / p.bytes_total as f64
    };
    let filled = ((share * WIDTH as f64) as usize).min(WIDTH);
    let bar = format!("{}{}", "=".repeat(filled), " ".repeat(WIDTH - filled));
    let eta = p.eta_secs.map_or_else(
        || "-:--".to_string(),
        |s| {
            let s = s.round() as u64;
            format!("{}:{:02}", s / 60, s % 60)
        },
    );
    format!(
        "{:>6}/{} files [{bar}] {:>3}%  {:.1} files/s  ETA {eta} ",
        p.files_done,
        p.files_total,
        (share * 100.0).round() as u64,
        p.files_per_sec
    )
}

/// `resolute library stats`.
pub fn library_stats(library: Option<PathBuf>, json: bool) -> Result<ExitCode, Failure> {
    let dir = library::library_dir(library);
    let stats = service(library::stats(&dir))?;
    if json {
        print(&json_lines(std::iter::once(&stats))?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = format!(
        "{}: {} files, {} resolutions, {} paragraphs, {} metadata rows\n\nby body:\n",
        dir.display(),
        stats.files,
        stats.resolutions,
        stats.paragraphs,
        stats.metadata_rows
    );
    for (body, c) in &stats.by_body {
        let _ = writeln!(
            out,
            "  {body:<8} {:>6} resolutions {:>8} paragraphs",
            c.resolutions, c.paragraphs
        );
    }
    out.push_str("\nby year:\n");
    for (year, c) in &stats.by_year {
        let year = if *year == 0 {
            "unknown".to_string()
        } else {
            year.to_string()
        };
        let _ = writeln!(
            out,
            "  {year:<8} {:>6} resolutions {:>8} paragraphs",
            c.resolutions, c.paragraphs
        );
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `resolute search QUERY`: grouped by resolution, matches marked with `**`.
pub fn search(
    request: &SearchRequest,
    json: bool,
    library: Option<PathBuf>,
) -> Result<ExitCode, Failure> {
    let dir = library::library_dir(library);
    let results = service(library::search(&dir, request))?;
    if json {
        print(&json_lines(results.hits())?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for group in &results.groups {
        let title = group.title.as_deref().unwrap_or("");
        let _ = writeln!(out, "{}  {title}", group.symbol);
        for hit in &group.hits {
            let date = hit.date.as_deref().unwrap_or("undated");
            let _ = writeln!(out, "  {} ({date})\n    {}", hit.reference, hit.highlight);
        }
        out.push('\n');
    }
    let _ = writeln!(
        out,
        "{} paragraphs match; {} resolutions shown",
        results.total_paragraphs,
        results.groups.len()
    );
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}

/// `resolute precedent (TEXT | --file F)`: closest adopted paragraphs, their differences
/// from the draft, and the lineage of the closest wording.
pub fn precedent(
    text: Option<String>,
    file: Option<PathBuf>,
    json: bool,
    library: Option<PathBuf>,
    limit: usize,
) -> Result<ExitCode, Failure> {
    let text = match (text, file) {
        (Some(t), _) => t,
        (None, Some(path)) => service(resolute::read_source(&path))?.text,
        (None, None) => {
            return Err(Failure::Usage(
                "give the paragraph as an argument or with --file",
            ));
        }
    };
    let dir = library::library_dir(library);
    let found = service(library::precedent(&dir, &text, limit))?;
    if json {
        print(&json_lines(found.precedents.iter())?)?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out = String::new();
    for (i, p) in found.precedents.iter().enumerate() {
        let date = p.hit.date.as_deref().unwrap_or("undated");
        let _ = writeln!(
            out,
            "{}. {} ({date})  similarity {:.2}",
            i + 1,
            p.hit.reference,
            p.hit.score
        );
        let _ = writeln!(out, "   {}\n", p.hit.highlight);
    }
    if let Some(l) = &found.lineage {
        let _ = writeln!(
            out,
            "agreed language: adopted {} times; earliest {} ({}), latest {} ({})",
            l.occurrences,
            l.earliest.reference,
            l.earliest.date.as_deref().unwrap_or("undated"),
            l.latest.reference,
            l.latest.date.as_deref().unwrap_or("undated")
        );
    }
    if found.precedents.is_empty() {
        out.push_str("no precedent found\n");
    }
    print(&out)?;
    Ok(ExitCode::SUCCESS)
}
