//! The library as the register that citation checks ask: resolutions known from imported
//! texts and from metadata rows, looked up by symbol through `register_key`.

use resolute_check::{register_key, Register, Resolution};
use resolute_draft::Body;
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{Field, IndexRecordOption, Value};
use tantivy::{TantivyDocument, Term};

use crate::error::Result;
use crate::metadata::Adoption;
use crate::schema::{DOC, META, PARA};
use crate::Library;

pub(crate) fn term(field: Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::Basic,
    ))
}

pub(crate) fn all(queries: Vec<Box<dyn Query>>) -> BooleanQuery {
    BooleanQuery::new(queries.into_iter().map(|q| (Occur::Must, q)).collect())
}

/// The stored text of a field.
pub(crate) fn text_of(doc: &TantivyDocument, field: Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

/// The stored number of a field.
pub(crate) fn u64_of(doc: &TantivyDocument, field: Field) -> Option<u64> {
    doc.get_first(field).and_then(|v| v.as_u64())
}

impl Library {
    /// Every stored document matching `query` (small result sets only: records, rows).
    pub(crate) fn fetch_all(&self, query: &dyn Query) -> Result<Vec<TantivyDocument>> {
        let searcher = self.searcher();
        let addresses = searcher.search(query, &DocSetCollector)?;
        let mut out = Vec::with_capacity(addresses.len());
        for address in addresses {
            out.push(searcher.doc(address)?);
        }
        Ok(out)
    }

    /// Every stored document of one `doc_type`.
    pub(crate) fn all_of_type(&self, doc_type: &str) -> Result<Vec<TantivyDocument>> {
        self.fetch_all(&*term(self.fields.doc_type, doc_type))
    }

    /// Resolution records and metadata rows of a register key, text records first.
    fn records(&self, key: &str) -> Result<Vec<TantivyDocument>> {
        let f = &self.fields;
        let mut docs = Vec::new();
        for doc_type in [DOC, META] {
            let q = all(vec![term(f.doc_type, doc_type), term(f.symbol_key, key)]);
            docs.extend(self.fetch_all(&q)?);
        }
        Ok(docs)
    }

    /// What the library knows of a resolution: the record of its text, completed by
    /// metadata rows. Errors of the index read as "unknown".
    pub fn lookup(&self, symbol: &str) -> Result<Option<Resolution>> {
        let f = &self.fields;
        let docs = self.records(&register_key(symbol))?;
        let mut out: Option<Resolution> = None;
        for doc in &docs {
            let is_text = text_of(doc, f.doc_type).as_deref() == Some(DOC);
            let r = out.get_or_insert_with(Resolution::default);
            if r.symbol.is_empty() {
                r.symbol = text_of(doc, f.symbol).unwrap_or_default();
            }
            r.body = r
                .body
                .or_else(|| text_of(doc, f.body).as_deref().and_then(Body::parse));
            if r.adopted.is_none() {
                r.adopted = text_of(doc, f.date);
                // Only a date from the resolution's own text is trusted (not one from a
                // compilation page, "page", nor metadata).
                r.adopted_from_text =
                    r.adopted.is_some() && text_of(doc, f.date_source).as_deref() == Some("text");
            }
            // A metadata date that differs from the text's is kept to be named beside it.
            if !is_text && r.adopted_from_text && r.adopted_otherwise.is_none() {
                r.adopted_otherwise =
                    text_of(doc, f.date).filter(|d| Some(d) != r.adopted.as_ref());
            }
            r.title = r.title.take().or_else(|| text_of(doc, f.title));
            if is_text && r.operative_paragraphs.is_none() {
                r.operative_paragraphs = u64_of(doc, f.ops).and_then(|n| u32::try_from(n).ok());
            }
        }
        Ok(out)
    }

    /// How the resolution was adopted, as the imported metadata says (roll calls, draft
    /// lifecycles): `None` when no row says.
    pub fn adoption(&self, symbol: &str) -> Result<Option<Adoption>> {
        let mut out: Option<Adoption> = None;
        for doc in self.records(&register_key(symbol))? {
            let row = text_of(&doc, self.fields.adoption)
                .and_then(|json| serde_json::from_str::<Adoption>(&json).ok());
            if let Some(row) = row {
                match out.as_mut() {
                    Some(a) => a.merge(row),
                    None => out = Some(row),
                }
            }
        }
        Ok(out)
    }

    fn lettered_symbols(&self, base: &str) -> Result<Vec<String>> {
        let f = &self.fields;
        let key = register_key(base);
        let mut out: Vec<String> = Vec::new();
        for doc_type in [DOC, META] {
            let q = all(vec![term(f.doc_type, doc_type), term(f.base_key, &key)]);
            for doc in self.fetch_all(&q)? {
                let own = text_of(&doc, f.symbol_key).unwrap_or_default();
                let symbol = text_of(&doc, f.symbol).unwrap_or_default();
                let fresh = !out.iter().any(|s| register_key(s) == own);
                if own != key && fresh && !symbol.is_empty() {
                    out.push(symbol);
                }
            }
        }
        out.sort();
        Ok(out)
    }

    fn operative_text(&self, symbol: &str, n: u32) -> Result<Option<String>> {
        let f = &self.fields;
        let q = all(vec![
            term(f.doc_type, PARA),
            term(f.symbol_key, &register_key(symbol)),
            Box::new(TermQuery::new(
                Term::from_field_u64(f.ord, u64::from(n)),
                IndexRecordOption::Basic,
            )),
        ]);
        let searcher = self.searcher();
        let top = searcher.search(&q, &TopDocs::with_limit(1))?;
        match top.first() {
            Some((_, address)) => Ok(text_of(&searcher.doc(*address)?, f.text)),
            None => Ok(None),
        }
    }
}

impl Library {
    /// Every paragraph of a resolution, in document order (empty when its text is not in
    /// the library).
    pub fn paragraphs_of(&self, symbol: &str) -> Result<Vec<crate::Hit>> {
        let f = &self.fields;
        let q = all(vec![
            term(f.doc_type, PARA),
            term(f.symbol_key, &register_key(symbol)),
        ]);
        let mut docs = self.fetch_all(&q)?;
        docs.sort_by_key(|d| u64_of(d, f.pos).unwrap_or(u64::MAX));
        Ok(docs.iter().map(|d| self.hit(d, 0.0, &[])).collect())
    }
}

impl Library {
    /// Every paragraph in the library, resolution by resolution in document order (for
    /// export and for benchmarks that feed the same paragraphs to other engines).
    pub fn paragraphs(&self) -> Result<Vec<crate::Hit>> {
        let f = &self.fields;
        let mut docs = self.all_of_type(PARA)?;
        docs.sort_by_cached_key(|d| (text_of(d, f.source), u64_of(d, f.pos)));
        Ok(docs.iter().map(|d| self.hit(d, 0.0, &[])).collect())
    }
}

impl Register for Library {
    fn resolution(&self, symbol: &str) -> Option<Resolution> {
        self.lookup(symbol).ok().flatten()
    }

    fn lettered(&self, base: &str) -> Vec<String> {
        self.lettered_symbols(base).unwrap_or_default()
    }

    fn paragraph(&self, symbol: &str, n: u32) -> Option<String> {
        self.operative_text(symbol, n).ok().flatten()
    }
}
