//! The `diff` and `import` commands: arguments to service requests, results to stdout.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use resolute::{DiffRequest, ImportRequest, Stage};

use crate::commands::json_lines;
use crate::{print, Failure};

/// `resolute diff OLD NEW [--json] [--exit-code]`.
pub(crate) fn diff(
    old: PathBuf,
    new: PathBuf,
    json: bool,
    exit_code: bool,
) -> Result<ExitCode, Failure> {
    let comparison = resolute::diff(&DiffRequest { old, new }).map_err(Failure::Service)?;
    let text = if json {
        resolute::diff_json(&comparison).map_err(|e| Failure::Stdout(io::Error::other(e)))?
    } else {
        resolute::render_diff(&comparison)
    };
    print(&text)?;
    if exit_code && comparison.has_differences() {
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// `resolute import FILE -o DRAFT.md [--force] [--stage STAGE]`: silent on success, like `cp`.
pub(crate) fn import(
    file: PathBuf,
    output: PathBuf,
    force: bool,
    stage: Option<String>,
) -> Result<ExitCode, Failure> {
    let request = ImportRequest {
        input: file,
        output,
        force,
        stage: stage.map_or(Stage::Detect, |s| Stage::parse(&s)),
    };
    let imported = resolute::import(&request).map_err(Failure::Service)?;
    crate::note_own_part(&request.input, imported.own_part.as_ref());
    Ok(ExitCode::SUCCESS)
}

/// `resolute brackets FILE [--json]`: the state of a negotiation.
pub(crate) fn brackets(file: PathBuf, json: bool) -> Result<ExitCode, Failure> {
    let report =
        resolute::brackets(&resolute::BracketsRequest { path: file }).map_err(Failure::Service)?;
    let text = if json {
        json_lines(std::iter::once(&report))?
    } else {
        resolute::render_brackets(&report)
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// `resolute clean FILE --keep none|all|first|ACTOR -o OUT`: silent on success.
pub(crate) fn clean(file: PathBuf, keep: &str, output: PathBuf) -> Result<ExitCode, Failure> {
    if keep.trim().is_empty() {
        return Err(Failure::Usage(
            "clean --keep takes none, all, first or a delegation's name",
        ));
    }
    let request = resolute::CleanRequest {
        input: file,
        keep: resolute_draft::negotiation::Keep::parse(keep.trim()),
        output,
    };
    resolute::clean(&request).map_err(Failure::Service)?;
    Ok(ExitCode::SUCCESS)
}

/// `resolute amend DRAFT AMENDMENT -o OUT [--json] [--tracked DOCX] [--force]`: one line per
/// instruction; exit 1 when some instruction was not applied.
pub(crate) fn amend(request: resolute::AmendRequest, json: bool) -> Result<ExitCode, Failure> {
    let amended = resolute::amend(&request).map_err(Failure::Service)?;
    let text = if json {
        json_lines(amended.applied.outcomes.iter())?
    } else {
        resolute::render_amended(&request, &amended)
    };
    print(&text)?;
    Ok(if amended.applied.complete() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `resolute compile BASE --from NAME=FILE … -o OUT [--json]`: the report, or one JSON
/// object; exit 1 when a version does not come back from the compiled text.
pub(crate) fn compile(request: resolute::CompileRequest, json: bool) -> Result<ExitCode, Failure> {
    let c = resolute::compile(&request).map_err(Failure::Service)?;
    let text = if json {
        json_lines(std::iter::once(&c))?
    } else {
        resolute::render_compiled(&c)
    };
    print(&text)?;
    Ok(if c.round_trips() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// `resolute progress OLD NEW [--json]`: the report, or one JSON object.
pub(crate) fn progress(old: PathBuf, new: PathBuf, json: bool) -> Result<ExitCode, Failure> {
    let p =
        resolute::progress(&resolute::ProgressRequest { old, new }).map_err(Failure::Service)?;
    let text = if json {
        json_lines(std::iter::once(&p))?
    } else {
        resolute::render_progress(&p)
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}
