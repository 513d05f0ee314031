//! Metadata helpers: completing what the file's properties left empty from the document's
//! first lines (UN documents print their symbol at the top of page 1), and normalising
//! the date forms found in file properties.

use crate::Meta;

/// How many leading lines are searched for the symbol.
const HEAD_LINES: usize = 25;

/// Fills `meta.symbol` from the text's first lines when the file carried none.
pub(crate) fn complete_from_text(meta: &mut Meta, text: &str) {
    if meta.symbol.is_none() {
        meta.symbol = text
            .lines()
            .take(HEAD_LINES)
            .map(str::trim)
            .find(|l| is_symbol(l))
            .map(str::to_string);
    }
}

/// Whether `s` looks like a UN document symbol ("A/RES/78/100", "A/C.3/80/L.10",
/// "S/2024/302", "S/RES/2719 (2023)", "E/CN.6/2024/L.3").
pub(crate) fn is_symbol(s: &str) -> bool {
    let organ_ok = ["A/", "S/", "E/", "ST/", "UNEP/", "TD/", "CRC/", "CCPR/"]
        .iter()
        .any(|p| s.starts_with(p));
    let chars_ok = s
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '/' | '.' | '(' | ')' | ' ' | '-'));
    // Only a parenthesised part may follow a space: "S/RES/2719 (2023)",
    // "A/80/6 (Sect. 24)/Corr.1" — not "A/RES/77/148 Decolonization" (a table row).
    let spaces_ok = s
        .split_once(' ')
        .is_none_or(|(_, rest)| rest.starts_with('('));
    organ_ok
        && chars_ok
        && spaces_ok
        && s.len() <= 40
        && s.matches('/').count() >= 2
        && !s.contains("  ")
}

/// Turns a PDF date ("D:20231220115229-05'00'") or an ISO timestamp
/// ("2023-12-20T11:52:29Z") into "YYYY-MM-DD".
pub(crate) fn iso_date(raw: &str) -> Option<String> {
    let raw = raw.trim();
    let raw = raw.strip_prefix("D:").unwrap_or(raw);
    let digits: String = raw.chars().filter(char::is_ascii_digit).take(8).collect();
    let (year, month, day) = (digits.get(0..4)?, digits.get(4..6)?, digits.get(6..8)?);
    let iso = format!("{year}-{month}-{day}");
    resolute_draft::dates::is_iso_date(&iso).then_some(iso)
}

/// Trims a property value and drops it when empty.
pub(crate) fn non_empty(value: &str) -> Option<String> {
    let trimmed = value.trim();
    (!trimmed.is_empty()).then(|| trimmed.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn symbols() {
        for s in [
            "A/RES/78/100",
            "A/C.3/80/L.10",
            "S/2024/302",
            "S/RES/2719 (2023)",
        ] {
            assert!(is_symbol(s), "{s}");
        }
        assert!(is_symbol("A/80/6 (Sect. 24)/Corr.1"));
        for s in [
            "General Assembly",
            "2/3",
            "A/RES",
            "23-24979 (E)    201223",
            "A/RES/77/148 Decolonization",
        ] {
            assert!(!is_symbol(s), "{s}");
        }
    }

    #[test]
    fn symbol_from_first_lines() {
        let mut meta = Meta::default();
        complete_from_text(
            &mut meta,
            "United Nations \nA/C.3/80/L.10\n \nGeneral Assembly",
        );
        assert_eq!(meta.symbol.as_deref(), Some("A/C.3/80/L.10"));
    }

    #[test]
    fn dates() {
        assert_eq!(
            iso_date("D:20231220115229-05'00'").as_deref(),
            Some("2023-12-20")
        );
        assert_eq!(
            iso_date("2024-01-10T13:53:41Z").as_deref(),
            Some("2024-01-10")
        );
        assert_eq!(iso_date("D:2023"), None);
        assert_eq!(iso_date("D:20231340"), None);
    }
}
