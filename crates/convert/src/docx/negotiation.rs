//! The negotiation layer in a Word document (docs/format.md §6): the stage as the custom
//! document property `ResoluteStage` and in the page header, inserted-paragraph labels as
//! the paragraph's typed number, and the attributions after brackets as text, as Word
//! comments anchored on the bracketed span, or left out. Reading gives them back.

use super::write::Run;
use crate::xml::{walk, Node};
use crate::ConvertError;
use quick_xml::escape::escape;
use resolute_draft::negotiation::{braced_attributions, Attribution};
use std::collections::HashMap;

/// Where the attributions of a negotiating text go in its Word document.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Attributions {
    /// As the braces of the draft format, in the text (`[shall]{EU}`): reads back exactly.
    #[default]
    Inline,
    /// Each `{…}` after a bracket as a Word comment by "Resolute" on the bracketed span.
    Comments,
    /// Left out; brackets, labels, statuses and notes stay.
    None,
}

impl Attributions {
    /// Reads `inline`, `comments` or `none` (any case).
    pub fn parse(name: &str) -> Option<Attributions> {
        match name.trim().to_ascii_lowercase().as_str() {
            "inline" => Some(Attributions::Inline),
            "comments" | "comment" => Some(Attributions::Comments),
            "none" | "off" => Some(Attributions::None),
            _ => None,
        }
    }
}

/// The author written on (and recognised in) the comments that carry attributions.
pub const COMMENT_AUTHOR: &str = "Resolute";

/// The name of the custom document property that holds the stage.
pub const STAGE_PROPERTY: &str = "ResoluteStage";

/// A place in a paragraph's text where the runs are cut.
#[derive(Debug, Clone, Copy)]
enum Cut {
    /// A bracket that carries attribution `id` opens here.
    Open(u32),
    /// The attribution `id` (braces included) spans `at..end`.
    Attribution(u32, usize),
}

/// The comments of a negotiating document being written.
#[derive(Debug, Default)]
pub(super) struct Comments {
    mode: Attributions,
    xml: String,
    next: u32,
}

impl Comments {
    pub(super) fn new(mode: Attributions) -> Self {
        Comments {
            mode,
            ..Comments::default()
        }
    }

    /// Whether any comment was written (the package then has a comments part).
    pub(super) fn any(&self) -> bool {
        self.next > 0
    }

    /// `runs` (the text of one paragraph, cut into runs) with its attributions as the mode
    /// says: unchanged inline, else cut out, and as comments anchored on their brackets.
    pub(super) fn weave(&mut self, runs: Vec<Run>) -> Vec<Run> {
        if self.mode == Attributions::Inline {
            return runs;
        }
        let text: String = runs
            .iter()
            .filter_map(|r| match r {
                Run::Text(t, ..) => Some(t.as_str()),
                _ => None,
            })
            .collect();
        let mut cuts: Vec<(usize, Cut)> = Vec::new();
        for found in braced_attributions(&text) {
            let (open, at, end) = (found.open, found.braces.start, found.braces.end);
            let content = text.get(at + 1..end - 1).unwrap_or_default();
            let id = self.next;
            if self.mode == Attributions::Comments {
                self.comment(id, content);
                self.next += 1;
                // An attribution after an unmatched bracket is anchored on that bracket.
                cuts.push((open.unwrap_or(at.saturating_sub(1)), Cut::Open(id)));
            }
            cuts.push((at, Cut::Attribution(id, end)));
        }
        cuts.sort_by_key(|(at, _)| *at);
        self.cut(runs, &cuts)
    }

    fn comment(&mut self, id: u32, text: &str) {
        self.xml.push_str(&format!(
            r#"<w:comment w:id="{id}" w:author="{COMMENT_AUTHOR}" w:initials="R"><w:p><w:r><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:comment>"#,
            escape(text)
        ));
    }

    fn cut(&self, runs: Vec<Run>, cuts: &[(usize, Cut)]) -> Vec<Run> {
        let comments = self.mode == Attributions::Comments;
        let mut out = Vec::new();
        let (mut pos, mut next, mut skip_to) = (0usize, 0usize, 0usize);
        for run in runs {
            let Run::Text(t, italic, mark) = run else {
                out.push(run);
                continue;
            };
            let base = pos;
            pos += t.len();
            let mut local = skip_to.saturating_sub(base).min(t.len());
            let piece = |from: usize, to: usize, out: &mut Vec<Run>| {
                if let Some(s) = t.get(from..to).filter(|s| !s.is_empty()) {
                    out.push(Run::Text(s.to_string(), italic, mark));
                }
            };
            while let Some((at, cut)) = cuts.get(next).filter(|(at, _)| *at < pos) {
                let at = (*at).max(base + local);
                piece(local, at - base, &mut out);
                local = at - base;
                match *cut {
                    Cut::Open(id) if comments => out.push(Run::CommentStart(id)),
                    Cut::Open(_) => {}
                    Cut::Attribution(id, end) => {
                        if comments {
                            out.push(Run::CommentEnd(id));
                        }
                        skip_to = end;
                        local = (end - base).min(t.len());
                    }
                }
                next += 1;
            }
            piece(local, t.len(), &mut out);
        }
        out
    }

    /// `word/comments.xml`.
    pub(super) fn part(&self) -> String {
        format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:comments xmlns:w="{}">{}</w:comments>"#,
            super::write_parts::W,
            self.xml
        )
    }
}

/// `docProps/custom.xml` holding the stage.
pub(super) fn custom_part(stage: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="2" name="{STAGE_PROPERTY}"><vt:lpwstr>{}</vt:lpwstr></property></Properties>"#,
        escape(stage)
    )
}

/// The visible line of the page header: what kind of text this is.
pub(super) fn header_line(stage: &str) -> String {
    format!("Negotiating text ({stage}): not agreed unless marked")
}

/// `word/header1.xml`: the stage on every page, right-aligned.
pub(super) fn header_part(stage: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:hdr xmlns:w="{}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{}</w:t></w:r></w:p></w:hdr>"#,
        super::write_parts::W,
        escape(header_line(stage))
    )
}

/// The stage in `docProps/custom.xml`, if the document has one.
pub(super) fn read_stage(xml: &str) -> Result<Option<String>, ConvertError> {
    let mut in_stage = false;
    let mut stage = None;
    walk(xml, |node| match node {
        Node::Open(e) if e.name == "property" => {
            in_stage = e.attr("name") == Some(STAGE_PROPERTY);
        }
        Node::Close("property") => in_stage = false,
        Node::Text(t) if in_stage && !t.trim().is_empty() => {
            stage = Some(t.trim().to_string());
        }
        _ => {}
    })?;
    Ok(stage)
}

/// A comment of `word/comments.xml`: author and text (paragraphs joined by spaces).
pub(super) type Comment = (String, String);

/// The comments of `word/comments.xml` by id.
pub(super) fn read_comments(xml: &str) -> Result<HashMap<String, Comment>, ConvertError> {
    let mut comments = HashMap::new();
    let mut current: Option<(String, String, String)> = None;
    let mut in_text = false;
    walk(xml, |node| match node {
        Node::Open(e) => match e.name.as_str() {
            "comment" => {
                current = e.attr("id").map(|id| {
                    let author = e.attr("author").unwrap_or_default().to_string();
                    (id.to_string(), author, String::new())
                });
            }
            "t" => in_text = true,
            "p" | "tab" | "br" => {
                if let Some((_, _, text)) = current.as_mut() {
                    text.push(' ');
                }
            }
            _ => {}
        },
        Node::Close("t") => in_text = false,
        Node::Close("comment") => {
            if let Some((id, author, text)) = current.take() {
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                comments.insert(id, (author, text));
            }
        }
        Node::Text(t) if in_text => {
            if let Some((_, _, text)) = current.as_mut() {
                text.push_str(t);
            }
        }
        _ => {}
    })?;
    Ok(comments)
}

/// What a comment becomes in the text of a negotiating document: after a bracket, a
/// comment that reads as an attribution is the attribution `{…}`; any other comment is kept
/// as a note after the text it was on, `{Comment (author): text}`, with braces in it written
/// as parentheses so that the note stays one brace group.
pub(super) fn comment_text(before: &str, (author, text): &Comment) -> String {
    let clean: String = text
        .chars()
        .map(|c| match c {
            '{' => '(',
            '}' => ')',
            c => c,
        })
        .collect();
    if before.ends_with(']') && Attribution::parse_braced(&clean).is_some() {
        return format!("{{{clean}}}");
    }
    let who = if author.trim().is_empty() {
        String::new()
    } else {
        format!(" ({})", author.replace(['{', '}'], ""))
    };
    if clean.trim().is_empty() {
        return String::new();
    }
    format!(" {{Comment{who}: {clean}}}")
}

/// A paragraph of a negotiating document that starts with an inserted-paragraph label as
/// its typed number (`5 bis` then a tab) written as the draft format writes it (`{5 bis} `).
pub(super) fn label_in_braces(text: &str) -> Option<String> {
    let (first, rest) = text.split_once('\t')?;
    let label = first.trim();
    let is_number = label.bytes().all(|b| b.is_ascii_digit());
    if is_number || !resolute_draft::negotiation::is_label(label) {
        return None;
    }
    Some(format!("{{{label}}} {}", rest.trim_start()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributions_are_found_after_brackets_with_their_opening() {
        let text = "to [act [now]{US}]{retain: EU} {Note: x} [y]{Note: z} stray]{G77}";
        let found = braced_attributions(text);
        let spans: Vec<(Option<usize>, &str)> = found
            .iter()
            .map(|f| (f.open, &text[f.braces.start + 1..f.braces.end - 1]))
            .collect();
        assert_eq!(
            spans,
            vec![(Some(8), "US"), (Some(3), "retain: EU"), (None, "G77")]
        );
    }

    #[test]
    fn labels_come_back_in_braces_and_numbers_do_not() {
        assert_eq!(
            label_in_braces("5 bis\tRequests").as_deref(),
            Some("{5 bis} Requests")
        );
        assert_eq!(label_in_braces("5.\tRequests"), None);
        assert_eq!(label_in_braces("(a)\tTo act"), None);
        assert_eq!(label_in_braces("Recalling\tit"), None);
    }

    #[test]
    fn foreign_comments_become_notes() {
        let c = ("Jane".to_string(), "check {this}".to_string());
        assert_eq!(comment_text("text", &c), " {Comment (Jane): check (this)}");
        let a = ("Resolute".to_string(), "US; delete: G77".to_string());
        assert_eq!(comment_text("[x]", &a), "{US; delete: G77}");
        assert_eq!(
            comment_text("x", &a),
            " {Comment (Resolute): US; delete: G77}"
        );
    }

    #[test]
    fn a_negotiating_draft_reads_back_with_its_stage_labels_and_attributions() {
        let md = "---\nstage: rev 1\n---\n\n*The General Assembly*,\n\n\
                  {PP1 bis} *Noting* [the [x]{US}]{EU; delete: G77},\n\n\
                  1. {agreed ad ref} *Decides* [shall][should]{EU};\n";
        let draft = resolute_draft::parse_markdown(md).unwrap_or_default();
        for mode in [Attributions::Inline, Attributions::Comments] {
            let bytes = super::super::write_with(&draft, mode).unwrap_or_default();
            let doc = crate::read(&bytes, "x.docx").unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(doc.meta.stage.as_deref(), Some("rev 1"));
            for line in [
                "{PP1 bis} Noting [the [x]{US}]{EU; delete: G77},",
                "1.\t{agreed ad ref} Decides [shall][should]{EU};",
            ] {
                assert!(doc.text.contains(line), "{mode:?}: {line}\n{}", doc.text);
            }
        }
        let bytes = super::super::write_with(&draft, Attributions::None).unwrap_or_default();
        let doc = crate::read(&bytes, "x.docx").unwrap_or_else(|e| panic!("{e}"));
        assert!(
            doc.text.contains("{PP1 bis} Noting [the [x]],"),
            "{}",
            doc.text
        );
    }
}
