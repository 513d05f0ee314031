//! Numbering attached to paragraph styles (word/styles.xml): UN templates number operative
//! paragraphs through a style rather than on each paragraph.

use crate::xml::{walk, Node};
use crate::ConvertError;
use std::collections::HashMap;

/// How deep a `basedOn` chain is followed (guards against cycles).
const MAX_CHAIN: usize = 10;

/// Paragraph styles that carry numbering, with their parents.
#[derive(Debug, Default)]
pub(crate) struct Styles {
    /// styleId -> (numId, ilvl) declared on the style itself.
    numbered: HashMap<String, (Option<u32>, Option<u32>)>,
    /// styleId -> basedOn styleId.
    parent: HashMap<String, String>,
}

impl Styles {
    /// Parses word/styles.xml.
    pub(crate) fn parse(xml: &str) -> Result<Self, ConvertError> {
        let mut styles = Styles::default();
        let mut current: Option<String> = None;
        walk(xml, |node| match node {
            Node::Open(e) => match e.name.as_str() {
                "style" => current = e.attr("styleId").map(str::to_string),
                "basedOn" | "numId" | "ilvl" => {
                    let (Some(id), Some(val)) = (&current, e.attr("val")) else {
                        return;
                    };
                    match e.name.as_str() {
                        "basedOn" => {
                            styles.parent.insert(id.clone(), val.to_string());
                        }
                        "numId" => {
                            styles.numbered.entry(id.clone()).or_default().0 = val.parse().ok()
                        }
                        _ => styles.numbered.entry(id.clone()).or_default().1 = val.parse().ok(),
                    }
                }
                _ => {}
            },
            Node::Close("style") => current = None,
            _ => {}
        })?;
        Ok(styles)
    }

    /// The (numId, ilvl) a paragraph of this style gets, following `basedOn`.
    pub(crate) fn numbering(&self, style: &str) -> Option<(u32, u32)> {
        let mut id = style;
        let (mut num, mut lvl) = (None, None);
        for _ in 0..MAX_CHAIN {
            if let Some((n, l)) = self.numbered.get(id) {
                num = num.or(*n);
                lvl = lvl.or(*l);
            }
            match self.parent.get(id) {
                Some(parent) if num.is_none() || lvl.is_none() => id = parent,
                _ => break,
            }
        }
        num.map(|n| (n, lvl.unwrap_or(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn style_numbering_follows_based_on() {
        let xml = r#"<w:styles xmlns:w="w">
          <w:style w:type="paragraph" w:styleId="Op"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="OpSub"><w:basedOn w:val="Op"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>
          <w:style w:type="paragraph" w:styleId="Normal"/>
        </w:styles>"#;
        let styles = Styles::parse(xml).unwrap();
        assert_eq!(styles.numbering("Op"), Some((4, 0)));
        assert_eq!(styles.numbering("OpSub"), Some((4, 1)));
        assert_eq!(styles.numbering("Normal"), None);
        assert_eq!(styles.numbering("Missing"), None);
    }
}
