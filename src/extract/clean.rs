//! Readability's `_prepArticle` over the chosen elements, as removals in the attempt: form
//! controls, footers and asides, small share bars, headers weighed negative, and the
//! conditional cleaning of forms, tables, lists and divs that look like link lists, image
//! galleries or widgets rather than text.

use super::grab::Attempt;
use super::rules::{KEEP_MARK, LAYOUT_MARK, SHARE_MARK};
use super::walk::{near, Walk, COLLAPSED, SYNTH_P};

/// A table Readability takes for data (never cleaned, nor anything in it): marks bit.
pub(super) const DATA_MARK: u8 = 64;

/// Marks the data tables (Readability's `_markDataTables`): a summary, a caption or header
/// cells say so; a nested table says layout; else its size (10 rows, 5 columns or 11 cells).
pub(super) fn mark_data_tables<N>(walk: &mut Walk<N>) {
    let recs = &mut walk.recs;
    let n = recs.len();
    // Per table: header hint, nested table, rows, columns; `table_of`: nearest table above.
    let mut table_of: Vec<Option<usize>> = vec![None; n];
    let (mut hint, mut nested) = (vec![false; n], vec![false; n]);
    let (mut rows, mut cols, mut cells) = (vec![0u32; n], vec![0u32; n], vec![0u32; n]);
    for i in 1..n {
        let Some(p) = recs[i].parent else { continue };
        table_of[i] = if recs[p].tag == "table" {
            Some(p)
        } else {
            table_of[p]
        };
        let Some(t) = table_of[i] else { continue };
        match recs[i].tag.as_str() {
            "caption" | "col" | "colgroup" | "tfoot" | "thead" | "th" => hint[t] = true,
            "table" => nested[t] = true,
            "tr" => rows[t] += 1,
            _ => {}
        }
        if matches!(recs[i].tag.as_str(), "td" | "th") && recs[p].tag == "tr" {
            cells[p] += 1;
            cols[t] = cols[t].max(cells[p]);
        }
    }
    for t in (0..n).rev() {
        if recs[t].tag != "table" {
            continue;
        }
        if let Some(up) = table_of[t] {
            hint[up] |= hint[t];
        }
        let m = recs[t].marks;
        let data = m & LAYOUT_MARK == 0
            && (m & KEEP_MARK != 0
                || hint[t]
                || (!nested[t] && (rows[t] >= 10 || cols[t] > 4 || rows[t] * cols[t] > 10)));
        if data {
            recs[t].marks |= DATA_MARK;
        }
    }
}

/// What conditional cleaning counts in a subtree (Readability's `getElementsByTagName`s).
#[derive(Clone, Default)]
struct Counts {
    text: usize,
    link: f64,
    commas: usize,
    p: usize,
    img: usize,
    li: usize,
    input: usize,
    embed: usize,
    video: usize,
    data: usize,
    heading: usize,
    list: usize,
}

/// Cleans the article made of `roots` (the container and its siblings) in the attempt.
pub(super) fn prep<N>(walk: &Walk<N>, att: &mut Attempt, roots: &[usize]) {
    conditionally(walk, att, roots, "form");
    conditionally(walk, att, roots, "fieldset");
    for &r in roots {
        for i in r..walk.recs[r].end {
            let rec = &walk.recs[i];
            let gone = match rec.tag.as_str() {
                "footer" | "aside" | "input" => true,
                "object" | "embed" | "iframe" => rec.marks & KEEP_MARK == 0,
                // Share bars inside the article, not the article itself.
                _ => i != r && rec.marks & SHARE_MARK != 0 && rec.text < 500,
            };
            let header = matches!(rec.tag.as_str(), "h1" | "h2") && att.weight(walk, i) < 0.0;
            if gone || header {
                att.alive[i] = false;
            }
        }
    }
    for tag in ["table", "ul", "div"] {
        conditionally(walk, att, roots, tag);
    }
}

/// The tag conditional cleaning sees: paragraph-like divs are `<p>`, replaced divs are gone,
/// and the chosen siblings that are no div, article, section or paragraph became divs.
fn clean_tag<'a, N>(walk: &'a Walk<N>, roots: &[usize], i: usize) -> &'a str {
    let r = &walk.recs[i];
    // The body stands for Readability's new container of all its children: never cleaned.
    if r.shape & COLLAPSED != 0 || r.tag == "body" {
        return "";
    }
    let tag = r.etag();
    if roots.contains(&i) && !matches!(tag, "div" | "article" | "section" | "p") {
        return "div";
    }
    tag
}

/// Readability's `_cleanConditionally(article, tag)`: every element with that tag, innermost
/// first, is dropped when it looks like anything but text. One backward pass: an element's
/// counts are complete (and cleaned) when it is reached.
fn conditionally<N>(walk: &Walk<N>, att: &mut Attempt, roots: &[usize], tag: &str) {
    if !att.flags.clean {
        return;
    }
    let recs = &walk.recs;
    let in_data = in_data_table(walk);
    for &root in roots {
        let end = recs[root].end;
        let mut counts: Vec<Counts> = vec![Counts::default(); end - root];
        for i in (root..end).rev() {
            if !att.alive[i] {
                continue;
            }
            let r = &recs[i];
            let mut c = std::mem::take(&mut counts[i - root]);
            c.text += r.own_text;
            c.link += r.own_link;
            c.commas += r.own_commas;
            if r.shape & SYNTH_P != 0 {
                c.p += 1;
            }
            let etag = clean_tag(walk, roots, i);
            if etag == tag && remove(walk, att, &c, i, tag, in_data[i]) {
                att.alive[i] = false;
                continue;
            }
            let Some(p) = r.parent.filter(|&p| p >= root) else {
                continue;
            };
            add(&mut counts[p - root], &c, etag, r.marks, c.text);
        }
    }
}

/// Adds a child's counts (and the child itself, by its tag) to its parent's.
fn add(parent: &mut Counts, c: &Counts, etag: &str, marks: u8, text: usize) {
    parent.text += c.text;
    parent.link += c.link;
    parent.commas += c.commas;
    parent.p += c.p + usize::from(etag == "p");
    parent.img += c.img + usize::from(etag == "img");
    parent.li += c.li + usize::from(etag == "li");
    parent.input += c.input + usize::from(etag == "input");
    let embed = matches!(etag, "object" | "embed" | "iframe");
    parent.embed += c.embed + usize::from(embed);
    parent.video += c.video + usize::from(embed && marks & KEEP_MARK != 0);
    parent.data += c.data + usize::from(marks & DATA_MARK != 0);
    let heading = matches!(etag, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    parent.heading += c.heading + if heading { text } else { 0 };
    parent.list += c.list + if matches!(etag, "ul" | "ol") { text } else { 0 };
}

/// Whether each record is inside a data table (Readability keeps all of it).
fn in_data_table<N>(walk: &Walk<N>) -> Vec<bool> {
    let recs = &walk.recs;
    let mut inside = vec![false; recs.len()];
    for i in 1..recs.len() {
        if let Some(p) = recs[i].parent {
            inside[i] = inside[p] || recs[p].marks & DATA_MARK != 0;
        }
    }
    inside
}

/// Readability's verdict on one element with its subtree's counts `c`.
fn remove<N>(
    walk: &Walk<N>,
    att: &Attempt,
    c: &Counts,
    i: usize,
    tag: &str,
    in_data: bool,
) -> bool {
    let r = &walk.recs[i];
    let ratio = |a: f64, b: usize| if b == 0 { 0.0 } else { a / b as f64 };
    let is_list = tag == "ul" || (c.text > 0 && ratio(c.list as f64, c.text) > 0.9);
    if (tag == "table" && r.marks & DATA_MARK != 0) || in_data || near(r.near, 2) || c.data > 0 {
        return false;
    }
    let weight = att.weight(walk, i);
    if weight < 0.0 {
        return true;
    }
    if c.commas >= 10 || c.video > 0 {
        return false;
    }
    let (p, img, li, input) = (c.p as f64, c.img, c.li as f64 - 100.0, c.input);
    let figure = near(r.near, 4);
    let density = ratio(c.link, c.text);
    let headings = ratio(c.heading as f64, c.text);
    let bad = (!figure && img > 1 && p / (img as f64) < 0.5)
        || (!is_list && li > p)
        || (input as f64 > (p / 3.0).floor())
        || (!is_list
            && !figure
            && headings < 0.9
            && c.text < 25
            && (img == 0 || img > 2)
            && density > 0.0)
        || (!is_list && weight < 25.0 && density > 0.2)
        || (weight >= 25.0 && density > 0.5)
        || (c.embed == 1 && c.text < 75)
        || c.embed > 1;

    // A list of images stays.
    bad && !(is_list && img > 0 && img as f64 == c.li as f64)
}
