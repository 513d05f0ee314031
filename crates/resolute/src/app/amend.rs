//! "Apply an amendment…": an amendment document shown against the draft in the editor,
//! each instruction with its outcome and its effect on the paragraphs, before anything
//! changes; then the draft with the instructions the drafter chose, always computed from the
//! text the amendment was opened on (its numbers name that text's paragraphs).

use std::path::Path;

use resolute_draft::amend::{self, Amendment, Options};
use resolute_draft::compare::{compare, ChangeKind, UnitKind};
use resolute_draft::Draft;
use serde::Serialize;

use super::edit::{minimal_edit_to_end, TextEdit};
use crate::Error;

/// What the panel shows.
#[derive(Debug, Clone, Serialize)]
pub struct AmendmentView {
    /// The amendment's own symbol.
    pub symbol: Option<String>,
    /// "United States of America", "Denmark (on behalf of …)".
    pub proposers: String,
    /// The draft it names.
    pub target: String,
    /// Said when the draft is another version of the one amended.
    pub note: Option<String>,
    /// Every instruction, in order.
    pub instructions: Vec<InstructionView>,
}

/// One instruction and what it would do.
#[derive(Debug, Clone, Serialize)]
pub struct InstructionView {
    /// Its number.
    pub n: usize,
    /// Its words, as the document gives them.
    pub text: String,
    /// The outcome if applied (kind, targets, status, located_by, message).
    pub outcome: amend::Outcome,
    /// The paragraphs it changes: before and after (`None` for an added or deleted one).
    pub effects: Vec<Effect>,
}

/// One paragraph an instruction changes.
#[derive(Debug, Clone, Serialize)]
pub struct Effect {
    /// "OP5", "PP3", or "new".
    pub label: String,
    /// The text before.
    pub before: Option<String>,
    /// The text after.
    pub after: Option<String>,
}

fn draft_of(text: &str) -> Result<Draft, Error> {
    resolute_draft::parse_markdown(text).map_err(|e| Error::Format {
        path: "the draft in the editor".into(),
        source: e,
    })
}

fn read(text: &str, path: &Path, force: bool) -> Result<(Draft, Amendment, Option<String>), Error> {
    let draft = draft_of(text)?;
    let amendment = crate::amend::read_amendment(path)?;
    let note = crate::amend::compare_versions(&draft, &amendment, path, "in the editor", force)?;
    Ok((draft, amendment, note))
}

/// The amendment at `path` against the draft `text`, nothing changed.
pub fn preview_amendment(text: &str, path: &Path, force: bool) -> Result<AmendmentView, Error> {
    let (draft, amendment, note) = read(text, path, force)?;
    let options = Options {
        other_version: note.is_some(),
    };
    let instructions =
        amendment
            .instructions
            .iter()
            .map(|i| {
                let one = Amendment {
                    instructions: vec![i.clone()],
                    ..amendment.clone()
                };
                let applied = amend::apply(&draft, &one, options);
                let effects = compare(&draft, &applied.draft)
                    .changes
                    .into_iter()
                    .filter(|c| c.change != ChangeKind::Same && c.kind != UnitKind::Section)
                    .filter(|c| c.old.as_ref().map(|u| &u.text) != c.new.as_ref().map(|u| &u.text))
                    .map(|c| Effect {
                        label: c
                            .old
                            .as_ref()
                            .map_or_else(|| "new".to_string(), |u| u.label.clone()),
                        before: c.old.map(|u| u.text),
                        after: c.new.map(|u| u.text),
                    })
                    .collect();
                InstructionView {
                    n: i.n,
                    text: i.text.clone(),
                    outcome: applied.outcomes.into_iter().next().unwrap_or_else(|| {
                        amend::Outcome {
                            n: i.n,
                            kind: "unreadable",
                            targets: Vec::new(),
                            status: amend::Status::Unreadable,
                            located_by: amend::LocatedBy::Number,
                            message: "no outcome".into(),
                        }
                    }),
                    effects,
                }
            })
            .collect();
    Ok(AmendmentView {
        symbol: amendment.symbol.clone(),
        proposers: amendment.proposers_named(),
        target: amendment.target.describe(),
        note,
        instructions,
    })
}

/// The draft `base` (the text the amendment was opened on) with the instructions numbered
/// `only` applied and renumbered, as one minimal edit of `current` (the editor's text, which
/// may already hold earlier instructions); `None` when nothing changes. The cursor goes to
/// the end of the replaced text.
pub fn apply_amendment(
    base: &str,
    current: &str,
    path: &Path,
    force: bool,
    only: &[usize],
) -> Result<Option<TextEdit>, Error> {
    let (draft, mut amendment, note) = read(base, path, force)?;
    amendment.instructions.retain(|i| only.contains(&i.n));
    let options = Options {
        other_version: note.is_some(),
    };
    let applied = amend::apply(&draft, &amendment, options);
    let text = crate::negotiation::draft_markdown(&applied.draft);
    Ok(minimal_edit_to_end(current, &text))
}

#[cfg(test)]
mod tests {
    use super::*;

    const DRAFT: &str = "---\nsymbol: A/80/L.99\n---\n\n*The General Assembly*,\n\n*Recalling* its resolution 79/1,\n\n1. *Takes note* of the report;\n\n2. *Requests* a report under paragraph 3 below;\n\n3. *Decides* to remain seized of the matter.\n";
    const AMENDMENT: &str = "Ruritania: amendment to draft resolution A/80/L.99\n\nTitle\n\n1.\nDelete operative paragraph 1.\n2.\nIn operative paragraph 3, replace “remain seized” with “stay seized”.\n";

    fn amendment_file(name: &str, text: &str) -> std::path::PathBuf {
        let dir =
            std::env::temp_dir().join(format!("resolute-app-amend-{}-{name}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("amendment.txt");
        std::fs::write(&path, text).unwrap();
        path
    }

    #[test]
    fn each_instruction_is_shown_with_its_effect_before_anything_changes() {
        let path = amendment_file("preview", AMENDMENT);
        let view = preview_amendment(DRAFT, &path, false).unwrap();
        assert_eq!(view.proposers, "Ruritania");
        assert_eq!(view.instructions.len(), 2);
        let first = &view.instructions[0];
        assert_eq!(first.outcome.status, amend::Status::Applied);
        // OP1 goes, and the reference in the old OP2 follows the renumbering.
        assert_eq!(first.effects.len(), 2, "{:?}", first.effects);
        let gone = first.effects.iter().find(|e| e.label == "OP1").unwrap();
        assert_eq!(gone.after, None);
        assert!(first.effects.iter().any(|e| e
            .after
            .as_deref()
            .is_some_and(|a| a.contains("paragraph 2 below"))));
        let second = &view.instructions[1];
        assert_eq!(
            second.effects[0].after.as_deref(),
            Some("Decides to stay seized of the matter.")
        );
    }

    /// `current` with `edit` made (UTF-16 offsets; these texts are ASCII).
    fn edited(current: &str, edit: &TextEdit) -> String {
        format!(
            "{}{}{}",
            &current[..edit.from],
            edit.insert,
            &current[edit.to..]
        )
    }

    #[test]
    fn numbers_name_the_text_the_amendment_was_opened_on() {
        let path = amendment_file("apply", AMENDMENT);
        // Instruction 2 alone, then both: "operative paragraph 3" is the original third.
        let edit = apply_amendment(DRAFT, DRAFT, &path, false, &[2])
            .unwrap()
            .unwrap();
        let second = edited(DRAFT, &edit);
        assert!(second.contains("3. *Decides* to stay seized"), "{second}");
        // The edit replaces only what changed.
        assert_eq!(edit.insert, "stay");
        let edit = apply_amendment(DRAFT, &second, &path, false, &[1, 2])
            .unwrap()
            .unwrap();
        let both = edited(&second, &edit);
        assert!(both.contains("2. *Decides* to stay seized"), "{both}");
        assert!(both.contains("under paragraph 2 below"), "{both}");
        assert!(!both.contains("Takes note"));
        // Applied again: nothing left to change.
        assert_eq!(
            apply_amendment(DRAFT, &both, &path, false, &[1, 2]).unwrap(),
            None
        );
    }

    #[test]
    fn another_drafts_amendment_is_refused_unless_forced() {
        let path = amendment_file("other", &AMENDMENT.replace("L.99", "L.42"));
        let err = preview_amendment(DRAFT, &path, false).unwrap_err();
        assert!(
            err.message().contains("amends A/80/L.42"),
            "{}",
            err.message()
        );
        assert!(preview_amendment(DRAFT, &path, true).is_ok());
    }
}
