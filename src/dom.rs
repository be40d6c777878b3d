//! The page's own DOM as the extractor's [`Tree`] (wasm32 only): a thin layer, no algorithm.
//!
//! The extraction itself is in the core ([`crate::extract`]), the same code the CLI runs over a
//! parsed HTML file. Here: [`extract_article`] (JS `extractArticle(root?)`) and
//! [`extract_text`] (JS `extractText(element)`) return the article's text, its blocks (element
//! and UTF-16 span, so results of [`crate::analyze`] map back to the page) and the page's
//! metadata; [`text_range`] (JS `textRange(block, start, end)`) turns a span of a block into a
//! DOM `Range` over the page's own text nodes, walking the block as extraction did. The page is
//! only read, never modified. What only a browser knows, whether a style sheet hides an
//! element, comes from the computed style.

use crate::extract::{self, Extracted, Metadata, NodeKind, Tree};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use web_sys::{Element, Node, Range, Window};

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &str = r#"
/** A block of the extracted text: its element and its UTF-16 span in `text`. */
export interface ArticleBlock { element: Element; start: number; end: number; }
/** The readable text of a page or element, as extractArticle() and extractText() return it. */
export interface ExtractedArticle {
  /** The blocks' text joined by blank lines ("\n\n"). */
  text: string;
  /** The blocks in document order; text.slice(start, end) is the block's text. */
  blocks: ArticleBlock[];
  /** The element the text was taken from (the detected container, or the element given). */
  container: Element | null;
  /** What the page says about its article (meta tags, OpenGraph, JSON-LD); null when unknown. */
  metadata: ArticleMetadata;
}
/** A page's metadata, as extractArticle() and extractText() return it. */
export interface ArticleMetadata {
  title: string | null;
  byline: string | null;
  /** As the page writes it, usually ISO 8601. */
  published: string | null;
  siteName: string | null;
  /** The page's language tag (`<html lang>`). */
  lang: string | null;
  excerpt: string | null;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// The result object, typed `ExtractedArticle` in TypeScript.
    #[wasm_bindgen(typescript_type = "ExtractedArticle")]
    pub type JsExtracted;
}

const ELEMENT_NODE: u16 = 1;
const TEXT_NODE: u16 = 3;
const CDATA_SECTION_NODE: u16 = 4;

/// The page's DOM, with the JS strings the style check needs made once per extraction (a walk
/// of a 100,000-word page visits thousands of elements).
struct Dom {
    win: Option<Window>,
    display: JsValue,
    visibility: JsValue,
    none: JsValue,
    hidden: JsValue,
    collapse: JsValue,
}

impl Dom {
    fn new() -> Self {
        Dom {
            win: web_sys::window(),
            display: JsValue::from_str("display"),
            visibility: JsValue::from_str("visibility"),
            none: JsValue::from_str("none"),
            hidden: JsValue::from_str("hidden"),
            collapse: JsValue::from_str("collapse"),
        }
    }
}

/// The element behind `node`, which the extractor only asks of nodes of kind `Element`.
fn element(node: &Node) -> Option<&Element> {
    (node.node_type() == ELEMENT_NODE).then(|| node.unchecked_ref::<Element>())
}

impl Tree for Dom {
    type Node = Node;

    fn kind(&self, node: &Node) -> NodeKind {
        match node.node_type() {
            ELEMENT_NODE => NodeKind::Element,
            TEXT_NODE | CDATA_SECTION_NODE => NodeKind::Text,
            _ => NodeKind::Other,
        }
    }

    fn first_child(&self, node: &Node) -> Option<Node> {
        node.first_child()
    }

    fn next_sibling(&self, node: &Node) -> Option<Node> {
        node.next_sibling()
    }

    fn parent(&self, node: &Node) -> Option<Node> {
        node.parent_node()
    }

    fn tag(&self, node: &Node) -> String {
        element(node).map_or_else(String::new, |e| e.local_name().to_ascii_lowercase())
    }

    fn attr(&self, node: &Node, name: &str) -> Option<String> {
        element(node)?.get_attribute(name)
    }

    fn has_attributes(&self, node: &Node) -> bool {
        element(node).is_some_and(Element::has_attributes)
    }

    fn text(&self, node: &Node) -> Option<String> {
        matches!(node.node_type(), TEXT_NODE | CDATA_SECTION_NODE)
            .then(|| node.node_value())
            .flatten()
    }

    /// `display: none`, `visibility: hidden` or `collapse`, from the computed style.
    fn hidden_by_style(&self, node: &Node) -> bool {
        let Some(style) = element(node).and_then(|el| {
            self.win
                .as_ref()
                .and_then(|w| w.get_computed_style(el).ok().flatten())
        }) else {
            return false;
        };
        let get = |key: &JsValue| Reflect::get(&style, key).unwrap_or(JsValue::UNDEFINED);
        if get(&self.display) == self.none {
            return true;
        }
        let visibility = get(&self.visibility);
        visibility == self.hidden || visibility == self.collapse
    }
}

fn set(obj: &Object, key: &str, value: &JsValue) {
    // Setting a fresh plain object's own property cannot fail.
    let _ = Reflect::set(obj, &JsValue::from_str(key), value);
}

fn js_opt(value: &Option<String>) -> JsValue {
    value.as_deref().map_or(JsValue::NULL, JsValue::from_str)
}

/// The result object: text, blocks with their spans, container and metadata.
fn to_js(found: Extracted<Node>, metadata: &Metadata) -> JsExtracted {
    let (k_element, k_start, k_end) = (
        JsValue::from_str("element"),
        JsValue::from_str("start"),
        JsValue::from_str("end"),
    );
    let blocks = Array::new();
    for b in &found.blocks {
        let block = Object::new();
        let _ = Reflect::set(&block, &k_element, &b.node);
        let _ = Reflect::set(&block, &k_start, &JsValue::from_f64(b.start as f64));
        let _ = Reflect::set(&block, &k_end, &JsValue::from_f64(b.end as f64));
        blocks.push(&block);
    }
    let meta = Object::new();
    set(&meta, "title", &js_opt(&metadata.title));
    set(&meta, "byline", &js_opt(&metadata.byline));
    set(&meta, "published", &js_opt(&metadata.published));
    set(&meta, "siteName", &js_opt(&metadata.site_name));
    set(&meta, "lang", &js_opt(&metadata.lang));
    set(&meta, "excerpt", &js_opt(&metadata.excerpt));
    let out = Object::new();
    set(&out, "text", &JsValue::from_str(&found.text));
    set(&out, "blocks", &blocks);
    set(
        &out,
        "container",
        &found.container.map_or(JsValue::NULL, JsValue::from),
    );
    set(&out, "metadata", &meta);
    out.unchecked_into()
}

/// The metadata of the document `node` is in.
fn page_metadata(dom: &Dom, node: &Node) -> Metadata {
    let root = node
        .owner_document()
        .and_then(|d| d.document_element())
        .map(Node::from)
        .unwrap_or_else(|| node.clone());
    extract::metadata::read(dom, &root)
}

fn default_root() -> Option<Element> {
    // The whole document: <head> is skipped like any other non-article subtree.
    web_sys::window()?.document()?.document_element()
}

/// Finds the main article under `root` (default: the whole document) and returns its text,
/// blocks and the page's metadata (see `ExtractedArticle`). A page with no article gives empty
/// text.
#[wasm_bindgen(js_name = extractArticle)]
pub fn extract_article(root: Option<Element>) -> JsExtracted {
    let dom = Dom::new();
    let Some(root) = root.or_else(default_root) else {
        return to_js(Extracted::default(), &Metadata::default());
    };
    let root = Node::from(root);
    to_js(extract::article(&dom, &root), &page_metadata(&dom, &root))
}

/// Every readable block of `element` (no article detection), as `ExtractedArticle`.
#[wasm_bindgen(js_name = extractText)]
pub fn extract_text(element: Element) -> JsExtracted {
    let dom = Dom::new();
    let root = Node::from(element);
    to_js(extract::text(&dom, &root), &page_metadata(&dom, &root))
}

/// A DOM `Range` over the page's text nodes for `[start, end)` (UTF-16 units) of a block's
/// extracted text, or `undefined` when the block no longer has that text.
#[wasm_bindgen(js_name = textRange)]
pub fn text_range(block: Element, start: u32, end: u32) -> Option<Range> {
    let doc = block.owner_document()?;
    let node = Node::from(block);
    let ((from, s), (to, e)) =
        extract::span_in_nodes(&Dom::new(), &node, start as usize, end as usize)?;
    let range = doc.create_range().ok()?;
    range.set_start(&from, s as u32).ok()?;
    range.set_end(&to, e as u32).ok()?;
    Some(range)
}
