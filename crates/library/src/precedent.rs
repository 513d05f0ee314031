//! Precedent search: the adopted paragraphs closest to a draft paragraph, even with words
//! added, dropped or reordered; how each differs; and the lineage of the closest wording.

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{Order, Searcher, TantivyDocument, Term};

use crate::diff::{render, similarity, word_diff, DiffOp};
use crate::error::Result;
use crate::search::Hit;
use crate::Library;

/// Candidates fetched by ranked retrieval before re-ranking by the closeness of their words.
const CANDIDATES: usize = 40;
/// Distinct query terms kept, the rarest first: enough to identify any real paragraph,
/// and it bounds the cost of a pasted page.
const MAX_TERMS: usize = 16;
/// Terms always kept (the rarest), however common: a paragraph of common words still finds
/// its precedents.
const MIN_TERMS: usize = 6;
/// A word in more than one paragraph in this many is "common" (see `rarest_terms`).
const COMMON: u64 = 40;
/// Words of the closest wording that the lineage query requires in order; a longer
/// paragraph is traced by its opening words (about three lines).
const LINEAGE_WORDS: usize = 64;
/// Oldest and newest matches read to find the earliest and latest dated occurrence.
const LINEAGE_ENDS: usize = 8;

/// An adopted paragraph close to the draft.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Precedent {
    /// The paragraph (its `score` is the closeness of its words to the draft, 0..1: the
    /// words the two share in order, counted twice, over the words of both; `highlight` is the word diff
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
    /// How many adopted paragraphs contain it (its words in order, case and punctuation
    /// aside; a wording longer than 64 words is traced by its first 64).
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
    text: String,
    /// Closeness of the word diff from this paragraph to the draft (see [`closeness`]).
    closeness: f32,
    diff: Vec<DiffOp>,
    similarity: f32,
    bm25: f32,
    /// Adoption date (ISO) when known, else the year: what orders equal closeness.
    when: Option<String>,
}

impl Library {
    /// The `limit` adopted paragraphs closest to `text`, ranked by the closeness of their
    /// word diff to it (equal closeness: the earliest adoption first), each with that
    /// diff, and the lineage of the closest one's wording.
    pub fn precedent(&self, text: &str, limit: usize) -> Result<Precedents> {
        let mut analyzer = self.index.tokenizer_for_field(self.fields.text)?;
        let draft_terms = stems(&mut analyzer, text);
        let searcher = self.searcher();
        let mut found = self.candidates(&searcher, &mut analyzer, &draft_terms, CANDIDATES)?;
        for c in &mut found {
            c.diff = word_diff(&c.text, text);
            c.closeness = closeness(&c.diff);
        }
        // The closest words first (the word diff the user is shown); equal closeness ranks
        // the earliest adoption first: the source of the wording, not a later repetition.
        // Undated candidates come after dated ones.
        found.sort_by(|a, b| {
            b.closeness
                .total_cmp(&a.closeness)
                .then(a.when.is_none().cmp(&b.when.is_none()))
                .then_with(|| a.when.cmp(&b.when))
                .then(b.similarity.total_cmp(&a.similarity))
                .then(b.bm25.total_cmp(&a.bm25))
        });
        let mut seen = std::collections::HashSet::new();
        let precedents: Vec<Precedent> = found
            .into_iter()
            // One precedent per wording; the lineage tells where else it was adopted.
            .filter(|c| seen.insert(wording(&c.text)))
            .take(limit.max(1))
            .map(|c| {
                let mut hit = self.hit(&c.doc, c.closeness, &[]);
                hit.highlight = render(&c.diff);
                Precedent { hit, diff: c.diff }
            })
            .collect();
        let lineage = match precedents.first() {
            Some(top) => self.lineage(&searcher, &top.hit)?,
            None => None,
        };
        Ok(Precedents {
            precedents,
            lineage,
        })
    }

    /// Paragraphs sharing terms with `terms`, best BM25 first, with their stem similarity
    /// (a tie-breaker) and adoption date.
    fn candidates(
        &self,
        searcher: &Searcher,
        analyzer: &mut TextAnalyzer,
        terms: &[String],
        limit: usize,
    ) -> Result<Vec<Candidate>> {
        let chosen = self.rarest_terms(searcher, terms)?;
        if chosen.is_empty() {
            return Ok(Vec::new());
        }
        let clauses: Vec<(Occur, Box<dyn Query>)> = chosen
            .into_iter()
            .map(|term| {
                let q: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, q)
            })
            .collect();
        let top = searcher.search(&BooleanQuery::new(clauses), &TopDocs::with_limit(limit))?;
        let mut out = Vec::with_capacity(top.len());
        for (bm25, address) in top {
            let doc: TantivyDocument = searcher.doc(address)?;
            let own = crate::register::text_of(&doc, self.fields.text).unwrap_or_default();
            let similarity = similarity(terms, &stems(analyzer, &own));
            let when = crate::register::text_of(&doc, self.fields.date)
                .or_else(|| crate::register::u64_of(&doc, self.fields.year).map(|y| y.to_string()));
            out.push(Candidate {
                doc,
                text: own,
                closeness: 0.0,
                diff: Vec::new(),
                similarity,
                bm25,
                when,
            });
        }
        Ok(out)
    }

    /// The distinct terms of the draft that occur in the library, rarest first, at most
    /// [`MAX_TERMS`]: the rare words identify a paragraph, the common ones ("the", "of")
    /// only cost time.
    fn rarest_terms(&self, searcher: &Searcher, terms: &[String]) -> Result<Vec<Term>> {
        let mut seen = std::collections::HashSet::new();
        let mut counted = Vec::new();
        for t in terms {
            if !seen.insert(t.as_str()) {
                continue;
            }
            let term = Term::from_field_text(self.fields.text, t);
            let df = searcher.doc_freq(&term)?;
            if df > 0 {
                counted.push((df, term));
            }
        }
        counted.sort_by_key(|(df, _)| *df);
        // A word in more than one paragraph in COMMON costs the most to score and tells the
        // least: left out once MIN_TERMS rarer words are in.
        let common = searcher.num_docs() / COMMON;
        Ok(counted
            .into_iter()
            .enumerate()
            .take_while(|(i, (df, _))| *i < MIN_TERMS || *df <= common)
            .take(MAX_TERMS)
            .map(|(_, (_, t))| t)
            .collect())
    }

    /// Every adopted paragraph that contains the closest wording (its words in order, case
    /// and punctuation aside): how many, and the earliest and latest of them.
    fn lineage(&self, searcher: &Searcher, top: &Hit) -> Result<Option<Lineage>> {
        let mut plain = self.index.tokenizer_for_field(self.fields.exact)?;
        let mut terms = crate::search::tokens(&mut plain, &top.text, self.fields.exact);
        terms.truncate(LINEAGE_WORDS);
        let query: Box<dyn Query> = match terms.len() {
            0 => return Ok(None),
            1 => Box::new(TermQuery::new(terms.remove(0), IndexRecordOption::Basic)),
            _ => Box::new(PhraseQuery::new(terms)),
        };
        // One pass: how many, and the oldest and newest few by the year fast field.
        let oldest = TopDocs::with_limit(LINEAGE_ENDS).order_by_u64_field("year", Order::Asc);
        let newest = TopDocs::with_limit(LINEAGE_ENDS).order_by_u64_field("year", Order::Desc);
        let (count, oldest, newest) = searcher.search(&*query, &(Count, oldest, newest))?;
        let mut ends = Vec::new();
        for (_, address) in oldest.into_iter().chain(newest) {
            let doc: TantivyDocument = searcher.doc(address)?;
            let h = self.hit(&doc, 0.0, &[]);
            ends.push(Occurrence {
                symbol: h.symbol,
                date: h.date,
                year: h.year,
                reference: h.reference,
            });
        }
        // Dated occurrences order by date; undated ones by year; unknown years last.
        let key = |o: &Occurrence| {
            let when = o.date.clone().or_else(|| o.year.map(|y| y.to_string()));
            (when.unwrap_or_else(|| "9999".into()), o.symbol.clone())
        };
        ends.sort_by_key(key);
        let (Some(earliest), Some(latest)) = (ends.first().cloned(), ends.last().cloned()) else {
            return Ok(None);
        };
        Ok(Some(Lineage {
            wording: top.text.clone(),
            occurrences: count,
            earliest,
            latest,
        }))
    }
}

/// How close two texts' words are, from the word diff between them, in 0..=1: the words
/// both say (in order) counted on both sides, over all words of both. A dropped or added
/// word costs the same wherever it falls; 1 is the same words in the same order.
fn closeness(diff: &[DiffOp]) -> f32 {
    let (mut equal, mut changed) = (0usize, 0usize);
    for op in diff {
        let n = op.text.split_whitespace().count();
        if op.op == "equal" {
            equal += 2 * n;
        } else {
            changed += n;
        }
    }
    if equal + changed == 0 {
        return 0.0;
    }
    equal as f32 / (equal + changed) as f32
}

/// The comparison form of a wording: its words, lower case, without punctuation.
fn wording(text: &str) -> String {
    let words: Vec<String> = text
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    words.join(" ")
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
