//! Compiling delegations' proposals on a base text into one negotiating text.
//!
//! Each delegation sends the base text back with its changes. Its version is aligned to the
//! base paragraph by paragraph (`compare::paragraph_pairs`, kept in order and of the same
//! kind: a paragraph moved or turned from preambular to operative counts as deleted where it
//! was and added where it is), subparagraph by subparagraph, then word by word (exact words:
//! a changed comma is a change). Every change becomes attributed brackets (docs/format.md §6,
//! "Compiling proposals"):
//!
//! - words a delegation deletes: `[words]{delete: A}`;
//! - words it adds: `[words]{A}`;
//! - words it replaces: `[old]{delete: A}[new]{A}`, a group of alternatives whose first is
//!   the standing text;
//! - where delegations change overlapping or touching words: one group, the standing text
//!   (to be deleted by every delegation that changed it), then each distinct proposal with its
//!   proposers; a delegation that only deletes has no alternative of its own;
//! - a paragraph or subparagraph it deletes: its text `[…]{delete: A}`;
//! - a paragraph it adds: `{5 bis} [*Requests* …]{A}`, labelled after the paragraph it
//!   follows in that delegation's version; a subparagraph it adds: `(c) […]{A}`.
//!
//! `clean --keep A` then gives A's version back and `clean --keep none` the base.

use crate::compare::{exact_ops, paragraph_pairs, similarity, Interner, Words, MIN_SIMILARITY};
use crate::markdown::{normalise_and_write, parse_markdown, FormatError};
use crate::model::{Draft, Kind, Paragraph, Subparagraph};
use crate::negotiation::{clean, next_label, Attribution, Keep, ParagraphMarks};

/// One delegation's version of the base text.
#[derive(Debug, Clone, Copy)]
pub struct Version<'a> {
    /// The delegation, as it will be written in attributions ("EU", "Russian Federation").
    pub name: &'a str,
    /// Its version of the text.
    pub draft: &'a Draft,
}

/// Why proposals cannot be compiled.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CompileError {
    /// The name cannot be written as a delegation in an attribution.
    #[error(
        "\"{0}\" cannot name a delegation: use one to five words starting with a capital \
         letter or a digit (\"EU\", \"G77\", \"Russian Federation\"), not none, all or first"
    )]
    BadName(String),
    /// Two versions carry the same name.
    #[error("\"{0}\" is named twice: give each version its own name")]
    Repeated(String),
    /// A text could not be written and read back in the draft format.
    #[error(transparent)]
    Format(#[from] FormatError),
}

/// What one delegation's version changed, counted as the compilation writes it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct VersionCounts {
    /// The delegation.
    pub name: String,
    /// Base paragraphs it changed the wording of.
    pub changed: usize,
    /// Paragraphs it added.
    pub added: usize,
    /// Base paragraphs it deleted.
    pub deleted: usize,
}

/// The compiled text and what each version brought.
#[derive(Debug, Clone)]
pub struct Compiled {
    /// The negotiating text (front matter and headings of the base, `stage` set).
    pub draft: Draft,
    /// One entry per version, in the order given.
    pub counts: Vec<VersionCounts>,
}

/// Compiles `versions` on `base`. The texts are first brought to the normalised form `fmt`
/// writes, so emphasis or spacing that only differs in how a file was made is no change.
pub fn compile(base: &Draft, versions: &[Version<'_>]) -> Result<Compiled, CompileError> {
    for (i, v) in versions.iter().enumerate() {
        check_name(v.name)?;
        if versions[..i]
            .iter()
            .any(|o| o.name.eq_ignore_ascii_case(v.name))
        {
            return Err(CompileError::Repeated(v.name.to_string()));
        }
    }
    let base = normalised(base)?;
    let drafts: Vec<Draft> = versions
        .iter()
        .map(|v| normalised(v.draft))
        .collect::<Result<_, _>>()?;
    let names: Vec<&str> = versions.iter().map(|v| v.name).collect();
    let scopes = scopes(&base);
    let mut counts: Vec<VersionCounts> = names
        .iter()
        .map(|n| VersionCounts {
            name: n.to_string(),
            ..VersionCounts::default()
        })
        .collect();
    // For each version: the partner of each base paragraph, and its added paragraphs by the
    // base paragraph they follow (`None`: before the first).
    let mut partners: Vec<Vec<Option<&Paragraph>>> = Vec::new();
    let mut added: Vec<Vec<(Option<usize>, &Paragraph)>> = Vec::new();
    for (d, c) in drafts.iter().zip(&mut counts) {
        let (p, a) = align(&base, d);
        c.added = a.len();
        c.deleted = p.iter().filter(|x| x.is_none()).count();
        c.changed = p
            .iter()
            .zip(base.paragraphs())
            .filter(|(x, b)| x.is_some_and(|x| !same(x, b)))
            .count();
        partners.push(p);
        added.push(a);
    }
    let mut out = base.clone();
    out.preamble.clear();
    out.operative.clear();
    for s in &mut out.sections {
        s.preamble.clear();
        s.operative.clear();
    }
    let push = |out: &mut Draft, scope: usize, p: Paragraph| {
        let (pre, op) = scope_lists(out, scope);
        match p.kind {
            Kind::Preambular => pre.push(p),
            Kind::Operative => op.push(p),
        }
    };
    // The paragraphs the versions add after base paragraph `anchor` (`None`: before the first).
    let additions = |anchor: Option<usize>| -> Vec<Paragraph> {
        let names = names.as_slice();
        let at: Vec<(&str, &Paragraph)> = added
            .iter()
            .enumerate()
            .flat_map(|(v, a)| {
                a.iter()
                    .filter(|(at, _)| *at == anchor)
                    .map(move |(_, p)| (names[v], *p))
            })
            .collect();
        added_together(&at)
    };
    for p in additions(None) {
        push(&mut out, 0, p);
    }
    for (i, (&scope, b)) in scopes.iter().zip(base.paragraphs()).enumerate() {
        let theirs: Vec<(&str, Option<&Paragraph>)> = names
            .iter()
            .zip(&partners)
            .map(|(n, p)| (*n, p.get(i).copied().flatten()))
            .collect();
        push(&mut out, scope, merge_paragraph(b, &theirs));
        for p in additions(Some(i)) {
            push(&mut out, scope, p);
        }
    }
    label_added(&mut out);
    for d in &drafts {
        for f in &d.footnotes {
            if !out.footnotes.iter().any(|g| g.label == f.label) {
                out.footnotes.push(f.clone());
            }
        }
    }
    if out.meta.stage.is_none() {
        out.meta.stage = Some("compilation".to_string());
    }
    Ok(Compiled { draft: out, counts })
}

/// The paragraphs of `a` and `b` that differ, compared as `clean` writes them (number and
/// subparagraph labels included, blanks collapsed): `(position, a's, b's)`, a missing
/// paragraph as an empty string. Used to show that `clean --keep NAME` gives NAME's version.
pub fn differing_paragraphs(a: &Draft, b: &Draft) -> Vec<(usize, String, String)> {
    let (a, b) = (written(a), written(b));
    (0..a.len().max(b.len()))
        .filter_map(|i| {
            let x = a.get(i).cloned().unwrap_or_default();
            let y = b.get(i).cloned().unwrap_or_default();
            (x != y).then_some((i, x, y))
        })
        .collect()
}

/// The paragraphs in which `clean --keep keep` of the compiled text `src` differs from
/// `expected` (a version, or the base for `none`), as [`differing_paragraphs`] lists them.
pub fn round_trip(
    src: &str,
    keep: &str,
    expected: &Draft,
) -> Result<Vec<(usize, String, String)>, FormatError> {
    let compiled = parse_markdown(src)?;
    let back = parse_markdown(&clean(src, &compiled, &Keep::parse(keep))?)?;
    Ok(differing_paragraphs(&back, &normalised(expected)?))
}

fn written(d: &Draft) -> Vec<String> {
    d.paragraphs()
        .map(|p| {
            let mut s = match p.number {
                Some(n) => format!("{n}. {}", p.markdown),
                None => p.markdown.clone(),
            };
            for sub in &p.sub {
                s.push(' ');
                s.push_str(&sub.label);
                s.push(' ');
                s.push_str(&sub.markdown);
            }
            s.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

fn check_name(name: &str) -> Result<(), CompileError> {
    let reserved = ["none", "all", "first"]
        .iter()
        .any(|r| r.eq_ignore_ascii_case(name.trim()));
    let reads = Attribution::parse_braced(name).is_some_and(|a| {
        a.proposed.len() == 1 && a.proposed[0] == name.trim() && a.actors().len() == 1
    });
    if reserved || !reads {
        return Err(CompileError::BadName(name.to_string()));
    }
    Ok(())
}

fn normalised(d: &Draft) -> Result<Draft, FormatError> {
    parse_markdown(&normalise_and_write(d.clone()))
}

/// The scope of every paragraph, in `Draft::paragraphs()` order: 0 for the resolution's own
/// paragraphs, 1 + i for those of section i.
fn scopes(d: &Draft) -> Vec<usize> {
    let mut out = vec![0; d.preamble.len() + d.operative.len()];
    for (i, s) in d.sections.iter().enumerate() {
        out.extend(std::iter::repeat_n(
            i + 1,
            s.preamble.len() + s.operative.len(),
        ));
    }
    out
}

fn scope_lists(d: &mut Draft, scope: usize) -> (&mut Vec<Paragraph>, &mut Vec<Paragraph>) {
    match scope.checked_sub(1).and_then(|i| d.sections.get_mut(i)) {
        Some(s) => (&mut s.preamble, &mut s.operative),
        None => (&mut d.preamble, &mut d.operative),
    }
}

/// Whether two paragraphs read the same (kind, wording and subparagraphs).
fn same(a: &Paragraph, b: &Paragraph) -> bool {
    a.kind == b.kind
        && a.markdown == b.markdown
        && a.sub.len() == b.sub.len()
        && a.sub
            .iter()
            .zip(&b.sub)
            .all(|(x, y)| x.label == y.label && x.markdown == y.markdown)
}

/// A version's partner for each base paragraph (in order, same kind) and its added
/// paragraphs, each with the base paragraph it follows.
#[allow(clippy::type_complexity)]
fn align<'v>(
    base: &Draft,
    version: &'v Draft,
) -> (
    Vec<Option<&'v Paragraph>>,
    Vec<(Option<usize>, &'v Paragraph)>,
) {
    let b: Vec<&Paragraph> = base.paragraphs().collect();
    let v: Vec<&Paragraph> = version.paragraphs().collect();
    // Pairs of the same kind, by version position (paragraph_pairs lists paired ones first,
    // in new order); then the longest run increasing in base position too.
    let pairs: Vec<(usize, usize)> = paragraph_pairs(base, version)
        .into_iter()
        .filter_map(|p| Some((p.old?, p.new?)))
        .filter(|(i, j)| b.get(*i).map(|p| p.kind) == v.get(*j).map(|p| p.kind))
        .collect();
    let kept = increasing(&pairs);
    let mut partner: Vec<Option<&Paragraph>> = vec![None; b.len()];
    let mut of_version: Vec<Option<usize>> = vec![None; v.len()];
    for &(i, j) in &kept {
        partner[i] = v.get(j).copied();
        of_version[j] = Some(i);
    }
    let mut added = Vec::new();
    let mut anchor = None;
    for (j, p) in v.iter().enumerate() {
        match of_version[j] {
            Some(i) => anchor = Some(i),
            None => added.push((anchor, *p)),
        }
    }
    (partner, added)
}

/// The longest subsequence of `pairs` (increasing in the second member) increasing in the
/// first member too.
fn increasing(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let n = pairs.len();
    let mut len = vec![1usize; n];
    let mut prev = vec![usize::MAX; n];
    for k in 0..n {
        for m in 0..k {
            if pairs[m].0 < pairs[k].0 && pairs[m].1 < pairs[k].1 && len[m] + 1 > len[k] {
                len[k] = len[m] + 1;
                prev[k] = m;
            }
        }
    }
    let mut out = Vec::new();
    let mut k = (0..n).max_by_key(|&k| (len[k], usize::MAX - k));
    while let Some(i) = k {
        out.push(pairs[i]);
        k = (prev[i] != usize::MAX).then_some(prev[i]);
    }
    out.reverse();
    out
}

/// The base paragraph with every version's changes in brackets; `None` for a version that
/// deleted it.
fn merge_paragraph(base: &Paragraph, theirs: &[(&str, Option<&Paragraph>)]) -> Paragraph {
    let own: Vec<(&str, Option<&str>)> = theirs
        .iter()
        .map(|(n, p)| (*n, p.map(|p| p.markdown.as_str())))
        .collect();
    let mut out = base.clone();
    out.markdown = merge_piece(&base.markdown, &own);
    out.text = out.markdown.clone();
    // Subparagraphs: each version's partner of each base subparagraph, and its added ones.
    let mut sub_partners: Vec<Vec<Option<&Subparagraph>>> = Vec::new();
    let mut sub_added: Vec<Vec<(Option<usize>, &Subparagraph)>> = Vec::new();
    for (_, p) in theirs {
        match p {
            Some(p) => {
                let (a, b) = align_subs(&base.sub, &p.sub);
                sub_partners.push(a);
                sub_added.push(b);
            }
            None => {
                sub_partners.push(vec![None; base.sub.len()]);
                sub_added.push(Vec::new());
            }
        }
    }
    let added_at = |anchor: Option<usize>| -> Vec<Subparagraph> {
        let mut list: Vec<(Subparagraph, Vec<&str>)> = Vec::new();
        for (v, a) in sub_added.iter().enumerate() {
            for (_, s) in a.iter().filter(|(at, _)| *at == anchor) {
                match list
                    .iter_mut()
                    .find(|(q, _)| q.label == s.label && q.markdown == s.markdown)
                {
                    Some((_, by)) => by.push(theirs[v].0),
                    None => list.push(((*s).clone(), vec![theirs[v].0])),
                }
            }
        }
        list.into_iter()
            .map(|(mut s, by)| {
                s.markdown = bracket(&s.markdown, &proposers(&by));
                s.text = s.markdown.clone();
                s
            })
            .collect()
    };
    let mut subs = added_at(None);
    for (k, s) in base.sub.iter().enumerate() {
        let versions: Vec<(&str, Option<&str>)> = theirs
            .iter()
            .zip(&sub_partners)
            .map(|((n, _), p)| (*n, p[k].map(|s| s.markdown.as_str())))
            .collect();
        let mut merged = s.clone();
        merged.markdown = merge_piece(&s.markdown, &versions);
        merged.text = merged.markdown.clone();
        subs.push(merged);
        subs.extend(added_at(Some(k)));
    }
    out.sub = subs;
    out
}

/// A version's partner of each base subparagraph and its added subparagraphs, each with the
/// base subparagraph it follows: identical wordings paired in order, then, between two such
/// pairs, subparagraphs paired by position; the rest deleted or added.
#[allow(clippy::type_complexity)]
fn align_subs<'v>(
    base: &[Subparagraph],
    version: &'v [Subparagraph],
) -> (
    Vec<Option<&'v Subparagraph>>,
    Vec<(Option<usize>, &'v Subparagraph)>,
) {
    let a: Vec<&str> = base.iter().map(|s| s.markdown.as_str()).collect();
    let b: Vec<&str> = version.iter().map(|s| s.markdown.as_str()).collect();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let (mut i, mut j) = (0, 0);
    for (op, _) in exact_ops(&a, &b) {
        match op {
            "equal" => {
                pairs.push((i, j));
                i += 1;
                j += 1;
            }
            "delete" => i += 1,
            _ => j += 1,
        }
    }
    // Fill the gaps between identical pairs by position.
    let mut all = Vec::new();
    let (mut pi, mut pj) = (0, 0);
    for &(x, y) in pairs.iter().chain(std::iter::once(&(a.len(), b.len()))) {
        all.extend((pi..x).zip(pj..y));
        if x < a.len() && y < b.len() {
            all.push((x, y));
        }
        (pi, pj) = (x + 1, y + 1);
    }
    let mut partner: Vec<Option<&Subparagraph>> = vec![None; base.len()];
    let mut of_version: Vec<Option<usize>> = vec![None; version.len()];
    for (x, y) in all {
        partner[x] = version.get(y);
        of_version[y] = Some(x);
    }
    let mut added = Vec::new();
    let mut anchor = None;
    for (y, s) in version.iter().enumerate() {
        match of_version[y] {
            Some(x) => anchor = Some(x),
            None => added.push((anchor, s)),
        }
    }
    (partner, added)
}

/// The paragraphs versions add at one place, each bracketed as its proposers': the same
/// paragraph added by several is one proposal; similar ones (one version's wording of
/// another's addition) are one paragraph, the first version's wording with the others'
/// changes to it as brackets inside.
fn added_together(at: &[(&str, &Paragraph)]) -> Vec<Paragraph> {
    let mut interner = Interner::default();
    let mut groups: Vec<(Words, Vec<(&str, &Paragraph)>)> = Vec::new();
    for &(name, p) in at {
        let words = interner.words(&p.text);
        let similar = groups.iter_mut().find(|(w, members)| {
            members[0].1.kind == p.kind && similarity(w, &words) >= MIN_SIMILARITY
        });
        match similar {
            Some((_, members)) => members.push((name, p)),
            None => groups.push((words, vec![(name, p)])),
        }
    }
    groups
        .into_iter()
        .map(|(_, members)| {
            let (first, rest) = (members[0].1, &members[1..]);
            let names: Vec<&str> = members.iter().map(|(n, _)| *n).collect();
            let differing: Vec<(&str, Option<&Paragraph>)> = rest
                .iter()
                .filter(|(_, p)| !same(p, first))
                .map(|(n, p)| (*n, Some(*p)))
                .collect();
            let merged = if differing.is_empty() {
                first.clone()
            } else {
                merge_paragraph(first, &differing)
            };
            proposed(merged, &names)
        })
        .collect()
}

/// A paragraph added by `by`: its text and subparagraphs bracketed as their proposal.
fn proposed(mut p: Paragraph, by: &[&str]) -> Paragraph {
    let who = proposers(by);
    p.markdown = bracket(&p.markdown, &who);
    p.text = p.markdown.clone();
    for s in &mut p.sub {
        s.markdown = bracket(&s.markdown, &who);
        s.text = s.markdown.clone();
    }
    // Labelled later, after its neighbour; an added paragraph carries no number of its own.
    p.number = None;
    p.marks = Some(ParagraphMarks::new(Some(String::new()), None));
    p
}

fn proposers(by: &[&str]) -> String {
    by.join(", ")
}

fn bracket(md: &str, attribution: &str) -> String {
    if md.trim().is_empty() {
        String::new()
    } else {
        format!("[{}]{{{attribution}}}", md.trim())
    }
}

/// The base text `base` (one paragraph's or subparagraph's Markdown) with each version's
/// changes as attributed brackets; a version given as `None` deleted the whole piece.
fn merge_piece(base: &str, versions: &[(&str, Option<&str>)]) -> String {
    let words: Vec<&str> = base.split_whitespace().collect();
    // Every edit of every version: (version, first base word, end, words put instead).
    let mut edits: Vec<(usize, Edit)> = Vec::new();
    let mut deleters: Vec<&str> = Vec::new();
    for (v, (name, theirs)) in versions.iter().enumerate() {
        match theirs {
            Some(t) => {
                let new: Vec<&str> = t.split_whitespace().collect();
                edits.extend(word_edits(&words, &new).into_iter().map(|e| (v, e)));
            }
            None => deleters.push(name),
        }
    }
    edits.sort_by_key(|(_, e)| (e.from, e.to));
    // Clusters of edits that overlap or touch, as base word ranges.
    let mut clusters: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for (k, (_, e)) in edits.iter().enumerate() {
        match clusters.last_mut() {
            Some(c) if e.from <= c.1 => {
                c.1 = c.1.max(e.to);
                c.2.push(k);
            }
            _ => clusters.push((e.from, e.to, vec![k])),
        }
    }
    let clusters = whole_emphasis(&words, clusters);
    let mut out: Vec<String> = Vec::new();
    let mut at = 0;
    for (from, to, members) in clusters {
        out.extend(words[at..from].iter().map(|w| w.to_string()));
        let standing = words[from..to].join(" ");
        let mut changed: Vec<&str> = Vec::new();
        let mut proposals: Vec<(String, Vec<&str>)> = Vec::new();
        for (v, (name, _)) in versions.iter().enumerate() {
            let mine: Vec<&Edit> = members
                .iter()
                .filter(|k| edits[**k].0 == v)
                .map(|k| &edits[*k].1)
                .collect();
            if mine.is_empty() {
                continue;
            }
            let text = rebuild(&words, from, to, &mine);
            changed.push(name);
            if text.is_empty() {
                continue;
            }
            match proposals.iter_mut().find(|(t, _)| *t == text) {
                Some((_, by)) => by.push(name),
                None => proposals.push((text, vec![name])),
            }
        }
        let mut group = String::new();
        if !standing.is_empty() {
            group.push_str(&format!("[{standing}]{{delete: {}}}", changed.join(", ")));
        }
        for (text, by) in proposals {
            group.push_str(&format!("[{text}]{{{}}}", by.join(", ")));
        }
        out.push(group);
        at = to;
    }
    out.extend(words[at..].iter().map(|w| w.to_string()));
    let merged = out.join(" ");
    if deleters.is_empty() || merged.is_empty() {
        merged
    } else {
        format!("[{merged}]{{delete: {}}}", deleters.join(", "))
    }
}

/// The clusters widened so that none starts or ends inside an emphasis (`*Also requests*`
/// is bracketed whole, never `*Also [requests*]`), merged again where they then touch.
fn whole_emphasis(
    words: &[&str],
    clusters: Vec<(usize, usize, Vec<usize>)>,
) -> Vec<(usize, usize, Vec<usize>)> {
    // open[k]: whether an emphasis is open before word k.
    let mut open = Vec::with_capacity(words.len() + 1);
    let mut inside = false;
    for w in words {
        open.push(inside);
        inside ^= stars(w) % 2 == 1;
    }
    open.push(inside);
    let mut out: Vec<(usize, usize, Vec<usize>)> = Vec::new();
    for (mut from, mut to, members) in clusters {
        while from > 0 && open[from] {
            from -= 1;
        }
        while to < words.len() && open[to] {
            to += 1;
        }
        match out.last_mut() {
            Some(last) if from <= last.1 => {
                last.1 = last.1.max(to);
                last.2.extend(members);
            }
            _ => out.push((from, to, members)),
        }
    }
    out
}

/// The emphasis marks in a word: `*` outside footnote references (`[^*]`) and not escaped.
fn stars(word: &str) -> usize {
    let mut n = 0;
    let mut rest = word;
    while let Some(k) = rest.find(['*', '\\', '[']) {
        let tail = &rest[k..];
        if tail.starts_with("[^") {
            rest = tail.find(']').map_or("", |e| &tail[e + 1..]);
        } else if tail.starts_with('\\') {
            let mut chars = tail.chars();
            chars.nth(1);
            rest = chars.as_str();
        } else {
            n += usize::from(tail.starts_with('*'));
            rest = &tail[1..];
        }
    }
    n
}

/// Base words `from..to` replaced by `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Edit {
    from: usize,
    to: usize,
    with: Vec<String>,
}

fn word_edits(base: &[&str], new: &[&str]) -> Vec<Edit> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut open: Option<Edit> = None;
    for (op, w) in exact_ops(base, new) {
        match op {
            "equal" => {
                out.extend(open.take());
                at += 1;
            }
            "delete" => {
                open.get_or_insert(Edit {
                    from: at,
                    to: at,
                    with: Vec::new(),
                })
                .to = at + 1;
                at += 1;
            }
            _ => open
                .get_or_insert(Edit {
                    from: at,
                    to: at,
                    with: Vec::new(),
                })
                .with
                .push(w.to_string()),
        }
    }
    out.extend(open);
    out
}

/// Base words `from..to` as one version has them: its edits (inside that range, in order)
/// applied.
fn rebuild(words: &[&str], from: usize, to: usize, edits: &[&Edit]) -> String {
    let mut out: Vec<&str> = Vec::new();
    let mut at = from;
    for e in edits {
        out.extend(&words[at..e.from]);
        out.extend(e.with.iter().map(String::as_str));
        at = e.to;
    }
    out.extend(&words[at..to]);
    out.join(" ")
}

/// Gives each added paragraph its label after the paragraph before it: "5 bis" after
/// operative paragraph 5, "PP3 bis" after the third preambular paragraph ("0 bis", "PP0 bis"
/// before the first).
fn label_added(d: &mut Draft) {
    let mut scopes: Vec<(&mut Vec<Paragraph>, &mut Vec<Paragraph>)> =
        vec![(&mut d.preamble, &mut d.operative)];
    for s in &mut d.sections {
        scopes.push((&mut s.preamble, &mut s.operative));
    }
    for (pre, op) in scopes {
        let mut taken: Vec<String> = Vec::new();
        let mut prev = "PP0".to_string();
        let mut pp = 0;
        for p in pre.iter_mut() {
            prev = give_label(p, &prev, &mut taken).unwrap_or_else(|| {
                pp += 1;
                format!("PP{pp}")
            });
        }
        let mut prev = "0".to_string();
        for p in op.iter_mut() {
            let number = p.number.map(|n| n.to_string());
            prev = give_label(p, &prev, &mut taken)
                .or(number)
                .unwrap_or_else(|| prev.clone());
        }
    }
}

/// Labels `p` when it is an added paragraph (marked with an empty label) or has a label of its
/// own; returns that label.
fn give_label(p: &mut Paragraph, prev: &str, taken: &mut Vec<String>) -> Option<String> {
    let marks = p.marks.as_mut()?;
    let label = match marks.label.as_deref() {
        Some("") => {
            let refs: Vec<&str> = taken.iter().map(String::as_str).collect();
            next_label(prev, &refs)
        }
        Some(own) => own.to_string(),
        None => return None,
    };
    marks.label = Some(label.clone());
    taken.push(label.clone());
    Some(label)
}

#[cfg(test)]
mod tests;
