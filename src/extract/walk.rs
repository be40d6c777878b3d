//! One pass over the page: a record per kept element, in document order, with its own text,
//! link text and comma counts, what its attributes say, and every text piece with its owner.
//! Everything later (scoring, cleaning, the retries) works on these records, never on the
//! tree again.

use super::render::Piece;
use super::rules::{
    self, BLOCK_TAGS, DIV_TO_P, HASH_LINK_MARK, OPAQUE_TAGS, PHRASING, SCRIPT_LINK_MARK,
};
use super::{NodeKind, Tree};

/// A div that reads as a paragraph (Readability turns it into a `<p>`).
pub(super) const AS_P: u8 = 1;
/// A div whose only content is one `<p>`: Readability replaces it by the paragraph, so it is
/// no level of the paragraph's ancestors.
pub(super) const COLLAPSED: u8 = 2;
/// A div with blocks and loose inline text: Readability wraps the text in a `<p>`.
pub(super) const SYNTH_P: u8 = 4;

/// One element seen by the walk, in document (pre-)order.
pub(super) struct Rec<N> {
    pub node: N,
    pub tag: String,
    pub parent: Option<usize>,
    /// The parent as Readability sees it once collapsed divs are gone.
    pub up: Option<usize>,
    /// Index of the first record after this element's subtree.
    pub end: usize,
    /// Index of the first text piece of this element's subtree.
    pub piece: usize,
    /// Characters of the element's own text nodes (whitespace runs counted once).
    pub own_text: usize,
    /// Of which inside links, fragment links counting 0.3 (Readability's link density).
    pub own_link: f64,
    pub own_commas: usize,
    /// Characters of text in the whole subtree.
    pub text: usize,
    /// Link text in the whole subtree.
    pub link: f64,
    /// A [`BLOCK_TAGS`] element is among the descendants (the element is no leaf block).
    pub has_block: bool,
    /// A [`DIV_TO_P`] element is among the descendants (Readability's `_hasChildBlockElement`).
    pub div_block: bool,
    /// Readability's phrasing content (inline: merges into a loose text run).
    pub phrasing: bool,
    /// Element children that are not phrasing content, and whether the last such is a `<p>`.
    pub blocks_in: u32,
    pub p_in: bool,
    /// The element's own non-blank text or inline children start a text run.
    pub run: bool,
    /// Runs of two or more `<br>` among the children (Readability makes paragraphs of the
    /// text after each), and whether the last child seen was a `<br>` (while walking).
    pub br_runs: u32,
    br_last: u8,
    /// Class and id weight, and `rules::*_MARK` bits.
    pub weight: f64,
    pub marks: u8,
    /// Readability's DIV-to-P reading: `AS_P`, `COLLAPSED`, `SYNTH_P` or 0.
    pub shape: u8,
    /// Table, code and figure ancestors (bits 1, 2, 4), three bits a level for the four
    /// levels Readability's `_hasAncestorTag` looks up: see [`near`].
    pub near: u16,
    /// The nearest [`BLOCK_TAGS`] ancestor-or-self (or the root): whose text this element's is.
    pub block: usize,
}

impl<N> Rec<N> {
    /// A record as the walk first makes it: sums and shape come after the subtree is walked.
    fn new(
        node: N,
        tag: String,
        parent: Option<usize>,
        piece: usize,
        check: &rules::Check,
        near: u16,
    ) -> Self {
        Rec {
            node,
            tag,
            parent,
            up: parent,
            end: 0,
            piece,
            own_text: 0,
            own_link: 0.0,
            own_commas: 0,
            text: 0,
            link: 0.0,
            has_block: false,
            div_block: false,
            phrasing: false,
            blocks_in: 0,
            p_in: false,
            run: false,
            br_runs: 0,
            br_last: 0,
            weight: check.weight,
            marks: check.marks,
            shape: 0,
            near,
            block: 0,
        }
    }

    /// The tag as Readability reads it after turning paragraph-like divs into `<p>`.
    pub fn etag(&self) -> &str {
        if self.shape & AS_P != 0 {
            "p"
        } else {
            &self.tag
        }
    }
}

/// The text of a walk: pieces in document order, one record per kept element, and each
/// piece's element.
pub(super) struct Walk<N> {
    pub recs: Vec<Rec<N>>,
    pub pieces: Vec<Piece<N>>,
    pub owner: Vec<usize>,
    /// The document's `<title>`, when the walk passed it.
    pub title: String,
    /// The root is inside an `<article>`, `<main>` or `<section>` of the page (where a
    /// `<header>` holds the headline, not the page's or a card's chrome).
    pub root_in_section: bool,
}

impl<N> Walk<N> {
    /// A text node of record `p`: its piece, and its counts on the record.
    fn text(&mut self, p: usize, node: Option<N>, value: String, link: f64) {
        let (len, commas) = measure(&value);
        let rec = &mut self.recs[p];
        rec.own_text += len;
        rec.own_commas += commas;
        rec.own_link += len as f64 * link;
        rec.run |= len > 0;
        if len > 0 {
            rec.br_last = 0;
        }
        self.pieces.push(Piece::Text(node, value));
        self.owner.push(p);
    }

    /// The indices of the text pieces of record `i`'s subtree (contiguous: depth-first).
    pub fn piece_range(&self, i: usize) -> std::ops::Range<usize> {
        let from = self.recs[i].piece;
        let to = self
            .recs
            .get(self.recs[i].end)
            .map_or(self.pieces.len(), |r| r.piece);
        from..to
    }

    /// The text pieces of record `i`'s subtree.
    pub fn pieces_in(&self, i: usize) -> impl Iterator<Item = &Piece<N>> {
        self.pieces[self.piece_range(i)].iter()
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

/// What the walk decides from above `root` (a table, code or figure ancestor within three
/// levels), read from `root`'s ancestors so that walking a block alone decides as walking the
/// page did.
fn near_above<T: Tree>(tree: &T, root: &T::Node) -> u16 {
    let mut near = 0;
    let mut at = tree.parent(root);
    for level in 0..4 {
        let Some(p) = at else { break };
        near |= near_bit(&tree.tag(&p)) << (3 * level);
        at = tree.parent(&p);
    }
    near
}

/// Whether an ancestor within Readability's reach (four levels) has the tag of `bit`
/// (1 table, 2 code, 4 figure).
pub(super) fn near(rec_near: u16, bit: u16) -> bool {
    (0..4).any(|level| (rec_near >> (3 * level)) & bit != 0)
}

fn near_bit(tag: &str) -> u16 {
    match tag {
        "table" => 1,
        "code" => 2,
        "figure" => 4,
        _ => 0,
    }
}

/// The document's title, from the `<title>` among `head`'s children.
fn head_title<T: Tree>(tree: &T, head: &T::Node) -> String {
    let mut child = tree.first_child(head);
    while let Some(c) = child {
        if tree.kind(&c) == NodeKind::Element && tree.tag(&c) == "title" {
            return element_text(tree, &c);
        }
        child = tree.next_sibling(&c);
    }
    String::new()
}

/// The text of an element's text children (a `<title>` has nothing else).
fn element_text<T: Tree>(tree: &T, node: &T::Node) -> String {
    let mut out = String::new();
    let mut t = tree.first_child(node);
    while let Some(n) = t {
        out.push_str(&tree.text(&n).unwrap_or_default());
        t = tree.next_sibling(&n);
    }
    out
}

/// Walks the subtree of `root` once: one record per kept element, in document order, and every
/// text piece. The one walk of the page's text: extraction (`keep_nodes` false) and ranges
/// (`keep_nodes` true, each text piece with its node) skip exactly the same subtrees.
/// Whether `node` or an ancestor is an `<article>`, `<main>` or `<section>` (one walk up, once
/// per extraction).
fn in_section<T: Tree>(tree: &T, node: &T::Node) -> bool {
    let mut at = Some(node.clone());
    while let Some(n) = at {
        if matches!(tree.tag(&n).as_str(), "article" | "main" | "section") {
            return true;
        }
        at = tree.parent(&n);
    }
    false
}

/// How much of the text under an element counts as link text: 1 in a link, 0.3 in a link to a
/// fragment of the page (Readability's weight), what the parent had under a `javascript:`
/// link (no link) or any other element.
fn link_weight(parent: f64, tag: &str, marks: u8) -> f64 {
    match (parent, tag == "a") {
        (_, true) if marks & HASH_LINK_MARK != 0 => 0.3,
        (l, true) if marks & SCRIPT_LINK_MARK != 0 => l,
        (_, true) => 1.0,
        (l, false) => l,
    }
}

impl<N> Walk<N> {
    /// Counts an element child of record `parent` into its runs of `<br>` (two in a row split
    /// a div into paragraphs); a `<br>` itself is a line-break piece, and `true` says the walk
    /// is done with it.
    fn child_element(&mut self, parent: Option<usize>, tag: &str) -> bool {
        let br = tag == "br";
        if let Some(p) = parent {
            let rec = &mut self.recs[p];
            rec.br_last = if br { rec.br_last.saturating_add(1) } else { 0 };
            rec.br_runs += u32::from(rec.br_last == 2);
        }
        if br {
            self.pieces.push(Piece::Break);
            self.owner.push(parent.unwrap_or(0));
        }
        br
    }

    /// The document's title, read once: from `<head>`'s `<title>`, or from a `<title>` the
    /// parser moved out of the head (a `<noscript>` in the head holding body content closes
    /// the head when scripting is off, as in a DOMParser document).
    fn note_title<T: Tree<Node = N>>(&mut self, tree: &T, node: &N, tag: &str) {
        if !self.title.is_empty() {
            return;
        }
        if tag == "head" {
            self.title = head_title(tree, node);
        } else if tag == "title" {
            self.title = element_text(tree, node);
        }
    }
}

pub(super) fn walk<T: Tree>(tree: &T, root: &T::Node, keep_nodes: bool) -> Walk<T::Node> {
    let mut out = Walk {
        recs: Vec::new(),
        pieces: Vec::new(),
        owner: Vec::new(),
        title: String::new(),
        root_in_section: in_section(tree, root),
    };
    // (node, parent record, link coefficient (0 outside links))
    let mut stack: Vec<(T::Node, Option<usize>, f64)> = vec![(root.clone(), None, 0.0)];
    let mut children = Vec::new();
    let near_root = near_above(tree, root);
    while let Some((node, parent, link)) = stack.pop() {
        match tree.kind(&node) {
            NodeKind::Text => {
                if let (Some(p), Some(value)) = (parent, tree.text(&node)) {
                    out.text(p, keep_nodes.then(|| node.clone()), value, link);
                }
                continue;
            }
            NodeKind::Other => continue,
            NodeKind::Element => {}
        }
        let tag = tree.tag(&node);
        if out.child_element(parent, &tag) {
            continue;
        }
        out.note_title(tree, &node, &tag);
        let check = match parent {
            None => rules::Check {
                weight: 0.0,
                marks: 0,
            },
            Some(_) => match rules::check(tree, &node, &tag) {
                Some(c) => c,
                None => continue,
            },
        };
        let index = out.recs.len();
        let link = link_weight(link, &tag, check.marks);
        children.clear();
        if !OPAQUE_TAGS.contains(tag.as_str()) {
            let mut child = tree.first_child(&node);
            while let Some(c) = child {
                child = tree.next_sibling(&c);
                children.push(c);
            }
        }
        let rec = Rec::new(node, tag, parent, out.pieces.len(), &check, near_root);
        out.recs.push(Rec {
            end: index + 1,
            block: index,
            ..rec
        });
        for c in children.drain(..).rev() {
            stack.push((c, Some(index), link));
        }
    }
    sum_subtrees(&mut out.recs);
    shape(&mut out.recs);
    out
}

/// Children come after their parent: one backward pass sums subtrees and reads each element
/// as Readability's DIV-to-P rule will.
fn sum_subtrees<N>(recs: &mut [Rec<N>]) {
    for r in recs.iter_mut() {
        r.text += r.own_text;
        r.link += r.own_link;
    }
    for i in (1..recs.len()).rev() {
        let r = &mut recs[i];
        r.phrasing = PHRASING.contains(r.tag.as_str())
            || (matches!(r.tag.as_str(), "a" | "del" | "ins") && r.blocks_in == 0);
        let Some(p) = r.parent else { continue };
        let (text, link, end, phrasing) = (r.text, r.link, r.end, r.phrasing);
        let block = r.has_block || BLOCK_TAGS.contains(r.tag.as_str());
        let div_block = r.div_block || DIV_TO_P.contains(r.tag.as_str());
        let is_p = r.tag == "p";
        let parent = &mut recs[p];
        parent.text += text;
        parent.link += link;
        parent.has_block |= block;
        parent.div_block |= div_block;
        parent.end = parent.end.max(end);
        if phrasing {
            parent.run = true;
        } else {
            parent.blocks_in += 1;
            // Children are seen last first: the first block child decides.
            parent.p_in = is_p;
        }
    }
}

/// Readability's DIV-to-P reading of every div, then each element's effective parent, its
/// table/code/figure ancestors and its block, in one forward pass.
fn shape<N>(recs: &mut [Rec<N>]) {
    for i in 0..recs.len() {
        let r = &recs[i];
        if r.tag == "div" {
            let density = if r.text == 0 {
                0.0
            } else {
                r.link / r.text as f64
            };
            let single_p = (r.blocks_in == 1 && r.p_in && !r.run) || (r.blocks_in == 0 && r.run);
            recs[i].shape = if r.br_runs > 0 {
                // Paragraphs made of the text between `<br><br>`s: a container.
                SYNTH_P
            } else if single_p && density < 0.25 {
                if r.run {
                    AS_P
                } else {
                    COLLAPSED
                }
            } else if !r.run && !r.div_block {
                AS_P
            } else if r.run {
                SYNTH_P
            } else {
                0
            };
        }
        let Some(p) = recs[i].parent else { continue };
        let pr = &recs[p];
        let up = if pr.shape & COLLAPSED != 0 {
            pr.up
        } else {
            Some(p)
        };
        let near = (pr.near << 3 | near_bit(&pr.tag)) & 0o7777;
        let block = if BLOCK_TAGS.contains(recs[i].tag.as_str()) {
            i
        } else {
            pr.block
        };
        let r = &mut recs[i];
        r.up = up;
        r.near = near;
        r.block = block;
    }
}
