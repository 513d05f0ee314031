//! "Compare with a previous round…": the previous round is read once (any readable
//! document, in the draft format as `import` writes it), then compared with the draft being
//! edited each time the draft changes: brackets closed and opened, alternatives settled,
//! paragraphs newly agreed, added or deleted, as `resolute progress` reports them.

use std::path::Path;

use serde::Serialize;

use super::utf16::Utf16Index;
use crate::progress::progress_between;
use crate::{negotiating_text, Error, ParagraphProgress, ProgressTotals, Stage};

/// The previous round as the draft format, kept by the web view while the panel shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PreviousRound {
    /// The file's name, to show.
    pub name: String,
    /// Its text in the draft format.
    pub text: String,
}

/// What moved since the previous round.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundProgressView {
    /// Totals over the text.
    pub totals: ProgressTotals,
    /// The paragraphs with something to say, in the draft's order.
    pub paragraphs: Vec<RoundRow>,
}

/// One paragraph's progress and where it is in the draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RoundRow {
    /// Labels, change, counts.
    #[serde(flatten)]
    pub progress: ParagraphProgress,
    /// UTF-16 offset of the paragraph in the draft; `None` for a deleted paragraph.
    pub from: Option<usize>,
}

/// Reads the previous round.
pub fn previous_round(path: &Path) -> Result<PreviousRound, Error> {
    let (text, _) = negotiating_text(path, &Stage::Detect)?;
    let name = path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    Ok(PreviousRound { name, text })
}

/// The draft `text` compared with the previous round `previous`; `None` while the draft
/// does not read (the editor shows why).
pub fn round_progress(previous: &str, text: &str) -> Option<RoundProgressView> {
    let (totals, rows) = progress_between(previous, text)?;
    let index = Utf16Index::new(text);
    let paragraphs = rows
        .into_iter()
        .filter(|r| {
            r.closed > 0
                || r.opened > 0
                || r.settled > 0
                || r.newly_agreed
                || r.change == "added"
                || r.change == "deleted"
        })
        .map(|progress| RoundRow {
            from: progress.at.map(|b| index.to_utf16(b)),
            progress,
        })
        .collect();
    Some(RoundProgressView { totals, paragraphs })
}

#[cfg(test)]
mod tests {
    use super::*;

    const OLD: &str = "---\nstage: informals\n---\n\nThe General Assembly,\n\n\
        *Recalling* its resolution 70/1,\n\n\
        1. *Decides* to convene a high-level meeting on water [at United Nations Headquarters]{EU} \
        during [2027]{delete: US};\n\n\
        2. *Requests* a report [on progress][on implementation];\n";

    #[test]
    fn brackets_closed_settled_and_agreed_since_the_previous_round() {
        let new = "---\nstage: informals\n---\n\nThe General Assembly,\n\n\
            *Recalling* its resolution 70/1,\n\n\
            1. {agreed ad ref} *Decides* to convene a high-level meeting on water at United \
            Nations Headquarters during 2027;\n\n\
            2. *Requests* a report [on progress][on implementation];\n\n\
            3. *Decides* to remain seized [of the matter].\n";
        let v = round_progress(OLD, new).unwrap();
        assert_eq!(v.totals.closed, 2);
        assert_eq!(v.totals.opened, 1);
        assert_eq!(v.totals.newly_agreed, 1);
        assert_eq!(v.totals.added, 1, "{v:#?}");
        assert_eq!(v.totals.settled, 0);
        let labels: Vec<(Option<&str>, &str)> = v
            .paragraphs
            .iter()
            .map(|r| (r.progress.new.as_deref(), r.progress.change))
            .collect();
        // OP2 did not move: not listed.
        assert_eq!(labels, [(Some("OP1"), "changed"), (Some("OP3"), "added")]);
        // The jump target is the paragraph's start, in UTF-16 units.
        let at = v.paragraphs[0].from.unwrap();
        assert!(new[at..].starts_with("1. {agreed ad ref}"));
        // A draft that does not read gives nothing rather than an error.
        assert!(round_progress(OLD, "---\ntitle: x\nfoo\n---\n").is_none());
    }
}
