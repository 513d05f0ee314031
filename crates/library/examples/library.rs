//! A small driver of the library API, used by the integration tests (the kill test) and for
//! trying the library by hand until `resolute library|search|precedent` are wired to it.
//!
//! ```text
//! cargo run -p resolute-library --example library -- LIB import PATH... [--commit-ms N]
//! cargo run -p resolute-library --example library -- LIB search QUERY [--body GA] [--from Y] [--to Y] [--kind operative] [--limit N]
//! cargo run -p resolute-library --example library -- LIB precedent TEXT [--limit N]
//! cargo run -p resolute-library --example library -- LIB stats
//! cargo run -p resolute-library --example library -- LIB resolution SYMBOL [N]
//! ```
//! Results are JSON on standard output; progress goes to standard error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use resolute_check::Register;
use resolute_library::{Library, SearchRequest};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let [dir, command, rest @ ..] = args else {
        return Err("usage: library LIB (import|search|precedent|stats|resolution) ...".into());
    };
    let mut lib = Library::open(dir)?;
    if let Some(r) = lib.rebuilt() {
        eprintln!("library rebuilt: {} ({} files)", r.reason, r.summary.files);
    }
    match command.as_str() {
        "import" => import(&mut lib, rest),
        "search" => search(&lib, rest),
        "precedent" => precedent(&lib, rest),
        "stats" => Ok(writeln!(
            std::io::stdout(),
            "{}",
            serde_json::to_string_pretty(&lib.stats()?)?
        )?),
        "resolution" => resolution(&lib, rest),
        other => Err(format!("unknown command {other}").into()),
    }
}

fn import(lib: &mut Library, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let (words, opts) = options(args);
    for (name, value) in opts {
        match name.as_str() {
            "commit-ms" => {
                lib.set_commit_interval(std::time::Duration::from_millis(value.parse()?))
            }
            other => return Err(format!("unknown option --{other}").into()),
        }
    }
    let paths: Vec<PathBuf> = words.iter().map(PathBuf::from).collect();
    let mut last = std::time::Instant::now();
    let summary = lib.import(&paths, &mut |p| {
        if last.elapsed().as_millis() >= 500 || p.files_done == p.files_total {
            last = std::time::Instant::now();
            let eta = p.eta_secs.map_or("?".into(), |s| format!("{s:.0}s"));
            eprintln!(
                "{}/{} files, {:.0} files/s, ETA {eta}",
                p.files_done, p.files_total, p.files_per_sec
            );
        }
    })?;
    writeln!(
        std::io::stdout(),
        "{}",
        serde_json::to_string_pretty(&summary)?
    )?;
    Ok(())
}

/// Splits `--flag value` options from positional words.
fn options(args: &[String]) -> (Vec<String>, Vec<(String, String)>) {
    let (mut words, mut opts) = (Vec::new(), Vec::new());
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match (a.strip_prefix("--"), it.clone().next()) {
            (Some(name), Some(value)) => {
                opts.push((name.to_string(), value.clone()));
                it.next();
            }
            _ => words.push(a.clone()),
        }
    }
    (words, opts)
}

fn search(lib: &Library, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let (words, opts) = options(args);
    let mut req = SearchRequest::new(words.join(" "));
    for (name, value) in opts {
        match name.as_str() {
            "body" => req.body = Some(value),
            "kind" => req.kind = Some(value),
            "from" => req.from = Some(value.parse()?),
            "to" => req.to = Some(value.parse()?),
            "limit" => req.limit = value.parse()?,
            other => return Err(format!("unknown option --{other}").into()),
        }
    }
    let mut out = std::io::stdout().lock();
    for hit in lib.search(&req)?.hits() {
        writeln!(out, "{}", serde_json::to_string(hit)?)?;
    }
    Ok(())
}

fn precedent(lib: &Library, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let (words, opts) = options(args);
    let limit = opts
        .iter()
        .find(|(n, _)| n == "limit")
        .map_or(Ok(5), |(_, v)| v.parse())?;
    let found = lib.precedent(&words.join(" "), limit)?;
    let mut out = std::io::stdout().lock();
    for p in &found.precedents {
        writeln!(out, "{}", serde_json::to_string(p)?)?;
    }
    if let Some(lineage) = &found.lineage {
        eprintln!("lineage: {}", serde_json::to_string(lineage)?);
    }
    Ok(())
}

fn resolution(lib: &Library, args: &[String]) -> Result<(), Box<dyn std::error::Error>> {
    let symbol = args.first().ok_or("which symbol?")?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{:?}", lib.resolution(symbol))?;
    writeln!(out, "lettered: {:?}", lib.lettered(symbol))?;
    if let Some(n) = args.get(1) {
        writeln!(
            out,
            "paragraph {n}: {:?}",
            lib.paragraph(symbol, n.parse()?)
        )?;
    }
    Ok(())
}
