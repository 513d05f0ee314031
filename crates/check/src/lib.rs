//! Style rules and citation verification for UN resolutions.
//!
//! The checker reports [`Diagnostic`]s as data: the command line prints them, the editor
//! underlines them. Citation verification asks a [`Register`] ("does resolution 61/208 exist,
//! when was it adopted, how many operative paragraphs has it?"), so this crate never depends
//! on the full-text index; [`MemoryRegister`] is a simple in-memory implementation.
//!
//! ```
//! use resolute_check::{check, Severity};
//! use resolute_draft::parse_markdown;
//!
//! let src = "*The General Assembly*,\n\n*Recalling* its resolution 61/208;\n\n\
//!            1. *Decides* to act;\n\n2. *Requests* a report.\n";
//! let draft = parse_markdown(src)?;
//! let found = check(src, &draft, None);
//! assert_eq!(found[0].rule, "structure/preamble-end");
//! assert_eq!(found[0].severity, Severity::Error);
//! assert_eq!(&src[found[0].span.start..found[0].span.end], ";");
//! assert_eq!(found[0].fix.as_ref().map(|f| f.replacement.as_str()), Some(","));
//! # Ok::<(), resolute_draft::FormatError>(())
//! ```

mod citations;
mod diagnostic;
mod negotiation;
mod openings;
mod register;
mod scope;
mod structure;
mod style;
mod text;

pub use citations::check_citations;
pub use diagnostic::{Diagnostic, Fix, Severity};
pub use negotiation::check_negotiation;
pub use openings::check_openings;
pub use register::{register_key, MemoryRegister, Register, RegisterError, Resolution};
pub use structure::check_structure;
pub use style::{check_style, ordinal_words};

use resolute_draft::Draft;

/// Runs every rule over a parsed draft and returns the findings in source order. `src` is the
/// text the draft was parsed from; `register` answers citation questions (without one,
/// citations are not verified).
pub fn check(src: &str, draft: &Draft, register: Option<&dyn Register>) -> Vec<Diagnostic> {
    // The clauses of the resolution itself: a text it adopts ("Adopts the following
    // Declaration:") follows its own rules, so structure and openings stop before it.
    let adopted = scope::adopted_text(src, draft);
    let own = adopted.map(|a| scope::before(draft, a.starts));
    let clauses = own.as_ref().unwrap_or(draft);
    let intros = scope::introductions(src, draft);
    let mut out = structure::check_structure_with(src, clauses, &intros);
    out.extend(check_style(src, draft));
    out.extend(check_openings(src, clauses));
    if let Some(register) = register {
        out.extend(check_citations(src, draft, register));
    }
    out.extend(check_negotiation(src, draft));
    out.sort_by_key(|d| (d.span.start, d.span.end, d.rule));
    out
}

/// 1-based line and column (in characters) of a byte offset in `src`; offsets past the end
/// or inside a character are clamped to the preceding character boundary.
pub fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.bytes().filter(|&b| b == b'\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let src = "ab\n«é» x";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 3), (2, 1));
        let x = src.find('x').unwrap();
        assert_eq!(line_col(src, x), (2, 5));
        assert_eq!(line_col(src, 4), (2, 1));
        assert_eq!(line_col(src, 999), (2, 6));
    }
}
