//! Turning prepared resolutions, metadata rows and source records into index documents.

use resolute_check::register_key;
use resolute_draft::Kind;
use tantivy::{TantivyDocument, Term};

use crate::metadata::MetaRow;
use crate::prepare::{Para, Part, Resolved};
use crate::schema::{Fields, DOC, META, PARA, SOURCE};
use crate::symbols::{base_key, body_of, year_of, year_of_date};

/// The wire name of a paragraph kind: "preambular", "operative", "annex" or "statement".
pub(crate) fn kind_name(kind: Part) -> &'static str {
    match kind {
        Part::Own(Kind::Preambular) => "preambular",
        Part::Own(Kind::Operative) => "operative",
        Part::Annex => "annex",
        Part::Statement => "statement",
    }
}

impl Fields {
    /// The term that selects every document imported from `source`.
    pub(crate) fn source_term(&self, source: &str) -> Term {
        Term::from_field_text(self.source, source)
    }

    fn identity(&self, doc: &mut TantivyDocument, doc_type: &str, source: &str, symbol: &str) {
        let key = register_key(symbol);
        doc.add_text(self.doc_type, doc_type);
        doc.add_text(self.source, source);
        doc.add_text(self.symbol, symbol);
        doc.add_text(self.base_key, base_key(&key));
        doc.add_u64(self.resolution, crate::schema::resolution_id(&key));
        doc.add_text(self.symbol_key, key);
    }

    fn dating(&self, doc: &mut TantivyDocument, r: &Resolved) {
        if let Some(body) = r.body {
            doc.add_text(self.body, body.code());
        }
        if let Some(date) = &r.date {
            doc.add_text(self.date, date);
        }
        if let Some(year) = r.year {
            doc.add_u64(self.year, year);
        }
        if let Some(title) = &r.title {
            doc.add_text(self.title, title);
        }
    }

    /// The resolution record and one document per paragraph.
    pub(crate) fn resolution_docs(&self, source: &str, r: &Resolved) -> Vec<TantivyDocument> {
        let mut record = TantivyDocument::default();
        self.identity(&mut record, DOC, source, &r.symbol);
        self.dating(&mut record, r);
        if let Some(session) = &r.session {
            record.add_text(self.session, session);
        }
        if let Some(ops) = r.ops {
            record.add_u64(self.ops, u64::from(ops));
        }
        if let Some(source) = r.date_source.stored() {
            record.add_text(self.date_source, source);
        }
        let mut out = vec![record];
        out.extend(
            r.paras
                .iter()
                .enumerate()
                .map(|(i, p)| self.para_doc(source, r, p, i)),
        );
        out
    }

    fn para_doc(&self, source: &str, r: &Resolved, p: &Para, pos: usize) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_u64(self.pos, pos as u64);
        self.identity(&mut doc, PARA, source, &r.symbol);
        self.dating(&mut doc, r);
        doc.add_text(self.kind, kind_name(p.kind));
        doc.add_u64(self.n, u64::from(p.n));
        if let Some(ord) = p.ord {
            doc.add_u64(self.ord, u64::from(ord));
        }
        if let Some(section) = &p.section {
            doc.add_text(self.section, section);
        }
        if let Some(opening) = &p.opening {
            doc.add_text(self.opening, opening.to_lowercase());
        }
        doc.add_text(self.text, &p.text);
        doc.add_text(self.exact, &p.text);
        doc.add_text(self.pairs, &p.text);
        doc
    }

    /// A metadata row as a register entry.
    pub(crate) fn meta_doc(&self, source: &str, row: &MetaRow) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        self.identity(&mut doc, META, source, &row.symbol);
        let body = row
            .body
            .as_deref()
            .and_then(resolute_draft::Body::parse)
            .or_else(|| body_of(&row.symbol));
        if let Some(body) = body {
            doc.add_text(self.body, body.code());
        }
        if let Some(date) = &row.date {
            doc.add_text(self.date, date);
        }
        if let Some(year) = row
            .date
            .as_deref()
            .and_then(year_of_date)
            .or_else(|| year_of(&row.symbol))
        {
            doc.add_u64(self.year, year);
        }
        if let Some(title) = &row.title {
            doc.add_text(self.title, title);
        }
        if let Some(adoption) = row
            .adoption
            .as_ref()
            .and_then(|a| serde_json::to_string(a).ok())
        {
            doc.add_text(self.adoption, adoption);
        }
        if let Some(file) = &row.file {
            doc.add_text(self.file, file);
        }
        doc
    }

    /// The record of an imported file: its path and content hash.
    pub(crate) fn source_doc(&self, source: &str, hash: &str) -> TantivyDocument {
        let mut doc = TantivyDocument::default();
        doc.add_text(self.doc_type, SOURCE);
        doc.add_text(self.source, source);
        doc.add_text(self.hash, hash);
        doc
    }
}
