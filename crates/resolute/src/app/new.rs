//! A new draft from the welcome view's short form: the front matter (organ, session, agenda
//! item, title, sponsors), the enacting formula, one preambular and one operative paragraph
//! to type over, in normalised form.

use resolute_draft::{Body, FrontMatter};
use serde::Deserialize;

/// What the form asks.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
pub struct NewDraft {
    /// "GA", "HRC", "ECOSOC", "SC", or a Main Committee of the General Assembly ("C.1" …
    /// "C.6"), whose drafts are General Assembly drafts.
    pub organ: String,
    /// The session ("81") or, for the Security Council and ECOSOC, the year.
    pub session: String,
    /// "18 (b)".
    pub agenda_item: String,
    /// The title.
    pub title: String,
    /// Sponsoring States, one per entry.
    pub sponsors: Vec<String>,
}

/// The sample draft shipped with the app (assets/sample/draft.md), opened from the welcome
/// view as an untitled copy: Save asks where to keep it.
pub const SAMPLE_DRAFT: &str = include_str!("../../../../assets/sample/draft.md");

/// The sample as an opened draft without a file of its own.
pub fn sample_draft() -> super::OpenedDraft {
    super::OpenedDraft {
        path: None,
        name: "sample-draft.md".to_string(),
        text: SAMPLE_DRAFT.to_string(),
        imported: false,
    }
}

/// The opening text each new paragraph has, to be typed over.
pub const PREAMBULAR_PLACEHOLDER: &str = "Recalling (type the first preambular paragraph here),";
/// See [`PREAMBULAR_PLACEHOLDER`].
pub const OPERATIVE_PLACEHOLDER: &str = "Decides (type the first operative paragraph here).";

/// The draft the form describes, in the draft format.
pub fn new_draft(form: &NewDraft) -> String {
    let organ = form.organ.trim();
    let body = if organ.starts_with("C.") {
        Body::GeneralAssembly
    } else {
        Body::parse(organ).unwrap_or(Body::GeneralAssembly)
    };
    let keep = |s: &str| {
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        (!s.is_empty()).then_some(s)
    };
    let mut sponsors: Vec<String> = Vec::new();
    for s in form.sponsors.iter().filter_map(|s| keep(s)) {
        if !sponsors.contains(&s) {
            sponsors.push(s);
        }
    }
    let meta = FrontMatter {
        body: Some(body),
        session: keep(&form.session),
        agenda_item: keep(&form.agenda_item),
        title: keep(&form.title),
        sponsors,
        language: Some("en".to_string()),
        ..FrontMatter::default()
    };
    let draft = resolute_draft::Draft {
        meta,
        ..resolute_draft::Draft::default()
    };
    let head = resolute_draft::write_markdown(&draft);
    let text = format!(
        "{head}\n*{}*\n\n{PREAMBULAR_PLACEHOLDER}\n\n1. {OPERATIVE_PLACEHOLDER}\n",
        body.enacting_formula()
    );
    // Normalised as `fmt` writes it (emphasis on the openings): what Save would write.
    resolute_draft::format(&text).unwrap_or(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_form_gives_a_draft_that_reads_back_with_its_fields() {
        let form = NewDraft {
            organ: "C.2".into(),
            session: "81".into(),
            agenda_item: " 18  (b) ".into(),
            title: "Groundwater: \"shared\" aquifers".into(),
            sponsors: vec![
                "Ruritania".into(),
                " ".into(),
                "Trinidad and Tobago".into(),
                "Ruritania".into(),
            ],
        };
        let text = new_draft(&form);
        let d = resolute_draft::parse_markdown(&text).expect("reads back");
        assert_eq!(d.meta.body, Some(Body::GeneralAssembly));
        assert_eq!(d.meta.session.as_deref(), Some("81"));
        assert_eq!(d.meta.agenda_item.as_deref(), Some("18 (b)"));
        assert_eq!(
            d.meta.title.as_deref(),
            Some("Groundwater: \"shared\" aquifers")
        );
        assert_eq!(d.meta.sponsors, ["Ruritania", "Trinidad and Tobago"]);
        assert_eq!(
            d.enacting.map(|e| e.text),
            Some("The General Assembly,".to_string())
        );
        assert_eq!(d.preamble.len(), 1);
        assert_eq!(d.operative.len(), 1);
        assert_eq!(d.preamble[0].opening.as_deref(), Some("Recalling"));
        // Written in normalised form: fmt changes nothing.
        assert_eq!(resolute_draft::format(&text).unwrap(), text);
    }

    #[test]
    fn each_organ_has_its_enacting_formula() {
        for (organ, formula) in [
            ("GA", "The General Assembly,"),
            ("HRC", "The Human Rights Council,"),
            ("ECOSOC", "The Economic and Social Council,"),
            ("SC", "The Security Council,"),
        ] {
            let text = new_draft(&NewDraft {
                organ: organ.into(),
                ..NewDraft::default()
            });
            let d = resolute_draft::parse_markdown(&text).unwrap();
            assert_eq!(
                d.enacting.map(|e| e.text).as_deref(),
                Some(formula),
                "{text}"
            );
        }
    }
}
