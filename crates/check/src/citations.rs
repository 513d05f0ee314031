//! Citation rules: every resolution cited is verified against the [`Register`].
//!
//! - `citation/unknown`: the register does not know the resolution (info: the drafter's
//!   library may simply not have it), or the number cannot exist (error: session or number 0,
//!   a Security Council year before 1946 or after the latest adoption the register knows).
//! - `citation/date`: the adoption date given is not the register's (error; the fix is the
//!   right date).
//! - `citation/letter`: a resolution adopted in lettered parts (68/247 A, 68/247 B) cited
//!   without its letter (error; the fix is the letter when the date given picks one part).
//! - `citation/pinpoint`: "paragraph 12 of resolution 61/208" when 61/208 has fewer
//!   operative paragraphs (error).
//! - `citation/title`: "resolution 70/1, entitled “…”" where the quoted title is not the
//!   resolution's (warning: titles are sometimes quoted in part).

use resolute_cite::{Citation, Context, Kind as CiteKind, PinKind};
use resolute_draft::{Body, Draft, Span};

use crate::diagnostic::{Diagnostic, Severity};
use crate::register::{Register, Resolution};

use resolute_draft::dates::written_date;

/// Verifies the citations of every paragraph against the register.
pub fn check_citations(src: &str, draft: &Draft, register: &dyn Register) -> Vec<Diagnostic> {
    let body = draft
        .meta
        .body
        .or(draft.enacting.as_ref().and_then(|e| e.body));
    let context = Context { body };
    let mut out = Vec::new();
    for p in draft.paragraphs() {
        let Some(text) = src.get(p.span.range()) else {
            continue;
        };
        for c in resolute_cite::extract_with(text, context) {
            verify(text, p.span.start, &c, register, &mut out);
        }
    }
    out
}

fn shift(span: Span, base: usize) -> Span {
    Span::new(span.start + base, span.end + base)
}

fn verify(text: &str, base: usize, c: &Citation, reg: &dyn Register, out: &mut Vec<Diagnostic>) {
    if c.kind != CiteKind::Resolution {
        return;
    }
    let Some(symbol) = c.normalized.as_deref() else {
        return;
    };
    let here = shift(c.span, base);
    if let Some(reason) = impossible(c) {
        let message = format!(
            "resolution {} cannot exist: {reason}",
            &text[c.span.range()]
        );
        out.push(Diagnostic::new(
            "citation/unknown",
            Severity::Error,
            here,
            message,
        ));
        return;
    }
    match reg.resolution(symbol) {
        Some(known) => {
            date(c, base, &known, out);
            pinpoints(text, base, c, &known, out);
            title(text, base, c, &known, out);
        }
        None => missing(text, base, c, symbol, reg, out),
    }
}

/// Why a cited number cannot be a real resolution, if it cannot.
fn impossible(c: &Citation) -> Option<&'static str> {
    let n = c.number.as_ref()?;
    if n.number == 0 {
        return Some("resolutions are numbered from 1");
    }
    if n.session == Some(0) {
        return Some("sessions are numbered from 1");
    }
    match (c.body, n.year) {
        (Some(Body::SecurityCouncil), Some(y)) if y < 1946 => {
            Some("the Security Council first met in 1946")
        }
        _ => None,
    }
}

fn missing(
    text: &str,
    base: usize,
    c: &Citation,
    symbol: &str,
    reg: &dyn Register,
    out: &mut Vec<Diagnostic>,
) {
    let here = shift(c.span, base);
    let written = &text[c.span.range()];
    let parts = reg.lettered(symbol);
    if parts.is_empty() {
        let message = format!("resolution {written} is not in the library; it cannot be verified");
        out.push(Diagnostic::new(
            "citation/unknown",
            Severity::Info,
            here,
            message,
        ));
        return;
    }
    let letters: Vec<String> = parts.iter().map(|p| letter_of(p).to_string()).collect();
    let message = format!(
        "resolution {written} was adopted in parts ({}); cite the part meant, e.g. \"{written} {}\"",
        letters.join(", "),
        letters.first().map_or("A", String::as_str),
    );
    let mut d = Diagnostic::new("citation/letter", Severity::Error, here, message);
    if let Some(dated) = c.date {
        let wanted = dated.date.to_string();
        let matching: Vec<&String> = parts
            .iter()
            .filter(|p| reg.resolution(p).and_then(|r| r.adopted).as_deref() == Some(&wanted))
            .collect();
        if let [only] = matching.as_slice() {
            d = d.with_fix(format!("{written} {}", letter_of(only)));
        }
    }
    out.push(d);
}

fn letter_of(symbol: &str) -> &str {
    symbol.rsplit(' ').next().unwrap_or("")
}

fn date(c: &Citation, base: usize, known: &Resolution, out: &mut Vec<Diagnostic>) {
    let (Some(dated), Some(adopted)) = (c.date, known.adopted.as_deref()) else {
        return;
    };
    if dated.date.to_string() == adopted {
        return;
    }
    let Some(right) = written_date(adopted) else {
        return;
    };
    // Metadata often records a distribution or record date instead of the adoption date,
    // so only a date read from the resolution's own text makes a wrong date an error.
    let (severity, message) = if known.adopted_from_text {
        let conflict = known
            .adopted_otherwise
            .as_deref()
            .and_then(written_date)
            .map(|other| format!(" (its own text; the library's metadata says {other})"))
            .unwrap_or_default();
        (
            Severity::Error,
            format!(
                "resolution {} was adopted on {right}{conflict}",
                known.symbol
            ),
        )
    } else {
        let m = format!(
            "the library's metadata dates resolution {} {right}",
            known.symbol
        );
        (Severity::Warning, m)
    };
    out.push(
        Diagnostic::new("citation/date", severity, shift(dated.span, base), message)
            .with_fix(right),
    );
}

fn pinpoints(text: &str, base: usize, c: &Citation, known: &Resolution, out: &mut Vec<Diagnostic>) {
    let Some(count) = known.operative_paragraphs else {
        return;
    };
    // Paragraphs of a section or an annex are numbered on their own: only top-level
    // paragraph pinpoints can be compared with the operative count.
    if c.pinpoints
        .iter()
        .any(|p| matches!(p.kind, PinKind::Section | PinKind::Annex))
    {
        return;
    }
    for pin in c.pinpoints.iter().filter(|p| p.kind == PinKind::Paragraph) {
        let Ok(n) = pin.label.parse::<u32>() else {
            continue;
        };
        if n > count {
            let message = format!(
                "resolution {} has {count} operative paragraphs; there is no paragraph {n}",
                &text[c.span.range()]
            );
            out.push(Diagnostic::new(
                "citation/pinpoint",
                Severity::Error,
                shift(pin.span, base),
                message,
            ));
        }
    }
}

fn title(text: &str, base: usize, c: &Citation, known: &Resolution, out: &mut Vec<Diagnostic>) {
    let Some(expected) = known.title.as_deref() else {
        return;
    };
    let Some((span, quoted)) = entitled(text, c.extent().end) else {
        return;
    };
    if same_title(quoted, expected) {
        return;
    }
    let message = format!("resolution {} is entitled “{expected}”", known.symbol);
    out.push(
        Diagnostic::new(
            "citation/title",
            Severity::Warning,
            shift(span, base),
            message,
        )
        .with_fix(expected.to_string()),
    );
}

/// The quoted title right after a citation: `, entitled “…”` (curly or straight quotes).
fn entitled(text: &str, from: usize) -> Option<(Span, &str)> {
    let rest = text.get(from..)?;
    let after = rest.trim_start_matches([',', ' ', '\u{a0}', '\n']);
    let after = after.strip_prefix("entitled")?.trim_start();
    let (open, close) = match after.chars().next()? {
        '“' => ('“', '”'),
        '"' => ('"', '"'),
        _ => return None,
    };
    let inner_start = text.len() - after.len() + open.len_utf8();
    let inner_len = text[inner_start..].find(close)?;
    let quoted = &text[inner_start..inner_start + inner_len];
    Some((Span::new(inner_start, inner_start + inner_len), quoted))
}

/// Titles are compared on their letters and digits only, case-insensitively; a quotation
/// of the title's opening part (the text before a colon) also counts.
fn same_title(quoted: &str, title: &str) -> bool {
    let key = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let (q, t) = (key(quoted), key(title));
    !q.is_empty() && (q == t || t.starts_with(&q) && title.contains(':'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::MemoryRegister;
    use resolute_draft::{Kind, Paragraph};

    fn register() -> MemoryRegister {
        let mut reg = MemoryRegister::new();
        let csv = "symbol,body,adoption_date,title\n\
            A/RES/61/208,GA,2006-12-20,International migration and development\n\
            A/RES/68/247 A,GA,2013-12-27,Questions relating to the budget\n\
            A/RES/68/247 B,GA,2014-04-09,Questions relating to the budget\n\
            A/RES/70/1,GA,2015-09-25,Transforming our world: the 2030 Agenda for Sustainable Development\n";
        reg.load_csv(csv).unwrap();
        let mut r = reg.resolution("A/RES/61/208").unwrap();
        r.operative_paragraphs = Some(12);
        r.adopted_from_text = true;
        reg.insert(r);
        reg
    }

    fn run(text: &str) -> Vec<(&'static str, Severity, String, Option<String>)> {
        let p = Paragraph::plain(Kind::Preambular, None, text, Span::new(0, text.len()));
        let mut d = Draft {
            preamble: vec![p],
            ..Draft::default()
        };
        d.meta.body = Some(Body::GeneralAssembly);
        check_citations(text, &d, &register())
            .into_iter()
            .map(|x| {
                (
                    x.rule,
                    x.severity,
                    text[x.span.range()].to_string(),
                    x.fix.map(|f| f.replacement),
                )
            })
            .collect()
    }

    #[test]
    fn a_right_citation_passes() {
        assert!(run("Recalling its resolution 61/208 of 20 December 2006,").is_empty());
    }

    #[test]
    fn a_wrong_date_is_an_error_with_the_right_date_as_fix() {
        let found = run("Recalling its resolution 61/208 of 21 December 2006,");
        assert_eq!(
            found,
            [(
                "citation/date",
                Severity::Error,
                "21 December 2006".into(),
                Some("20 December 2006".into())
            )]
        );
    }

    #[test]
    fn conflicting_sources_are_named_in_the_finding() {
        let mut reg = register();
        let mut r = reg.resolution("A/RES/61/208").unwrap();
        r.adopted_otherwise = Some("2006-12-22".into());
        reg.insert(r);
        let text = "Recalling its resolution 61/208 of 21 December 2006,";
        let p = Paragraph::plain(Kind::Preambular, None, text, Span::new(0, text.len()));
        let mut d = Draft {
            preamble: vec![p],
            ..Draft::default()
        };
        d.meta.body = Some(Body::GeneralAssembly);
        let found = check_citations(text, &d, &reg);
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].message,
            "resolution A/RES/61/208 was adopted on 20 December 2006 (its own text; the \
             library's metadata says 22 December 2006)"
        );
    }

    #[test]
    fn a_date_known_only_from_metadata_is_a_warning() {
        let found = run("Reaffirming its resolution 70/1 of 26 September 2015,");
        assert_eq!(found[0].0, "citation/date");
        assert_eq!(found[0].1, Severity::Warning);
        assert_eq!(found[0].3.as_deref(), Some("25 September 2015"));
    }

    #[test]
    fn an_unknown_resolution_is_information_only() {
        let found = run("Recalling its resolution 55/2 of 8 September 2000,");
        assert_eq!(found[0].0, "citation/unknown");
        assert_eq!(found[0].1, Severity::Info);
    }

    #[test]
    fn a_lettered_resolution_without_its_letter_is_fixed_from_the_date() {
        let found = run("Recalling section I of its resolution 68/247 of 9 April 2014,");
        assert_eq!(found[0].0, "citation/letter");
        assert_eq!(found[0].2, "68/247");
        assert_eq!(found[0].3.as_deref(), Some("68/247 B"));
    }

    #[test]
    fn a_pinpoint_past_the_last_paragraph_is_an_error() {
        let found = run("Recalling paragraph 14 of its resolution 61/208 of 20 December 2006,");
        assert_eq!(
            found,
            [("citation/pinpoint", Severity::Error, "14".into(), None)]
        );
        assert!(run("Recalling paragraph 12 of its resolution 61/208,").is_empty());
    }

    #[test]
    fn a_misquoted_title_is_flagged_and_a_quoted_main_title_is_not() {
        let found = run("Reaffirming its resolution 70/1, entitled “Transforming our planet”,");
        assert_eq!(found[0].0, "citation/title");
        assert_eq!(found[0].2, "Transforming our planet");
        assert!(run(
            "Reaffirming its resolution 70/1 of 25 September 2015, entitled \
            “Transforming our world: the 2030 Agenda for Sustainable Development”,"
        )
        .is_empty());
        assert!(
            run("Reaffirming its resolution 70/1, entitled “Transforming our world”,").is_empty()
        );
    }

    #[test]
    fn a_number_that_cannot_exist_is_an_error() {
        let found = run("Recalling its resolution 61/0,");
        assert_eq!(found[0].0, "citation/unknown");
        assert_eq!(found[0].1, Severity::Error);
    }
}
