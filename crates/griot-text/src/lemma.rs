//! Lemmas, the way spaCy's English rule lemmatizer finds them, from spaCy's tables.
//!
//! The tables (`data/lemmas.tsv.gz`, made by `scripts/gen-lemmas.py`) are the English lemma
//! tables of spacy-lookups-data 1.0.5 (MIT), which derive from WordNet 3.0 (WordNet licence,
//! reproduced in the file's header). Per part of speech they hold suffix rules, irregular forms
//! (exceptions) and an index of known base forms; a part-of-speech-blind lookup table is the
//! fallback.
//!
//! For an inflected noun, verb, adjective or adverb (NNS, VBD/VBG/VBN/VBZ, JJR/JJS, RBR/RBS):
//! the exception table first, then the first suffix-rule candidate that is a known base form,
//! then the lookup table, then (for `co-founders`) all that for the part after the last hyphen,
//! else the lower-cased word. The word itself being a known base form does not stop the rules,
//! as in spaCy: `troops/NNS` is `troop` although WordNet also lists `troops`. Base-form tags
//! (NN, VB, VBP, JJ, RB) are their own lemma, as in spaCy, which trusts the tagger there rather
//! than guess (`left/JJ` stays `left`). Proper nouns keep their case and form, except that plural
//! demonyms become singular (`Malians` → `Malian`). Everything else is lower-cased. Contractions get spaCy's lemmas (`n't` → `not`,
//! `'s/VBZ` → `be`, `wo/MD` → `will`), with `’` read as `'`.

use flate2::read::GzDecoder;
use griot_model::PosTag;
use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::io::Read;
use std::sync::OnceLock;

const DATA: &[u8] = include_bytes!("../data/lemmas.tsv.gz");

#[derive(Debug, Clone, thiserror::Error)]
pub enum LemmaError {
    #[error("lemma table is corrupt: {0}")]
    Corrupt(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pos {
    Noun,
    Verb,
    Adj,
    Adv,
}

impl Pos {
    const ALL: [Pos; 4] = [Pos::Noun, Pos::Verb, Pos::Adj, Pos::Adv];

    fn name(self) -> &'static str {
        match self {
            Pos::Noun => "noun",
            Pos::Verb => "verb",
            Pos::Adj => "adj",
            Pos::Adv => "adv",
        }
    }

    /// The table an inflected form of this tag is looked up in; `None` for base forms and
    /// closed classes, which are their own lemma.
    fn of_inflected(tag: PosTag) -> Option<Pos> {
        match tag {
            PosTag::NNS => Some(Pos::Noun),
            PosTag::VBD | PosTag::VBG | PosTag::VBN | PosTag::VBZ => Some(Pos::Verb),
            PosTag::JJR | PosTag::JJS => Some(Pos::Adj),
            PosTag::RBR | PosTag::RBS => Some(Pos::Adv),
            _ => None,
        }
    }
}

#[derive(Default)]
struct PosTable {
    /// (suffix, replacement), tried in order.
    rules: Vec<(&'static str, &'static str)>,
    exceptions: FxHashMap<&'static str, &'static str>,
    index: FxHashSet<&'static str>,
}

/// An English lemmatizer over spaCy's lookup tables. Get the built-in one with
/// [`Lemmatizer::builtin`].
pub struct Lemmatizer {
    tables: [PosTable; 4],
    lookup: FxHashMap<&'static str, &'static str>,
}

static TEXT: OnceLock<Result<String, LemmaError>> = OnceLock::new();
static BUILTIN: OnceLock<Result<Lemmatizer, LemmaError>> = OnceLock::new();

impl Lemmatizer {
    /// The lemmatizer over the embedded tables, parsed on first use (a few tens of
    /// milliseconds) and shared afterwards.
    pub fn builtin() -> Result<&'static Lemmatizer, LemmaError> {
        BUILTIN
            .get_or_init(|| {
                // The text lives in its own static so the tables can borrow from it for good.
                let text = TEXT.get_or_init(|| decompress(DATA)).as_ref();
                Lemmatizer::parse(text.map_err(Clone::clone)?)
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Whether lower-case `word` is the base form of a verb the tables know ("hand", "seek").
    pub fn is_base_verb(&self, word: &str) -> bool {
        self.tables[Pos::Verb as usize].index.contains(word)
    }

    /// The lemma of `word` read as `tag` (lower-cased; proper nouns keep their case).
    ///
    /// Borrows `word` when it is its own lemma and needs no lower-casing, and the tables when
    /// the lemma comes from them; allocates only for lower-cased words that are their own lemma
    /// and for hyphenated compounds.
    pub fn lemma<'a>(&self, word: &'a str, tag: PosTag) -> Cow<'a, str> {
        match tag {
            PosTag::NNP => return Cow::Borrowed(word),
            PosTag::NNPS => return self.proper_plural(word),
            _ => {}
        }
        let norm = Normalised::new(word);
        let w = norm.as_str();
        if let Some(lemma) = contraction(w, tag) {
            return Cow::Borrowed(lemma);
        }
        match Pos::of_inflected(tag).and_then(|pos| self.inflected(w, pos)) {
            Some(lemma) => lemma,
            None => norm.into_cow(),
        }
    }

    /// Lemma of a lower-case inflected form, or `None` when the tables do not know it.
    fn inflected(&self, w: &str, pos: Pos) -> Option<Cow<'static, str>> {
        let table = &self.tables[pos as usize];
        if let Some(&lemma) = table.exceptions.get(w) {
            return Some(Cow::Borrowed(lemma));
        }
        for &(old, new) in &table.rules {
            let Some(stem) = w.strip_suffix(old) else {
                continue;
            };
            if stem.is_empty() && new.is_empty() {
                continue;
            }
            if let Some(&lemma) = with_concat(stem, new, |candidate| table.index.get(candidate)) {
                return Some(Cow::Borrowed(lemma));
            }
        }
        if let Some(&lemma) = self.lookup.get(w) {
            return Some(Cow::Borrowed(lemma));
        }
        // WordNet lists few hyphenated forms: inflect the last part (`ex-wives` → `ex-wife`).
        let (head, tail) = w.rsplit_once('-')?;
        if head.is_empty() || tail.is_empty() {
            return None;
        }
        let lemma = self.inflected(tail, pos)?;
        Some(Cow::Owned(format!("{head}-{lemma}")))
    }

    /// Plural proper nouns keep their case; demonyms and other group names become singular
    /// (`Americans`, `Malians`, `Iraqis`, `Shiites`) but names such as `United States`,
    /// `Philippines` or `Times` stay as they are, which the general noun rules would break.
    fn proper_plural<'a>(&self, word: &'a str) -> Cow<'a, str> {
        if let Some(&lemma) = self.lookup.get(word) {
            return Cow::Borrowed(lemma);
        }
        let bytes = word.as_bytes();
        let n = bytes.len();
        let demonym = n >= 5
            && (word.ends_with("ans")
                || word.ends_with("ites")
                || (word.ends_with("is")
                    && bytes[n - 3].is_ascii_alphabetic()
                    && !b"aeiouAEIOU".contains(&bytes[n - 3])));
        if demonym {
            Cow::Borrowed(&word[..n - 1])
        } else {
            Cow::Borrowed(word)
        }
    }

    fn parse(text: &'static str) -> Result<Lemmatizer, LemmaError> {
        #[derive(Clone, Copy, PartialEq)]
        enum Section {
            Rules(Pos),
            Exceptions(Pos),
            Index(Pos),
            Lookup,
        }
        let mut lemmatizer = Lemmatizer {
            tables: Default::default(),
            lookup: FxHashMap::default(),
        };
        let mut section = None;
        let mut seen = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let corrupt = |what: &str| LemmaError::Corrupt(format!("line {}: {what}", i + 1));
            if line.starts_with('#') {
                continue;
            }
            if let Some(header) = line.strip_prefix('@') {
                let (name, pos) = header.split_once('\t').unwrap_or((header, ""));
                let pos = Pos::ALL.into_iter().find(|p| p.name() == pos);
                let next = match (name, pos) {
                    ("rules", Some(p)) => Section::Rules(p),
                    ("exc", Some(p)) => Section::Exceptions(p),
                    ("index", Some(p)) => Section::Index(p),
                    ("lookup", None) if !header.contains('\t') => Section::Lookup,
                    _ => return Err(corrupt(&format!("unknown section {line:?}"))),
                };
                if seen.contains(&next) {
                    return Err(corrupt(&format!("section {line:?} repeated")));
                }
                seen.push(next);
                section = Some(next);
                continue;
            }
            let Some(current) = section else {
                return Err(corrupt("data before the first section"));
            };
            let pair = || match line.split_once('\t') {
                Some((form, lemma))
                    if !form.is_empty() && !lemma.is_empty() && !lemma.contains('\t') =>
                {
                    Ok((form, lemma))
                }
                _ => Err(corrupt(&format!("expected form<TAB>lemma, found {line:?}"))),
            };
            match current {
                Section::Rules(p) => {
                    let rule = line
                        .split_once('\t')
                        .filter(|(_, new)| !new.contains('\t'))
                        .ok_or_else(|| corrupt(&format!("expected old<TAB>new, found {line:?}")))?;
                    lemmatizer.tables[p as usize].rules.push(rule);
                }
                Section::Exceptions(p) => {
                    let (form, lemma) = pair()?;
                    lemmatizer.tables[p as usize].exceptions.insert(form, lemma);
                }
                Section::Index(p) => {
                    if line.is_empty() || line.contains('\t') {
                        return Err(corrupt(&format!("expected one word, found {line:?}")));
                    }
                    lemmatizer.tables[p as usize].index.insert(line);
                }
                Section::Lookup => {
                    let (form, lemma) = pair()?;
                    lemmatizer.lookup.insert(form, lemma);
                }
            }
        }
        // A truncated file would still parse: insist that every table is there and non-empty.
        for p in Pos::ALL {
            let t = &lemmatizer.tables[p as usize];
            if t.rules.is_empty() || t.exceptions.is_empty() || t.index.is_empty() {
                return Err(LemmaError::Corrupt(format!(
                    "{} tables missing or empty",
                    p.name()
                )));
            }
        }
        if lemmatizer.lookup.is_empty() {
            return Err(LemmaError::Corrupt("lookup table missing or empty".into()));
        }
        Ok(lemmatizer)
    }
}

fn decompress(bytes: &[u8]) -> Result<String, LemmaError> {
    let mut text = String::new();
    GzDecoder::new(bytes)
        .read_to_string(&mut text)
        .map_err(|e| LemmaError::Corrupt(format!("cannot decompress: {e}")))?;
    Ok(text)
}

/// Lemmas of clitics and contracted forms, which the word tables do not cover (spaCy sets these
/// in its tokenizer exceptions). `w` is lower-case with `'` for `’`.
fn contraction(w: &str, tag: PosTag) -> Option<&'static str> {
    use PosTag::*;
    Some(match (w, tag) {
        ("n't", _) => "not",
        ("'s", VBZ) | ("'re" | "'m", _) | ("are" | "am" | "is" | "ai", VBP | VBZ) => "be",
        ("'ve", _) | ("'d", VBD) => "have",
        ("'ll", _) | ("wo", MD) => "will",
        ("'d", _) => "would",
        ("ca", MD) => "can",
        ("sha", MD) => "shall",
        ("gon", VBG) => "go",
        _ => return None,
    })
}

/// `a` + `b` handed to `f` without a heap allocation when short, as rule candidates are.
fn with_concat<R>(a: &str, b: &str, f: impl FnOnce(&str) -> R) -> R {
    if b.is_empty() {
        return f(a);
    }
    let mut buf = [0u8; INLINE];
    let n = a.len() + b.len();
    if n <= INLINE {
        buf[..a.len()].copy_from_slice(a.as_bytes());
        buf[a.len()..n].copy_from_slice(b.as_bytes());
        // Two whole strings joined are always UTF-8; the fallback only avoids a panic path.
        if let Ok(s) = std::str::from_utf8(&buf[..n]) {
            return f(s);
        }
    }
    f(&[a, b].concat())
}

const INLINE: usize = 64;

/// A word lower-cased with `’` read as `'`, kept on the stack for short ASCII words so that a
/// lemma found in the tables costs no allocation.
enum Normalised<'a> {
    Same(&'a str),
    Inline([u8; INLINE], usize),
    Owned(String),
}

impl<'a> Normalised<'a> {
    fn new(word: &'a str) -> Self {
        if word.is_ascii() {
            if !word.bytes().any(|b| b.is_ascii_uppercase()) {
                return Normalised::Same(word);
            }
            if word.len() <= INLINE {
                let mut buf = [0u8; INLINE];
                for (dst, src) in buf.iter_mut().zip(word.bytes()) {
                    *dst = src.to_ascii_lowercase();
                }
                return Normalised::Inline(buf, word.len());
            }
        } else if !word.chars().any(|c| c.is_uppercase() || c == '’') {
            return Normalised::Same(word);
        }
        Normalised::Owned(word.to_lowercase().replace('’', "'"))
    }

    fn as_str(&self) -> &str {
        match self {
            Normalised::Same(s) => s,
            // Lower-cased ASCII is still ASCII; the empty fallback is unreachable.
            Normalised::Inline(buf, n) => std::str::from_utf8(&buf[..*n]).unwrap_or_default(),
            Normalised::Owned(s) => s,
        }
    }

    fn into_cow(self) -> Cow<'a, str> {
        match self {
            Normalised::Same(s) => Cow::Borrowed(s),
            Normalised::Inline(..) => Cow::Owned(self.as_str().to_string()),
            Normalised::Owned(s) => Cow::Owned(s),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use PosTag::*;

    fn lemma(word: &str, tag: PosTag) -> String {
        Lemmatizer::builtin().unwrap().lemma(word, tag).into_owned()
    }

    #[test]
    fn real_words() {
        let cases = [
            ("arrested", VBD, "arrest"),
            ("detained", VBN, "detain"),
            ("soldiers", NNS, "soldier"),
            ("decried", VBD, "decry"),
            ("supporting", VBG, "support"),
            ("denounced", VBD, "denounce"),
            ("was", VBD, "be"),
            ("rebels", NNS, "rebel"),
            ("better", JJR, "good"),
            ("left", VBD, "leave"),
            ("left", JJ, "left"),
            ("its", PRPS, "its"),
            ("Malians", NNPS, "Malian"),
            // spaCy's answer: WordNet lists "data" as an irregular plural of "datum".
            ("data", NNS, "datum"),
            ("geese", NNS, "goose"),
            ("troops", NNS, "troop"),
            ("forces", NNS, "force"),
            ("talks", NNS, "talk"),
            ("killed", VBN, "kill"),
            ("fled", VBD, "flee"),
            ("says", VBZ, "say"),
            ("dying", VBG, "die"),
            ("biggest", JJS, "big"),
            ("harder", RBR, "hard"),
        ];
        for (word, tag, want) in cases {
            assert_eq!(lemma(word, tag), want, "{word}/{tag}");
        }
    }

    #[test]
    fn case_and_proper_nouns() {
        assert_eq!(lemma("Arrested", VBD), "arrest");
        assert_eq!(lemma("SOLDIERS", NNS), "soldier");
        assert_eq!(lemma("The", DT), "the");
        assert_eq!(lemma("Bamako", NNP), "Bamako");
        assert_eq!(lemma("US", NNP), "US");
        assert_eq!(lemma("Americans", NNPS), "American");
        assert_eq!(lemma("Iraqis", NNPS), "Iraqi");
        assert_eq!(lemma("Shiites", NNPS), "Shiite");
        for keep in [
            "States",
            "Nations",
            "Philippines",
            "Times",
            "Forces",
            "Emirates",
        ] {
            assert_eq!(lemma(keep, NNPS), keep);
        }
    }

    #[test]
    fn contractions_and_curly_apostrophes() {
        assert_eq!(lemma("n't", RB), "not");
        assert_eq!(lemma("n’t", RB), "not");
        assert_eq!(lemma("'s", VBZ), "be");
        assert_eq!(lemma("’s", VBZ), "be");
        assert_eq!(lemma("’s", POS), "'s");
        assert_eq!(lemma("'re", VBP), "be");
        assert_eq!(lemma("are", VBP), "be");
        assert_eq!(lemma("wo", MD), "will");
        assert_eq!(lemma("ca", MD), "can");
        assert_eq!(lemma("Ca", MD), "can");
        assert_eq!(lemma("could", MD), "could");
        assert_eq!(lemma("have", VBP), "have");
    }

    #[test]
    fn unknown_and_compound_words() {
        assert_eq!(lemma("co-founders", NNS), "co-founder");
        assert_eq!(lemma("ex-wives", NNS), "ex-wife");
        assert_eq!(lemma("U.N.-backed", VBN), "u.n.-back");
        assert_eq!(lemma("blorfed", VBD), "blorfed");
        assert_eq!(lemma("", NN), "");
        assert_eq!(lemma("-", NNS), "-");
        assert_eq!(lemma("Éléphants", NNS), "éléphants");
        assert_eq!(lemma("CAFÉS", NNS), "café");
    }

    #[test]
    fn borrows_when_it_can() {
        let l = Lemmatizer::builtin().unwrap();
        assert!(matches!(l.lemma("soldier", NN), Cow::Borrowed("soldier")));
        assert!(matches!(l.lemma("the", DT), Cow::Borrowed(_)));
        assert!(matches!(l.lemma("soldiers", NNS), Cow::Borrowed("soldier")));
        assert!(matches!(l.lemma("Soldiers", NNS), Cow::Borrowed("soldier")));
        assert!(matches!(l.lemma("Malians", NNPS), Cow::Borrowed("Malian")));
        assert!(matches!(l.lemma("The", DT), Cow::Owned(_)));
    }

    fn leak(text: &str) -> &'static str {
        Box::leak(text.to_string().into_boxed_str())
    }

    const MINIMAL: &str = "# header\n\
        @rules\tnoun\ns\t\n@rules\tverb\ned\t\n@rules\tadj\ner\t\n@rules\tadv\n\t\n\
        @exc\tnoun\ngeese\tgoose\n@exc\tverb\nwas\tbe\n@exc\tadj\nbetter\tgood\n@exc\tadv\nbest\twell\n\
        @index\tnoun\nsoldier\n@index\tverb\narrest\n@index\tadj\nbig\n@index\tadv\nfast\n\
        @lookup\nmice\tmouse\n";

    #[test]
    fn a_minimal_table_parses() {
        let l = Lemmatizer::parse(MINIMAL).unwrap();
        assert_eq!(l.lemma("soldiers", NNS), "soldier");
        assert_eq!(l.lemma("arrested", VBD), "arrest");
        assert_eq!(l.lemma("mice", NNS), "mouse");
    }

    #[test]
    fn corrupt_tables_are_errors() {
        let broken = [
            MINIMAL.replace("@rules\tadv\n", "@rulez\tadv\n"),
            MINIMAL.replace("@exc\tverb\n", "@exc\tverbs\n"),
            MINIMAL.replace("geese\tgoose", "geese goose"),
            MINIMAL.replace("geese\tgoose", "geese\t"),
            MINIMAL.replace("soldier\n", "soldier\textra\n"),
            MINIMAL.replace("mice\tmouse", "mice\tmouse\textra"),
            MINIMAL.replace("# header\n", "stray\n"),
            MINIMAL.replace("@lookup\nmice\tmouse\n", ""),
            MINIMAL.replace("@index\tadv\nfast\n", ""),
            format!("{MINIMAL}@rules\tnoun\nies\ty\n"),
        ];
        for text in broken {
            assert!(Lemmatizer::parse(leak(&text)).is_err(), "accepted:\n{text}");
        }
        assert!(decompress(b"not gzip at all").is_err());
        let mut truncated = DATA[..DATA.len() / 2].to_vec();
        truncated.extend_from_slice(&[0; 16]);
        assert!(decompress(&truncated).is_err());
    }

    /// Throughput on a news-like mix of tags; run with
    /// `cargo test --release -p griot-text -- --ignored lemma_throughput --nocapture`.
    #[test]
    #[ignore]
    fn lemma_throughput() {
        let start = std::time::Instant::now();
        let l = Lemmatizer::builtin().unwrap();
        eprintln!("tables loaded in {:?}", start.elapsed());
        let tokens = [
            ("The", DT),
            ("soldiers", NNS),
            ("arrested", VBD),
            ("two", CD),
            ("Malian", JJ),
            ("rebels", NNS),
            ("in", IN),
            ("Gao", NNP),
            (",", Comma),
            ("officials", NNS),
            ("said", VBD),
            ("on", IN),
            ("Tuesday", NNP),
            ("after", IN),
            ("protesters", NNS),
            ("were", VBD),
            ("detained", VBN),
            ("and", CC),
            ("it", PRP),
            ("'s", VBZ),
            ("fighting", VBG),
            (".", Period),
        ];
        let n = 2_000_000;
        let start = std::time::Instant::now();
        let mut bytes = 0usize;
        for (word, tag) in tokens.iter().cycle().take(n) {
            bytes += l.lemma(std::hint::black_box(word), *tag).len();
        }
        let rate = n as f64 / start.elapsed().as_secs_f64();
        eprintln!("{rate:.0} tokens/s ({bytes} bytes of lemmas)");
        assert!(rate > 1_000_000.0, "{rate:.0} tokens/s");
    }
}
