//! UTF-8 byte offsets to UTF-16 code units (JavaScript string indexes) and back.
//!
//! Output offsets are UTF-16 so that `text.slice(start, end)` works in JavaScript. A table of
//! checkpoints every [`BLOCK`] bytes keeps each lookup O(BLOCK) (and O(log n) from UTF-16
//! offsets, a binary search over the checkpoints first) with memory O(n / BLOCK).

/// Bytes between checkpoints.
const BLOCK: usize = 64;

/// Converts between the UTF-16 offsets of [`analyze`](crate::analyze)'s output and byte
/// offsets of the same text, to slice it in Rust. Build it once per text: each lookup is then
/// O(log n), against a rescan from the start for a one-off conversion.
///
/// ```
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let text = "Café 🚀\n\nMr Putin said the plan was dangerous.";
/// let gist = pith::analyze(text, &pith::Options::default())?;
/// let map = pith::Utf16Map::new(text);
/// let putin = gist.actors.iter().find(|a| a.name == "Putin").ok_or("no actor Putin")?;
/// let putin = &putin.mentions[0];
/// assert_eq!((putin.start, putin.end), (9, 17)); // UTF-16: "é" is 1 unit, "🚀" 2
/// assert_eq!(map.byte(putin.start), Some(12)); // UTF-8: "é" is 2 bytes, "🚀" 4
/// assert_eq!(map.slice(putin.start, putin.end), Some("Mr Putin"));
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct Utf16Map<'a> {
    text: &'a str,
    ascii: bool,
    /// `checkpoints[k]`: UTF-16 length of the text before the first char boundary at or after
    /// byte `k * BLOCK`. Empty for ASCII text, where offsets are the same in both.
    checkpoints: Vec<usize>,
}

impl<'a> Utf16Map<'a> {
    /// Builds the map for `text`: one pass, one `usize` per 64 bytes (none for ASCII text).
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
    pub(crate) fn at(&self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte);
        if self.ascii {
            return byte;
        }
        let k = byte / BLOCK;
        // `byte` is a char boundary at or after k * BLOCK, so `from <= byte`.
        let from = ceil_boundary(self.text, k * BLOCK);
        self.checkpoints.get(k).copied().unwrap_or(0) + self.text[from..byte].encode_utf16().count()
    }

    /// The UTF-16 offset of byte offset `byte`; `None` when `byte` is past the end or inside a
    /// character.
    pub fn utf16(&self, byte: usize) -> Option<usize> {
        self.text.is_char_boundary(byte).then(|| self.at(byte))
    }

    /// The byte offset of UTF-16 offset `utf16` (an offset of the output); `None` when it is
    /// past the end or between the two halves of a surrogate pair (a character outside the
    /// Basic Multilingual Plane, such as an emoji), which no output offset is.
    pub fn byte(&self, utf16: usize) -> Option<usize> {
        if self.ascii {
            return (utf16 <= self.text.len()).then_some(utf16);
        }
        // The last checkpoint at or before `utf16`, then at most a block of characters.
        let k = self.checkpoints.partition_point(|&u| u <= utf16) - 1;
        let mut units = self.checkpoints[k];
        let from = ceil_boundary(self.text, k * BLOCK);
        for (i, c) in self.text[from..].char_indices() {
            if units >= utf16 {
                return (units == utf16).then_some(from + i);
            }
            units += c.len_utf16();
        }
        (units == utf16).then_some(self.text.len())
    }

    /// The text between UTF-16 offsets `start` and `end` (a [`Mention`](crate::Mention)'s or
    /// a [`Sentence`](crate::Sentence)'s); `None` when either is not a character boundary or
    /// `start > end`.
    pub fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        let text = self.text;
        text.get(self.byte(start)?..self.byte(end)?)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_encode_utf16_everywhere() {
        let text = "Café 🚀 Путин said “yes” — ok. ".repeat(20);
        let map = Utf16Map::new(&text);
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let unit = text[..i].encode_utf16().count();
            assert_eq!(map.at(i), unit, "byte {i}");
            assert_eq!(map.utf16(i), Some(unit), "byte {i}");
            assert_eq!(map.byte(unit), Some(i), "unit {unit}");
        }
    }

    #[test]
    fn every_utf16_offset_of_non_bmp_text_maps_back_or_is_refused() {
        // Four-byte characters (two UTF-16 units each) across block edges, then ASCII, three-
        // and two-byte characters: every UTF-16 offset, against the one from `encode_utf16`.
        let text = format!("{}x€é{}", "𝄞🚀".repeat(40), "a😀".repeat(30));
        let map = Utf16Map::new(&text);
        let mut boundaries = std::collections::HashMap::new();
        for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
            boundaries.insert(text[..i].encode_utf16().count(), i);
        }
        let units = text.encode_utf16().count();
        assert_eq!(units, 40 * 4 + 3 + 30 * 3);
        for u in 0..=units + 2 {
            assert_eq!(map.byte(u), boundaries.get(&u).copied(), "unit {u}");
        }
        // Inside "𝄞" (bytes 0..4; units 0..2), "🚀" and past the end.
        assert_eq!(map.byte(1), None);
        assert_eq!(map.byte(3), None);
        assert_eq!(map.utf16(2), None);
        assert_eq!(map.utf16(text.len() + 1), None);
        assert_eq!(map.slice(2, 4), Some("🚀"));
        assert_eq!(map.slice(160, 163), Some("x€é"));
        assert_eq!(map.slice(1, 4), None);
        assert_eq!(map.slice(4, 2), None);
    }

    #[test]
    fn ascii_and_empty_text() {
        let map = Utf16Map::new("Mr Putin");
        assert_eq!(map.byte(3), Some(3));
        assert_eq!(map.byte(8), Some(8));
        assert_eq!(map.byte(9), None);
        assert_eq!(map.slice(3, 8), Some("Putin"));
        let empty = Utf16Map::new("");
        assert_eq!(empty.byte(0), Some(0));
        assert_eq!(empty.byte(1), None);
        assert_eq!(empty.utf16(0), Some(0));
    }
}
