//! The index schema: one tantivy document per paragraph, per resolution record, per
//! metadata row and per imported source file, told apart by `doc_type`.

use tantivy::schema::{
    Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, INDEXED, STORED, STRING,
};

/// Tokenizer of the ranked field: lower case plus the English Snowball stemmer.
pub(crate) const STEMMED: &str = "en_stem";
/// Tokenizer of the exact-phrase field: lower case, no stemming.
pub(crate) const PLAIN: &str = "default";
/// Tokenizer of the word-pair field (`pairs.rs`).
pub(crate) const PAIRS: &str = "pairs";

/// `doc_type` of a paragraph document.
pub(crate) const PARA: &str = "para";
/// `doc_type` of the record of a resolution whose text was imported.
pub(crate) const DOC: &str = "doc";
/// `doc_type` of a metadata row (CSV/JSONL) about a resolution.
pub(crate) const META: &str = "meta";
/// `doc_type` of the record of an imported file (path and content hash).
pub(crate) const SOURCE: &str = "source";

/// Handles on every field of the schema.
#[derive(Debug, Clone)]
pub(crate) struct Fields {
    pub schema: Schema,
    pub doc_type: Field,
    pub source: Field,
    pub hash: Field,
    pub symbol: Field,
    pub symbol_key: Field,
    pub base_key: Field,
    pub body: Field,
    pub session: Field,
    pub date: Field,
    pub year: Field,
    pub title: Field,
    pub kind: Field,
    pub n: Field,
    pub ord: Field,
    pub section: Field,
    pub opening: Field,
    pub text: Field,
    pub exact: Field,
    pub pairs: Field,
    pub ops: Field,
    pub file: Field,
    pub date_source: Field,
    pub pos: Field,
    /// How the resolution was adopted (metadata rows: meeting, vote, sponsors), as JSON.
    pub adoption: Field,
    /// Which resolution a document belongs to, as a number (`resolution_id` of its symbol
    /// key), in a column: counting resolutions among matches needs no stored document.
    pub resolution: Field,
}

/// A stable 64-bit number for a register key (FNV-1a): the `resolution` column's value.
pub(crate) fn resolution_id(key: &str) -> u64 {
    key.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

fn text_options(tokenizer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(tokenizer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

impl Fields {
    /// Builds the schema of the current format version. (One line per field, so longer
    /// than our usual function: splitting it would only scatter the field list.)
    pub fn new() -> Self {
        let mut b = Schema::builder();
        let doc_type = b.add_text_field("doc_type", STRING | STORED);
        let source = b.add_text_field("source", STRING | STORED);
        let hash = b.add_text_field("hash", STRING | STORED);
        let symbol = b.add_text_field("symbol", STORED);
        let symbol_key = b.add_text_field("symbol_key", STRING | STORED);
        let base_key = b.add_text_field("base_key", STRING);
        let body = b.add_text_field("body", STRING | STORED);
        let session = b.add_text_field("session", STORED);
        let date = b.add_text_field("date", STORED);
        let year = b.add_u64_field("year", INDEXED | STORED | FAST);
        let title = b.add_text_field("title", text_options(STEMMED, true));
        let kind = b.add_text_field("kind", STRING | STORED);
        let n = b.add_u64_field("n", INDEXED | STORED);
        let ord = b.add_u64_field("ord", INDEXED | STORED);
        let section = b.add_text_field("section", STORED);
        let opening = b.add_text_field("opening", STRING | STORED);
        let text = b.add_text_field("text", text_options(STEMMED, true));
        let exact = b.add_text_field("exact", text_options(PLAIN, false));
        let pairs = b.add_text_field("pairs", text_options(PAIRS, false));
        let ops = b.add_u64_field("ops", STORED);
        let file = b.add_text_field("file", STORED);
        let date_source = b.add_text_field("date_source", STORED);
        let pos = b.add_u64_field("pos", STORED);
        let adoption = b.add_text_field("adoption", STORED);
        let resolution = b.add_u64_field("resolution", FAST);
        Fields {
            schema: b.build(),
            doc_type,
            source,
            hash,
            symbol,
            symbol_key,
            base_key,
            body,
            session,
            date,
            year,
            title,
            kind,
            n,
            ord,
            section,
            opening,
            text,
            exact,
            pairs,
            ops,
            file,
            date_source,
            pos,
            adoption,
            resolution,
        }
    }

    /// Whether an index's schema is exactly this one (same fields, types and options).
    pub fn matches(&self, other: &Schema) -> bool {
        serde_json::to_value(&self.schema).ok() == serde_json::to_value(other).ok()
    }
}
