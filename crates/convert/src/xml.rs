//! A thin layer over quick-xml shared by the DOCX and Akoma Ntoso readers: elements by
//! local name (namespace prefixes dropped, since WordprocessingML and AKN files use varying
//! prefixes), attributes by local name, text with entity and character references resolved.
//! No DTD is read and no external entity is fetched.

use crate::ConvertError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

/// One step of the walk over an XML part.
#[derive(Debug)]
pub(crate) enum Node<'a> {
    /// An element starts (self-closing elements give `Open` then `Close`).
    Open(&'a Element),
    /// An element ends.
    Close(&'a str),
    /// Character data inside the current element.
    Text(&'a str),
}

/// An element's local name and attributes (by local name, values unescaped).
#[derive(Debug, Default)]
pub(crate) struct Element {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
}

impl Element {
    /// The value of the attribute with this local name.
    pub(crate) fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }
}

/// Walks `xml`, calling `f` for every element start, end and text run, in order.
pub(crate) fn walk<F>(xml: &str, mut f: F) -> Result<(), ConvertError>
where
    F: FnMut(Node<'_>),
{
    let mut reader = Reader::from_str(xml);
    // Open elements, so a truncated part is an error rather than silently short.
    let mut depth: usize = 0;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| ConvertError::Xml(format!("{e} at byte {}", reader.error_position())))?;
        match event {
            Event::Start(start) => {
                depth += 1;
                f(Node::Open(&element(&start)));
            }
            Event::Empty(start) => {
                let element = element(&start);
                f(Node::Open(&element));
                f(Node::Close(&element.name));
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                f(Node::Close(&local(end.name().as_ref())));
            }
            Event::Eof if depth > 0 => {
                return Err(ConvertError::Xml(format!(
                    "unexpected end: {depth} element(s) left open (truncated?)"
                )))
            }
            Event::Eof => return Ok(()),
            other => {
                if let Some(text) = text_of(&other) {
                    f(Node::Text(&text));
                }
            }
        }
    }
}

/// The character data of a text, CDATA or reference event.
fn text_of(event: &Event<'_>) -> Option<String> {
    match event {
        Event::Text(text) => Some(text.xml_content().unwrap_or_default().into_owned()),
        Event::CData(data) => Some(String::from_utf8_lossy(data).into_owned()),
        Event::GeneralRef(reference) => resolve_reference(&reference.decode().unwrap_or_default()),
        _ => None,
    }
}

fn element(start: &BytesStart<'_>) -> Element {
    let attrs = start
        .attributes()
        .flatten()
        .map(|a| {
            let value = a
                .unescape_value()
                .map(|v| v.into_owned())
                .unwrap_or_else(|_| String::from_utf8_lossy(&a.value).into_owned());
            (local(a.key.as_ref()), value)
        })
        .collect();
    Element {
        name: local(start.name().as_ref()),
        attrs,
    }
}

/// The part of a qualified name after its prefix.
fn local(qname: &[u8]) -> String {
    let name = String::from_utf8_lossy(qname);
    match name.rsplit_once(':') {
        Some((_, local)) => local.to_string(),
        None => name.into_owned(),
    }
}

/// Resolves `&name;`: the five XML entities, character references, and a few HTML
/// entities that XHTML-ish AKN files use. Unknown names are dropped.
pub(crate) fn resolve_reference(name: &str) -> Option<String> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code)
            .filter(|c| *c != '\0')
            .map(String::from);
    }
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{a0}',
        _ => return None,
    };
    Some(c.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_local_names_and_references() {
        let mut seen = Vec::new();
        walk(
            r#"<w:p w:val="x&amp;y"><w:t>A &amp; B&#8217;s</w:t><w:br/></w:p>"#,
            |n| match n {
                Node::Open(e) => seen.push(format!("<{}:{}>", e.name, e.attr("val").unwrap_or(""))),
                Node::Close(n) => seen.push(format!("</{n}>")),
                Node::Text(t) => seen.push(t.to_string()),
            },
        )
        .unwrap();
        assert_eq!(seen.concat(), "<p:x&y><t:>A & B\u{2019}s</t><br:></br></p>");
    }

    #[test]
    fn malformed_xml_is_an_error() {
        let err = walk("<a><b></a>", |_| {}).unwrap_err();
        assert!(matches!(err, ConvertError::Xml(_)), "{err}");
    }
}
