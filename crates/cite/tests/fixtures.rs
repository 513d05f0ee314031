//! Citation fixtures: short real sentences from UN resolutions, each with its body, rendered
//! as a table and snapshotted after checking invariants (spans inside the text, items in
//! order, pinpoints and dates outside the identifier).

use std::fmt::Write;

use resolute_cite::{extract_with, Body, Citation, Context};

const GA: Option<Body> = Some(Body::GeneralAssembly);
const SC: Option<Body> = Some(Body::SecurityCouncil);
const HRC: Option<Body> = Some(Body::HumanRightsCouncil);
const ECOSOC: Option<Body> = Some(Body::EconomicAndSocialCouncil);

/// Real sentences (GA, SC, HRC and ECOSOC texts of the shared corpus) and their body.
const FIXTURES: &[(Option<Body>, &str)] = &[
    (GA, "Recalling its resolutions 70/93 A and B of 9 December 2015, which provided an opportunity to take due steps,"),
    (GA, "Recalling its resolutions 43/196 of 20 December 1988, 44/172 A and B of 19 December 1989, 44/228 of 22 December 1989, 45/211 of 21 December 1990 and 46/168 of 19 December 1991,"),
    (GA, "Recalling also its resolution ES-10/18 of 16 January 2009 and Security Council resolution 1860 (2009) of 8 January 2009,"),
    (GA, "Reaffirming the continuing validity of its resolutions 2688 (XXV) of 11 December 1970, 3362 (S-VII) of 16 September 1975, 32/197 of 20 December 1977, S-18/3 of 1 May 1990 and 45/199 of 21 December 1990,"),
    (GA, "Recalling further its decisions 74/550 A of 13 April 2020 and 74/550 B of 12 August 2020, in which it decided to hold the Fourteenth Congress in 2021,"),
    (GA, "Recalling its resolution 76/245, section X of its resolution 76/246, and its resolutions 76/247 A to C, of 24 December 2021,"),
    (GA, "Recalling section VIII of its resolution 53/214 of 18 December 1998, its resolutions 55/249 of 12 April 2001, 56/285 of 27 June 2002 and  57/289 of 20 December 2002 and section III of its resolution 59/282 of 13 April 2005,"),
    (GA, "2. Decides further that the provisions of paragraph 4 of its resolution 2029 (XX) of 22 November 1965 shall not apply;"),
    (GA, "14. Reaffirms paragraph 1 of its resolution 57/4 B;"),
    (GA, "Reaffirming also the guiding principles contained in section I of the annex to its resolution 46/182,"),
    (GA, "Also recalls section III, paragraph 4, of its resolution 59/282, by which it decided to increase the annual salary;"),
    (GA, "30.\tThe agenda of the Third Committee is structured in accordance with General Assembly decision 50/465 of 22 December 1995 (see annex III)."),
    (GA, "Recalling also Commission on Population and Development resolutions 2006/2 of 10 May 2006 and 2009/1 of 3 April 2009, and its resolution 2013/1 of 26 April 2013 on new trends in migration: demographic aspects,"),
    (GA, "11 See Report of the Second United Nations Conference on the Exploration and Peaceful Uses of Outer Space, Vienna, 9-21 August 1982 (A/CONF.101/10 and Corr.1 and 2), paras. 429 and 430."),
    (GA, "Bearing in mind resolutions 1581 A (L) of 21 May 1971, 1667 (LII) of 1 June 1972 and 1746 (LIV) of 16 May 1973, in which the Economic and Social Council emphasized the importance"),
    (GA, "[on the report of the Third Committee (A/78/481/Add.3, para. 28)]"),
    (GA, "its resolution\u{2002}75/200 of 21 December 2020, by which"),
    (SC, "Recalling its resolutions 1261 (1999) of 25 August 1999, 1265 (1999) of 17 September 1999, 1296 (2000) of 19 April 2000 and 1314 (2000) of 11 August 2000, as well as relevant statements of its President,"),
    (SC, "Taking note of the report of the Secretary-General (S/2000/693) of 19 July 2000,"),
    (GA, "Recalling its resolution 60/251 of 15 March 2006 establishing the Human Rights Council, and in particular paragraphs 1 and 16 thereof,"),
    (HRC, "Taking into account Commission on Human Rights resolution 2005/66 of 20 April 2005, Human Rights Council decision 2/105 of 27 November 2006 and resolutions 9/11 of 18 September 2008, 12/12 of 1 October 2009 and 21/7 of 27 September 2012 on the right to the truth,"),
    (HRC, "1.\tThe basis, principles and objectives of the universal periodic review as set forth in paragraphs 1 to 4 of the annex to Human Rights Council resolution 5/1 of 18 June 2007 shall be reaffirmed."),
    (HRC, "13. Acknowledges that, in its resolution 60/251, the General Assembly decided that the Human Rights Council shall, inter alia, contribute"),
    (ECOSOC, "Recalling also that the Economic and Social Council, in section II of its resolution 1986/10 of 21 May 1986,"),
];

fn check_invariants(text: &str, found: &[Citation]) {
    let mut last = 0;
    for c in found {
        let e = c.extent();
        assert!(
            e.end <= text.len() && text.is_char_boundary(e.start) && text.is_char_boundary(e.end)
        );
        assert!(c.span.start >= last, "citations out of order in {text:?}");
        last = c.span.start;
        if let Some(d) = c.date {
            assert!(
                d.span.start >= c.span.end,
                "date inside the identifier in {text:?}"
            );
        }
        for p in &c.pinpoints {
            let outside = p.span.end <= c.span.start || p.span.start >= c.span.end;
            assert!(outside, "pinpoint inside the identifier in {text:?}");
        }
    }
}

fn render(text: &str, found: &[Citation]) -> String {
    let mut out = String::new();
    for c in found {
        let body = c.body.map_or("-", Body::code);
        let date = c
            .date
            .map(|d| d.date.to_string())
            .unwrap_or_else(|| "-".into());
        let pins: Vec<String> = c
            .pinpoints
            .iter()
            .map(|p| {
                format!(
                    "{:?} {}{}",
                    p.kind,
                    if p.through { "to " } else { "" },
                    p.label
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "  {:?} | {:?} | {body} ({:?}) | {} | {date} | {}",
            &text[c.span.range()],
            c.kind,
            c.body_source,
            c.normalized.as_deref().unwrap_or("-"),
            pins.join(", ")
        );
    }
    out
}

#[test]
fn real_sentences() {
    let mut report = String::new();
    for (body, text) in FIXTURES {
        let found = extract_with(text, Context { body: *body });
        check_invariants(text, &found);
        let shown: String = text.chars().take(70).collect();
        let _ = writeln!(report, "{} {shown:?}", body.map_or("-", Body::code));
        report.push_str(&render(text, &found));
    }
    insta::assert_snapshot!(report);
}
