//! One attempt of Readability's `_grabArticle` over the walk's records: which elements it
//! removes before scoring (unlikely candidates, the byline, the headline repeating the title)
//! and the text, link and comma sums of what remains.

use super::render::collapse;
use super::rules::{BYLINE_MARK, COMMENT_MARK, SHARE_MARK, UNLIKELY_MARK};
use super::walk::{near, Walk, SYNTH_P};
use crate::util::{words, Words};

/// Readability's flags, relaxed one at a time when an attempt gives too little text.
#[derive(Clone, Copy)]
pub(super) struct Flags {
    /// Remove unlikely candidates (class, id and role).
    pub strip: bool,
    /// Weigh classes and ids.
    pub weight: bool,
    /// Clean tables, lists and divs conditionally.
    pub clean: bool,
}

/// The state of one attempt: what is still in the page, sums over it, scores.
pub(super) struct Attempt {
    pub alive: Vec<bool>,
    pub text: Vec<usize>,
    pub link: Vec<f64>,
    pub commas: Vec<usize>,
    /// A div's loose inline text and its commas (the paragraph Readability wraps it in).
    pub loose: Vec<(usize, usize)>,
    pub score: Vec<Option<f64>>,
    pub flags: Flags,
    /// The headline removed for repeating the document's title (Readability drops it; pith
    /// puts it back in front of the article, see [`super::article`]).
    pub headline: Option<usize>,
}

impl Attempt {
    pub fn link_density(&self, i: usize) -> f64 {
        if self.text[i] == 0 {
            0.0
        } else {
            self.link[i] / self.text[i] as f64
        }
    }

    /// The class weight of a record when classes are weighed.
    pub fn weight<N>(&self, walk: &Walk<N>, i: usize) -> f64 {
        if self.flags.weight {
            walk.recs[i].weight
        } else {
            0.0
        }
    }
}

/// Whether an unlikely-looking element is removed: not under a table or `<code>` (Readability).
pub(super) fn unlikely(marks: u8, rec_near: u16) -> bool {
    marks & UNLIKELY_MARK != 0 && !near(rec_near, 1 | 2)
}

/// What the walk alone decides is no text (for a block's text outside article detection):
/// unlikely candidates and small share bars.
pub(super) fn local_alive<N>(walk: &Walk<N>) -> Vec<bool> {
    let recs = &walk.recs;
    let mut alive = vec![true; recs.len()];
    // Inside an article, main or section, per record (a running flag: linear).
    let mut section = vec![walk.root_in_section; recs.len()];
    for i in 1..recs.len() {
        let r = &recs[i];
        let up = r.parent.is_some_and(|p| section[p]);
        section[i] = up || matches!(r.tag.as_str(), "article" | "main" | "section");
        let share = r.marks & SHARE_MARK != 0 && r.text < 500;
        // An element the page names is its article: its menus, asides, footers, forms and
        // captions are not prose either, nor a <header> outside an article, main or section
        // (a card's kicker, the page's banner).
        let furniture = LANDMARKS.contains(r.tag.as_str())
            || r.tag == "figcaption"
            || (r.tag == "header" && !up);
        alive[i] =
            r.parent.is_none_or(|p| alive[p]) && !unlikely(r.marks, r.near) && !share && !furniture;
    }
    alive
}

/// Page furniture by its tag, left out of a named element's text.
const LANDMARKS: Words = words!["nav", "aside", "footer", "form"];

/// Readability's first pass: removes the first byline (while `*byline` is false, and sets it),
/// the first headline repeating the document's title, and with `flags.strip` unlikely
/// candidates; then sums what remains.
pub(super) fn attempt<N>(walk: &Walk<N>, flags: Flags, byline: &mut bool) -> Attempt {
    let recs = &walk.recs;
    let n = recs.len();
    let mut alive = vec![true; n];
    let mut title_seen = walk.title.trim().is_empty();
    let mut headline = None;
    for i in 1..n {
        let r = &recs[i];
        if r.parent.is_some_and(|p| !alive[p]) {
            alive[i] = false;
            continue;
        }
        if !*byline && r.marks & BYLINE_MARK != 0 && (1..100).contains(&r.text) {
            *byline = true;
            alive[i] = false;
        } else if !title_seen && matches!(r.tag.as_str(), "h1" | "h2") && short(walk, i) {
            let heading = collapse(walk.pieces_in(i));
            if similarity(&walk.title, &heading) > 0.75 {
                title_seen = true;
                alive[i] = false;
                headline = Some(i);
            }
        }
        if flags.strip && unlikely(r.marks, r.near) {
            alive[i] = false;
        }
        // A caption is not the article's prose (Readability keeps it; a summary must not
        // quote it, and it reads as a sentence of the story).
        if r.tag == "figcaption" {
            alive[i] = false;
        }
        // Landmarks that are never the article (menus, asides, page footers) and readers'
        // comments stay out of every attempt: the looser retries are for articles whose
        // class names look unlikely, not for pages without an article.
        if matches!(r.tag.as_str(), "nav" | "aside" | "footer" | "form")
            || r.marks & COMMENT_MARK != 0
        {
            alive[i] = false;
        }
    }
    let mut att = Attempt {
        alive,
        text: vec![0; n],
        link: vec![0.0; n],
        commas: vec![0; n],
        loose: vec![(0, 0); n],
        score: vec![None; n],
        flags,
        headline,
    };
    sum(walk, &mut att);
    att
}

/// A headline-sized element (the title check reads its text; bounded, so that nested headings
/// stay linear).
fn short<N>(walk: &Walk<N>, i: usize) -> bool {
    walk.recs[i].text <= 300 && walk.piece_range(i).len() <= 64
}

/// Sums text, link text and commas over what is alive (children come after their parent).
pub(super) fn sum<N>(walk: &Walk<N>, att: &mut Attempt) {
    let recs = &walk.recs;
    for (i, r) in recs.iter().enumerate() {
        att.text[i] = r.own_text;
        att.link[i] = r.own_link;
        att.commas[i] = r.own_commas;
        att.loose[i] = (r.own_text, r.own_commas);
    }
    for i in (1..recs.len()).rev() {
        let Some(p) = recs[i].parent else { continue };
        if !att.alive[i] {
            continue;
        }
        att.text[p] += att.text[i];
        att.link[p] += att.link[i];
        att.commas[p] += att.commas[i];
        if recs[i].phrasing && recs[p].shape & SYNTH_P != 0 {
            att.loose[p].0 += att.text[i];
            att.loose[p].1 += att.commas[i];
        }
    }
}

/// After cleaning: what is inside a removed element is removed, and the sums follow.
pub(super) fn settle<N>(walk: &Walk<N>, att: &mut Attempt) {
    for i in 1..walk.recs.len() {
        if let Some(p) = walk.recs[i].parent {
            att.alive[i] &= att.alive[p];
        }
    }
    sum(walk, att);
}

/// Readability's `textSimilarity`: the share of `b`'s word characters in words that `a` has
/// (ASCII words, as its `\W` splits them).
pub(super) fn similarity(a: &str, b: &str) -> f64 {
    let words = |s: &str| -> Vec<String> {
        s.to_ascii_lowercase()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let (ta, tb) = (words(a), words(b));
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let joined = |v: &[&String]| v.iter().map(|w| w.len()).sum::<usize>() + v.len().max(1) - 1;
    let all: Vec<&String> = tb.iter().collect();
    let uniq: Vec<&String> = tb.iter().filter(|w| !ta.contains(w)).collect();
    let uniq_len = if uniq.is_empty() { 0 } else { joined(&uniq) };
    1.0 - uniq_len as f64 / joined(&all) as f64
}

#[cfg(test)]
mod tests {
    use super::similarity;

    #[test]
    fn headline_similar_to_title() {
        assert!(similarity("Big storm hits coast - Daily News", "Big storm hits coast") > 0.75);
        assert!(similarity("Big storm hits coast", "Other things entirely") < 0.75);
    }
}
