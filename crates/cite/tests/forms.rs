//! Every citation form the grammar covers, with spans and normal forms checked.

use resolute_cite::{
    extract, extract_with, validate_symbol, Body, BodySource, Citation, Context, Kind, PinKind,
    SessionKind, SymbolError,
};

const GA: Context = Context {
    body: Some(Body::GeneralAssembly),
};
const SC: Context = Context {
    body: Some(Body::SecurityCouncil),
};
const HRC: Context = Context {
    body: Some(Body::HumanRightsCouncil),
};

/// The single citation in `text`, checking there is exactly one.
fn one(text: &str, ctx: Context) -> Citation {
    let found = extract_with(text, ctx);
    assert_eq!(found.len(), 1, "{text:?} gave {found:#?}");
    found.into_iter().next().expect("one citation")
}

/// (written identifier, normal form) of every citation.
fn pairs(text: &str, ctx: Context) -> Vec<(&str, String)> {
    extract_with(text, ctx)
        .into_iter()
        .map(|c| (&text[c.span.range()], c.normalized.unwrap_or_default()))
        .collect()
}

fn norm(c: &Citation) -> &str {
    c.normalized.as_deref().unwrap_or("")
}

#[test]
fn ga_resolution_with_date() {
    let t = "Recalling its resolution 61/208 of 20 December 2006 on migration,";
    let c = one(t, GA);
    assert_eq!(&t[c.span.range()], "61/208");
    assert_eq!(&t[c.cue.expect("cue").range()], "its resolution");
    assert_eq!(
        (c.kind, c.body, c.body_source),
        (
            Kind::Resolution,
            Some(Body::GeneralAssembly),
            BodySource::Context
        )
    );
    assert_eq!(norm(&c), "A/RES/61/208");
    let n = c.number.as_ref().expect("number");
    assert_eq!((n.session, n.number), (Some(61), 208));
    let d = c.date.expect("date");
    assert_eq!(&t[d.span.range()], "20 December 2006");
    assert_eq!(d.date.to_string(), "2006-12-20");
}

#[test]
fn lettered_resolutions() {
    let t = "section I of its resolution 68/247 B of 9 April 2014";
    let c = one(t, GA);
    assert_eq!(&t[c.span.range()], "68/247 B");
    assert_eq!(norm(&c), "A/RES/68/247 B");
    assert_eq!(c.pinpoints[0].kind, PinKind::Section);
    assert_eq!(&t[c.pinpoints[0].span.range()], "I");

    let t = "its resolutions 69/96 A and B of 5 December 2014";
    let c = one(t, GA);
    assert_eq!(&t[c.span.range()], "69/96 A and B");
    assert_eq!(norm(&c), "A/RES/69/96 A-B");
    assert_eq!(c.number.expect("number").letters, vec!['A', 'B']);
}

#[test]
fn pre_1976_ga_resolutions() {
    assert_eq!(
        pairs("resolution 1514 (XV) of 14 December 1960", GA),
        [("1514 (XV)", "A/RES/1514 (XV)".into())]
    );
    assert_eq!(
        pairs("resolution 217 A (III)", GA),
        [("217 A (III)", "A/RES/217 A (III)".into())]
    );
    let c = one("Recalling its resolutions 3419 A to D (XXX),", GA);
    assert_eq!(norm(&c), "A/RES/3419 A-D (XXX)");
    let n = c.number.expect("number");
    assert_eq!(
        (n.session, n.letters.len(), n.roman.as_deref()),
        (Some(30), 4, Some("XXX"))
    );
}

#[test]
fn special_and_emergency_sessions() {
    let c = one("resolution S-13/2", GA);
    assert_eq!(norm(&c), "A/RES/S-13/2");
    assert_eq!(c.number.expect("n").session_kind, SessionKind::Special);
    assert_eq!(
        norm(&one("its resolution ES-10/19 of", GA)),
        "A/RES/ES-10/19"
    );
    let c = one("resolution 3362 (S-VII) of 16 September 1975", GA);
    assert_eq!(norm(&c), "A/RES/3362 (S-VII)");
    assert_eq!(c.number.expect("n").session, Some(7));
}

#[test]
fn ga_decisions() {
    let t = "Recalling its decision 50/411 of 1 December 1995,";
    let c = one(t, GA);
    assert_eq!((c.kind, norm(&c)), (Kind::Decision, "A/DEC/50/411"));
    assert_eq!(&t[c.span.range()], "50/411");
}

#[test]
fn security_council() {
    let t = "Security Council resolution 1325\u{a0}(2000) of 31 October 2000";
    let c = one(t, GA);
    assert_eq!(&t[c.span.range()], "1325\u{a0}(2000)");
    assert_eq!(
        &t[c.cue.expect("cue").range()],
        "Security Council resolution"
    );
    assert_eq!(
        (c.body, c.body_source),
        (Some(Body::SecurityCouncil), BodySource::Named)
    );
    assert_eq!(norm(&c), "S/RES/1325 (2000)");
    // Only the Council writes the year in parentheses, whatever the cue says.
    let c = one("resolution 2282 (2016)", GA);
    assert_eq!(
        (c.body, c.body_source),
        (Some(Body::SecurityCouncil), BodySource::Shape)
    );
    // A bare number is the Council's only in a Council text.
    assert_eq!(norm(&one("Recalls resolution 2097,", SC)), "S/RES/2097");
    assert!(extract_with("Recalls resolution 2097,", GA).is_empty());
}

#[test]
fn ecosoc() {
    let t = "Economic and Social Council resolution 1990/47 of 25 May 1990";
    let c = one(t, GA);
    assert_eq!(
        &t[c.cue.expect("cue").range()],
        "Economic and Social Council resolution"
    );
    assert_eq!(
        (norm(&c), c.body_source),
        ("E/RES/1990/47", BodySource::Named)
    );
    let n = c.number.expect("n");
    assert_eq!((n.year, n.number), (Some(1990), 47));
    assert_eq!(
        norm(&one(
            "Economic and Social Council resolution 1733 (LIV)",
            GA
        )),
        "E/RES/1733 (LIV)"
    );
    assert_eq!(
        norm(&one("Council decision 2005/213", GA)),
        "E/DEC/2005/213"
    );
}

#[test]
fn human_rights_council() {
    let c = one("Human Rights Council resolution 5/1 of 18 June 2007", GA);
    assert_eq!(
        (norm(&c), c.body_source),
        ("A/HRC/RES/5/1", BodySource::Named)
    );
    let c = one("Recalling its resolution 5/1", HRC);
    assert_eq!(
        (norm(&c), c.body_source),
        ("A/HRC/RES/5/1", BodySource::Context)
    );
    assert_eq!(norm(&one("its decision 6/102", HRC)), "A/HRC/DEC/6/102");
    // The date says what the context cannot: the HRC did not exist in 1993, and its 28th
    // session met in 2015, not 2019.
    let c = one("Recalling its resolution 48/11 of 25 October 1993,", HRC);
    assert_eq!(
        (norm(&c), c.body_source),
        ("A/RES/48/11", BodySource::Shape)
    );
    let c = one("resolution 28/3 of 24 May 2019", GA);
    assert_eq!((c.body, c.body_source), (None, BodySource::Unknown));
    assert_eq!(
        norm(&one("resolution 28/3 of 26 March 2015", GA)),
        "A/HRC/RES/28/3"
    );
    assert_eq!(
        norm(&one("pursuant to resolution 59/2 of 4 July 2025", GA)),
        "A/HRC/RES/59/2"
    );
    let t =
        "the adoption by the Commission on Narcotic Drugs of its resolution 58/4 of 17 March 2015";
    assert_eq!(one(t, GA).body_source, BodySource::OtherOrgan);
    let found = extract_with(
        "including its resolutions 58/2, 58/3 and 58/5 of 17 March 2015",
        GA,
    );
    assert!(found.iter().all(|c| c.body.is_none()), "{found:#?}");
    let c = one("welcomes its resolution 54/18 of 12 October 2023", GA);
    assert_eq!(norm(&c), "A/HRC/RES/54/18");
    // A wrong year in a GA text stays the Assembly's, for the checker to report.
    assert_eq!(
        norm(&one("resolution 70/202 of 22 December 2025", GA)),
        "A/RES/70/202"
    );
    assert_eq!(
        norm(&one("its resolution 61/208 of 20 December 2016", GA)),
        "A/RES/61/208"
    );
    // "its" after a named organ means that organ, not the text's body.
    let c = one("the General Assembly, in its resolution 60/251,", HRC);
    assert_eq!(
        (c.body, c.body_source),
        (Some(Body::GeneralAssembly), BodySource::Named)
    );
}

#[test]
fn other_organs_are_not_given_a_body() {
    let c = one(
        "Commission on Human Rights resolution 2005/69 of 20 April 2005",
        GA,
    );
    assert_eq!(
        (c.body, c.body_source, c.normalized.clone()),
        (None, BodySource::OtherOrgan, None)
    );
    assert!(c.date.is_some());
    let c = one("United Nations Environment Assembly resolution 5/14", GA);
    assert_eq!(c.body_source, BodySource::OtherOrgan);
}

#[test]
fn document_symbols() {
    for s in [
        "A/61/515",
        "A/C.2/62/2",
        "A/RES/62/270",
        "A/HRC/RES/33/10",
        "S/2000/693",
        "S/PRST/2014/16",
        "E/CN.4/Sub.2/1987/WP.4/Add.1",
        "A/60/50/Corr.1",
        "A/C.3/78/L.60/Rev.1",
    ] {
        let t = format!("(see {s}).");
        let c = one(&t, GA);
        assert_eq!((&t[c.span.range()], c.kind), (s, Kind::Symbol), "{s}");
        assert_eq!(norm(&c), s);
    }
    let c = one("A/65/L.78*", GA);
    assert!(c.symbol.expect("symbol").reissued);
    assert_eq!(norm(&one("A/HRC/RES/33/10", GA)), "A/HRC/RES/33/10");
    let c = one("S/RES/1325 (2000)", GA);
    assert_eq!(
        (norm(&c), c.body),
        ("S/RES/1325 (2000)", Some(Body::SecurityCouncil))
    );
    assert_eq!(c.number.expect("n").year, Some(2000));
}

#[test]
fn resolution_symbols_carry_their_numbers() {
    let c = one("A/RES/69/96 A-B", GA);
    let n = c.number.expect("number");
    assert_eq!(
        (n.session, n.number, n.letters),
        (Some(69), 96, vec!['A', 'B'])
    );
    // The corpus' own file-name style, without the space.
    let c = one("A/RES/217(III)", GA);
    assert_eq!(norm(&c), "A/RES/217 (III)");
    assert_eq!(c.number.expect("number").session, Some(3));
    let c = one("E/RES/1990/47", GA);
    assert_eq!(c.number.expect("number").year, Some(1990));
}

#[test]
fn citations_serialize_for_the_json_contract() {
    let c = one("its resolution 61/208 of 20 December 2006", GA);
    let v = serde_json::to_value(&c).expect("json");
    assert_eq!(v["normalized"], "A/RES/61/208");
    assert_eq!(v["kind"], "resolution");
    assert_eq!(v["body"], "GA");
    assert_eq!(v["span"]["start"], 15);
    assert_eq!(v["date"]["date"]["year"], 2006);
}

#[test]
fn symbol_continuations() {
    let t = "[without reference to a Main Committee (A/61/L.45 and Add.1)]";
    assert_eq!(
        pairs(t, GA),
        [
            ("A/61/L.45", "A/61/L.45".into()),
            ("Add.1", "A/61/L.45/Add.1".into())
        ]
    );
    let t = "reports (A/59/558/Add.7 to Add.10)";
    assert_eq!(
        pairs(t, GA),
        [
            ("A/59/558/Add.7", "A/59/558/Add.7".into()),
            ("Add.10", "A/59/558/Add.10".into())
        ]
    );
}

#[test]
fn lists_give_one_citation_per_item() {
    let t = "resolutions 60/227 of 23 December 2005 and 61/208 of 20 December 2006";
    let found = extract_with(t, GA);
    assert_eq!(found.len(), 2);
    assert_eq!(&t[found[1].span.range()], "61/208");
    assert_eq!(found[1].date.expect("date").date.to_string(), "2006-12-20");
    assert_eq!(found[0].cue, found[1].cue);

    let t = "Recalling its resolutions 1261 (1999) of 25 August 1999, 1265 (1999) of 17 September \
             1999, 1296 (2000) of 19 April 2000 and 1314 (2000) of 11 August 2000,";
    let found = extract_with(t, SC);
    let norms: Vec<&str> = found.iter().map(norm).collect();
    assert_eq!(
        norms,
        [
            "S/RES/1261 (1999)",
            "S/RES/1265 (1999)",
            "S/RES/1296 (2000)",
            "S/RES/1314 (2000)"
        ]
    );
    assert!(found
        .iter()
        .all(|c| c.date.is_some() && c.body_source == BodySource::Context));

    let t =
        "its resolutions 70/1 of 25 September 2015, entitled “Transforming our world: the 2030 \
             Agenda for Sustainable Development”, and 69/313 of 27 July 2015,";
    assert_eq!(pairs(t, GA).len(), 2);
    // A list shares a body: 19/11 cannot be the Assembly's, so neither is 31/14 (PDF text,
    // footnote marks glued to the commas).
    let t = "including resolutions 19/11 of 22 March 2012,1 31/14 of 23 March 2016,2 and 31/37";
    let norms: Vec<String> = extract_with(t, GA)
        .iter()
        .map(|c| norm(c).to_owned())
        .collect();
    assert_eq!(
        norms,
        ["A/HRC/RES/19/11", "A/HRC/RES/31/14", "A/HRC/RES/31/37"]
    );
    let t = "Council resolutions 34/8 of 23 March 2017, 4  35/34 of 23 June 2017, 5  37/27 of";
    assert_eq!(extract_with(t, GA).len(), 3);
    // A list keeps the list's body; a year in parentheses is still the Council's.
    let found = extract_with("its resolutions 70/262 and 2282 (2016)", GA);
    assert_eq!(found[1].body, Some(Body::SecurityCouncil));
}

#[test]
fn spaces_and_line_breaks_inside() {
    let t = "resolution\u{a0}1325\u{202f}(2000)";
    assert_eq!(
        pairs(t, GA),
        [("1325\u{202f}(2000)", "S/RES/1325 (2000)".into())]
    );
    let t = "General Assembly\nresolution\n61/208 of 20\nDecember 2006";
    let c = one(t, SC);
    assert_eq!(
        (norm(&c), c.body_source),
        ("A/RES/61/208", BodySource::Named)
    );
    assert!(c.date.is_some());
}

#[test]
fn pinpoints() {
    let t = "paragraph 3 of its resolution 60/1";
    let c = one(t, GA);
    assert_eq!(
        (c.pinpoints[0].kind, &t[c.pinpoints[0].span.range()]),
        (PinKind::Paragraph, "3")
    );
    assert_eq!(&t[c.extent().range()], "3 of its resolution 60/1");

    let t = "See resolution 60/1, paras. 61 and 62.";
    let labels: Vec<String> = one(t, GA).pinpoints.into_iter().map(|p| p.label).collect();
    assert_eq!(labels, ["61", "62"]);

    let c = one("section II of its resolution 64/260", GA);
    assert_eq!(
        (c.pinpoints[0].kind, c.pinpoints[0].label.as_str()),
        (PinKind::Section, "II")
    );

    let t = "its resolution 1325 (2000) of 31 October 2000, and in particular paragraphs 1 and 16 thereof,";
    let labels: Vec<String> = one(t, SC).pinpoints.into_iter().map(|p| p.label).collect();
    assert_eq!(labels, ["1", "16"]);

    let c = one("section III, paragraph 3, of its resolution 61/275", GA);
    let pins: Vec<_> = c
        .pinpoints
        .iter()
        .map(|p| (p.kind, p.label.as_str()))
        .collect();
    assert_eq!(pins, [(PinKind::Section, "III"), (PinKind::Paragraph, "3")]);

    let t = "Recalling its resolution S-19/2 of 28 June 1997, to which is annexed the Programme \
             for the Further Implementation of Agenda 21, in particular paragraph 36 thereof";
    let pins: Vec<_> = one(t, GA)
        .pinpoints
        .into_iter()
        .map(|p| (p.kind, p.label))
        .collect();
    assert_eq!(
        pins,
        [
            (PinKind::Annex, String::new()),
            (PinKind::Paragraph, "36".into())
        ]
    );

    // A paragraph of another citation is not pinned to the one before it.
    let found = extract_with("resolution 60/1, paragraph 3 of resolution 61/2", GA);
    assert!(found[0].pinpoints.is_empty());
    assert_eq!(found[1].pinpoints[0].label, "3");
}

#[test]
fn bare_numbers_are_not_citations() {
    for t in [
        "the 2030 Agenda for Sustainable Development",
        "on 1 August 2023",
        "see para. 61",
        "paragraphs 61/62 of the report",
        "in 2015/16 the Fund",
        "on 1/8/2023",
        "resolution 1/8/2023",
        "HIV/AIDS",
        "the resolution 1 August",
    ] {
        assert!(
            extract_with(t, GA).is_empty(),
            "{t:?} gave {:?}",
            extract(t)
        );
    }
    // "A/78/L.9" is a symbol, never a date or a resolution.
    let c = one("draft resolution A/78/L.9", GA);
    assert_eq!((c.kind, norm(&c)), (Kind::Symbol, "A/78/L.9"));
}

#[test]
fn symbol_validation_reasons() {
    assert_eq!(
        validate_symbol("X/61/515"),
        Err(SymbolError::UnknownSeries("X".into()))
    );
    assert_eq!(
        validate_symbol("A/RES/LXI/208"),
        Err(SymbolError::SessionNotNumber("LXI".into()))
    );
    assert_eq!(
        validate_symbol("A/61/515/Rev."),
        Err(SymbolError::NeedsNumber("Rev.".into()))
    );
    assert_eq!(validate_symbol(""), Err(SymbolError::Empty));
    let ok = validate_symbol("A/C.2/62/L.5/Rev.1").expect("valid");
    assert_eq!(
        (ok.series.as_str(), ok.modifiers.len(), ok.body()),
        ("A", 1, Some(Body::GeneralAssembly))
    );
}
