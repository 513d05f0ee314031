//! The bracket scanner: one pass over the source, a stack for square brackets, braces read as
//! annotation groups. Linear in the length of the text whatever it holds (10,000-deep nesting,
//! a 16 MiB line of brackets, a brace never closed).

use crate::model::Span;

/// A balanced pair of square brackets, as the scanner sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Pair {
    /// Offset of the `[`.
    pub open: usize,
    /// Offset of the `]`.
    pub close: usize,
    /// 1 for an outermost bracket.
    pub depth: u32,
    /// The pair this one is nested in (index into the pairs, which are in order of `open`).
    pub parent: Option<usize>,
}

/// A character without its partner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Unmatched {
    /// Offset of the character.
    pub at: usize,
    /// `[`, `]`, `{` or `}`.
    pub ch: char,
}

/// What the scanner found: pairs in order of their opening bracket, brace groups in order,
/// characters without a partner in order.
#[derive(Debug, Default)]
pub(crate) struct Scan {
    pub pairs: Vec<Pair>,
    pub braces: Vec<Span>,
    pub unmatched: Vec<Unmatched>,
}

/// Longest footnote reference label `[^label]` the scanner skips over.
const MAX_FOOTNOTE_LABEL: usize = 64;

/// Scans `src[range]`. Backslash escapes (`\[`) and footnote references (`[^1]`) are not
/// brackets; a brace group `{…}` ends at the first `}` and may not hold `{` or a blank line;
/// brackets inside a brace group (a note quoting "[X]") are brackets like any other.
pub(crate) fn scan(src: &str, range: std::ops::Range<usize>) -> Scan {
    let bytes = src.as_bytes();
    let end = range.end.min(bytes.len());
    let mut out = Scan::default();
    // Indices into `open`, which holds (offset, parent) of every `[` not yet closed.
    let mut stack: Vec<usize> = Vec::new();
    let mut open: Vec<(usize, Option<usize>)> = Vec::new();
    let mut slots: Vec<Option<Pair>> = Vec::new();
    // The `}` that closes the brace group being read (brackets inside it count as brackets).
    let mut brace_close: Option<usize> = None;
    let mut i = range.start;
    while i < end {
        match bytes[i] {
            b'\\' => i += 1,
            b'[' if footnote_ref_len(&bytes[i..end]).is_some() => {
                i += footnote_ref_len(&bytes[i..end]).unwrap_or(1) - 1;
            }
            b'[' => {
                let parent = stack.last().copied();
                stack.push(open.len());
                open.push((i, parent));
                slots.push(None);
            }
            b']' => match stack.pop() {
                Some(k) => {
                    let (at, parent) = open[k];
                    let depth = u32::try_from(stack.len() + 1).unwrap_or(u32::MAX);
                    slots[k] = Some(Pair {
                        open: at,
                        close: i,
                        depth,
                        parent,
                    });
                }
                None => out.unmatched.push(Unmatched { at: i, ch: ']' }),
            },
            b'{' if brace_close.is_none() => brace_close = brace(bytes, i, end, &mut out),
            b'{' => out.unmatched.push(Unmatched { at: i, ch: '{' }),
            b'}' if brace_close == Some(i) => brace_close = None,
            b'}' => out.unmatched.push(Unmatched { at: i, ch: '}' }),
            _ => {}
        }
        i += 1;
    }
    for k in stack {
        out.unmatched.push(Unmatched {
            at: open[k].0,
            ch: '[',
        });
    }
    out.unmatched.sort_by_key(|u| u.at);
    out.pairs = resolve(&open, slots);
    out
}

/// Reads the brace group opening at `at`; returns the offset of its `}`, or `None` (and
/// records the `{` as unmatched) when it is never closed.
fn brace(bytes: &[u8], at: usize, end: usize, out: &mut Scan) -> Option<usize> {
    let mut j = at + 1;
    while j < end {
        match bytes[j] {
            b'}' => {
                out.braces.push(Span::new(at, j + 1));
                return Some(j);
            }
            b'{' => break,
            b'\n' if blank_line_follows(bytes, j + 1, end) => break,
            b'\\' => j += 1,
            _ => {}
        }
        j += 1;
    }
    out.unmatched.push(Unmatched { at, ch: '{' });
    None
}

fn blank_line_follows(bytes: &[u8], from: usize, end: usize) -> bool {
    let rest = &bytes[from..end];
    let blanks = rest
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    rest.get(blanks).is_none_or(|b| *b == b'\n' || *b == b'\r')
}

/// Length of a footnote reference `[^label]` at the start of `s`, when it is one.
fn footnote_ref_len(s: &[u8]) -> Option<usize> {
    if s.get(1) != Some(&b'^') {
        return None;
    }
    let label = s
        .iter()
        .skip(2)
        .take(MAX_FOOTNOTE_LABEL)
        .take_while(|b| !matches!(b, b']' | b'[' | b' ' | b'\t' | b'\n' | b'\r'));
    let n = label.count();
    (n > 0 && s.get(2 + n) == Some(&b']')).then_some(n + 3)
}

/// Keeps the closed pairs (in order of their opening bracket) and points each pair's parent
/// at the nearest enclosing pair that was closed. `open[k].1` is the bracket `k` was opened in.
fn resolve(open: &[(usize, Option<usize>)], slots: Vec<Option<Pair>>) -> Vec<Pair> {
    let mut index: Vec<Option<usize>> = Vec::with_capacity(slots.len());
    let mut n = 0;
    for slot in &slots {
        index.push(slot.map(|_| {
            n += 1;
            n - 1
        }));
    }
    // The nearest closed bracket enclosing bracket k; parents come before their children.
    let mut enclosing: Vec<Option<usize>> = Vec::with_capacity(open.len());
    for &(_, parent) in open {
        let e = parent.and_then(|k| index[k].or(enclosing[k]));
        enclosing.push(e);
    }
    slots
        .into_iter()
        .enumerate()
        .filter_map(|(k, slot)| {
            slot.map(|mut p| {
                p.parent = enclosing[k];
                p
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(s: &str) -> Vec<(usize, usize, u32)> {
        scan(s, 0..s.len())
            .pairs
            .iter()
            .map(|p| (p.open, p.close, p.depth))
            .collect()
    }

    #[test]
    fn nested_and_adjacent() {
        assert_eq!(pairs("[a [b]]"), vec![(0, 6, 1), (3, 5, 2)]);
        assert_eq!(pairs("[a][b]"), vec![(0, 2, 1), (3, 5, 1)]);
        let s = scan("[a [b]]", 0..7);
        assert_eq!(s.pairs[1].parent, Some(0));
    }

    #[test]
    fn escapes_and_footnotes_are_not_brackets() {
        assert!(pairs(r"\[a\] x[^1]").is_empty());
        assert_eq!(pairs("[^ x]"), vec![(0, 4, 1)]);
    }

    #[test]
    fn unbalanced_is_reported_with_its_place() {
        let s = scan("a] [b", 0..5);
        assert!(s.pairs.is_empty());
        assert_eq!(
            s.unmatched,
            vec![Unmatched { at: 1, ch: ']' }, Unmatched { at: 3, ch: '[' }]
        );
    }

    #[test]
    fn braces() {
        let s = scan("x]{US} {Note: y} {open", 0..22);
        assert_eq!(s.braces, vec![Span::new(2, 6), Span::new(7, 16)]);
        assert_eq!(s.unmatched[1], Unmatched { at: 17, ch: '{' });
        let s = scan("{a\n\nb}", 0..6);
        assert_eq!(s.unmatched.len(), 2);
    }

    #[test]
    fn parent_skips_an_unclosed_bracket() {
        let s = scan("[x [a [b]", 0..9);
        assert_eq!(s.pairs.len(), 1);
        assert_eq!(s.pairs[0].parent, None);
        assert_eq!(s.pairs[0].depth, 3);
    }

    #[test]
    fn deep_and_long_inputs_are_linear() {
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        let s = scan(&deep, 0..deep.len());
        assert_eq!(s.pairs.len(), 10_000);
        assert_eq!(s.pairs.iter().map(|p| p.depth).max(), Some(10_000));
        let braces = "{".repeat(1 << 20);
        let s = scan(&braces, 0..braces.len());
        assert_eq!(s.unmatched.len(), 1 << 20);
    }
}
