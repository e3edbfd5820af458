//! Part-of-speech tagging with Penn Treebank tags: an averaged perceptron (Honnibal's design:
//! greedy left to right, the two previous tags as context, a dictionary of unambiguous frequent
//! words), trained by `griot-train-tagger` on the Brown corpus converted to Treebank tokens and
//! tags (see [`brown`]).
//!
//! Weights file: a text header of `key: value` lines (provenance, trainer, feature hash, sizes,
//! held-out accuracy) ended by a blank line, then a deflate-compressed body: magic, the tag names
//! in `PosTag` order, then per feature its 64-bit key and a short list of (tag, i16 weight)
//! pairs, then the tag dictionary, then an FNV-1a checksum of the body.

pub mod brown;
mod features;
pub mod train;

pub use features::HASH_NAME;

use features::{History, Sentinels, Tok, MAX_FEATURES};
use griot_model::PosTag;
use std::cell::RefCell;
use std::io::Read;
use std::sync::OnceLock;

#[derive(Debug, Clone, thiserror::Error)]
pub enum TaggerError {
    #[error("tagger weights are corrupt: {0}")]
    Corrupt(String),
    #[error("tagger weights were hashed with {found:?}, this build hashes with {expected:?}")]
    HashMismatch {
        found: String,
        expected: &'static str,
    },
}

fn corrupt(msg: impl Into<String>) -> TaggerError {
    TaggerError::Corrupt(msg.into())
}

const FORMAT_LINE: &str = "griot-pos-tagger 1";
const BODY_MAGIC: &[u8; 4] = b"GPT1";
const N_TAGS: usize = 45;
/// Values a previous tag can take: the tags and the two sentence-start markers.
const N_PREV: usize = N_TAGS + 2;
/// Bounds for reading untrusted files: the committed weights are far below both.
const MAX_HEADER: usize = 16 * 1024;
const MAX_BODY: u64 = 256 * 1024 * 1024;

/// Marks an empty slot of the dictionary table.
const EMPTY: u32 = u32::MAX;

#[derive(Debug, Clone, Copy)]
struct Slot {
    /// High half of the 64-bit key; the low half chose the slot.
    fp: u32,
    /// The word's tag; [`EMPTY`] if unused.
    value: u32,
}

const EMPTY_SLOT: Slot = Slot {
    fp: 0,
    value: EMPTY,
};

/// The tag dictionary: linear probing over 8-byte slots, keyed like [`FeatureTable`].
#[derive(Debug, Clone)]
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    len: usize,
}

#[inline]
fn fingerprint(key: u64) -> u32 {
    (key >> 32) as u32
}

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (n.saturating_add(n / 2)).next_power_of_two().max(16);
        Table {
            slots: vec![EMPTY_SLOT; size],
            mask: size - 1,
            len: 0,
        }
    }

    /// False if the key's fingerprint is already on its probe path.
    fn insert(&mut self, key: u64, value: u32) -> bool {
        if value == EMPTY {
            return false;
        }
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if slot.value == EMPTY {
                *slot = Slot { fp, value };
                self.len += 1;
                return true;
            }
            if slot.fp == fp {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The value stored for `key`, or [`EMPTY`].
    #[inline]
    fn get(&self, key: u64) -> u32 {
        self.probe(key as usize & self.mask, fingerprint(key))
    }

    #[inline]
    fn probe(&self, mut i: usize, fp: u32) -> u32 {
        loop {
            let slot = self.slots[i];
            if slot.value == EMPTY || slot.fp == fp {
                return slot.value;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A feature's weights as its table slot holds them, in 64 bits. The top two bits tell the
/// kind: up to two (tag, weight) pairs inline (70% of features), so scoring them needs no
/// second memory access; or where a longer run starts in [`Tagger::weights`] and its length.
/// An unused second inline pair is (tag 0, weight 0), which adds nothing.
const KIND_INLINE: u64 = 1 << 62;
const KIND_RUN: u64 = 2 << 62;
const KIND_MASK: u64 = 3 << 62;
const INLINE_MAX: usize = 2;

#[inline]
fn inline_pair(p: u64, k: u32) -> (usize, i32) {
    let bits = p >> (22 * k);
    (
        ((bits >> 16) & 0x3f) as usize,
        i32::from(bits as u16 as i16),
    )
}

fn encode_inline(pairs: &[(u8, i16)]) -> u64 {
    pairs
        .iter()
        .enumerate()
        .fold(KIND_INLINE, |p, (k, &(tag, w))| {
            p | (u64::from(w as u16) | u64::from(tag & 0x3f) << 16) << (22 * k)
        })
}

fn encode_run(start: usize, len: usize) -> u64 {
    KIND_RUN | (start as u64) << 6 | len as u64
}

/// The (tag, weight) pairs of a payload, for writing the file.
fn decode(payload: u64, weights: &[u32]) -> Vec<(u8, i16)> {
    match payload & KIND_MASK {
        KIND_INLINE => (0..INLINE_MAX as u32)
            .map(|k| inline_pair(payload, k))
            .filter(|&(_, w)| w != 0)
            .map(|(t, w)| (t as u8, w as i16))
            .collect(),
        KIND_RUN => {
            let start = ((payload & !KIND_MASK) >> 6) as usize;
            let len = (payload & 0x3f) as usize;
            weights
                .get(start..start + len)
                .unwrap_or(&[])
                .iter()
                .map(|&w| unpack(w))
                .collect()
        }
        _ => Vec::new(),
    }
}

/// Features to weights: open addressing with linear probing over 12-byte slots (fingerprint,
/// payload), so a lookup of a feature the model never saw (most of them) ends within a cache
/// line or two, and the built-in tagger's table stays within L2. Keys are uniform 64-bit
/// hashes: the low bits pick the slot and the high 32 bits tell keys apart. Two kept keys whose
/// fingerprints meet on a probe path are refused at insertion (the trainer keeps fingerprints
/// unique), so a lookup can only go wrong for a feature the model never saw, with odds of about
/// 2^-31 per lookup.
#[derive(Debug, Clone)]
struct FeatureTable {
    /// `[fingerprint, payload low, payload high]`; payload 0 is an empty slot.
    slots: Vec<[u32; 3]>,
    mask: usize,
    len: usize,
}

impl FeatureTable {
    fn with_capacity(n: usize) -> FeatureTable {
        // Between a third and two thirds full: the built-in tagger's 80,000-odd features take
        // 1.5 MB. A table twice as large (emptier) tags markedly slower: it leaves L2.
        let size = (n.saturating_add(n / 2)).next_power_of_two().max(16);
        FeatureTable {
            slots: vec![[0; 3]; size],
            mask: size - 1,
            len: 0,
        }
    }

    #[inline]
    fn payload(slot: &[u32; 3]) -> u64 {
        u64::from(slot[1]) | u64::from(slot[2]) << 32
    }

    fn insert(&mut self, key: u64, payload: u64) -> bool {
        if payload & KIND_MASK == 0 {
            return false;
        }
        let fp = fingerprint(key);
        let mut i = key as usize & self.mask;
        loop {
            let slot = &mut self.slots[i];
            if Self::payload(slot) == 0 {
                *slot = [fp, payload as u32, (payload >> 32) as u32];
                self.len += 1;
                return true;
            }
            if slot[0] == fp {
                return false;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// The payload for `key`, or 0, probing from slot `i`.
    #[inline]
    fn probe(&self, mut i: usize, fp: u32) -> u64 {
        loop {
            let slot = &self.slots[i];
            let p = Self::payload(slot);
            if p == 0 || slot[0] == fp {
                return p;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn get(&self, key: u64) -> u64 {
        self.probe(key as usize & self.mask, fingerprint(key))
    }
}

/// Adds a feature's weights to `scores`.
#[inline]
fn add_weights(payload: u64, weights: &[u32], scores: &mut [i32; N_TAGS]) {
    if payload & KIND_MASK == KIND_INLINE {
        for k in 0..INLINE_MAX as u32 {
            let (tag, w) = inline_pair(payload, k);
            if let Some(s) = scores.get_mut(tag) {
                *s += w;
            }
        }
    } else if payload & KIND_MASK == KIND_RUN {
        let start = ((payload & !KIND_MASK) >> 6) as usize;
        let end = start + (payload & 0x3f) as usize;
        for &w in weights.get(start..end).unwrap_or(&[]) {
            let (tag, value) = unpack(w);
            if let Some(s) = scores.get_mut(usize::from(tag)) {
                *s += i32::from(value);
            }
        }
    }
}

/// A weight in a run, packed in 32 bits: value (i16) in the low half, tag above it.
#[inline]
fn pack(tag: u8, value: i16) -> u32 {
    u32::from(value as u16) | u32::from(tag) << 16
}

#[inline]
fn unpack(w: u32) -> (u8, i16) {
    ((w >> 16) as u8, w as u16 as i16)
}

/// What a weights file says of itself.
#[derive(Debug, Clone, Default)]
pub struct TaggerInfo {
    /// The header lines, as `(key, value)`.
    pub header: Vec<(String, String)>,
    pub features: usize,
    pub weights: usize,
    pub dictionary: usize,
}

impl TaggerInfo {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.header
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

pub struct Tagger {
    table: FeatureTable,
    weights: Vec<u32>,
    dict: Table,
    /// Full keys in file order, with each feature's payload: only for writing the file.
    keys: Vec<(u64, u64)>,
    dict_keys: Vec<(u64, u8)>,
    /// Weights are stored as `round(weight * scale)`.
    scale: f32,
    /// Summed weights of [`features::tag_pair_keys`] for every (previous, before previous) tag.
    pair_scores: Vec<[i32; N_TAGS]>,
    sentinels: Sentinels,
    info: TaggerInfo,
}

impl std::fmt::Debug for Tagger {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Tagger")
            .field("features", &self.table.len)
            .field("weights", &self.info.weights)
            .field("dictionary", &self.dict.len)
            .finish()
    }
}

static BUILTIN_BYTES: &[u8] = include_bytes!("../../data/pos-tagger.bin");
static BUILTIN: OnceLock<Result<Tagger, TaggerError>> = OnceLock::new();

thread_local! {
    /// Per-thread scratch so tagging a sentence allocates nothing once warmed up.
    static SCRATCH: RefCell<Vec<Tok>> = const { RefCell::new(Vec::new()) };
}

impl Tagger {
    /// The tagger trained from the Brown corpus, built into the binary.
    pub fn builtin() -> Result<&'static Tagger, TaggerError> {
        match BUILTIN.get_or_init(|| Tagger::from_bytes(BUILTIN_BYTES)) {
            Ok(t) => Ok(t),
            Err(e) => Err(e.clone()),
        }
    }

    /// Tags `words` (one sentence), appending one tag per word to `out`.
    pub fn tag(&self, words: &[&str], out: &mut Vec<PosTag>) {
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut toks) => self.tag_with(words, &mut toks, out),
            // Only reachable if tagging re-entered itself on this thread; stay correct anyway.
            Err(_) => self.tag_with(words, &mut Vec::new(), out),
        });
    }

    fn tag_with(&self, words: &[&str], toks: &mut Vec<Tok>, out: &mut Vec<PosTag>) {
        toks.clear();
        toks.extend(words.iter().map(|w| features::analyse(w)));
        out.reserve(words.len());
        let mut history = History::new();
        for i in 0..toks.len() {
            let t = self.choose(toks, i, &history);
            out.push(PosTag::from_index(usize::from(t)).unwrap_or(PosTag::NN));
            history.push(t);
        }
    }

    #[inline]
    fn choose(&self, toks: &[Tok], i: usize, history: &History) -> u8 {
        let tok = &toks[i];
        if let Some(t) = tok.fixed {
            return t;
        }
        let t = self.dict.get(tok.cased);
        if t != EMPTY {
            return t as u8;
        }
        let mut feats = [0u64; MAX_FEATURES];
        let n = features::extract(toks, i, history, false, &self.sentinels, &mut feats);
        let feats = &feats[..n];
        // Load every feature's home slot before looking at any: the loads are independent, so
        // their cache misses overlap instead of queueing behind each probe's branches.
        let mut homes = [[0u32; 3]; MAX_FEATURES];
        for (h, &key) in homes.iter_mut().zip(feats) {
            *h = self.table.slots[key as usize & self.table.mask];
        }
        let pair = usize::from(history.prev) * N_PREV + usize::from(history.prev2);
        let mut scores = self.pair_scores.get(pair).copied().unwrap_or([0; N_TAGS]);
        for (h, &key) in homes.iter().zip(feats) {
            let fp = fingerprint(key);
            let p = FeatureTable::payload(h);
            let payload = if p == 0 || h[0] == fp {
                p
            } else {
                self.table.probe((key as usize + 1) & self.table.mask, fp)
            };
            add_weights(payload, &self.weights, &mut scores);
        }
        argmax(&scores)
    }

    /// The header and sizes of the weights this tagger was read from.
    pub fn info(&self) -> &TaggerInfo {
        &self.info
    }

    /// Builds a tagger from trained weights: per feature key its (tag, weight) pairs, and the
    /// dictionary of words (cased-form hash) that always get one tag.
    pub(crate) fn from_parts(
        features: &[(u64, Vec<(u8, i16)>)],
        dict: &[(u64, u8)],
        scale: f32,
    ) -> Result<Tagger, TaggerError> {
        let mut table = FeatureTable::with_capacity(features.len());
        let mut weights = Vec::new();
        let mut keys = Vec::with_capacity(features.len());
        for (key, pairs) in features {
            if pairs.is_empty() || pairs.len() > N_TAGS {
                return Err(corrupt(format!(
                    "feature {key:#x} has {} weights",
                    pairs.len()
                )));
            }
            for &(tag, value) in pairs {
                if usize::from(tag) >= N_TAGS || value == 0 {
                    return Err(corrupt(format!("weight {value} for tag index {tag}")));
                }
            }
            let payload = if pairs.len() <= INLINE_MAX {
                encode_inline(pairs)
            } else {
                let start = weights.len();
                if start + pairs.len() > u32::MAX as usize {
                    return Err(corrupt("too many weights"));
                }
                weights.extend(pairs.iter().map(|&(tag, value)| pack(tag, value)));
                encode_run(start, pairs.len())
            };
            if !table.insert(*key, payload) {
                return Err(corrupt(format!("feature key {key:#x} collides")));
            }
            keys.push((*key, payload));
        }
        let mut dtable = Table::with_capacity(dict.len());
        for &(key, tag) in dict {
            if usize::from(tag) >= N_TAGS {
                return Err(corrupt(format!("dictionary tag index {tag} out of range")));
            }
            if !dtable.insert(key, u32::from(tag)) {
                return Err(corrupt(format!("dictionary key {key:#x} collides")));
            }
        }
        if !scale.is_finite() || scale <= 0.0 {
            return Err(corrupt(format!("weight scale {scale}")));
        }
        let mut pair_scores = vec![[0i32; N_TAGS]; N_PREV * N_PREV];
        for (pair, scores) in pair_scores.iter_mut().enumerate() {
            let (prev, prev2) = ((pair / N_PREV) as u8, (pair % N_PREV) as u8);
            for key in features::tag_pair_keys(prev, prev2) {
                add_weights(table.get(key), &weights, scores);
            }
        }
        let info = TaggerInfo {
            header: Vec::new(),
            features: table.len,
            weights: features.iter().map(|(_, p)| p.len()).sum(),
            dictionary: dtable.len,
        };
        Ok(Tagger {
            table,
            weights,
            dict: dtable,
            keys,
            dict_keys: dict.to_vec(),
            scale,
            pair_scores,
            sentinels: Sentinels::new(),
            info,
        })
    }

    /// Serialises the tagger. `meta` adds header lines (provenance, trainer, accuracy) before
    /// the ones this function writes itself (hash, sizes, body length).
    pub fn to_bytes(&self, meta: &[(&str, String)]) -> Result<Vec<u8>, TaggerError> {
        let mut body = Vec::new();
        body.extend_from_slice(BODY_MAGIC);
        body.push(N_TAGS as u8);
        for tag in PosTag::ALL {
            let name = tag.as_str().as_bytes();
            body.push(name.len() as u8);
            body.extend_from_slice(name);
        }
        body.extend_from_slice(&self.scale.to_le_bytes());
        body.extend_from_slice(&(self.table.len as u32).to_le_bytes());
        body.extend_from_slice(&(self.dict.len as u32).to_le_bytes());
        for &(key, payload) in &self.keys {
            body.extend_from_slice(&key.to_le_bytes());
            let pairs = decode(payload, &self.weights);
            body.push(pairs.len() as u8);
            for (tag, value) in pairs {
                body.push(tag);
                body.extend_from_slice(&value.to_le_bytes());
            }
        }
        for &(key, tag) in &self.dict_keys {
            body.extend_from_slice(&key.to_le_bytes());
            body.push(tag);
        }
        let sum = features::fnv1a64_bytes(&body);
        body.extend_from_slice(&sum.to_le_bytes());

        let mut enc = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut enc, &body)
            .map_err(|e| corrupt(format!("compressing: {e}")))?;
        let packed = enc
            .finish()
            .map_err(|e| corrupt(format!("compressing: {e}")))?;

        let mut header = String::new();
        header.push_str(FORMAT_LINE);
        header.push('\n');
        let own = [
            ("hash", HASH_NAME.to_string()),
            ("features", self.table.len.to_string()),
            ("weights", self.info.weights.to_string()),
            ("tag-dictionary", self.dict.len.to_string()),
            ("body", format!("deflate, {} bytes", packed.len())),
        ];
        for (k, v) in meta
            .iter()
            .map(|(k, v)| (*k, v))
            .chain(own.iter().map(|(k, v)| (*k, v)))
        {
            if k.contains([':', '\n']) || v.contains('\n') || k.is_empty() {
                return Err(corrupt(format!("header line {k:?}: {v:?}")));
            }
            header.push_str(k);
            header.push_str(": ");
            header.push_str(v);
            header.push('\n');
        }
        header.push('\n');
        let mut out = header.into_bytes();
        out.extend_from_slice(&packed);
        Ok(out)
    }

    /// Reads a weights file, checking it thoroughly: a corrupt or truncated file is an error,
    /// never a panic or a silently worse tagger.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, TaggerError> {
        let scan = &bytes[..bytes.len().min(MAX_HEADER)];
        let end = scan
            .windows(2)
            .position(|w| w == b"\n\n")
            .ok_or_else(|| corrupt("no end of header"))?;
        let header =
            std::str::from_utf8(&bytes[..end]).map_err(|_| corrupt("header is not UTF-8"))?;
        let packed = &bytes[end + 2..];
        let mut lines = header.lines();
        if lines.next() != Some(FORMAT_LINE) {
            return Err(corrupt(format!("not a {FORMAT_LINE:?} file")));
        }
        let mut fields = Vec::new();
        for line in lines {
            let (k, v) = line
                .split_once(": ")
                .ok_or_else(|| corrupt(format!("header line {line:?}")))?;
            fields.push((k.to_string(), v.to_string()));
        }
        let field = |key: &str| {
            fields
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
                .ok_or_else(|| corrupt(format!("header has no {key:?}")))
        };
        let hash = field("hash")?;
        if hash != HASH_NAME {
            return Err(TaggerError::HashMismatch {
                found: hash.to_string(),
                expected: HASH_NAME,
            });
        }
        let count = |key: &str| -> Result<usize, TaggerError> {
            field(key)?
                .parse()
                .map_err(|_| corrupt(format!("header {key:?} is not a number")))
        };
        let n_features = count("features")?;
        let n_weights = count("weights")?;
        let n_dict = count("tag-dictionary")?;
        let body_len: usize = field("body")?
            .strip_prefix("deflate, ")
            .and_then(|s| s.strip_suffix(" bytes"))
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| corrupt("header \"body\" is not \"deflate, N bytes\""))?;
        if packed.len() != body_len {
            return Err(corrupt(format!(
                "body is {} bytes, header says {body_len}",
                packed.len()
            )));
        }
        let mut body = Vec::new();
        flate2::read::DeflateDecoder::new(packed)
            .take(MAX_BODY)
            .read_to_end(&mut body)
            .map_err(|e| corrupt(format!("body does not decompress: {e}")))?;
        if body.len() < 8 {
            return Err(corrupt("body too short"));
        }
        let (content, sum) = body.split_at(body.len() - 8);
        let sum = u64::from_le_bytes(sum.try_into().map_err(|_| corrupt("checksum"))?);
        if features::fnv1a64_bytes(content) != sum {
            return Err(corrupt("body checksum mismatch"));
        }
        let mut r = Reader {
            buf: content,
            pos: 0,
        };
        if r.take(4)? != BODY_MAGIC {
            return Err(corrupt("bad body magic"));
        }
        let n_tags = usize::from(r.u8()?);
        if n_tags != N_TAGS {
            return Err(corrupt(format!("{n_tags} tags, expected {N_TAGS}")));
        }
        for tag in PosTag::ALL {
            let len = usize::from(r.u8()?);
            if r.take(len)? != tag.as_str().as_bytes() {
                return Err(corrupt(format!("tag set differs at {tag}")));
            }
        }
        let scale = f32::from_le_bytes(r.array()?);
        let body_features = r.u32()? as usize;
        let body_dict = r.u32()? as usize;
        if body_features != n_features || body_dict != n_dict {
            return Err(corrupt("header and body disagree on sizes"));
        }
        // Each feature takes at least 12 bytes, each entry 9: bounds the allocations below by
        // the input size rather than by numbers read from it.
        if n_features.saturating_mul(12) > content.len() || n_dict.saturating_mul(9) > content.len()
        {
            return Err(corrupt("sizes exceed the body"));
        }
        let mut feats = Vec::with_capacity(n_features);
        let mut total = 0usize;
        for _ in 0..n_features {
            let key = r.u64()?;
            let n = usize::from(r.u8()?);
            let mut pairs = Vec::with_capacity(n);
            for _ in 0..n {
                let tag = r.u8()?;
                let value = i16::from_le_bytes(r.array()?);
                pairs.push((tag, value));
            }
            total += n;
            feats.push((key, pairs));
        }
        if total != n_weights {
            return Err(corrupt("weight count differs from header"));
        }
        let mut dict = Vec::with_capacity(n_dict);
        for _ in 0..n_dict {
            let key = r.u64()?;
            let tag = r.u8()?;
            dict.push((key, tag));
        }
        if r.pos != content.len() {
            return Err(corrupt("trailing bytes in body"));
        }
        let mut tagger = Tagger::from_parts(&feats, &dict, scale)?;
        tagger.info.header = fields;
        Ok(tagger)
    }
}

fn argmax(scores: &[i32; N_TAGS]) -> u8 {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best as u8
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], TaggerError> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.buf.len())
            .ok_or_else(|| corrupt("body truncated"))?;
        let s = &self.buf[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], TaggerError> {
        self.take(N)?
            .try_into()
            .map_err(|_| corrupt("body truncated"))
    }

    fn u8(&mut self) -> Result<u8, TaggerError> {
        Ok(self.array::<1>()?[0])
    }

    fn u32(&mut self) -> Result<u32, TaggerError> {
        Ok(u32::from_le_bytes(self.array()?))
    }

    fn u64(&mut self) -> Result<u64, TaggerError> {
        Ok(u64::from_le_bytes(self.array()?))
    }
}

#[cfg(test)]
mod tests;
