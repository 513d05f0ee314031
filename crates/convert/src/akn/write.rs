//! Writing a [`Draft`] as Akoma Ntoso 3.0; the layout is documented on [`write()`].

use crate::notes_at::note_offsets;
use resolute_draft::{Annex, Body, Draft, Footnote, FrontMatter, Paragraph, Section, Subparagraph};

/// The Akoma Ntoso 3.0 namespace.
pub const AKN_NAMESPACE: &str = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

/// The date FRBR elements carry when the draft states none (the schema requires one).
const NO_DATE: &str = "0001-01-01";

/// Writes `draft` as an Akoma Ntoso 3.0 document (UTF-8, with an XML declaration): a
/// `<statement name="resolution">`.
///
/// Why `statement` and not `act`: the OASIS AKN 3.0 specification defines `statement` as the
/// document type for an official document of a body "that may or may not be normative in
/// structure (e.g., statements, resolutions, etc.)", while `act` is legislation enacted with
/// articles and normative force. UN resolutions (preamble of considerations, numbered
/// operative paragraphs of requests and decisions) are the former. The layout:
///
/// * `meta`: FRBR work / expression / manifestation built from the symbol and the dates, the
///   adopting body as a `TLCOrganization`, and any footnote no paragraph refers to as a `note`.
/// * `preface`: body (`docAuthority`), session, agenda item, symbol (`docNumber`), sponsors
///   (`docProponent`), adoption date (`docDate`), title (`longTitle/docTitle`).
/// * `preamble`: the enacting formula (`formula name="enactingFormula"`), then one
///   `container name="preambularParagraph"` per preambular paragraph.
/// * `mainBody`: `paragraph` with `num` and `content` (or `intro` and nested `subparagraph`s),
///   sections as `section` with `num` and `heading` (their preambular paragraphs are
///   `hcontainer name="preambularParagraph"`).
/// * `conclusions`: the closing formula; `attachments`: one `doc name="annex"` per annex.
///
/// Opening phrases are `<i>`; a footnote is an `authorialNote` where it is first referred to,
/// later references to it are `noteRef`s. Every piece of text is escaped, and characters XML cannot
/// carry are dropped.
pub fn write(draft: &Draft) -> String {
    let mut w = Writer::new(&draft.footnotes);
    w.raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    w.open("akomaNtoso", &[("xmlns", AKN_NAMESPACE)]);
    w.open("statement", &[("name", "resolution")]);
    meta(&mut w, draft);
    preface(&mut w, &draft.meta);
    preamble(&mut w, draft);
    main_body(&mut w, draft);
    conclusions(&mut w, draft);
    attachments(&mut w, draft);
    w.close("statement");
    w.close("akomaNtoso");
    w.out
}

/// An XML string being built. Writing into a `String` cannot fail, which keeps every
/// writer function free of error plumbing.
struct Writer<'a> {
    out: String,
    footnotes: &'a [Footnote],
    /// Footnotes (by index) already written as an `authorialNote`.
    written: Vec<bool>,
    next_id: usize,
}

impl<'a> Writer<'a> {
    fn new(footnotes: &'a [Footnote]) -> Self {
        Writer {
            out: String::new(),
            footnotes,
            written: vec![false; footnotes.len()],
            next_id: 0,
        }
    }

    fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    fn start(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.out.push('<');
        self.out.push_str(name);
        for (key, value) in attrs {
            self.out.push_str(&format!(" {key}=\"{}\"", escape(value)));
        }
    }

    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push('>');
    }

    fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) {
        self.start(name, attrs);
        self.out.push_str("/>");
    }

    fn close(&mut self, name: &str) {
        self.out.push_str(&format!("</{name}>\n"));
    }

    /// Text with line breaks as `<eol/>`, so that they survive any whitespace handling.
    fn text(&mut self, s: &str) {
        for (i, line) in s.split('\n').enumerate() {
            if i > 0 {
                self.out.push_str("<eol/>");
            }
            self.out.push_str(&escape(line));
        }
    }

    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) {
        self.open(name, attrs);
        self.text(text);
        self.out.push_str(&format!("</{name}>"));
    }

    /// A fresh eId: `prefix_n`, unique in the document.
    fn id(&mut self, prefix: &str) -> String {
        self.next_id += 1;
        format!("{prefix}_{}", self.next_id)
    }
}

/// Escapes text for element content and attribute values. Characters XML 1.0 cannot carry at
/// all (most C0 controls, U+FFFE, U+FFFF) are dropped: even escaped they would make the
/// document ill-formed. Carriage returns, tabs and other line ends are written as references
/// so that no parser normalises them away.
pub(crate) fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            // Line ends a reader may normalise to "\n" (XML 1.1 rules, which quick-xml follows).
            '\u{85}' => out.push_str("&#x85;"),
            '\u{2028}' => out.push_str("&#x2028;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
    out
}

fn is_xml_char(c: char) -> bool {
    !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
}

/// The ISO 639-2 code FRBR wants for the draft's ISO 639-1 language ("en" gives "eng");
/// "und" when the draft states none. Other codes are kept as written.
pub(crate) const LANGUAGES: [(&str, &str); 6] = [
    ("en", "eng"),
    ("fr", "fra"),
    ("es", "spa"),
    ("ru", "rus"),
    ("ar", "ara"),
    ("zh", "zho"),
];

fn frbr_language(language: Option<&str>) -> String {
    let Some(lang) = language else {
        return "und".to_string();
    };
    LANGUAGES
        .iter()
        .find(|(two, _)| *two == lang)
        .map_or(lang, |(_, three)| three)
        .to_string()
}

pub(crate) use resolute_draft::dates::is_iso_date;

/// The work date: adoption, else the closing formula's date, else [`NO_DATE`].
fn work_date(draft: &Draft) -> (&str, &'static str) {
    let closing = draft.closing.as_ref().and_then(|c| c.date.as_deref());
    match (draft.meta.adopted.as_deref(), closing) {
        (Some(d), _) if is_iso_date(d) => (d, "adoption"),
        (_, Some(d)) if is_iso_date(d) => (d, "adoption"),
        _ => (NO_DATE, "undated"),
    }
}

/// A URI-safe form of the symbol: "A/RES/78/100" gives "A-RES-78-100".
fn slug(symbol: Option<&str>) -> String {
    let s: String = symbol
        .unwrap_or("draft")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_string();
    if s.is_empty() {
        "draft".to_string()
    } else {
        s
    }
}

fn meta(w: &mut Writer<'_>, draft: &Draft) {
    w.open("meta", &[]);
    let (date, date_name) = work_date(draft);
    let author = draft
        .meta
        .body
        .map_or("#resolute".to_string(), |b| format!("#{}", b.code()));
    let work = format!(
        "/akn/un/statement/resolution/{date}/{}",
        slug(draft.meta.symbol.as_deref())
    );
    let lang = frbr_language(draft.meta.language.as_deref());
    identification(
        w,
        &work,
        (date, date_name),
        &author,
        &lang,
        draft.meta.symbol.as_deref(),
    );
    references(w, draft);
    unreferenced_notes(w, draft);
    w.close("meta");
}

fn identification(
    w: &mut Writer<'_>,
    work: &str,
    (date, date_name): (&str, &str),
    author: &str,
    lang: &str,
    symbol: Option<&str>,
) {
    w.open("identification", &[("source", "#resolute")]);
    w.open("FRBRWork", &[]);
    w.empty("FRBRthis", &[("value", &format!("{work}/!main"))]);
    w.empty("FRBRuri", &[("value", work)]);
    w.empty("FRBRdate", &[("date", date), ("name", date_name)]);
    w.empty("FRBRauthor", &[("href", author)]);
    w.empty("FRBRcountry", &[("value", "un")]);
    if let Some(symbol) = symbol {
        w.empty("FRBRnumber", &[("value", symbol)]);
    }
    w.close("FRBRWork");
    let expression = format!("{work}/{lang}@");
    w.open("FRBRExpression", &[]);
    w.empty("FRBRthis", &[("value", &format!("{expression}/!main"))]);
    w.empty("FRBRuri", &[("value", &expression)]);
    w.empty("FRBRdate", &[("date", date), ("name", date_name)]);
    w.empty("FRBRauthor", &[("href", author)]);
    w.empty("FRBRlanguage", &[("language", lang)]);
    w.close("FRBRExpression");
    w.open("FRBRManifestation", &[]);
    w.empty("FRBRthis", &[("value", &format!("{expression}/!main.xml"))]);
    w.empty("FRBRuri", &[("value", &format!("{expression}.akn"))]);
    w.empty("FRBRdate", &[("date", date), ("name", "generation")]);
    w.empty("FRBRauthor", &[("href", "#resolute")]);
    w.close("FRBRManifestation");
    w.close("identification");
}

/// The organisations `href`/`refersTo` attributes point to.
fn references(w: &mut Writer<'_>, draft: &Draft) {
    w.open("references", &[("source", "#resolute")]);
    let resolute = [
        ("eId", "resolute"),
        ("href", "/ontology/organization/resolute"),
        ("showAs", "Resolute"),
    ];
    w.empty("TLCOrganization", &resolute);
    let mut bodies: Vec<Body> = draft.meta.body.into_iter().collect();
    if let Some(b) = draft.enacting.as_ref().and_then(|e| e.body) {
        if !bodies.contains(&b) {
            bodies.push(b);
        }
    }
    for body in bodies {
        let href = format!("/ontology/organization/un/{}", body.code());
        w.empty(
            "TLCOrganization",
            &[
                ("eId", body.code()),
                ("href", &href),
                ("showAs", body.name()),
            ],
        );
    }
    w.close("references");
}

/// Footnotes that no `authorialNote` will carry: no paragraph refers to their label, or an
/// earlier footnote has the same label.
fn unreferenced_notes(w: &mut Writer<'_>, draft: &Draft) {
    let referenced: Vec<&str> = draft
        .paragraphs()
        .flat_map(|p| {
            p.footnote_refs
                .iter()
                .chain(p.sub.iter().flat_map(|s| &s.footnote_refs))
        })
        .map(String::as_str)
        .collect();
    let loose: Vec<usize> = (0..draft.footnotes.len())
        .filter(|&i| {
            first_with_label(&draft.footnotes, &draft.footnotes[i].label) != Some(i)
                || !referenced.contains(&draft.footnotes[i].label.as_str())
        })
        .collect();
    if loose.is_empty() {
        return;
    }
    w.open("notes", &[("source", "#resolute")]);
    for i in loose {
        let (eid, note) = (format!("fn_{}", i + 1), &draft.footnotes[i]);
        w.open("note", &[("eId", &eid), ("marker", &note.label)]);
        w.leaf("p", &[], &note.text);
        w.close("note");
    }
    w.close("notes");
}

fn first_with_label(footnotes: &[Footnote], label: &str) -> Option<usize> {
    footnotes.iter().position(|f| f.label == label)
}

fn preface(w: &mut Writer<'_>, m: &FrontMatter) {
    let empty = m.body.is_none()
        && m.session.is_none()
        && m.agenda_item.is_none()
        && m.symbol.is_none()
        && m.title.is_none()
        && m.sponsors.is_empty()
        && m.adopted.is_none();
    if empty {
        return;
    }
    w.open("preface", &[]);
    if let Some(body) = m.body {
        w.open("p", &[("class", "body")]);
        w.leaf(
            "docAuthority",
            &[("refersTo", &format!("#{}", body.code()))],
            body.name(),
        );
        w.close("p");
    }
    if let Some(session) = &m.session {
        w.open("p", &[("class", "session")]);
        w.leaf("session", &[("value", session)], session);
        w.close("p");
    }
    if let Some(item) = &m.agenda_item {
        w.open("p", &[("class", "agendaItem")]);
        w.text("Agenda item ");
        w.leaf("inline", &[("name", "agendaItem")], item);
        w.close("p");
    }
    if let Some(symbol) = &m.symbol {
        w.open("p", &[("class", "symbol")]);
        w.leaf("docNumber", &[], symbol);
        w.close("p");
    }
    preface_rest(w, m);
    w.close("preface");
}

fn preface_rest(w: &mut Writer<'_>, m: &FrontMatter) {
    if !m.sponsors.is_empty() {
        w.open("p", &[("class", "sponsors")]);
        for (i, sponsor) in m.sponsors.iter().enumerate() {
            if i > 0 {
                w.text(", ");
            }
            w.leaf("docProponent", &[], sponsor);
        }
        w.close("p");
    }
    if let Some(adopted) = &m.adopted {
        w.open("p", &[("class", "adopted")]);
        if is_iso_date(adopted) {
            w.leaf(
                "docDate",
                &[("date", adopted), ("refersTo", "#adoption")],
                &resolute_draft::dates::display_date(adopted),
            );
        } else {
            w.leaf("inline", &[("name", "adopted")], adopted);
        }
        w.close("p");
    }
    if let Some(title) = &m.title {
        w.open("longTitle", &[]);
        w.open("p", &[]);
        w.leaf("docTitle", &[], title);
        w.close("p");
        w.close("longTitle");
    }
}

fn preamble(w: &mut Writer<'_>, draft: &Draft) {
    if draft.enacting.is_none() && draft.preamble.is_empty() {
        return;
    }
    w.open("preamble", &[]);
    if let Some(enacting) = &draft.enacting {
        let refers = enacting.body.map(|b| format!("#{}", b.code()));
        let mut attrs = vec![("name", "enactingFormula")];
        if let Some(r) = &refers {
            attrs.push(("refersTo", r));
        }
        w.open("formula", &attrs);
        w.leaf("p", &[], &enacting.text);
        w.close("formula");
    }
    for p in &draft.preamble {
        let eid = w.id("preamble__container");
        w.open(
            "container",
            &[("name", "preambularParagraph"), ("eId", &eid)],
        );
        paragraph_text(w, p);
        sub_list(w, &p.sub);
        w.close("container");
    }
    w.close("preamble");
}

fn main_body(w: &mut Writer<'_>, draft: &Draft) {
    w.open("mainBody", &[]);
    if draft.operative.is_empty() && draft.sections.is_empty() {
        // The schema wants some content; an empty block reads back as nothing.
        w.empty("p", &[]);
    }
    for p in &draft.operative {
        operative(w, p);
    }
    for s in &draft.sections {
        section(w, s);
    }
    w.close("mainBody");
}

fn section(w: &mut Writer<'_>, s: &Section) {
    let eid = w.id("sec");
    w.open("section", &[("eId", &eid)]);
    w.leaf("num", &[], &s.label);
    w.leaf("heading", &[], &s.heading);
    if s.preamble.is_empty() && s.operative.is_empty() {
        w.open("content", &[]);
        w.empty("p", &[]);
        w.close("content");
    }
    for p in &s.preamble {
        let eid = w.id("hcontainer");
        w.open(
            "hcontainer",
            &[("name", "preambularParagraph"), ("eId", &eid)],
        );
        w.open("content", &[]);
        paragraph_text(w, p);
        sub_list(w, &p.sub);
        w.close("content");
        w.close("hcontainer");
    }
    for p in &s.operative {
        operative(w, p);
    }
    w.close("section");
}

fn operative(w: &mut Writer<'_>, p: &Paragraph) {
    let eid = w.id("para");
    w.open("paragraph", &[("eId", &eid)]);
    if let Some(n) = p.number {
        w.leaf("num", &[], &format!("{n}."));
    }
    if p.sub.is_empty() {
        w.open("content", &[]);
        paragraph_text(w, p);
        w.close("content");
    } else {
        w.open("intro", &[]);
        paragraph_text(w, p);
        w.close("intro");
        for node in nest(&p.sub) {
            subparagraph(w, &p.sub, &node, 1);
        }
    }
    w.close("paragraph");
}

/// Subparagraphs as a tree: each one is the child of the nearest earlier one of a lower
/// level. Indices into the flat list.
#[derive(Debug)]
struct Node {
    index: usize,
    children: Vec<Node>,
}

fn nest(subs: &[Subparagraph]) -> Vec<Node> {
    let mut roots: Vec<Node> = Vec::new();
    for (index, sub) in subs.iter().enumerate() {
        insert(
            &mut roots,
            subs,
            Node {
                index,
                children: Vec::new(),
            },
            sub.level,
        );
    }
    roots
}

/// Appends `node` under the last node of `list` if that one has a lower level, recursively.
fn insert(list: &mut Vec<Node>, subs: &[Subparagraph], node: Node, level: u8) {
    match list.last_mut() {
        Some(last) if subs.get(last.index).is_some_and(|s| s.level < level) => {
            insert(&mut last.children, subs, node, level);
        }
        _ => list.push(node),
    }
}

fn level_class(sub: &Subparagraph, depth: u8) -> Option<String> {
    (sub.level != depth).then(|| format!("level-{}", sub.level))
}

fn subparagraph(w: &mut Writer<'_>, subs: &[Subparagraph], node: &Node, depth: u8) {
    let Some(sub) = subs.get(node.index) else {
        return;
    };
    let eid = w.id("subpara");
    let class = level_class(sub, depth);
    let mut attrs = vec![("eId", eid.as_str())];
    if let Some(c) = &class {
        attrs.push(("class", c));
    }
    w.open("subparagraph", &attrs);
    w.leaf("num", &[], &sub.label);
    let wrapper = if node.children.is_empty() {
        "content"
    } else {
        "intro"
    };
    w.open(wrapper, &[]);
    inline_p(w, &sub.text, None, (&sub.markdown, &sub.footnote_refs));
    w.close(wrapper);
    for child in &node.children {
        subparagraph(w, subs, child, depth.saturating_add(1));
    }
    w.close("subparagraph");
}

/// Subparagraphs of a preambular paragraph, which sits in a block container: a `blockList`
/// whose items nest further `blockList`s.
fn sub_list(w: &mut Writer<'_>, subs: &[Subparagraph]) {
    if subs.is_empty() {
        return;
    }
    list_level(w, subs, &nest(subs), 1);
}

fn list_level(w: &mut Writer<'_>, subs: &[Subparagraph], nodes: &[Node], depth: u8) {
    let eid = w.id("list");
    w.open("blockList", &[("eId", &eid)]);
    for node in nodes {
        let Some(sub) = subs.get(node.index) else {
            continue;
        };
        let class = level_class(sub, depth);
        let mut attrs = vec![];
        if let Some(c) = &class {
            attrs.push(("class", c.as_str()));
        }
        w.open("item", &attrs);
        w.leaf("num", &[], &sub.label);
        inline_p(w, &sub.text, None, (&sub.markdown, &sub.footnote_refs));
        if !node.children.is_empty() {
            list_level(w, subs, &node.children, depth.saturating_add(1));
        }
        w.close("item");
    }
    w.close("blockList");
}

fn paragraph_text(w: &mut Writer<'_>, p: &Paragraph) {
    inline_p(
        w,
        &p.text,
        p.opening.as_deref(),
        (&p.markdown, &p.footnote_refs),
    );
}

/// A `<p>`: the opening phrase in `<i>` when the text starts with it, then the rest, with the
/// footnote references where the text had their marks (read from the Markdown source; at
/// the end when that is unknown).
fn inline_p(w: &mut Writer<'_>, text: &str, opening: Option<&str>, notes: (&str, &[String])) {
    w.open("p", &[]);
    let open = opening
        .filter(|o| !o.is_empty() && text.starts_with(*o))
        .map_or(0, str::len);
    if let Some(o) = text.get(..open).filter(|o| !o.is_empty()) {
        w.leaf("i", &[], o);
    }
    let mut at = open;
    for (offset, label) in note_offsets(text, notes.0, notes.1) {
        let end = offset.clamp(at, text.len());
        w.text(text.get(at..end).unwrap_or(""));
        at = end;
        note_ref(w, &label);
    }
    w.text(text.get(at..).unwrap_or(""));
    w.out.push_str("</p>");
}

/// The first reference to a footnote carries it (`authorialNote`); later ones point to it.
fn note_ref(w: &mut Writer<'_>, label: &str) {
    let index = first_with_label(w.footnotes, label);
    match index {
        Some(i) if !w.written.get(i).copied().unwrap_or(true) => {
            if let Some(slot) = w.written.get_mut(i) {
                *slot = true;
            }
            let text = w
                .footnotes
                .get(i)
                .map(|f| f.text.clone())
                .unwrap_or_default();
            let eid = format!("fn_{}", i + 1);
            w.open(
                "authorialNote",
                &[("eId", &eid), ("marker", label), ("placement", "bottom")],
            );
            w.leaf("p", &[], &text);
            w.out.push_str("</authorialNote>");
        }
        Some(i) => w.empty(
            "noteRef",
            &[("href", &format!("#fn_{}", i + 1)), ("marker", label)],
        ),
        None => w.empty("noteRef", &[("href", "#fn_missing"), ("marker", label)]),
    }
}

fn conclusions(w: &mut Writer<'_>, draft: &Draft) {
    let Some(closing) = &draft.closing else {
        return;
    };
    w.open("conclusions", &[]);
    w.open(
        "container",
        &[("name", "closing"), ("eId", "conclusions__closing")],
    );
    w.leaf("p", &[("class", "meeting")], &closing.meeting);
    match closing.date.as_deref() {
        Some(d) if is_iso_date(d) => {
            w.open("p", &[("class", "date")]);
            w.leaf(
                "date",
                &[("date", d), ("refersTo", "#adoption")],
                &resolute_draft::dates::display_date(d),
            );
            w.out.push_str("</p>");
        }
        Some(d) => w.leaf("p", &[("class", "date")], d),
        None => {}
    }
    w.close("container");
    w.close("conclusions");
}

fn attachments(w: &mut Writer<'_>, draft: &Draft) {
    if draft.annexes.is_empty() {
        return;
    }
    w.open("attachments", &[]);
    let (date, date_name) = work_date(draft);
    let lang = frbr_language(draft.meta.language.as_deref());
    let base = format!(
        "/akn/un/statement/resolution/{date}/{}",
        slug(draft.meta.symbol.as_deref())
    );
    for (i, annex) in draft.annexes.iter().enumerate() {
        let eid = format!("att_{}", i + 1);
        w.open("attachment", &[("eId", &eid)]);
        w.open("doc", &[("name", "annex")]);
        w.open("meta", &[]);
        let work = format!("{base}/annex_{}", i + 1);
        identification(w, &work, (date, date_name), "#resolute", &lang, None);
        w.close("meta");
        annex_doc(w, annex);
        w.close("doc");
        w.close("attachment");
    }
    w.close("attachments");
}

/// The heading in the preface, the text as one `<p>` per blank-line-separated block (split
/// on exactly "\n\n", so that joining the blocks gives the text back byte for byte).
fn annex_doc(w: &mut Writer<'_>, annex: &Annex) {
    w.open("preface", &[]);
    w.leaf("p", &[("class", "heading")], &annex.heading);
    w.close("preface");
    w.open("mainBody", &[]);
    for block in annex.text.split("\n\n") {
        w.leaf("p", &[], block);
        w.raw("\n");
    }
    w.close("mainBody");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_drops_what_xml_cannot_carry() {
        assert_eq!(
            escape("a<b>&\"'\u{1}\r"),
            "a&lt;b&gt;&amp;&quot;&apos;&#13;"
        );
    }

    #[test]
    fn iso_dates_are_recognised() {
        assert!(is_iso_date("2023-12-07"));
        assert!(!is_iso_date("2023-13-07"));
        assert!(!is_iso_date("7 December 2023"));
        assert_eq!(
            resolute_draft::dates::display_date("2023-12-07"),
            "7 December 2023"
        );
    }

    #[test]
    fn subparagraph_levels_nest() {
        let sub = |label: &str, level| Subparagraph {
            label: label.to_string(),
            level,
            text: String::new(),
            markdown: String::new(),
            footnote_refs: Vec::new(),
            span: Default::default(),
        };
        let subs = [sub("(a)", 1), sub("(i)", 2), sub("(ii)", 2), sub("(b)", 1)];
        let tree = nest(&subs);
        assert_eq!(tree.len(), 2);
        assert_eq!(tree[0].children.len(), 2);
    }
}
