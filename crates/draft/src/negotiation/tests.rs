use super::*;
use crate::{format, parse_markdown};

const SRC: &str = "---\nstage: informals\n---\n\n*The General Assembly*,\n\n\
*Recalling* [its][the] resolution 70/1 [of X date],\n\n\
{PP1 bis} {pending: EU} *Noting* [with concern]{G77; delete: US} the report,\n\n\
1. {agreed ad ref} *Decides* to act;\n\n\
{1 bis} *Requests* [a report [on progress]] {Note: from the facilitator};\n\n\
(a) [To act - EU, G77 retain];\n\n\
2. *Decides* to remain seized of the matter.\n";

#[test]
fn normalised_negotiating_text_round_trips_byte_for_byte() {
    assert_eq!(format(SRC).unwrap(), SRC);
    let d = parse_markdown(SRC).unwrap();
    assert_eq!(crate::write_markdown(&d), SRC);
}

#[test]
fn marks_are_read_off_the_text() {
    let d = parse_markdown(SRC).unwrap();
    let pp2 = &d.preamble[1];
    assert_eq!(pp2.opening.as_deref(), Some("Noting"));
    assert!(pp2.text.starts_with("Noting [with concern]"));
    let m = pp2.marks.as_ref().unwrap();
    assert_eq!(m.label.as_deref(), Some("PP1 bis"));
    assert_eq!(
        m.status,
        Some(Status::Pending {
            with: vec!["EU".into()]
        })
    );
    assert_eq!(d.operative.len(), 3);
    let op = &d.operative[1];
    assert_eq!(op.marks.as_ref().unwrap().label.as_deref(), Some("1 bis"));
    assert_eq!(op.number, None);
    assert_eq!(op.sub.len(), 1);
    assert_eq!(op.opening.as_deref(), Some("Requests"));
}

#[test]
fn analysis_of_a_negotiating_text() {
    let d = parse_markdown(SRC).unwrap();
    let n = analyze(SRC, &d);
    let t = &n.totals;
    assert_eq!((t.pairs, t.unbalanced, t.max_depth), (7, 0, 2));
    assert_eq!((t.alternatives, t.placeholders), (1, 1));
    assert_eq!((t.agreed, t.pending, t.notes, t.attributed), (1, 1, 1, 2));
    let labels: Vec<&str> = n.paragraphs.iter().map(|p| p.label.as_str()).collect();
    assert_eq!(labels, ["PP1", "PP1 bis", "OP1", "OP1 bis", "OP2"]);
    assert_eq!(n.paragraphs[3].brackets, 3);
    let us = n.actors.iter().find(|a| a.name == "US").unwrap();
    assert_eq!((us.proposed, us.delete), (0, 1));
    let eu = n.actors.iter().find(|a| a.name == "EU").unwrap();
    assert_eq!(eu.retain, 1);
}

#[test]
fn numbers_are_frozen_and_new_paragraphs_get_the_next_free_label() {
    let src = "---\nstage: rev 1\n---\n\n3. *Decides* a;\n\n3. *Requests* b;\n\n\
               3. *Urges* c;\n\n{3 bis} *Calls* d;\n\n7. *Decides* e;\n\n1. *Notes* f;\n\n\
               - *Invites* g.\n";
    let out = format(src).unwrap();
    assert_eq!(
        out,
        "---\nstage: rev 1\n---\n\n3. *Decides* a;\n\n{3 ter} *Requests* b;\n\n\
         {3 quater} *Urges* c;\n\n{3 bis} *Calls* d;\n\n7. *Decides* e;\n\n1. *Notes* f;\n\n\
         - *Invites* g.\n"
    );
    assert_eq!(format(&out).unwrap(), out);
}

#[test]
fn without_a_stage_nothing_changes() {
    let src = "*Recalling* [its] resolution,\n\n1. {agreed ad ref} *Decides* [x].\n";
    let d = parse_markdown(src).unwrap();
    assert!(d.paragraphs().all(|p| p.marks.is_none()));
    assert!(!is_on(&d));
    assert_eq!(d.operative[0].text, "{agreed ad ref} Decides [x].");
}

#[test]
fn unbalanced_text_is_kept_and_reported() {
    let src = "---\nstage: informals\n---\n\n1. a [b] c] d [e\n";
    let d = parse_markdown(src).unwrap();
    assert_eq!(d.operative[0].text, "a [b] c] d [e");
    let n = analyze(src, &d);
    let at: Vec<(usize, char)> = n.unmatched.iter().map(|u| (u.at, u.ch)).collect();
    let close = src.find("c]").unwrap() + 1;
    let open = src.rfind('[').unwrap();
    assert_eq!(at, [(close, ']'), (open, '[')]);
    assert_eq!(format(src).unwrap(), src);
}

#[test]
fn link_syntax_is_read_as_the_characters_it_is() {
    let src =
        "---\nstage: informals\n---\n\n1. *Decides* [to act](EU) [now][later] <http://x.org>.\n";
    let d = parse_markdown(src).unwrap();
    assert_eq!(
        d.operative[0].text,
        "Decides [to act](EU) [now][later] <http://x.org>."
    );
    assert_eq!(format(src).unwrap(), src);
    let n = analyze(src, &d);
    assert_eq!((n.totals.pairs, n.totals.alternatives), (3, 1));
}

#[test]
fn imported_text_keeps_its_brackets() {
    let text = "The Parties,\n\nRecalling [its][the] decision [X],\n\n\
                1. Decides [to act [now]] {Pending outcome of Article 10};\n\n\
                2. [Agreed ad ref] Requests a report.\n";
    assert!(carries_negotiation(text));
    let mut d = crate::segment(text);
    adopt(&mut d, "informals");
    let md = crate::write_markdown(&d);
    assert!(md.contains("[its][the] decision [X]"), "{md}");
    let back = parse_markdown(&md).unwrap();
    assert_eq!(format(&md).unwrap(), md);
    let n = analyze(&md, &back);
    assert_eq!(
        (n.totals.pairs, n.totals.max_depth, n.totals.notes),
        (6, 2, 1)
    );
    assert_eq!(n.totals.agreed, 1);
}
