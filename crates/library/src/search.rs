//! Ranked search over paragraphs, grouped by resolution, with highlights.

use std::ops::Bound;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DocAddress, Searcher, TantivyDocument, Term};

use crate::error::Result;
use crate::highlight::{highlight, Marker};
use crate::query::{parse, Item, Role};
use crate::register::{term, text_of, u64_of};
use crate::Library;

/// Hits shown per resolution.
const HITS_PER_GROUP: usize = 3;

/// A search: the query (words, "phrases", OR, -excluded) and filters.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchRequest {
    /// The query text.
    pub query: String,
    /// Only this organ: "GA", "SC", "HRC", "ECOSOC" (or its full name).
    pub body: Option<String>,
    /// Only resolutions adopted in or after this year.
    pub from: Option<u64>,
    /// Only resolutions adopted in or before this year.
    pub to: Option<u64>,
    /// Only "preambular", "operative", "annex" or "statement" paragraphs.
    pub kind: Option<String>,
    /// Resolutions to return at most.
    pub limit: usize,
}

impl SearchRequest {
    /// A request without filters, for at most 10 resolutions.
    pub fn new(query: impl Into<String>) -> Self {
        SearchRequest {
            query: query.into(),
            body: None,
            from: None,
            to: None,
            kind: None,
            limit: 10,
        }
    }
}

/// One matching paragraph: the JSON line of `resolute search` (DESIGN.md §3).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Symbol of the resolution: "A/RES/78/150".
    pub symbol: String,
    /// Organ code: "GA".
    pub body: Option<String>,
    /// Adoption date (YYYY-MM-DD) when known.
    pub date: Option<String>,
    /// "preambular" or "operative"; "annex" for a paragraph of an annex (a convention,
    /// a programme of action) that the resolution adopts or refers to; "statement" for a
    /// paragraph of a presidential statement.
    pub kind: String,
    /// Operative number, or position of a preambular paragraph.
    pub n: u32,
    /// The paragraph's text.
    pub text: String,
    /// Relevance (BM25 for search, similarity 0..1 for precedent).
    pub score: f32,
    /// The text (or a window of it) with matches wrapped in `**`; plain text, never HTML.
    pub highlight: String,
    /// How to cite it: "A/RES/78/150, OP 3", "A/RES/64/1, sect. II, PP 2".
    pub reference: String,
    /// Section label when the paragraph is in a section.
    pub section: Option<String>,
    /// Year of adoption (from the date, else from the symbol).
    pub year: Option<u64>,
}

/// The hits of one resolution.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SearchGroup {
    /// Symbol of the resolution.
    pub symbol: String,
    /// Title when known.
    pub title: Option<String>,
    /// Best score among its hits.
    pub score: f32,
    /// Its matching paragraphs, best first.
    pub hits: Vec<Hit>,
}

/// The answer to a search.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchResults {
    /// Paragraphs matching in the whole library.
    pub total_paragraphs: usize,
    /// Resolutions, best first.
    pub groups: Vec<SearchGroup>,
}

/// A search's query and the highlight markers of its required items.
type Built = (Box<dyn Query>, Vec<Marker>);

/// Matching paragraphs one organ adopted in one year ([`Library::usage_by_year`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct YearUsage {
    /// Organ code: "GA", "SC", "HRC", "ECOSOC".
    pub body: String,
    /// Year of adoption.
    pub year: u64,
    /// Resolutions adopted that year with at least one matching paragraph.
    pub resolutions: u64,
    /// Matching paragraphs adopted that year.
    pub paragraphs: u64,
}

/// Per year: the matching paragraphs and the resolutions they belong to.
type ByYear = std::collections::BTreeMap<u64, (u64, std::collections::HashSet<u64>)>;

/// Counts matching documents, and the resolutions among them, by the `year` and `resolution`
/// columns.
struct YearCounts;

impl tantivy::collector::Collector for YearCounts {
    type Fruit = ByYear;
    type Child = YearSegment;

    fn for_segment(
        &self,
        _: tantivy::SegmentOrdinal,
        segment: &tantivy::SegmentReader,
    ) -> tantivy::Result<YearSegment> {
        Ok(YearSegment {
            years: segment.fast_fields().u64("year")?,
            resolutions: segment.fast_fields().u64("resolution")?,
            counts: ByYear::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<ByYear>) -> tantivy::Result<ByYear> {
        let mut all = ByYear::new();
        for (year, (n, ids)) in fruits.into_iter().flatten() {
            let entry = all.entry(year).or_default();
            entry.0 += n;
            entry.1.extend(ids);
        }
        Ok(all)
    }
}

struct YearSegment {
    years: tantivy::columnar::Column<u64>,
    resolutions: tantivy::columnar::Column<u64>,
    counts: ByYear,
}

impl tantivy::collector::SegmentCollector for YearSegment {
    type Fruit = ByYear;

    fn collect(&mut self, doc: tantivy::DocId, _: tantivy::Score) {
        if let Some(year) = self.years.first(doc) {
            let entry = self.counts.entry(year).or_default();
            entry.0 += 1;
            entry.1.extend(self.resolutions.first(doc));
        }
    }

    fn harvest(self) -> Self::Fruit {
        self.counts
    }
}

impl SearchResults {
    /// Every hit in order, as `resolute search --json` prints them.
    pub fn hits(&self) -> impl Iterator<Item = &Hit> {
        self.groups.iter().flat_map(|g| g.hits.iter())
    }
}

impl Library {
    /// The query of a search request and the highlight markers of its required items; `None`
    /// when nothing is required (a query of exclusions only, or of no word).
    fn query_of(&self, request: &SearchRequest) -> Result<Option<Built>> {
        let parsed = parse(&request.query);
        if !parsed.iter().any(|(role, _)| *role == Role::Required) {
            return Ok(None);
        }
        let mut stem = self.index.tokenizer_for_field(self.fields.text)?;
        let mut plain = self.index.tokenizer_for_field(self.fields.pairs)?;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut markers = Vec::new();
        for (role, items) in &parsed {
            let mut alternatives: Vec<(Occur, Box<dyn Query>)> = items
                .iter()
                .filter_map(|item| self.item_query(item, &mut stem, &mut plain))
                .map(|q| (Occur::Should, q))
                .collect();
            let item: Box<dyn Query> = match alternatives.len() {
                0 => continue,
                1 => alternatives.remove(0).1,
                _ => Box::new(BooleanQuery::new(alternatives)),
            };
            if *role == Role::Required {
                markers.extend(items.iter().map(marker));
            }
            let occur = if *role == Role::Required {
                Occur::Must
            } else {
                Occur::MustNot
            };
            clauses.push((occur, item));
        }
        if !clauses.iter().any(|(o, _)| *o == Occur::Must) {
            return Ok(None);
        }
        clauses.extend(self.filters(request).into_iter().map(|q| (Occur::Must, q)));
        // One required item and no filter: the item's own query, so that a word or a two-word
        // phrase (one term) is ranked with block-max WAND and counted from its postings.
        let query: Box<dyn Query> = match clauses.len() {
            1 if clauses[0].0 == Occur::Must => clauses.remove(0).1,
            _ => Box::new(BooleanQuery::new(clauses)),
        };
        Ok(Some((query, markers)))
    }

    /// Searches paragraphs; results grouped by resolution, best first. A query with no
    /// required item finds nothing.
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let Some((query, markers)) = self.query_of(request)? else {
            return Ok(SearchResults::default());
        };
        let searcher = self.searcher();
        let wanted = request.limit.max(1).saturating_mul(8).min(2000);
        // One term (a word, a two-word phrase): ranked with pruning and counted from its
        // postings, in two passes (together, every match would be scored). Anything else
        // scores every match anyway: ranked and counted in one pass.
        let (top, total) = if query.downcast_ref::<TermQuery>().is_some() {
            let top = searcher.search(&*query, &TopDocs::with_limit(wanted))?;
            (top, searcher.search(&*query, &Count)?)
        } else {
            searcher.search(&*query, &(TopDocs::with_limit(wanted), Count))?
        };
        let groups = self.group(&searcher, &top, request.limit.max(1), &markers)?;
        Ok(SearchResults {
            total_paragraphs: total,
            groups,
        })
    }

    /// How many resolutions (and paragraphs) matching the search (its words and filters;
    /// `limit` is not used) each organ adopted, year by year: the picture of a wording over the
    /// years. Counted from the index's `year` and `resolution` columns, every match (no
    /// ranking, no stored document read); paragraphs without a known year are left out. Rows by organ (GA, SC, HRC, ECOSOC order), then year.
    pub fn usage_by_year(&self, request: &SearchRequest) -> Result<Vec<YearUsage>> {
        let organs: Vec<String> = match &request.body {
            Some(body) => vec![body.clone()],
            None => ["GA", "SC", "HRC", "ECOSOC"].map(String::from).to_vec(),
        };
        let searcher = self.searcher();
        let mut out = Vec::new();
        for organ in organs {
            let one = SearchRequest {
                body: Some(organ),
                ..request.clone()
            };
            let Some((query, _)) = self.query_of(&one)? else {
                return Ok(Vec::new());
            };
            let code = one.body.as_deref().and_then(resolute_draft::Body::parse);
            let code = code.map_or_else(
                || one.body.clone().unwrap_or_default(),
                |b| b.code().to_string(),
            );
            let counts = searcher.search(&*query, &YearCounts)?;
            out.extend(
                counts
                    .into_iter()
                    .map(|(year, (paragraphs, resolutions))| YearUsage {
                        body: code.clone(),
                        year,
                        resolutions: resolutions.len() as u64,
                        paragraphs,
                    }),
            );
        }
        Ok(out)
    }

    fn item_query(
        &self,
        item: &Item,
        stem: &mut TextAnalyzer,
        plain: &mut TextAnalyzer,
    ) -> Option<Box<dyn Query>> {
        let (field, analyzer, text) = match item {
            Item::Word(w) => (self.fields.text, stem, w),
            // A quoted phrase of two or more words: its word pairs (pairs.rs), in order. A
            // quoted single word has no pair: it is looked up unstemmed.
            Item::Phrase(p) => (self.fields.pairs, plain, p),
        };
        let mut terms = tokens(analyzer, text, field);
        if terms.is_empty() {
            if let Item::Phrase(p) = item {
                let mut words = self.index.tokenizer_for_field(self.fields.exact).ok()?;
                terms = tokens(&mut words, p, self.fields.exact);
            }
        }
        match terms.len() {
            0 => None,
            1 => terms.into_iter().next().map(|t| {
                Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs)) as Box<dyn Query>
            }),
            _ => Some(Box::new(PhraseQuery::new(terms))),
        }
    }

    /// Filter clauses (constant score, so they do not change the ranking).
    /// No clause selects paragraphs: the words and phrases are searched in fields only
    /// paragraphs have (`text`, `exact`, `pairs`).
    pub(crate) fn filters(&self, request: &SearchRequest) -> Vec<Box<dyn Query>> {
        let f = &self.fields;
        let mut out: Vec<Box<dyn Query>> = Vec::new();
        if let Some(body) = &request.body {
            let code = resolute_draft::Body::parse(body)
                .map_or_else(|| body.to_uppercase(), |b| b.code().to_string());
            out.push(term(f.body, &code));
        }
        if let Some(kind) = &request.kind {
            out.push(term(f.kind, &kind.to_lowercase()));
        }
        if request.from.is_some() || request.to.is_some() {
            let bound = |y: Option<u64>| {
                y.map_or(Bound::Unbounded, |y| {
                    Bound::Included(Term::from_field_u64(f.year, y))
                })
            };
            out.push(Box::new(RangeQuery::new(
                bound(request.from),
                bound(request.to),
            )));
        }
        out.into_iter()
            .map(|q| Box::new(ConstScoreQuery::new(q, 0.0)) as Box<dyn Query>)
            .collect()
    }

    fn group(
        &self,
        searcher: &Searcher,
        top: &[(f32, DocAddress)],
        limit: usize,
        markers: &[Marker],
    ) -> Result<Vec<SearchGroup>> {
        let mut groups: Vec<SearchGroup> = Vec::new();
        for (score, address) in top {
            let doc: TantivyDocument = searcher.doc(*address)?;
            let hit = self.hit(&doc, *score, markers);
            let room = groups.len() < limit;
            match groups.iter_mut().find(|g| g.symbol == hit.symbol) {
                Some(g) if g.hits.len() < HITS_PER_GROUP => g.hits.push(hit),
                Some(_) => {}
                None if room => groups.push(SearchGroup {
                    symbol: hit.symbol.clone(),
                    title: text_of(&doc, self.fields.title),
                    score: *score,
                    hits: vec![hit],
                }),
                None => {}
            }
        }
        Ok(groups)
    }

    /// A stored paragraph as a hit.
    pub(crate) fn hit(&self, doc: &TantivyDocument, score: f32, markers: &[Marker]) -> Hit {
        let f = &self.fields;
        let symbol = text_of(doc, f.symbol).unwrap_or_default();
        let kind = text_of(doc, f.kind).unwrap_or_default();
        let n = u64_of(doc, f.n)
            .and_then(|n| u32::try_from(n).ok())
            .unwrap_or(0);
        let section = text_of(doc, f.section);
        let text = text_of(doc, f.text).unwrap_or_default();
        Hit {
            reference: reference(&symbol, section.as_deref(), &kind, n),
            highlight: highlight(&text, markers),
            body: text_of(doc, f.body),
            date: text_of(doc, f.date),
            year: u64_of(doc, f.year),
            symbol,
            kind,
            n,
            text,
            score,
            section,
        }
    }
}

fn marker(item: &Item) -> Marker {
    match item {
        Item::Word(w) => Marker::Stem(w.clone()),
        Item::Phrase(p) => Marker::Phrase(p.clone()),
    }
}

/// The terms `analyzer` makes of `text` for `field`.
pub(crate) fn tokens(analyzer: &mut TextAnalyzer, text: &str, field: Field) -> Vec<Term> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        out.push(Term::from_field_text(field, &stream.token().text));
    }
    out
}

/// "A/RES/78/150, OP 3"; "A/RES/64/1, sect. II, PP 2".
pub(crate) fn reference(symbol: &str, section: Option<&str>, kind: &str, n: u32) -> String {
    if kind == "annex" {
        let heading = section.unwrap_or("annex").to_lowercase();
        return format!("{symbol}, {heading}, para. {n}");
    }
    if kind == "statement" {
        return format!("{symbol}, para. {n}");
    }
    let part = if kind == "operative" { "OP" } else { "PP" };
    match section {
        Some(s) => format!("{symbol}, sect. {s}, {part} {n}"),
        None => format!("{symbol}, {part} {n}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_name_section_part_and_number() {
        assert_eq!(
            reference("A/RES/78/150", None, "operative", 3),
            "A/RES/78/150, OP 3"
        );
        assert_eq!(
            reference("A/RES/64/1", Some("II"), "preambular", 2),
            "A/RES/64/1, sect. II, PP 2"
        );
    }
}
