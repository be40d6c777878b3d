//! A map keyed by integers (or small keys that hash like them), sharing [`StrMap`]'s table.
//!
//! Why not `HashMap`: as for [`StrMap`], hashbrown compiles its probing, insertion and
//! regrowing once per (key, value) layout. [`IntMap`] keeps its items in a `Vec` and its hash
//! table in the same non-generic [`Index`] as `StrMap`, so only the thin methods that compare
//! keys and move values are generic.
//!
//! [`StrMap`]: super::StrMap

use super::strmap::Index;

/// A key of an [`IntMap`]: compared with `==`, hashed to 32 bits.
pub trait IntKey: Copy + Eq {
    /// The key's hash. Its low bits pick the first slot, so they must depend on every bit of
    /// the key.
    fn hash32(&self) -> u32;
}

/// Mixes a 64-bit word into 32 bits whose low bits depend on every input bit (the high half
/// of a multiplication by the golden ratio, after folding the high half into the low one).
pub fn mix64(x: u64) -> u32 {
    ((x ^ (x >> 29)).wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 32) as u32
}

impl IntKey for u32 {
    fn hash32(&self) -> u32 {
        mix64(u64::from(*self))
    }
}

impl IntKey for usize {
    fn hash32(&self) -> u32 {
        mix64(*self as u64)
    }
}

/// A map from small copyable keys to values, in insertion order.
///
/// It stands in for `HashMap` where module size matters (see the module comment): the items
/// sit in a `Vec` in the order they were first inserted, which is also the order of
/// [`IntMap::values_mut`] (not a hash order). There is no removal. A set is an
/// `IntMap<K, ()>`.
#[derive(Debug, Clone)]
pub struct IntMap<K, V> {
    items: Vec<(K, V)>,
    index: Index,
}

impl<K, V> Default for IntMap<K, V> {
    fn default() -> Self {
        IntMap {
            items: Vec::new(),
            index: Index::default(),
        }
    }
}

impl<K: IntKey, V> IntMap<K, V> {
    /// The id of `key` (hashed `h`), or the empty slot where it would go.
    fn find(&self, key: &K, h: u32) -> Result<usize, usize> {
        let items = &self.items;
        let same = |id: usize| items.get(id).is_some_and(|(k, _)| k == key);
        self.index.find(h, &same)
    }

    /// Sets the value of `key`, returning the old one (the key keeps its place in the order).
    pub fn insert(&mut self, key: K, value: V) -> Option<V> {
        let h = key.hash32();
        match self.find(&key, h) {
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
        let h = key.hash32();
        let id = match self.find(&key, h) {
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
    pub fn get(&self, key: &K) -> Option<&V> {
        let id = self.find(key, key.hash32()).ok()?;
        self.items.get(id).map(|(_, v)| v)
    }

    /// Whether `key` is in the map.
    pub fn contains_key(&self, key: &K) -> bool {
        self.find(key, key.hash32()).is_ok()
    }

    /// Whether `key` is in the map (the name a set's reader expects).
    pub fn contains(&self, key: &K) -> bool {
        self.contains_key(key)
    }
}

impl<K, V> IntMap<K, V> {
    /// Makes room for `more` keys beyond those held, so that inserting them does not regrow.
    pub fn reserve(&mut self, more: usize) {
        self.items.reserve(more);
        self.index.reserve(more);
    }

    /// Values to change, in insertion order.
    pub fn values_mut(&mut self) -> impl Iterator<Item = &mut V> {
        self.items.iter_mut().map(|(_, v)| v)
    }
}

/// A set of the keys (later repeats are dropped).
impl<K: IntKey> FromIterator<K> for IntMap<K, ()> {
    fn from_iter<I: IntoIterator<Item = K>>(keys: I) -> Self {
        let mut set = IntMap::default();
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

    #[test]
    fn random_operations_agree_with_hashmap() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut below = |n: u64| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x % n
        };
        for _ in 0..20 {
            let keys = 1 + below(3000);
            // Spread keys over high and low bits alike.
            let stride = [1, 1 << 20, 1 << 32, 0x1_0001][below(4) as usize];
            let mut ours: IntMap<usize, u64> = IntMap::default();
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
                assert_eq!(ours.items.len(), theirs.len());
            }
            assert_eq!(ours.values_mut().count(), theirs.len());
        }
    }

    #[test]
    fn sets_and_the_empty_map() {
        let set: IntMap<u32, ()> = [3, 0, u32::MAX, 3].into_iter().collect();
        assert_eq!(set.items.len(), 3);
        assert!(set.contains(&0) && set.contains(&u32::MAX) && !set.contains(&1));
        let empty: IntMap<u32, ()> = IntMap::default();
        assert!(empty.items.is_empty() && !empty.contains(&7) && empty.get(&7).is_none());
    }
}
