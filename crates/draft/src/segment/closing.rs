//! The end of a resolution: the closing formula ("45th plenary meeting" and its date) and
//! the annexes after it.

use super::blocks::Block;
use super::headings::is_date_only;
use super::words;
use crate::model::{Annex, Closing, Draft};

/// "45th plenary meeting", "39th meeting 27 September 2018": (meeting, rest of the block).
pub(crate) fn closing_of(block: &Block) -> Option<(String, String)> {
    let text = block.text.trim();
    let n = words::meeting_len(text)?;
    Some((
        text.get(..n)?.to_string(),
        text.get(n..)?.trim().to_string(),
    ))
}

/// Reads the closing formula at the start of `blocks` (its date may be the next block);
/// returns how many blocks it took.
pub(crate) fn read_closing(blocks: &[Block], draft: &mut Draft) -> usize {
    let Some(first) = blocks.first() else {
        return 0;
    };
    let Some((meeting, tail)) = closing_of(first).or_else(|| {
        is_date_only(&first.text).then(|| (String::new(), first.text.trim().to_string()))
    }) else {
        return 0;
    };
    let mut span = first.span;
    let mut date = words::find_date(&tail);
    let mut used = 1;
    if date.is_none() {
        if let Some(next) = blocks.get(1).filter(|b| b.text.len() < 40) {
            date = words::find_date(&next.text);
            if date.is_some() {
                span.end = next.span.end;
                used = 2;
            }
        }
    }
    let date = date.or_else(|| (!tail.is_empty()).then_some(tail));
    draft.closing = Some(Closing {
        meeting,
        date,
        span,
    });
    used
}

/// "Annex", "Annex II", "ANNEX": the first line of a block that opens an annex.
pub(crate) fn annex_heading(block: &Block) -> Option<String> {
    let first = block.lines.first()?.trim();
    super::blocks::is_annex_line(first).then(|| first.to_string())
}

/// Text after the closing formula: annexes, each opening with its heading. Text before the
/// first heading (a record of the vote, for instance) forms an annex without a heading.
pub(crate) fn annexes(blocks: &[Block]) -> Vec<Annex> {
    let mut out: Vec<Annex> = Vec::new();
    for block in blocks {
        if let Some(heading) = annex_heading(block) {
            let body = block.lines.get(1..).unwrap_or(&[]).join(" ");
            out.push(Annex {
                heading,
                text: body,
                markdown: String::new(),
                span: block.span,
            });
            continue;
        }
        match out.last_mut() {
            Some(annex) => {
                if !annex.text.is_empty() {
                    annex.text.push_str("\n\n");
                }
                annex.text.push_str(&block.text);
                annex.span.end = block.span.end;
            }
            None => out.push(Annex {
                heading: String::new(),
                text: block.text.clone(),
                markdown: String::new(),
                span: block.span,
            }),
        }
    }
    out
}
