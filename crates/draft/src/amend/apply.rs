//! Applying an amendment's instructions to its draft.
//!
//! Numbers and ordinals name paragraphs of the unamended draft, even after earlier
//! instructions inserted or deleted paragraphs: every paragraph keeps the place it had. Text
//! is looked for in the paragraph as already amended by earlier instructions. When the
//! numbered paragraph does not hold the quoted text and exactly one other paragraph of the
//! same kind does (a draft that is another version than the one the amendment names), the
//! edit is made there and the report says it was located by text. Results are applied
//! exactly, even when ungrammatical: the checker reports them.

use serde::Serialize;

use super::document::Amendment;
use super::grammar::{Op, Ref, Scope};
use super::text::{normalise, rebuild, spaced, splice, Visible};
use crate::model::{Draft, Kind, Paragraph, Span};
use crate::opening::opening_len;

/// What became of one instruction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Made.
    Applied,
    /// Nothing to do: the draft already reads as the instruction asks (an earlier
    /// instruction did it, or the paragraph was already deleted).
    AlreadySatisfied,
    /// The paragraph or the quoted text is not in the draft.
    NotFound,
    /// The quoted text is in more than one place the instruction could mean.
    Ambiguous,
    /// The instruction's words follow no form Resolute reads.
    Unreadable,
}

/// How the paragraph an instruction changed was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum LocatedBy {
    /// By its number or ordinal, as the instruction names it.
    Number,
    /// By the quoted text it holds, the numbered paragraph not holding it.
    Text,
}

/// The report on one instruction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Outcome {
    /// The instruction's number.
    pub n: usize,
    /// "delete-paragraphs", "replace-text" … ("unreadable" when not read).
    pub kind: &'static str,
    /// The places named, as "PP21", "OP35", "OP5(b)", "title".
    pub targets: Vec<String>,
    /// What became of it.
    pub status: Status,
    /// How the paragraph was found.
    pub located_by: LocatedBy,
    /// What was done, or why not.
    pub message: String,
}

/// How to apply.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options {
    /// The draft is another version than the one the amendment names (L.3 for L.3/Rev.1):
    /// quoted text is looked for in the whole draft first, numbers only confirm.
    pub other_version: bool,
}

/// The amended draft and the report.
#[derive(Debug, Clone)]
pub struct Applied {
    /// The draft with every applicable instruction made, renumbered, references updated.
    pub draft: Draft,
    /// One outcome per instruction, in order.
    pub outcomes: Vec<Outcome>,
}

impl Applied {
    /// Whether every instruction was applied (or was already satisfied).
    pub fn complete(&self) -> bool {
        self.outcomes
            .iter()
            .all(|o| matches!(o.status, Status::Applied | Status::AlreadySatisfied))
    }
}

/// Applies `amendment` to `draft`.
pub fn apply(draft: &Draft, amendment: &Amendment, options: Options) -> Applied {
    let mut work = Work::new(draft, options);
    let outcomes = amendment
        .instructions
        .iter()
        .map(|i| match &i.op {
            Some(op) => work.apply(i.n, op),
            None => Outcome {
                n: i.n,
                kind: "unreadable",
                targets: Vec::new(),
                status: Status::Unreadable,
                located_by: LocatedBy::Number,
                message: format!(
                    "cannot read this instruction: \"{}\"",
                    i.text.chars().take(160).collect::<String>()
                ),
            },
        })
        .collect();
    Applied {
        draft: work.finish(draft),
        outcomes,
    }
}

/// A paragraph and the place it had in the unamended draft.
#[derive(Debug, Clone)]
struct Slot {
    para: Paragraph,
    /// Its label in the unamended draft ("PP3", "OP5"); `None` for an inserted paragraph.
    origin: Option<Ref>,
    deleted_by: Option<usize>,
    inserted_by: Option<usize>,
}

/// The draft being amended: per part (before any section, then each section) its
/// preambular and operative slots.
struct Work {
    parts: Vec<[Vec<Slot>; 2]>,
    title: Option<String>,
    options: Options,
    /// Whether numbers stay as they are (a negotiating text).
    frozen: bool,
}

/// Where a slot is: part, 0 preambular / 1 operative, index.
type At = (usize, usize, usize);

fn list(kind: Kind) -> usize {
    match kind {
        Kind::Preambular => 0,
        Kind::Operative => 1,
    }
}

impl Work {
    fn new(d: &Draft, options: Options) -> Work {
        let mut pp = 0;
        let mut op = 0;
        let mut slots = |paras: &[Paragraph]| -> Vec<Slot> {
            paras
                .iter()
                .map(|p| {
                    let origin = match p.kind {
                        Kind::Preambular => {
                            pp += 1;
                            Ref::Preambular(pp)
                        }
                        Kind::Operative => {
                            op += 1;
                            Ref::Operative(p.number.unwrap_or(op))
                        }
                    };
                    Slot {
                        para: p.clone(),
                        origin: Some(origin),
                        deleted_by: None,
                        inserted_by: None,
                    }
                })
                .collect()
        };
        let mut parts = vec![[slots(&d.preamble), slots(&d.operative)]];
        for s in &d.sections {
            parts.push([slots(&s.preamble), slots(&s.operative)]);
        }
        Work {
            parts,
            title: d.meta.title.clone(),
            options,
            frozen: d.meta.stage.is_some(),
        }
    }

    fn slot(&self, at: At) -> &Slot {
        &self.parts[at.0][at.1][at.2]
    }

    fn slot_mut(&mut self, at: At) -> &mut Slot {
        &mut self.parts[at.0][at.1][at.2]
    }

    /// Every slot's place, in document order.
    fn places(&self) -> Vec<At> {
        let mut out = Vec::new();
        for (p, lists) in self.parts.iter().enumerate() {
            for (l, slots) in lists.iter().enumerate() {
                out.extend((0..slots.len()).map(|i| (p, l, i)));
            }
        }
        out
    }

    /// The slot of the unamended paragraph `r` names (its operative paragraph for a
    /// subparagraph). Err: why not.
    fn locate(&self, r: &Ref) -> Result<At, String> {
        let wanted = match r {
            Ref::Sub { op, .. } => Ref::Operative(*op),
            other => other.clone(),
        };
        let found: Vec<At> = self
            .places()
            .into_iter()
            .filter(|&at| self.slot(at).origin.as_ref() == Some(&wanted))
            .collect();
        match found.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!("the draft has no {}", describe(&wanted))),
            _ => Err(format!(
                "the draft has {} paragraphs that are {} (numbering restarts in its sections)",
                found.len(),
                describe(&wanted)
            )),
        }
    }

    fn apply(&mut self, n: usize, op: &Op) -> Outcome {
        let mut out = Outcome {
            n,
            kind: op.name(),
            targets: targets(op).iter().map(Ref::label).collect(),
            status: Status::Applied,
            located_by: LocatedBy::Number,
            message: String::new(),
        };
        let (status, located_by, message) = match op {
            Op::DeleteParagraphs(refs) => self.delete_paragraphs(n, refs),
            Op::DeleteText { scope, text } => self.edit(scope, &Edit::Delete(text)),
            Op::ReplaceText { scope, old, new } => self.edit(scope, &Edit::Replace(old, new)),
            Op::InsertText {
                scope,
                anchor,
                before,
                text,
            } => self.edit(
                scope,
                &Edit::Insert {
                    anchor,
                    before: *before,
                    text,
                },
            ),
            Op::InsertParagraphs {
                anchor,
                before,
                kind,
                paragraphs,
            } => self.insert_paragraphs(n, anchor, *before, *kind, paragraphs),
            Op::ReplaceParagraph { target, paragraphs } => {
                self.replace_paragraph(n, target, paragraphs)
            }
        };
        out.status = status;
        out.located_by = located_by;
        out.message = message;
        out
    }

    fn delete_paragraphs(&mut self, n: usize, refs: &[Ref]) -> (Status, LocatedBy, String) {
        let mut done = Vec::new();
        let mut already = Vec::new();
        let mut missing = Vec::new();
        for r in refs {
            let at = match self.locate(r) {
                Ok(at) => at,
                Err(why) => {
                    missing.push(why);
                    continue;
                }
            };
            if let Ref::Sub { label, .. } = r {
                let subs = &mut self.slot_mut(at).para.sub;
                let before = subs.len();
                subs.retain(|s| s.label.trim_matches(['(', ')']) != label);
                if subs.len() == before {
                    missing.push(format!("{} has no subparagraph ({label})", r.label()));
                } else {
                    done.push(r.label());
                }
                continue;
            }
            let slot = self.slot_mut(at);
            match slot.deleted_by {
                Some(k) => already.push(format!("{} (deleted by instruction {k})", r.label())),
                None => {
                    slot.deleted_by = Some(n);
                    done.push(r.label());
                }
            }
        }
        let mut parts = Vec::new();
        if !done.is_empty() {
            parts.push(format!("deleted {}", done.join(", ")));
        }
        if !already.is_empty() {
            parts.push(format!("already deleted: {}", already.join(", ")));
        }
        parts.extend(missing.iter().cloned());
        let status = if !missing.is_empty() {
            Status::NotFound
        } else if done.is_empty() {
            Status::AlreadySatisfied
        } else {
            Status::Applied
        };
        (
            status,
            LocatedBy::Number,
            self.version_note(parts.join("; ")),
        )
    }

    /// How a report names the paragraph at `at`: its label in the unamended draft.
    fn name(&self, at: At) -> String {
        let slot = self.slot(at);
        match (&slot.origin, slot.inserted_by) {
            (Some(r), _) => r.label(),
            (None, Some(k)) => format!("the paragraph inserted by instruction {k}"),
            (None, None) => "a new paragraph".to_string(),
        }
    }

    /// A paragraph located by number in a draft of another version: say so.
    fn version_note(&self, message: String) -> String {
        if self.options.other_version {
            format!("{message} (located by number in another version of the draft: verify)")
        } else {
            message
        }
    }

    fn edit(&mut self, scope: &Scope, edit: &Edit<'_>) -> (Status, LocatedBy, String) {
        match scope {
            Scope::In(refs) => {
                let results: Vec<_> = refs.iter().map(|r| self.edit_at(r, edit)).collect();
                let status = results
                    .iter()
                    .map(|r| r.0)
                    .max_by_key(|s| severity(*s))
                    .unwrap_or(Status::NotFound);
                let by = if results.iter().any(|r| r.1 == LocatedBy::Text) {
                    LocatedBy::Text
                } else {
                    LocatedBy::Number
                };
                let message = results
                    .into_iter()
                    .map(|r| r.2)
                    .collect::<Vec<_>>()
                    .join("; ");
                (status, by, message)
            }
            Scope::Everywhere {
                title,
                preambular,
                operative,
            } => self.edit_everywhere(*title, *preambular, *operative, edit),
        }
    }

    /// One edit in the paragraph `r` names.
    fn edit_at(&mut self, r: &Ref, edit: &Edit<'_>) -> (Status, LocatedBy, String) {
        if *r == Ref::Title {
            return self.edit_title(edit);
        }
        let numbered = self.locate(r);
        let sub = match r {
            Ref::Sub { label, .. } => Some(label.as_str()),
            _ => None,
        };
        let kind = match r {
            Ref::Preambular(_) => Kind::Preambular,
            _ => Kind::Operative,
        };
        let holds = |w: &Work, at: At| {
            w.slot(at).deleted_by.is_none() && count(&w.slot(at).para, sub, edit.needle()) > 0
        };
        // The numbered paragraph, unless it does not hold the text and one other does.
        let number_holds = numbered.as_ref().is_ok_and(|&at| holds(self, at));
        // The whole draft is searched only when the number alone cannot be trusted.
        let by_text: Vec<At> = if number_holds && !self.options.other_version {
            Vec::new()
        } else {
            self.places()
                .into_iter()
                .filter(|&at| at.1 == list(kind) && holds(self, at))
                .collect()
        };
        let (at, by) = match (&numbered, number_holds) {
            (Ok(at), true) if !self.options.other_version || by_text.len() != 1 => {
                (*at, LocatedBy::Number)
            }
            _ if by_text.len() == 1 => (by_text[0], LocatedBy::Text),
            (Ok(_), false) if by_text.len() > 1 => {
                let names: Vec<String> = by_text.iter().map(|&at| self.name(at)).collect();
                return (
                    Status::Ambiguous,
                    LocatedBy::Text,
                    format!(
                        "“{}” is not in {} but in {}: which one is meant?",
                        short(edit.needle()),
                        r.label(),
                        names.join(", ")
                    ),
                );
            }
            (Ok(at), _) => (*at, LocatedBy::Number),
            (Err(why), _) => return (Status::NotFound, LocatedBy::Number, why.clone()),
        };
        let name = r.label();
        if let Some(k) = self.slot(at).deleted_by {
            return (
                Status::NotFound,
                by,
                format!("{name} was deleted by instruction {k}"),
            );
        }
        let found_in = self.name(at);
        let place = if by == LocatedBy::Text {
            format!("{found_in} (located by text, not by number: {name} does not hold it)")
        } else {
            name.clone()
        };
        let paragraph_kind = self.slot(at).para.kind;
        let result = edit_paragraph(&mut self.slot_mut(at).para, sub, edit, paragraph_kind);
        let (status, what) = result;
        (status, by, format!("{what} in {place}"))
    }

    fn edit_title(&mut self, edit: &Edit<'_>) -> (Status, LocatedBy, String) {
        let Some(title) = self.title.clone() else {
            return (
                Status::NotFound,
                LocatedBy::Number,
                "the draft has no title".into(),
            );
        };
        let v = Visible::of(&crate::markdown::escape(&title));
        let (status, what, new) = edit_visible(&v, edit, |from, to, with| {
            let mut chars: Vec<char> = v.text().chars().collect();
            chars.splice(from..to, with.chars());
            Some(chars.into_iter().collect())
        });
        if let Some(new) = new {
            self.title = Some(new);
        }
        (status, LocatedBy::Number, format!("{what} in the title"))
    }

    fn edit_everywhere(
        &mut self,
        title: bool,
        preambular: bool,
        operative: bool,
        edit: &Edit<'_>,
    ) -> (Status, LocatedBy, String) {
        let mut changed = Vec::new();
        let mut satisfied = false;
        if title && self.title.is_some() {
            let (status, _, _) = self.edit_title_all(edit);
            satisfied |= status == Status::AlreadySatisfied;
            if status == Status::Applied {
                changed.push("title".to_string());
            }
        }
        for at in self.places() {
            let wanted = if at.1 == 0 { preambular } else { operative };
            if !wanted || self.slot(at).deleted_by.is_some() {
                continue;
            }
            let kind = self.slot(at).para.kind;
            let label = self
                .slot(at)
                .origin
                .as_ref()
                .map_or_else(|| "new".into(), Ref::label);
            let para = &mut self.slot_mut(at).para;
            let mut hits = 0;
            for field in 0..=para.sub.len() {
                let sub_label = field
                    .checked_sub(1)
                    .map(|i| para.sub[i].label.trim_matches(['(', ')']).to_string());
                loop {
                    let n = count(para, sub_label.as_deref(), edit.needle());
                    if n == 0 {
                        break;
                    }
                    let (status, _) = edit_first(para, sub_label.as_deref(), edit, kind);
                    if status != Status::Applied
                        || count(para, sub_label.as_deref(), edit.needle()) >= n
                    {
                        break;
                    }
                    hits += 1;
                }
            }
            if hits > 0 {
                changed.push(if hits > 1 {
                    format!("{label} ({hits} times)")
                } else {
                    label
                });
            } else if edit.result().is_some_and(|r| count(para, None, r) > 0) {
                satisfied = true;
            }
        }
        if !changed.is_empty() {
            let what = edit.describe();
            (
                Status::Applied,
                LocatedBy::Number,
                format!("{what} in {}", changed.join(", ")),
            )
        } else if satisfied {
            (
                Status::AlreadySatisfied,
                LocatedBy::Number,
                format!("the draft already reads as asked: {}", edit.describe()),
            )
        } else {
            (
                Status::NotFound,
                LocatedBy::Number,
                format!("“{}” is nowhere in the places named", edit.needle()),
            )
        }
    }

    fn edit_title_all(&mut self, edit: &Edit<'_>) -> (Status, LocatedBy, String) {
        let mut last = self.edit_title(edit);
        let mut applied = last.0 == Status::Applied;
        // Every occurrence in the title, not only the first.
        for _ in 0..32 {
            if last.0 != Status::Applied {
                break;
            }
            last = self.edit_title(edit);
            applied |= last.0 == Status::Applied;
        }
        if applied {
            (Status::Applied, LocatedBy::Number, String::new())
        } else {
            last
        }
    }

    fn insert_paragraphs(
        &mut self,
        n: usize,
        anchor: &Ref,
        before: bool,
        kind: Kind,
        texts: &[String],
    ) -> (Status, LocatedBy, String) {
        let at = match self.locate(anchor) {
            Ok(at) => at,
            Err(why) => return (Status::NotFound, LocatedBy::Number, why),
        };
        let anchor_number = self.slot(at).para.number;
        let new: Vec<Slot> = texts
            .iter()
            .map(|t| Slot {
                para: new_paragraph(kind, t, if self.frozen { anchor_number } else { None }),
                origin: None,
                deleted_by: None,
                inserted_by: Some(n),
            })
            .collect();
        let (part, l, i) = at;
        let target = list(kind);
        let index = if target != l {
            // A paragraph of the other kind: at the boundary between the two lists.
            if target == 1 {
                0
            } else {
                self.parts[part][0].len()
            }
        } else if before {
            i
        } else {
            let slots = &self.parts[part][l];
            let mut j = i + 1;
            while slots
                .get(j)
                .is_some_and(|s| s.inserted_by.is_some() && s.origin.is_none())
            {
                j += 1;
            }
            j
        };
        let count = new.len();
        self.parts[part][target].splice(index..index, new);
        let what = match count {
            1 => format!("inserted a new {} paragraph", kind_name(kind)),
            k => format!("inserted {k} new {} paragraphs", kind_name(kind)),
        };
        let side = if before { "before" } else { "after" };
        (
            Status::Applied,
            LocatedBy::Number,
            self.version_note(format!("{what} {side} {}", anchor.label())),
        )
    }

    fn replace_paragraph(
        &mut self,
        n: usize,
        target: &Ref,
        texts: &[String],
    ) -> (Status, LocatedBy, String) {
        let at = match self.locate(target) {
            Ok(at) => at,
            Err(why) => return (Status::NotFound, LocatedBy::Number, why),
        };
        if let Some(k) = self.slot(at).deleted_by {
            return (
                Status::NotFound,
                LocatedBy::Number,
                format!("{} was deleted by instruction {k}", target.label()),
            );
        }
        let Some((first, rest)) = texts.split_first() else {
            return (
                Status::Unreadable,
                LocatedBy::Number,
                "no replacement text".into(),
            );
        };
        let slot = self.slot_mut(at);
        let kind = slot.para.kind;
        let number = slot.para.number;
        let marks = slot.para.marks.take();
        slot.para = new_paragraph(kind, first, number);
        slot.para.marks = marks;
        if !rest.is_empty() {
            let more: Vec<Slot> = rest
                .iter()
                .map(|t| Slot {
                    para: new_paragraph(kind, t, None),
                    origin: None,
                    deleted_by: None,
                    inserted_by: Some(n),
                })
                .collect();
            self.parts[at.0][at.1].splice(at.2 + 1..at.2 + 1, more);
        }
        (
            Status::Applied,
            LocatedBy::Number,
            self.version_note(format!("replaced {}", target.label())),
        )
    }

    /// The amended draft: deleted paragraphs gone, inserted ones in place, numbers and
    /// internal references updated, footnotes no paragraph refers to any more dropped.
    fn finish(self, original: &Draft) -> Draft {
        let mut d = original.clone();
        d.meta.title = self.title;
        let mut parts = self.parts.into_iter();
        let alive = |slots: Vec<Slot>| -> Vec<Paragraph> {
            slots
                .into_iter()
                .filter(|s| s.deleted_by.is_none())
                .map(|s| s.para)
                .collect()
        };
        if let Some([pre, op]) = parts.next() {
            d.preamble = alive(pre);
            d.operative = alive(op);
        }
        for (section, [pre, op]) in d.sections.iter_mut().zip(parts) {
            section.preamble = alive(pre);
            section.operative = alive(op);
        }
        crate::markdown::renumber_and_refer(&mut d);
        let before = referenced(original);
        let after = referenced(&d);
        d.footnotes
            .retain(|f| !before.contains(&f.label) || after.contains(&f.label));
        d
    }
}

fn referenced(d: &Draft) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in d.paragraphs() {
        out.extend(p.footnote_refs.iter().cloned());
        for s in &p.sub {
            out.extend(s.footnote_refs.iter().cloned());
        }
    }
    for a in &d.annexes {
        let v = Visible::of(if a.markdown.is_empty() {
            &a.text
        } else {
            &a.markdown
        });
        out.extend(v.labels());
    }
    out
}

fn severity(s: Status) -> u8 {
    match s {
        Status::Applied => 0,
        Status::AlreadySatisfied => 1,
        Status::Ambiguous => 2,
        Status::NotFound => 3,
        Status::Unreadable => 4,
    }
}

fn kind_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Preambular => "preambular",
        Kind::Operative => "operative",
    }
}

fn describe(r: &Ref) -> String {
    match r {
        Ref::Title => "title".into(),
        Ref::Preambular(n) => format!("preambular paragraph {n} (it has fewer)"),
        Ref::Operative(n) => format!("operative paragraph {n}"),
        Ref::Sub { op, label } => format!("subparagraph ({label}) of operative paragraph {op}"),
    }
}

fn targets(op: &Op) -> Vec<Ref> {
    let scope_refs = |s: &Scope| match s {
        Scope::In(refs) => refs.clone(),
        Scope::Everywhere { .. } => Vec::new(),
    };
    match op {
        Op::DeleteParagraphs(refs) => refs.clone(),
        Op::DeleteText { scope, .. }
        | Op::ReplaceText { scope, .. }
        | Op::InsertText { scope, .. } => scope_refs(scope),
        Op::InsertParagraphs { anchor, .. } => vec![anchor.clone()],
        Op::ReplaceParagraph { target, .. } => vec![target.clone()],
    }
}

/// A new paragraph from its text as quoted: its opening recognised and emphasised.
fn new_paragraph(kind: Kind, text: &str, number: Option<u32>) -> Paragraph {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let opening = opening_len(&text, kind);
    Paragraph {
        kind,
        number: if kind == Kind::Operative {
            number
        } else {
            None
        },
        opening: opening.map(|n| text[..n].to_string()),
        markdown: crate::segment::inline_markdown(&text, opening, &[]),
        text,
        footnote_refs: Vec::new(),
        sub: Vec::new(),
        marks: None,
        span: Span::default(),
    }
}

/// A text edit.
enum Edit<'a> {
    Delete(&'a str),
    Replace(&'a str, &'a str),
    Insert {
        anchor: &'a str,
        before: bool,
        text: &'a str,
    },
}

impl Edit<'_> {
    /// The quoted text looked for.
    fn needle(&self) -> &str {
        match self {
            Edit::Delete(t) | Edit::Replace(t, _) => t,
            Edit::Insert { anchor, .. } => anchor,
        }
    }

    /// Text that shows the edit was already made (the replacement; the anchor with its
    /// insertion).
    fn result(&self) -> Option<&str> {
        match self {
            Edit::Replace(_, new) if !new.is_empty() => Some(new),
            Edit::Insert { text, .. } => Some(text),
            _ => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            Edit::Delete(t) => format!("deleted “{}”", short(t)),
            Edit::Replace(old, new) => format!("replaced “{}” with “{}”", short(old), short(new)),
            Edit::Insert {
                anchor,
                before,
                text,
            } => format!(
                "inserted “{}” {} “{}”",
                short(text),
                if *before { "before" } else { "after" },
                short(anchor)
            ),
        }
    }
}

fn short(t: &str) -> String {
    if t.chars().count() <= 60 {
        t.to_string()
    } else {
        let head: String = t.chars().take(57).collect();
        format!("{head}…")
    }
}

/// How often `needle` occurs in the paragraph's own text and its subparagraphs (only in
/// subparagraph `sub` when one is named).
fn count(p: &Paragraph, sub: Option<&str>, needle: &str) -> usize {
    fields(p, sub)
        .iter()
        .map(|md| Visible::of(md).find_all(needle).len())
        .sum()
}

/// The Markdown sources an edit may touch: the paragraph's text then each subparagraph's,
/// or only subparagraph `sub`.
fn fields<'a>(p: &'a Paragraph, sub: Option<&str>) -> Vec<&'a str> {
    match sub {
        Some(label) => p
            .sub
            .iter()
            .filter(|s| s.label.trim_matches(['(', ')']) == label)
            .map(|s| s.markdown.as_str())
            .collect(),
        None => std::iter::once(p.markdown.as_str())
            .chain(p.sub.iter().map(|s| s.markdown.as_str()))
            .collect(),
    }
}

/// Makes `edit` in the paragraph: the quoted text must occur exactly once there.
fn edit_paragraph(
    p: &mut Paragraph,
    sub: Option<&str>,
    edit: &Edit<'_>,
    kind: Kind,
) -> (Status, String) {
    let n = count(p, sub, edit.needle());
    if n > 1 {
        return (
            Status::Ambiguous,
            format!("“{}” occurs {n} times", short(edit.needle())),
        );
    }
    if n == 0 {
        if edit.result().is_some_and(|r| count(p, sub, r) > 0) {
            return (
                Status::AlreadySatisfied,
                format!("already reads as asked ({})", edit.describe()),
            );
        }
        return (
            Status::NotFound,
            format!("“{}” not found", short(edit.needle())),
        );
    }
    edit_first(p, sub, edit, kind)
}

/// Makes `edit` at the first occurrence of its quoted text.
fn edit_first(
    p: &mut Paragraph,
    sub: Option<&str>,
    edit: &Edit<'_>,
    kind: Kind,
) -> (Status, String) {
    let mut targets: Vec<(&mut String, &mut String, &mut Vec<String>, Option<Kind>)> = Vec::new();
    if sub.is_none() {
        targets.push((
            &mut p.markdown,
            &mut p.text,
            &mut p.footnote_refs,
            Some(kind),
        ));
    }
    for s in p.sub.iter_mut() {
        if sub.is_none_or(|l| s.label.trim_matches(['(', ')']) == l) {
            targets.push((&mut s.markdown, &mut s.text, &mut s.footnote_refs, None));
        }
    }
    for (md, text, refs, kind) in targets {
        let v = Visible::of(md);
        let (status, what, new) = edit_visible(&v, edit, |from, to, with| {
            Some(
                splice(md, &v, from, to, with).unwrap_or_else(|| rebuild(&v, from, to, with, kind)),
            )
        });
        if let Some(new) = new {
            let after = Visible::of(&new);
            *text = after.text();
            *refs = after.labels();
            *md = new;
            return (status, what);
        }
    }
    (
        Status::NotFound,
        format!("“{}” not found", short(edit.needle())),
    )
}

/// Finds the edit's quoted text in `v` and calls `write(from, to, with)` for the first
/// occurrence; returns the status, a description and what `write` gave.
fn edit_visible(
    v: &Visible,
    edit: &Edit<'_>,
    write: impl FnOnce(usize, usize, &str) -> Option<String>,
) -> (Status, String, Option<String>) {
    let Some(&(from, to)) = v.find_all(edit.needle()).first() else {
        return (
            Status::NotFound,
            format!("“{}” not found", short(edit.needle())),
            None,
        );
    };
    let new = match edit {
        Edit::Delete(_) => write(from, to, ""),
        Edit::Replace(_, new) => write(from, to, new),
        Edit::Insert { before, text, .. } => {
            let at = if *before { from } else { to };
            let with = spaced(v, at, text);
            // Already there: the anchor is followed (or preceded) by the inserted text.
            let already = if *before {
                let t = normalise(&with);
                from >= t.len() && v.find_all(&with).iter().any(|&(_, e)| e == from)
            } else {
                v.find_all(&with).iter().any(|&(s, _)| s == to)
            };
            if already {
                return (
                    Status::AlreadySatisfied,
                    format!("already reads as asked ({})", edit.describe()),
                    None,
                );
            }
            write(at, at, &with)
        }
    };
    (Status::Applied, edit.describe(), new)
}
