//! Step 7, salience: from mention counts, kind and an early mention; then the actors are put
//! in order, most salient first, and the links re-pointed to the new order.

use super::context::Ctx;
use super::{sort_stable_by_key, Actors, Entity};
use crate::model::{ActorKind, SentenceKind};

/// Stage 7: salience, ordering (links are re-pointed to the new order).
pub(super) fn finish(cx: &Ctx, actors: &mut Actors) {
    score(cx, actors);
    order_by_salience(actors);
}

/// Sets each actor's salience, scaled so the most salient has 1, and sorts its mentions.
fn score(cx: &Ctx, actors: &mut Actors) {
    let doc = cx.doc;
    let first_para_end = doc
        .sentences
        .iter()
        .find(|s| s.kind == SentenceKind::Body)
        .map_or(0, |s| doc.paragraphs.get(s.paragraph).map_or(0, |p| p.end));
    for e in &mut actors.list {
        let early = e
            .mentions
            .iter()
            .chain(&e.references)
            .any(|&(s, _)| s < first_para_end);
        let raw = e.mentions.len() as f64 + 0.5 * e.references.len() as f64;
        let kind_weight = match e.kind {
            ActorKind::Person | ActorKind::Group => 1.0,
            ActorKind::Organization => 0.8,
            ActorKind::Place => 0.6,
        };
        e.salience = raw * kind_weight * if early { 1.5 } else { 1.0 };
        sort_stable_by_key(&mut e.mentions, |&m| m);
        sort_stable_by_key(&mut e.references, |&r| r);
    }
    let max = actors.list.iter().map(|e| e.salience).fold(0.0, f64::max);
    for e in &mut actors.list {
        e.salience = if max > 0.0 {
            (e.salience / max * 1000.0).round() / 1000.0
        } else {
            0.0
        };
    }
}

/// Orders the actors most salient first (ties: first mentioned first) and re-points the links.
fn order_by_salience(actors: &mut Actors) {
    let mut order: Vec<usize> = (0..actors.list.len()).collect();
    crate::util::sort_by(&mut order, |&a, &b| {
        let (x, y) = (&actors.list[a], &actors.list[b]);
        y.salience
            .total_cmp(&x.salience)
            .then(x.mentions.first().cmp(&y.mentions.first()))
    });
    let mut new_index = vec![0; order.len()];
    for (new, &old) in order.iter().enumerate() {
        new_index[old] = new;
    }
    let mut list: Vec<Option<Entity>> = std::mem::take(&mut actors.list)
        .into_iter()
        .map(Some)
        .collect();
    actors.list = order.iter().filter_map(|&o| list[o].take()).collect();
    for l in &mut actors.links {
        l.actor = new_index[l.actor];
    }
}
