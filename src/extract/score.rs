//! Readability's scoring: each paragraph gives points to its ancestors, every candidate is
//! discounted by its link density, and the best container wins.

use super::grab::Attempt;
use super::walk::{Walk, COLLAPSED, SYNTH_P};
use crate::util::{words, Words};

/// A paragraph-like block needs this many characters to be scored.
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors of a paragraph receive a share of its score.
const SCORE_ANCESTORS: usize = 5;
/// Readability's elements to score as paragraphs.
const TAGS_TO_SCORE: Words = words!["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Readability's initial score of a container by its tag, plus its class weight.
fn initial_score<N>(walk: &Walk<N>, att: &Attempt, i: usize) -> f64 {
    let base = match walk.recs[i].etag() {
        "div" => 5.0,
        "pre" | "td" | "blockquote" => 3.0,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
        _ => 0.0,
    };
    base + att.weight(walk, i)
}

/// Gives a paragraph's points (text `len`, `commas`) to its ancestors from `first` up: in full
/// to the parent, a half to the grandparent, a third of the level further up.
fn give<N>(walk: &Walk<N>, att: &mut Attempt, first: Option<usize>, len: usize, commas: usize) {
    give_many(walk, att, first, len, commas, 1);
}

/// Gives the points of `k` paragraphs sharing `len` characters and `commas` (the text of a
/// div split at its `<br><br>`s, taken as equal parts).
fn give_many<N>(
    walk: &Walk<N>,
    att: &mut Attempt,
    first: Option<usize>,
    len: usize,
    commas: usize,
    k: usize,
) {
    if len / k < MIN_PARAGRAPH_CHARS {
        return;
    }
    let each = (len as f64 / k as f64 / 100.0).floor().min(3.0);
    let points = k as f64 * (1.0 + each) + commas as f64;
    let mut ancestor = first;
    for level in 0..SCORE_ANCESTORS {
        let Some(a) = ancestor else { break };
        ancestor = walk.recs[a].up;
        // The document element is no candidate (Readability skips an ancestor without one).
        if walk.recs[a].parent.is_none() && walk.recs[a].tag == "html" {
            continue;
        }
        let divider = match level {
            0 => 1.0,
            1 => 2.0,
            _ => level as f64 * 3.0,
        };
        let init = initial_score(walk, att, a);
        *att.score[a].get_or_insert(init) += points / divider;
    }
}

/// Scores every paragraph of the attempt, then discounts candidates by link density.
pub(super) fn score_paragraphs<N>(walk: &Walk<N>, att: &mut Attempt) {
    for i in 0..walk.recs.len() {
        if !att.alive[i] {
            continue;
        }
        let r = &walk.recs[i];
        if r.shape & COLLAPSED == 0 && TAGS_TO_SCORE.contains(r.etag()) {
            give(walk, att, r.up, att.text[i], att.commas[i]);
        }
        if r.shape & SYNTH_P != 0 {
            let (len, commas) = att.loose[i];
            let k = r.br_runs as usize + 1;
            give_many(walk, att, Some(i), len, commas, k);
        }
    }
    for i in 0..walk.recs.len() {
        let density = att.link_density(i);
        if let Some(s) = att.score[i].as_mut() {
            *s *= 1.0 - density;
        }
    }
}

/// The five best candidates, best first (ties in document order).
fn top_five(att: &Attempt) -> Vec<(usize, f64)> {
    let mut ranked: Vec<(usize, f64)> = att
        .score
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.map(|s| (i, s)))
        .collect();
    crate::util::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(5);
    ranked
}

fn is_body<N>(walk: &Walk<N>, i: usize) -> bool {
    walk.recs[i].tag == "body"
}

/// Scores the attempt and returns the best container, `None` when no paragraph scored or the
/// best is the body (then the whole body is the article).
pub(super) fn best_container<N>(walk: &Walk<N>, att: &mut Attempt) -> Option<usize> {
    score_paragraphs(walk, att);
    let top5 = top_five(att);
    let &(mut top, top_score) = top5.first()?;
    if is_body(walk, top) {
        return None;
    }
    // Several near-equal candidates with a common ancestor: the article is that ancestor.
    let alternatives: Vec<usize> = top5[1..]
        .iter()
        .filter(|(_, s)| *s >= 0.75 * top_score)
        .map(|&(i, _)| i)
        .collect();
    if alternatives.len() >= 3 {
        // How many alternatives each element is an ancestor of (marks, not lists: linear).
        let mut count = vec![0u8; walk.recs.len()];
        for &alt in &alternatives {
            let mut at = walk.recs[alt].up;
            while let Some(a) = at {
                count[a] += 1;
                at = walk.recs[a].up;
            }
        }
        let mut parent = walk.recs[top].up;
        while let Some(p) = parent {
            if is_body(walk, p) {
                break;
            }
            if count[p] >= 3 {
                top = p;
                break;
            }
            parent = walk.recs[p].up;
        }
    }
    if att.score[top].is_none() {
        att.score[top] = Some(initial_score(walk, att, top));
    }
    top = climb(walk, att, top);
    top = only_child(walk, att, top);
    if att.score[top].is_none() {
        att.score[top] = Some(initial_score(walk, att, top));
    }
    Some(top)
}

/// A parent scoring higher than what it contains is the better container.
fn climb<N>(walk: &Walk<N>, att: &Attempt, mut top: usize) -> usize {
    let mut last = att.score[top].unwrap_or(0.0);
    let threshold = last / 3.0;
    let mut parent = walk.recs[top].up;
    while let Some(p) = parent {
        if is_body(walk, p) {
            break;
        }
        parent = walk.recs[p].up;
        let Some(s) = att.score[p] else { continue };
        if s < threshold {
            break;
        }
        if s > last {
            top = p;
            break;
        }
        last = s;
    }
    top
}

/// An only child is as good as its parent: climbs while the parent has one element child.
fn only_child<N>(walk: &Walk<N>, att: &Attempt, mut top: usize) -> usize {
    let recs = &walk.recs;
    // Children as Readability's DOM has them: a div's wrapped text run is one child.
    let mut kids: Vec<u32> = recs
        .iter()
        .map(|r| u32::from(r.shape & SYNTH_P != 0))
        .collect();
    for (j, r) in recs.iter().enumerate() {
        if let Some(p) = r.up {
            let wrapped = r.phrasing && recs[p].shape & SYNTH_P != 0;
            kids[p] += u32::from(att.alive[j] && !wrapped);
        }
    }
    while let Some(p) = recs[top].up {
        if is_body(walk, p) || kids[p] != 1 {
            break;
        }
        top = p;
    }
    top
}
