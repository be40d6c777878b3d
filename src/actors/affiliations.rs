//! Step 6, affiliations not stated in a role: a spokesman's is his principal's; otherwise,
//! for someone whose role serves a government (a minister, a spokesman), when every
//! affiliated person named alongside (in the same sentences) shares one affiliation, that one
//! ("Sergei Lavrov ... with the Defence Minister, Anatoly Serdyukov").

use super::context::Ctx;
use super::Actors;
use crate::model::ActorKind;
use crate::util::KeyMap;

/// More people than this named in one sentence (a list, a table) tell nothing about sides.
const CROWDED: usize = 8;

/// Stage 6: fills in the affiliations the text implies.
pub(super) fn infer_affiliations(cx: &Ctx, actors: &mut Actors) {
    for i in 0..actors.list.len() {
        if actors.list[i].affiliation.is_none() {
            if let Some(o) = actors.list[i].owner {
                actors.list[i].affiliation = actors.list[o].affiliation.clone();
            }
        }
    }
    let (named_in, sentences_of) = people_by_sentence(cx, actors);
    for (i, sentences) in sentences_of.iter().enumerate() {
        let e = &actors.list[i];
        if e.kind != ActorKind::Person || e.affiliation.is_some() || !serves(e.role.as_deref()) {
            continue;
        }
        let mut sides: Vec<&str> = sentences
            .iter()
            .filter_map(|s| named_in.get(s))
            .filter(|people| people.len() <= CROWDED)
            .flatten()
            .filter(|&&a| a != i)
            .filter_map(|&a| actors.list[a].affiliation.as_deref())
            .collect();
        crate::util::sort_by(&mut sides, |a, b| a.cmp(b));
        sides.dedup();
        if let [side] = sides[..] {
            actors.list[i].affiliation = Some(side.to_string());
        }
    }
}

/// Whether `role` serves a government or body rather than leading it ("Defence Minister",
/// "spokesman", "aide"): only then does a side follow from the colleagues named alongside. A
/// leader or someone without a stated role named beside others may be on the other side
/// ("Mr Trump spoke with Mr Zelensky").
fn serves(role: Option<&str>) -> bool {
    let Some(role) = role.map(crate::case::lowercase) else {
        return false;
    };
    !role.contains("prime")
        && [
            "minister",
            "secretary",
            "spokes",
            "aide",
            "adviser",
            "advisor",
            "official",
            "envoy",
        ]
        .iter()
        .any(|w| role.contains(w))
}

/// The people named in each sentence, and the sentences naming each person: one pass over
/// the links. A sentence naming more than CROWDED people says nothing about sides and is
/// skipped, which also keeps the work linear on name-heavy input.
fn people_by_sentence(cx: &Ctx, actors: &Actors) -> (KeyMap<usize, Vec<usize>>, Vec<Vec<usize>>) {
    let n = actors.list.len();
    let mut named_in: KeyMap<usize, Vec<usize>> = KeyMap::default();
    let mut sentences_of: Vec<Vec<usize>> = vec![Vec::new(); n];
    for l in &actors.links {
        if !l.named || actors.list[l.actor].kind != ActorKind::Person {
            continue;
        }
        let sentence = cx.doc.sentence_of(l.first);
        let people = named_in.get_or_insert_with(sentence, Vec::new);
        if !people.contains(&l.actor) && people.len() <= CROWDED {
            people.push(l.actor);
        }
        if sentences_of[l.actor].last() != Some(&sentence) {
            sentences_of[l.actor].push(sentence);
        }
    }
    (named_in, sentences_of)
}
