//! Checks run on a loaded PDF before pdf-extract walks it, for the hostile structures that
//! would take it down in ways `catch_unwind` cannot catch: a stack overflow from a page
//! tree or form XObjects that refer to themselves (pdf-extract recurses on both), and
//! unbounded memory from a flate bomb. Also a missing MediaBox, which pdf-extract meets
//! with `expect`.

use crate::ConvertError;
use pdf_extract::{Dictionary, Document, Object, ObjectId};
use std::collections::{HashMap, HashSet};
use std::io::Read;

/// Deepest page-tree ancestry or form nesting accepted (real files use a handful).
const MAX_DEPTH: usize = 64;

/// Inflates every Flate-compressed stream into a counting sink, under a total budget,
/// before pdf-extract inflates them for real: lopdf would inflate a bomb without bound.
pub(crate) fn check_expansion(doc: &Document, limit: u64) -> Result<(), ConvertError> {
    let mut total: u64 = 0;
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let flate = stream
            .filters()
            .is_ok_and(|f| f.first().is_some_and(|name| *name == b"FlateDecode"));
        if !flate {
            continue;
        }
        let budget = limit.saturating_sub(total).saturating_add(1);
        let decoder = flate2::read::ZlibDecoder::new(stream.content.as_slice());
        // A damaged stream counts for what inflated before the damage.
        let inflated = std::io::copy(&mut decoder.take(budget), &mut std::io::sink()).unwrap_or(0);
        total = total.saturating_add(inflated);
        if total > limit {
            return Err(ConvertError::PdfLimit(format!(
                "its compressed streams expand to more than {limit} bytes (flate bomb?)"
            )));
        }
    }
    Ok(())
}

/// Every page reaches a MediaBox through a finite, acyclic chain of parents.
pub(crate) fn check_page_tree(doc: &Document) -> Result<(), ConvertError> {
    for (number, id) in doc.get_pages() {
        let mut seen = HashSet::new();
        let mut current = Some(id);
        let mut media_box = false;
        while let Some(node) = current {
            if !seen.insert(node) || seen.len() > MAX_DEPTH {
                return Err(ConvertError::Pdf(format!(
                    "page {number}: the page tree loops or is too deep"
                )));
            }
            let dict = doc.get_dictionary(node).ok();
            media_box |= dict.is_some_and(|d| d.has(b"MediaBox"));
            current = dict.and_then(|d| d.get(b"Parent").ok()?.as_reference().ok());
        }
        if !media_box {
            return Err(ConvertError::Pdf(format!("page {number} has no MediaBox")));
        }
    }
    Ok(())
}

/// Form XObjects invoke each other (`Do`); pdf-extract follows them recursively, so a
/// cycle or a very deep chain is refused.
pub(crate) fn check_forms(doc: &Document) -> Result<(), ConvertError> {
    let graph = form_graph(doc);
    let mut depth: HashMap<ObjectId, usize> = HashMap::new();
    for &start in graph.keys() {
        if !depth.contains_key(&start) {
            visit(&graph, start, &mut depth)?;
        }
    }
    Ok(())
}

/// Iterative depth-first search computing each form's nesting depth; a form met again
/// while it is still open is a cycle.
fn visit(
    graph: &HashMap<ObjectId, Vec<ObjectId>>,
    start: ObjectId,
    depth: &mut HashMap<ObjectId, usize>,
) -> Result<(), ConvertError> {
    let mut open: HashSet<ObjectId> = HashSet::from([start]);
    let mut stack: Vec<(ObjectId, usize)> = vec![(start, 0)];
    while let Some((node, next)) = stack.pop() {
        let children = graph.get(&node).map(Vec::as_slice).unwrap_or(&[]);
        if let Some(&child) = children.get(next) {
            stack.push((node, next + 1));
            if open.contains(&child) {
                return Err(ConvertError::Pdf(
                    "form XObjects invoke themselves".to_string(),
                ));
            }
            if !depth.contains_key(&child) {
                open.insert(child);
                stack.push((child, 0));
            }
            continue;
        }
        let below = children.iter().filter_map(|c| depth.get(c)).max().copied();
        let d = below.map_or(1, |b| b + 1);
        if d > MAX_DEPTH {
            return Err(ConvertError::Pdf(format!(
                "form XObjects nested over {MAX_DEPTH} deep"
            )));
        }
        depth.insert(node, d);
        open.remove(&node);
    }
    Ok(())
}

/// Form -> forms it can invoke. A form with its own resources invokes what they name; a
/// form without (it borrows its caller's) that contains `Do` may invoke anything named
/// next to it in any resource dictionary that names it.
fn form_graph(doc: &Document) -> HashMap<ObjectId, Vec<ObjectId>> {
    let forms: HashSet<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| is_form(o))
        .map(|(id, _)| *id)
        .collect();
    let resource_dicts = resource_dictionaries(doc);
    let mut graph = HashMap::new();
    for &form in &forms {
        let Some(Object::Stream(stream)) = doc.objects.get(&form) else {
            continue;
        };
        let targets = match stream.dict.get(b"Resources") {
            Ok(resources) => resolve_dict(doc, resources)
                .map(|r| named_forms(doc, r, &forms))
                .unwrap_or_default(),
            Err(_) if invokes(stream) => resource_dicts
                .iter()
                .map(|d| named_forms(doc, d, &forms))
                .filter(|named| named.contains(&form))
                .flatten()
                .collect(),
            Err(_) => Vec::new(),
        };
        graph.insert(form, targets);
    }
    graph
}

fn is_form(object: &Object) -> bool {
    matches!(object, Object::Stream(s)
        if s.dict.get(b"Subtype").and_then(Object::as_name).is_ok_and(|n| n == b"Form"))
}

/// Whether a content stream contains the `Do` operator (as a whole token).
fn invokes(stream: &pdf_extract::Stream) -> bool {
    let content = stream
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    content
        .split(|b| b.is_ascii_whitespace() || b"/[]<>()".contains(b))
        .any(|token| token == b"Do")
}

/// Every dictionary that can serve as resources: those with an /XObject entry, and the
/// /Resources of pages and forms (inline or referenced).
fn resource_dictionaries(doc: &Document) -> Vec<&Dictionary> {
    let mut out = Vec::new();
    for object in doc.objects.values() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        if dict.has(b"XObject") {
            out.push(dict);
        }
        if let Some(resources) = dict
            .get(b"Resources")
            .ok()
            .and_then(|r| resolve_dict(doc, r))
        {
            out.push(resources);
        }
    }
    out
}

/// The forms named in a resource dictionary's /XObject entry.
fn named_forms(doc: &Document, resources: &Dictionary, forms: &HashSet<ObjectId>) -> Vec<ObjectId> {
    let Some(xobjects) = resources
        .get(b"XObject")
        .ok()
        .and_then(|x| resolve_dict(doc, x))
    else {
        return Vec::new();
    };
    xobjects
        .iter()
        .filter_map(|(_, v)| v.as_reference().ok())
        .filter(|id| forms.contains(id))
        .collect()
}

fn resolve_dict<'a>(doc: &'a Document, object: &'a Object) -> Option<&'a Dictionary> {
    match object {
        Object::Dictionary(d) => Some(d),
        Object::Reference(id) => doc.get_dictionary(*id).ok(),
        _ => None,
    }
}
