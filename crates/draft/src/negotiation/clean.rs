//! Resolving the brackets: the text as it would read if the negotiation ended one way.

use std::ops::Range;

use super::{analyze, BracketKind, Negotiation, Status};
use crate::markdown::{normalise_and_write, parse_markdown, FormatError};
use crate::model::Draft;

/// Which bracketed text to keep.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Keep {
    /// The text as it stood before anyone proposed anything: drop every bracketed text except
    /// text whose attribution names no proposer (text some delegation wants deleted or
    /// retained, as `compile` writes the base text under proposals).
    None,
    /// Keep every bracketed text, without its brackets.
    All,
    /// Keep the first of each group of alternatives, and every bracket that stands alone.
    First,
    /// Keep what this delegation proposed or wants retained: in a group of alternatives, its
    /// alternative, else the first that nobody proposed and it does not want deleted (none
    /// when every alternative is someone else's proposal or it wants them deleted); a bracket
    /// alone unless the delegation wants it deleted or only others proposed it. Unattributed
    /// brackets are kept.
    Actor(String),
}

impl Keep {
    /// Reads `none`, `all`, `first`, or any other word as a delegation.
    pub fn parse(s: &str) -> Keep {
        match s {
            "none" => Keep::None,
            "all" => Keep::All,
            "first" => Keep::First,
            actor => Keep::Actor(actor.to_string()),
        }
    }
}

/// The text with its brackets resolved as `keep` says, as an ordinary draft in normalised
/// form: no brackets, attributions, notes or statuses; paragraphs marked deleted removed;
/// inserted paragraphs ("5 bis") numbered in sequence; no `stage`.
pub fn clean(src: &str, draft: &Draft, keep: &Keep) -> Result<String, FormatError> {
    let n = analyze(src, draft);
    let mut cut: Vec<Range<usize>> = Vec::new();
    for p in n
        .paragraphs
        .iter()
        .filter(|p| p.status == Some(Status::Deleted))
    {
        cut.push(p.span.range());
    }
    brackets(&n, keep, &mut cut);
    for a in &n.annotations {
        cut.push(a.span().range());
    }
    cut.extend(n.unmatched.iter().map(|u| u.at..u.at + 1));
    let text = apply(src, cut);
    let mut cleaned = parse_markdown(&text)?;
    drop_emptied(&mut cleaned);
    cleaned.meta.stage = None;
    Ok(normalise_and_write(cleaned))
}

/// Removes the subparagraphs left without text, then the paragraphs left without text or
/// subparagraphs: what remains of a paragraph whose every word was bracketed and dropped.
fn drop_emptied(d: &mut Draft) {
    let mut lists: Vec<&mut Vec<crate::model::Paragraph>> = vec![&mut d.preamble, &mut d.operative];
    for s in &mut d.sections {
        lists.push(&mut s.preamble);
        lists.push(&mut s.operative);
    }
    for list in lists {
        for p in list.iter_mut() {
            p.sub
                .retain(|s| !s.markdown.trim().is_empty() || !s.text.trim().is_empty());
        }
        list.retain(|p| {
            !p.markdown.trim().is_empty() || !p.text.trim().is_empty() || !p.sub.is_empty()
        });
    }
}

/// What to cut for each bracket.
fn brackets(n: &Negotiation, keep: &Keep, cut: &mut Vec<Range<usize>>) {
    let mut dropped_until = 0;
    for (i, b) in n.brackets.iter().enumerate() {
        if b.span.start < dropped_until {
            continue;
        }
        let attribution = b.attribution_span.map(|s| s.range());
        if kept(n, i, keep) {
            cut.push(b.span.start..b.span.start + 1);
            cut.push(b.span.end - 1..b.span.end);
            cut.extend(attribution);
        } else {
            let end = attribution.map_or(b.span.end, |a| a.end.max(b.span.end));
            cut.push(b.span.start..end);
            dropped_until = end;
        }
    }
}

fn kept(n: &Negotiation, i: usize, keep: &Keep) -> bool {
    let b = &n.brackets[i];
    let text = matches!(b.kind, BracketKind::Text | BracketKind::Placeholder);
    if !text {
        return false;
    }
    let group = b.group.map(|g| n.groups[g].as_slice());
    match keep {
        Keep::None => b
            .attribution
            .as_ref()
            .is_some_and(|a| a.proposed.is_empty()),
        Keep::All => true,
        Keep::First => group.is_none_or(|g| g[0] == i),
        Keep::Actor(actor) => {
            let attribution = |k: usize| n.brackets[k].attribution.as_ref();
            let supports = |k: usize| attribution(k).is_some_and(|a| a.supports(actor));
            // Text nobody proposed (unattributed, or only asked to be deleted or retained)
            // that this delegation does not want deleted.
            let standing = |k: usize| {
                attribution(k).is_none_or(|a| a.proposed.is_empty() && !a.opposes(actor))
            };
            match group {
                Some(g) => {
                    let chosen = g
                        .iter()
                        .find(|k| supports(**k))
                        .or_else(|| g.iter().find(|k| standing(**k)));
                    chosen == Some(&i)
                }
                None => {
                    supports(i) && !attribution(i).is_some_and(|a| a.opposes(actor)) || standing(i)
                }
            }
        }
    }
}

/// `src` without the ranges in `cut` (which may overlap). A cut between a space and a space
/// or a punctuation mark takes the space before it too, so no "word ." is left behind; a cut
/// that joins two bracketed texts leaves a space between them.
fn apply(src: &str, mut cut: Vec<Range<usize>>) -> String {
    cut.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(cut.len());
    for r in cut {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    let bytes = src.as_bytes();
    let mut out = String::with_capacity(src.len());
    let mut at = 0;
    for r in merged {
        let mut start = r.start.max(at);
        let after = bytes.get(r.end).copied();
        let closes = matches!(
            after,
            Some(b' ' | b',' | b'.' | b';' | b':' | b')' | b'\n') | None
        );
        if start > at && bytes.get(start - 1) == Some(&b' ') && closes {
            start -= 1;
        }
        out.push_str(src.get(at..start).unwrap_or(""));
        // "[shall][should]" kept whole reads "shall should", not "shallshould".
        let piece = src.get(r.clone()).unwrap_or("");
        let glued =
            !out.ends_with(char::is_whitespace) && !matches!(after, Some(b' ' | b'\n') | None);
        if piece.starts_with(']') && piece.ends_with('[') && glued {
            out.push(' ');
        }
        at = r.end;
    }
    out.push_str(src.get(at..).unwrap_or(""));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str, keep: &str) -> String {
        let src = format!("---\nstage: informals\n---\n\n{body}");
        let d = parse_markdown(&src).unwrap();
        let out = clean(&src, &d, &Keep::parse(keep)).unwrap();
        out.trim_end().to_string()
    }

    #[test]
    fn modes() {
        let body = "1. Each Party [shall][should] act [promptly]{EU} and [now]{delete: EU}.\n";
        assert_eq!(run(body, "none"), "1. Each Party act and now.");
        assert_eq!(
            run(body, "all"),
            "1. Each Party shall should act promptly and now."
        );
        assert_eq!(
            run(body, "first"),
            "1. Each Party shall act promptly and now."
        );
        assert_eq!(run(body, "EU"), "1. Each Party shall act promptly and.");
    }

    #[test]
    fn actor_picks_its_alternative() {
        let body = "1. Parties [shall]{G77} [should]{EU, US} act.\n";
        assert_eq!(run(body, "US"), "1. Parties should act.");
        assert_eq!(run(body, "G77"), "1. Parties shall act.");
    }

    #[test]
    fn labels_statuses_and_notes_go_and_numbers_follow() {
        let body = "1. {agreed ad ref} *Decides* to act;\n\n{1 bis} *Requests* a report \
                    {Note: from the facilitator};\n\n{1 ter} {deleted} *Urges* all;\n\n\
                    2. *Decides* to remain seized [of the matter - US].\n";
        assert_eq!(
            run(body, "all"),
            "1. *Decides* to act;\n\n2. *Requests* a report;\n\n3. *Decides* to remain seized of the matter."
        );
    }

    #[test]
    fn nested_and_unbalanced() {
        assert_eq!(run("1. a [b [c] d] e] f.\n", "none"), "1. a e f.");
        assert_eq!(run("1. a [b [c] d] e] f.\n", "all"), "1. a b c d e f.");
    }
}
