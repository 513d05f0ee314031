//! `resolute diff`: two revisions of a draft (any readable format) compared paragraph by
//! paragraph, with word-level changes inside paragraphs.

use std::path::PathBuf;

use resolute_draft::compare::{compare, render, Change, ChangeKind, Comparison, Unit};

use crate::{parse, Error, ParseRequest};

/// Compare two files.
#[derive(Debug, Clone)]
pub struct DiffRequest {
    /// The earlier revision (a draft, a text, a PDF, a DOCX …).
    pub old: PathBuf,
    /// The later revision.
    pub new: PathBuf,
}

/// Reads both files and compares them.
pub fn diff(request: &DiffRequest) -> Result<Comparison, Error> {
    let old = parse(&ParseRequest {
        path: request.old.clone(),
    })?;
    let new = parse(&ParseRequest {
        path: request.new.clone(),
    })?;
    Ok(compare(&old.draft, &new.draft))
}

/// The human report: one line per unit, `= OP3`, `~ OP4 -> OP5: … [-old-] {+new+} …`,
/// `+ PP7: text`, `- OP2: text`, `> moved OP6 -> OP2`.
pub fn render_diff(comparison: &Comparison) -> String {
    comparison
        .changes
        .iter()
        .map(|c| format!("{}\n", line(c)))
        .collect()
}

fn line(c: &Change) -> String {
    let labels = labels(c.old.as_ref(), c.new.as_ref());
    let text = |u: &Option<Unit>| u.as_ref().map_or(String::new(), |u| u.text.clone());
    match c.change {
        ChangeKind::Same => format!("= {labels}"),
        ChangeKind::Changed => format!("~ {labels}: {}", render(&c.diff)),
        ChangeKind::Moved if c.diff.iter().all(|d| d.op == "equal") => {
            format!("> moved {labels}")
        }
        ChangeKind::Moved => format!("> moved {labels}: {}", render(&c.diff)),
        ChangeKind::Inserted => format!("+ {labels}: {}", text(&c.new)),
        ChangeKind::Deleted => format!("- {labels}: {}", text(&c.old)),
    }
}

/// "OP4 -> OP5" when the label changed, else "OP4".
fn labels(old: Option<&Unit>, new: Option<&Unit>) -> String {
    match (old, new) {
        (Some(o), Some(n)) if o.label != n.label => format!("{} -> {}", o.label, n.label),
        (Some(u), _) | (None, Some(u)) => u.label.clone(),
        (None, None) => String::new(),
    }
}

/// The JSON report: one object per line (see docs/cli.md).
pub fn diff_json(comparison: &Comparison) -> Result<String, serde_json::Error> {
    let mut out = String::new();
    for c in &comparison.changes {
        out.push_str(&serde_json::to_string(c)?);
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::segment;

    #[test]
    fn lines_name_both_labels_and_show_the_word_diff() {
        let old = segment(
            "The General Assembly,\n\n1. Decides to remain seized of the matter;\n\n\
             2. Requests the Secretary-General to report.\n",
        );
        let new = segment(
            "The General Assembly,\n\n1. Welcomes the new plan of action of the conference;\n\n\
             2. Decides to remain actively seized of the matter;\n\n\
             3. Requests the Secretary-General to report.\n",
        );
        let text = render_diff(&compare(&old, &new));
        assert_eq!(
            text,
            "+ OP1: Welcomes the new plan of action of the conference;\n\
             ~ OP1 -> OP2: Decides to remain {+actively+} seized of the matter;\n\
             = OP2 -> OP3\n"
        );
    }
}
