//! Finding things in the source behind a paragraph: where its own text ends (before its
//! subparagraphs and trailing footnote marks).

use resolute_draft::{Paragraph, Span};

/// The source span of a paragraph's own text: from its start to its first subparagraph. A
/// page break between them leaves the next page's running head in that stretch of a PDF
/// extraction ("… of the General Assembly:" then "A/RES/78/182", the running title, "8/12"):
/// the span then ends after the last occurrence of the text's last word.
pub fn own_span(src: &str, p: &Paragraph) -> Span {
    let Some(first) = p.sub.first() else {
        return p.span;
    };
    let span = Span::new(p.span.start, first.span.start.max(p.span.start));
    let last_word = p.text.split_whitespace().next_back();
    let found = last_word.and_then(|w| Some((w, src.get(span.range())?.rfind(w)?)));
    found.map_or(span, |(w, at)| {
        Span::new(span.start, span.start + at + w.len())
    })
}

/// The span of the last meaningful character in `src[span]`: trailing whitespace, Markdown
/// emphasis closers and footnote marks (`[^1]`, or digits glued after punctuation as in text
/// extracted from a PDF: "2006,1") are skipped. `None` when the span holds no such character.
pub fn last_char(src: &str, span: Span) -> Option<Span> {
    let text = src.get(span.range())?;
    let mut end = text.len();
    loop {
        let trimmed = text[..end].trim_end_matches(|c: char| c.is_whitespace() || c == '*');
        end = trimmed.len();
        if let Some(cut) = resolute_draft::marks::trailing_mark(trimmed) {
            end = cut;
            continue;
        }
        break;
    }
    let body = &text[..end];
    let body = strip_conjunction(body).unwrap_or(body);
    let body = strip_closing_quote(body).unwrap_or(body);
    let (i, c) = body.char_indices().next_back()?;
    Some(Span::new(span.start + i, span.start + i + c.len_utf8()))
}

/// "…; and" / "…; or" ending the second-last item of a list: the punctuation before the
/// conjunction is the item's end.
fn strip_conjunction(text: &str) -> Option<&str> {
    let rest = text
        .strip_suffix(" and")
        .or_else(|| text.strip_suffix(" or"))?;
    rest.ends_with([';', ',']).then_some(rest)
}

/// A closing quotation mark after the final punctuation (`entitled “… questions.”`): the
/// punctuation inside the quotation ends the paragraph.
fn strip_closing_quote(text: &str) -> Option<&str> {
    let rest = text.strip_suffix(['”', '"', '’'])?;
    rest.ends_with(['.', ';', ',', ':']).then_some(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn last(src: &str) -> &str {
        let s = last_char(src, Span::new(0, src.len())).unwrap();
        &src[s.range()]
    }

    #[test]
    fn skips_markdown_footnote_references_and_spaces() {
        assert_eq!(last("*Recalling* its resolution 61/208,[^1]  \n"), ",");
        assert_eq!(last("Recalling its resolution,[^1][^2]"), ",");
    }

    #[test]
    fn skips_pdf_footnote_digits_glued_to_punctuation() {
        assert_eq!(last("Colonial Countries and Peoples for 2023,1  \n"), ",");
        assert_eq!(last("of 14 December 2006;12"), ";");
    }

    #[test]
    fn a_conjunction_after_the_semicolon_ends_a_list_item() {
        assert_eq!(last("and the Peacebuilding Commission; and"), ";");
        assert_eq!(last("to other States; or\n"), ";");
        assert_eq!(last("Trinidad and"), "d");
    }

    #[test]
    fn punctuation_inside_a_closing_quotation_counts() {
        assert_eq!(last("entitled “Macroeconomic policy questions.”"), ".");
        assert_eq!(last("entitled “Transforming our world”"), "”");
    }

    #[test]
    fn skips_lists_of_glued_marks() {
        assert_eq!(last("the reports of the Secretary-General;7,8"), ";");
        assert_eq!(last("Administrative and Budgetary Questions;4, 8"), ";");
        assert_eq!(last("of 16 December 2020,16,17\n"), ",");
        assert_eq!(last("in the year 2006,1"), ",");
    }

    #[test]
    fn skips_old_style_footnote_marks() {
        assert_eq!(last("on Population and Development; 1/"), ";");
        assert_eq!(last("in the report;\u{a0}2/\n"), ";");
        assert_eq!(last("see resolution 45/2"), "2");
    }

    #[test]
    fn skips_a_mark_set_apart_by_pdf_extraction() {
        assert_eq!(
            last("human rights in the Islamic Republic of Iran, 4  \n"),
            ","
        );
        assert_eq!(last("in paragraph 4"), "4");
    }

    #[test]
    fn keeps_a_number_that_ends_the_text() {
        assert_eq!(last("in paragraph 12"), "2");
    }

    #[test]
    fn empty_span_has_no_last_character() {
        assert_eq!(last_char("  [^1]", Span::new(0, 6)), None);
        assert_eq!(last_char("abc", Span::new(2, 9)), None);
    }
}
