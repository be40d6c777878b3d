//! The blocks' text as HTML renders it: whitespace runs collapsed, `<br>` a line break, blocks
//! joined by blank lines, each block's UTF-16 span kept.

use super::walk::Walk;
use super::{Block, Extracted};

/// One piece of the walked text: a text node's data (with the node itself when the walk keeps
/// nodes, for ranges) or a line break.
#[derive(Clone, Debug)]
pub(crate) enum Piece<N> {
    /// Character data, with its node when kept.
    Text(Option<N>, String),
    /// A `<br>`.
    Break,
}

#[derive(PartialEq)]
enum Gap {
    None,
    Space,
    Break,
}

/// Collapses whitespace as HTML renders it (runs of ASCII whitespace become one space, none at
/// the ends, `<br>` a line break). `visit(out_utf16, char, node, node_start, node_end)` sees
/// every character written, with its place in its text node (UTF-16 units).
pub(super) fn normalise<'a, N: 'a>(
    pieces: impl IntoIterator<Item = &'a Piece<N>>,
    mut visit: impl FnMut(usize, char, Option<(&N, usize, usize)>),
) {
    let mut gap = Gap::None;
    let mut started = false;
    let mut pos = 0usize;
    let mut last: Option<(&'a N, usize)> = None;
    for piece in pieces {
        let (node, value) = match piece {
            Piece::Break => {
                if started {
                    gap = Gap::Break;
                }
                continue;
            }
            Piece::Text(node, value) => (node.as_ref(), value),
        };
        let mut at = 0usize;
        for c in value.chars() {
            let width = c.len_utf16();
            if c.is_ascii_whitespace() {
                if started && gap == Gap::None {
                    gap = Gap::Space;
                }
            } else {
                if gap != Gap::None {
                    let sep = if gap == Gap::Break { '\n' } else { ' ' };
                    visit(pos, sep, last.map(|(n, e)| (n, e, e)));
                    pos += 1;
                    gap = Gap::None;
                }
                visit(pos, c, node.map(|n| (n, at, at + width)));
                pos += width;
                started = true;
                last = node.map(|n| (n, at + width)).or(last);
            }
            at += width;
        }
    }
}

/// The text `normalise` writes, built a word at a time (the fast path for whole articles).
pub(super) fn collapse<'a, N: 'a>(pieces: impl IntoIterator<Item = &'a Piece<N>>) -> String {
    let mut out = String::new();
    let mut gap: Option<char> = None;
    let mut started = false;
    for piece in pieces {
        let value = match piece {
            Piece::Break => {
                if started {
                    gap = Some('\n');
                }
                continue;
            }
            Piece::Text(_, value) => value,
        };
        let bytes = value.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i].is_ascii_whitespace() {
                if started && gap.is_none() {
                    gap = Some(' ');
                }
                i += 1;
                continue;
            }
            let from = i;
            while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            if let Some(sep) = gap.take() {
                out.push(sep);
            }
            // Both ends are ASCII bytes or the ends of the string: char boundaries.
            out.push_str(value.get(from..i).unwrap_or_default());
            started = true;
        }
    }
    out
}

/// Length in UTF-16 code units: one per character, two for those outside the BMP.
fn utf16_len(s: &str) -> usize {
    s.as_bytes()
        .iter()
        .map(|&b| match b {
            0x80..=0xBF => 0,
            0xF0..=0xFF => 2,
            _ => 1,
        })
        .sum()
}

/// The result: the blocks' text (collapsed) joined by blank lines, with their spans. Each block
/// is an element and the indices of its pieces.
pub(super) fn build<N: Clone>(
    walk: &Walk<N>,
    blocks: &[(usize, bool, Vec<usize>)],
    container: Option<usize>,
) -> Extracted<N> {
    let mut text = String::new();
    let mut pos = 0usize;
    let mut out = Vec::with_capacity(blocks.len());
    for (i, first, pieces) in blocks {
        let i = *i;
        let t = collapse(pieces.iter().map(|&k| &walk.pieces[k]));
        if t.is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
            pos += 2;
        }
        let len = utf16_len(&t);
        // A later run of an element's text is text, not a block: a block's spans count from
        // the start of the element's own text, which only its first run shares.
        if *first {
            out.push(Block {
                node: walk.recs[i].node.clone(),
                start: pos,
                end: pos + len,
            });
        }
        text.push_str(&t);
        pos += len;
    }
    Extracted {
        text,
        blocks: out,
        container: container
            .and_then(|c| walk.recs.get(c))
            .map(|r| r.node.clone()),
    }
}
