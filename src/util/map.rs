//! A hash map for module size: one table of item ids whose probing and regrowing are
//! compiled once for every key and value type.
//!
//! Why not `HashMap`: hashbrown's code is generic over the (key, value) layout, so every map
//! type gets its own copy of `reserve_rehash`, `insert`, `find`, `drop_elements`... (about
//! 27 KB of the wasm module for some thirty layouts). Here the hash table is an [`Index`] of
//! `u32` ids, which knows nothing of the items; only the thin methods that compare keys and
//! move values are generic.

use super::{hash_str, probe};

/// The hash table of a [`KeyMap`]: item ids by key hash, the same for every item type.
#[derive(Debug, Default, Clone)]
struct Index {
    /// Low 32 bits of each item's key hash, by id: compared before the keys, and used to
    /// regrow without reading the items.
    hashes: Vec<u32>,
    /// Id + 1 of the item in each slot, 0 when empty. The length is a power of two (or zero
    /// before the first item), and the table is at most half full.
    slots: Vec<u32>,
}

/// Slots of a map's first table.
const FIRST_SLOTS: usize = 16;

impl Index {
    /// The id whose hash is `h` and that `same` accepts, or the empty slot where it would go.
    fn find(&self, h: u32, same: &dyn Fn(usize) -> bool) -> Result<usize, usize> {
        let hashes = &self.hashes;
        probe(&self.slots, h as usize, |id| {
            hashes.get(id) == Some(&h) && same(id)
        })
    }

    /// Records a new item (the next id) hashed `h`, in the empty slot `free` that
    /// [`Index::find`] returned, or in a larger table when this one would be over half full.
    fn push(&mut self, h: u32, free: usize) {
        let id = self.hashes.len() as u32;
        self.hashes.push(h);
        let roomy = self.hashes.len() * 2 <= self.slots.len();
        match self.slots.get_mut(free) {
            Some(slot) if roomy => *slot = id + 1,
            _ => self.rebuild(self.slots.len() * 2),
        }
    }

    /// Makes room for `more` items beyond those held without regrowing the table.
    fn reserve(&mut self, more: usize) {
        self.hashes.reserve(more);
        let need = (self.hashes.len() + more).checked_mul(2);
        // A size past `usize` is left to the regrowing on insert (which would run out of
        // memory first).
        if let Some(n) = need.and_then(usize::checked_next_power_of_two) {
            if n > self.slots.len() {
                self.rebuild(n);
            }
        }
    }

    /// Makes a table of `n` slots (a power of two, or the first table's size when larger)
    /// and puts every id back.
    fn rebuild(&mut self, n: usize) {
        let n = n.max(FIRST_SLOTS);
        self.slots.clear();
        self.slots.resize(n, 0);
        for (id, &h) in self.hashes.iter().enumerate() {
            // The ids are distinct: each goes to the first free slot.
            let free = probe(&self.slots, h as usize, |_| false).err();
            if let Some(slot) = free.and_then(|f| self.slots.get_mut(f)) {
                *slot = id as u32 + 1;
            }
        }
    }
}

/// A key of a [`KeyMap`]: looked up as its `Query` (`str` for string keys, so that a
/// `KeyMap<String, _>` is read with a `&str`), hashed to 32 bits.
pub trait MapKey {
    /// What a lookup is given.
    type Query: ?Sized + PartialEq;
    /// The key as a lookup gives it.
    fn query(&self) -> &Self::Query;
    /// The hash of a lookup. Its low bits pick the first slot, so they must depend on every
    /// bit of the key.
    fn hash(q: &Self::Query) -> u32;
}

impl MapKey for String {
    type Query = str;
    fn query(&self) -> &str {
        self
    }
    fn hash(q: &str) -> u32 {
        hash_str(q)
    }
}

impl MapKey for &str {
    type Query = str;
    fn query(&self) -> &str {
        self
    }
    fn hash(q: &str) -> u32 {
        hash_str(q)
    }
}

/// Mixes a 64-bit word into 32 bits whose low bits depend on every input bit (the high half
/// of a multiplication by the golden ratio, after folding the high half into the low one).
pub fn mix64(x: u64) -> u32 {
    ((x ^ (x >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

impl MapKey for u32 {
    type Query = u32;
    fn query(&self) -> &u32 {
        self
    }
    fn hash(q: &u32) -> u32 {
        mix64(u64::from(*q))
    }
}

impl MapKey for usize {
    type Query = usize;
    fn query(&self) -> &usize {
        self
    }
    fn hash(q: &usize) -> u32 {
        mix64(*q as u64)
    }
}

/// A map from keys to values, in insertion order.
///
/// It stands in for `HashMap` where module size matters (see the module comment): the items
/// sit in a `Vec` in the order they were first inserted, which is also the order of
/// [`KeyMap::iter`], [`KeyMap::keys`] and [`KeyMap::values`] (not a hash order). There is no
/// removal. A set is a `KeyMap<K, ()>`.
#[derive(Debug, Clone)]
pub struct KeyMap<K, V> {
    items: Vec<(K, V)>,
    index: Index,
}

impl<K, V> Default for KeyMap<K, V> {
    fn default() -> Self {
        KeyMap {
            items: Vec::new(),
            index: Index::default(),
        }
    }
}

impl<K: MapKey, V> KeyMap<K, V> {
    /// The id of `key` (hashed `h`), or the empty slot where it would go.
    fn find(&self, key: &K::Query, h: u32) -> Result<usize, usize> {
        let items = &self.items;
        let same = |id: usize| items.get(id).is_some_and(|(k, _)| k.query() == key);
        self.index.find(h, &same)
    }

    /// Sets the value of `key`, returning the old one. As with `HashMap::insert`, a key
    /// already present keeps its first spelling and place in the order.
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let h = K::hash(key.query());
        match self.find(key.query(), h) {
            Ok(id) => self
                .items
                .get_mut(id)
                .map(|item| std::mem::replace(&mut item.1, value)),
            Err(free) => {
                self.items.push((key, value));
                self.index.push(h, free);
                None
            }
        }
    }

    /// The value of `key`, inserting `make()` first when the key is absent (the
    /// `entry(key).or_insert_with(make)` of `HashMap`).
    pub fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let h = K::hash(key.query());
        let id = match self.find(key.query(), h) {
            Ok(id) => id,
            Err(free) => {
                self.items.push((key, make()));
                self.index.push(h, free);
                self.items.len() - 1
            }
        };
        // `id` is an item's: found, or the one just pushed.
        &mut self.items[id].1
    }

    /// The value of `key`.
    pub fn get(&self, key: &K::Query) -> Option<&V> {
        let id = self.find(key, K::hash(key)).ok()?;
        self.items.get(id).map(|(_, v)| v)
    }

    /// The value of `key`, to change.
    pub fn get_mut(&mut self, key: &K::Query) -> Option<&mut V> {
        let id = self.find(key, K::hash(key)).ok()?;
        self.items.get_mut(id).map(|(_, v)| v)
    }

    /// Whether `key` is in the map.
    pub fn contains_key(&self, key: &K::Query) -> bool {
        self.find(key, K::hash(key)).is_ok()
    }

    /// Whether `key` is in the map (the name a set's reader expects).
    pub fn contains(&self, key: &K::Query) -> bool {
        self.contains_key(key)
    }
}

impl<K, V> KeyMap<K, V> {
    /// Number of keys.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether there are no keys.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Makes room for `more` keys beyond those held, so that inserting them does not regrow.
    pub fn reserve(&mut self, more: usize) {
        self.items.reserve(more);
        self.index.reserve(more);
    }

    /// Keys and values, in insertion order.
    pub fn iter(&self) -> impl Iterator<Item = (&K, &V)> {
        self.items.iter().map(|(k, v)| (k, v))
    }

    /// Keys, in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &K> {
        self.items.iter().map(|(k, _)| k)
    }

    /// Values, in insertion order.
    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.items.iter().map(|(_, v)| v)
    }

    /// Values to change, in insertion order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.items.iter_mut().map(|(_, v)| v)
    }
}

/// A set of the keys, in the order first met (later repeats are dropped).
impl<K: MapKey> FromIterator<K> for KeyMap<K, ()> {
    fn from_iter<I: IntoIterator<Item = K>>(keys: I) -> Self {
        let mut set = KeyMap::default();
        for k in keys {
            set.insert(k, ());
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// A small xorshift generator: the tests need no crate and the same runs every time.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: u64) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0 % n
        }
    }

    #[test]
    fn string_keys_agree_with_hashmap() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        for round in 0..20 {
            let keys = 1 + rng.below(2000);
            let mut ours: KeyMap<String, u64> = KeyMap::default();
            let mut theirs: HashMap<String, u64> = HashMap::new();
            let mut order: Vec<String> = Vec::new();
            for step in 0..3000 {
                let key = format!("k{}", rng.below(keys));
                match rng.below(5) {
                    0 => {
                        if !theirs.contains_key(&key) {
                            order.push(key.clone());
                        }
                        assert_eq!(ours.insert(key.clone(), step), theirs.insert(key, step));
                    }
                    1 => {
                        if !theirs.contains_key(&key) {
                            order.push(key.clone());
                        }
                        let t = *theirs.entry(key.clone()).or_insert_with(|| step);
                        assert_eq!(*ours.get_or_insert_with(key, || step), t);
                    }
                    2 => {
                        if let Some(v) = theirs.get_mut(&key) {
                            *v += 1;
                        }
                        if let Some(v) = ours.get_mut(&key) {
                            *v += 1;
                        }
                    }
                    3 => assert_eq!(ours.contains_key(&key), theirs.contains_key(&key)),
                    _ => assert_eq!(ours.get(&key), theirs.get(&key), "round {round}"),
                }
                assert_eq!(ours.len(), theirs.len());
            }
            let got: Vec<&String> = ours.keys().collect();
            assert_eq!(got, order.iter().collect::<Vec<_>>(), "insertion order");
            for (k, v) in ours.iter() {
                assert_eq!(theirs.get(k), Some(v));
            }
            assert_eq!(ours.values().count(), theirs.len());
        }
    }

    #[test]
    fn sets_borrowed_keys_and_the_empty_map() {
        let mut set: KeyMap<&str, ()> = KeyMap::default();
        assert!(!set.contains(""));
        assert!(set.get("x").is_none());
        assert!(set.is_empty());
        for w in ["a", "b", "", "a", "ab", "ba"] {
            set.insert(w, ());
        }
        assert_eq!(set.len(), 5);
        assert!(set.contains("") && set.contains("ab") && !set.contains("abc"));
        for v in set.values_mut() {
            *v = ();
        }
        assert_eq!(
            set.keys().copied().collect::<Vec<_>>(),
            ["a", "b", "", "ab", "ba"]
        );
    }

    #[test]
    fn integer_keys_agree_with_hashmap() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut below = |n: u64| rng.below(n);
        for _ in 0..20 {
            let keys = 1 + below(3000);
            // Spread keys over high and low bits alike.
            let stride = [1, 1 << 20, 1 << 32, 0x1_0001][below(4) as usize];
            let mut ours: KeyMap<usize, u64> = KeyMap::default();
            let mut theirs: HashMap<usize, u64> = HashMap::new();
            if below(2) == 0 {
                ours.reserve(below(500) as usize);
            }
            for step in 0..3000 {
                let key = (below(keys) * stride) as usize;
                match below(4) {
                    0 => assert_eq!(ours.insert(key, step), theirs.insert(key, step)),
                    1 => {
                        let t = *theirs.entry(key).or_insert_with(|| step);
                        assert_eq!(*ours.get_or_insert_with(key, || step), t);
                    }
                    2 => assert_eq!(ours.contains_key(&key), theirs.contains_key(&key)),
                    _ => assert_eq!(ours.get(&key), theirs.get(&key)),
                }
                assert_eq!(ours.len(), theirs.len());
            }
            assert_eq!(ours.values_mut().count(), theirs.len());
        }
    }

    #[test]
    fn sets_and_the_empty_map() {
        let set: KeyMap<u32, ()> = [3, 0, u32::MAX, 3].into_iter().collect();
        assert_eq!(set.len(), 3);
        assert!(set.contains(&0) && set.contains(&u32::MAX) && !set.contains(&1));
        let empty: KeyMap<u32, ()> = KeyMap::default();
        assert!(empty.is_empty() && !empty.contains(&7) && empty.get(&7).is_none());
    }
}
