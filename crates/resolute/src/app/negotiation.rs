//! The negotiation layer in the editor: what to draw (brackets by depth, alternatives,
//! attributions, notes, statuses), the negotiation panel's counts, and the edits on a
//! bracket or a paragraph's status, each one [`TextEdit`] (one undo step).

use resolute_draft::negotiation::{
    self, next_label, Annotation, BracketKind, Negotiation, ParagraphMarks, Status,
};
use resolute_draft::{Draft, Kind, Span};
use serde::Serialize;

use super::edit::{minimal_edit, TextEdit};
use super::utf16::{Range, Utf16Index};

/// What the editor shows of a negotiating text. Offsets are UTF-16.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct NegotiationView {
    /// The stage from the front matter.
    pub stage: String,
    /// Every pair of brackets, in order of its `[`.
    pub brackets: Vec<AppBracket>,
    /// Labels, statuses and notes written in braces.
    pub annotations: Vec<AppAnnotation>,
    /// Brackets and braces without a partner.
    pub unmatched: Vec<Range>,
    /// Every paragraph, in order.
    pub paragraphs: Vec<AppParagraphState>,
    /// Per delegation: what it proposed, wants deleted, wants retained.
    pub actors: Vec<AppActor>,
    /// Counts: pairs, unbalanced, max_depth, alternatives, placeholders, paragraphs, agreed …
    pub totals: negotiation::Totals,
}

/// A pair of brackets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppBracket {
    /// UTF-16 offset of the `[`.
    pub from: usize,
    /// UTF-16 offset one past the `]`.
    pub to: usize,
    /// 1 for an outermost bracket.
    pub depth: u32,
    /// "text", "placeholder", "status" or "empty".
    pub kind: BracketKind,
    /// The group of alternatives it belongs to, and its place in it (0 for the first).
    pub group: Option<usize>,
    /// Its place in its group.
    pub alternative: Option<usize>,
    /// The attribution as the format writes it ("US; delete: G77").
    pub attribution: Option<String>,
    /// Where the attribution is written.
    pub attribution_range: Option<Range>,
}

/// One delegation in the negotiation panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppActor {
    /// Its counts.
    #[serde(flatten)]
    pub counts: negotiation::ActorState,
    /// UTF-16 offset of the first bracket it is named on (the jump target).
    pub from: Option<usize>,
}

/// A label, status or note in braces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppAnnotation {
    /// UTF-16 start of the `{`.
    pub from: usize,
    /// UTF-16 end, one past the `}`.
    pub to: usize,
    /// "label", "status" or "note".
    pub kind: &'static str,
    /// The label, the status, or the note's text.
    pub text: String,
}

/// One paragraph in the negotiation panel.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppParagraphState {
    /// "PP3", "OP5 bis".
    pub label: String,
    /// UTF-16 offset of its start (the jump target).
    pub from: usize,
    /// "agreed ad ref", "pending: EU", "deleted", or null.
    pub status: Option<String>,
    /// Bracket pairs in it.
    pub brackets: usize,
    /// Groups of alternatives in it.
    pub alternatives: usize,
    /// Placeholders in it.
    pub placeholders: usize,
    /// Delegations named in it.
    pub actors: Vec<String>,
}

/// The negotiation view of `text` (parsed as `draft`), when it is a negotiating text.
pub(crate) fn view(text: &str, draft: &Draft, index: &Utf16Index) -> Option<NegotiationView> {
    let stage = draft.meta.stage.clone()?;
    let n = negotiation::analyze(text, draft);
    let range = |s: Span| index.range(s.start, s.end);
    let brackets = n
        .brackets
        .iter()
        .map(|b| {
            let r = range(b.span);
            AppBracket {
                from: r.from,
                to: r.to,
                depth: b.depth,
                kind: b.kind,
                group: b.group,
                alternative: b.group.and_then(|g| {
                    n.groups[g]
                        .iter()
                        .position(|k| n.brackets[*k].span == b.span)
                }),
                attribution: b.attribution.as_ref().map(|a| a.written()),
                attribution_range: b.attribution_span.map(range),
            }
        })
        .collect();
    let annotations = n
        .annotations
        .iter()
        .map(|a| annotation(a, &range))
        .collect();
    let paragraphs = n
        .paragraphs
        .iter()
        .map(|p| AppParagraphState {
            label: p.label.clone(),
            from: index.to_utf16(p.span.start),
            status: p.status.as_ref().map(Status::written),
            brackets: p.brackets,
            alternatives: p.alternatives,
            placeholders: p.placeholders,
            actors: p.actors.clone(),
        })
        .collect();
    Some(NegotiationView {
        stage,
        brackets,
        annotations,
        unmatched: n
            .unmatched
            .iter()
            .map(|u| index.range(u.at, u.at + 1))
            .collect(),
        paragraphs,
        actors: actors(&n, index),
        totals: n.totals,
    })
}

fn actors(n: &Negotiation, index: &Utf16Index) -> Vec<AppActor> {
    n.actors
        .iter()
        .map(|a| {
            let first = n.brackets.iter().find(|b| {
                b.attribution
                    .as_ref()
                    .is_some_and(|x| x.actors().contains(&a.name.as_str()))
            });
            AppActor {
                counts: a.clone(),
                from: first.map(|b| index.to_utf16(b.span.start)),
            }
        })
        .collect()
}

fn annotation(a: &Annotation, range: &impl Fn(Span) -> Range) -> AppAnnotation {
    let (kind, text) = match a {
        Annotation::Label { label, .. } => ("label", label.clone()),
        Annotation::Status { status, .. } => ("status", status.written()),
        Annotation::Note { text, .. } => ("note", text.clone()),
    };
    let r = range(a.span());
    AppAnnotation {
        from: r.from,
        to: r.to,
        kind,
        text,
    }
}

/// What to do with the bracket under the cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Resolve {
    /// Keep this alternative: the group becomes its text, without brackets or attribution.
    KeepThis,
    /// Keep none: the whole group (or the lone bracket) goes, attributions with it.
    KeepNone,
    /// Drop the brackets: this bracket's text stays, its brackets and attribution go.
    DropBrackets,
}

impl Resolve {
    /// "keep", "none" or "unwrap".
    pub fn parse(s: &str) -> Option<Resolve> {
        match s {
            "keep" => Some(Resolve::KeepThis),
            "none" => Some(Resolve::KeepNone),
            "unwrap" => Some(Resolve::DropBrackets),
            _ => None,
        }
    }
}

/// Resolves the innermost bracket holding UTF-16 offset `at` (its brackets included) as
/// `how` says. `None` when the text is not a negotiating text or no bracket holds `at`.
pub fn resolve_bracket(text: &str, at: usize, how: Resolve) -> Option<TextEdit> {
    let draft = resolute_draft::parse_markdown(text).ok()?;
    negotiation::is_on(&draft).then_some(())?;
    let n = negotiation::analyze(text, &draft);
    let byte = Utf16Index::new(text).to_byte(at);
    let k = innermost(&n, byte)?;
    let b = &n.brackets[k];
    let members: Vec<usize> = match b.group {
        Some(g) => n.groups[g].clone(),
        None => vec![k],
    };
    let with_attr = |i: usize| {
        let x = &n.brackets[i];
        let end = x
            .attribution_span
            .map_or(x.span.end, |a| a.end.max(x.span.end));
        (x.span.start, end)
    };
    let (start, end) = match how {
        Resolve::DropBrackets => with_attr(k),
        _ => (
            with_attr(members[0]).0,
            with_attr(members[members.len() - 1]).1,
        ),
    };
    let kept = match how {
        Resolve::KeepNone => String::new(),
        _ => own_text(text, b),
    };
    let mut new = String::with_capacity(text.len());
    new.push_str(&text[..start]);
    let cursor = new.len() + kept.len();
    new.push_str(&kept);
    new.push_str(&text[end..]);
    let new = tidy_spaces(new, start, cursor);
    minimal_edit(text, &new.0, new.1)
}

/// The text inside a bracket without a dashed attribution ("[extreme - US]" gives "extreme").
fn own_text(text: &str, b: &negotiation::Bracket) -> String {
    let inner_end = match b.attribution_span {
        Some(a) if a.start > b.span.start && a.end < b.span.end => a.start,
        _ => b.span.end - 1,
    };
    text.get(b.span.start + 1..inner_end)
        .unwrap_or("")
        .to_string()
}

/// After removing a group: no double space, no space before a punctuation mark.
fn tidy_spaces(mut s: String, at: usize, cursor: usize) -> (String, usize) {
    let bytes = s.as_bytes();
    let before_space = at > 0 && bytes.get(at - 1) == Some(&b' ');
    let after = bytes.get(cursor).copied();
    let empty = at == cursor;
    if empty && before_space && matches!(after, Some(b' ' | b',' | b';' | b'.' | b':')) {
        s.remove(at - 1);
        return (s, cursor - 1);
    }
    (s, cursor)
}

fn innermost(n: &Negotiation, byte: usize) -> Option<usize> {
    n.brackets
        .iter()
        .enumerate()
        .filter(|(_, b)| b.span.start <= byte && byte < b.span.end.max(b.span.start + 1))
        .max_by_key(|(_, b)| b.depth)
        .map(|(k, _)| k)
}

/// Sets (or, with `None`, clears) the status of the paragraph holding UTF-16 offset `at`:
/// `{agreed ad ref}`, `{pending}`, `{deleted}` after its number and label. `None` when the
/// text is not a negotiating text or no paragraph holds `at`.
pub fn set_status(text: &str, at: usize, status: Option<&str>) -> Option<TextEdit> {
    let draft = resolute_draft::parse_markdown(text).ok()?;
    negotiation::is_on(&draft).then_some(())?;
    let status = match status {
        Some(s) => Some(Status::parse(s)?),
        None => None,
    };
    let byte = Utf16Index::new(text).to_byte(at);
    let p = draft
        .paragraphs()
        .filter(|p| p.span.start <= byte && byte <= p.span.end)
        .last()?;
    let start = super::spans::content_start(text, p.span.start, false);
    let written_len = negotiation::leading_marks(&text[start..]).1;
    let label = p.marks.as_ref().and_then(|m| m.label.clone());
    let marks = ParagraphMarks::new(label, status);
    let mut new = String::with_capacity(text.len() + 20);
    new.push_str(&text[..start]);
    new.push_str(&marks.written());
    let cursor = new.len();
    new.push_str(&text[start + written_len..]);
    minimal_edit(text, &new, cursor)
}

/// Inserts a new paragraph after the one holding UTF-16 offset `at`, labelled with the next
/// free inserted label after it ("5 bis", "PP3 ter"), and puts the cursor in it.
pub fn insert_paragraph(text: &str, at: usize) -> Option<TextEdit> {
    let draft = resolute_draft::parse_markdown(text).ok()?;
    negotiation::is_on(&draft).then_some(())?;
    let byte = Utf16Index::new(text).to_byte(at);
    let n = negotiation::analyze(text, &draft);
    let k = n.paragraphs.iter().rposition(|p| p.span.start <= byte)?;
    let here = &n.paragraphs[k];
    let taken: Vec<&str> = n.paragraphs.iter().map(|p| bare(&p.own_label)).collect();
    let label = next_label(bare(&here.own_label), &taken);
    let label = match here.kind {
        Kind::Preambular if !label.starts_with("PP") => format!("PP{label}"),
        _ => label,
    };
    let end = here.span.end;
    let mut new = String::with_capacity(text.len() + 20);
    new.push_str(&text[..end]);
    new.push_str(&format!("\n\n{{{label}}} "));
    let cursor = new.len();
    new.push_str(&text[end..]);
    minimal_edit(text, &new, cursor)
}

/// A label as the braces write it: "OP5 bis" is written `{5 bis}`.
fn bare(own_label: &str) -> &str {
    own_label.strip_prefix("OP").unwrap_or(own_label)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "---\nstage: informals\n---\n\n*Recalling* [its][the] resolution [X],\n\n\
                       1. *Decides* [to act]{US} [to wait]{EU} now;\n\n2. *Requests* a report.\n";

    fn apply(text: &str, e: &TextEdit) -> String {
        // ASCII texts: UTF-16 offsets are bytes.
        format!("{}{}{}", &text[..e.from], e.insert, &text[e.to..])
    }

    #[test]
    fn the_view_maps_brackets_and_groups() {
        let d = resolute_draft::parse_markdown(SRC).unwrap();
        let v = view(SRC, &d, &Utf16Index::new(SRC)).unwrap();
        assert_eq!(v.stage, "informals");
        assert_eq!(v.totals.pairs, 5);
        let first = &v.brackets[0];
        assert_eq!(&SRC[first.from..first.to], "[its]");
        assert_eq!((first.group, first.alternative), (Some(0), Some(0)));
        assert_eq!(v.brackets[3].attribution.as_deref(), Some("US"));
        assert_eq!(v.paragraphs.len(), 3);
    }

    #[test]
    fn keep_this_keep_none_and_unwrap_are_one_edit_each() {
        let at = SRC.find("to wait").unwrap();
        let keep = resolve_bracket(SRC, at, Resolve::KeepThis).unwrap();
        assert!(apply(SRC, &keep).contains("1. *Decides* to wait now;"));
        let none = resolve_bracket(SRC, at, Resolve::KeepNone).unwrap();
        assert!(
            apply(SRC, &none).contains("1. *Decides* now;"),
            "{}",
            apply(SRC, &none)
        );
        let unwrap = resolve_bracket(SRC, at, Resolve::DropBrackets).unwrap();
        assert!(apply(SRC, &unwrap).contains("[to act]{US} to wait now;"));
        assert_eq!(
            resolve_bracket(SRC, SRC.find("report").unwrap(), Resolve::KeepThis),
            None
        );
    }

    #[test]
    fn status_is_set_replaced_and_cleared() {
        let at = SRC.find("Requests").unwrap();
        let agreed = apply(SRC, &set_status(SRC, at, Some("agreed ad ref")).unwrap());
        assert!(agreed.contains("2. {agreed ad ref} *Requests*"), "{agreed}");
        let at = agreed.find("Requests").unwrap();
        let pending = apply(&agreed, &set_status(&agreed, at, Some("pending")).unwrap());
        assert!(pending.contains("2. {pending} *Requests*"), "{pending}");
        let at = pending.find("Requests").unwrap();
        let cleared = apply(&pending, &set_status(&pending, at, None).unwrap());
        assert_eq!(cleared, SRC);
    }

    #[test]
    fn a_new_paragraph_gets_the_next_free_label() {
        let at = SRC.find("Decides").unwrap();
        let e = insert_paragraph(SRC, at).unwrap();
        let new = apply(SRC, &e);
        assert!(new.contains("now;\n\n{1 bis} \n\n2."), "{new}");
        let at = new.find("Recalling").unwrap();
        let pp = apply(&new, &insert_paragraph(&new, at).unwrap());
        assert!(pp.contains("[X],\n\n{PP1 bis} \n\n1."), "{pp}");
        // In a section, after a dotted label: the section's prefix is not part of the label.
        let sectioned = "---\nstage: rev 1\n---\n\n## II. Finance\n\n3. *Decides* a;\n\n\
                         {3.3bis} *Urges* b.\n";
        let at = sectioned.find("Urges").unwrap();
        let e = apply(sectioned, &insert_paragraph(sectioned, at).unwrap());
        assert!(e.ends_with("b.\n\n{3.3 ter} \n"), "{e}");
    }

    #[test]
    fn each_delegation_jumps_to_its_first_bracket() {
        let d = resolute_draft::parse_markdown(SRC).unwrap();
        let v = view(SRC, &d, &Utf16Index::new(SRC)).unwrap();
        let eu = v.actors.iter().find(|a| a.counts.name == "EU").unwrap();
        assert_eq!(eu.from, Some(SRC.find("[to wait]").unwrap()));
    }
}
