//! The search syntax: words (stemmed, all required), "exact phrases" (unstemmed), `OR`
//! between two items (either), `-item` or `NOT item` (excluded). Never fails: anything
//! unrecognised is read as words.

/// One item of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Item {
    /// A bare word, matched after stemming ("concerns" finds "concerned").
    Word(String),
    /// Words in quotes, matched exactly and in order ("deeply concerned").
    Phrase(String),
}

/// How a group of items takes part in the query.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// At least one item of the group must match.
    Required,
    /// No item of the group may match.
    Excluded,
}

/// A parsed query: groups of alternatives, each required or excluded.
pub(crate) type Parsed = Vec<(Role, Vec<Item>)>;

/// Parses the query syntax.
pub(crate) fn parse(query: &str) -> Parsed {
    let mut out: Parsed = Vec::new();
    let mut join_next = false;
    let mut negate_next = false;
    for (raw, quoted) in lex(query) {
        if !quoted && raw == "OR" {
            join_next = !out.is_empty();
            continue;
        }
        if !quoted && raw == "NOT" {
            negate_next = true;
            continue;
        }
        let (negated, text) = match raw.strip_prefix('-') {
            Some(rest) if !quoted && !rest.is_empty() => (true, rest.to_string()),
            _ => (false, raw.trim_start_matches('+').to_string()),
        };
        let item = if quoted {
            Item::Phrase(raw)
        } else {
            Item::Word(text)
        };
        let role = if negated || negate_next {
            Role::Excluded
        } else {
            Role::Required
        };
        negate_next = false;
        match out.last_mut() {
            Some((Role::Required, group)) if join_next && role == Role::Required => {
                group.push(item)
            }
            _ => out.push((role, vec![item])),
        }
        join_next = false;
    }
    out
}

/// Splits into whitespace-separated words and "quoted phrases" (an unclosed quote runs to
/// the end). The flag tells a phrase.
fn lex(query: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    let mut rest = query;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        if let Some(after) = rest.strip_prefix(['"', '\u{201c}', '\u{201d}']) {
            let end = after
                .find(['"', '\u{201c}', '\u{201d}'])
                .unwrap_or(after.len());
            let phrase = after[..end].trim();
            if !phrase.is_empty() {
                out.push((phrase.to_string(), true));
            }
            rest = &after[end..];
            rest = rest
                .strip_prefix(['"', '\u{201c}', '\u{201d}'])
                .unwrap_or(rest);
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            out.push((rest[..end].to_string(), false));
            rest = &rest[end..];
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Item {
        Item::Word(s.into())
    }

    #[test]
    fn words_phrases_or_and_not() {
        let parsed = parse(r#""deeply concerned" refugees OR migrants -Syria NOT trade"#);
        assert_eq!(
            parsed,
            vec![
                (
                    Role::Required,
                    vec![Item::Phrase("deeply concerned".into())]
                ),
                (Role::Required, vec![w("refugees"), w("migrants")]),
                (Role::Excluded, vec![w("Syria")]),
                (Role::Excluded, vec![w("trade")]),
            ]
        );
    }

    #[test]
    fn odd_input_never_fails() {
        assert_eq!(
            parse("\"unclosed phrase"),
            vec![(Role::Required, vec![Item::Phrase("unclosed phrase".into())])]
        );
        assert!(parse("   ").is_empty());
        assert!(parse("\"\"").is_empty());
        assert_eq!(
            parse("OR - x"),
            vec![
                (Role::Required, vec![w("-")]),
                (Role::Required, vec![w("x")])
            ]
        );
        assert_eq!(
            parse("“curly quotes”"),
            vec![(Role::Required, vec![Item::Phrase("curly quotes".into())])]
        );
    }
}
