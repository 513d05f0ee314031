//! Where footnote marks stand in a paragraph's plain text. The model keeps a paragraph's
//! text without marks and its Markdown source with `[^label]` where each mark stands; the
//! writers need the place in the plain text, so that a note is referred to after the words
//! it annotates (a paragraph citing four instruments has four marks, not one run of "1234"
//! at its end, which no reader could take apart again).

/// Byte offsets in `text` of the footnote references of `markdown`, with their labels, in
/// order. When the Markdown does not reduce to `text` (a source with markup this reading
/// does not know), every reference is placed at the end of the text, in `refs` order.
pub fn note_offsets(text: &str, markdown: &str, refs: &[String]) -> Vec<(usize, String)> {
    let at_end = || refs.iter().map(|l| (text.len(), l.clone())).collect();
    if markdown.is_empty() || refs.is_empty() {
        return at_end();
    }
    let (plain, found) = reduce(markdown);
    let labels: Vec<&String> = found.iter().map(|(_, l)| l).collect();
    let same_refs = labels.len() == refs.len() && labels.iter().zip(refs).all(|(a, b)| *a == b);
    if plain != text || !same_refs {
        return at_end();
    }
    found
}

/// The plain text of inline Markdown (escapes resolved, emphasis markers dropped,
/// whitespace collapsed) and the offset in it of every `[^label]`.
fn reduce(markdown: &str) -> (String, Vec<(usize, String)>) {
    let mut plain = String::with_capacity(markdown.len());
    let mut refs = Vec::new();
    let mut chars = markdown.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '\\' => {
                if let Some((_, next)) = chars.next() {
                    plain.push(next);
                }
            }
            '*' | '_' => {}
            '[' if markdown.get(i..).is_some_and(|r| r.starts_with("[^")) => {
                let rest = markdown.get(i + 2..).unwrap_or("");
                let Some(close) = rest.find(']') else {
                    plain.push(c);
                    continue;
                };
                refs.push((plain.trim_end().len(), rest[..close].to_string()));
                // Skip the label and its bracket.
                while chars.peek().is_some_and(|(j, _)| *j <= i + 2 + close) {
                    chars.next();
                }
            }
            c if c.is_whitespace() => {
                if !plain.is_empty() && !plain.ends_with(' ') {
                    plain.push(' ');
                }
            }
            c => plain.push(c),
        }
    }
    let trimmed = plain.trim_end().len();
    plain.truncate(trimmed);
    for r in &mut refs {
        r.0 = r.0.min(trimmed);
    }
    (plain, refs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refs(labels: &[&str]) -> Vec<String> {
        labels.iter().map(|l| l.to_string()).collect()
    }

    #[test]
    fn marks_stand_after_the_words_they_annotate() {
        let text = "Recalling the Covenants, the Declaration and the Charter,";
        let md = "*Recalling* the Covenants,[^1] the Declaration[^2] and the Charter,[^3]";
        let at = note_offsets(text, md, &refs(&["1", "2", "3"]));
        let places: Vec<&str> = at.iter().map(|(o, _)| &text[..*o]).collect();
        assert_eq!(
            places,
            [
                "Recalling the Covenants,",
                "Recalling the Covenants, the Declaration",
                text
            ]
        );
    }

    #[test]
    fn escapes_are_plain_text() {
        let text = "Notes *this* text, and more";
        let md = "*Notes* \\*this\\* text,[^a] and more";
        assert_eq!(
            note_offsets(text, md, &refs(&["a"])),
            [(18, "a".to_string())]
        );
    }

    #[test]
    fn markdown_that_does_not_match_puts_marks_at_the_end() {
        let text = "Recalling the Charter,";
        let at = note_offsets(text, "[link](x) the Charter,[^1]", &refs(&["1"]));
        assert_eq!(at, [(text.len(), "1".to_string())]);
        assert_eq!(note_offsets(text, "", &refs(&["1"])), at);
    }
}
