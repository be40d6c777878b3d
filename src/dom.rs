//! Article extraction from a web page (wasm32 only): a thin DOM layer, no NLP.
//!
//! [`extract_article`] (JS `extractArticle(root?)`) finds the main article of a page in the
//! manner of Mozilla's Readability: it walks the DOM once, ignoring navigation, asides, footers,
//! forms, scripts and hidden elements, scores paragraph-like blocks by text length and commas,
//! gives each block's score to its parent (in full), grandparent (a half) and further ancestors
//! (a third of the level), discounts every candidate by its link density and keeps the best
//! container with its qualifying siblings. [`extract_text`] (JS `extractText(element)`) takes
//! all readable blocks of an element the page names. Both return the article text (blocks joined
//! by blank lines, whitespace collapsed as HTML renders it, `<br>` as a line break) and each
//! block's element with its UTF-16 span, so results of [`crate::analyze`] map back to the page;
//! [`text_range`] (JS `textRange(block, start, end)`) turns a span of a block into a DOM `Range`
//! over the page's own text nodes by walking that block with the same walk (one `walk`
//! function decides what text a subtree has, for extraction and for ranges alike). The page is
//! only read, never modified.

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

/// Subtrees that never hold article text.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "aside",
    "footer",
    "form",
    "iframe",
    "object",
    "embed",
    "svg",
    "math",
    "canvas",
    "video",
    "audio",
    "picture",
    "figure",
    "select",
    "textarea",
    "button",
    "input",
    "dialog",
    "head",
    "title",
    "link",
    "meta",
    "pith-summary",
];

/// ARIA landmarks and widgets that are not the article.
const SKIP_ROLES: &[&str] = &[
    "navigation",
    "complementary",
    "contentinfo",
    "banner",
    "search",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "tooltip",
];

/// Readability's "unlikely candidates" (class and id), plus bylines and share bars.
const UNLIKELY: &[&str] = &[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumb",
    "byline",
    "combx",
    "comment",
    "community",
    "cookie",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "newsletter",
    "related",
    "remark",
    "replies",
    "rss",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// Readability's "maybe candidate" words, which keep an unlikely-looking element.
const MAYBE: &[&str] = &[
    "and", "article", "body", "column", "content", "main", "shadow",
];

/// Class or id words that lower (`NEGATIVE`) or raise (`POSITIVE`) a container's score.
const NEGATIVE: &[&str] = &[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];
const POSITIVE: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
    "blog", "story",
];

/// Elements that start a block (a paragraph-like element containing one stops being a leaf).
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "blockquote",
    "pre",
    "figure",
    "figcaption",
    "address",
    "hr",
    "details",
    "summary",
    "fieldset",
    "header",
    "hgroup",
    "center",
];

/// A paragraph-like block needs this many characters to be scored.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors of a paragraph receive a share of its score.
const SCORE_ANCESTORS: usize = 5;
/// Blocks of a detected article with more link text than this share are dropped (link lists).
const MAX_BLOCK_LINK_DENSITY: f64 = 0.5;

/// One element seen by the walk, in document (pre-)order.
struct Rec {
    el: Element,
    tag: String,
    parent: Option<usize>,
    /// Index of the first record after this element's subtree.
    end: usize,
    /// Index of the first text piece of this element's subtree.
    piece: usize,
    /// Characters of text (whitespace runs counted once) in the subtree.
    text: usize,
    /// Of which inside links.
    link: usize,
    /// Commas in the subtree.
    commas: usize,
    /// A block-level element is among the descendants.
    has_block: bool,
    /// Class and id weight (Readability's ±25 per match).
    weight: f64,
    /// Content score, once the element is a candidate.
    score: Option<f64>,
}

impl Rec {
    fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

/// What the checks need, made once per walk: JS strings built once spare a string conversion
/// per element (the walk of a 100,000-word page visits thousands).
struct Ctx {
    win: Option<Window>,
    display: JsValue,
    visibility: JsValue,
    none: JsValue,
    hidden: JsValue,
    collapse: JsValue,
}

impl Ctx {
    fn new() -> Self {
        Ctx {
            win: web_sys::window(),
            display: JsValue::from_str("display"),
            visibility: JsValue::from_str("visibility"),
            none: JsValue::from_str("none"),
            hidden: JsValue::from_str("hidden"),
            collapse: JsValue::from_str("collapse"),
        }
    }

    /// `display: none`, `visibility: hidden` or `collapse` (the `hidden` attribute included).
    fn hidden_by_style(&self, el: &Element) -> bool {
        let Some(style) = self
            .win
            .as_ref()
            .and_then(|w| w.get_computed_style(el).ok().flatten())
        else {
            return false;
        };
        let get = |key: &JsValue| Reflect::get(&style, key).unwrap_or(JsValue::UNDEFINED);
        if get(&self.display) == self.none {
            return true;
        }
        let visibility = get(&self.visibility);
        visibility == self.hidden || visibility == self.collapse
    }

    /// `None` when the subtree of `el` is never part of the text (ignored tags, hidden elements,
    /// non-article landmarks, Readability's unlikely class names), else its class weight.
    /// `in_section` tells whether `el` is inside an `<article>`, `<main>` or `<section>` (whose
    /// `<header>` holds the headline, unlike the page's banner header).
    fn check(&self, el: &Element, tag: &str, in_section: bool) -> Option<f64> {
        if SKIP_TAGS.contains(&tag) || (tag == "header" && !in_section) {
            return None;
        }
        let mut weight = 0.0;
        // Most paragraphs have no attributes: then there is nothing more to read.
        if el.has_attributes() {
            if el.get_attribute("aria-hidden").as_deref() == Some("true") {
                return None;
            }
            if let Some(role) = el.get_attribute("role") {
                if SKIP_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()) {
                    return None;
                }
            }
            let class = attr(el, "class").to_ascii_lowercase();
            let id = attr(el, "id").to_ascii_lowercase();
            if tag != "body" && tag != "a" {
                let unlikely = |n: &str| contains_any(n, UNLIKELY);
                let maybe = |n: &str| contains_any(n, MAYBE);
                if (unlikely(&class) || unlikely(&id)) && !(maybe(&class) || maybe(&id)) {
                    return None;
                }
            }
            for name in [&class, &id] {
                if contains_any(name, NEGATIVE) {
                    weight -= 25.0;
                }
                if contains_any(name, POSITIVE) {
                    weight += 25.0;
                }
            }
        }
        if self.hidden_by_style(el) {
            return None;
        }
        Some(weight)
    }
}

fn tag_of(el: &Element) -> String {
    el.local_name().to_ascii_lowercase()
}

fn attr(el: &Element, name: &str) -> String {
    el.get_attribute(name).unwrap_or_default()
}

fn contains_any(haystack: &str, needles: &[&str]) -> bool {
    !haystack.is_empty() && needles.iter().any(|n| haystack.contains(n))
}

fn is_text_node(node: &Node) -> bool {
    matches!(node.node_type(), TEXT_NODE | CDATA_SECTION_NODE)
}

/// Commas of scripts other than Latin (Readability counts these too).
fn is_comma(c: char) -> bool {
    matches!(
        c,
        ',' | '،' | '，' | '﹐' | '︐' | '︑' | '⹁' | '⸴' | '⸲' | '､'
    )
}

/// Text length in characters with whitespace runs counted once, and commas. Byte-wise: ASCII
/// whitespace never occurs inside a UTF-8 sequence, and continuation bytes are not characters.
fn measure(text: &str) -> (usize, usize) {
    let (mut len, mut commas, mut in_space) = (0, 0, true);
    for (i, &b) in text.as_bytes().iter().enumerate() {
        if b.is_ascii_whitespace() {
            if !in_space {
                len += 1;
                in_space = true;
            }
        } else if b & 0xC0 != 0x80 {
            len += 1;
            in_space = false;
            let other = matches!(b, 0xD8 | 0xE2 | 0xEF)
                && text
                    .get(i..)
                    .and_then(|t| t.chars().next())
                    .is_some_and(is_comma);
            if b == b',' || other {
                commas += 1;
            }
        }
    }
    (len, commas)
}

/// The text of a walk: pieces in document order, and one record per kept element.
struct Walk {
    recs: Vec<Rec>,
    pieces: Vec<Piece>,
}

impl Walk {
    /// The text pieces of record `i`'s subtree (contiguous: the walk is depth-first).
    fn pieces_of(&self, i: usize) -> &[Piece] {
        let from = self.recs[i].piece;
        let to = self
            .recs
            .get(self.recs[i].end)
            .map_or(self.pieces.len(), |r| r.piece);
        &self.pieces[from..to]
    }
}

/// Whether an ancestor of `el` is an `<article>`, `<main>` or `<section>` (where a `<header>`
/// holds the headline rather than the page's banner).
fn inside_section(el: &Element) -> bool {
    el.parent_element()
        .and_then(|p| p.closest("article, main, section").ok().flatten())
        .is_some()
}

/// Walks the subtree of `root` once: one record per kept element, in document order, with
/// text, link and comma counts summed over its subtree, and every text piece. The one walk
/// of the page's text: extraction (`keep_nodes` false) and [`text_range`] (`keep_nodes` true,
/// each text piece with its node) skip exactly the same subtrees, so a block's text and the
/// ranges over it agree. What the walk decides from above `root` (inside an article, main or
/// section) it reads from `root`'s ancestors, so walking a block alone decides as walking the
/// page did.
fn walk(root: &Element, keep_nodes: bool) -> Walk {
    let ctx = Ctx::new();
    let mut recs: Vec<Rec> = Vec::new();
    let mut pieces: Vec<Piece> = Vec::new();
    // (node, parent record, inside a link, inside article/main/section)
    let mut stack: Vec<(Node, Option<usize>, bool, bool)> =
        vec![(root.clone().into(), None, false, inside_section(root))];
    while let Some((node, parent, in_link, in_section)) = stack.pop() {
        if is_text_node(&node) {
            if let (Some(p), Some(value)) = (parent, node.node_value()) {
                let (len, commas) = measure(&value);
                let rec = &mut recs[p];
                rec.text += len;
                rec.commas += commas;
                if in_link {
                    rec.link += len;
                }
                pieces.push(Piece::Text(keep_nodes.then(|| node.clone()), value));
            }
            continue;
        }
        if node.node_type() != ELEMENT_NODE {
            continue;
        }
        let Ok(el) = node.dyn_into::<Element>() else {
            continue;
        };
        let tag = tag_of(&el);
        if tag == "br" {
            pieces.push(Piece::Break);
            continue;
        }
        let weight = if parent.is_none() {
            0.0
        } else {
            match ctx.check(&el, &tag, in_section) {
                Some(w) => w,
                None => continue,
            }
        };
        let index = recs.len();
        let in_link = in_link || tag == "a";
        let in_section = in_section || matches!(tag.as_str(), "article" | "main" | "section");
        let children = el.child_nodes();
        recs.push(Rec {
            el,
            tag,
            parent,
            end: index + 1,
            piece: pieces.len(),
            text: 0,
            link: 0,
            commas: 0,
            has_block: false,
            weight,
            score: None,
        });
        for i in (0..children.length()).rev() {
            if let Some(child) = children.get(i) {
                stack.push((child, Some(index), in_link, in_section));
            }
        }
    }
    // Children come after their parent: one backward pass sums subtrees.
    for i in (1..recs.len()).rev() {
        let Some(p) = recs[i].parent else { continue };
        let (text, link, commas, end) = (recs[i].text, recs[i].link, recs[i].commas, recs[i].end);
        let block = recs[i].has_block || BLOCK_TAGS.contains(&recs[i].tag.as_str());
        let parent = &mut recs[p];
        parent.text += text;
        parent.link += link;
        parent.commas += commas;
        parent.has_block |= block;
        parent.end = parent.end.max(end);
    }
    Walk { recs, pieces }
}

/// Readability's initial score of a container by its tag (`<main>` and `<section>` counting as
/// `<div>`, so a wrapper div does not outrank them), plus its class weight.
fn initial_score(rec: &Rec) -> f64 {
    let base = match rec.tag.as_str() {
        "div" | "article" | "main" | "section" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + rec.weight
}

/// Whether the record is a paragraph-like block worth scoring.
fn is_paragraph(rec: &Rec) -> bool {
    match rec.tag.as_str() {
        "p" | "pre" | "td" => true,
        "div" | "section" | "article" | "main" | "blockquote" => !rec.has_block,
        _ => false,
    }
}

/// Scores paragraphs into their ancestors; returns the index of the best container.
fn score(recs: &mut [Rec]) -> Option<usize> {
    for i in 0..recs.len() {
        if !is_paragraph(&recs[i]) || recs[i].text < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let points = 1.0 + recs[i].commas as f64 + (recs[i].text as f64 / 100.0).floor().min(3.0);
        let mut ancestor = recs[i].parent;
        for level in 0..SCORE_ANCESTORS {
            let Some(a) = ancestor else { break };
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                _ => level as f64 * 3.0,
            };
            let init = initial_score(&recs[a]);
            let rec = &mut recs[a];
            *rec.score.get_or_insert(init) += points / divider;
            ancestor = rec.parent;
        }
    }
    for rec in recs.iter_mut() {
        let density = rec.link_density();
        if let Some(s) = rec.score.as_mut() {
            *s *= 1.0 - density;
        }
    }
    let best = |recs: &[Rec]| {
        let mut ranked: Vec<(usize, f64)> = recs
            .iter()
            .enumerate()
            .filter_map(|(i, r)| r.score.map(|s| (i, s)))
            .collect();
        crate::util::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        ranked.truncate(5);
        ranked
    };
    let top5 = best(recs);
    let &(mut top, top_score) = top5.first()?;

    // Several near-equal candidates with a common ancestor: the article is that ancestor.
    let ancestors_of = |recs: &[Rec], mut i: usize| {
        let mut out = Vec::new();
        while let Some(p) = recs[i].parent {
            out.push(p);
            i = p;
        }
        out
    };
    let alternatives: Vec<Vec<usize>> = top5[1..]
        .iter()
        .filter(|(_, s)| *s >= 0.75 * top_score)
        .map(|&(i, _)| ancestors_of(recs, i))
        .collect();
    if alternatives.len() >= 3 {
        let mut parent = recs[top].parent;
        while let Some(p) = parent {
            if recs[p].tag == "body" {
                break;
            }
            if alternatives.iter().filter(|a| a.contains(&p)).count() >= 3 {
                top = p;
                break;
            }
            parent = recs[p].parent;
        }
    }
    if recs[top].score.is_none() {
        let init = initial_score(&recs[top]);
        recs[top].score = Some(init);
    }

    // A parent scoring higher than what it contains is the better container.
    let mut last = recs[top].score.unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut parent = recs[top].parent;
    while let Some(p) = parent {
        if recs[p].tag == "body" {
            break;
        }
        let Some(s) = recs[p].score else {
            parent = recs[p].parent;
            continue;
        };
        if s < threshold {
            break;
        }
        if s > last {
            top = p;
            break;
        }
        last = s;
        parent = recs[p].parent;
    }

    // An only child (in the DOM) is as good as its parent.
    while let Some(p) = recs[top].parent {
        if recs[p].tag == "body" || recs[p].el.child_element_count() != 1 {
            break;
        }
        top = p;
    }
    Some(top)
}

/// The container and those of its siblings that belong to the article (Readability's rule).
fn with_siblings(recs: &[Rec], top: usize) -> Vec<usize> {
    let Some(parent) = recs[top].parent else {
        return vec![top];
    };
    let top_score = recs[top].score.unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let top_class = attr(&recs[top].el, "class");
    recs.iter()
        .enumerate()
        .filter(|(_, r)| r.parent == Some(parent))
        .filter(|&(i, r)| {
            if i == top {
                return true;
            }
            let bonus = if !top_class.is_empty() && attr(&r.el, "class") == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if r.score.is_some_and(|s| s + bonus >= threshold) {
                return true;
            }
            if r.tag != "p" {
                return false;
            }
            let density = r.link_density();
            if r.text > 80 {
                density < 0.25
            } else {
                r.text > 0 && density == 0.0 && ends_sentence(&r.el)
            }
        })
        .map(|(i, _)| i)
        .collect()
}

fn ends_sentence(el: &Element) -> bool {
    let text = el.text_content().unwrap_or_default();
    text.contains(". ") || text.trim_end().ends_with('.')
}

/// Leaf blocks (elements with text and no block-level descendant) under the `roots`, in
/// document order. `dense` drops link lists.
fn leaf_blocks(recs: &[Rec], roots: &[usize], dense: bool) -> Vec<usize> {
    let mut selected = vec![false; recs.len()];
    let mut out = Vec::new();
    for i in 0..recs.len() {
        let parent = recs[i].parent;
        selected[i] = roots.contains(&i) || parent.is_some_and(|p| selected[p]);
        if !selected[i] || recs[i].has_block || recs[i].text == 0 {
            continue;
        }
        // Inside another leaf block (an <a> in a <p>): the outer one is the block.
        if parent.is_some_and(|p| selected[p] && !recs[p].has_block) {
            continue;
        }
        if dense && recs[i].link_density() > MAX_BLOCK_LINK_DENSITY {
            continue;
        }
        out.push(i);
    }
    out
}

/// One piece of a block's text: a text node (the node itself only when the walk keeps nodes,
/// for [`text_range`]) or a line break.
enum Piece {
    Text(Option<Node>, String),
    Break,
}

/// Collapses whitespace as HTML renders it (runs of ASCII whitespace become one space, none at
/// the ends, `<br>` a line break). `visit(out_utf16, char, node, node_start, node_end)` sees
/// every character written, with its place in its text node (UTF-16 units).
fn normalise(pieces: &[Piece], mut visit: impl FnMut(usize, char, Option<(&Node, u32, u32)>)) {
    #[derive(PartialEq)]
    enum Gap {
        None,
        Space,
        Break,
    }
    let mut gap = Gap::None;
    let mut started = false;
    let mut pos = 0usize;
    let mut last: Option<(&Node, u32)> = None;
    for piece in pieces {
        match piece {
            Piece::Break => {
                if started {
                    gap = Gap::Break;
                }
            }
            Piece::Text(node, value) => {
                let mut at = 0u32;
                for c in value.chars() {
                    let width = c.len_utf16() as u32;
                    if c.is_ascii_whitespace() {
                        if started && gap == Gap::None {
                            gap = Gap::Space;
                        }
                    } else {
                        if gap != Gap::None {
                            let sep = if gap == Gap::Break { '\n' } else { ' ' };
                            visit(pos, sep, last.map(|(n, e)| (n, e, e)));
                            pos += 1;
                            gap = Gap::None;
                        }
                        let node = node.as_ref();
                        visit(pos, c, node.map(|n| (n, at, at + width)));
                        pos += width as usize;
                        started = true;
                        last = node.map(|n| (n, at + width)).or(last);
                    }
                    at += width;
                }
            }
        }
    }
}

/// The text `normalise` writes, built a word at a time (the fast path for whole articles).
fn collapse(pieces: &[Piece]) -> String {
    let mut out = String::new();
    let mut gap: Option<char> = None;
    let mut started = false;
    for piece in pieces {
        match piece {
            Piece::Break => {
                if started {
                    gap = Some('\n');
                }
            }
            Piece::Text(_, value) => {
                let bytes = value.as_bytes();
                let mut i = 0;
                while i < bytes.len() {
                    if bytes[i].is_ascii_whitespace() {
                        if started && gap.is_none() {
                            gap = Some(' ');
                        }
                        i += 1;
                        continue;
                    }
                    let from = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    if let Some(sep) = gap.take() {
                        out.push(sep);
                    }
                    // Both ends are ASCII bytes or the ends of the string: char boundaries.
                    out.push_str(value.get(from..i).unwrap_or_default());
                    started = true;
                }
            }
        }
    }
    out
}

/// Length in UTF-16 code units: one per character, two for those outside the BMP.
fn utf16_len(s: &str) -> usize {
    s.as_bytes()
        .iter()
        .map(|&b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

fn set(obj: &Object, key: &JsValue, value: &JsValue) {
    // Setting a fresh plain object's own property cannot fail.
    let _ = Reflect::set(obj, key, value);
}

/// The result object: the blocks' text (collapsed) joined by blank lines, with their spans.
fn build(walk: &Walk, blocks: &[usize], container: Option<&Element>) -> JsExtracted {
    let (k_element, k_start, k_end) = (
        JsValue::from_str("element"),
        JsValue::from_str("start"),
        JsValue::from_str("end"),
    );
    let mut text = String::new();
    let mut pos = 0usize;
    let out_blocks = Array::new();
    for &i in blocks {
        let t = collapse(walk.pieces_of(i));
        let len = utf16_len(&t);
        if t.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
            pos += 2;
        }
        let block = Object::new();
        set(&block, &k_element, &walk.recs[i].el);
        set(&block, &k_start, &JsValue::from_f64(pos as f64));
        set(&block, &k_end, &JsValue::from_f64((pos + len) as f64));
        out_blocks.push(&block);
        text.push_str(&t);
        pos += len;
    }
    let out = Object::new();
    set(&out, &JsValue::from_str("text"), &JsValue::from_str(&text));
    set(&out, &JsValue::from_str("blocks"), &out_blocks);
    set(
        &out,
        &JsValue::from_str("container"),
        &container.map_or(JsValue::NULL, |c| c.clone().into()),
    );
    out.unchecked_into()
}

fn default_root() -> Option<Element> {
    // The whole document: <head> is skipped like any other non-article subtree.
    web_sys::window()?.document()?.document_element()
}

/// Finds the main article under `root` (default: the whole document) and returns its text and
/// blocks (see `ExtractedArticle`). A page with no article gives empty text.
#[wasm_bindgen(js_name = extractArticle)]
pub fn extract_article(root: Option<Element>) -> JsExtracted {
    let Some(root) = root.or_else(default_root) else {
        return build(
            &Walk {
                recs: Vec::new(),
                pieces: Vec::new(),
            },
            &[],
            None,
        );
    };
    let mut walk = walk(&root, false);
    let Some(top) = score(&mut walk.recs) else {
        // No paragraph anywhere: every readable block of the root.
        let blocks = leaf_blocks(&walk.recs, &[0], true);
        return build(&walk, &blocks, Some(&root));
    };
    let recs = &walk.recs;
    let roots = with_siblings(recs, top);
    let mut blocks = leaf_blocks(recs, &roots, true);
    // The headline often sits just before the article body: keep the nearest <h1> before it.
    if !blocks.iter().any(|&i| recs[i].tag == "h1") {
        let first = roots.iter().copied().min().unwrap_or(top);
        if let Some(h1) = (0..first)
            .rev()
            .find(|&i| recs[i].tag == "h1" && recs[i].text > 0 && !recs[i].has_block)
        {
            blocks.insert(0, h1);
        }
    }
    let container = match (roots.len(), recs[top].parent) {
        (1, _) | (_, None) => recs[top].el.clone(),
        (_, Some(p)) => recs[p].el.clone(),
    };
    build(&walk, &blocks, Some(&container))
}

/// Every readable block of `element` (no article detection), as `ExtractedArticle`.
#[wasm_bindgen(js_name = extractText)]
pub fn extract_text(element: Element) -> JsExtracted {
    let walk = walk(&element, false);
    let blocks = leaf_blocks(&walk.recs, &[0], false);
    build(&walk, &blocks, Some(&element))
}

/// A DOM `Range` over the page's text nodes for `[start, end)` (UTF-16 units) of a block's
/// extracted text, or `undefined` when the block no longer has that text.
#[wasm_bindgen(js_name = textRange)]
pub fn text_range(block: Element, start: u32, end: u32) -> Option<Range> {
    let (start, end) = (start as usize, end.max(start) as usize);
    let mut from: Option<(Node, u32)> = None;
    let mut to: Option<(Node, u32)> = None;
    // The same walk as extraction's, from the block: the same pieces, so the same offsets.
    normalise(&walk(&block, true).pieces, |pos, c, place| {
        let Some((node, s, e)) = place else { return };
        let width = c.len_utf16();
        if from.is_none() && pos >= start {
            from = Some((node.clone(), s));
        }
        if pos + width <= end && pos >= start {
            to = Some((node.clone(), e));
        }
    });
    let from = from?;
    let to = to.unwrap_or_else(|| from.clone());
    let range = block.owner_document()?.create_range().ok()?;
    range.set_start(&from.0, from.1).ok()?;
    range.set_end(&to.0, to.1).ok()?;
    Some(range)
}
