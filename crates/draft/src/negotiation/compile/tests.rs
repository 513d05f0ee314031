use super::*;
use crate::write_markdown;

const BASE: &str = "\
The General Assembly,

*Recalling* its resolution 70/1 of 25 September 2015,

*Noting* the report of the Secretary-General,

1. *Decides* to convene a high-level meeting in 2027;

2. *Requests* the Secretary-General to report to it at its eighty-second session;

3. *Urges* Member States:

   (a) To act without delay;

   (b) To report on progress;

4. *Decides* to remain seized of the matter.
";

fn draft(src: &str) -> Draft {
    parse_markdown(src).unwrap()
}

/// Compiles, writes, reads back; returns the compiled source.
fn compiled(versions: &[(&str, &str)]) -> String {
    let base = draft(BASE);
    let drafts: Vec<Draft> = versions.iter().map(|(_, s)| draft(s)).collect();
    let list: Vec<Version> = versions
        .iter()
        .zip(&drafts)
        .map(|((name, _), d)| Version { name, draft: d })
        .collect();
    write_markdown(&compile(&base, &list).unwrap().draft)
}

fn round_trips(src: &str, keep: &str, expected: &str) {
    let diff = round_trip(src, keep, &draft(expected)).unwrap();
    assert!(
        diff.is_empty(),
        "keep {keep}: {diff:#?}\n--- compiled:\n{src}"
    );
}

#[test]
fn one_delegation_replaces_inserts_and_deletes_words() {
    let eu = BASE
        .replace("in 2027", "in 2028")
        .replace("to report to it", "to report in writing to it")
        .replace(" of the Secretary-General,", ",");
    let src = compiled(&[("EU", &eu)]);
    assert!(src.contains("[2027;]{delete: EU}[2028;]{EU}"), "{src}");
    assert!(src.contains("to report [in writing]{EU} to it"), "{src}");
    assert!(
        src.contains("[report of the Secretary-General,]{delete: EU}[report,]{EU}"),
        "{src}"
    );
    assert!(src.starts_with("---\nstage: compilation\n---"), "{src}");
    round_trips(&src, "EU", &eu);
    round_trips(&src, "none", BASE);
    round_trips(&src, "US", BASE);
}

#[test]
fn overlapping_changes_become_one_group_of_alternatives() {
    let eu = BASE.replace("convene a high-level meeting", "convene a summit");
    let g77 = BASE.replace(
        "a high-level meeting in 2027",
        "a high-level dialogue in 2026",
    );
    let us = BASE.replace("a high-level meeting", "an informal meeting");
    let src = compiled(&[("EU", &eu), ("G77", &g77), ("US", &us)]);
    assert!(
        src.contains(
            "1. *Decides* to convene [a high-level meeting]{delete: EU, G77, US}[a summit]{EU}\
             [a high-level dialogue]{G77}[an informal meeting]{US} in [2027;]{delete: G77}\
             [2026;]{G77}"
        ),
        "{src}"
    );
    for (name, text) in [("EU", &eu), ("G77", &g77), ("US", &us)] {
        round_trips(&src, name, text);
    }
    round_trips(&src, "none", BASE);
}

#[test]
fn the_same_change_by_two_delegations_is_one_proposal() {
    let v = BASE.replace("without delay", "urgently");
    let src = compiled(&[("EU", &v), ("Japan", &v)]);
    assert!(
        src.contains("(a) To act [without delay;]{delete: EU, Japan}[urgently;]{EU, Japan}"),
        "{src}"
    );
    round_trips(&src, "Japan", &v);
}

#[test]
fn paragraphs_and_subparagraphs_added_and_deleted() {
    let eu = BASE
        .replace(
            "*Noting* the report of the Secretary-General,\n",
            "*Noting* the report of the Secretary-General,\n\n*Welcoming* the progress made,\n",
        )
        .replace(
            "2. *Requests*",
            "2. *Invites* the regional commissions to contribute;\n\n3. *Requests*",
        )
        .replace("3. *Urges*", "4. *Urges*")
        .replace("4. *Decides* to remain", "5. *Decides* to remain")
        .replace(
            "   (b) To report on progress;\n",
            "   (b) To report on progress;\n\n   (c) To share data;\n",
        );
    let us = BASE
        .replace(
            "*Recalling* its resolution 70/1 of 25 September 2015,\n\n",
            "",
        )
        .replace("   (a) To act without delay;\n\n", "")
        .replace("   (b) To report", "   (a) To report");
    let src = compiled(&[("EU", &eu), ("US", &us)]);
    assert!(
        src.contains("{PP2 bis} [*Welcoming* the progress made,]{EU}"),
        "{src}"
    );
    assert!(
        src.contains("{1 bis} [*Invites* the regional commissions to contribute;]{EU}"),
        "{src}"
    );
    assert!(
        src.contains("[*Recalling* its resolution 70/1 of 25 September 2015,]{delete: US}"),
        "{src}"
    );
    assert!(
        src.contains("(a) [To act without delay;]{delete: US}"),
        "{src}"
    );
    assert!(src.contains("(c) [To share data;]{EU}"), "{src}");
    round_trips(&src, "EU", &eu);
    round_trips(&src, "US", &us);
    round_trips(&src, "none", BASE);
    // The compiled text is a negotiating text whose labels and attributions read back.
    let d = parse_markdown(&src).unwrap();
    let n = crate::negotiation::analyze(&src, &d);
    assert!(n.unmatched.is_empty());
    let labels: Vec<&str> = n.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert!(
        labels.contains(&"PP2 bis") && labels.contains(&"OP1 bis"),
        "{labels:?}"
    );
}

#[test]
fn names_that_cannot_be_attributions_are_refused() {
    let base = draft(BASE);
    for bad in ["none", "eu", "a; b", "EU, US", ""] {
        let err = compile(
            &base,
            &[Version {
                name: bad,
                draft: &base,
            }],
        )
        .unwrap_err();
        assert!(matches!(err, CompileError::BadName(_)), "{bad}: {err}");
    }
    let twice = [
        Version {
            name: "EU",
            draft: &base,
        },
        Version {
            name: "eu",
            draft: &base,
        },
    ];
    assert!(matches!(
        compile(&base, &twice),
        Err(CompileError::BadName(_) | CompileError::Repeated(_))
    ));
    let ok = [Version {
        name: "Russian Federation",
        draft: &base,
    }];
    let c = compile(&base, &ok).unwrap();
    assert_eq!(
        c.counts[0],
        VersionCounts {
            name: "Russian Federation".into(),
            ..Default::default()
        }
    );
}

#[test]
fn similar_paragraphs_added_at_one_place_are_one_paragraph_with_alternatives() {
    let add = |words: &str| {
        BASE.replace(
            "*Noting* the report of the Secretary-General,\n",
            &format!("*Noting* the report of the Secretary-General,\n\n*Welcoming* {words},\n"),
        )
    };
    let eu = add("the progress made by Member States");
    let us = add("the steps taken by Member States");
    let g77 = add("the progress made by Member States");
    let src = compiled(&[("EU", &eu), ("US", &us), ("G77", &g77)]);
    assert!(
        src.contains(
            "{PP2 bis} [*Welcoming* the [progress made]{delete: US}[steps taken]{US} by Member \
             States,]{EU, US, G77}"
        ),
        "{src}"
    );
    assert_eq!(src.matches("*Welcoming*").count(), 1, "{src}");
    for (name, text) in [("EU", &eu), ("US", &us), ("G77", &g77)] {
        round_trips(&src, name, text);
    }
    round_trips(&src, "none", BASE);
}
