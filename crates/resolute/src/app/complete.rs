//! Opening-phrase completion, kind-aware, ranked by how often the library uses each phrase.

use serde::Serialize;

/// What to offer at the cursor.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Completions {
    /// "preambular" or "operative": the kind of paragraph at the cursor.
    pub kind: &'static str,
    /// UTF-16 start of the text the chosen item replaces (up to the cursor).
    pub from: usize,
    /// What was typed so far (without the opening `*`).
    pub prefix: String,
    /// Phrases, most used first.
    pub items: Vec<PhraseItem>,
}

/// One opening phrase.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PhraseItem {
    /// "Recalling", "Calls upon".
    pub phrase: String,
    /// "preambular" or "operative".
    pub kind: &'static str,
    /// Paragraphs of the library opening with it (or, without a library, of the corpus the
    /// catalogue was measured on).
    pub frequency: u64,
    /// What the editor puts in place of `from..cursor`: "*Recalling* ".
    pub insert: String,
}

/// Completions of the opening phrase at UTF-16 offset `at`.
pub fn completions(
    _text: &str,
    _at: usize,
    _library: Option<&resolute_library::Library>,
    _limit: usize,
) -> Completions {
    Completions::default()
}

/// Every catalogue phrase of `kind` ("preambular", "operative", or all).
pub fn catalogue(_kind: Option<&str>) -> Vec<PhraseItem> {
    Vec::new()
}
