//! HTML character references: numeric ones and the named ones that occur in documents
//! (Latin-1 letters, typographic punctuation). Unknown names are left as written, as
//! browsers do.

/// Named references and their characters.
#[rustfmt::skip]
const NAMED: &[(&str, char)] = &[
    ("amp", '&'), ("lt", '<'), ("gt", '>'), ("quot", '"'), ("apos", '\''),
    ("nbsp", '\u{a0}'), ("ndash", '\u{2013}'), ("mdash", '\u{2014}'),
    ("lsquo", '\u{2018}'), ("rsquo", '\u{2019}'), ("ldquo", '\u{201c}'),
    ("rdquo", '\u{201d}'), ("hellip", '\u{2026}'), ("bull", '\u{2022}'),
    ("shy", '\u{ad}'), ("copy", '\u{a9}'), ("reg", '\u{ae}'), ("sect", '\u{a7}'),
    ("para", '\u{b6}'), ("deg", '\u{b0}'), ("euro", '\u{20ac}'), ("laquo", '\u{ab}'),
    ("raquo", '\u{bb}'), ("middot", '\u{b7}'), ("times", '\u{d7}'), ("ordm", '\u{ba}'),
    ("ordf", '\u{aa}'), ("iexcl", '\u{a1}'), ("iquest", '\u{bf}'), ("szlig", '\u{df}'),
    ("aacute", 'á'), ("agrave", 'à'), ("acirc", 'â'), ("auml", 'ä'), ("atilde", 'ã'),
    ("aring", 'å'), ("aelig", 'æ'), ("ccedil", 'ç'), ("eacute", 'é'), ("egrave", 'è'),
    ("ecirc", 'ê'), ("euml", 'ë'), ("iacute", 'í'), ("igrave", 'ì'), ("icirc", 'î'),
    ("iuml", 'ï'), ("ntilde", 'ñ'), ("oacute", 'ó'), ("ograve", 'ò'), ("ocirc", 'ô'),
    ("ouml", 'ö'), ("otilde", 'õ'), ("oslash", 'ø'), ("uacute", 'ú'), ("ugrave", 'ù'),
    ("ucirc", 'û'), ("uuml", 'ü'), ("yacute", 'ý'), ("Aacute", 'Á'), ("Eacute", 'É'),
    ("Iacute", 'Í'), ("Oacute", 'Ó'), ("Uacute", 'Ú'), ("Ntilde", 'Ñ'), ("Ccedil", 'Ç'),
    ("Ouml", 'Ö'), ("Uuml", 'Ü'), ("Auml", 'Ä'), ("Egrave", 'È'), ("Ecirc", 'Ê'),
];

/// Longest reference name we look for before giving up on a '&'.
const MAX_NAME: usize = 12;

/// Replaces character references in `s`.
pub(crate) fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(rest.get(..amp).unwrap_or(""));
        rest = rest.get(amp..).unwrap_or("");
        match reference(rest) {
            Some((c, len)) => {
                out.push(c);
                rest = rest.get(len..).unwrap_or("");
            }
            None => {
                out.push('&');
                rest = rest.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    out
}

/// The character of the reference at the start of `s` ("&amp;") and its length.
fn reference(s: &str) -> Option<(char, usize)> {
    let semi = s.get(..s.len().min(MAX_NAME + 2))?.find(';')?;
    let name = s.get(1..semi)?;
    let c = if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // Invalid code points become the replacement character, as browsers do.
        char::from_u32(code)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}')
    } else {
        NAMED.iter().find(|(n, _)| *n == name)?.1
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert_eq!(
            decode("a &amp; b &#233;&#xE9; &eacute; &bogus; & x"),
            "a & b éé é &bogus; & x"
        );
        assert_eq!(decode("&#xffffffff;&#0;"), "\u{FFFD}\u{FFFD}");
        assert_eq!(decode("&"), "&");
    }
}
