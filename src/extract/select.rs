//! Which blocks are the article: the best container, the siblings that belong with it, and
//! their leaf blocks.

use super::render::Piece;
use super::score::best_container;
use super::walk::{Rec, Walk};
use super::Tree;

/// Blocks of a detected article with more link text than this share are dropped (link lists).
const MAX_BLOCK_LINK_DENSITY: f64 = 0.5;

/// The article's leaf blocks and its container record, or `None` when the page has no
/// paragraph to score.
pub(super) fn article_blocks<T: Tree>(
    tree: &T,
    walk: &mut Walk<T::Node>,
) -> Option<(Vec<usize>, usize)> {
    let top = best_container(&mut walk.recs)?;
    let walk = &*walk;
    let recs = &walk.recs;
    let roots = with_siblings(tree, walk, top);
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
        (1, _) | (_, None) => top,
        (_, Some(p)) => p,
    };
    Some((blocks, container))
}

/// The container and those of its siblings that belong to the article (Readability's rule).
fn with_siblings<T: Tree>(tree: &T, walk: &Walk<T::Node>, top: usize) -> Vec<usize> {
    let recs = &walk.recs;
    let Some(parent) = recs[top].parent else {
        return vec![top];
    };
    let top_score = recs[top].score.unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let class = |i: usize| tree.attr(&recs[i].node, "class").unwrap_or_default();
    let top_class = class(top);
    (0..recs.len())
        .filter(|&i| recs[i].parent == Some(parent))
        .filter(|&i| {
            if i == top {
                return true;
            }
            let bonus = if !top_class.is_empty() && class(i) == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if recs[i].score.is_some_and(|s| s + bonus >= threshold) {
                return true;
            }
            let r = &recs[i];
            if r.tag != "p" {
                return false;
            }
            let density = r.link_density();
            if r.text > 80 {
                density < 0.25
            } else {
                r.text > 0 && density == 0.0 && ends_sentence(walk.pieces_of(i))
            }
        })
        .collect()
}

/// Whether a short paragraph reads as a sentence: it ends with a full stop or has one inside.
fn ends_sentence<N>(pieces: &[Piece<N>]) -> bool {
    let text: String = pieces
        .iter()
        .filter_map(|p| match p {
            Piece::Text(_, t) => Some(t.as_str()),
            Piece::Break => None,
        })
        .collect();
    text.contains(". ") || text.trim_end().ends_with('.')
}

/// Leaf blocks (elements with text and no block-level descendant) under the `roots`, in
/// document order. `dense` drops link lists.
pub(super) fn leaf_blocks<N>(recs: &[Rec<N>], roots: &[usize], dense: bool) -> Vec<usize> {
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
