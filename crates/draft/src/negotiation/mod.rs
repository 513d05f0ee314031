//! The negotiation layer (docs/format.md, "Negotiation layer"): square brackets around
//! disputed text, alternatives written side by side, placeholders, who proposed what, the
//! status and label of each paragraph, facilitators' notes.
//!
//! It is on when the front matter names a `stage`; adopted texts never see it.
//!
//! ```
//! use resolute_draft::{negotiation, parse_markdown};
//!
//! let src = "---\nstage: informals\n---\n\n*Recalling* [its][the] resolution [X],\n\n\
//!            1. {agreed ad ref} *Decides* to act.\n";
//! let draft = parse_markdown(src)?;
//! let n = negotiation::analyze(src, &draft);
//! assert_eq!(n.totals.pairs, 3);
//! assert_eq!(n.totals.alternatives, 1);
//! assert_eq!(n.totals.placeholders, 1);
//! assert_eq!(n.totals.agreed, 1);
//! # Ok::<(), resolute_draft::FormatError>(())
//! ```

mod adopt;
mod clean;
mod compile;
mod detect;
mod marks;
mod scan;

pub use adopt::{adopt, unescape_brackets};
pub use clean::{clean, Keep};
pub use compile::{
    compile, differing_paragraphs, round_trip, CompileError, Compiled, Version, VersionCounts,
};
pub use detect::carries_negotiation;
pub use marks::{
    is_label, is_operative_label, is_placeholder, leading_marks, next_label, Attribution,
    ParagraphMarks, Status, INSERTED,
};
pub use scan::Unmatched;

use serde::Serialize;

use crate::model::{Draft, Kind, Paragraph, Span};

/// What a pair of brackets holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum BracketKind {
    /// Text under negotiation.
    Text,
    /// A value to fill in: "[X]", "[by X date]", "[40-70]".
    Placeholder,
    /// A status written in brackets, as real texts do: "[Agreed ad ref]".
    Status,
    /// Nothing inside: "[]".
    Empty,
}

/// A balanced pair of square brackets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Bracket {
    /// From the `[` to one past the `]`.
    pub span: Span,
    /// 1 for an outermost bracket.
    pub depth: u32,
    /// The bracket this one is nested in (index into [`Negotiation::brackets`]).
    pub parent: Option<usize>,
    /// What it holds.
    pub kind: BracketKind,
    /// The group of alternatives it belongs to (index into [`Negotiation::groups`]).
    pub group: Option<usize>,
    /// Who proposed it, who wants it deleted or retained.
    pub attribution: Option<Attribution>,
    /// Where the attribution is written: the braces after the bracket, or the part after the
    /// dash inside it.
    pub attribution_span: Option<Span>,
    /// The paragraph it opens in (index into [`Negotiation::paragraphs`]).
    pub paragraph: Option<usize>,
}

/// A brace group `{…}` that is not an attribution.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Annotation {
    /// A paragraph label: `{5 bis}`.
    Label {
        /// Where the braces are.
        span: Span,
        /// The label.
        label: String,
    },
    /// A paragraph status: `{agreed ad ref}`.
    Status {
        /// Where the braces are.
        span: Span,
        /// The status.
        status: Status,
    },
    /// A facilitator's note: `{Note: pending outcome of discussions on Article 10}`.
    Note {
        /// Where the braces are.
        span: Span,
        /// The note's text.
        text: String,
    },
}

impl Annotation {
    /// Where the braces are.
    pub fn span(&self) -> Span {
        match self {
            Annotation::Label { span, .. }
            | Annotation::Status { span, .. }
            | Annotation::Note { span, .. } => *span,
        }
    }
}

/// The state of one paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ParagraphState {
    /// "PP3", "OP5", "OP5 bis", "II.OP2".
    pub label: String,
    /// The label within its part, without the section's prefix: "PP3", "OP5 bis".
    pub own_label: String,
    /// Preambular or operative.
    pub kind: Kind,
    /// The paragraph in the source.
    pub span: Span,
    /// Its status, from its marks or from a status written in it.
    pub status: Option<Status>,
    /// Bracket pairs that open in it (placeholders and status brackets included).
    pub brackets: usize,
    /// Groups of alternatives that start in it.
    pub alternatives: usize,
    /// Placeholders in it.
    pub placeholders: usize,
    /// Delegations named in its attributions.
    pub actors: Vec<String>,
}

/// What one delegation has in the text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct ActorState {
    /// The delegation as written.
    pub name: String,
    /// Brackets it proposed.
    pub proposed: usize,
    /// Brackets it wants deleted.
    pub delete: usize,
    /// Brackets it wants retained.
    pub retain: usize,
}

/// Counts over the whole text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Totals {
    /// Balanced bracket pairs.
    pub pairs: usize,
    /// Brackets (and braces) without a partner.
    pub unbalanced: usize,
    /// Deepest nesting.
    pub max_depth: u32,
    /// Groups of two or more alternatives.
    pub alternatives: usize,
    /// Placeholders to fill.
    pub placeholders: usize,
    /// Paragraphs.
    pub paragraphs: usize,
    /// Paragraphs agreed ad ref.
    pub agreed: usize,
    /// Paragraphs marked pending.
    pub pending: usize,
    /// Paragraphs marked deleted.
    pub deleted: usize,
    /// Paragraphs that hold a bracket of text still to negotiate.
    pub open_paragraphs: usize,
    /// Brackets with an attribution.
    pub attributed: usize,
    /// Facilitators' notes.
    pub notes: usize,
    /// Empty brackets.
    pub empty: usize,
}

/// The state of a negotiation.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Negotiation {
    /// The stage from the front matter.
    pub stage: Option<String>,
    /// Every balanced pair, in order of its `[`.
    pub brackets: Vec<Bracket>,
    /// Groups of alternatives: indices into `brackets`, in order.
    pub groups: Vec<Vec<usize>>,
    /// Brackets and braces without a partner.
    pub unmatched: Vec<Unmatched>,
    /// Labels, statuses and notes in braces.
    pub annotations: Vec<Annotation>,
    /// Every preambular and operative paragraph, in order.
    pub paragraphs: Vec<ParagraphState>,
    /// What each delegation has in the text, by name.
    pub actors: Vec<ActorState>,
    /// Counts.
    pub totals: Totals,
}

/// Whether the draft is a negotiating text (its front matter names a stage).
pub fn is_on(draft: &Draft) -> bool {
    draft.meta.stage.is_some()
}

/// Reads the negotiation state of `src`, the text `draft` was parsed from. Works whether the
/// layer is on or not (the counts of an adopted text show what brackets it has); linear in
/// the length of the text.
pub fn analyze(src: &str, draft: &Draft) -> Negotiation {
    let body = draft.meta.span.map_or(0, |s| s.end);
    let scan = scan::scan(src, body..src.len());
    let mut n = Negotiation {
        stage: draft.meta.stage.clone(),
        unmatched: scan.unmatched.clone(),
        paragraphs: paragraph_states(draft),
        ..Negotiation::default()
    };
    let spans: Vec<Span> = n.paragraphs.iter().map(|p| p.span).collect();
    n.brackets = scan
        .pairs
        .iter()
        .map(|p| bracket(src, p, paragraph_at(&spans, p.open)))
        .collect();
    let attached = attach_braces(src, &scan.braces, &mut n);
    for (i, span) in scan.braces.iter().enumerate() {
        if !attached.contains(&i) {
            n.annotations.push(annotation(src, *span));
        }
    }
    group_alternatives(src, &scan.braces, &mut n);
    tally(&mut n);
    n
}

fn bracket(src: &str, p: &scan::Pair, paragraph: Option<usize>) -> Bracket {
    let content = src.get(p.open + 1..p.close).unwrap_or("");
    let kind = if content.trim().is_empty() {
        BracketKind::Empty
    } else if Status::parse(content).is_some() {
        BracketKind::Status
    } else if is_placeholder(content) {
        BracketKind::Placeholder
    } else {
        BracketKind::Text
    };
    let mut b = Bracket {
        span: Span::new(p.open, p.close + 1),
        depth: p.depth,
        parent: p.parent,
        kind,
        group: None,
        attribution: None,
        attribution_span: None,
        paragraph,
    };
    if kind == BracketKind::Text {
        dashed_attribution(src, &mut b);
    }
    b
}

/// The longest attribution after a dash, in bytes.
const MAX_ATTRIBUTION: usize = 200;

/// "[extreme - US; G77 delete]": an attribution after the last dash of the bracket's own text
/// (after any bracket nested in it).
fn dashed_attribution(src: &str, b: &mut Bracket) {
    let content = src.get(b.span.start + 1..b.span.end - 1).unwrap_or("");
    let own = content.rfind(']').map_or(0, |i| i + 1);
    // An attribution is a short list of delegations at the end: look at the last few words.
    let mut own = own.max(content.len().saturating_sub(MAX_ATTRIBUTION));
    while !content.is_char_boundary(own) {
        own += 1;
    }
    let tail = &content[own..];
    let dash = [" - ", " – ", " — "]
        .iter()
        .filter_map(|d| tail.rfind(d).map(|i| (i, d.len())))
        .max();
    let Some((at, len)) = dash else {
        return;
    };
    if let Some(a) = Attribution::parse_dashed(&tail[at + len..]) {
        let start = b.span.start + 1 + own + at;
        b.attribution = Some(a);
        b.attribution_span = Some(Span::new(start, b.span.end - 1));
    }
}

/// Braces written right after a `]` that read as an attribution belong to that bracket.
/// Returns the indices of the braces used so.
fn attach_braces(src: &str, braces: &[Span], n: &mut Negotiation) -> Vec<usize> {
    let by_end: std::collections::HashMap<usize, usize> = n
        .brackets
        .iter()
        .enumerate()
        .map(|(k, b)| (b.span.end, k))
        .collect();
    let mut used = Vec::new();
    for (i, b) in braces.iter().enumerate() {
        let Some(&k) = by_end.get(&b.start) else {
            continue;
        };
        let inner = src.get(b.start + 1..b.end - 1).unwrap_or("");
        if let Some(a) = Attribution::parse_braced(inner) {
            n.brackets[k].attribution = Some(a);
            n.brackets[k].attribution_span = Some(*b);
            used.push(i);
        }
    }
    used
}

/// An attribution written in braces right after a `]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BracedAttribution {
    /// Offset of the `[` it belongs to; `None` after a `]` without partner.
    pub open: Option<usize>,
    /// The braces, `{` to one past `}`.
    pub braces: Span,
    /// What they say.
    pub attribution: Attribution,
}

/// The braced attributions of `text` alone (a paragraph's text, as a writer holds it), by
/// the scanner and the rule [`analyze`] uses, also after a `]` that has no partner.
pub fn braced_attributions(text: &str) -> Vec<BracedAttribution> {
    let scan = scan::scan(text, 0..text.len());
    let closes = scan.pairs.iter().map(|p| (Some(p.open), p.close));
    let strays = scan
        .unmatched
        .iter()
        .filter(|u| u.ch == ']')
        .map(|u| (None, u.at));
    let by_close: std::collections::HashMap<usize, Option<usize>> = closes
        .chain(strays)
        .map(|(open, close)| (close + 1, open))
        .collect();
    scan.braces
        .iter()
        .filter_map(|b| {
            let open = *by_close.get(&b.start)?;
            let inner = text.get(b.start + 1..b.end - 1)?;
            Attribution::parse_braced(inner).map(|attribution| BracedAttribution {
                open,
                braces: *b,
                attribution,
            })
        })
        .collect()
}

fn annotation(src: &str, span: Span) -> Annotation {
    let inner = src.get(span.start + 1..span.end - 1).unwrap_or("").trim();
    if is_label(inner) {
        return Annotation::Label {
            span,
            label: inner.to_string(),
        };
    }
    if let Some(status) = Status::parse(inner) {
        return Annotation::Status { span, status };
    }
    let text = inner
        .strip_prefix("Note:")
        .or_else(|| inner.strip_prefix("note:"))
        .unwrap_or(inner);
    Annotation::Note {
        span,
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

/// Brackets of text written side by side (`[shall][should]`, `[a] [b]`, an attribution in
/// braces between them) with the same parent are alternatives.
fn group_alternatives(src: &str, braces: &[Span], n: &mut Negotiation) {
    let bytes = src.as_bytes();
    let mut next: Vec<Option<usize>> = vec![None; n.brackets.len()];
    let mut is_next = vec![false; n.brackets.len()];
    for (i, b) in n.brackets.iter().enumerate() {
        if b.kind != BracketKind::Text {
            continue;
        }
        let mut pos = b.span.end;
        if let Some(br) = b.attribution_span.filter(|s| s.start == pos) {
            pos = br.end;
        } else if let Ok(k) = braces.binary_search_by_key(&pos, |s| s.start) {
            pos = braces[k].end;
        }
        while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
            pos += 1;
        }
        let found = n.brackets[i + 1..]
            .binary_search_by_key(&pos, |x| x.span.start)
            .ok()
            .map(|k| i + 1 + k);
        if let Some(j) = found.filter(|j| {
            let o = &n.brackets[*j];
            o.parent == b.parent && o.kind == BracketKind::Text
        }) {
            next[i] = Some(j);
            is_next[j] = true;
        }
    }
    for start in 0..n.brackets.len() {
        if is_next[start] || next[start].is_none() {
            continue;
        }
        let g = n.groups.len();
        let mut members = vec![start];
        let mut cur = start;
        while let Some(j) = next[cur] {
            members.push(j);
            cur = j;
        }
        for m in &members {
            n.brackets[*m].group = Some(g);
        }
        n.groups.push(members);
    }
}

/// Labels and states of every paragraph, in document order.
fn paragraph_states(draft: &Draft) -> Vec<ParagraphState> {
    let mut out = Vec::new();
    let mut parts: Vec<(&str, &[Paragraph], &[Paragraph])> =
        vec![("", &draft.preamble, &draft.operative)];
    for s in &draft.sections {
        parts.push((&s.label, &s.preamble, &s.operative));
    }
    for (section, preamble, operative) in parts {
        let prefix = if section.is_empty() {
            String::new()
        } else {
            format!("{section}.")
        };
        let mut pp = 0;
        for p in preamble {
            let own = p.marks.as_ref().and_then(|m| m.label.clone());
            let label = own.unwrap_or_else(|| {
                pp += 1;
                format!("PP{pp}")
            });
            out.push(state(&prefix, label, p));
        }
        for p in operative {
            let label = match (p.marks.as_ref().and_then(|m| m.label.as_deref()), p.number) {
                (Some(l), _) if l.starts_with(|c: char| c.is_ascii_digit()) => format!("OP{l}"),
                (Some(l), _) => l.to_string(),
                (None, Some(k)) => format!("OP{k}"),
                (None, None) => "OP".to_string(),
            };
            out.push(state(&prefix, label, p));
        }
    }
    out.sort_by_key(|p| p.span.start);
    out
}

fn state(prefix: &str, own_label: String, p: &Paragraph) -> ParagraphState {
    ParagraphState {
        label: format!("{prefix}{own_label}"),
        own_label,
        kind: p.kind,
        span: p.span,
        status: p.marks.as_ref().and_then(|m| m.status.clone()),
        brackets: 0,
        alternatives: 0,
        placeholders: 0,
        actors: Vec::new(),
    }
}

/// The paragraph whose span holds `at`.
fn paragraph_at(spans: &[Span], at: usize) -> Option<usize> {
    let k = spans.partition_point(|s| s.start <= at).checked_sub(1)?;
    (at < spans[k].end).then_some(k)
}

fn tally(n: &mut Negotiation) {
    let spans: Vec<Span> = n.paragraphs.iter().map(|p| p.span).collect();
    for a in &n.annotations {
        if let (Annotation::Status { status, .. }, Some(k)) =
            (a, paragraph_at(&spans, a.span().start))
        {
            n.paragraphs[k].status.get_or_insert(status.clone());
        }
    }
    let mut t = Totals {
        pairs: n.brackets.len(),
        unbalanced: n.unmatched.len(),
        paragraphs: n.paragraphs.len(),
        alternatives: n.groups.len(),
        ..Totals::default()
    };
    let mut open = vec![false; n.paragraphs.len()];
    for b in &n.brackets {
        t.max_depth = t.max_depth.max(b.depth);
        let para = b.paragraph.and_then(|k| n.paragraphs.get_mut(k));
        match b.kind {
            BracketKind::Placeholder => t.placeholders += 1,
            BracketKind::Empty => t.empty += 1,
            _ => {}
        }
        if let Some(a) = &b.attribution {
            t.attributed += 1;
            count_actors(&mut n.actors, a);
        }
        let Some(p) = para else {
            continue;
        };
        p.brackets += 1;
        if b.kind == BracketKind::Placeholder {
            p.placeholders += 1;
        }
        if b.kind == BracketKind::Status {
            p.status.get_or_insert(Status::AgreedAdRef);
        }
        if b.kind == BracketKind::Text {
            if let Some(k) = b.paragraph {
                open[k] = true;
            }
        }
        for actor in b.attribution.iter().flat_map(Attribution::actors) {
            if !p.actors.iter().any(|x| x == actor) {
                p.actors.push(actor.to_string());
            }
        }
    }
    for g in &n.groups {
        if let Some(p) = n.brackets[g[0]]
            .paragraph
            .and_then(|k| n.paragraphs.get_mut(k))
        {
            p.alternatives += 1;
        }
    }
    for p in &n.paragraphs {
        match p.status {
            Some(Status::AgreedAdRef) => t.agreed += 1,
            Some(Status::Pending { .. }) => t.pending += 1,
            Some(Status::Deleted) => t.deleted += 1,
            None => {}
        }
    }
    t.open_paragraphs = open.iter().filter(|o| **o).count();
    t.notes = n
        .annotations
        .iter()
        .filter(|a| matches!(a, Annotation::Note { .. }))
        .count();
    n.totals = t;
}

fn count_actors(actors: &mut Vec<ActorState>, a: &Attribution) {
    let mut bump = |name: &str, f: fn(&mut ActorState)| {
        let k = match actors.iter().position(|x| x.name == name) {
            Some(k) => k,
            None => {
                actors.push(ActorState {
                    name: name.to_string(),
                    ..ActorState::default()
                });
                actors.len() - 1
            }
        };
        f(&mut actors[k]);
    };
    a.proposed.iter().for_each(|x| bump(x, |s| s.proposed += 1));
    a.delete.iter().for_each(|x| bump(x, |s| s.delete += 1));
    a.retain.iter().for_each(|x| bump(x, |s| s.retain += 1));
}

#[cfg(test)]
mod tests;
