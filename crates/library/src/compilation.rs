//! Compilation pages: texts taken from the General Assembly's Official Records hold the
//! end of the previous resolution, then the resolution the file is for ("302 (IV).
//! Assistance to Palestine refugees"), then the start of the next. The register must read
//! the resolution's own paragraphs and its own closing formula, not a neighbour's.

use resolute_check::register_key;

/// A resolution heading at the start of a line: "302 (IV). Title", "1514 (XV). Title",
/// "41/213. Title", "48/218 B. Title". Returns the symbol it names.
pub fn heading_symbol(line: &str) -> Option<String> {
    let line = line.trim();
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=4).contains(&digits) {
        return None;
    }
    let number = line.get(..digits)?;
    let rest = line.get(digits..)?;
    // "NNN (ROMAN)" or "NN/NNN"
    let (symbol, rest) = if let Some(r) = rest.strip_prefix('/') {
        let d = r.bytes().take_while(u8::is_ascii_digit).count();
        if !(1..=4).contains(&d) || digits > 2 {
            return None;
        }
        (format!("A/RES/{number}/{}", r.get(..d)?), r.get(d..)?)
    } else {
        let r = rest.strip_prefix(' ').unwrap_or(rest).strip_prefix('(')?;
        let close = r.find(')')?;
        let roman = r.get(..close)?;
        if roman.is_empty() || !roman.chars().all(|c| "IVXLC".contains(c)) {
            return None;
        }
        resolute_draft::numerals::roman_value(roman)?;
        (format!("A/RES/{number} ({roman})"), r.get(close + 1..)?)
    };
    // An optional letter ("48/218 B"), then ". " and a title that opens with a capital.
    let (symbol, rest) = match rest.as_bytes() {
        [b' ', l, b'.', ..] if l.is_ascii_uppercase() => {
            (format!("{symbol} {}", *l as char), rest.get(2..)?)
        }
        _ => (symbol, rest),
    };
    let title = rest.strip_prefix(". ")?;
    title
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase())
        .then_some(symbol)
}

/// Where a text's own resolution is, when the text is a compilation page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cut {
    /// No heading of another resolution: the text is the resolution's alone.
    Whole,
    /// A compilation page holding the resolution's own part: from its heading to the next
    /// resolution heading (or the end), or, in a file that opens with the resolution itself,
    /// up to the first heading.
    Own(std::ops::Range<usize>),
    /// A compilation page without the resolution's own heading: nothing in it can be
    /// told to be the resolution's own.
    Page,
}

/// Cuts `text` at its resolution headings and finds the part of `symbol`.
pub fn cut(text: &str, symbol: &str) -> Cut {
    let own = register_key(symbol);
    let mut headings = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if let Some(s) = heading_symbol(line) {
            headings.push((at, register_key(&s)));
        }
        at += line.len();
    }
    // Headings of the resolution itself only (a text that repeats its own heading) or
    // none: not a compilation, unless a closing formula stands before its heading (the end
    // of the previous resolution, "Fifty-fifth plenary meeting, 11 December 1946.").
    if headings.iter().all(|(_, k)| *k == own) {
        return match headings.first() {
            Some(&(first, _)) if ends_a_resolution(&text[..first]) => Cut::Own(first..text.len()),
            _ => Cut::Whole,
        };
    }
    match headings.iter().position(|(_, k)| *k == own) {
        Some(i) => {
            let start = headings[i].0;
            let end = headings
                .iter()
                .skip(i + 1)
                .find(|(_, k)| *k != own)
                .map_or(text.len(), |h| h.0);
            Cut::Own(start..end)
        }
        // The file opens with a resolution of its own (an enacting formula before any
        // heading) and other resolutions follow: the opening part is the file's own.
        None => match headings.first() {
            Some(&(first, _)) if opens_with_a_resolution(&text[..first]) => Cut::Own(0..first),
            _ => Cut::Page,
        },
    }
}

/// Whether `part` ends a resolution: it holds a closing formula ("65th plenary meeting").
fn ends_a_resolution(part: &str) -> bool {
    resolute_draft::segment(part).closing.is_some()
}

/// Whether `part` holds an enacting formula line ("The General Assembly,"): the start of a
/// resolution, not the tail of the previous one.
fn opens_with_a_resolution(part: &str) -> bool {
    part.lines().any(|line| {
        let line = line.trim();
        line.starts_with("The General Assembly") && line.ends_with(',') && line.len() < 60
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_end_of_the_previous_resolution_is_not_the_files_own() {
        let text = "<!-- Page 1 -->\n\nThe General Assembly, therefore, Affirms that genocide is a crime;\n\nFifty-fifth plenary meeting,\n\n11 December 1946.\n\n97 (I). Registration of Treaties\n\nThe General Assembly,\n\nAdopts the regulations.\n\nSixty-fifth plenary meeting,\n\n14 December 1946.\n";
        let start = text.find("97 (I)").unwrap();
        assert_eq!(cut(text, "A/RES/97(I)"), Cut::Own(start..text.len()));
        // A masthead before the heading is the resolution's own.
        let own = "United Nations\n\nA/RES/78/100\n\nGeneral Assembly\n\n78/100. Dissemination\n\nThe General Assembly,\n\n1. Decides.\n\n45th plenary meeting\n7 December 2023\n";
        assert_eq!(cut(own, "A/RES/78/100"), Cut::Whole);
    }

    #[test]
    fn headings_name_their_symbol() {
        let h = |s: &str| heading_symbol(s);
        assert_eq!(
            h("302 (IV). Assistance to Palestine refugees").as_deref(),
            Some("A/RES/302 (IV)")
        );
        assert_eq!(h("41/213. Review").as_deref(), Some("A/RES/41/213"));
        assert_eq!(h("48/218 B. Review").as_deref(), Some("A/RES/48/218 B"));
        assert_eq!(
            h("1514(XV). Declaration").as_deref(),
            Some("A/RES/1514 (XV)")
        );
        // Operative paragraphs and dates are not headings.
        assert_eq!(h("3. Decides to remain seized"), None);
        assert_eq!(h("12 (a). Something"), None);
        assert_eq!(h("2019/12. Not a GA symbol"), None);
        assert_eq!(h("302 (IV). the lower case"), None);
    }

    #[test]
    fn a_compilation_page_is_cut_at_its_headings() {
        let page = "301 (IV). Question of Indonesia\n\nThe General Assembly,\n\n1. Welcomes;\n\n272nd plenary meeting,\n\n7 December 1949.\n\n302 (IV). Assistance to Palestine refugees\n\nThe General Assembly,\n\n1. Decides;\n\n273rd plenary meeting,\n\n8 December 1949.\n\n303 (IV). Palestine\n\nThe General Assembly,\n";
        let Cut::Own(r) = cut(page, "A/RES/302 (IV)") else {
            panic!("not cut")
        };
        let own = &page[r];
        assert!(own.starts_with("302 (IV)."));
        assert!(own.contains("8 December 1949") && !own.contains("7 December 1949"));
        assert!(!own.contains("303 (IV)"));
        assert_eq!(cut(page, "A/RES/304 (IV)"), Cut::Page);
        // A file that opens with its own resolution (no heading) and then holds another.
        let file = "The General Assembly,\n\n1. Adopts the Convention;\n\n61st plenary meeting\n20 November 1989\n\n44/52. Second Decade\n\nThe General Assembly,\n";
        let Cut::Own(r) = cut(file, "A/RES/44/25") else {
            panic!("not cut")
        };
        assert!(file[r].ends_with("20 November 1989\n\n"));
        // A page that opens with the tail of another resolution tells nothing of its own.
        let tail = "4. Requests a report.\n\n60th plenary meeting\n\n44/52. Second Decade\n";
        assert_eq!(cut(tail, "A/RES/44/25"), Cut::Page);
        assert_eq!(
            cut("302 (IV). Assistance\n\n1. Decides;\n", "A/RES/302 (IV)"),
            Cut::Whole
        );
        assert_eq!(
            cut("The General Assembly,\n\n1. Decides;\n", "A/RES/1/1"),
            Cut::Whole
        );
    }
}
