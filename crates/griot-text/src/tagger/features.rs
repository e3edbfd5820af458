//! Word normalisation and hashed perceptron features.
//!
//! Everything here works on hashes computed while walking a word's characters once, so tagging
//! allocates nothing per token. Training and tagging share this code: a feature the trainer
//! weighted is found again only if both sides hash it identically, which is why the hash is
//! named in the weights file and checked on load.

/// Name of the hashing scheme, recorded in the weights file header. Change it whenever anything
/// in this file changes the feature keys (normalisation, templates, constants).
pub const HASH_NAME: &str = "fnv1a64-utf8+splitmix64-combine/v3";

/// Tag slots beyond the Penn tags, used as "previous tag" before the sentence starts.
pub(crate) const START: u8 = 45;
pub(crate) const START2: u8 = 46;

/// Upper bound on the features of one token.
pub(crate) const MAX_FEATURES: usize = 28;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;
/// Seeds that keep the cased and lower-cased hashes of a word apart.
const CASED_SEED: u64 = 0x6a09_e667_f3bc_c909;

#[inline]
fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn fnv_char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    fnv_bytes(h, c.encode_utf8(&mut buf).as_bytes())
}

/// FNV-1a (64-bit) of bytes.
pub(crate) fn fnv1a64_bytes(bytes: &[u8]) -> u64 {
    fnv_bytes(FNV_OFFSET, bytes)
}

/// FNV-1a (64-bit) of a string's UTF-8 bytes.
pub fn fnv1a64(s: &str) -> u64 {
    fnv_bytes(FNV_OFFSET, s.as_bytes())
}

/// The splitmix64 finaliser: FNV alone mixes the last bytes poorly, and feature keys are combined
/// from several hashes, so each combination step goes through a full avalanche.
#[inline]
pub(crate) fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

#[inline]
fn template(t: u8) -> u64 {
    (u64::from(t) + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// Key 0 marks an empty slot in the weight table, so no feature may hash to it.
#[inline]
fn nonzero(x: u64) -> u64 {
    if x == 0 {
        1
    } else {
        x
    }
}

#[inline]
fn feat1(t: u8, a: u64) -> u64 {
    nonzero(mix(a ^ template(t)))
}

#[inline]
fn feat2(t: u8, a: u64, b: u64) -> u64 {
    nonzero(mix(mix(a ^ template(t)) ^ b))
}

/// Shape bits.
const SH_FIRST_UPPER: u8 = 1;
const SH_ALL_UPPER: u8 = 2;
const SH_DIGIT: u8 = 4;
const SH_HYPHEN: u8 = 8;
const SH_PERIOD: u8 = 16;
const SH_LETTER: u8 = 32;
/// Shapes of the sentinels beyond the sentence ends.
const SH_START: u8 = 64;
const SH_END: u8 = 128;

/// What the features need to know of one word, computed once per word.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Tok {
    /// Hash of the normalised, lower-cased word.
    pub lower: u64,
    /// Hash of the normalised word with its case; the tag dictionary's key.
    pub cased: u64,
    pub has_upper: bool,
    pub suf3: u64,
    pub suf2: u64,
    pub pre1: u64,
    pub shape: u8,
    /// Punctuation whose tag is not in doubt.
    pub fixed: Option<u8>,
}

impl Tok {
    fn sentinel(name: &str, shape: u8) -> Tok {
        let h = fnv1a64(name);
        Tok {
            lower: h,
            cased: h,
            has_upper: false,
            suf3: h,
            suf2: h,
            pre1: h,
            shape,
            fixed: None,
        }
    }
}

/// Treebank tag indexes of the punctuation tags fixed by [`fixed_tag`].
mod t {
    use griot_model::PosTag;
    pub const COMMA: u8 = PosTag::Comma as u8;
    pub const PERIOD: u8 = PosTag::Period as u8;
    pub const COLON: u8 = PosTag::Colon as u8;
    pub const OPEN: u8 = PosTag::OpenQuote as u8;
    pub const CLOSE: u8 = PosTag::CloseQuote as u8;
    pub const LRB: u8 = PosTag::LRB as u8;
    pub const RRB: u8 = PosTag::RRB as u8;
    pub const DOLLAR: u8 = PosTag::Dollar as u8;
    pub const HASH: u8 = PosTag::Hash as u8;
}

fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}' | '\u{2212}'
    )
}

/// Whole-token rewrites that bring news typography to the Treebank conventions the corpus uses.
/// Straight `"` is left alone on purpose: it can open or close, and the model learns which from
/// context (training replaces some `` and '' by it).
pub fn normalize_token(word: &str) -> Option<&'static str> {
    Some(match word {
        "\u{201c}" | "\u{201e}" | "\u{ab}" | "``" | "\u{2018}" | "`" | "\u{201b}" => "``",
        "\u{201d}" | "\u{bb}" | "''" => "''",
        "\u{2019}" | "'" | "\u{2bc}" => "'",
        "\u{2026}" => "...",
        "\u{a3}" | "\u{20ac}" | "\u{a5}" | "\u{20a6}" | "US$" => "$",
        "[" | "{" => "(",
        "]" | "}" => ")",
        _ if !word.is_empty() && word.chars().all(is_dash) => "--",
        _ if word.len() > 1 && word.bytes().all(|b| b == b'.') => "...",
        _ => return None,
    })
}

/// Tag of punctuation that is not ambiguous in the Treebank, given the normalised token.
fn fixed_tag(norm: &str) -> Option<u8> {
    match norm {
        "," => Some(t::COMMA),
        ";" | ":" | "--" | "..." => Some(t::COLON),
        "``" => Some(t::OPEN),
        "''" => Some(t::CLOSE),
        "(" => Some(t::LRB),
        ")" => Some(t::RRB),
        "$" => Some(t::DOLLAR),
        "#" => Some(t::HASH),
        _ if !norm.is_empty() && norm.bytes().all(|b| matches!(b, b'.' | b'?' | b'!')) => {
            Some(t::PERIOD)
        }
        _ => None,
    }
}

#[inline]
fn normalize_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{2bc}' | '\u{201b}' => '\'',
        '0'..='9' => '0',
        _ => c,
    }
}

/// Running state of [`analyse`]'s single pass over a word.
struct Walk {
    lower: u64,
    cased: u64,
    last: [char; 3],
    n: usize,
    first: Option<char>,
    has_upper: bool,
    has_lower: bool,
    letters: usize,
    shape: u8,
}

impl Walk {
    fn new() -> Walk {
        Walk {
            lower: FNV_OFFSET,
            cased: FNV_OFFSET ^ CASED_SEED,
            last: ['\0'; 3],
            n: 0,
            first: None,
            has_upper: false,
            has_lower: false,
            letters: 0,
            shape: 0,
        }
    }

    /// One ASCII byte, the common case, without any Unicode table.
    #[inline]
    fn ascii(&mut self, b: u8) {
        let b = if b.is_ascii_digit() { b'0' } else { b };
        let upper = b.is_ascii_uppercase();
        if self.first.is_none() {
            self.first = Some(char::from(b));
            if upper {
                self.shape |= SH_FIRST_UPPER;
            }
        }
        if b.is_ascii_alphabetic() {
            self.letters += 1;
            self.has_upper |= upper;
            self.has_lower |= !upper;
        }
        match b {
            b'0' => self.shape |= SH_DIGIT,
            b'-' => self.shape |= SH_HYPHEN,
            b'.' => self.shape |= SH_PERIOD,
            _ => {}
        }
        self.cased = fnv_bytes(self.cased, &[b]);
        let lc = b.to_ascii_lowercase();
        self.lower = fnv_bytes(self.lower, &[lc]);
        self.last = [self.last[1], self.last[2], char::from(lc)];
        self.n += 1;
    }

    fn char(&mut self, raw: char) {
        let c = normalize_char(raw);
        if let Ok(b) = u8::try_from(c) {
            if b.is_ascii() {
                return self.ascii(b);
            }
        }
        if self.first.is_none() {
            self.first = Some(c);
            if c.is_uppercase() {
                self.shape |= SH_FIRST_UPPER;
            }
        }
        if c.is_alphabetic() {
            self.letters += 1;
            if c.is_uppercase() {
                self.has_upper = true;
            } else if c.is_lowercase() {
                self.has_lower = true;
            }
        }
        self.cased = fnv_char(self.cased, c);
        for lc in c.to_lowercase() {
            self.lower = fnv_char(self.lower, lc);
            self.last = [self.last[1], self.last[2], lc];
            self.n += 1;
        }
    }

    fn finish(mut self, fixed: Option<u8>) -> Tok {
        if self.letters > 0 {
            self.shape |= SH_LETTER;
        }
        if self.has_upper && !self.has_lower && self.letters >= 2 {
            self.shape |= SH_ALL_UPPER;
        }
        let tail = |k: usize| {
            let k = k.min(self.n);
            self.last[3 - k..]
                .iter()
                .fold(FNV_OFFSET ^ k as u64, |h, &c| fnv_char(h, c))
        };
        Tok {
            lower: self.lower,
            cased: self.cased,
            has_upper: self.has_upper,
            suf3: tail(3),
            suf2: tail(2),
            pre1: self.first.map_or(0, |c| fnv_char(FNV_OFFSET, c)),
            shape: self.shape,
            fixed,
        }
    }
}

/// Hashes of a word's normalised forms in one pass over its characters.
pub(crate) fn analyse(word: &str) -> Tok {
    // Words starting with a letter or digit are never rewritten nor punctuation.
    let plain = word
        .as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric);
    let norm = if plain { None } else { normalize_token(word) };
    let text = norm.unwrap_or(word);
    let fixed = if plain { None } else { fixed_tag(text) };
    let mut walk = Walk::new();
    if text.is_ascii() {
        for &b in text.as_bytes() {
            walk.ascii(b);
        }
    } else {
        for c in text.chars() {
            walk.char(c);
        }
    }
    walk.finish(fixed)
}

/// Feature templates; the numbers are part of the hash and must not be reused.
mod tpl {
    pub const BIAS: u8 = 0;
    pub const WORD: u8 = 1;
    pub const CASED: u8 = 2;
    pub const SUF3: u8 = 3;
    pub const SUF2: u8 = 4;
    pub const PRE1: u8 = 5;
    pub const SHAPE: u8 = 6;
    pub const PREV_TAG: u8 = 7;
    pub const PREV2_TAG: u8 = 8;
    pub const PREV_TAGS: u8 = 9;
    pub const PREV_TAG_WORD: u8 = 10;
    pub const PREV_WORD: u8 = 11;
    pub const PREV_SUF3: u8 = 12;
    pub const PREV2_WORD: u8 = 13;
    pub const NEXT_WORD: u8 = 14;
    pub const NEXT_SUF3: u8 = 15;
    pub const NEXT2_WORD: u8 = 16;
    pub const SHAPE_PREV_TAG: u8 = 17;
    pub const SHAPE_NEXT_SHAPE: u8 = 18;
    pub const PREV_WORD_TAG: u8 = 19;
    pub const NEXT_CASED: u8 = 20;
    pub const SUF3_NEXT_SHAPE: u8 = 21;
    pub const VERB_STATE_SUF3: u8 = 22;
    pub const VERB_STATE_WORD: u8 = 23;
}

/// What decoding has decided so far in a sentence, as far as features can see it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct History {
    pub prev: u8,
    pub prev2: u8,
    /// Bit 0: a finite verb or modal since the last clause boundary; bit 1: one anywhere before.
    /// Past tense and participle look alike ("killed"); whether the clause already has its
    /// finite verb is what tells them apart ("Gunmen killed …" / "… soldiers accused of …").
    verbs: u8,
}

impl History {
    pub(crate) fn new() -> History {
        History {
            prev: START,
            prev2: START2,
            verbs: 0,
        }
    }

    pub(crate) fn push(&mut self, tag: u8) {
        use griot_model::PosTag as P;
        const FINITE: [u8; 4] = [P::MD as u8, P::VBD as u8, P::VBZ as u8, P::VBP as u8];
        const BOUNDARY: [u8; 7] = [
            P::CC as u8,
            P::IN as u8,
            P::WDT as u8,
            P::WP as u8,
            P::WRB as u8,
            P::Comma as u8,
            P::Colon as u8,
        ];
        if FINITE.contains(&tag) {
            self.verbs = 3;
        } else if BOUNDARY.contains(&tag) {
            self.verbs &= 2;
        }
        self.prev2 = self.prev;
        self.prev = tag;
    }
}

/// Context sentinels, built once: their hashes never change.
pub(crate) struct Sentinels {
    start: Tok,
    start2: Tok,
    end: Tok,
    end2: Tok,
}

impl Sentinels {
    pub(crate) fn new() -> Sentinels {
        Sentinels {
            start: Tok::sentinel("-START-", SH_START),
            start2: Tok::sentinel("-START2-", SH_START),
            end: Tok::sentinel("-END-", SH_END),
            end2: Tok::sentinel("-END2-", SH_END),
        }
    }
}

/// The features that depend on nothing but the two previous tags (and the bias). The tagger
/// sums their weights once per tag pair when it loads, instead of once per token.
pub(crate) fn tag_pair_keys(prev: u8, prev2: u8) -> [u64; 4] {
    let (prev, prev2) = (u64::from(prev), u64::from(prev2));
    [
        feat1(tpl::BIAS, 0),
        feat1(tpl::PREV_TAG, prev),
        feat1(tpl::PREV2_TAG, prev2),
        feat2(tpl::PREV_TAGS, prev, prev2),
    ]
}

/// Writes the feature keys of token `i` into `out` and returns how many there are, given what
/// was decided for the words before. With `pairs` false, the [`tag_pair_keys`] are left out.
pub(crate) fn extract(
    toks: &[Tok],
    i: usize,
    h: &History,
    pairs: bool,
    s: &Sentinels,
    out: &mut [u64; MAX_FEATURES],
) -> usize {
    let w = &toks[i];
    let p1 = if i >= 1 { &toks[i - 1] } else { &s.start };
    let p2 = if i >= 2 {
        &toks[i - 2]
    } else if i == 1 {
        &s.start
    } else {
        &s.start2
    };
    let n1 = toks.get(i + 1).unwrap_or(&s.end);
    let n2 = toks
        .get(i + 2)
        .unwrap_or(if i + 1 < toks.len() { &s.end } else { &s.end2 });
    let prev = u64::from(h.prev);
    let verbs = u64::from(h.verbs);
    let mut k = 0;
    let mut push = |key: u64| {
        out[k] = key;
        k += 1;
    };
    if pairs {
        for key in tag_pair_keys(h.prev, h.prev2) {
            push(key);
        }
    }
    push(feat1(tpl::WORD, w.lower));
    if w.has_upper {
        push(feat1(tpl::CASED, w.cased));
    }
    push(feat1(tpl::SUF3, w.suf3));
    push(feat1(tpl::SUF2, w.suf2));
    push(feat1(tpl::PRE1, w.pre1));
    push(feat1(tpl::SHAPE, u64::from(w.shape)));
    push(feat2(tpl::PREV_TAG_WORD, prev, w.lower));
    push(feat1(tpl::PREV_WORD, p1.lower));
    push(feat1(tpl::PREV_SUF3, p1.suf3));
    push(feat1(tpl::PREV2_WORD, p2.lower));
    push(feat1(tpl::NEXT_WORD, n1.lower));
    push(feat1(tpl::NEXT_SUF3, n1.suf3));
    push(feat1(tpl::NEXT2_WORD, n2.lower));
    push(feat2(tpl::SHAPE_PREV_TAG, u64::from(w.shape), prev));
    push(feat2(
        tpl::SHAPE_NEXT_SHAPE,
        u64::from(w.shape),
        u64::from(n1.shape),
    ));
    push(feat2(tpl::PREV_WORD_TAG, p1.lower, prev));
    if n1.has_upper {
        push(feat1(tpl::NEXT_CASED, n1.cased));
    }
    push(feat2(tpl::SUF3_NEXT_SHAPE, w.suf3, u64::from(n1.shape)));
    push(feat2(tpl::VERB_STATE_SUF3, verbs, w.suf3));
    push(feat2(tpl::VERB_STATE_WORD, verbs, w.lower));
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a64_matches_the_reference_vectors() {
        assert_eq!(fnv1a64(""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64("foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn curly_and_straight_forms_hash_alike() {
        let a = analyse("country\u{2019}s");
        let b = analyse("country's");
        assert_eq!(a.lower, b.lower);
        assert_eq!(a.suf3, b.suf3);
        assert_eq!(analyse("\u{2019}s").cased, analyse("'s").cased);
        assert_eq!(analyse("\u{201c}").lower, analyse("``").lower);
        assert_eq!(analyse("\u{2014}").lower, analyse("--").lower);
        assert_eq!(analyse("\u{2013}").fixed, Some(t::COLON));
        assert_eq!(analyse("\u{201d}").fixed, Some(t::CLOSE));
        assert_eq!(analyse("\"").fixed, None);
    }

    #[test]
    fn case_and_digits() {
        let a = analyse("General");
        let b = analyse("general");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.cased, b.cased);
        assert!(a.has_upper && !b.has_upper);
        assert_eq!(a.shape & SH_FIRST_UPPER, SH_FIRST_UPPER);
        assert_eq!(analyse("1961").lower, analyse("2024").lower);
        assert_eq!(analyse("NATO").shape & SH_ALL_UPPER, SH_ALL_UPPER);
    }

    #[test]
    fn ascii_and_unicode_paths_agree() {
        // "Ab-9’s" goes the Unicode way; with a straight apostrophe, the ASCII way.
        let a = analyse("Ab-9\u{2019}s");
        let b = analyse("Ab-9's");
        assert_eq!(
            (
                a.lower,
                a.cased,
                a.suf3,
                a.suf2,
                a.pre1,
                a.shape,
                a.has_upper
            ),
            (
                b.lower,
                b.cased,
                b.suf3,
                b.suf2,
                b.pre1,
                b.shape,
                b.has_upper
            )
        );
        assert_eq!(analyse("Ab-0's").lower, b.lower);
        let c = analyse("Élysée");
        assert!(c.has_upper && c.shape & SH_FIRST_UPPER != 0);
        assert_eq!(c.lower, analyse("élysée").lower);
    }

    #[test]
    fn short_words_have_suffixes_of_their_length() {
        let a = analyse("a");
        assert_eq!(a.suf3, a.suf2);
        assert_ne!(analyse("ran").suf3, analyse("ran").suf2);
    }
}
