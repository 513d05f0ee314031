//! The units two drafts are compared by: every preambular and operative paragraph, every
//! subparagraph and every section heading, in document order, each with a human label.

use serde::Serialize;

use crate::model::{Draft, Kind, Paragraph};

/// What a unit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// A preambular paragraph.
    Preambular,
    /// An operative paragraph (its own text, without its subparagraphs).
    Operative,
    /// A subparagraph (a), (i) … of a preambular or operative paragraph.
    Subparagraph,
    /// A section heading ("I", "Implementation of the Convention").
    Section,
}

/// One comparable piece of a draft.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unit {
    /// What it is (serialised by the change that holds it, not here).
    #[serde(skip)]
    pub kind: UnitKind,
    /// Its number: the operative number as written (else its position among operative
    /// paragraphs), the position of a preambular paragraph, the number of the paragraph a
    /// subparagraph belongs to, the position of a section.
    pub n: usize,
    /// A human label: "PP3", "OP4", "OP4(a)(ii)", "section II"; inside a section the
    /// section label comes first: "II.OP2".
    pub label: String,
    /// The plain text, without number or label: numbering is never compared.
    pub text: String,
}

/// Every unit of `draft`, in document order.
pub fn units(draft: &Draft) -> Vec<Unit> {
    let mut out = Vec::new();
    scope(&mut out, "", &draft.preamble, &draft.operative);
    for (i, section) in draft.sections.iter().enumerate() {
        let heading = format!("{} {}", section.label, section.heading);
        // A section whose label the source lost is named by its position: "#2".
        let name = match section.label.trim() {
            "" => format!("#{}", i + 1),
            label => label.to_string(),
        };
        out.push(Unit {
            kind: UnitKind::Section,
            n: i + 1,
            label: format!("section {name}"),
            text: heading.trim().to_string(),
        });
        let prefix = format!("{name}.");
        scope(&mut out, &prefix, &section.preamble, &section.operative);
    }
    out
}

/// The units of one preamble and operative part (the document's own, or a section's).
fn scope(out: &mut Vec<Unit>, prefix: &str, preamble: &[Paragraph], operative: &[Paragraph]) {
    for (i, p) in preamble.iter().enumerate() {
        paragraph(out, &format!("{prefix}PP{}", i + 1), i + 1, p);
    }
    for (i, p) in operative.iter().enumerate() {
        let n = p.number.map_or(i + 1, |n| n as usize);
        paragraph(out, &format!("{prefix}OP{n}"), n, p);
    }
}

fn paragraph(out: &mut Vec<Unit>, label: &str, n: usize, p: &Paragraph) {
    let kind = match p.kind {
        Kind::Preambular => UnitKind::Preambular,
        Kind::Operative => UnitKind::Operative,
    };
    out.push(Unit {
        kind,
        n,
        label: label.to_string(),
        text: p.text.clone(),
    });
    // Labels of the open subparagraph at each level, so (i) under (b) reads "OP4(b)(i)".
    let mut path: Vec<&str> = Vec::new();
    for s in &p.sub {
        path.truncate(usize::from(s.level.max(1)) - 1);
        path.push(&s.label);
        out.push(Unit {
            kind: UnitKind::Subparagraph,
            n,
            label: format!("{label}{}", path.concat()),
            text: s.text.clone(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    #[test]
    fn labels_follow_numbers_levels_and_sections() {
        let draft = segment(
            "The General Assembly,\n\nRecalling its resolution 1,\n\n\
             3. Requests:\n\n(a) One;\n\n(i) Deeper;\n\n(b) Two;\n",
        );
        let labels: Vec<String> = units(&draft).into_iter().map(|u| u.label).collect();
        assert_eq!(labels, ["PP1", "OP3", "OP3(a)", "OP3(a)(i)", "OP3(b)"]);
    }
}
