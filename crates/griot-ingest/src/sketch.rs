//! Near-duplicate sketches: MinHash signatures of clean texts, and an LSH index over them.
//!
//! Signatures are stored in a database and compared across runs, so everything that feeds them
//! is fixed: gaoya's `MinHasher32` with the FNV hasher (no random seed per process) and the
//! fixed seed it draws its permutations from. A test pins a known signature so that a change
//! in any of that (a gaoya or rand upgrade) fails loudly instead of silently splitting old and
//! new signatures.

use std::fmt;
use std::sync::LazyLock;

use fnv::FnvBuildHasher;
use gaoya::minhash::{MinHashIndex, MinHasher, MinHasher32};

/// Hashes per signature: an estimate of Jaccard similarity with a standard error of about
/// 0.035 near 0.8.
const HASHES: usize = 128;

/// Words per shingle: long enough that two articles on the same story by different writers
/// share few, short enough that one edited word changes only five.
const SHINGLE_WORDS: usize = 5;

/// Estimated Jaccard similarity of shingle sets at or above which two texts are near-duplicates.
pub const NEAR_DUP_THRESHOLD: f64 = 0.8;

/// LSH bands and rows per band (`BANDS * ROWS == HASHES`).
///
/// 32 bands of 4 rather than the usual 16 of 8, because with 32 bands the index cannot miss a
/// pair the threshold accepts: an estimate of at least 0.8 means at least 103 of 128 hashes are
/// equal, so at most 25 differ; 25 differing hashes can spoil at most 25 of the 32 bands, and
/// any band left whole makes the pair a candidate. With 16 bands of 8, about one pair in
/// fifteen right at the threshold has no whole band and is missed. The price is more false
/// candidates among loosely related texts (a pair at 0.3 is a candidate a fifth of the time),
/// each rejected by one comparison of 128 integers; unrelated news stories share almost no
/// five-word shingles, so they are rarely candidates at all.
const BANDS: usize = 32;
const ROWS: usize = 4;

static HASHER: LazyLock<MinHasher32<FnvBuildHasher>> = LazyLock::new(|| MinHasher32::new(HASHES));

/// A MinHash signature: 128 hashes, or none for a text without words (which matches nothing).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Signature(pub Vec<u32>);

impl Signature {
    /// The hashes as little-endian bytes (512 bytes, or none), for storage.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|h| h.to_le_bytes()).collect()
    }

    /// Reads [`Signature::to_bytes`] back; `None` unless `bytes` holds 0 or 128 hashes, so a
    /// signature of another shape can never be compared with ours.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if !bytes.is_empty() && bytes.len() != HASHES * 4 {
            return None;
        }
        let hashes = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        Some(Signature(hashes))
    }

    /// True for the signature of a text without words.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether this signature can be compared at all.
    fn is_full(&self) -> bool {
        self.0.len() == HASHES
    }
}

/// The signature of a clean text: MinHash over its 5-word shingles, words being runs of
/// letters and digits, lowercased. A text of fewer than 5 words is one shingle of all of them.
pub fn signature(text: &str) -> Signature {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Signature::default();
    }
    // Shingles are hashed as joined strings: `str`'s `Hash` writes only its bytes and a 0xff
    // terminator, the same on every platform, where a slice would also write a `usize` length.
    let shingles: Vec<String> = if words.len() < SHINGLE_WORDS {
        vec![words.join(" ")]
    } else {
        words.windows(SHINGLE_WORDS).map(|w| w.join(" ")).collect()
    };
    Signature(HASHER.create_signature(shingles.iter()))
}

/// The share of equal hashes: an estimate of the Jaccard similarity of the two shingle sets.
/// 0 when either signature is empty (or not of our shape).
pub fn estimated_similarity(a: &Signature, b: &Signature) -> f64 {
    if !a.is_full() || !b.is_full() {
        return 0.0;
    }
    let equal = a.0.iter().zip(&b.0).filter(|(x, y)| x == y).count();
    equal as f64 / HASHES as f64
}

/// Signatures of documents seen so far, for finding a near-duplicate of a new one.
pub struct NearDupIndex {
    index: MinHashIndex<u32, i64>,
}

impl NearDupIndex {
    pub fn new() -> Self {
        NearDupIndex {
            index: MinHashIndex::new(BANDS, ROWS, NEAR_DUP_THRESHOLD),
        }
    }

    /// Adds a document's signature. Empty signatures are not added: they match nothing.
    pub fn insert(&mut self, id: i64, sig: &Signature) {
        // gaoya asserts on the length; ours is checked here so that input never reaches it.
        if sig.is_full() {
            self.index.insert(id, sig.0.clone());
        }
    }

    /// The document whose signature is at least [`NEAR_DUP_THRESHOLD`] similar to `sig`, with
    /// the similarity; among several, the smallest id, whatever order the index keeps them in.
    pub fn find(&self, sig: &Signature) -> Option<(i64, f64)> {
        if !sig.is_full() {
            return None;
        }
        let id = self.index.query_owned(&sig.0).into_iter().min()?;
        let similarity = self
            .index
            .get_signature(&id)
            .map(|stored| estimated_similarity(&Signature(stored.clone()), sig))?;
        Some((id, similarity))
    }

    /// How many documents the index holds.
    pub fn len(&self) -> usize {
        self.index.size()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Default for NearDupIndex {
    fn default() -> Self {
        NearDupIndex::new()
    }
}

impl fmt::Debug for NearDupIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("NearDupIndex")
            .field("len", &self.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_across_runs_and_versions() {
        // Stored signatures are compared with new ones: if this changes, old and new
        // signatures no longer agree and stored ones must be recomputed.
        let sig = signature("Soldiers were arrested in Bamako on Monday, officials said.");
        assert_eq!(sig.0.len(), 128);
        assert_eq!(sig.0[..4], PINNED);
    }

    // gaoya 0.2.2 (rand 0.10, FNV 1.0), computed once and checked in separate processes.
    const PINNED: [u32; 4] = [475_547_751, 154_261_162, 994_849_714, 521_178_040];

    #[test]
    fn words_are_normalised() {
        assert_eq!(
            signature("Troops withdrew"),
            signature("  troops, WITHDREW!")
        );
        assert_ne!(
            signature("Troops withdrew"),
            signature("Troops withdrew today")
        );
    }

    #[test]
    fn empty_text_matches_nothing() {
        let empty = signature(" … — ");
        assert!(empty.is_empty());
        assert_eq!(estimated_similarity(&empty, &empty), 0.0);
        let mut index = NearDupIndex::new();
        index.insert(1, &empty);
        assert!(index.is_empty());
        assert_eq!(index.find(&empty), None);
        assert_eq!(Signature::from_bytes(&[]), Some(empty));
    }

    #[test]
    fn bytes_round_trip_and_shape_is_checked() {
        let sig = signature("Talks between the junta and the rebels resumed in Algiers.");
        let bytes = sig.to_bytes();
        assert_eq!(bytes.len(), 512);
        assert_eq!(bytes[..4], sig.0[0].to_le_bytes());
        assert_eq!(Signature::from_bytes(&bytes), Some(sig));
        assert_eq!(Signature::from_bytes(&bytes[..508]), None);
        assert_eq!(Signature::from_bytes(&[1, 2, 3]), None);
    }

    #[test]
    fn smallest_id_wins() {
        let sig = signature("Talks between the junta and the rebels resumed in Algiers.");
        let mut index = NearDupIndex::new();
        for id in [9, 3, 7] {
            index.insert(id, &sig);
        }
        assert_eq!(index.len(), 3);
        for _ in 0..5 {
            assert_eq!(index.find(&sig), Some((3, 1.0)));
        }
    }

    #[test]
    fn every_pair_at_the_threshold_is_found() {
        // 25 differing hashes (103 of 128 equal, 0.805) in the worst place: one per band.
        let base = Signature((0..128).collect());
        let mut near = base.clone();
        for band in 0..25 {
            near.0[band * ROWS] += 1000;
        }
        assert!(estimated_similarity(&base, &near) >= NEAR_DUP_THRESHOLD);
        let mut index = NearDupIndex::new();
        index.insert(1, &base);
        assert_eq!(index.find(&near).map(|(id, _)| id), Some(1));
        // One more and the estimate is below the threshold: not a near-duplicate.
        near.0[25 * ROWS] += 1000;
        assert!(estimated_similarity(&base, &near) < NEAR_DUP_THRESHOLD);
        assert_eq!(index.find(&near), None);
    }
}
