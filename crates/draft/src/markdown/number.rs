//! Numbering of operative paragraphs and the internal references to them ("paragraph 3
//! above", "paragraphs 2 and 5 below").

use std::collections::BTreeMap;

use crate::model::{Draft, Paragraph};

/// Old -> new operative numbers of one part of a draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NumberMap {
    /// `(old, new)` for every paragraph that had a number, in document order.
    pub pairs: Vec<(u32, u32)>,
}

impl NumberMap {
    /// The new number of old paragraph `old`; `None` when there was no such paragraph or when
    /// two paragraphs had that number and moved differently (a reference to it is ambiguous).
    pub fn get(&self, old: u32) -> Option<u32> {
        let mut found = self
            .pairs
            .iter()
            .filter(|(o, _)| *o == old)
            .map(|(_, n)| *n);
        let first = found.next()?;
        found.all(|n| n == first).then_some(first)
    }

    /// Every unambiguous old -> new pair, for looking many numbers up.
    pub fn resolved(&self) -> BTreeMap<u32, u32> {
        let mut all: BTreeMap<u32, Option<u32>> = BTreeMap::new();
        for &(old, new) in &self.pairs {
            let entry = all.entry(old).or_insert(Some(new));
            if *entry != Some(new) {
                *entry = None;
            }
        }
        all.into_iter().filter_map(|(o, n)| Some((o, n?))).collect()
    }
}

/// What renumbering did to a whole draft.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Renumbering {
    /// Whether numbering restarts at 1 in each section (else it runs through the document).
    pub restarts: bool,
    /// One map per part: `parts[0]` for the paragraphs before any section, `parts[i + 1]`
    /// for section `i`.
    pub parts: Vec<NumberMap>,
}

impl Renumbering {
    /// The map that references written in part `part` resolve with: that part's own map when
    /// numbering restarts per section, else the map of the whole document.
    pub fn references_in(&self, part: usize) -> NumberMap {
        if self.restarts {
            return self.parts.get(part).cloned().unwrap_or_default();
        }
        let pairs = self
            .parts
            .iter()
            .flat_map(|m| m.pairs.iter().copied())
            .collect();
        NumberMap { pairs }
    }
}

/// The operative paragraphs of each part: before any section, then each section.
fn parts_mut(d: &mut Draft) -> Vec<&mut Vec<Paragraph>> {
    let mut parts = vec![&mut d.operative];
    parts.extend(d.sections.iter_mut().map(|s| &mut s.operative));
    parts
}

/// Numbers operative paragraphs 1, 2, 3 … and returns the old -> new mapping.
///
/// Numbering restarts at 1 in each section when the source already restarts it (a section
/// other than the first numbered one starts at 1); otherwise it runs on through the sections.
/// A lone operative paragraph (the only one in the document, or in its section when numbering
/// restarts) that is written without a number keeps having none.
pub fn renumber(d: &mut Draft) -> Renumbering {
    let mut parts = parts_mut(d);
    let firsts: Vec<u32> = parts
        .iter()
        .filter_map(|p| p.iter().find_map(|q| q.number))
        .collect();
    let restarts = firsts.iter().skip(1).any(|n| *n == 1);
    let total: usize = parts.iter().map(|p| p.len()).sum();
    let mut next = 1u32;
    let mut maps = Vec::with_capacity(parts.len());
    for part in parts.iter_mut() {
        if restarts {
            next = 1;
        }
        let count = if restarts { part.len() } else { total };
        let lone = count == 1 && part.first().is_some_and(|p| p.number.is_none());
        let mut map = NumberMap::default();
        for p in part.iter_mut().filter(|_| !lone) {
            if let Some(old) = p.number {
                map.pairs.push((old, next));
            }
            p.number = Some(next);
            next = next.saturating_add(1);
        }
        maps.push(map);
    }
    Renumbering {
        restarts,
        parts: maps,
    }
}

/// Rewrites the numbers in references to operative paragraphs of the same resolution —
/// "paragraph 3 above", "paragraphs 2 and 5 below", "paragraphs 4 to 6 of the present
/// resolution", "paragraph 2 (b) above" — with `map`. References to paragraphs of other
/// documents ("paragraph 3 of resolution 61/208") are left alone.
pub fn update_references(text: &str, map: &NumberMap) -> String {
    update_with(text, &map.resolved())
}

/// [`update_references`] with the map already resolved.
pub(crate) fn update_with(text: &str, map: &BTreeMap<u32, u32>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    for (start, end, old) in reference_numbers(text) {
        let Some(new) = map.get(&old) else { continue };
        out.push_str(text.get(copied..start).unwrap_or(""));
        out.push_str(&new.to_string());
        copied = end;
    }
    out.push_str(text.get(copied..).unwrap_or(""));
    out
}

/// Byte ranges and values of the numbers in internal references.
fn reference_numbers(text: &str) -> Vec<(usize, usize, u32)> {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    while let Some(i) = lower.get(from..).and_then(|s| s.find("paragraph")) {
        let at = from + i;
        from = at + "paragraph".len();
        let boundary = lower[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if boundary {
            found.extend(reference_at(&lower, from));
        }
    }
    found
}

/// The numbers of a reference whose word "paragraph" ends at `pos`, if it is an internal one.
fn reference_at(s: &str, pos: usize) -> Vec<(usize, usize, u32)> {
    let rest = |p: usize| s.get(p..).unwrap_or("");
    let pos = pos + usize::from(rest(pos).starts_with('s'));
    if !rest(pos).starts_with(' ') {
        return Vec::new();
    }
    let mut numbers = Vec::new();
    let mut at = Some(pos + 1);
    while let Some(p) = at {
        let Some((value, digits)) = number_at(rest(p)) else {
            return Vec::new();
        };
        numbers.push((p, p + digits, value));
        let end = p + digits + sub_labels_len(rest(p + digits));
        at = separator_len(rest(end)).map(|n| end + n);
        if at.is_none() {
            return if is_internal(rest(end)) {
                numbers
            } else {
                Vec::new()
            };
        }
    }
    Vec::new()
}

/// A paragraph number (at most four digits) that is a whole number: not "3.2", "61/208".
fn number_at(s: &str) -> Option<(u32, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let after = s.get(digits..)?;
    let mut next = after.chars();
    let clean_end = match next.next() {
        None => true,
        Some(c) if c.is_alphanumeric() || c == '/' => false,
        Some('.' | ',') => !next.next().is_some_and(|d| d.is_ascii_digit()),
        Some(_) => true,
    };
    let value = s.get(..digits)?.parse().ok()?;
    (digits <= 4 && clean_end).then_some((value, digits))
}

/// Length of a separator between two numbers of one reference (", ", " and ", " to " …).
fn separator_len(s: &str) -> Option<usize> {
    [", and ", ", ", " and ", " to ", " or ", "-", "\u{2013}"]
        .into_iter()
        .find(|sep| {
            s.starts_with(sep)
                && s.get(sep.len()..)
                    .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
        })
        .map(str::len)
}

/// Whether what follows the numbers makes the reference one to the same resolution.
fn is_internal(tail: &str) -> bool {
    let ends = [
        " above",
        " below",
        " of the present resolution",
        " of this resolution",
    ];
    ends.iter().any(|t| {
        tail.strip_prefix(t)
            .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
    })
}

/// Length of subparagraph labels after a paragraph number: " (b)", "(a)(ii)", " (a) and (c)"
/// are not followed further.
fn sub_labels_len(s: &str) -> usize {
    let mut len = 0;
    loop {
        let rest = s.get(len..).unwrap_or("");
        let (space, r) = match rest.strip_prefix(' ') {
            Some(r) => (1, r),
            None => (0, rest),
        };
        let inner = r
            .strip_prefix('(')
            .map(|r| r.bytes().take_while(u8::is_ascii_lowercase).count());
        match inner {
            Some(n) if n > 0 && r.get(n + 1..n + 2) == Some(")") => len += space + n + 2,
            _ => return len,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(pairs: &[(u32, u32)]) -> NumberMap {
        NumberMap {
            pairs: pairs.to_vec(),
        }
    }

    #[test]
    fn rewrites_internal_references() {
        let m = map(&[(1, 1), (3, 2), (5, 4), (6, 5)]);
        let t = |s| update_references(s, &m);
        assert_eq!(
            t("as referred to in paragraph 3 above"),
            "as referred to in paragraph 2 above"
        );
        assert_eq!(t("paragraphs 3 and 5 below"), "paragraphs 2 and 4 below");
        assert_eq!(
            t("Paragraphs 3, 5 and 6 above"),
            "Paragraphs 2, 4 and 5 above"
        );
        assert_eq!(t("paragraph 3 (b) above"), "paragraph 2 (b) above");
        assert_eq!(
            t("paragraphs 3 to 6 of the present resolution"),
            "paragraphs 2 to 5 of the present resolution"
        );
    }

    #[test]
    fn leaves_other_references_alone() {
        let m = map(&[(3, 2)]);
        let t = |s| update_references(s, &m);
        assert_eq!(
            t("paragraph 3 of resolution 61/208"),
            "paragraph 3 of resolution 61/208"
        );
        assert_eq!(t("subparagraph 3 above"), "subparagraph 3 above");
        assert_eq!(t("paragraph 3 aboveground"), "paragraph 3 aboveground");
        assert_eq!(t("paragraph 4 above"), "paragraph 4 above");
        assert_eq!(t("paragraph 3.2 above"), "paragraph 3.2 above");
    }

    #[test]
    fn ambiguous_old_numbers_are_not_mapped() {
        assert_eq!(map(&[(2, 2), (2, 3)]).get(2), None);
        assert_eq!(
            map(&[(2, 2), (2, 3), (4, 1)])
                .resolved()
                .into_iter()
                .collect::<Vec<_>>(),
            [(4, 1)]
        );
        assert_eq!(map(&[(2, 3)]).get(2), Some(3));
    }
}
