//! The fixed parts of a Word package the writer produces: content types, relationships,
//! settings and the styles of the UN layout (Times New Roman 10 pt on 12 pt lines).

/// `[Content_Types].xml`: the part types of the package.
pub(super) const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/><Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

/// `_rels/.rels`: the main document and the core properties.
pub(super) const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

/// `word/_rels/document.xml.rels`: styles, settings and footnotes of the document.
pub(super) const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings" Target="settings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes" Target="footnotes.xml"/></Relationships>"#;

/// `word/settings.xml`: footnote separators (ids -1 and 0) and, for a tracked document,
/// revision view on.
pub(super) fn settings(tracked: bool) -> String {
    let track = if tracked { "<w:trackRevisions/>" } else { "" };
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:settings xmlns:w="{W}">{track}<w:defaultTabStop w:val="634"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    )
}

/// The relationships namespace of WordprocessingML attributes (`r:id`).
pub(super) const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Content types, package relationships and document relationships of a negotiating text:
/// those of every document, plus the custom properties, the page header and (when
/// `comments`) the comments.
pub(super) fn negotiating(comments: bool) -> (String, String, String) {
    let ct = "application/vnd.openxmlformats-officedocument";
    let mut types = format!(
        r#"<Override PartName="/docProps/custom.xml" ContentType="{ct}.custom-properties+xml"/><Override PartName="/word/header1.xml" ContentType="{ct}.wordprocessingml.header+xml"/>"#
    );
    let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    let mut rels = format!(r#"<Relationship Id="rId5" Type="{rel}/header" Target="header1.xml"/>"#);
    if comments {
        types.push_str(&format!(
            r#"<Override PartName="/word/comments.xml" ContentType="{ct}.wordprocessingml.comments+xml"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId4" Type="{rel}/comments" Target="comments.xml"/>"#
        ));
    }
    let root = format!(
        r#"<Relationship Id="rId3" Type="{rel}/custom-properties" Target="docProps/custom.xml"/>"#
    );
    (
        CONTENT_TYPES.replace("</Types>", &format!("{types}</Types>")),
        ROOT_RELS.replace("</Relationships>", &format!("{root}</Relationships>")),
        DOCUMENT_RELS.replace("</Relationships>", &format!("{rels}</Relationships>")),
    )
}

/// The WordprocessingML namespace.
pub(super) const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// Opening of `word/footnotes.xml` with the two separator notes Word requires.
pub(super) fn footnotes_head() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:footnotes xmlns:w="{W}"><w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote><w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>"#
    )
}

/// Paragraph styles: (id, name, paragraph properties, run properties).
const PARAGRAPH_STYLES: [(&str, &str, &str, &str); 11] = [
    (
        "Symbol",
        "UN document symbol",
        r#"<w:jc w:val="right"/><w:spacing w:after="0" w:line="320" w:lineRule="exact"/>"#,
        r#"<w:b/><w:sz w:val="28"/>"#,
    ),
    (
        "BodyName",
        "UN body name",
        r#"<w:pBdr><w:bottom w:val="single" w:sz="18" w:space="4" w:color="auto"/></w:pBdr><w:spacing w:after="240" w:line="400" w:lineRule="exact"/>"#,
        r#"<w:b/><w:sz w:val="34"/>"#,
    ),
    (
        "HeadingBlock",
        "UN heading block",
        r#"<w:spacing w:after="0"/>"#,
        "<w:b/>",
    ),
    (
        "Sponsors",
        "UN sponsors",
        r#"<w:spacing w:before="240" w:after="120"/><w:ind w:left="1267"/>"#,
        "<w:b/>",
    ),
    (
        "ResTitle",
        "UN title",
        r#"<w:keepNext/><w:spacing w:before="240" w:after="240"/><w:ind w:left="1267" w:right="1267"/>"#,
        r#"<w:b/><w:sz w:val="24"/>"#,
    ),
    (
        "Enacting",
        "UN enacting formula",
        r#"<w:spacing w:after="120"/><w:ind w:left="1267" w:firstLine="634"/>"#,
        "",
    ),
    (
        "Preambular",
        "UN preambular paragraph",
        r#"<w:spacing w:after="120"/><w:ind w:left="1267" w:firstLine="634"/><w:jc w:val="both"/>"#,
        "",
    ),
    (
        "Operative",
        "UN operative paragraph",
        r#"<w:tabs><w:tab w:val="left" w:pos="1901"/></w:tabs><w:spacing w:after="120"/><w:ind w:left="1901" w:hanging="634"/><w:jc w:val="both"/>"#,
        "",
    ),
    (
        "Sub1",
        "UN subparagraph (a)",
        r#"<w:tabs><w:tab w:val="left" w:pos="2534"/></w:tabs><w:spacing w:after="120"/><w:ind w:left="2534" w:hanging="634"/><w:jc w:val="both"/>"#,
        "",
    ),
    (
        "Sub2",
        "UN subparagraph (i)",
        r#"<w:tabs><w:tab w:val="left" w:pos="3168"/></w:tabs><w:spacing w:after="120"/><w:ind w:left="3168" w:hanging="634"/><w:jc w:val="both"/>"#,
        "",
    ),
    (
        "SectionHeading",
        "UN section heading",
        r#"<w:keepNext/><w:spacing w:before="240" w:after="120"/><w:jc w:val="center"/>"#,
        "<w:b/>",
    ),
];

/// `word/styles.xml`: Times New Roman 10/12 throughout, the UN paragraph styles, footnote
/// text (9 pt) and the superscript footnote reference.
pub(super) fn styles() -> String {
    let mut xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:sz w:val="20"/><w:szCs w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>"#
    );
    for (id, name, ppr, rpr) in PARAGRAPH_STYLES {
        xml.push_str(&format!(
            r#"<w:style w:type="paragraph" w:customStyle="1" w:styleId="{id}"><w:name w:val="{name}"/><w:basedOn w:val="Normal"/><w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr></w:style>"#
        ));
    }
    xml.push_str(r#"<w:style w:type="paragraph" w:styleId="FootnoteText"><w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:pPr><w:tabs><w:tab w:val="left" w:pos="1267"/></w:tabs><w:spacing w:line="220" w:lineRule="exact"/><w:ind w:left="1267" w:hanging="634"/></w:pPr><w:rPr><w:sz w:val="17"/><w:szCs w:val="17"/></w:rPr></w:style><w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style></w:styles>"#);
    xml
}

/// `docProps/core.xml` with the title and, as subject, the symbol (both escaped).
pub(super) fn core(title: &str, symbol: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:subject>{symbol}</dc:subject><dc:creator>Resolute</dc:creator></cp:coreProperties>"#
    )
}
