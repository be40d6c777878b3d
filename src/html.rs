//! Web pages natively (feature `html`): a saved page's article and metadata, found by the same
//! extractor the browser runs ([`crate::extract`]) over an HTML5 parse of the file.
//!
//! The parser is html5ever (through `scraper`), which builds the tree a browser would, with the
//! same error recovery. Pages are only read. Native only: in the browser the page is already
//! parsed.

use crate::extract::{self, Metadata, NodeKind, Tree};
use ego_tree::NodeRef;
use scraper::{Html, Node};
use serde::Serialize;
use std::marker::PhantomData;

/// A page's article: its text (blocks joined by blank lines) and what the page says about it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Page {
    /// The article's text, as `analyze` takes it.
    pub text: String,
    /// Title, byline, date, site name, language and excerpt, where the page gives them.
    pub metadata: Metadata,
}

/// The article of an HTML page, and its metadata. Any string is accepted: text without markup
/// is one paragraph of a page.
pub fn extract(html: &str) -> Page {
    let doc = Html::parse_document(html);
    let root = doc.root_element();
    let tree = Parsed(PhantomData);
    let node = *root;
    let article = extract::article(&tree, &node);
    Page {
        text: article.text,
        metadata: extract::metadata::read(&tree, &node),
    }
}

/// Whether `text` is an HTML page rather than plain text: it opens (after whitespace and a
/// byte-order mark) with a doctype, an `<html>`, `<head>` or `<body>` tag, or a comment.
pub fn looks_like_html(text: &str) -> bool {
    let start = text.trim_start_matches(&['\u{feff}', ' ', '\t', '\r', '\n'][..]);
    let head: String = start
        .chars()
        .take(14)
        .collect::<String>()
        .to_ascii_lowercase();
    ["<!doctype html", "<html", "<head", "<body", "<!--"]
        .iter()
        .any(|p| head.starts_with(p))
}

/// The parsed document as the extractor's tree (nodes are handles into the parse).
struct Parsed<'a>(PhantomData<&'a Html>);

impl<'a> Tree for Parsed<'a> {
    type Node = NodeRef<'a, Node>;

    fn kind(&self, node: &Self::Node) -> NodeKind {
        match node.value() {
            Node::Element(_) => NodeKind::Element,
            Node::Text(_) => NodeKind::Text,
            _ => NodeKind::Other,
        }
    }

    fn first_child(&self, node: &Self::Node) -> Option<Self::Node> {
        node.first_child()
    }

    fn next_sibling(&self, node: &Self::Node) -> Option<Self::Node> {
        node.next_sibling()
    }

    fn parent(&self, node: &Self::Node) -> Option<Self::Node> {
        node.parent()
    }

    fn tag(&self, node: &Self::Node) -> String {
        match node.value() {
            Node::Element(e) => e.name().to_ascii_lowercase(),
            _ => String::new(),
        }
    }

    fn attr(&self, node: &Self::Node, name: &str) -> Option<String> {
        match node.value() {
            Node::Element(e) => e.attr(name).map(str::to_string),
            _ => None,
        }
    }

    fn has_attributes(&self, node: &Self::Node) -> bool {
        matches!(node.value(), Node::Element(e) if e.attrs().next().is_some())
    }

    fn text(&self, node: &Self::Node) -> Option<String> {
        match node.value() {
            Node::Text(t) => Some(t.to_string()),
            _ => None,
        }
    }
}

/// Every readable block of the page, with no article detection (what `extractText` gives for
/// `<body>`): the baseline an extractor must beat.
pub fn page_text(html: &str) -> String {
    let doc = Html::parse_document(html);
    let node = *doc.root_element();
    extract::text(&Parsed(PhantomData), &node).text
}

/// All character data of an HTML document or fragment, entities decoded, tags dropped: the
/// text of an extraction written as HTML (the gold of `pith eval extraction`).
pub fn all_text(html: &str) -> String {
    Html::parse_document(html).root_element().text().collect()
}
