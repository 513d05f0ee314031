//! Rules of a negotiating text (docs/cli.md, "negotiation/…"): brackets that do not balance,
//! empty brackets, a paragraph agreed ad ref that still holds brackets, placeholders left to
//! fill, alternatives without attribution in a text that attributes its proposals.

use resolute_draft::negotiation::{self, Annotation, BracketKind, Negotiation, Status};
use resolute_draft::{Draft, Span};

use crate::diagnostic::{Diagnostic, Severity};

/// Runs the negotiation rules when the draft is a negotiating text (its front matter names a
/// stage); nothing otherwise.
pub fn check_negotiation(src: &str, draft: &Draft) -> Vec<Diagnostic> {
    if !negotiation::is_on(draft) {
        return Vec::new();
    }
    let n = negotiation::analyze(src, draft);
    let mut out = Vec::new();
    unbalanced(&n, &mut out);
    empty_and_placeholders(src, &n, &mut out);
    agreed_but_open(&n, &mut out);
    unattributed(&n, &mut out);
    out
}

fn unbalanced(n: &Negotiation, out: &mut Vec<Diagnostic>) {
    for u in &n.unmatched {
        let message = match u.ch {
            '[' => "'[' is never closed: its bracket has no ']'",
            ']' => "']' closes no bracket: there is no '[' before it",
            '{' => "'{' is never closed: a note, label or attribution needs its '}'",
            _ => "'}' closes no '{'",
        };
        out.push(Diagnostic::new(
            "negotiation/unbalanced",
            Severity::Error,
            Span::new(u.at, u.at + 1),
            message.to_string(),
        ));
    }
}

fn empty_and_placeholders(src: &str, n: &Negotiation, out: &mut Vec<Diagnostic>) {
    for b in &n.brackets {
        match b.kind {
            BracketKind::Empty => out.push(
                Diagnostic::new(
                    "negotiation/empty",
                    Severity::Warning,
                    b.span,
                    "empty brackets: nothing is proposed here".to_string(),
                )
                .with_fix(""),
            ),
            BracketKind::Placeholder => out.push(Diagnostic::new(
                "negotiation/placeholder",
                Severity::Warning,
                b.span,
                format!(
                    "placeholder {} is still to be filled in",
                    src.get(b.span.range()).unwrap_or("")
                ),
            )),
            _ => {}
        }
    }
}

fn agreed_but_open(n: &Negotiation, out: &mut Vec<Diagnostic>) {
    for (k, p) in n.paragraphs.iter().enumerate() {
        if p.status != Some(Status::AgreedAdRef) {
            continue;
        }
        let open = n
            .brackets
            .iter()
            .filter(|b| b.paragraph == Some(k) && b.kind != BracketKind::Status)
            .count();
        if open == 0 {
            continue;
        }
        let marker = n.annotations.iter().find_map(|a| match a {
            Annotation::Status { span, .. } if p.span.contains(*span) => Some(*span),
            _ => None,
        });
        let at = marker.unwrap_or(Span::new(p.span.start, p.span.start));
        let s = if open == 1 { "" } else { "s" };
        out.push(Diagnostic::new(
            "negotiation/agreed-open",
            Severity::Error,
            at,
            format!(
                "{} is marked agreed ad ref but still holds {open} bracket{s}",
                p.label
            ),
        ));
    }
}

fn unattributed(n: &Negotiation, out: &mut Vec<Diagnostic>) {
    if n.totals.attributed == 0 {
        return;
    }
    for group in &n.groups {
        for &k in group {
            let b = &n.brackets[k];
            if b.attribution.is_none() {
                out.push(Diagnostic::new(
                    "negotiation/unattributed",
                    Severity::Info,
                    b.span,
                    "an alternative without attribution, in a text that attributes proposals: \
                     who proposed it? (write {DELEGATION} after the bracket)"
                        .to_string(),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use resolute_draft::parse_markdown;

    fn rules(body: &str) -> Vec<(&'static str, String)> {
        let src = format!("---\nstage: informals\n---\n\n{body}");
        let d = parse_markdown(&src).unwrap();
        check_negotiation(&src, &d)
            .into_iter()
            .map(|d| (d.rule, src[d.span.range()].to_string()))
            .collect()
    }

    #[test]
    fn each_rule_at_its_place() {
        assert_eq!(
            rules("1. {agreed ad ref} *Decides* [to act] [] by [X] date]\n"),
            [
                ("negotiation/unbalanced", "]".to_string()),
                ("negotiation/empty", "[]".to_string()),
                ("negotiation/placeholder", "[X]".to_string()),
                ("negotiation/agreed-open", "{agreed ad ref}".to_string()),
            ]
        );
        assert_eq!(
            rules("1. *Decides* [to act]{US} [to wait] and [now]{EU}.\n"),
            [("negotiation/unattributed", "[to wait]".to_string())]
        );
    }

    #[test]
    fn adopted_texts_are_not_checked() {
        let src = "1. *Decides* [to act] [] [X].\n";
        let d = parse_markdown(src).unwrap();
        assert!(check_negotiation(src, &d).is_empty());
    }
}

#[cfg(test)]
mod structure_while_negotiating {
    use resolute_draft::parse_markdown;

    fn rules(src: &str) -> Vec<(&'static str, String)> {
        let d = parse_markdown(src).unwrap();
        crate::check(src, &d, None)
            .into_iter()
            .filter(|d| d.rule.starts_with("structure/"))
            .map(|d| {
                (
                    d.rule,
                    src[d.span.start.saturating_sub(1)..d.span.end].to_string(),
                )
            })
            .collect()
    }

    #[test]
    fn frozen_numbers_and_bracketed_ends_wait_but_a_missing_mark_does_not() {
        let body = "*The General Assembly*,\n\n*Recalling* [its resolution 1]\n\n\
                    3. *Decides* to act;\n\n5. *Requests* a report\n";
        let round = format!("---\nstage: informals\n---\n\n{body}");
        // Negotiating: no numbering finding, no finding on "]"; "report" still lacks its ".".
        assert_eq!(
            rules(&round),
            [("structure/operative-end", "t".to_string())]
        );
        // The same text adopted-style: numbering and the bracket end are judged too.
        let adopted: Vec<&str> = rules(body).iter().map(|r| r.0).collect();
        assert!(adopted.contains(&"structure/numbering"), "{adopted:?}");
        assert!(adopted.contains(&"structure/preamble-end"), "{adopted:?}");
    }
}
