//! One pass over the page: a record per kept element, in document order, with its subtree's
//! text, link text and comma counts, and every text piece.

use super::render::Piece;
use super::rules::{check, BLOCK_TAGS};
use super::{NodeKind, Tree};

/// One element seen by the walk, in document (pre-)order.
pub(super) struct Rec<N> {
    pub node: N,
    pub tag: String,
    pub parent: Option<usize>,
    /// Index of the first record after this element's subtree.
    pub end: usize,
    /// Index of the first text piece of this element's subtree.
    pub piece: usize,
    /// Characters of text (whitespace runs counted once) in the subtree.
    pub text: usize,
    /// Of which inside links.
    pub link: usize,
    /// Commas in the subtree.
    pub commas: usize,
    /// A block-level element is among the descendants.
    pub has_block: bool,
    /// Element children kept or not (for the "only child" rule).
    pub element_children: usize,
    /// Class and id weight (Readability's ±25 per match).
    pub weight: f64,
    /// Content score, once the element is a candidate.
    pub score: Option<f64>,
}

impl<N> Rec<N> {
    pub fn link_density(&self) -> f64 {
        if self.text == 0 {
            0.0
        } else {
            self.link as f64 / self.text as f64
        }
    }
}

/// The text of a walk: pieces in document order, and one record per kept element.
pub(super) struct Walk<N> {
    pub recs: Vec<Rec<N>>,
    pub pieces: Vec<Piece<N>>,
}

impl<N> Walk<N> {
    /// The text pieces of record `i`'s subtree (contiguous: the walk is depth-first).
    pub fn pieces_of(&self, i: usize) -> &[Piece<N>] {
        let from = self.recs[i].piece;
        let to = self
            .recs
            .get(self.recs[i].end)
            .map_or(self.pieces.len(), |r| r.piece);
        &self.pieces[from..to]
    }
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
pub(super) fn measure(text: &str) -> (usize, usize) {
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

/// Whether an ancestor of `node` is an `<article>`, `<main>` or `<section>` (where a `<header>`
/// holds the headline rather than the page's banner).
fn inside_section<T: Tree>(tree: &T, node: &T::Node) -> bool {
    let mut at = tree.parent(node);
    while let Some(p) = at {
        if matches!(tree.tag(&p).as_str(), "article" | "main" | "section") {
            return true;
        }
        at = tree.parent(&p);
    }
    false
}

/// Walks the subtree of `root` once: one record per kept element, in document order, with
/// text, link and comma counts summed over its subtree, and every text piece. The one walk of
/// the page's text: extraction (`keep_nodes` false) and ranges (`keep_nodes` true, each text
/// piece with its node) skip exactly the same subtrees, so a block's text and the ranges over
/// it agree. What the walk decides from above `root` (inside an article, main or section) it
/// reads from `root`'s ancestors, so walking a block alone decides as walking the page did.
pub(super) fn walk<T: Tree>(tree: &T, root: &T::Node, keep_nodes: bool) -> Walk<T::Node> {
    let mut recs: Vec<Rec<T::Node>> = Vec::new();
    let mut pieces: Vec<Piece<T::Node>> = Vec::new();
    // (node, parent record, inside a link, inside article/main/section)
    let mut stack: Vec<(T::Node, Option<usize>, bool, bool)> =
        vec![(root.clone(), None, false, inside_section(tree, root))];
    let mut children = Vec::new();
    while let Some((node, parent, in_link, in_section)) = stack.pop() {
        match tree.kind(&node) {
            NodeKind::Text => {
                if let (Some(p), Some(value)) = (parent, tree.text(&node)) {
                    let (len, commas) = measure(&value);
                    let rec: &mut Rec<T::Node> = &mut recs[p];
                    rec.text += len;
                    rec.commas += commas;
                    if in_link {
                        rec.link += len;
                    }
                    pieces.push(Piece::Text(keep_nodes.then(|| node.clone()), value));
                }
                continue;
            }
            NodeKind::Other => continue,
            NodeKind::Element => {}
        }
        let tag = tree.tag(&node);
        if let Some(p) = parent {
            recs[p].element_children += 1;
        }
        if tag == "br" {
            pieces.push(Piece::Break);
            continue;
        }
        let weight = if parent.is_none() {
            0.0
        } else {
            match check(tree, &node, &tag, in_section) {
                Some(w) => w,
                None => continue,
            }
        };
        let index = recs.len();
        let in_link = in_link || tag == "a";
        let in_section = in_section || matches!(tag.as_str(), "article" | "main" | "section");
        children.clear();
        let mut child = tree.first_child(&node);
        while let Some(c) = child {
            child = tree.next_sibling(&c);
            children.push(c);
        }
        recs.push(Rec {
            node,
            tag,
            parent,
            end: index + 1,
            piece: pieces.len(),
            text: 0,
            link: 0,
            commas: 0,
            has_block: false,
            element_children: 0,
            weight,
            score: None,
        });
        for c in children.drain(..).rev() {
            stack.push((c, Some(index), in_link, in_section));
        }
    }
    sum_subtrees(&mut recs);
    Walk { recs, pieces }
}

/// Children come after their parent: one backward pass sums subtrees.
fn sum_subtrees<N>(recs: &mut [Rec<N>]) {
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
}
