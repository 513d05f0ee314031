//! Footnotes written into a clean text: the rule above them and one block per note.

use super::blocks::Block;
use crate::model::Footnote;

/// "__________": the rule above footnotes ("-----" ends some Security Council texts).
pub(crate) fn is_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 5 && (t.chars().all(|c| c == '_') || t.chars().all(|c| c == '-'))
}

/// A footnote written as a block of a clean text: "* Reissued for technical reasons ...",
/// or, after a rule, "1/ S/PRST/1994/22." and "1 Official Records ...".
pub(crate) fn footnote(block: &Block, after_rule: bool) -> Option<Footnote> {
    let text = block.text.trim();
    let (label, rest) = text.split_once(' ')?;
    let starred = !label.is_empty() && label.chars().all(|c| c == '*');
    let core = label.trim_end_matches('/');
    // "1/ A/48/876.": the slash marks a footnote even where the rule above it is lost.
    let slashed = core.len() < label.len();
    let numbered = (after_rule || slashed)
        && !core.is_empty()
        && core.len() <= 3
        && core.bytes().all(|b| b.is_ascii_digit());
    (starred || numbered).then(|| Footnote {
        label: core.to_string(),
        text: rest.trim().to_string(),
        markdown: String::new(),
        span: block.span,
    })
}
