//! The `diff` and `import` commands: arguments to service requests, results to stdout.

use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use resolute::{DiffRequest, ImportRequest};

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

/// `resolute import FILE -o DRAFT.md [--force]`: silent on success, like `cp`.
pub(crate) fn import(file: PathBuf, output: PathBuf, force: bool) -> Result<ExitCode, Failure> {
    let request = ImportRequest {
        input: file,
        output,
        force,
    };
    resolute::import(&request).map_err(Failure::Service)?;
    Ok(ExitCode::SUCCESS)
}
