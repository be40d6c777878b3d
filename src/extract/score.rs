//! Readability's scoring: each paragraph gives points to its ancestors, every candidate is
//! discounted by its link density, and the best container wins.

use super::walk::Rec;

/// A paragraph-like block needs this many characters to be scored.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors of a paragraph receive a share of its score.
const SCORE_ANCESTORS: usize = 5;

/// Readability's initial score of a container by its tag (`<main>` and `<section>` counting as
/// `<div>`, so a wrapper div does not outrank them), plus its class weight.
pub(super) fn initial_score<N>(rec: &Rec<N>) -> f64 {
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
fn is_paragraph<N>(rec: &Rec<N>) -> bool {
    match rec.tag.as_str() {
        "p" | "pre" | "td" => true,
        "div" | "section" | "article" | "main" | "blockquote" => !rec.has_block,
        _ => false,
    }
}

/// Gives every paragraph's points to its ancestors (in full to the parent, a half to the
/// grandparent, a third of the level further up), then discounts by link density.
pub(super) fn score_paragraphs<N>(recs: &mut [Rec<N>]) {
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
}

/// The five best candidates, best first (ties in document order).
fn top_five<N>(recs: &[Rec<N>]) -> Vec<(usize, f64)> {
    let mut ranked: Vec<(usize, f64)> = recs
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.score.map(|s| (i, s)))
        .collect();
    crate::util::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(5);
    ranked
}

fn ancestors_of<N>(recs: &[Rec<N>], mut i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    while let Some(p) = recs[i].parent {
        out.push(p);
        i = p;
    }
    out
}

/// Scores the page and returns the index of the best container.
pub(super) fn best_container<N>(recs: &mut [Rec<N>]) -> Option<usize> {
    score_paragraphs(recs);
    let top5 = top_five(recs);
    let &(mut top, top_score) = top5.first()?;

    // Several near-equal candidates with a common ancestor: the article is that ancestor.
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
    top = climb(recs, top);

    // An only child (in the DOM) is as good as its parent.
    while let Some(p) = recs[top].parent {
        if recs[p].tag == "body" || recs[p].element_children != 1 {
            break;
        }
        top = p;
    }
    Some(top)
}

/// A parent scoring higher than what it contains is the better container.
fn climb<N>(recs: &[Rec<N>], mut top: usize) -> usize {
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
    top
}
