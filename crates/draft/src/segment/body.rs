//! From blocks to the model: enacting formula, paragraphs, subparagraphs, sections, closing
//! formula and annexes.

use super::blocks::Block;
use super::labels::{leading_label, levels, roman_value, Label};
use super::{front, inline, words};
use crate::model::{
    Annex, Body, Closing, Draft, Enacting, Footnote, Kind, Paragraph, Section, Span, Subparagraph,
};
use crate::opening::{kind_of, opening_len};

/// Builds the draft from the blocks of a document.
pub(crate) fn build(blocks: &[Block], footnotes: Vec<Footnote>) -> Draft {
    let enacting_at = blocks.iter().position(|b| enacting(b).is_some());
    let (front_end, body_start) = match enacting_at {
        Some(i) => (i, i + 1),
        None => {
            let i = blocks.iter().position(starts_body).unwrap_or(blocks.len());
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
    builder.finish(&mut draft);
    let after = rest.get(end..).unwrap_or(&[]);
    let consumed = read_closing(after, &mut draft);
    draft.annexes = annexes(after.get(consumed..).unwrap_or(&[]));
    draft
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

/// Paragraphs being collected for the top level or one section.
#[derive(Debug, Default)]
struct Part {
    preamble: Vec<Paragraph>,
    operative: Vec<Paragraph>,
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
        if is_table(block) || is_furniture(&block.text) {
            // A table (a scale of assessments, a budget) cannot be a paragraph's text, nor can
            // a job number or page number left in a clean text.
            return Some(0);
        }
        if is_rule(&block.text) {
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
        let heading =
            (closed || (introduced && sentence_next && open_end)) && looks_like_heading(rest);
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

impl Part {
    /// Appends lower-case text to the last paragraph (to its last subparagraph when it has
    /// some); returns whether there was one to continue.
    fn continue_last(&mut self, block: &Block) -> bool {
        if !block.text.starts_with(char::is_lowercase) {
            return false;
        }
        let Some(last) = self.operative.last_mut().or(self.preamble.last_mut()) else {
            return false;
        };
        let end = last.span.end.max(block.span.end);
        last.span.end = end;
        let (text, markdown, refs, span) = match last.sub.last_mut() {
            Some(s) => (
                &mut s.text,
                &mut s.markdown,
                &mut s.footnote_refs,
                &mut s.span,
            ),
            None => (
                &mut last.text,
                &mut last.markdown,
                &mut last.footnote_refs,
                &mut last.span,
            ),
        };
        let (more, marks) = block.tail(0);
        text.push(' ');
        text.push_str(&more);
        markdown.push(' ');
        markdown.push_str(&inline::markdown(&more, None, &marks));
        refs.extend(marks.into_iter().map(|(_, l)| l));
        span.end = end;
        true
    }

    /// Whether `block` is lower-case text right after an operative paragraph or the
    /// subparagraphs of any paragraph ("(f)
    /// ...;" then "and demands that the perpetrators be held accountable;"; "... 30 June
    /// 2011;" then "and to finance ..."): the end of that paragraph, kept as a subparagraph
    /// without a label.
    fn continues_paragraph(&self, block: &Block) -> bool {
        // A preambular paragraph without subparagraphs keeps lower-case text after it as a
        // paragraph of its own ("noting ...,"), as the draft format writes it.
        let last = self.operative.last().or(self.preamble.last());
        let attach = last.is_some_and(|p| p.kind == Kind::Operative || !p.sub.is_empty());
        let under_sub = last
            .and_then(|p| p.sub.last())
            .is_some_and(|s| introduces(s, block));
        block.text.starts_with(char::is_lowercase) && attach || under_sub
    }

    /// Attaches a subparagraph to the last paragraph (operative before preambular); a label
    /// before any paragraph opens a preambular paragraph of its own.
    fn sub(&mut self, label: String, block: &Block, len: usize) {
        let kind = if self.operative.is_empty() {
            Kind::Preambular
        } else {
            Kind::Operative
        };
        let list = match kind {
            Kind::Operative => &mut self.operative,
            Kind::Preambular => &mut self.preamble,
        };
        let Some(parent) = list.last_mut() else {
            list.push(paragraph(kind, None, block, 0));
            return;
        };
        let (text, marks) = block.tail(len);
        let open = opening_len(&text, kind);
        parent.span.end = parent.span.end.max(block.span.end);
        parent.sub.push(Subparagraph {
            label,
            level: 1,
            markdown: inline::markdown(&text, open, &marks),
            footnote_refs: marks.into_iter().map(|(_, l)| l).collect(),
            text,
            span: block.span,
        });
    }
}

/// Whether an unlabelled block that opens no paragraph is text under the subparagraph `sub`:
/// "(b) Support account for peacekeeping operations:" then "An amount of ...", or a quoted
/// text after "... is replaced with the following:" and the quotations after it.
fn introduces(sub: &Subparagraph, block: &Block) -> bool {
    let quote = |t: &str| t.starts_with(['"', '“']);
    let opens = kind_of(&block.text).is_some();
    let after_colon = sub.text.trim_end().ends_with(':');
    let more_quotes = sub.label.is_empty() && quote(&sub.text) && quote(&block.text);
    !opens && (after_colon || more_quotes)
}

/// Sets subparagraph levels once each paragraph's labels are all known; text without a label
/// belongs to the subparagraph it follows when that one ends with a colon (one level deeper),
/// goes on at the level of unlabelled text just before it, and else belongs to the paragraph
/// itself (level 1).
fn with_levels(mut paragraphs: Vec<Paragraph>) -> Vec<Paragraph> {
    for p in &mut paragraphs {
        let labels: Vec<String> = p
            .sub
            .iter()
            .filter(|s| !s.label.is_empty())
            .map(|s| s.label.clone())
            .collect();
        let mut found = levels(&labels).into_iter();
        let mut prev: Option<(u8, bool, bool)> = None;
        for s in &mut p.sub {
            s.level = match (s.label.is_empty(), prev) {
                (false, _) => found.next().unwrap_or(1),
                (true, Some((level, true, _))) => level.saturating_add(1),
                (true, Some((level, _, true))) => level,
                (true, _) => 1,
            };
            let colon = s.text.trim_end().ends_with(':');
            prev = Some((s.level, colon, s.label.is_empty() && s.level > 1));
        }
    }
    paragraphs
}

fn paragraph(kind: Kind, number: Option<u32>, block: &Block, skip: usize) -> Paragraph {
    let (text, marks) = block.tail(skip);
    let open = opening_len(&text, kind);
    Paragraph {
        kind,
        number,
        opening: open.and_then(|n| text.get(..n)).map(str::to_string),
        markdown: inline::markdown(&text, open, &marks),
        footnote_refs: marks.into_iter().map(|(_, l)| l).collect(),
        text,
        sub: Vec::new(),
        span: block.span,
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

/// "II", "B.", "III Heading text": a section label, with the heading when it shares the block.
fn section_heading(block: &Block) -> Option<(String, String)> {
    let text = block.text.trim();
    let (first, rest) = split_label_word(text);
    let dotted = first.ends_with('.');
    let core = first.trim_end_matches('.');
    let roman = core.bytes().all(|b| b.is_ascii_uppercase()) && roman_value(core).is_some();
    let letter = core.len() == 1 && core.bytes().all(|b| b.is_ascii_uppercase());
    if !(roman || letter) {
        return None;
    }
    if rest.is_empty() {
        return Some((core.to_string(), String::new()));
    }
    let heading_ok = (roman || dotted) && looks_like_heading(rest);
    heading_ok.then(|| (core.to_string(), rest.trim().to_string()))
}

/// The first word and the rest; "C.“Delivering as one”" splits after "C.".
fn split_label_word(text: &str) -> (&str, &str) {
    let (first, rest) = text.split_once(' ').unwrap_or((text, ""));
    if let Some(dot) = first.find('.') {
        let label = &first[..dot];
        let glued = dot + 1 < first.len() && label.bytes().all(|b| b.is_ascii_uppercase());
        if glued && !label.is_empty() && label.len() <= 5 {
            return text.split_at(dot + 1);
        }
    }
    (first, rest)
}

/// Heading text: short, capitalised, not ending like a paragraph (preambular paragraphs end
/// with a comma, operative ones with a semicolon, colon or full stop). A heading in capitals
/// may end any way.
fn looks_like_heading(text: &str) -> bool {
    let text = text.trim();
    let capital = text
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c == '“');
    let shouting = text.chars().any(char::is_alphabetic) && !text.chars().any(char::is_lowercase);
    // "... of 17 March 2015,11": a footnote mark after the punctuation ("staff rule 104.14"
    // is a number).
    let before_mark = text.trim_end_matches(|c: char| c.is_ascii_digit());
    let open_end = !text.ends_with([',', ';', ':', '.']) && !before_mark.ends_with([',', ';']);
    capital && text.len() < 500 && (open_end || shouting) && !is_date_only(text)
}

/// "2 July 2020": a block that is only a date (the closing formula of meetings held without
/// a numbered plenary meeting).
fn is_date_only(text: &str) -> bool {
    let text = text.trim();
    text.len() <= 20 && text.split_whitespace().count() == 3 && words::find_date(text).is_some()
}

/// "__________": the rule above footnotes ("-----" ends some Security Council texts).
fn is_rule(text: &str) -> bool {
    let t = text.trim();
    t.len() >= 5 && (t.chars().all(|c| c == '_') || t.chars().all(|c| c == '-'))
}

/// A footnote written as a block of a clean text: "* Reissued for technical reasons ...",
/// or, after a rule, "1/ S/PRST/1994/22." and "1 Official Records ...".
fn footnote(block: &Block, after_rule: bool) -> Option<Footnote> {
    let text = block.text.trim();
    let (label, rest) = text.split_once(' ')?;
    let starred = !label.is_empty() && label.chars().all(|c| c == '*');
    let core = label.trim_end_matches('/');
    // "1/ A/48/876.": the slash marks a footnote even where the rule above it is lost.
    let slashed = core.len() < label.len();
    let numbered = (after_rule || slashed)
        && !core.is_empty()
        && core.len() <= 3
        && core.bytes().all(|b| b.is_ascii_digit());
    (starred || numbered).then(|| Footnote {
        label: core.to_string(),
        text: rest.trim().to_string(),
        markdown: String::new(),
        span: block.span,
    })
}

/// "95-76363", "*9576363*", "3/12": page furniture of a printed document.
fn is_furniture(text: &str) -> bool {
    use super::lines::{is_barcode, is_job_number, is_page_number};
    is_job_number(text) || is_barcode(text) || is_page_number(text)
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

/// A block that can be the heading of a section whose label stood alone.
fn is_heading_text(block: &Block) -> bool {
    leading_label(&block.text).is_none()
        && section_heading(block).is_none()
        && closing_of(block).is_none()
        && annex_heading(block).is_none()
        && looks_like_heading(&block.text)
}

/// "45th plenary meeting", "39th meeting 27 September 2018": (meeting, rest of the block).
fn closing_of(block: &Block) -> Option<(String, String)> {
    let text = block.text.trim();
    let n = words::meeting_len(text)?;
    Some((
        text.get(..n)?.to_string(),
        text.get(n..)?.trim().to_string(),
    ))
}

/// Reads the closing formula at the start of `blocks` (its date may be the next block);
/// returns how many blocks it took.
fn read_closing(blocks: &[Block], draft: &mut Draft) -> usize {
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
fn annex_heading(block: &Block) -> Option<String> {
    let first = block.lines.first()?.trim();
    super::blocks::is_annex_line(first).then(|| first.to_string())
}

/// Text after the closing formula: annexes, each opening with its heading. Text before the
/// first heading (a record of the vote, for instance) forms an annex without a heading.
fn annexes(blocks: &[Block]) -> Vec<Annex> {
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
