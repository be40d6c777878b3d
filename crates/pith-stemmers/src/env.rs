//! The Snowball runtime of rust-stemmers 1.2.0 (`snowball_env.rs`, MIT licence, Jakob Demler),
//! with `find_among`/`find_among_b` reading the compact [`Among`] tables of this crate's
//! generated algorithms (scripts/compact-stemmers.py).
#![allow(clippy::all)]
#![allow(dead_code)]

use std::borrow::Cow;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct SnowballEnv<'a> {
    pub current: Cow<'a, str>,
    pub cursor: usize,
    pub limit: usize,
    pub limit_backward: usize,
    pub bra: usize,
    pub ket: usize,
}

impl<'a> SnowballEnv<'a> {
    pub fn create(value: &'a str) -> Self {
        let len = value.len();
        SnowballEnv {
            current: Cow::from(value),
            cursor: 0,
            limit: len,
            limit_backward: 0,
            bra: 0,
            ket: len,
        }
    }

    pub fn get_current(self) -> Cow<'a, str> {
        self.current
    }

    fn replace_s(&mut self, bra: usize, ket: usize, s: &str) -> i32 {
        let adjustment = s.len() as i32 - (ket as i32 - bra as i32);
        // In place: the word is copied once, on its first change, instead of a new String
        // being built for every replacement (rust-stemmers does the latter).
        self.current.to_mut().replace_range(bra..ket, s);
        let new_lim = self.limit as i32 + adjustment;
        self.limit = new_lim as usize;
        if self.cursor >= ket {
            let new_cur = self.cursor as i32 + adjustment;
            self.cursor = new_cur as usize;
        } else if self.cursor > bra {
            self.cursor = bra
        }
        adjustment
    }

    /// Check if s is after cursor.
    /// If so, move cursor to the end of s
    pub fn eq_s(&mut self, s: &str) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if self.current[self.cursor..].starts_with(s) {
            self.cursor += s.len();
            while !self.current.is_char_boundary(self.cursor) {
                self.cursor += 1;
            }
            true
        } else {
            false
        }
    }

    /// Check if 's' is before cursor
    /// If so, move cursor to the beginning of s
    pub fn eq_s_b(&mut self, s: &str) -> bool {
        if (self.cursor as i32 - self.limit_backward as i32) < s.len() as i32 {
            false
            // Check if cursor -s.len is a char boundry. if not well... return false obv
        } else if !self.current.is_char_boundary(self.cursor - s.len())
            || !self.current[self.cursor - s.len()..].starts_with(s)
        {
            false
        } else {
            self.cursor -= s.len();
            true
        }
    }

    /// Replace string between `bra` and `ket` with s
    pub fn slice_from(&mut self, s: &str) -> bool {
        let (bra, ket) = (self.bra, self.ket);
        self.replace_s(bra, ket, s);
        true
    }

    /// Move cursor to next charater
    pub fn next_char(&mut self) {
        self.cursor += 1;
        while !self.current.is_char_boundary(self.cursor) {
            self.cursor += 1;
        }
    }

    /// Move cursor to previous character
    pub fn previous_char(&mut self) {
        self.cursor -= 1;
        while !self.current.is_char_boundary(self.cursor) {
            self.cursor -= 1;
        }
    }

    pub fn byte_index_for_hop(&self, mut delta: i32) -> i32 {
        if delta > 0 {
            let mut res = self.cursor;
            while delta > 0 {
                res += 1;
                delta -= 1;
                while res <= self.current.len() && !self.current.is_char_boundary(res) {
                    res += 1;
                }
            }
            return res as i32;
        } else if delta < 0 {
            let mut res: i32 = self.cursor as i32;
            while delta < 0 {
                res -= 1;
                delta += 1;
                while res >= 0 && !self.current.is_char_boundary(res as usize) {
                    res -= 1;
                }
            }
            return res as i32;
        } else {
            return self.cursor as i32;
        }
    }

    // A grouping is represented by a minimum code point, a maximum code point,
    // and a bitfield of which code points in that range are in the grouping.
    // For example, in english.sbl, valid_LI is 'cdeghkmnrt'.
    // The minimum and maximum code points are 99 and 116,
    // so every time one of these grouping functions is called for g_valid_LI,
    // min must be 99 and max must be 116. There are 18 code points within that
    // range (inclusive) so the grouping is represented with 18 bits, plus 6 bits of padding:
    //
    // cdefghij klmnopqr st
    // 11101100 10110001 01000000
    //
    // The first bit is the least significant.
    // Those three bytes become &[0b00110111, 0b10001101, 0b00000010],
    // which is &[55, 141, 2], which is how g_valid_LI is defined in english.rs.
    /// Check if the char the cursor points to is in the grouping
    pub fn in_grouping(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            if ch > max || ch < min {
                return false;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                return false;
            }
            self.next_char();
            return true;
        }
        return false;
    }

    pub fn in_grouping_b(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        self.previous_char();
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            self.next_char();
            if ch > max || ch < min {
                return false;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                return false;
            }
            self.previous_char();
            return true;
        }
        return false;
    }

    pub fn out_grouping(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor >= self.limit {
            return false;
        }
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            if ch > max || ch < min {
                self.next_char();
                return true;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                self.next_char();
                return true;
            }
        }
        return false;
    }

    pub fn out_grouping_b(&mut self, chars: &[u8], min: u32, max: u32) -> bool {
        if self.cursor <= self.limit_backward {
            return false;
        }
        self.previous_char();
        if let Some(chr) = self.current[self.cursor..].chars().next() {
            let mut ch = chr as u32; //codepoint as integer
            self.next_char();
            if ch > max || ch < min {
                self.previous_char();
                return true;
            }
            ch -= min;
            if (chars[(ch >> 3) as usize] & (0x1 << (ch & 0x7))) == 0 {
                self.previous_char();
                return true;
            }
        }
        return false;
    }

    /// Helper function that removes the string slice between `bra` and `ket`
    pub fn slice_del(&mut self) -> bool {
        self.slice_from("")
    }

    pub fn insert(&mut self, bra: usize, ket: usize, s: &str) {
        let adjustment = self.replace_s(bra, ket, s);
        if bra <= self.bra {
            self.bra = (self.bra as i32 + adjustment) as usize;
        }
        if bra <= self.ket {
            self.ket = (self.ket as i32 + adjustment) as usize;
        }
    }

    pub fn slice_to(&mut self) -> String {
        self.current[self.bra..self.ket].to_string()
    }

    /// Finds the longest entry of `amongs` at the cursor (forwards); see `search`.
    pub fn find_among<T>(&mut self, amongs: &Among<T>, context: &mut T) -> i32 {
        let c = self.cursor;
        let (mut i, common_i) = amongs.search(self.current.as_bytes(), c, self.limit, false);
        loop {
            let len = amongs.entry(i).len();
            if common_i >= len {
                self.cursor = c + len;
                match amongs.methods.get(i).copied().flatten() {
                    Some(method) => {
                        let res = method(self, context);
                        self.cursor = c + len;
                        if res {
                            return amongs.result(i);
                        }
                    }
                    None => return amongs.result(i),
                }
            }
            let Ok(next) = usize::try_from(amongs.link(i)) else {
                return 0;
            };
            i = next;
        }
    }

    /// Finds the longest entry of `amongs` ending at the cursor (backwards); see `search`.
    pub fn find_among_b<T>(&mut self, amongs: &Among<T>, context: &mut T) -> i32 {
        let c = self.cursor;
        let (mut i, common_i) =
            amongs.search(self.current.as_bytes(), c, self.limit_backward, true);
        loop {
            let len = amongs.entry(i).len();
            if common_i >= len {
                self.cursor = c - len;
                match amongs.methods.get(i).copied().flatten() {
                    Some(method) => {
                        let res = method(self, context);
                        self.cursor = c - len;
                        if res {
                            return amongs.result(i);
                        }
                    }
                    None => return amongs.result(i),
                }
            }
            let Ok(next) = usize::try_from(amongs.link(i)) else {
                return 0;
            };
            i = next;
        }
    }
}

/// A routine an `Among` entry may require to hold before it matches.
pub type AmongFn<T> = &'static (dyn Fn(&mut SnowballEnv, &mut T) -> bool + Sync);

/// A Snowball `among` table in a compact layout: all entry strings concatenated in `strings`
/// (sorted as Snowball sorts them); `table` the entries' lengths in it, then their links (the
/// entry that is a prefix, suffix backwards, of entry `k`, or -1) and their results (what a
/// match returns), one byte each (links and results as `i8`); and `methods` either empty or one
/// optional routine per entry. rust-stemmers stores each entry as a string slice, two `i32` and
/// an optional trait object: 24 bytes per entry in wasm that compress poorly; this layout is
/// most of 10 KB smaller gzipped, and one byte string for the three arrays keeps the static's
/// pointers to three. The offsets the binary search needs are summed into `ends` on the
/// table's first use.
pub struct Among<T: 'static> {
    pub strings: &'static str,
    pub table: &'static [u8],
    pub methods: &'static [Option<AmongFn<T>>],
    /// `ends[k]`: the end of entry `k` in `strings`.
    pub ends: OnceLock<Vec<u16>>,
}

impl<T> Among<T> {
    /// The number of entries.
    fn len(&self) -> usize {
        self.table.len() / 3
    }

    /// The entries' lengths in `strings`.
    fn lens(&self) -> &'static [u8] {
        &self.table[..self.len()]
    }

    /// The entry of which entry `k` is a prefix (suffix, backwards), or -1.
    fn link(&self, k: usize) -> i8 {
        self.table[self.len() + k] as i8
    }

    /// What a match of entry `k` returns.
    fn result(&self, k: usize) -> i32 {
        i32::from(self.table[2 * self.len() + k] as i8)
    }

    /// The bytes of entry `k`.
    fn entry(&self, k: usize) -> &'static [u8] {
        entry(self.strings.as_bytes(), ends(self.lens(), &self.ends), k)
    }

    /// The binary search of Snowball's `find_among` (forwards) or `find_among_b` (backwards,
    /// `back`): the entry index where the search settles and the length of the text matched
    /// there. Not generic over the context, so compiled once for all languages.
    fn search(&self, current: &[u8], c: usize, limit: usize, back: bool) -> (usize, usize) {
        let ends = ends(self.lens(), &self.ends);
        search(self.strings.as_bytes(), ends, current, c, limit, back)
    }
}

/// The end offsets of a table's entries, summed from their lengths on first use.
fn ends<'a>(lens: &[u8], cell: &'a OnceLock<Vec<u16>>) -> &'a [u16] {
    cell.get_or_init(|| {
        let mut end = 0u16;
        lens.iter()
            .map(|&n| {
                end += u16::from(n);
                end
            })
            .collect()
    })
}

/// Entry `k` of a table's concatenated `strings`, which end at `ends`.
fn entry<'s>(strings: &'s [u8], ends: &[u16], k: usize) -> &'s [u8] {
    let start = if k == 0 { 0 } else { usize::from(ends[k - 1]) };
    &strings[start..usize::from(ends[k])]
}

fn search(
    strings: &[u8],
    ends: &[u16],
    current: &[u8],
    c: usize,
    limit: usize,
    back: bool,
) -> (usize, usize) {
    let mut i: usize = 0;
    let mut j: usize = ends.len();
    let mut common_i = 0;
    let mut common_j = 0;
    let mut first_key_inspected = false;
    loop {
        let k = i + ((j - i) >> 1);
        let mut diff: i32 = 0;
        let mut common = common_i.min(common_j);
        let w = entry(strings, ends, k);
        if back {
            for lvar in (0..w.len() - common.min(w.len())).rev() {
                if c - common == limit {
                    diff = -1;
                    break;
                }
                diff = i32::from(current[c - common - 1]) - i32::from(w[lvar]);
                if diff != 0 {
                    break;
                }
                common += 1;
            }
        } else {
            for &wb in w.iter().skip(common) {
                if c + common == limit {
                    diff = -1;
                    break;
                }
                diff = i32::from(current[c + common]) - i32::from(wb);
                if diff != 0 {
                    break;
                }
                common += 1;
            }
        }
        if diff < 0 {
            j = k;
            common_j = common;
        } else {
            i = k;
            common_i = common;
        }
        if j - i <= 1 {
            if i > 0 || j == i || first_key_inspected {
                break;
            }
            first_key_inspected = true;
        }
    }
    (i, common_i)
}
