//! The `resolute` command-line tool: a thin layer over the service API in the `resolute`
//! library. Exit codes (docs/cli.md): 0 success, 1 `fmt --check` found a draft to reformat,
//! 2 bad input, usage or I/O error.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use resolute::library::SearchRequest;
use resolute::{FormatOutcome, FormatRequest, ParseRequest};

mod commands;
mod exchange;

/// See the workspace Cargo.toml: memory an import freed goes back to the system.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Resolute: drafting assistant for United Nations resolutions.
#[derive(Debug, Parser)]
#[command(name = "resolute", version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the structure of a draft (.md) or of a resolution in plain text (.txt …).
    Parse {
        /// The file to read.
        file: PathBuf,
        /// Print the structure as one JSON object (see docs/cli.md) instead of an outline.
        #[arg(long)]
        json: bool,
    },
    /// Renumber and normalise a Markdown draft in place (atomically).
    Fmt {
        /// The draft (.md) to rewrite.
        file: PathBuf,
        /// Write nothing: exit 1 and name the file if it would be reformatted, else exit 0.
        #[arg(long)]
        check: bool,
    },
    /// Style and citation diagnostics for a draft or a prior resolution; exit 1 on errors.
    Check {
        /// The file to check (.md draft or plain text).
        file: PathBuf,
        /// One JSON object per finding instead of the report.
        #[arg(long)]
        json: bool,
        /// The library whose register verifies citations (default: $RESOLUTE_LIBRARY, else
        /// the platform data directory).
        #[arg(long)]
        library: Option<PathBuf>,
    },
    /// The local library of prior resolutions.
    Library {
        #[command(subcommand)]
        command: LibraryCommand,
    },
    /// Search the library for agreed language.
    Search {
        /// Words (stemmed, all required), "exact phrases", OR, -excluded.
        query: String,
        /// One JSON object per paragraph found.
        #[arg(long)]
        json: bool,
        /// The library folder.
        #[arg(long)]
        library: Option<PathBuf>,
        /// Only this body: GA, SC, HRC or ECOSOC (or its name in full).
        #[arg(long, value_parser = body_filter)]
        body: Option<String>,
        /// Only resolutions adopted in or after this year.
        #[arg(long)]
        from: Option<u64>,
        /// Only resolutions adopted in or before this year.
        #[arg(long)]
        to: Option<u64>,
        /// Only paragraphs of this kind.
        #[arg(long, value_parser = ["preambular", "operative", "annex", "statement"])]
        kind: Option<String>,
        /// Resolutions to show at most.
        #[arg(long, default_value_t = 10)]
        limit: usize,
    },
    /// Compare two revisions paragraph by paragraph, with word-level changes.
    Diff {
        /// The earlier revision (draft, text, PDF, DOCX, HTML, Akoma Ntoso).
        old: PathBuf,
        /// The later revision.
        new: PathBuf,
        /// One JSON object per paragraph instead of the report.
        #[arg(long)]
        json: bool,
        /// Exit 1 when the revisions differ (renumbering aside), 0 when they do not.
        #[arg(long)]
        exit_code: bool,
    },
    /// Write any readable file as a draft in the draft format.
    Import {
        /// The file to read (draft, text, PDF, DOCX, HTML, Akoma Ntoso).
        file: PathBuf,
        /// The draft to write.
        #[arg(short, long)]
        output: PathBuf,
        /// Replace the output if it exists.
        #[arg(long)]
        force: bool,
        /// Read it as a negotiating text at this stage ("informals", "rev 1"), or "off" to
        /// read brackets as plain characters. By default a text that carries negotiation
        /// brackets is read as one.
        #[arg(long)]
        stage: Option<String>,
    },
    /// The state of a negotiation: per paragraph its label, status, brackets, alternatives,
    /// placeholders and delegations; unbalanced brackets with their places; totals.
    Brackets {
        /// The draft or document to read.
        file: PathBuf,
        /// One JSON object (see docs/cli.md) instead of the report.
        #[arg(long)]
        json: bool,
    },
    /// Write the text with its brackets resolved, as an ordinary renumbered draft.
    Clean {
        /// The draft or document to read.
        file: PathBuf,
        /// none (drop bracketed text), all (keep it), first (the first of each group of
        /// alternatives), or a delegation (its proposals).
        #[arg(long)]
        keep: String,
        /// The draft to write; replaced atomically if it exists.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Write any readable file as Akoma Ntoso 3.0 XML (akn), UN plain text (txt) or a Word
    /// document in the UN layout (docx).
    Export {
        /// The file to read (draft, text, PDF, DOCX, HTML, Akoma Ntoso).
        file: PathBuf,
        /// The format to write: akn, txt or docx.
        #[arg(long, visible_alias = "format")]
        to: String,
        /// The file to write; replaced atomically if it exists.
        #[arg(short, long)]
        output: PathBuf,
        /// With --to docx: write the differences from this base text (any readable file) as
        /// Track Changes.
        #[arg(long)]
        base: Option<PathBuf>,
        /// The author of the tracked changes (default "Resolute"); needs --base.
        #[arg(long, requires = "base")]
        author: Option<String>,
        /// With --to docx, for a negotiating text: attributions inline (as braces, the
        /// default), as Word comments on their brackets, or none.
        #[arg(long, default_value = "inline")]
        attributions: String,
    },
    /// Apply an amendment document (PDF, DOCX or text, as issued) to the draft it amends;
    /// exit 1 when some instruction could not be applied (the others are still written).
    Amend {
        /// The draft amended (draft, text, PDF, DOCX …).
        draft: PathBuf,
        /// The amendment document.
        amendment: PathBuf,
        /// The amended draft to write; replaced atomically if it exists.
        #[arg(short, long)]
        output: PathBuf,
        /// One JSON object per instruction instead of the report.
        #[arg(long)]
        json: bool,
        /// Also write a Word document with the changes as Track Changes by the proposers.
        #[arg(long)]
        tracked: Option<PathBuf>,
        /// Apply even when the amendment names another draft.
        #[arg(long)]
        force: bool,
    },
    /// Compile delegations' versions of a base text (drafts, DOCX, PDF) into one negotiating
    /// text with attributed brackets; exit 1 when `clean --keep NAME` would not give a
    /// version back (the text is still written).
    Compile {
        /// The base text.
        base: PathBuf,
        /// A delegation's version: NAME=FILE ("EU=eu.docx"); repeat for each.
        #[arg(long = "from", value_parser = name_and_file, required = true)]
        from: Vec<(String, PathBuf)>,
        /// The compiled text to write; replaced atomically if it exists.
        #[arg(short, long)]
        output: PathBuf,
        /// One JSON object instead of the report.
        #[arg(long)]
        json: bool,
    },
    /// What changed between two rounds of a negotiating text: brackets closed and opened,
    /// alternatives settled, paragraphs newly agreed, added or deleted.
    Progress {
        /// The earlier round.
        old: PathBuf,
        /// The later round.
        new: PathBuf,
        /// One JSON object instead of the report.
        #[arg(long)]
        json: bool,
    },
    /// Adopted paragraphs closest to a draft paragraph, with the differences.
    Precedent {
        /// The draft paragraph (or use --file).
        text: Option<String>,
        /// Read the paragraph from a file.
        #[arg(long, conflicts_with = "text")]
        file: Option<PathBuf>,
        /// One JSON object per precedent.
        #[arg(long)]
        json: bool,
        /// The library folder.
        #[arg(long)]
        library: Option<PathBuf>,
        /// Precedents to show at most.
        #[arg(long, default_value_t = 5)]
        limit: usize,
    },
}

#[derive(Debug, Subcommand)]
enum LibraryCommand {
    /// Import files and folders (recursively): texts, PDF, DOCX, HTML, metadata CSV/JSONL;
    /// and library packs (`library pack`), checked first, adopted by an empty library.
    Add {
        /// Files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The library folder.
        #[arg(long)]
        library: Option<PathBuf>,
    },
    /// Write the whole library as one file (a pack) to carry to another computer.
    Pack {
        /// The pack file to write; replaced atomically if it exists.
        #[arg(short, long)]
        output: PathBuf,
        /// The library folder.
        #[arg(long)]
        library: Option<PathBuf>,
    },
    /// Counts by body and year.
    Stats {
        /// The library folder.
        #[arg(long)]
        library: Option<PathBuf>,
        /// As one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Why the command stopped early.
pub(crate) enum Failure {
    /// A request failed: one line on stderr, exit 2.
    Service(resolute::Error),
    /// Writing to stdout failed for a reason other than a closed pipe.
    Stdout(io::Error),
    /// The arguments do not make a request: one line on stderr, exit 2.
    Usage(&'static str),
}

/// A `--body` value read as the organ it names (its code for the library), or an error that
/// lists the organs: a filter that matches nothing must not look like an empty result.
fn body_filter(value: &str) -> Result<String, String> {
    resolute_draft::Body::parse(value)
        .map(|b| b.code().to_string())
        .ok_or_else(|| {
            let codes: Vec<&str> = resolute_draft::Body::ALL.iter().map(|b| b.code()).collect();
            format!(
                "unknown body {value:?}; expected one of {}",
                codes.join(", ")
            )
        })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(code) => code,
        Err(Failure::Service(e)) => fail(&e.to_string()),
        // The reader went away (`resolute parse x | head -1`): nothing more to say.
        Err(Failure::Stdout(e)) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(Failure::Stdout(e)) => fail(&format!("stdout: {e}")),
        Err(Failure::Usage(message)) => fail(message),
    }
}

fn fail(message: &str) -> ExitCode {
    // If stderr itself is gone there is nobody left to tell.
    let _ = writeln!(io::stderr().lock(), "resolute: {message}");
    ExitCode::from(2)
}

fn run(command: Command) -> Result<ExitCode, Failure> {
    match command {
        Command::Parse { file, json } => parse(file, json),
        Command::Fmt { file, check } => fmt(file, check),
        Command::Check {
            file,
            json,
            library,
        } => commands::check(file, json, library),
        Command::Library {
            command: LibraryCommand::Add { paths, library },
        } => commands::library_add(&paths, library),
        Command::Library {
            command: LibraryCommand::Pack { output, library },
        } => commands::library_pack(&output, library),
        Command::Library {
            command: LibraryCommand::Stats { library, json },
        } => commands::library_stats(library, json),
        Command::Search {
            query,
            json,
            library,
            body,
            from,
            to,
            kind,
            limit,
        } => {
            let request = SearchRequest {
                query,
                body,
                from,
                to,
                kind,
                limit,
            };
            commands::search(&request, json, library)
        }
        Command::Diff {
            old,
            new,
            json,
            exit_code,
        } => exchange::diff(old, new, json, exit_code),
        Command::Import {
            file,
            output,
            force,
            stage,
        } => exchange::import(file, output, force, stage),
        Command::Brackets { file, json } => exchange::brackets(file, json),
        Command::Clean { file, keep, output } => exchange::clean(file, &keep, output),
        Command::Export {
            file,
            to,
            output,
            base,
            author,
            attributions,
        } => export(resolute::ExportRequest {
            input: file,
            to: export_format(&to)?,
            output,
            base,
            author,
            attributions: attributions_mode(&attributions)?,
        }),
        Command::Precedent {
            text,
            file,
            json,
            library,
            limit,
        } => commands::precedent(text, file, json, library, limit),
        Command::Progress { old, new, json } => exchange::progress(old, new, json),
        Command::Compile {
            base,
            from,
            output,
            json,
        } => exchange::compile(resolute::CompileRequest { base, from, output }, json),
        Command::Amend {
            draft,
            amendment,
            output,
            json,
            tracked,
            force,
        } => exchange::amend(
            resolute::AmendRequest {
                draft,
                amendment,
                output,
                tracked,
                force,
            },
            json,
        ),
    }
}

/// `--from NAME=FILE`.
fn name_and_file(arg: &str) -> Result<(String, PathBuf), String> {
    match arg.split_once('=') {
        Some((name, file)) if !name.trim().is_empty() && !file.is_empty() => {
            Ok((name.trim().to_string(), PathBuf::from(file)))
        }
        _ => Err(format!(
            "expected NAME=FILE (\"EU=eu.docx\"), got \"{arg}\""
        )),
    }
}

fn parse(path: PathBuf, json: bool) -> Result<ExitCode, Failure> {
    let parsed = resolute::parse(&ParseRequest { path: path.clone() }).map_err(Failure::Service)?;
    note_own_part(&path, parsed.own_part.as_ref());
    let text = if json {
        // Serialising plain owned data with string keys cannot fail; report it if it ever does.
        let mut line = serde_json::to_string(&parsed.view())
            .map_err(|e| Failure::Stdout(io::Error::other(e)))?;
        line.push('\n');
        line
    } else {
        parsed.outline()
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Says on standard error that a compilation page was read for its own resolution only.
fn note_own_part(path: &std::path::Path, own: Option<&std::ops::Range<usize>>) {
    if let Some(range) = own {
        eprintln!(
            "note: {} is a compilation page: read for its own resolution only (bytes {}-{}); \
             the other resolutions printed on the page are left out",
            path.display(),
            range.start,
            range.end
        );
    }
}

fn fmt(path: PathBuf, check: bool) -> Result<ExitCode, Failure> {
    let request = FormatRequest {
        path: path.clone(),
        check,
    };
    match resolute::format(&request).map_err(Failure::Service)? {
        FormatOutcome::Unchanged | FormatOutcome::Rewritten => Ok(ExitCode::SUCCESS),
        FormatOutcome::WouldChange => {
            print(&format!("{}: would be reformatted\n", path.display()))?;
            Ok(ExitCode::from(1))
        }
    }
}

fn export_format(to: &str) -> Result<resolute::ExportFormat, Failure> {
    resolute::ExportFormat::parse(to).ok_or(Failure::Usage("export --to takes akn, txt or docx"))
}

fn attributions_mode(name: &str) -> Result<resolute_convert::docx::Attributions, Failure> {
    resolute_convert::docx::Attributions::parse(name).ok_or(Failure::Usage(
        "export --attributions takes inline, comments or none",
    ))
}

/// `resolute export FILE --to akn|txt|docx -o OUT [--base BASE [--author NAME]]`: silent on
/// success, like `cp`.
fn export(request: resolute::ExportRequest) -> Result<ExitCode, Failure> {
    if request.base.is_some() && request.to != resolute::ExportFormat::Docx {
        return Err(Failure::Usage(
            "export --base writes Track Changes, which only --to docx carries",
        ));
    }
    resolute::export(&request).map_err(Failure::Service)?;
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn print(text: &str) -> Result<(), Failure> {
    let mut out = io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(Failure::Stdout)
}
