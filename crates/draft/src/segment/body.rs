//! From blocks to the model: enacting formula, paragraphs, subparagraphs, sections, closing
//! formula and annexes.

use super::blocks::Block;
use super::closing::{annex_heading, annexes, closing_of, read_closing};
use super::front;
use super::headings::{is_date_only, is_heading_text, looks_like_heading, section_heading};
use super::labels::{leading_label, Label};
use super::notes::{self, footnote, is_rule};
use super::part::{paragraph, with_levels, Part};
use super::{Furniture, FurnitureKind};
use crate::model::{Body, Draft, Enacting, Footnote, Kind, Section, Span};
use crate::opening::kind_of;

/// Builds the draft from the blocks of a document.
/// `negotiating`: see `segment_negotiating`.
/// The draft and the blocks dropped as page furniture (job numbers, page numbers and
/// footnote rules left in a clean text).
pub(crate) fn build(
    blocks: &[Block],
    footnotes: Vec<Footnote>,
    negotiating: bool,
) -> (Draft, Vec<Furniture>) {
    // Notes listed after everything else (after the closing formula, too) are footnotes,
    // not an annex.
    let (trailing, end) = notes::trailing(blocks);
    let blocks = blocks.get(..end).unwrap_or(blocks);
    let mut enacting_at = blocks.iter().position(|b| enacting(b).is_some());
    if negotiating {
        let text_at = blocks
            .iter()
            .position(|b| b.text.contains(['[', ']']) || starts_body(b));
        if let (Some(t), Some(e)) = (text_at, enacting_at) {
            if t < e {
                enacting_at = None;
            }
        }
    }
    let (front_end, body_start) = match enacting_at {
        Some(i) => (i, i + 1),
        None => {
            let starts = |b: &Block| starts_body(b) || (negotiating && b.text.contains(['[', ']']));
            let i = blocks.iter().position(starts).unwrap_or(blocks.len());
            (i, i)
        }
    };
    let enacting = enacting_at.and_then(|i| blocks.get(i)).and_then(enacting);
    let body = enacting.as_ref().and_then(|e| e.body);
    let mut draft = Draft {
        meta: front::read(blocks.get(..front_end).unwrap_or(&[]), body),
        enacting,
        footnotes,
        ..Draft::default()
    };
    if draft.enacting.is_some() {
        // The enacting formula was read in English ("The General Assembly,").
        draft.meta.language = Some("en".to_string());
    }
    let rest = blocks.get(body_start..).unwrap_or(&[]);
    let mut builder = Builder {
        no_preamble: draft.enacting.as_ref().is_some_and(|e| !has_comma(&e.text)),
        ..Builder::default()
    };
    let end = builder.run(rest);
    let furniture = std::mem::take(&mut builder.furniture);
    builder.finish(&mut draft);
    let after = rest.get(end..).unwrap_or(&[]);
    let consumed = read_closing(after, &mut draft);
    // Notes printed among the annexes are footnotes too; their marks were taken out of the
    // text before them.
    let (notes, annex_blocks) = notes::take_areas(after.get(consumed..).unwrap_or(&[]));
    draft.annexes = annexes(&annex_blocks);
    draft.footnotes.extend(notes);
    draft.footnotes.extend(trailing);
    front::name_group(&mut draft.meta, &draft.footnotes);
    (draft, furniture)
}

/// "The General Assembly,": a short block naming an organ, ending with a comma.
fn enacting(block: &Block) -> Option<Enacting> {
    let text = block.text.trim();
    // "“The General Assembly," opens a draft quoted in an operative paragraph.
    let inner = text.trim_start_matches(['“', '"']).strip_prefix("The ")?;
    let (inner, comma) = match inner.strip_suffix(',') {
        Some(i) => (i, true),
        None => (inner, false),
    };
    let short = inner.len() <= 80 && !inner.contains([',', '.', ';', ':']);
    let capital = inner.chars().next().is_some_and(char::is_uppercase);
    let body = Body::parse(inner);
    // Without its comma only a known organ's name is read as the formula.
    if !(short && capital && (comma || body.is_some())) {
        return None;
    }
    Some(Enacting {
        text: text.to_string(),
        body,
        span: block.span,
    })
}

/// Whether an enacting formula ends with its comma ("The General Assembly,"); without it no
/// preamble follows (R2: "The Economic and Social Council" then "Recommends ...").
fn has_comma(formula: &str) -> bool {
    formula.trim_end().ends_with(',')
}

/// Without an enacting formula, the body starts at the first numbered or preambular-looking
/// paragraph.
fn starts_body(block: &Block) -> bool {
    let numbered = matches!(leading_label(&block.text), Some((Label::Number(_), _)));
    let preambular = kind_of(&block.text) == Some(Kind::Preambular) && block.text.ends_with(',');
    numbered || preambular
}

#[derive(Debug, Default)]
struct Builder {
    top: Part,
    sections: Vec<(Section, Part)>,
    /// Footnotes written into the text of a clean document, after a rule.
    notes: Vec<Footnote>,
    /// The blocks just read were a footnote rule or footnotes.
    in_notes: bool,
    /// The block just read was a footnote: lower-case text after it continues the paragraph
    /// the footnotes interrupted (they stood at the foot of a printed page).
    after_note: bool,
    /// The enacting formula of the current part had no comma: no preamble follows, so
    /// unnumbered paragraphs are operative.
    no_preamble: bool,
    /// Blocks dropped as page furniture.
    furniture: Vec<Furniture>,
}

/// What the blocks after a block hold, within the same part.
#[derive(Debug, Clone, Copy, Default)]
struct Ahead {
    /// A numbered paragraph follows.
    numbered: bool,
    /// An unnumbered paragraph ending with a comma (preambular-looking) follows.
    preambular: bool,
}

impl Builder {
    fn part(&mut self) -> &mut Part {
        match self.sections.last_mut() {
            Some((_, part)) => part,
            None => &mut self.top,
        }
    }

    /// Reads paragraphs until the closing formula or an annex; returns where they stop.
    fn run(&mut self, blocks: &[Block]) -> usize {
        let ahead = look_ahead(blocks);
        let mut i = 0;
        while let Some(block) = blocks.get(i) {
            let date_closing = is_date_only(&block.text) && self.has_paragraphs();
            if closing_of(block).is_some() || annex_heading(block).is_some() || date_closing {
                return i;
            }
            i += 1;
            match self.not_a_paragraph(block, blocks.get(i)) {
                Some(skip) => i += skip,
                None => self.paragraph(block, ahead.get(i - 1).copied().unwrap_or_default()),
            }
        }
        blocks.len()
    }

    /// Handles a block that is no paragraph (enacting formula of a part, section heading,
    /// table, footnote); returns how many further blocks it took, or `None` for a paragraph.
    fn not_a_paragraph(&mut self, block: &Block, next: Option<&Block>) -> Option<usize> {
        let in_notes = std::mem::take(&mut self.in_notes);
        let after_note = std::mem::take(&mut self.after_note);
        if after_note && leading_label(&block.text).is_none() && self.part().continue_last(block) {
            return Some(0);
        }
        if let Some(formula) = enacting(block) {
            self.quoted_resolution(&formula);
            return Some(0);
        }
        if let Some(kind) = furniture_of(&block.text) {
            // A job number or page number left in a clean text.
            self.furniture.push(Furniture {
                span: block.span,
                kind,
            });
            return Some(0);
        }
        if is_table(block) {
            // A table (a scale of assessments, a budget) is no paragraph of its own: it is
            // the end of the paragraph that introduces it, a cell per line as extracted.
            self.part().table(block);
            return Some(0);
        }
        if is_rule(&block.text) {
            self.furniture.push(Furniture {
                span: block.span,
                kind: FurnitureKind::FootnoteRule,
            });
            self.in_notes = true;
            return Some(0);
        }
        if let Some(note) = footnote(block, in_notes) {
            self.in_notes = in_notes;
            self.after_note = true;
            self.notes.push(note);
            return Some(0);
        }
        if let Some((label, heading)) =
            section_heading(block).or_else(|| self.lettered_heading(block, next))
        {
            return Some(self.open_section(label, heading, block, next));
        }
        if is_heading_text(block) {
            self.unlabelled_heading(block);
            return Some(0);
        }
        None
    }

    /// Starts a section; a heading standing in the next block is taken too (returns 1 then).
    fn open_section(
        &mut self,
        label: String,
        heading: String,
        block: &Block,
        next: Option<&Block>,
    ) -> usize {
        let next_heading = next.filter(|n| heading.is_empty() && is_heading_text(n));
        let heading = next_heading.map_or(heading, |n| n.text.clone());
        let end = next_heading.map_or(block.span.end, |n| n.span.end);
        let section = Section {
            label,
            heading,
            preamble: Vec::new(),
            operative: Vec::new(),
            span: Span::new(block.span.start, end),
        };
        self.sections.push((section, Part::default()));
        usize::from(next_heading.is_some())
    }

    /// "(i) Exemptions, advance approvals and notifications" after a paragraph that ended
    /// with a full stop, or after a colon or full stop and before an unlabelled paragraph that
    /// starts a sentence ("... as follows:", "(a) Mode of operation", "The Office ... shall
    /// ..."): a lettered heading, not a subparagraph
    /// (a paragraph with subparagraphs ends with a colon, a comma or nothing; a subparagraph
    /// ends with punctuation and is followed by its siblings).
    fn lettered_heading(
        &mut self,
        block: &Block,
        next: Option<&Block>,
    ) -> Option<(String, String)> {
        let Some((Label::Sub(label), len)) = leading_label(&block.text) else {
            return None;
        };
        let rest = block.text.get(len..)?;
        let part = self.part();
        let last = part.operative.last().or(part.preamble.last())?;
        let before = last.sub.last().map_or(&last.text, |s| &s.text);
        let closed = before.ends_with('.');
        let introduced = closed || before.ends_with(':');
        let sentence_next = next.is_some_and(|n| {
            leading_label(&n.text).is_none() && n.text.starts_with(char::is_uppercase)
        });
        let open_end = !rest.trim_end().ends_with([',', ';', ':', '.']);
        // Between two operative paragraphs, after one without subparagraphs that does not
        // introduce any (no colon), a labelled line without final punctuation heads what
        // follows: "(i) Exemptions, advance approvals and notifications" then "9. Decides";
        // not an item of a list ending "...; and".
        let trimmed = rest.trim_end();
        let list_end =
            trimmed.contains(';') || trimmed.ends_with(" and") || trimmed.ends_with(" or");
        let between = open_end
            && !list_end
            && last.kind == Kind::Operative
            && last.sub.is_empty()
            && !before.ends_with([':', ','])
            && next.is_some_and(|n| matches!(leading_label(&n.text), Some((Label::Number(_), _))));
        let heading = (closed || between || (introduced && sentence_next && open_end))
            && looks_like_heading(rest);
        heading.then(|| (label, rest.trim().to_string()))
    }

    /// An enacting formula after paragraphs opens a resolution quoted in the operative part
    /// ("Recommends ... the adoption of the following draft resolution:" then "The General
    /// Assembly,"): a section labelled "" whose heading is the formula, with its own preamble
    /// and numbering. A formula before any paragraph is a repeated one and is skipped.
    fn quoted_resolution(&mut self, formula: &Enacting) {
        if !self.has_paragraphs() {
            return;
        }
        let block = Block {
            text: formula.text.clone(),
            span: formula.span,
            ..Block::default()
        };
        self.open_section(String::new(), formula.text.trim().to_string(), &block, None);
        self.no_preamble = !has_comma(&formula.text);
    }

    fn has_paragraphs(&self) -> bool {
        let some = |p: &Part| !p.preamble.is_empty() || !p.operative.is_empty();
        some(&self.top) || self.sections.iter().any(|(_, p)| some(p))
    }

    /// A heading without a label ("Budget performance report for ...") opens a section
    /// labelled ""; a second heading straight after it extends that heading.
    fn unlabelled_heading(&mut self, block: &Block) {
        if let Some((section, part)) = self.sections.last_mut() {
            if part.preamble.is_empty() && part.operative.is_empty() {
                if !section.heading.is_empty() {
                    section.heading.push(' ');
                }
                section.heading.push_str(&block.text);
                section.span.end = block.span.end;
                return;
            }
        }
        self.open_section(String::new(), block.text.clone(), block, None);
    }

    fn paragraph(&mut self, block: &Block, ahead: Ahead) {
        if self.starts_new_part(block) || self.restarts_numbering(block) {
            // A preambular paragraph never follows an operative one within a part: a part
            // whose label the text lost begins here.
            self.open_section(String::new(), String::new(), block, None);
        }
        let no_preamble = self.no_preamble;
        let part = self.part();
        match leading_label(&block.text) {
            Some((Label::Number(n), len)) => {
                part.operative
                    .push(paragraph(Kind::Operative, Some(n), block, len));
            }
            Some((Label::Sub(label), len)) => part.sub(label, block, len),
            None if part.continues_paragraph(block) => part.sub(String::new(), block, 0),
            None => {
                let kind = unnumbered_kind(block, !part.operative.is_empty(), no_preamble, ahead);
                let p = paragraph(kind, None, block, 0);
                match kind {
                    Kind::Operative => part.operative.push(p),
                    Kind::Preambular => part.preamble.push(p),
                }
            }
        }
    }

    /// "1." after numbered paragraphs of the current part: numbering restarts in a part
    /// whose heading the text lost.
    fn restarts_numbering(&mut self, block: &Block) -> bool {
        let one = matches!(leading_label(&block.text), Some((Label::Number(1), _)));
        one && self.part().operative.iter().any(|p| p.number.is_some())
    }

    /// An unnumbered paragraph with a preambular opening, ending with a comma, after the
    /// operative paragraphs of the current part.
    fn starts_new_part(&mut self, block: &Block) -> bool {
        let text = block.text.trim_end();
        !self.part().operative.is_empty()
            && leading_label(text).is_none()
            && text.ends_with(',')
            && kind_of(text) == Some(Kind::Preambular)
    }

    fn finish(self, draft: &mut Draft) {
        let Builder {
            top,
            sections,
            notes,
            ..
        } = self;
        draft.footnotes.extend(notes);
        draft.preamble = with_levels(top.preamble);
        draft.operative = with_levels(top.operative);
        draft.sections = sections
            .into_iter()
            .map(|(mut s, part)| {
                s.preamble = with_levels(part.preamble);
                s.operative = with_levels(part.operative);
                let last = s
                    .preamble
                    .iter()
                    .chain(&s.operative)
                    .map(|p| p.span.end)
                    .max();
                s.span.end = s.span.end.max(last.unwrap_or(0));
                s
            })
            .collect();
    }
}

/// The kind of an unnumbered paragraph: operative after operative paragraphs and where the
/// enacting formula had no comma (unless it looks preambular); an operative opening makes a
/// lone operative paragraph only at the end of its part, where neither a numbered nor a
/// preambular-looking paragraph follows, or an operative paragraph whose number was lost
/// when it ends with ";" or ":" and only operative paragraphs follow. Elsewhere an operative
/// verb in the preamble is the drafter's slip, which the checker reports on a preambular
/// paragraph.
fn unnumbered_kind(block: &Block, after_operative: bool, no_preamble: bool, ahead: Ahead) -> Kind {
    let opening = kind_of(&block.text);
    let preambular_looking = opening == Some(Kind::Preambular) && ends_with_comma(&block.text);
    let operative_end = block.text.trim_end().ends_with([';', ':']);
    // Operative openings ending like operative paragraphs with no preamble after them are
    // operative paragraphs, numbered or not (some texts lost their first numbers).
    let closing_run =
        opening == Some(Kind::Operative) && !ahead.preambular && (!ahead.numbered || operative_end);
    if after_operative || (no_preamble && !preambular_looking) || closing_run {
        Kind::Operative
    } else {
        Kind::Preambular
    }
}

/// "..., and of 17 March 2015,11": a comma at the end, also before a footnote mark or a
/// closing quotation mark.
fn ends_with_comma(text: &str) -> bool {
    let t = text.trim_end().trim_end_matches(['”', '’', '"', ')']);
    t.ends_with(',')
        || t.trim_end_matches(|c: char| c.is_ascii_digit())
            .ends_with(',')
}

/// For each block, what follows it in the same part (a section heading, an enacting formula,
/// the closing formula or an annex ends a part).
fn look_ahead(blocks: &[Block]) -> Vec<Ahead> {
    let mut out = vec![Ahead::default(); blocks.len()];
    let mut seen = Ahead::default();
    for (i, b) in blocks.iter().enumerate().rev() {
        let ends_part = section_heading(b).is_some()
            || is_heading_text(b)
            || enacting(b).is_some()
            || closing_of(b).is_some()
            || annex_heading(b).is_some();
        if ends_part {
            seen = Ahead::default();
        }
        if let Some(slot) = out.get_mut(i) {
            *slot = seen;
        }
        match leading_label(&b.text) {
            Some((Label::Number(_), _)) => seen.numbered = true,
            Some(_) => {}
            None => seen.preambular |= !ends_part && ends_with_comma(&b.text),
        }
    }
    out
}

/// "95-76363", "*9576363*", "3/12": page furniture of a printed document.
fn furniture_of(text: &str) -> Option<FurnitureKind> {
    use super::lines::{is_barcode, is_job_number, is_page_number};
    if is_job_number(text) {
        Some(FurnitureKind::JobNumber)
    } else if is_barcode(text) {
        Some(FurnitureKind::Barcode)
    } else if is_page_number(text) {
        Some(FurnitureKind::PageNumber)
    } else {
        None
    }
}

/// A table as PDF extraction leaves it: many short lines, a good share of them numbers.
fn is_table(block: &Block) -> bool {
    let n = block.lines.len();
    if n < 6 {
        return false;
    }
    let numeric = block
        .lines
        .iter()
        .filter(|l| {
            l.chars()
                .all(|c| c.is_ascii_digit() || " .,%–-()".contains(c))
        })
        .count();
    let short = block.lines.iter().filter(|l| l.len() < 40).count();
    numeric * 4 >= n && short * 5 >= n * 4
}
