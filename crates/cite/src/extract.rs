//! The extractor: one forward pass over the text, trying the grammar only at word starts.

use resolute_draft::{Body, Span};

use crate::cue::{self, body_of, Cue, Organ};
use crate::date::of_date;
use crate::model::{BodySource, Citation, PinKind, Pinpoint};
use crate::normal::normal_form;
use crate::number::{self, Item, Shape};
use crate::pinpoint::{self, Pins};
use crate::scan::{at, boundary_before, skip_ws, skip_ws1, word, word_end};
use crate::symbols;

/// What the caller knows about the text being read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Context {
    /// The body whose text this is, so "its resolution 61/208" in a GA text is a GA
    /// resolution. `None` when unknown.
    pub body: Option<Body>,
}

/// Extracts every citation in `text`, in order, without context (see [`extract_with`]).
pub fn extract(text: &str) -> Vec<Citation> {
    extract_with(text, Context::default())
}

/// Extracts every citation in `text`, in order of position. Runs in time linear in the
/// length of `text`.
pub fn extract_with(text: &str, ctx: Context) -> Vec<Citation> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut pending: Option<Pins> = None;
    let mut pos = 0;
    while pos < b.len() {
        let c = at(b, pos);
        // The grammar starts only at ASCII letters and digits.
        if !c.is_ascii_alphanumeric() || !boundary_before(b, pos) {
            pos += 1;
            continue;
        }
        pos = step(b, pos, ctx, &mut pending, &mut out);
    }
    out
}

/// Tries the grammar at the word starting at `pos`; returns where to continue.
fn step(
    b: &[u8],
    pos: usize,
    ctx: Context,
    pending: &mut Option<Pins>,
    out: &mut Vec<Citation>,
) -> usize {
    let c = at(b, pos);
    if cue::starts_cue(c) {
        if let Some(cue) = cue::cue_at(b, pos) {
            let before = pending.take();
            if let Some(end) = list(b, cue, ctx, before, out) {
                return end;
            }
        }
    }
    if pinpoint::starts_pinpoint(c) {
        if let Some(pins) = pinpoint::phrase(b, pos) {
            if let Some(end) = thereof(b, pins.clone(), out) {
                return end;
            }
            let end = pins.end;
            *pending = Some(pins);
            return end;
        }
    }
    if c.is_ascii_uppercase() && !matches!(at(b, pos.wrapping_sub(1)), b'/' | b'.' | b'-') {
        if let Some(end) = symbols::symbol_at(b, pos, out) {
            return end;
        }
    }
    word_end(b, pos)
}

/// "paragraphs 1 and 16 thereof" some words after a citation: the pinpoints belong to the
/// citation just before (within 250 bytes). Returns the end of "thereof" when attached.
fn thereof(b: &[u8], pins: Pins, out: &mut [Citation]) -> Option<usize> {
    let end = word(b, skip_ws(b, pins.end), "thereof")?;
    let last = out.last_mut()?;
    // Only once per citation, and in O(1): a citation whose last pinpoint already follows it
    // has had its "thereof".
    if last
        .pinpoints
        .last()
        .is_some_and(|p| p.span.start > last.span.end)
    {
        return None;
    }
    let anchor = last.date.map_or(last.span.end, |d| d.span.end);
    let first = pins.pins.first()?.span.start;
    if first < anchor || first - anchor > 250 {
        return None;
    }
    // "resolution S-19/2, to which is annexed the Programme …, in particular paragraph 36
    // thereof": the paragraph is the annex's.
    if let Some(at) = b.get(anchor..first).and_then(find_annex) {
        let span = Span::new(anchor + at, anchor + at + 5);
        last.pinpoints.push(Pinpoint {
            kind: PinKind::Annex,
            label: String::new(),
            through: false,
            span,
        });
    }
    last.pinpoints.extend(pins.pins);
    Some(end)
}

/// Where "annex" (any case of its first letter) occurs in `gap`.
fn find_annex(gap: &[u8]) -> Option<usize> {
    gap.windows(5)
        .position(|w| w.eq_ignore_ascii_case(b"annex"))
}

/// Reads the items after a cue ("resolutions 60/227 of … and 61/208 of …"); returns the end
/// of the list, or `None` when no number follows the cue.
fn list(
    b: &[u8],
    cue: Cue,
    ctx: Context,
    before: Option<Pins>,
    out: &mut Vec<Citation>,
) -> Option<usize> {
    let p = skip_ws1(b, cue.span.end)?;
    let first = number::item(b, p)?;
    let mut shapes = vec![first.shape];
    let mut cite = citation(b, &cue, ctx.body, first)?;
    if let Some(pins) = before.filter(|x| pinpoint::links_forward(b, x.end, cue.span.start)) {
        cite.pinpoints.splice(0..0, pins.pins);
    }
    let from = out.len();
    let mut end = cite.extent().end;
    out.push(cite);
    while let Some(next) = continuation(b, end) {
        let shape = next.shape;
        let Some(cite) = citation(b, &cue, ctx.body, next) else {
            break;
        };
        shapes.push(shape);
        end = cite.extent().end;
        out.push(cite);
    }
    if let Some(items) = out.get_mut(from..) {
        cohere(items, &shapes);
    }
    if cue.organ == Organ::Its {
        if let Some(body) = cue::named_after(b, end) {
            // "in its resolution 60/251, the General Assembly decided": "its" points forward.
            let organ = Organ::Named(body);
            for (cite, shape) in out.iter_mut().skip(from).zip(shapes) {
                set_body(cite, organ, ctx.body, shape);
            }
        }
    }
    Some(end)
}

/// Items of one list share a body: when the context could not explain one session/number
/// item ("resolutions 19/11 …, 31/14" in a GA text: 19/11 cannot be the Assembly's; "58/2,
/// 58/3 and 58/5 of 17 March 2015": the date rules the Assembly out), what its shape and date
/// gave, a body or none, holds for the others taken from the context.
fn cohere(list: &mut [Citation], shapes: &[Shape]) {
    let guessed = list.iter().zip(shapes).find_map(|(c, s)| {
        let by_date = c.body_source == BodySource::Unknown && c.date.is_some();
        let moved = c.body_source == BodySource::Shape || by_date;
        (*s == Shape::SessionSlash && moved).then_some((c.body, c.body_source))
    });
    let Some((body, source)) = guessed else {
        return;
    };
    for (c, s) in list.iter_mut().zip(shapes) {
        if *s == Shape::SessionSlash && c.body_source == BodySource::Context {
            c.body = body;
            c.body_source = source;
            c.normalized =
                body.and_then(|b| c.number.as_ref().and_then(|n| normal_form(c.kind, b, n)));
        }
    }
}

/// Builds one citation from an item: body, normal form, date and trailing pinpoints.
fn citation(b: &[u8], cue: &Cue, ctx: Option<Body>, item: Item) -> Option<Citation> {
    let shape = item.shape;
    let date = of_date(b, item.span.end);
    let after = date.map_or(item.span.end, |d| d.span.end);
    let pinpoints = pinpoint::trailing(b, after)
        .map(|p| p.pins)
        .unwrap_or_default();
    let mut cite = Citation {
        span: item.span,
        cue: Some(cue.span),
        kind: cue.kind,
        body: None,
        body_source: BodySource::Unknown,
        normalized: None,
        number: Some(item.number),
        date,
        pinpoints,
        symbol: None,
    };
    set_body(&mut cite, cue.organ, ctx, shape);
    let bare_ok = shape != Shape::Bare || cite.body == Some(Body::SecurityCouncil);
    bare_ok.then_some(cite)
}

/// Decides the body of a numbered citation and its normal form.
fn set_body(cite: &mut Citation, organ: Organ, ctx: Option<Body>, shape: Shape) {
    let Some(number) = &cite.number else { return };
    let found = body_of(organ, ctx, number, shape);
    let year = cite.date.map(|d| d.date.year);
    let (body, source) = cue::with_date(found, organ, number, shape, year);
    cite.body = body;
    cite.body_source = if body.is_none() && source != BodySource::OtherOrgan {
        BodySource::Unknown
    } else {
        source
    };
    cite.normalized = body.and_then(|body| normal_form(cite.kind, body, number));
}

/// The next item of a list after `pos`: ", 61/208", " and 61/208", ", and 61/208",
/// " to 61/210", or after a title (" on …, 61/208").
fn continuation(b: &[u8], pos: usize) -> Option<Item> {
    let p = skip_ws(b, pos);
    if let Some(next) = joined_item(b, p) {
        return Some(next);
    }
    skip_title(b, p)
}

/// An item after a joiner at `p` (", " / " and " / ", and " / " to "); only numbers whose
/// shape is unmistakable continue a list. A footnote mark between the comma and the next
/// item in PDF text (",1 31/14", ", 4  35/34") is skipped.
fn joined_item(b: &[u8], p: usize) -> Option<Item> {
    let mut q = p;
    if at(b, q) == b',' {
        q = skip_ws(b, q + 1);
        if strong_item(b, q).is_none() {
            q = skip_footnote_mark(b, q);
        }
    }
    if let Some(e) = word(b, q, "and").or_else(|| word(b, q, "to")) {
        q = skip_ws1(b, e)?;
    }
    if q == p {
        return None;
    }
    strong_item(b, q)
}

fn strong_item(b: &[u8], q: usize) -> Option<Item> {
    number::item(b, q).filter(|it| it.shape != Shape::Bare)
}

/// A footnote mark (`resolute_draft::marks::is_label`) followed by whitespace; returns the
/// position after the whitespace, or `pos` when there is no mark.
fn skip_footnote_mark(b: &[u8], pos: usize) -> usize {
    let end = pos
        + b.get(pos..)
            .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let label = b.get(pos..end).and_then(|d| std::str::from_utf8(d).ok());
    if label.is_some_and(resolute_draft::marks::is_label) && skip_ws(b, end) > end {
        skip_ws(b, end)
    } else {
        pos
    }
}

const OPEN_QUOTE: &[u8] = "\u{201c}".as_bytes();
const CLOSE_QUOTE: &[u8] = "\u{201d}".as_bytes();

/// Skips a title after an item ("61/208 on international migration and development, 62/1")
/// and returns the next item. Bounded to 300 bytes, stopping at the end of the clause.
fn skip_title(b: &[u8], p: usize) -> Option<Item> {
    let mut q = p;
    if at(b, q) == b',' {
        q = skip_ws(b, q + 1);
    }
    let titled = ["on", "entitled", "concerning", "relating", "regarding"]
        .iter()
        .any(|w| word(b, q, w).is_some())
        || b.get(q..q + 3) == Some(OPEN_QUOTE);
    if !titled {
        return None;
    }
    let limit = (q + 300).min(b.len());
    let mut quoted = false;
    while q < limit {
        // Inside a quoted title (“…”) punctuation and numbers belong to the title.
        match b.get(q..q + 3) {
            Some(OPEN_QUOTE) => quoted = true,
            Some(CLOSE_QUOTE) => quoted = false,
            _ => {}
        }
        match title_byte(b, q, quoted) {
            TitleStep::Stop => return None,
            TitleStep::Found(item) => return Some(item),
            TitleStep::Next => q += 1,
        }
    }
    None
}

enum TitleStep {
    Stop,
    Found(Item),
    Next,
}

/// One byte of a title: the end of the clause, the next item of the list, or neither.
fn title_byte(b: &[u8], q: usize, quoted: bool) -> TitleStep {
    let c = at(b, q);
    // A citation inside the title must be read by the main scan, which resumes after the
    // list: so the list ends here.
    if cue::starts_cue(c) && boundary_before(b, q) && cue::cue_at(b, q).is_some() {
        return TitleStep::Stop;
    }
    if quoted {
        return TitleStep::Next;
    }
    match c {
        b';' | b':' => TitleStep::Stop,
        b'.' if sentence_end(b, q) => TitleStep::Stop,
        b',' | b'a' if c == b',' || boundary_before(b, q) => match joined_item(b, q) {
            Some(item) => TitleStep::Found(item),
            None => TitleStep::Next,
        },
        _ => TitleStep::Next,
    }
}

/// Whether the full stop at `q` ends a sentence: whitespace then a capital or the end.
fn sentence_end(b: &[u8], q: usize) -> bool {
    let p = skip_ws(b, q + 1);
    p > q + 1 && (p >= b.len() || at(b, p).is_ascii_uppercase()) || p >= b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_skipping_is_bounded_by_the_clause() {
        let t = "its resolution 61/208 on migration and development; 62/1";
        let c = extract_with(t, Context::default());
        assert_eq!(c.len(), 1);
        let t = "its resolutions 61/208 on migration and development, and 62/1 of 1 May 2008";
        assert_eq!(extract(t).len(), 2);
    }
}
