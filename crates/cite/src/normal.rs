//! Normal forms of cited resolutions and decisions (documented in the crate root).

use resolute_draft::Body;

use crate::model::{Kind, Number, SessionKind};

/// Letters as the UN writes them in symbols: "B", "A-B", "A-D"; a gap gives "A, C".
pub(crate) fn letters(letters: &[char]) -> String {
    let contiguous = letters
        .windows(2)
        .all(|w| matches!(w, [a, b] if u32::from(*a) + 1 == u32::from(*b)));
    match (letters.first(), letters.last()) {
        (Some(first), Some(last)) if letters.len() > 1 && contiguous => format!("{first}-{last}"),
        _ => letters
            .iter()
            .map(char::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    }
}

/// The normal form of a resolution or decision number adopted by `body`, or `None` when the
/// number cannot belong to that body (an SC number without year is kept as "S/RES/2097").
pub(crate) fn normal_form(kind: Kind, body: Body, n: &Number) -> Option<String> {
    let nature = match kind {
        Kind::Resolution => "RES",
        Kind::Decision => "DEC",
        Kind::Symbol => return None,
    };
    let series = match body {
        Body::GeneralAssembly => "A",
        Body::SecurityCouncil => "S",
        Body::HumanRightsCouncil => "A/HRC",
        Body::EconomicAndSocialCouncil => "E",
    };
    let mut out = format!("{series}/{nature}/");
    if let Some(roman) = &n.roman {
        out.push_str(&n.number.to_string());
        push_letters(&mut out, n);
        out.push_str(&format!(" ({roman})"));
        return Some(out);
    }
    if body == Body::SecurityCouncil {
        out.push_str(&n.number.to_string());
        if let Some(year) = n.year {
            out.push_str(&format!(" ({year})"));
        }
        return Some(out);
    }
    out.push_str(&prefix(n)?);
    out.push_str(&n.number.to_string());
    push_letters(&mut out, n);
    Some(out)
}

/// "61/", "S-13/", "ES-10/", "1990/".
fn prefix(n: &Number) -> Option<String> {
    if let Some(year) = n.year {
        return Some(format!("{year}/"));
    }
    let session = n.session?;
    Some(match n.session_kind {
        SessionKind::Special => format!("S-{session}/"),
        SessionKind::EmergencySpecial => format!("ES-{session}/"),
        SessionKind::Regular | SessionKind::Organizational => format!("{session}/"),
    })
}

fn push_letters(out: &mut String, n: &Number) {
    if !n.letters.is_empty() {
        out.push(' ');
        out.push_str(&letters(&n.letters));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letter_runs() {
        assert_eq!(letters(&['B']), "B");
        assert_eq!(letters(&['A', 'B']), "A-B");
        assert_eq!(letters(&['A', 'B', 'C', 'D']), "A-D");
        assert_eq!(letters(&['A', 'C']), "A, C");
    }

    #[test]
    fn forms() {
        let n = Number {
            session: Some(50),
            number: 411,
            ..Number::default()
        };
        let ga = Body::GeneralAssembly;
        assert_eq!(normal_form(Kind::Decision, ga, &n).unwrap(), "A/DEC/50/411");
        let hrc = Body::HumanRightsCouncil;
        assert_eq!(
            normal_form(Kind::Resolution, hrc, &n).unwrap(),
            "A/HRC/RES/50/411"
        );
        let sc = Number {
            number: 2097,
            ..Number::default()
        };
        let body = Body::SecurityCouncil;
        assert_eq!(
            normal_form(Kind::Resolution, body, &sc).unwrap(),
            "S/RES/2097"
        );
    }
}
