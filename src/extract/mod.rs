//! Article extraction from a web page: which part of a page is the article, and its text.
//!
//! One algorithm for two DOMs. It is written against [`Tree`], a small read-only view of a
//! document (children, tag, attributes, text, hidden-or-not where known). In the browser the
//! page's own DOM implements it (`src/dom.rs`, wasm only); natively the CLI implements it over
//! an HTML5 parser. So a saved page gives the same article in `pith extract` as in the widget.
//!
//! The recipe is Mozilla's Readability, ported to a tree that is only read: what Readability
//! removes or rewrites is a mark on the walk's records. One file per step:
//! - [`rules`]: which elements never hold text, and Readability's class/id word lists;
//! - [`walk`]: the one pass over the page, a record per kept element (own text, link text,
//!   commas, marks) and how Readability's DIV-to-P rule reads each div;
//! - [`grab`]: one attempt's removals before scoring (unlikely candidates, byline, the headline
//!   repeating the title) and its sums;
//! - [`score`]: paragraphs give points to their ancestors, discounted by link density, and the
//!   best container wins;
//! - [`select`]: the container's siblings that belong to the article, and its blocks of text;
//! - [`clean`]: Readability's `_prepArticle`, conditional cleaning among it;
//! - [`render`]: the blocks' text, whitespace collapsed as HTML renders it, with UTF-16 spans;
//! - [`metadata`]: title, byline, date, site name and language from meta tags, OpenGraph and
//!   JSON-LD.
//!
//! The attempts (all rules, then looser ones while the article is under 500 characters) run on
//! the same records: the page is walked once.

mod clean;
mod grab;
mod json;
pub mod metadata;
mod render;
mod rules;
mod score;
mod select;
mod walk;

use grab::Flags;

pub use metadata::Metadata;

/// What a node of a [`Tree`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    /// An element (its tag and attributes are read).
    Element,
    /// Character data: a text node or a CDATA section.
    Text,
    /// Anything else (comments, doctypes, processing instructions): never text.
    Other,
}

/// A read-only view of an HTML document, as the extractor needs it.
///
/// Implementations are thin: the browser's DOM (`Node`), or a parsed tree natively. Nothing is
/// ever modified.
pub trait Tree {
    /// A handle to one node (cheap to clone).
    type Node: Clone;
    /// Whether `node` is an element, text or neither.
    fn kind(&self, node: &Self::Node) -> NodeKind;
    /// The first child of `node`, in document order.
    fn first_child(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The next sibling of `node`.
    fn next_sibling(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The parent of `node` (an element or the document).
    fn parent(&self, node: &Self::Node) -> Option<Self::Node>;
    /// The element's local name, lowercase ASCII; empty for other nodes.
    fn tag(&self, node: &Self::Node) -> String;
    /// The value of the element's attribute `name` (lowercase), if present.
    fn attr(&self, node: &Self::Node, name: &str) -> Option<String>;
    /// Whether the element has any attribute (most paragraphs have none: a fast path).
    fn has_attributes(&self, node: &Self::Node) -> bool;
    /// The character data of a text node; `None` for other nodes.
    fn text(&self, node: &Self::Node) -> Option<String>;
    /// Whether a renderer hides the element by its style sheets (`display: none`,
    /// `visibility: hidden`). Only a browser knows; the `hidden` attribute and inline styles
    /// are read by the extractor itself, so the default is `false`.
    fn hidden_by_style(&self, _node: &Self::Node) -> bool {
        false
    }
}

/// The children of `node`, in document order.
pub(super) fn children<T: Tree>(tree: &T, node: &T::Node) -> Vec<T::Node> {
    let mut out = Vec::new();
    let mut child = tree.first_child(node);
    while let Some(c) = child {
        child = tree.next_sibling(&c);
        out.push(c);
    }
    out
}

/// A block of the extracted text: its element and its UTF-16 span in [`Extracted::text`].
#[derive(Clone, Debug)]
pub struct Block<N> {
    /// The block's element.
    pub node: N,
    /// Start of the block's text in [`Extracted::text`], in UTF-16 code units.
    pub start: usize,
    /// End (exclusive), in UTF-16 code units.
    pub end: usize,
}

/// The readable text of a page or element.
#[derive(Clone, Debug)]
pub struct Extracted<N> {
    /// The blocks' text joined by blank lines (`"\n\n"`), a `<br>` kept as a line break.
    pub text: String,
    /// The blocks, in document order.
    pub blocks: Vec<Block<N>>,
    /// The element the text was taken from (the detected container, or the element given).
    pub container: Option<N>,
}

impl<N> Default for Extracted<N> {
    fn default() -> Self {
        Extracted {
            text: String::new(),
            blocks: Vec::new(),
            container: None,
        }
    }
}

/// Readability's attempts: all rules, then without removing unlikely candidates, then also
/// without class weights, then also without conditional cleaning.
const ATTEMPTS: [Flags; 4] = [
    Flags {
        strip: true,
        weight: true,
        clean: true,
    },
    Flags {
        strip: false,
        weight: true,
        clean: true,
    },
    Flags {
        strip: false,
        weight: false,
        clean: true,
    },
    Flags {
        strip: false,
        weight: false,
        clean: false,
    },
];

/// An article shorter than this (characters) is retried with looser rules (Readability's).
const MIN_ARTICLE_CHARS: usize = 500;

/// Finds the main article under `root` (a document's root element, or any element) and
/// returns its text and blocks. Readability's algorithm on the walk's records: attempts with
/// looser rules while the article is short, the longest kept; the tree is walked once.
pub fn article<T: Tree>(tree: &T, root: &T::Node) -> Extracted<T::Node> {
    let mut walk = walk::walk(tree, root, false);
    clean::mark_data_tables(&mut walk);
    let mut best: Option<Best> = None;
    for flags in ATTEMPTS {
        // The first byline is removed in every attempt: Readability removes it once, so its
        // looser retries (short articles) put the byline back into the article's text.
        let mut byline = false;
        let mut att = grab::attempt(&walk, flags, &mut byline);
        let top = score::best_container(&walk, &mut att);
        let roots = select::roots(tree, &walk, &att, top);
        clean::prep(&walk, &mut att, &roots);
        grab::settle(&walk, &mut att);
        let len: usize = roots.iter().map(|&r| att.text[r]).sum();
        let container = match (roots.len(), top) {
            (1, _) => roots[0],
            (_, Some(t)) => walk.recs[t].up.unwrap_or(t),
            (_, None) => roots
                .first()
                .and_then(|&r| walk.recs[r].parent)
                .unwrap_or(0),
        };
        if best.as_ref().is_none_or(|b| len > b.len) {
            let whole = top.is_none();
            best = Some(Best {
                len,
                roots,
                att,
                container,
                whole,
            });
        }
        if len >= MIN_ARTICLE_CHARS {
            break;
        }
    }
    let Some(Best {
        roots,
        mut att,
        container,
        whole,
        ..
    }) = best
    else {
        return Extracted::default();
    };
    let mut blocks = select::with_headline(&walk, &mut att.alive, &roots, att.headline);
    if whole {
        // A page without a paragraph taken whole: its link lists (a menu, a footer of links)
        // are not text to analyse, and a page of nothing else is empty.
        blocks.retain(|b| att.link_density(b.0) <= MAX_BLOCK_LINK_DENSITY);
    }
    render::build(&walk, &blocks, Some(container))
}

/// The longest attempt so far.
struct Best {
    /// Its text length.
    len: usize,
    roots: Vec<usize>,
    att: grab::Attempt,
    container: usize,
    /// No paragraph was scored: the page was taken whole.
    whole: bool,
}

/// A block of a page taken whole with more link text than this share is a link list.
const MAX_BLOCK_LINK_DENSITY: f64 = 0.5;

/// Every readable block of the element `root` (no article detection).
pub fn text<T: Tree>(tree: &T, root: &T::Node) -> Extracted<T::Node> {
    let walk = walk::walk(tree, root, false);
    let alive = grab::local_alive(&walk);
    let blocks = select::blocks(&walk, &alive, &[0]);
    render::build(&walk, &blocks, Some(0))
}

/// A point in a text node: the node and an offset in it (UTF-16 units).
pub type Place<N> = (N, usize);

/// Where a span of extracted text starts and ends in the page's text nodes.
pub type Span<N> = (Place<N>, Place<N>);

/// For a span `[start, end)` (UTF-16 units) of the text that extraction gave for the block
/// `block`: the text node and offset (UTF-16, within that node) where it starts and where it
/// ends, for a DOM range. `None` when the block no longer has that text. The block is walked
/// exactly as extraction walked it, so the offsets agree.
pub fn span_in_nodes<T: Tree>(
    tree: &T,
    block: &T::Node,
    start: usize,
    end: usize,
) -> Option<Span<T::Node>> {
    let end = end.max(start);
    let walk = walk::walk(tree, block, true);
    let alive = grab::local_alive(&walk);
    // The block's own text, as extraction took it: not that of blocks nested in it.
    let pieces = (0..walk.pieces.len())
        .filter(|&k| alive[walk.owner[k]] && walk.recs[walk.owner[k]].block == 0)
        .map(|k| &walk.pieces[k]);
    let mut from: Option<(T::Node, usize)> = None;
    let mut to: Option<(T::Node, usize)> = None;
    render::normalise(pieces, |pos, c, place| {
        let Some((node, s, e)) = place else { return };
        if from.is_none() && pos >= start {
            from = Some((node.clone(), s));
        }
        if pos + c.len_utf16() <= end && pos >= start {
            to = Some((node.clone(), e));
        }
    });
    let from = from?;
    let to = to.unwrap_or_else(|| from.clone());
    Some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree in vectors: (tag or text, parent), children in order.
    #[derive(Default)]
    pub(super) struct Vecs {
        nodes: Vec<(bool, String, Option<usize>)>,
        kids: Vec<Vec<usize>>,
    }

    impl Vecs {
        pub(super) fn add(&mut self, element: bool, s: &str, parent: Option<usize>) -> usize {
            let id = self.nodes.len();
            self.nodes.push((element, s.to_string(), parent));
            self.kids.push(Vec::new());
            if let Some(p) = parent {
                self.kids[p].push(id);
            }
            id
        }
    }

    impl Tree for Vecs {
        type Node = usize;
        fn kind(&self, n: &usize) -> NodeKind {
            if self.nodes[*n].0 {
                NodeKind::Element
            } else {
                NodeKind::Text
            }
        }
        fn first_child(&self, n: &usize) -> Option<usize> {
            self.kids[*n].first().copied()
        }
        fn next_sibling(&self, n: &usize) -> Option<usize> {
            let p = self.nodes[*n].2?;
            let at = self.kids[p].iter().position(|k| k == n)?;
            self.kids[p].get(at + 1).copied()
        }
        fn parent(&self, n: &usize) -> Option<usize> {
            self.nodes[*n].2
        }
        fn tag(&self, n: &usize) -> String {
            if self.nodes[*n].0 {
                self.nodes[*n].1.clone()
            } else {
                String::new()
            }
        }
        fn attr(&self, _: &usize, _: &str) -> Option<String> {
            None
        }
        fn has_attributes(&self, _: &usize) -> bool {
            false
        }
        fn text(&self, n: &usize) -> Option<String> {
            (!self.nodes[*n].0).then(|| self.nodes[*n].1.clone())
        }
    }

    /// A fragment root (an element of a live page, as `extractArticle(el)` gets) holding only
    /// a menu gives no text, as a page of links only does.
    #[test]
    fn a_fragment_of_links_only_is_empty() {
        let mut t = Vecs::default();
        let body = t.add(true, "body", None);
        let root = t.add(true, "div", Some(body));
        let nav = t.add(true, "nav", Some(root));
        let a = t.add(true, "a", Some(nav));
        t.add(false, "Home", Some(a));
        let div = t.add(true, "div", Some(root));
        t.add(false, "   ", Some(div));
        assert_eq!(article(&t, &root).text, "");
    }

    /// Hostile nesting: 100,000 divs deep, a paragraph at the bottom and one at each of the
    /// first levels. Every step is linear in the records (no per-ancestor re-walk).
    #[test]
    fn deep_nesting_is_linear() {
        let mut t = Vecs {
            nodes: Vec::new(),
            kids: Vec::new(),
        };
        let html = t.add(true, "html", None);
        let mut at = t.add(true, "body", Some(html));
        let words = "Words of a paragraph, with commas, long enough to be scored here.";
        for level in 0..100_000 {
            at = t.add(true, "div", Some(at));
            if level < 50 {
                let p = t.add(true, "p", Some(at));
                t.add(false, words, Some(p));
            }
        }
        let p = t.add(true, "p", Some(at));
        t.add(false, words, Some(p));
        let start = std::time::Instant::now();
        let out = article(&t, &html);
        assert!(out.text.contains("Words of a paragraph"));
        assert!(start.elapsed().as_secs() < 10, "{:?}", start.elapsed());
    }
}

#[cfg(test)]
mod span_tests {
    use super::tests::Vecs;
    use super::*;

    /// Every block's text, found again in the page's text nodes by `span_in_nodes`, reads the
    /// same: including a container's own text interrupted by a nested paragraph.
    #[test]
    fn block_spans_find_the_block_text_again() {
        let mut t = Vecs::default();
        let html = t.add(true, "html", None);
        let body = t.add(true, "body", Some(html));
        let div = t.add(true, "div", Some(body));
        t.add(
            false,
            "Opening words of the container, before its paragraphs.",
            Some(div),
        );
        for n in 0..4 {
            let p = t.add(true, "p", Some(div));
            let text = format!("Paragraph {n}, with commas, long enough to be scored as one.");
            t.add(false, &text, Some(p));
        }
        t.add(false, "Closing words.", Some(div));
        let out = article(&t, &html);
        assert!(out.text.starts_with("Opening words"), "{}", out.text);
        assert!(out.text.ends_with("Closing words."), "{}", out.text);
        let units: Vec<u16> = out.text.encode_utf16().collect();
        for b in &out.blocks {
            let want = String::from_utf16_lossy(&units[b.start..b.end]);
            let ((from, s), (to, e)) = span_in_nodes(&t, &b.node, 0, b.end - b.start).unwrap();
            assert_eq!(from, to, "one text node per block here");
            assert_eq!(&t.text(&from).unwrap()[s..e], want.as_str());
        }
    }
}
