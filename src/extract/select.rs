//! Which elements are the article: the best container and the siblings that belong with it
//! (Readability's sibling merging), and the blocks of text under them.

use super::grab::Attempt;
use super::render::Piece;
use super::walk::Walk;
use super::Tree;

/// The article's top-level elements for an attempt whose best container is `top` (`None`:
/// the whole body). In document order.
pub(super) fn roots<T: Tree>(
    tree: &T,
    walk: &Walk<T::Node>,
    att: &Attempt,
    top: Option<usize>,
) -> Vec<usize> {
    let recs = &walk.recs;
    let Some(top) = top else {
        // No container: the body (or the root) is the article.
        let body = (0..recs.len()).find(|&i| recs[i].tag == "body" && att.alive[i]);
        return vec![body.unwrap_or(0)];
    };
    let Some(parent) = recs[top].up else {
        return vec![top];
    };
    let top_score = att.score[top].unwrap_or(0.0);
    let threshold = (top_score * 0.2).max(10.0);
    let class = |i: usize| tree.attr(&recs[i].node, "class").unwrap_or_default();
    let top_class = class(top);
    (parent + 1..recs[parent].end)
        .filter(|&i| att.alive[i] && recs[i].up == Some(parent))
        .filter(|&i| {
            if i == top {
                return true;
            }
            let bonus = if !top_class.is_empty() && class(i) == top_class {
                top_score * 0.2
            } else {
                0.0
            };
            if att.score[i].is_some_and(|s| s + bonus >= threshold) {
                return true;
            }
            if recs[i].etag() != "p" {
                return false;
            }
            let (len, density) = (att.text[i], att.link_density(i));
            if len > 80 {
                density < 0.25
            } else {
                len > 0 && density == 0.0 && ends_sentence(walk.pieces_in(i))
            }
        })
        .collect()
}

/// Whether a short paragraph reads as a sentence: a full stop followed by a space or the end.
fn ends_sentence<'a, N: 'a>(pieces: impl Iterator<Item = &'a Piece<N>>) -> bool {
    let text: String = pieces
        .filter_map(|p| match p {
            Piece::Text(_, t) => Some(t.as_str()),
            Piece::Break => None,
        })
        .collect();
    text.contains(". ") || text.trim_end().ends_with('.')
}

/// The blocks of text under the `roots`: each root's own text and that of every block-level
/// element under it (its text outside nested blocks), in document order, as (element, whether
/// it is the element's first run of text, its pieces). An element's text interrupted by a
/// nested block goes on in a later run: a page reads its text in that order. Linear: every
/// piece is looked at once.
pub(super) fn blocks<N>(
    walk: &Walk<N>,
    alive: &[bool],
    roots: &[usize],
) -> Vec<(usize, bool, Vec<usize>)> {
    let recs = &walk.recs;
    let mut seen = vec![false; recs.len()];
    let mut out: Vec<(usize, bool, Vec<usize>)> = Vec::new();
    for &r in roots {
        let mut current = usize::MAX;
        for k in walk.piece_range(r) {
            let owner = walk.owner[k];
            if !alive[owner] {
                continue;
            }
            let block = recs[owner].block.max(r);
            if block != current {
                current = block;
                // A run that is only whitespace is no block: it only separates.
                if matches!(out.last(), Some((_, _, p)) if p.iter().all(|&k| is_blank(&walk.pieces[k])))
                {
                    let (b, first, _) = out.pop().unwrap_or_default();
                    seen[b] &= !first;
                }
                out.push((block, !seen[block], Vec::new()));
                seen[block] = true;
            }
            if let Some(last) = out.last_mut() {
                last.2.push(k);
            }
        }
    }
    out
}

/// The article's blocks with its headline: Readability drops the heading that repeats the
/// document's title, since its reader view prints the title; pith analyses the text, where the
/// headline is the article's first line (the summary and keywords read it as such). Put back
/// in place when it is inside the article, in front when it comes before it; a heading after
/// the article's start is not its headline.
pub(super) fn with_headline<N>(
    walk: &Walk<N>,
    alive: &mut [bool],
    roots: &[usize],
    headline: Option<usize>,
) -> Vec<(usize, bool, Vec<usize>)> {
    let Some(h) = headline else {
        return blocks(walk, alive, roots);
    };
    let inside = |mut i: usize| loop {
        if roots.contains(&i) {
            return true;
        }
        match walk.recs[i].parent {
            Some(p) => i = p,
            None => return false,
        }
    };
    let before = roots.first().is_some_and(|&r| h < r) && !inside(h);
    if !(before || inside(h)) {
        return blocks(walk, alive, roots);
    }
    alive[h] = true;
    for k in walk.piece_range(h) {
        alive[walk.owner[k]] = true;
    }
    if !before {
        return blocks(walk, alive, roots);
    }
    let mut out = blocks(walk, alive, &[h]);
    out.extend(blocks(walk, alive, roots));
    out
}

fn is_blank<N>(piece: &Piece<N>) -> bool {
    match piece {
        Piece::Text(_, t) => t.trim().is_empty(),
        Piece::Break => true,
    }
}
