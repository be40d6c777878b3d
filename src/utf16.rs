//! UTF-8 byte offsets to UTF-16 code units (JavaScript string indexes) and back.
//!
//! Output offsets are UTF-16 so that `text.slice(start, end)` works in JavaScript. A table of
//! checkpoints every [`BLOCK`] bytes keeps each lookup O(BLOCK) with memory O(n / BLOCK).

/// Bytes between checkpoints.
const BLOCK: usize = 64;

/// Converts byte offsets of one text to UTF-16 offsets.
pub struct Utf16Map<'a> {
    text: &'a str,
    ascii: bool,
    /// `checkpoints[k]`: UTF-16 length of the text before the first char boundary at or after
    /// byte `k * BLOCK`.
    checkpoints: Vec<usize>,
}

impl<'a> Utf16Map<'a> {
    /// Builds the table for `text`.
    pub fn new(text: &'a str) -> Self {
        let ascii = text.is_ascii();
        let mut checkpoints = Vec::new();
        if !ascii {
            checkpoints.reserve(text.len() / BLOCK + 1);
            let mut units = 0;
            let mut next = 0;
            for (i, c) in text.char_indices() {
                while next <= i {
                    checkpoints.push(units);
                    next += BLOCK;
                }
                units += c.len_utf16();
            }
            while next <= text.len() {
                checkpoints.push(units);
                next += BLOCK;
            }
        }
        Utf16Map {
            text,
            ascii,
            checkpoints,
        }
    }

    /// The UTF-16 offset of byte offset `byte` (clamped to the text, floored to a char).
    pub fn at(&self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte);
        if self.ascii {
            return byte;
        }
        let k = byte / BLOCK;
        // `byte` is a char boundary at or after k * BLOCK, so `from <= byte`.
        let from = ceil_boundary(self.text, k * BLOCK);
        self.checkpoints.get(k).copied().unwrap_or(0) + self.text[from..byte].encode_utf16().count()
    }
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The byte offset in `text` of UTF-16 offset `unit` (for Rust callers slicing with output
/// offsets). Offsets inside a surrogate pair or past the end are clamped.
pub fn utf16_to_byte(text: &str, unit: usize) -> usize {
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= unit {
            return i;
        }
        units += c.len_utf16();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_encode_utf16_everywhere() {
        let text = "Café 🚀 Путин said “yes” — ok. ".repeat(20);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.at(i), text[..i].encode_utf16().count(), "byte {i}");
            assert_eq!(utf16_to_byte(&text, map.at(i)), i);
        }
    }
}
