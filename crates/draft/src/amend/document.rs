//! Reading an amendment document as issued: masthead, the sponsor line "PROPOSERS:*
//! amendment to [revised] draft resolution TARGET", the target's title, then one instruction
//! or numbered instructions, and footnotes ("* On behalf of …").

use serde::Serialize;

use super::grammar::{self, Op};
use super::AmendError;
use crate::model::Kind;
use crate::opening::opening_len;
use crate::segment::{join_lines, text_blocks, TextBlock};

/// What an amendment amends.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case", tag = "kind")]
pub enum Target {
    /// A draft named by its symbol: "A/C.3/80/L.20/Rev.1".
    Symbol {
        /// The symbol as written.
        symbol: String,
    },
    /// A draft resolution recommended in a Main Committee's report: "draft resolution 4
    /// recommended by the Second Committee in its report contained in document A/80/555".
    Report {
        /// The draft's number in the report ("4", "II").
        draft: String,
        /// The report's symbol.
        report: String,
    },
}

impl Target {
    /// How a message names it.
    pub fn describe(&self) -> String {
        match self {
            Target::Symbol { symbol } => symbol.clone(),
            Target::Report { draft, report } => format!("draft resolution {draft} in {report}"),
        }
    }
}

/// One instruction as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Instruction {
    /// Its number in the document (1 when the document has a single one).
    pub n: usize,
    /// Its text, lines joined, new paragraphs included.
    pub text: String,
    /// What it does; `None` when its words follow no form the grammar knows.
    pub op: Option<Op>,
}

/// An amendment document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Amendment {
    /// Its own symbol: "A/80/L.30".
    pub symbol: Option<String>,
    /// The States proposing it, in the order given.
    pub proposers: Vec<String>,
    /// The group a proposer speaks for, from the starred footnote ("the States Members of
    /// the United Nations that are members of the European Union").
    pub on_behalf_of: Option<String>,
    /// The draft it amends.
    pub target: Target,
    /// "amendment to revised draft resolution …", or a target symbol with "/Rev.".
    pub revised: bool,
    /// The title of the draft it amends, as the document repeats it.
    pub title: Option<String>,
    /// The instructions, in order.
    pub instructions: Vec<Instruction>,
}

impl Amendment {
    /// "Belarus and Russian Federation", "Denmark (on behalf of …)": the proposers as a
    /// reader names them, also the author of tracked changes.
    pub fn proposers_named(&self) -> String {
        let list = match self.proposers.as_slice() {
            [] => String::from("Unknown proposer"),
            [one] => one.clone(),
            [init @ .., last] => format!("{} and {last}", init.join(", ")),
        };
        match &self.on_behalf_of {
            Some(group) => format!("{list} (on behalf of {group})"),
            None => list,
        }
    }
}

/// The verbs an unnumbered instruction starts with.
const INSTRUCTION_VERBS: [&str; 7] = [
    "Delete", "In", "After", "Before", "Replace", "Insert", "Add",
];

/// Reads an amendment from its plain text (a PDF extraction, a DOCX's text, typed text).
pub fn read_amendment(text: &str) -> Result<Amendment, AmendError> {
    let (blocks, notes) = text_blocks(text);
    let (at, (proposers, target, revised)) = blocks
        .iter()
        .enumerate()
        .find_map(|(i, b)| sponsor_line(&b.text).map(|s| (i, s)))
        .ok_or(AmendError::NoSponsorLine)?;
    let masthead = crate::segment::segment(&text[..blocks[at].span.start.min(text.len())]);
    let mut rest: Vec<&TextBlock> = Vec::new();
    let mut starred: Vec<String> = notes.iter().map(|n| n.text.clone()).collect();
    for b in &blocks[at + 1..] {
        // A starred note left among the blocks (text without page furniture).
        match b.text.strip_prefix('*') {
            Some(note) => starred.push(note.trim().to_string()),
            None => rest.push(b),
        }
    }
    let first = rest
        .iter()
        .position(|b| starts_instruction(&b.text))
        .ok_or(AmendError::NoInstructions)?;
    let title = join_lines(
        &rest[..first]
            .iter()
            .map(|b| b.text.as_str())
            .collect::<Vec<_>>(),
    );
    let instructions = instructions(&rest[first..]);
    if instructions.is_empty() {
        return Err(AmendError::NoInstructions);
    }
    if instructions.iter().all(|i| i.op.is_none()) {
        return Err(AmendError::NothingUnderstood {
            first: instructions[0].text.chars().take(120).collect(),
        });
    }
    let on_behalf_of = starred.iter().find_map(|n| crate::segment::group_of(n));
    Ok(Amendment {
        symbol: masthead.meta.symbol,
        proposers,
        on_behalf_of,
        target,
        revised,
        title: (!title.is_empty()).then_some(title),
        instructions,
    })
}

/// "United States of America:* amendment to draft resolution A/80/L.25" -> the proposers,
/// the target and whether the target is a revised draft.
fn sponsor_line(text: &str) -> Option<(Vec<String>, Target, bool)> {
    let lower = text.to_lowercase();
    let at = lower
        .find(": amendment to ")
        .or_else(|| lower.find(":* amendment to "))
        .or_else(|| lower.find(": amendments to "))
        .or_else(|| lower.find(":* amendments to "))?;
    let who = text[..at].trim_end_matches('*').trim();
    let after = &text[at..];
    let after = &after[after.find(" to ")? + 4..];
    let mut what = after.trim();
    let mut revised = false;
    for prefix in ["the ", "revised ", "draft resolution ", "draft decision "] {
        if let Some(rest) = strip_prefix_ci(what, prefix) {
            revised |= prefix == "revised ";
            what = rest.trim_start();
        }
    }
    let first = what.split_whitespace().next()?;
    let target = if first.contains('/') {
        let symbol = first.trim_end_matches(['.', ',', ';', ':']).to_string();
        revised |= symbol.contains("/Rev.");
        Target::Symbol { symbol }
    } else {
        let doc = what.rfind("document ")?;
        let report = what[doc + "document ".len()..]
            .split_whitespace()
            .next()?
            .trim_end_matches(['.', ',', ';', ':'])
            .to_string();
        Target::Report {
            draft: first.to_string(),
            report,
        }
    };
    let proposers = crate::segment::sponsors(who);
    (!proposers.is_empty()).then_some((proposers, target, revised))
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

/// "1." (alone or before text), or an instruction verb.
fn starts_instruction(text: &str) -> bool {
    number_prefix(text) == Some((1, text.find('.').map_or(0, |i| i + 1)))
        || INSTRUCTION_VERBS
            .iter()
            .any(|v| text.strip_prefix(v).is_some_and(|r| r.starts_with(' ')))
}

/// "12. In …" -> (12, byte length of "12.").
fn number_prefix(line: &str) -> Option<(usize, usize)> {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 || !line[digits..].starts_with('.') {
        return None;
    }
    let after = &line[digits + 1..];
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((line[..digits].parse().ok()?, digits + 1))
}

/// One printed line of the instruction part and whether a block starts with it.
struct Line<'a> {
    text: &'a str,
    opens_block: bool,
}

/// Splits the instruction part into instructions: numbered ones at the lines that start
/// with the next number in turn ("1.", "2." … whether alone on their line or before text),
/// else the whole part is one instruction.
fn instructions(blocks: &[&TextBlock]) -> Vec<Instruction> {
    let lines: Vec<Line<'_>> = blocks
        .iter()
        .flat_map(|b| {
            b.lines.iter().enumerate().map(|(i, l)| Line {
                text: l.as_str(),
                opens_block: i == 0,
            })
        })
        .collect();
    let numbered = lines
        .first()
        .is_some_and(|l| number_prefix(l.text).is_some_and(|(n, _)| n == 1));
    if !numbered {
        return vec![instruction(1, &lines, 0)];
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut next = 2;
    for (i, line) in lines.iter().enumerate().skip(1) {
        if number_prefix(line.text).is_some_and(|(n, _)| n == next) {
            out.push(instruction(
                next - 1,
                &lines[start..i],
                prefix_len(lines[start].text),
            ));
            start = i;
            next += 1;
        }
    }
    out.push(instruction(
        next - 1,
        &lines[start..],
        prefix_len(lines[start].text),
    ));
    out
}

fn prefix_len(line: &str) -> usize {
    number_prefix(line).map_or(0, |(_, len)| len)
}

/// One instruction from its lines; `skip` bytes of the first line are its number.
fn instruction(n: usize, lines: &[Line<'_>], skip: usize) -> Instruction {
    let mut texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
    if let Some(first) = texts.first_mut() {
        *first = first.get(skip..).unwrap_or("").trim();
    }
    // The header ends at the first line that ends with a colon outside any quotation.
    let mut open = false;
    let mut header_end = texts.len();
    for (i, t) in texts.iter().enumerate() {
        for c in t.chars() {
            match c {
                '“' => open = true,
                '”' => open = false,
                '"' => open = !open,
                _ => {}
            }
        }
        if !open && t.trim_end().ends_with(':') {
            header_end = i + 1;
            break;
        }
    }
    let header = join_lines(&texts[..header_end]);
    let body_lines = &lines[header_end.min(lines.len())..];
    let body = paragraphs(body_lines, &texts[header_end.min(texts.len())..]);
    let op = grammar::parse(&header, &body);
    let mut text = header.clone();
    for p in &body {
        text.push('\n');
        text.push_str(p);
    }
    Instruction { n, text, op }
}

/// New paragraphs quoted after "reading:": a paragraph starts at a new block, or at a line
/// that opens with an opening phrase after a line that ends a paragraph (";", ",", ".", ":").
fn paragraphs(lines: &[Line<'_>], texts: &[&str]) -> Vec<String> {
    let mut out: Vec<Vec<&str>> = Vec::new();
    for (line, text) in lines.iter().zip(texts) {
        let ends_previous = out
            .last()
            .and_then(|p| p.last())
            .is_some_and(|l| l.trim_end().ends_with([';', ',', '.', ':']));
        let opens = opening_len(text, Kind::Operative).is_some()
            || opening_len(text, Kind::Preambular).is_some();
        if out.is_empty() || line.opens_block || (ends_previous && opens) {
            out.push(Vec::new());
        }
        if let Some(p) = out.last_mut() {
            p.push(text);
        }
    }
    out.iter()
        .map(|p| join_lines(p))
        .filter(|p| !p.is_empty())
        .collect()
}
