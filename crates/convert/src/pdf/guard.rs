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

/// Inflates every zlib stream found in the raw bytes into a counting sink, under a total
/// budget, before lopdf parses the file: lopdf inflates object streams while loading, and
/// would inflate a bomb there without bound. Encrypted streams do not look like zlib and
/// are left to [`check_expansion`] after decryption.
pub(crate) fn check_raw_streams(bytes: &[u8], limit: u64) -> Result<(), ConvertError> {
    let mut total: u64 = 0;
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(bytes.get(at..).unwrap_or(&[]), b"stream") {
        let keyword = at + found;
        at = keyword + b"stream".len();
        let is_end = keyword >= 3 && bytes.get(keyword - 3..keyword) == Some(b"end".as_slice());
        let Some(data) = stream_data_start(bytes, at).filter(|_| !is_end) else {
            continue;
        };
        let rest = bytes.get(data..).unwrap_or(&[]);
        let len = memchr::memmem::find(rest, b"endstream").unwrap_or(rest.len());
        let content = rest.get(..len).unwrap_or(&[]);
        if is_zlib(content) {
            total = total.saturating_add(inflated_size(content, limit.saturating_sub(total)));
            if total > limit {
                return Err(bomb(limit));
            }
        }
        at = data + len;
    }
    Ok(())
}

/// After the "stream" keyword comes CRLF or LF, then the data.
fn stream_data_start(bytes: &[u8], after_keyword: usize) -> Option<usize> {
    match bytes.get(after_keyword..after_keyword + 2)? {
        [b'\r', b'\n'] => Some(after_keyword + 2),
        [b'\n', _] => Some(after_keyword + 1),
        _ => None,
    }
}

/// A zlib header: deflate method, and the header checksum that zlib requires.
fn is_zlib(data: &[u8]) -> bool {
    match data {
        [cmf, flg, ..] => cmf & 0x0f == 8 && (u16::from(*cmf) * 256 + u16::from(*flg)) % 31 == 0,
        _ => false,
    }
}

/// How many bytes `data` inflates to, reading at most `budget + 1` of them (a damaged
/// stream counts for what inflated before the damage).
fn inflated_size(data: &[u8], budget: u64) -> u64 {
    let decoder = flate2::read::ZlibDecoder::new(data);
    std::io::copy(
        &mut decoder.take(budget.saturating_add(1)),
        &mut std::io::sink(),
    )
    .unwrap_or(0)
}

fn bomb(limit: u64) -> ConvertError {
    ConvertError::PdfLimit(format!(
        "its compressed streams expand to more than {limit} bytes (flate bomb?)"
    ))
}

/// The same budget over the loaded document's Flate streams (after decryption), before
/// pdf-extract inflates content streams and fonts for real.
pub(crate) fn check_expansion(doc: &Document, limit: u64) -> Result<(), ConvertError> {
    let mut total: u64 = 0;
    for object in doc.objects.values() {
        let Object::Stream(stream) = object else {
            continue;
        };
        let flate = stream
            .filters()
            .is_ok_and(|f| f.first().is_some_and(|name| *name == b"FlateDecode"));
        if flate {
            let size = inflated_size(&stream.content, limit.saturating_sub(total));
            total = total.saturating_add(size);
            if total > limit {
                return Err(bomb(limit));
            }
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflated(len: usize) -> Vec<u8> {
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(&vec![b' '; len]).unwrap();
        encoder.finish().unwrap()
    }

    fn raw_pdf(streams: &[Vec<u8>]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.5\n".to_vec();
        for (i, data) in streams.iter().enumerate() {
            pdf.extend_from_slice(
                format!("{} 0 obj\n<< /Type /ObjStm >>\nstream\r\n", i + 1).as_bytes(),
            );
            pdf.extend_from_slice(data);
            pdf.extend_from_slice(b"\nendstream\nendobj\n");
        }
        pdf
    }

    #[test]
    fn raw_scan_counts_every_zlib_stream_against_one_budget() {
        let pdf = raw_pdf(&[deflated(600_000), deflated(600_000)]);
        assert!(check_raw_streams(&pdf, 2_000_000).is_ok());
        let err = check_raw_streams(&pdf, 1_000_000).unwrap_err();
        assert!(matches!(err, ConvertError::PdfLimit(_)), "{err}");
    }

    #[test]
    fn raw_scan_ignores_data_that_is_not_zlib() {
        let pdf = raw_pdf(&[b"BT (endstream) Tj ET".to_vec(), vec![0xff; 100]]);
        assert!(check_raw_streams(&pdf, 10).is_ok());
        assert!(is_zlib(&deflated(10)));
        assert!(!is_zlib(b"BT"));
    }
}
