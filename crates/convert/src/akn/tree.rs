//! A small element tree over [`crate::xml::walk`], for readers that need structure (the
//! Akoma Ntoso draft reader) rather than a stream of text. Depth is bounded so that a
//! hostile file cannot exhaust the stack of the recursive readers built on it.

use crate::xml::{walk, Node};
use crate::ConvertError;

/// Elements nested deeper than this are refused: real AKN resolutions nest about ten deep.
pub(crate) const MAX_DEPTH: usize = 200;

/// An element with its attributes (local names) and children in document order.
#[derive(Debug, Default)]
pub(crate) struct El {
    pub(crate) name: String,
    pub(crate) attrs: Vec<(String, String)>,
    pub(crate) children: Vec<Child>,
}

/// A child of an element: another element or character data.
#[derive(Debug)]
pub(crate) enum Child {
    El(El),
    Text(String),
}

impl El {
    /// The value of the attribute with this local name.
    pub(crate) fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == local)
            .map(|(_, v)| v.as_str())
    }

    /// Child elements, in order.
    pub(crate) fn elements(&self) -> impl Iterator<Item = &El> {
        self.children.iter().filter_map(|c| match c {
            Child::El(e) => Some(e),
            Child::Text(_) => None,
        })
    }

    /// The first child element with this name.
    pub(crate) fn child(&self, name: &str) -> Option<&El> {
        self.elements().find(|e| e.name == name)
    }

    /// The first descendant element (depth first, self excluded) with this name.
    pub(crate) fn find(&self, name: &str) -> Option<&El> {
        self.elements().find_map(|e| {
            if e.name == name {
                Some(e)
            } else {
                e.find(name)
            }
        })
    }

    /// Every descendant element (depth first, self excluded) for which `keep` holds.
    pub(crate) fn all<'s>(&'s self, keep: &dyn Fn(&El) -> bool, out: &mut Vec<&'s El>) {
        for e in self.elements() {
            if keep(e) {
                out.push(e);
            }
            e.all(keep, out);
        }
    }

    /// The first descendant element (depth first, self excluded) for which `keep` holds.
    pub(crate) fn find_by(&self, keep: &dyn Fn(&El) -> bool) -> Option<&El> {
        self.elements()
            .find_map(|e| if keep(e) { Some(e) } else { e.find_by(keep) })
    }

    /// All character data inside, `<eol/>` read as a line break.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        self.text_into(&mut out);
        out
    }

    fn text_into(&self, out: &mut String) {
        for child in &self.children {
            match child {
                Child::Text(t) => out.push_str(t),
                Child::El(e) if e.name == "eol" || e.name == "br" => out.push('\n'),
                Child::El(e) => e.text_into(out),
            }
        }
    }
}

/// Parses `xml` into the tree of its first root element.
pub(crate) fn parse(xml: &str) -> Result<El, ConvertError> {
    let mut stack: Vec<El> = Vec::new();
    let mut root: Option<El> = None;
    let mut too_deep = false;
    walk(xml, |node| match node {
        Node::Open(_) if too_deep || stack.len() >= MAX_DEPTH => too_deep = true,
        Node::Open(e) => stack.push(El {
            name: e.name.clone(),
            attrs: e.attrs.clone(),
            children: Vec::new(),
        }),
        Node::Close(_) if too_deep => {}
        Node::Close(_) => close(&mut stack, &mut root),
        Node::Text(t) => {
            if let Some(top) = stack.last_mut() {
                top.children.push(Child::Text(t.to_string()));
            }
        }
    })?;
    if too_deep {
        return Err(ConvertError::Xml(format!(
            "elements nested deeper than {MAX_DEPTH} levels"
        )));
    }
    root.ok_or_else(|| ConvertError::Xml("no root element".to_string()))
}

fn close(stack: &mut Vec<El>, root: &mut Option<El>) {
    let Some(done) = stack.pop() else { return };
    match stack.last_mut() {
        Some(parent) => parent.children.push(Child::El(done)),
        None if root.is_none() => *root = Some(done),
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_nested_elements_with_text() {
        let root = parse(r#"<a x="1"><b>one<eol/>two</b><c/></a>"#).unwrap();
        assert_eq!(root.name, "a");
        assert_eq!(root.attr("x"), Some("1"));
        assert_eq!(root.child("b").map(El::text).as_deref(), Some("one\ntwo"));
        assert!(root.find("c").is_some());
    }

    #[test]
    fn refuses_absurd_depth() {
        let deep = format!(
            "{}{}",
            "<a>".repeat(MAX_DEPTH + 5),
            "</a>".repeat(MAX_DEPTH + 5)
        );
        assert!(matches!(parse(&deep), Err(ConvertError::Xml(_))));
    }
}
