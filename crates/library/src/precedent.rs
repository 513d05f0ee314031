//! Precedent search: the adopted paragraphs closest to a draft paragraph, even with words
//! added, dropped or reordered; how each differs; and the lineage of the closest wording.

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Searcher, TantivyDocument, Term};

use crate::diff::{render, same_wording, similarity, word_diff, DiffOp};
use crate::error::Result;
use crate::search::Hit;
use crate::Library;

/// Candidates fetched by ranked retrieval before re-ranking by similarity.
const CANDIDATES: usize = 40;
/// Paragraphs examined when tracing the lineage of the closest wording.
const LINEAGE_CANDIDATES: usize = 100;
/// Distinct query terms kept (the paragraph's own order); enough for any real paragraph's
/// identity, and it bounds the cost of a pasted page.
const MAX_TERMS: usize = 48;

/// An adopted paragraph close to the draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Precedent {
    /// The paragraph (its `score` is the similarity, 0..1; `highlight` is the word diff
    /// rendered as `[-dropped-]{+added+}` from the adopted text to the draft).
    #[serde(flatten)]
    pub hit: Hit,
    /// The word diff from the adopted paragraph to the draft.
    pub diff: Vec<DiffOp>,
}

/// Where one wording was adopted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Occurrence {
    /// Symbol of the resolution.
    pub symbol: String,
    /// Adoption date when known.
    pub date: Option<String>,
    /// Year (from the date, else the symbol).
    pub year: Option<u64>,
    /// "A/RES/78/150, OP 3".
    pub reference: String,
}

/// Agreed-language lineage: the earliest and latest adoption of the closest wording.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lineage {
    /// The wording traced (the top precedent's text).
    pub wording: String,
    /// How many adopted paragraphs say it (case and punctuation aside), among those found.
    pub occurrences: usize,
    /// The earliest of them.
    pub earliest: Occurrence,
    /// The latest of them.
    pub latest: Occurrence,
}

/// The answer to a precedent search.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Precedents {
    /// Closest first.
    pub precedents: Vec<Precedent>,
    /// Lineage of the closest wording, when there is a precedent.
    pub lineage: Option<Lineage>,
}

struct Candidate {
    doc: TantivyDocument,
    similarity: f32,
    bm25: f32,
}

impl Library {
    /// The `limit` adopted paragraphs closest to `text`, ranked by similarity, each with a
    /// word diff, and the lineage of the closest one's wording.
    pub fn precedent(&self, text: &str, limit: usize) -> Result<Precedents> {
        let mut analyzer = self.index.tokenizer_for_field(self.fields.text)?;
        let draft_terms = stems(&mut analyzer, text);
        let searcher = self.searcher();
        let mut found = self.candidates(&searcher, &mut analyzer, &draft_terms, CANDIDATES)?;
        found.sort_by(|a, b| {
            b.similarity
                .total_cmp(&a.similarity)
                .then(b.bm25.total_cmp(&a.bm25))
        });
        found.truncate(limit.max(1));
        let precedents: Vec<Precedent> = found
            .iter()
            .map(|c| {
                let mut hit = self.hit(&c.doc, c.similarity, &[]);
                let diff = word_diff(&hit.text, text);
                hit.highlight = render(&diff);
                Precedent { hit, diff }
            })
            .collect();
        let lineage = match precedents.first() {
            Some(top) => self.lineage(&searcher, &mut analyzer, &top.hit)?,
            None => None,
        };
        Ok(Precedents {
            precedents,
            lineage,
        })
    }

    /// Paragraphs sharing terms with `terms`, best BM25 first, with their similarity.
    fn candidates(
        &self,
        searcher: &Searcher,
        analyzer: &mut TextAnalyzer,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<Candidate>> {
        let mut distinct: Vec<&String> = Vec::new();
        for t in terms {
            if !distinct.contains(&t) && distinct.len() < MAX_TERMS {
                distinct.push(t);
            }
        }
        if distinct.is_empty() {
            return Ok(Vec::new());
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = distinct
            .iter()
            .map(|t| {
                let term = Term::from_field_text(self.fields.text, t);
                (
                    Occur::Should,
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)) as Box<dyn Query>,
                )
            })
            .collect();
        let top = searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit))?;
        let mut out = Vec::with_capacity(top.len());
        for (bm25, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let own = crate::register::text_of(&doc, self.fields.text).unwrap_or_default();
            let similarity = similarity(terms, &stems(analyzer, &own));
            out.push(Candidate {
                doc,
                similarity,
                bm25,
            });
        }
        Ok(out)
    }

    fn lineage(
        &self,
        searcher: &Searcher,
        analyzer: &mut TextAnalyzer,
        top: &Hit,
    ) -> Result<Option<Lineage>> {
        let terms = stems(analyzer, &top.text);
        let found = self.candidates(searcher, analyzer, &terms, LINEAGE_CANDIDATES)?;
        let mut same: Vec<Occurrence> = found
            .iter()
            .map(|c| self.hit(&c.doc, c.similarity, &[]))
            .filter(|h| same_wording(&h.text, &top.text))
            .map(|h| Occurrence {
                symbol: h.symbol,
                date: h.date,
                year: h.year,
                reference: h.reference,
            })
            .collect();
        // Undated paragraphs sort by year; unknown years last.
        same.sort_by_key(|o| {
            (
                o.date
                    .clone()
                    .or_else(|| o.year.map(|y| format!("{y}")))
                    .unwrap_or_else(|| "9999".into()),
                o.symbol.clone(),
            )
        });
        let (Some(earliest), Some(latest)) = (same.first().cloned(), same.last().cloned()) else {
            return Ok(None);
        };
        Ok(Some(Lineage {
            wording: top.text.clone(),
            occurrences: same.len(),
            earliest,
            latest,
        }))
    }
}

/// The stemmed tokens of a text, in order.
fn stems(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(stream.token().text.clone());
    }
    out
}
