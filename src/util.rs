//! Small shared helpers kept out of generic code for speed and module size: a fast hasher for
//! the crate's hash maps, one stable sort shared by every call site, and a lazy ranking for
//! when only the first few of a long list are needed.

use std::cmp::Ordering;
use std::hash::Hasher;

mod map;
pub use map::{mix64, KeyMap, MapKey};

/// Linear probing in an open-addressing table of `slots` (a power of two long, at most half
/// full, each slot a value + 1 or 0 when empty) from `hash`: `Ok` with the first value that
/// `same` accepts, or `Err` with the empty slot that ends the probe (where it would go).
pub(crate) fn probe(
    slots: &[u32],
    hash: usize,
    same: impl Fn(usize) -> bool,
) -> Result<usize, usize> {
    let mask = slots.len().wrapping_sub(1);
    let mut i = hash & mask;
    while let Some(&slot) = slots.get(i) {
        match slot.checked_sub(1) {
            None => return Err(i),
            Some(v) if same(v as usize) => return Ok(v as usize),
            Some(_) => i = (i + 1) & mask,
        }
    }
    Err(usize::MAX) // no table
}

/// The low 32 bits of the [`FxHasher`] hash of `s`: the key hash of the open-addressing
/// tables of strings ([`crate::text::Vocab`], the lexicon's name starts).
pub(crate) fn hash_str(s: &str) -> u32 {
    let mut h = FxHasher::default();
    h.write(s.as_bytes());
    h.finish() as u32
}

/// The multiply-rotate hash of rustc (`rustc-hash`), written here to avoid a dependency.
///
/// Hashing dominated the profile with the standard SipHash-1-3 (a fifth of the native time):
/// the maps here are keyed by short words and small integers, where Fx is several times
/// faster. It is not resistant to chosen collisions; the keys are the words of the text being
/// analysed, so a hostile text could at worst slow its own analysis.
#[derive(Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Default for FxHasher {
    /// Starts from a non-zero state, so that leading zero bytes still change the hash.
    fn default() -> Self {
        FxHasher { hash: SEED }
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((w, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*w));
            bytes = rest;
        }
        if let Some((w, rest)) = bytes.split_first_chunk::<4>() {
            self.add(u64::from(u32::from_le_bytes(*w)));
            bytes = rest;
        }
        for &b in bytes {
            self.add(u64::from(b));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // hashbrown takes the bucket from the low bits and a tag from the top seven; the
        // multiply leaves the low bits weakest, so rotate the well-mixed high bits down.
        self.hash.rotate_left(26)
    }
}

/// A fixed list of words or phrases, stored as one string: each entry after a byte that gives
/// its length. [`words!`] builds it at compile time from string literals.
///
/// Why not `&[&str]`: in wasm each entry of a slice of strings costs 8 bytes of pointer and
/// length beside its text, and those compress poorly; the module's 1,400 list entries were
/// about 2.9 KB of its gzipped size. Lengths in the string keep a look through the list as
/// quick as through a slice (entries are skipped by length, not scanned for a separator).
#[derive(Clone, Copy, Debug)]
pub struct Words(pub &'static str);

impl Words {
    /// The entries, in their order.
    pub fn iter(self) -> WordsIter {
        WordsIter { rest: self.0 }
    }

    /// Whether `w` is one of the entries.
    pub fn contains(self, w: &str) -> bool {
        self.iter().any(|x| x == w)
    }
}

impl IntoIterator for Words {
    type Item = &'static str;
    type IntoIter = WordsIter;
    fn into_iter(self) -> WordsIter {
        self.iter()
    }
}

/// The entries of a [`Words`] list.
#[derive(Clone, Debug)]
pub struct WordsIter {
    rest: &'static str,
}

impl Iterator for WordsIter {
    type Item = &'static str;
    fn next(&mut self) -> Option<&'static str> {
        let n = usize::from(*self.rest.as_bytes().first()?);
        let entry = self.rest.get(1..1 + n)?;
        self.rest = self.rest.get(1 + n..)?;
        Some(entry)
    }
}

/// The bytes of a [`Words`] list from its entries joined by `|`: each `|` becomes the length
/// byte of the entry after it, and one more byte leads the first. `N` is `joined.len() + 1`.
/// An entry must be shorter than 128 bytes, so that the length byte is ASCII and the whole
/// stays UTF-8 (a compile error otherwise).
pub const fn encode_words<const N: usize>(joined: &str) -> [u8; N] {
    let b = joined.as_bytes();
    let mut out = [0u8; N];
    let (mut start, mut i) = (0, 0);
    while i <= b.len() {
        if i == b.len() || b[i] == b'|' {
            let n = i - start;
            assert!(n < 128, "a words! entry is 128 bytes or longer");
            out[start] = n as u8;
            let mut k = 0;
            while k < n {
                out[start + 1 + k] = b[start + k];
                k += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out
}

/// A [`Words`] list written as string literals: `words!["a", "b"]`. Entries hold no `|`.
macro_rules! words {
    ($first:literal $(, $rest:literal)* $(,)?) => {{
        const JOINED: &str = concat!($first $(, "|", $rest)*);
        const BYTES: [u8; JOINED.len() + 1] = $crate::util::encode_words(JOINED);
        const TEXT: &str = match std::str::from_utf8(&BYTES) {
            Ok(text) => text,
            Err(_) => panic!("a words! list is not UTF-8"),
        };
        $crate::util::Words(TEXT)
    }};
}
pub(crate) use words;

/// Sorts `v` stably by `cmp`, as `v.sort_by(cmp)` does.
///
/// The standard stable sort is instantiated once per element type and comparator (several
/// kilobytes of wasm each); this sorts a permutation of `u32` indexes with one shared,
/// non-generic merge sort and then moves the elements, so each call site adds only a few
/// hundred bytes. For the short lists sorted here the extra pass costs nothing measurable.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = sorted_indexes(v.len(), &|a, b| cmp(&v[a], &v[b]));
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Sorts `v` stably by `keys`, the key of each item by its place: for keys that the items do
/// not hold themselves.
pub fn sort_by_keys<T>(v: &mut [T], keys: &[u64]) {
    debug_assert_eq!(v.len(), keys.len());
    if v.len() < 2 || keys.windows(2).all(|w| w[0] <= w[1]) {
        return;
    }
    let order = sorted_indexes(v.len(), &|a, b| keys[a].cmp(&keys[b]));
    permute(order, &mut |a, b| v.swap(a, b));
}

/// Puts item `order[k]` at place `k` through `swap`, which swaps two places: one copy of this
/// loop for every element type.
#[inline(never)]
fn permute(mut order: Vec<u32>, swap: &mut dyn FnMut(usize, usize)) {
    // The items move into their places by swaps along each cycle of the permutation, rather
    // than through a second vector of them: sorting the 100,000 names of an 8 MiB text held
    // two copies of them at once.
    for start in 0..order.len() {
        let mut k = start;
        while let Some(&src) = order.get(k).filter(|&&src| src != u32::MAX) {
            order[k] = u32::MAX;
            let src = src as usize;
            if src == start {
                break;
            }
            swap(k, src);
            k = src;
        }
    }
}

/// Sorts `v` ascending, as `v.sort_unstable()` does: insertion sort for short runs (a
/// sentence's stems), a radix sort by bytes above that (as many passes as the largest value
/// has bytes; linear, so a megabyte-long sentence sorts faster than with the standard sort).
/// The standard unstable sort was 1.6 KB of the gzipped wasm module for this one call site.
pub fn sort_u32(v: &mut [u32]) {
    if v.len() <= 48 {
        for i in 1..v.len() {
            let x = v[i];
            let mut j = i;
            while j > 0 && v[j - 1] > x {
                v[j] = v[j - 1];
                j -= 1;
            }
            v[j] = x;
        }
        return;
    }
    /// One stable counting pass of `src` into `dst` by the byte at `shift`.
    fn pass(src: &[u32], dst: &mut [u32], shift: u32) {
        let mut at = [0usize; 256];
        for &x in src {
            at[(x >> shift & 0xFF) as usize] += 1;
        }
        let mut sum = 0;
        for a in at.iter_mut() {
            (*a, sum) = (sum, sum + *a);
        }
        for &x in src {
            let slot = &mut at[(x >> shift & 0xFF) as usize];
            if let Some(d) = dst.get_mut(*slot) {
                *d = x;
            }
            *slot += 1;
        }
    }
    let max = v.iter().copied().max().unwrap_or(0);
    let mut buf = vec![0u32; v.len()];
    let mut shift = 0;
    let mut in_buf = false;
    while shift < 32 && max >> shift != 0 {
        if in_buf {
            pass(&buf, v, shift);
        } else {
            pass(v, &mut buf, shift);
        }
        in_buf = !in_buf;
        shift += 8;
    }
    if in_buf {
        v.copy_from_slice(&buf);
    }
}

/// Sorts `v` stably by the key `key` gives, as `v.sort_by_key(key)` does.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indexes `0..n` in the stable order `cmp` gives: a bottom-up merge sort.
#[inline(never)]
fn sorted_indexes(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<u32> {
    let mut a: Vec<u32> = (0..n as u32).collect();
    let mut b: Vec<u32> = vec![0; n];
    let mut width = 1;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j, mut k) = (lo, mid, lo);
            while i < mid && j < hi {
                // Take from the right run only when strictly smaller: stability.
                if cmp(a[j] as usize, a[i] as usize) == Ordering::Less {
                    b[k] = a[j];
                    j += 1;
                } else {
                    b[k] = a[i];
                    i += 1;
                }
                k += 1;
            }
            b[k..k + (mid - i)].copy_from_slice(&a[i..mid]);
            k += mid - i;
            b[k..k + (hi - j)].copy_from_slice(&a[j..hi]);
            lo = hi;
        }
        std::mem::swap(&mut a, &mut b);
        width *= 2;
    }
    a
}

/// The indexes `0..n` one at a time in the stable order `cmp` gives, as a sort would list
/// them: a binary heap, so that taking the first few of many costs about 2n comparisons
/// rather than the n log n of sorting them all.
pub struct Ranked<'a> {
    heap: Vec<u32>,
    cmp: &'a dyn Fn(usize, usize) -> Ordering,
}

impl<'a> Ranked<'a> {
    /// The indexes `0..n` ranked by `cmp`.
    pub fn new(n: usize, cmp: &'a dyn Fn(usize, usize) -> Ordering) -> Self {
        let mut r = Ranked {
            heap: (0..n as u32).collect(),
            cmp,
        };
        for i in (0..n / 2).rev() {
            r.sift_down(i);
        }
        r
    }

    /// The next index in order, or `None` when all were taken.
    pub fn pop(&mut self) -> Option<usize> {
        let last = self.heap.pop()?;
        let Some(top) = self.heap.first_mut().map(|t| std::mem::replace(t, last)) else {
            return Some(last as usize);
        };
        self.sift_down(0);
        Some(top as usize)
    }

    /// Whether index `a` comes before `b`: by `cmp`, then by index, which keeps ties in
    /// their original order as a stable sort does.
    fn before(&self, a: u32, b: u32) -> bool {
        (self.cmp)(a as usize, b as usize).then(a.cmp(&b)) == Ordering::Less
    }

    /// Moves the entry at `i` down until both children come after it.
    fn sift_down(&mut self, mut i: usize) {
        let n = self.heap.len();
        loop {
            let left = 2 * i + 1;
            if left >= n {
                return;
            }
            let right = left + 1;
            let child = if right < n && self.before(self.heap[right], self.heap[left]) {
                right
            } else {
                left
            };
            if !self.before(self.heap[child], self.heap[i]) {
                return;
            }
            self.heap.swap(i, child);
            i = child;
        }
    }
}

/// `x` as a whole number of thousandths, when `x` is exactly the double nearest to one (the
/// scores of the output are rounded to three decimals) and small enough to print as JavaScript
/// does. Its shortest decimal is then those digits, which [`write_thousandths`] prints as
/// JavaScript does; the wasm binding writes the scores so, without a call out to the engine per
/// float (that was 2% of the time in Node).
// Natively only the tests call it: the binding is its one user.
#[cfg(any(target_arch = "wasm32", test))]
pub fn thousandths(x: f64) -> Option<i64> {
    let n = (x * 1000.0).round();
    (n.abs() < 1e15 && n / 1000.0 == x && !(x == 0.0 && x.is_sign_negative())).then_some(n as i64)
}

/// Writes `n` thousandths as JavaScript's `String` would: "0.25", "-1.5", "3", "0.007". By
/// hand rather than with `write!`, which would bring integer formatting into the wasm module.
#[cfg(any(target_arch = "wasm32", test))]
pub fn write_thousandths(w: &mut Vec<u8>, n: i64) {
    let abs = n.unsigned_abs();
    let (mut whole, mut frac, mut len) = (abs / 1000, abs % 1000, 3);
    let mut digits = [0u8; 24];
    let mut at = digits.len();
    // The fraction without its trailing zeros (and without the point when nothing is left).
    while len > 0 && frac % 10 == 0 {
        frac /= 10;
        len -= 1;
    }
    if len > 0 {
        for _ in 0..len {
            at -= 1;
            digits[at] = b'0' + (frac % 10) as u8;
            frac /= 10;
        }
        at -= 1;
        digits[at] = b'.';
    }
    loop {
        at -= 1;
        digits[at] = b'0' + (whole % 10) as u8;
        whole /= 10;
        if whole == 0 {
            break;
        }
    }
    if n < 0 {
        at -= 1;
        digits[at] = b'-';
    }
    w.extend_from_slice(&digits[at..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The next state of a small LCG (Knuth's MMIX constants): test data with no crate.
    fn next(seed: &mut u64) {
        *seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
    }

    #[test]
    fn sort_u32_sorts_as_sort_unstable() {
        let mut seed = 0x9E37_79B9u32;
        for n in (0..70).chain([1000, 4097]) {
            for modulus in [3, 50, u32::MAX] {
                let mut v: Vec<u32> = (0..n)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 17;
                        seed ^= seed << 5;
                        seed % modulus
                    })
                    .collect();
                let mut expected = v.clone();
                expected.sort_unstable();
                sort_u32(&mut v);
                assert_eq!(v, expected, "{n} {modulus}");
            }
        }
    }
    use std::hash::{BuildHasher, BuildHasherDefault, Hash};

    /// Thousandths print as JavaScript's `String(x)` prints them (values checked in Node), and
    /// every one of 0 to 100 000 (and negatives) reads back as the same double.
    #[test]
    fn thousandths_print_as_javascript() {
        let print = |x: f64| {
            let mut out = Vec::new();
            let n = thousandths(x).expect("a thousandth");
            write_thousandths(&mut out, n);
            String::from_utf8(out).expect("ASCII")
        };
        for (x, js) in [
            (0.0, "0"),
            (1.0, "1"),
            (0.25, "0.25"),
            (0.007, "0.007"),
            (0.1, "0.1"),
            (-1.5, "-1.5"),
            (123.456, "123.456"),
            (0.999, "0.999"),
            (1000.0, "1000"),
        ] {
            assert_eq!(print(x), js);
        }
        assert_eq!(thousandths(0.1 + 0.2), None, "not a rounded score");
        assert_eq!(
            thousandths(-0.0),
            None,
            "JavaScript prints -0 as 0; left to it"
        );
        assert_eq!(thousandths(f64::NAN), None);
        assert_eq!(thousandths(1e300), None);
        for n in -100_000i64..=100_000 {
            let x = n as f64 / 1000.0;
            let s = print(x);
            assert_eq!(s.parse::<f64>().ok(), Some(x), "{s}");
            assert!(
                !s.contains('.') || !s.ends_with('0'),
                "{s}: no trailing zero"
            );
        }
    }

    #[test]
    fn sort_matches_the_standard_stable_sort() {
        let mut seed = 7u64;
        for n in [0usize, 1, 2, 3, 5, 8, 17, 100, 1000] {
            let v: Vec<(u8, usize)> = (0..n)
                .map(|i| {
                    next(&mut seed);
                    ((seed >> 60) as u8, i)
                })
                .collect();
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = v.clone();
            std.sort_by_key(|x| std::cmp::Reverse(x.0));
            assert_eq!(ours, std, "n = {n}");
            let mut ours = v.clone();
            sort_by_key(&mut ours, |x| x.0);
            let mut std = v;
            std.sort_by_key(|x| x.0);
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn words_lists_their_entries_in_order() {
        const LIST: Words = words!["the", "a", "Côte d'Ivoire", "read more", "x"];
        assert_eq!(
            LIST.iter().collect::<Vec<_>>(),
            ["the", "a", "Côte d'Ivoire", "read more", "x"]
        );
        assert!(LIST.contains("read more"));
        assert!(LIST.contains("Côte d'Ivoire"));
        assert!(!LIST.contains("read"));
        assert!(!LIST.contains("th"));
        assert!(!LIST.contains(""));
        assert_eq!(LIST.into_iter().count(), 5);
        // The longest entry allowed: 127 bytes.
        const LONG: Words = words![
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
            "b"
        ];
        assert_eq!(LONG.iter().map(str::len).collect::<Vec<_>>(), [127, 1]);
        assert_eq!(Words("").iter().count(), 0);
        assert!(!Words("").contains(""));
    }

    #[test]
    fn sort_by_keys_matches_the_standard_stable_sort() {
        let mut seed = 11u64;
        for n in [0usize, 1, 2, 3, 5, 8, 17, 100, 1000] {
            let keys: Vec<u64> = (0..n)
                .map(|_| {
                    next(&mut seed);
                    seed >> 61
                })
                .collect();
            // Items that do not hold their keys: strings naming their place.
            let mut ours: Vec<String> = (0..n).map(|i| format!("item {i}")).collect();
            sort_by_keys(&mut ours, &keys);
            let mut std: Vec<(u64, String)> = keys
                .iter()
                .enumerate()
                .map(|(i, &k)| (k, format!("item {i}")))
                .collect();
            std.sort_by_key(|x| x.0);
            let std: Vec<String> = std.into_iter().map(|x| x.1).collect();
            assert_eq!(ours, std, "n = {n}");
        }
    }

    #[test]
    fn ranked_matches_the_stable_sort() {
        let mut seed = 11u64;
        for n in [0usize, 1, 2, 3, 5, 8, 17, 100, 1000] {
            let v: Vec<u8> = (0..n)
                .map(|_| {
                    next(&mut seed);
                    (seed >> 60) as u8
                })
                .collect();
            let cmp = |a: usize, b: usize| v[b].cmp(&v[a]);
            let mut r = Ranked::new(n, &cmp);
            let ranked: Vec<usize> = std::iter::from_fn(|| r.pop()).collect();
            let mut sorted: Vec<usize> = (0..n).collect();
            sorted.sort_by(|&a, &b| cmp(a, b));
            assert_eq!(ranked, sorted, "n = {n}");
        }
    }

    #[test]
    fn hash_separates_lengths_and_contents() {
        let h = |s: &str| BuildHasherDefault::<FxHasher>::default().hash_one(s);
        assert_ne!(h("a"), h("a\0"));
        assert_ne!(h("said"), h("says"));
        assert_ne!(h(""), h("\0"));
        let mut set = std::collections::HashSet::<_, BuildHasherDefault<FxHasher>>::default();
        for i in 0..10_000u32 {
            set.insert(i.to_string());
        }
        assert_eq!(set.len(), 10_000);
        let mut x = FxHasher::default();
        7u32.hash(&mut x);
        assert_ne!(x.finish(), 0);
    }
}
