//! Surface form -> [`NameRef`]s. About 650k forms: a `HashMap<String, Vec<NameRef>>` would spend
//! two heap blocks per form (~60 MB), so keys live in one string arena and all references in
//! one vector, and the hash table holds only key ids.

use std::borrow::Cow;
use std::hash::BuildHasher;

use hashbrown::HashTable;
use rustc_hash::FxBuildHasher;

use super::{Gazetteer, NameRef};

#[derive(Debug, Default)]
pub(super) struct NameIndex {
    table: HashTable<u32>,
    arena: String,
    /// Key id -> (start, end) in `arena`.
    spans: Vec<(u32, u32)>,
    /// Key id -> start in `refs`; one extra entry closes the last range.
    starts: Vec<u32>,
    refs: Vec<NameRef>,
}

/// The key `lookup_folded` uses: lower case (full Unicode), everything else as written.
pub(super) fn fold(s: &str) -> Cow<'_, str> {
    if s.chars().any(char::is_uppercase) {
        Cow::Owned(s.to_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

fn key_at<'a>(arena: &'a str, spans: &[(u32, u32)], id: u32) -> &'a str {
    let (a, b) = spans[id as usize];
    arena.get(a as usize..b as usize).unwrap_or("")
}

/// One surface form while the index is built: its key's hash and place in the staging text.
struct Staged {
    hash: u64,
    start: u32,
    len: u32,
    r: NameRef,
}

impl NameIndex {
    /// Builds the index in hash-table order rather than by probing per form: all keys are
    /// hashed and sorted by the bucket they fall in, so the table fills front to back and equal
    /// keys arrive side by side. Probing for each of ~650k forms in a table of several
    /// megabytes missed the cache almost every time; that was most of the build's cost.
    pub(super) fn build(gaz: &Gazetteer, folded: bool) -> NameIndex {
        let hasher = FxBuildHasher;
        let mut staging = String::new();
        let mut staged: Vec<Staged> = Vec::new();
        for (surface, r) in gaz.names() {
            // Offsets fit in u32: the staging text is the gazetteer's own strings, tens of MB.
            let start = staging.len();
            if !folded {
                staging.push_str(surface);
            } else if surface.is_ascii() {
                staging.push_str(surface);
                staging[start..].make_ascii_lowercase();
            } else {
                staging.push_str(&fold(surface));
            }
            let key = &staging[start..];
            staged.push(Staged {
                hash: hasher.hash_one(key),
                start: start as u32,
                len: key.len() as u32,
                r,
            });
        }
        let text = |e: &Staged| {
            staging
                .get(e.start as usize..(e.start + e.len) as usize)
                .unwrap_or("")
        };

        let mut ix = NameIndex {
            table: HashTable::with_capacity(staged.len()),
            ..NameIndex::default()
        };
        // The table's bucket is the hash's low bits; rotating them to the top makes the sort
        // order the fill order. Guessing the bucket count wrong costs locality, not results.
        let buckets = (staged.len() * 8 / 7).max(1).next_power_of_two();
        let bits = buckets.trailing_zeros();
        // `start` grows in `names()` order, so ties keep a key's references in that order.
        staged.sort_unstable_by_key(|e| (e.hash.rotate_right(bits), e.start));

        ix.refs.reserve(staged.len());
        let mut done: Vec<bool> = Vec::new();
        let mut run = 0;
        while run < staged.len() {
            let hash = staged[run].hash;
            let end = run + staged[run..].iter().take_while(|e| e.hash == hash).count();
            // Within one hash (nearly always one key) take each distinct key in turn. Only
            // then are the strings themselves read: in this order every read is a cache miss.
            done.clear();
            done.resize(end - run, false);
            for i in run..end {
                if done[i - run] {
                    continue;
                }
                let id = ix.spans.len() as u32;
                ix.spans
                    .push((staged[i].start, staged[i].start + staged[i].len));
                ix.starts.push(ix.refs.len() as u32);
                let first = ix.refs.len();
                ix.refs.push(staged[i].r);
                if end - run > 1 {
                    let key = text(&staged[i]);
                    for j in i + 1..end {
                        if !done[j - run] && text(&staged[j]) == key {
                            done[j - run] = true;
                            ix.refs.push(staged[j].r);
                        }
                    }
                }
                let group = &mut ix.refs[first..];
                if group.len() > 1 {
                    // Most likely reading first: countries, then regions, then places by
                    // population.
                    group.sort_by_key(|r| rank(gaz, *r));
                    // A reference repeated for one form (an alias equal to the official
                    // name) is kept once; the same country under two kinds ("Congolese" as
                    // adjective and as people) stays twice, since the kind is information.
                    let mut kept = first;
                    for k in first..ix.refs.len() {
                        let r = ix.refs[k];
                        if !ix.refs[first..kept].contains(&r) {
                            ix.refs[kept] = r;
                            kept += 1;
                        }
                    }
                    ix.refs.truncate(kept);
                }
                // Every key here is new to the table, so no probe for an equal one is needed;
                // the rehash closure never runs since the table was sized up front.
                let (arena, spans) = (&staging, &ix.spans);
                ix.table
                    .insert_unique(hash, id, |&k| hasher.hash_one(key_at(arena, spans, k)));
            }
            run = end;
        }
        ix.starts.push(ix.refs.len() as u32);
        // The staging text becomes the arena: keys point at their first occurrence in it.
        drop(staged);
        ix.arena = staging;
        ix.arena.shrink_to_fit();
        ix.refs.shrink_to_fit();
        ix
    }

    pub(super) fn get(&self, key: &str) -> &[NameRef] {
        let hash = FxBuildHasher.hash_one(key);
        let found = self
            .table
            .find(hash, |&id| key_at(&self.arena, &self.spans, id) == key);
        match found {
            Some(&id) => {
                let (a, b) = (self.starts[id as usize], self.starts[id as usize + 1]);
                &self.refs[a as usize..b as usize]
            }
            None => &[],
        }
    }
}

fn rank(gaz: &Gazetteer, r: NameRef) -> (u8, u32, std::cmp::Reverse<u32>) {
    match r {
        NameRef::Country(i, _) => (0, u32::from(i), std::cmp::Reverse(0)),
        NameRef::Region(i) => (1, i, std::cmp::Reverse(0)),
        NameRef::Place(i) => {
            let pop = gaz.places().get(i as usize).map_or(0, |p| p.population);
            (2, 0, std::cmp::Reverse(pop))
        }
    }
}
