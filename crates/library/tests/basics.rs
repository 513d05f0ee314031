//! Behaviour on small documents written for the tests: import, skip, replace, search
//! syntax, register, format versions and damaged indexes.

use std::fs;
use std::path::Path;

use resolute_check::Register;
use resolute_library::{Library, SearchRequest};

use crate::common::{resolution_text, temp_dir};

fn write_two(dir: &Path) {
    fs::write(
        dir.join("a.txt"),
        resolution_text(
            "A/RES/90/11",
            &[
                "Deeply concerned by the spread of desert locusts,",
                "Recalling its resolution 61/208,",
            ],
            &[
                "Requests the Secretary-General to report on locust control;",
                "Decides to remain seized of the matter.",
            ],
        ),
    )
    .unwrap();
    fs::write(
        dir.join("b.txt"),
        resolution_text(
            "S/RES/9001 (2031)",
            &["Gravely concerned by attacks on peacekeepers,"],
            &[
                "Condemns the attacks on peacekeepers;",
                "Decides to remain actively seized of the matter.",
            ],
        ),
    )
    .unwrap();
}

#[test]
fn unchanged_files_are_skipped_and_changed_ones_replaced() {
    let root = temp_dir("reimport");
    let texts = root.join("texts");
    fs::create_dir_all(&texts).unwrap();
    write_two(&texts);
    let mut lib = Library::open(root.join("lib")).unwrap();
    let first = lib
        .import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    assert_eq!(
        (first.added, first.unchanged, first.paragraphs),
        (2, 0, 7),
        "{first:?}"
    );
    let again = lib
        .import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    assert_eq!((again.added, again.replaced, again.unchanged), (0, 0, 2));
    let changed = resolution_text(
        "A/RES/90/11",
        &["Alarmed by locusts,"],
        &["Requests a report on locusts."],
    );
    fs::write(texts.join("a.txt"), changed).unwrap();
    let third = lib.import(&[texts], &mut |_| {}).unwrap();
    assert_eq!((third.replaced, third.unchanged), (1, 1));
    let stats = lib.stats().unwrap();
    assert_eq!(
        stats.paragraphs, 5,
        "old paragraphs of a.txt must be gone: {stats:?}"
    );
    // The counts come from the manifest the import wrote, and agree with a recount.
    assert_eq!(stats, lib.count_stats().unwrap());
    let manifest = fs::read_to_string(lib.dir().join("library.json")).unwrap();
    assert!(manifest.contains("\"stats\""), "{manifest}");
    // A manifest without them (written before they existed) still gives the counts.
    let value: serde_json::Value = serde_json::from_str(&manifest).unwrap();
    let mut older = value.clone();
    older.as_object_mut().unwrap().remove("stats");
    fs::write(lib.dir().join("library.json"), older.to_string()).unwrap();
    assert_eq!(lib.stats().unwrap(), stats);
    assert_eq!(lib.paragraphs_of("A/RES/90/11").unwrap().len(), 2);
    assert!(lib
        .search(&SearchRequest::new("\"desert locusts\""))
        .unwrap()
        .groups
        .is_empty());
}

#[test]
fn search_syntax_filters_and_references() {
    let root = temp_dir("syntax");
    write_two(&root);
    let mut lib = Library::open(root.join("lib")).unwrap();
    lib.import(&[root.join("a.txt"), root.join("b.txt")], &mut |_| {})
        .unwrap();
    let symbols = |q: &str| -> Vec<String> {
        let r = lib.search(&SearchRequest::new(q)).unwrap();
        r.groups.into_iter().map(|g| g.symbol).collect()
    };
    assert_eq!(
        symbols("peacekeeper"),
        ["S/RES/9001 (2031)"],
        "stemmed word"
    );
    assert_eq!(
        symbols("\"remain seized\""),
        ["A/RES/90/11"],
        "exact phrase, not 'remain actively seized'"
    );
    assert_eq!(
        symbols("seized -actively"),
        ["A/RES/90/11"],
        "exclusion is per paragraph"
    );
    assert_eq!(symbols("locust OR peacekeepers").len(), 2);
    assert!(
        symbols("\"seized remain\"").is_empty(),
        "word order matters in a phrase"
    );
    let mut req = SearchRequest::new("seized");
    req.body = Some("SC".into());
    let hits: Vec<_> = lib.search(&req).unwrap().hits().cloned().collect();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].reference, "S/RES/9001 (2031), OP 2");
    assert_eq!(
        hits[0].highlight,
        "Decides to remain actively **seized** of the matter."
    );
    req.body = None;
    req.kind = Some("preambular".into());
    assert!(lib.search(&req).unwrap().groups.is_empty());
    req.kind = None;
    req.to = Some(2031);
    let r = lib.search(&req).unwrap();
    assert!(r.hits().all(|h| h.year == Some(2031)), "{r:?}");
    assert_eq!(r.groups.len(), 1);
}

#[test]
fn the_library_is_a_register() {
    let root = temp_dir("register");
    write_two(&root);
    fs::write(
        root.join("index.csv"),
        "symbol,body,adoption_date,title\nA/RES/68/247 A,GA,2013-12-27,Budget\nA/RES/68/247 B,GA,2014-04-09,\nA/RES/90/11,GA,2035-12-01,Locusts\n",
    )
    .unwrap();
    let mut lib = Library::open(root.join("lib")).unwrap();
    let s = lib
        .import(std::slice::from_ref(&root), &mut |_| {})
        .unwrap();
    assert_eq!(s.metadata_rows, 3, "{s:?}");
    let r = lib.resolution("A/RES/90/11").unwrap();
    assert_eq!(r.operative_paragraphs, Some(2));
    assert_eq!(r.title.as_deref(), Some("Locusts"));
    assert_eq!(r.adopted.as_deref(), Some("2035-12-01"));
    assert!(!r.adopted_from_text, "the date came from metadata");
    assert_eq!(
        lib.paragraph("A/RES/90/11", 2).as_deref(),
        Some("Decides to remain seized of the matter.")
    );
    assert_eq!(lib.paragraph("A/RES/90/11", 3), None);
    let meta_only = lib.resolution("A/RES/68/247A").unwrap();
    assert_eq!(meta_only.adopted.as_deref(), Some("2013-12-27"));
    assert_eq!(meta_only.operative_paragraphs, None);
    assert_eq!(
        lib.lettered("A/RES/68/247"),
        ["A/RES/68/247 A", "A/RES/68/247 B"]
    );
    assert!(lib.resolution("A/RES/1/999").is_none());
}

#[test]
fn precedent_tolerates_changes_and_traces_lineage() {
    let root = temp_dir("precedent");
    let para = "Calls upon all States to strengthen international cooperation to prevent and combat the illicit trafficking in cultural property";
    for (i, year) in [(1, 2001), (2, 2004), (3, 2010)] {
        let text = resolution_text(
            &format!("A/RES/{}/{i}", year - 1945),
            &["Recalling its earlier resolutions,"],
            &[para, "Decides to continue its work."],
        );
        fs::write(root.join(format!("r{i}.txt")), text).unwrap();
    }
    let other = resolution_text(
        "A/RES/70/9",
        &[],
        &["Calls upon all States to combat desertification"],
    );
    fs::write(root.join("other.txt"), other).unwrap();
    let mut lib = Library::open(root.join("lib")).unwrap();
    lib.import(std::slice::from_ref(&root), &mut |_| {})
        .unwrap();
    let draft = "Calls upon all Member States to strengthen cooperation to combat and prevent the illicit trafficking in cultural property";
    let found = lib.precedent(draft, 3).unwrap();
    let top = &found.precedents[0];
    assert_eq!(top.hit.text, para);
    assert_eq!(
        top.hit.symbol, "A/RES/56/1",
        "equal wording: the earliest adoption (the source) first"
    );
    let same = found
        .precedents
        .iter()
        .filter(|p| p.hit.text == para)
        .count();
    assert_eq!(
        same, 1,
        "one precedent per wording; the lineage lists the others"
    );
    assert!(
        top.hit.score > 0.7 && top.hit.score < 1.0,
        "{}",
        top.hit.score
    );
    assert!(
        top.diff
            .iter()
            .any(|d| d.op == "insert" && d.text == "Member"),
        "{:?}",
        top.diff
    );
    assert!(
        top.diff
            .iter()
            .any(|d| d.op == "delete" && d.text.contains("international")),
        "{:?}",
        top.diff
    );
    let lineage = found.lineage.unwrap();
    assert_eq!(lineage.occurrences, 3);
    assert_eq!(lineage.earliest.symbol, "A/RES/56/1");
    assert_eq!(lineage.latest.symbol, "A/RES/65/3");
    assert!(lib.precedent("", 3).unwrap().precedents.is_empty());
}

/// A later resolution repeating a paragraph with a few words changed must not outrank the
/// paragraph itself when the draft is that paragraph with two words dropped (the stemmed
/// word-bag similarity ranked the later one first: its change is one the stemmer does not
/// see).
#[test]
fn precedent_ranks_the_closest_words_first_then_the_earliest() {
    let root = temp_dir("precedent-rank");
    let source = "Urges all States to take all necessary measures to ensure that human rights defenders can carry out their work in a safe and enabling environment";
    // The later text dropped the same two words and wrote "measure": its stems equal the
    // draft's, its words do not.
    let later = "Urges all States to take all necessary measure to ensure that human rights defenders can carry out work in a safe enabling environment";
    fs::write(
        root.join("a.txt"),
        resolution_text("A/HRC/RES/49/9", &[], &[source, "Decides to continue."]),
    )
    .unwrap();
    fs::write(
        root.join("b.txt"),
        resolution_text("A/HRC/RES/55/13", &[], &[later, "Decides to continue."]),
    )
    .unwrap();
    let mut lib = Library::open(root.join("lib")).unwrap();
    lib.import(std::slice::from_ref(&root), &mut |_| {})
        .unwrap();
    let draft = "Urges all States to take all necessary measures to ensure that human rights defenders can carry out work in a safe enabling environment";
    let found = lib.precedent(draft, 2).unwrap();
    let order: Vec<&str> = found
        .precedents
        .iter()
        .map(|p| p.hit.symbol.as_str())
        .collect();
    assert_eq!(order, ["A/HRC/RES/49/9", "A/HRC/RES/55/13"]);
    assert!(found.precedents[0].hit.score > found.precedents[1].hit.score);
    // The diff shown is the one ranked by: the two dropped words only.
    let dropped: Vec<&str> = found.precedents[0]
        .diff
        .iter()
        .filter(|d| d.op != "equal")
        .map(|d| d.text.as_str())
        .collect();
    assert_eq!(dropped, ["their", "and"]);
}

#[test]
fn an_older_format_is_rebuilt_from_its_sources() {
    let root = temp_dir("older");
    write_two(&root);
    let dir = root.join("lib");
    let mut lib = Library::open(&dir).unwrap();
    lib.import(&[root.join("a.txt")], &mut |_| {}).unwrap();
    drop(lib);
    let manifest = fs::read_to_string(dir.join("library.json")).unwrap();
    let older = manifest.replace(
        &format!("\"version\": {}", resolute_library::FORMAT_VERSION),
        "\"version\": 0",
    );
    assert_ne!(older, manifest);
    fs::write(dir.join("library.json"), older).unwrap();
    let lib = Library::open(&dir).unwrap();
    let rebuilt = lib.rebuilt().expect("an older index must be rebuilt");
    assert!(rebuilt.reason.contains("older"), "{}", rebuilt.reason);
    assert_eq!(rebuilt.summary.added, 1);
    assert_eq!(
        lib.search(&SearchRequest::new("locust"))
            .unwrap()
            .groups
            .len(),
        1
    );
}

#[test]
fn a_damaged_index_is_detected_and_rebuilt() {
    let root = temp_dir("damaged");
    write_two(&root);
    let dir = root.join("lib");
    let mut lib = Library::open(&dir).unwrap();
    lib.import(&[root.join("b.txt")], &mut |_| {}).unwrap();
    drop(lib);
    fs::write(dir.join("index/meta.json"), b"{ garbage").unwrap();
    let lib = Library::open(&dir).unwrap();
    let rebuilt = lib.rebuilt().expect("a damaged index must be rebuilt");
    assert!(rebuilt.reason.contains("damaged"), "{}", rebuilt.reason);
    assert_eq!(
        lib.search(&SearchRequest::new("peacekeepers"))
            .unwrap()
            .groups
            .len(),
        1
    );
    // Segment files cut short are caught too.
    drop(lib);
    for entry in fs::read_dir(dir.join("index")).unwrap() {
        let path = entry.unwrap().path();
        if path
            .extension()
            .is_some_and(|e| e == "idx" || e == "store" || e == "term")
        {
            fs::write(&path, b"x").unwrap();
        }
    }
    let lib = Library::open(&dir).unwrap();
    assert!(lib.rebuilt().is_some());
    assert_eq!(
        lib.search(&SearchRequest::new("peacekeepers"))
            .unwrap()
            .groups
            .len(),
        1
    );
}

#[test]
fn a_newer_format_is_refused_and_left_alone() {
    let root = temp_dir("newer");
    let dir = root.join("lib");
    drop(Library::open(&dir).unwrap());
    let json = format!(
        r#"{{"format":"resolute-library","version":{},"roots":[]}}"#,
        resolute_library::FORMAT_VERSION + 1
    );
    fs::write(dir.join("library.json"), &json).unwrap();
    assert!(matches!(
        Library::open(&dir),
        Err(resolute_library::LibraryError::NewerFormat { .. })
    ));
    assert_eq!(fs::read_to_string(dir.join("library.json")).unwrap(), json);
}

#[test]
fn json_lines_have_the_design_fields_and_stats_count_by_body_and_year() {
    let root = temp_dir("json");
    write_two(&root);
    let mut lib = Library::open(root.join("lib")).unwrap();
    lib.import(std::slice::from_ref(&root), &mut |_| {})
        .unwrap();
    let results = lib.search(&SearchRequest::new("seized")).unwrap();
    let precedents = lib
        .precedent("Decides to remain seized of this matter", 1)
        .unwrap();
    let lines = [
        serde_json::to_value(results.hits().next().unwrap()).unwrap(),
        serde_json::to_value(&precedents.precedents[0]).unwrap(),
    ];
    for line in &lines {
        for key in [
            "symbol",
            "body",
            "date",
            "kind",
            "n",
            "text",
            "score",
            "highlight",
        ] {
            assert!(line.get(key).is_some(), "{key} missing in {line}");
        }
    }
    assert!(lines[1]["diff"].is_array());
    let stats = lib.stats().unwrap();
    assert_eq!(stats.resolutions, 2);
    assert_eq!(stats.by_body["GA"].paragraphs, 4);
    assert_eq!(stats.by_body["SC"].resolutions, 1);
    assert_eq!(stats.by_year[&2031].resolutions, 1);
    assert_eq!(stats.by_year[&2035].paragraphs, 4);
}

#[test]
fn a_second_import_at_once_is_refused_as_busy_and_search_goes_on() {
    let root = temp_dir("busy");
    write_two(&root);
    let dir = root.join("lib");
    let mut first = Library::open(&dir).unwrap();
    first.import(&[root.join("a.txt")], &mut |_| {}).unwrap();
    let mut second = Library::open(&dir).unwrap();
    // The first import reports progress from inside its run: start the second there.
    let mut outcome = None;
    first
        .import(&[root.join("b.txt")], &mut |_| {
            if outcome.is_none() {
                outcome = Some(second.import(&[root.join("a.txt")], &mut |_| {}));
                assert_eq!(
                    second
                        .search(&SearchRequest::new("locust"))
                        .unwrap()
                        .groups
                        .len(),
                    1
                );
            }
        })
        .unwrap();
    assert!(
        matches!(outcome, Some(Err(resolute_library::LibraryError::Busy))),
        "{outcome:?}"
    );
}

/// The counts an import keeps as it goes (what `library stats` reads) are those a count of
/// the index gives, through added, replaced, unchanged files, metadata replaced and one
/// symbol given by two files.
#[test]
fn the_counts_kept_by_imports_are_those_of_the_index() {
    let root = temp_dir("kept-stats");
    let texts = root.join("texts");
    fs::create_dir_all(&texts).unwrap();
    write_two(&texts);
    let mut lib = Library::open(root.join("lib")).unwrap();
    // The counts must come from the manifest: without them `stats` would count, and the
    // comparison would prove nothing.
    let check = |lib: &Library, step: &str| {
        let manifest: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(lib.dir().join("library.json")).unwrap())
                .unwrap();
        let kept: resolute_library::Stats =
            serde_json::from_value(manifest["stats"].clone()).expect("counts in the manifest");
        assert_eq!(kept, lib.count_stats().unwrap(), "{step}");
        assert_eq!(lib.stats().unwrap(), kept, "{step}");
    };
    lib.import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    check(&lib, "first import");
    // A text replaced (other paragraphs, another organ by its symbol), a metadata file, and
    // a second file of a symbol already there.
    fs::write(
        texts.join("a.txt"),
        resolution_text(
            "S/RES/9002 (2031)",
            &["Noting the report,"],
            &["Decides to act."],
        ),
    )
    .unwrap();
    fs::write(
        texts.join("index.csv"),
        "symbol,body,adoption_date,title\nS/RES/9001 (2031),SC,2031-03-01,Peacekeepers\n",
    )
    .unwrap();
    fs::write(
        texts.join("c.txt"),
        resolution_text(
            "S/RES/9001 (2031)",
            &["Gravely concerned,"],
            &["Condemns the attacks;", "Decides to remain seized."],
        ),
    )
    .unwrap();
    let second = lib
        .import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    assert_eq!((second.added, second.replaced, second.unchanged), (2, 1, 1));
    check(&lib, "replaced, metadata, same symbol twice");
    fs::write(
        texts.join("index.csv"),
        "symbol,body,adoption_date,title\nS/RES/9001 (2031),SC,2031-03-01,Peacekeepers\nS/RES/9002 (2031),SC,2031-04-01,Action\n",
    )
    .unwrap();
    lib.import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    check(&lib, "metadata replaced");
    lib.import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    check(&lib, "unchanged");
    // A library whose manifest has no counts (older, or a killed import) counts once.
    let manifest = root.join("lib/library.json");
    let mut json: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(&manifest).unwrap()).unwrap();
    json.as_object_mut().unwrap().remove("stats");
    fs::write(&manifest, serde_json::to_string(&json).unwrap()).unwrap();
    let mut reopened = Library::open(root.join("lib")).unwrap();
    fs::write(
        texts.join("d.txt"),
        resolution_text("A/RES/90/12", &["Recalling,"], &["Decides."]),
    )
    .unwrap();
    reopened
        .import(std::slice::from_ref(&texts), &mut |_| {})
        .unwrap();
    check(&reopened, "counted once, then kept");
}

#[test]
fn usage_by_year_counts_matching_paragraphs_by_organ_and_year() {
    let root = temp_dir("years");
    write_two(&root);
    fs::write(
        root.join("c.txt"),
        resolution_text(
            "A/RES/91/2",
            &["Recalling its resolution 90/11 on locust control,"],
            &["Decides to remain seized of the matter."],
        ),
    )
    .unwrap();
    let mut lib = Library::open(root.join("lib")).unwrap();
    lib.import(std::slice::from_ref(&root), &mut |_| {})
        .unwrap();
    let rows = |q: &str, body: Option<&str>| {
        let mut request = SearchRequest::new(q);
        request.body = body.map(str::to_string);
        lib.usage_by_year(&request)
            .unwrap()
            .into_iter()
            .map(|r| (r.body, r.year, r.paragraphs, r.resolutions))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        rows("seized", None),
        [
            ("GA".to_string(), 2035, 1, 1),
            ("GA".to_string(), 2036, 1, 1),
            ("SC".to_string(), 2031, 1, 1)
        ]
    );
    assert_eq!(
        rows("locust", None),
        [
            ("GA".to_string(), 2035, 2, 1),
            ("GA".to_string(), 2036, 1, 1)
        ]
    );
    assert_eq!(
        rows("seized", Some("Security Council")),
        [("SC".to_string(), 2031, 1, 1)]
    );
    assert!(rows("-seized", None).is_empty());
    // The same paragraphs as the search counts.
    let total: u64 = rows("seized", None).iter().map(|r| r.2).sum();
    let found = lib
        .search(&SearchRequest::new("seized"))
        .unwrap()
        .total_paragraphs;
    assert_eq!(total, found as u64);
}
