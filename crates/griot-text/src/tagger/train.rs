//! Averaged perceptron training (Honnibal's "A good POS tagger in about 200 lines", with
//! lazily updated averages), then pruning and 16-bit quantisation into a [`Tagger`].

use super::brown::TaggedSentence;
use super::features::{self, History, Sentinels, Tok, MAX_FEATURES};
use super::{Tagger, TaggerError, N_TAGS};
use griot_model::PosTag;
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Version of the training procedure, written into the weights header.
pub const TRAINER_VERSION: &str = "griot-train-tagger 1";

#[derive(Debug, Clone)]
pub struct TrainConfig {
    pub iterations: usize,
    /// Seeds the sentence shuffles and the typographic augmentation.
    pub seed: u64,
    /// A word enters the tag dictionary when seen this often …
    pub dict_min_count: u32,
    /// … with its most frequent tag at least this share of the time.
    pub dict_min_share: f64,
    /// Features seen fewer times than this in training are dropped from the saved model.
    pub min_feature_count: u32,
    /// Averaged weights smaller than this (in absolute value) are dropped.
    pub min_weight: f32,
    /// Share of `` and '' tokens shown as a straight `"`, and of apostrophes shown as `’`, so the
    /// model learns the typography of news text that the corpus lacks.
    pub typography_share: f64,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            iterations: 10,
            seed: 0x6772_696f_7431,
            dict_min_count: 20,
            dict_min_share: 0.97,
            min_feature_count: 2,
            min_weight: 1.0,
            typography_share: 0.5,
        }
    }
}

/// What training saw, for the trainer's report.
#[derive(Debug, Clone, Default)]
pub struct TrainReport {
    /// Accuracy on the training data during each pass (with the weights as they were then).
    pub pass_accuracy: Vec<f64>,
    pub features_seen: usize,
    pub features_kept: usize,
    pub weights_kept: usize,
    pub dictionary: usize,
    pub scale: f32,
}

/// Correct and total tokens.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn ratio(self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            self.correct as f64 / self.total as f64
        }
    }
}

/// Tags `sentences` and counts agreement with their gold tags.
pub fn evaluate(tagger: &Tagger, sentences: &[TaggedSentence]) -> Accuracy {
    let mut acc = Accuracy::default();
    let mut words: Vec<&str> = Vec::new();
    let mut out = Vec::new();
    for s in sentences {
        words.clear();
        words.extend(s.words.iter().map(String::as_str));
        out.clear();
        tagger.tag(&words, &mut out);
        acc.total += s.tags.len();
        acc.correct += out.iter().zip(&s.tags).filter(|(a, b)| a == b).count();
    }
    acc
}

/// Keys are already uniform 64-bit hashes: hashing them again would only cost time.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = features::fnv1a64_bytes(bytes);
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = x;
    }
}

type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

#[derive(Debug, Clone, Copy)]
struct Acc {
    tag: u8,
    weight: i32,
    total: i64,
    stamp: u64,
}

#[derive(Default)]
struct Perceptron {
    index: KeyMap<u32>,
    weights: Vec<Vec<Acc>>,
    /// Number of training instances so far: the averaging denominator.
    instances: u64,
}

impl Perceptron {
    fn predict(&self, feats: &[u64]) -> u8 {
        let mut scores = [0i64; N_TAGS];
        for key in feats {
            if let Some(&id) = self.index.get(key) {
                for a in &self.weights[id as usize] {
                    scores[usize::from(a.tag)] += i64::from(a.weight);
                }
            }
        }
        let mut best = 0;
        for (i, &s) in scores.iter().enumerate() {
            if s > scores[best] {
                best = i;
            }
        }
        best as u8
    }

    fn update(&mut self, truth: u8, guess: u8, feats: &[u64]) {
        self.instances += 1;
        if truth == guess {
            return;
        }
        let now = self.instances;
        for &key in feats {
            let next = self.weights.len() as u32;
            let id = *self.index.entry(key).or_insert(next);
            if id == next {
                self.weights.push(Vec::new());
            }
            let accs = &mut self.weights[id as usize];
            for (tag, delta) in [(truth, 1), (guess, -1)] {
                let pos = match accs.iter().position(|a| a.tag == tag) {
                    Some(p) => p,
                    None => {
                        accs.push(Acc {
                            tag,
                            weight: 0,
                            total: 0,
                            stamp: now,
                        });
                        accs.len() - 1
                    }
                };
                let a = &mut accs[pos];
                a.total += (now - a.stamp) as i64 * i64::from(a.weight);
                a.stamp = now;
                a.weight += delta;
            }
        }
    }

    /// Averaged weights per feature key.
    fn averaged(&self) -> Vec<(u64, Vec<(u8, f32)>)> {
        let now = self.instances.max(1);
        let mut out = Vec::with_capacity(self.index.len());
        for (&key, &id) in &self.index {
            let pairs = self.weights[id as usize]
                .iter()
                .map(|a| {
                    let total = a.total + (now - a.stamp) as i64 * i64::from(a.weight);
                    (a.tag, (total as f64 / now as f64) as f32)
                })
                .collect();
            out.push((key, pairs));
        }
        out
    }
}

/// Small deterministic generator (splitmix64) so training is reproducible without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        features::mix(self.0)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// A coin toss that depends only on its inputs, so the augmentation of a token is reproducible.
fn coin(seed: u64, pass: usize, sentence: usize, token: usize, share: f64) -> bool {
    let h = features::mix(
        seed ^ features::mix((pass as u64) << 48 ^ (sentence as u64) << 16 ^ token as u64),
    );
    ((h >> 11) as f64 / (1u64 << 53) as f64) < share
}

/// The sentence as training shows it in this pass, closer to news typography than the corpus
/// is: some `` and '' become a straight `"`, some apostrophes `’`, and some closing quotes move
/// after the comma or full stop they precede in Brown (`'' ,` → `, ''`), as American news
/// prints them.
fn show<'a>(
    s: &'a TaggedSentence,
    cfg: &TrainConfig,
    pass: usize,
    si: usize,
    words: &mut Vec<Cow<'a, str>>,
    tags: &mut Vec<PosTag>,
) {
    words.clear();
    tags.clear();
    for (t, (word, &tag)) in s.words.iter().zip(&s.tags).enumerate() {
        let w: Cow<'a, str> = if matches!(tag, PosTag::OpenQuote | PosTag::CloseQuote)
            && matches!(word.as_str(), "``" | "''")
            && coin(cfg.seed, pass, si, t, cfg.typography_share)
        {
            Cow::Borrowed("\"")
        } else if word.contains('\'') && coin(cfg.seed ^ 1, pass, si, t, cfg.typography_share) {
            Cow::Owned(word.replace('\'', "\u{2019}"))
        } else {
            Cow::Borrowed(word.as_str())
        };
        words.push(w);
        tags.push(tag);
    }
    let mut i = 0;
    while i + 1 < words.len() {
        if tags[i] == PosTag::CloseQuote
            && matches!(words[i + 1].as_ref(), "," | "." | "?" | "!")
            && coin(cfg.seed ^ 2, pass, si, i, cfg.typography_share)
        {
            words.swap(i, i + 1);
            tags.swap(i, i + 1);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// Words that (nearly) always carry one tag, keyed by the hash of their cased normalised form.
fn build_dictionary(sentences: &[TaggedSentence], cfg: &TrainConfig) -> KeyMap<u8> {
    let mut counts: KeyMap<[u32; N_TAGS]> = KeyMap::default();
    for s in sentences {
        for (w, &t) in s.words.iter().zip(&s.tags) {
            let tok = features::analyse(w);
            if tok.fixed.is_some() {
                continue;
            }
            counts.entry(tok.cased).or_insert([0; N_TAGS])[t as usize] += 1;
        }
    }
    let mut dict = KeyMap::default();
    for (key, c) in counts {
        let n: u32 = c.iter().sum();
        let (best, &top) = c
            .iter()
            .enumerate()
            .max_by_key(|&(_, v)| *v)
            .unwrap_or((0, &0));
        if n >= cfg.dict_min_count && f64::from(top) / f64::from(n) >= cfg.dict_min_share {
            dict.insert(key, best as u8);
        }
    }
    dict
}

/// Trains a tagger on `sentences`; `progress` is told each pass's number and training accuracy.
pub fn train(
    sentences: &[TaggedSentence],
    cfg: &TrainConfig,
    mut progress: impl FnMut(usize, f64),
) -> Result<(Tagger, TrainReport), TaggerError> {
    let dict = build_dictionary(sentences, cfg);
    let sentinels = Sentinels::new();
    let mut model = Perceptron::default();
    let mut counts: KeyMap<u32> = KeyMap::default();
    let mut report = TrainReport::default();
    let mut rng = Rng(cfg.seed);
    let mut order: Vec<usize> = (0..sentences.len()).collect();
    let mut toks: Vec<Tok> = Vec::new();
    let mut words: Vec<Cow<str>> = Vec::new();
    let mut tags: Vec<PosTag> = Vec::new();
    let mut feats = [0u64; MAX_FEATURES];
    for pass in 0..cfg.iterations {
        rng.shuffle(&mut order);
        let mut acc = Accuracy::default();
        for &si in &order {
            show(&sentences[si], cfg, pass, si, &mut words, &mut tags);
            toks.clear();
            toks.extend(words.iter().map(|w| features::analyse(w)));
            let mut history = History::new();
            for (i, &truth) in tags.iter().enumerate() {
                let truth = truth as u8;
                let guess = if let Some(t) = toks[i].fixed {
                    t
                } else if let Some(&t) = dict.get(&toks[i].cased) {
                    t
                } else {
                    let n = features::extract(&toks, i, &history, true, &sentinels, &mut feats);
                    if pass == 0 {
                        for &f in &feats[..n] {
                            *counts.entry(f).or_insert(0) += 1;
                        }
                    }
                    let guess = model.predict(&feats[..n]);
                    model.update(truth, guess, &feats[..n]);
                    guess
                };
                acc.total += 1;
                acc.correct += usize::from(guess == truth);
                history.push(guess);
            }
        }
        report.pass_accuracy.push(acc.ratio());
        progress(pass + 1, acc.ratio());
    }

    let averaged = model.averaged();
    report.features_seen = averaged.len();
    let mut kept: Vec<(u64, Vec<(u8, f32)>)> = averaged
        .into_iter()
        .filter(|(key, _)| counts.get(key).copied().unwrap_or(0) >= cfg.min_feature_count)
        .map(|(key, pairs)| {
            let pairs = pairs
                .into_iter()
                .filter(|&(_, w)| w.abs() >= cfg.min_weight)
                .collect::<Vec<_>>();
            (key, pairs)
        })
        .filter(|(_, pairs)| !pairs.is_empty())
        .collect();
    // Most frequent features first: the tagger lays weights out in file order, so the ones
    // nearly every token reads share a few cache lines instead of being scattered.
    kept.sort_by_key(|(key, _)| {
        (
            std::cmp::Reverse(counts.get(key).copied().unwrap_or(0)),
            *key,
        )
    });
    let max = kept
        .iter()
        .flat_map(|(_, p)| p.iter().map(|&(_, w)| w.abs()))
        .fold(0f32, f32::max);
    // Map the largest weight to the top of i16; the pruning threshold then still spans
    // hundreds of steps, far finer than the differences that decide a tag.
    let scale = if max > 0.0 {
        f32::from(i16::MAX) / max
    } else {
        1.0
    };
    let quantised: Vec<(u64, Vec<(u8, i16)>)> = kept
        .iter()
        .map(|(key, pairs)| {
            let q = pairs
                .iter()
                .map(|&(t, w)| (t, (w * scale).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|&(_, v)| v != 0)
                .collect::<Vec<_>>();
            (*key, q)
        })
        .filter(|(_, q)| !q.is_empty())
        .collect();
    // The tagger's table tells keys apart by their high 32 bits; of two kept keys that share
    // them, keep the one that weighs more.
    let mut by_fp: HashMap<u32, usize> = HashMap::new();
    let mut drop = vec![false; quantised.len()];
    let mass = |q: &[(u8, i16)]| q.iter().map(|&(_, v)| i64::from(v).abs()).sum::<i64>();
    for (i, (key, q)) in quantised.iter().enumerate() {
        match by_fp.entry((key >> 32) as u32) {
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(i);
            }
            std::collections::hash_map::Entry::Occupied(mut e) => {
                let j = *e.get();
                if mass(q) > mass(&quantised[j].1) {
                    drop[j] = true;
                    e.insert(i);
                } else {
                    drop[i] = true;
                }
            }
        }
    }
    let quantised: Vec<(u64, Vec<(u8, i16)>)> = quantised
        .into_iter()
        .zip(drop)
        .filter(|(_, d)| !d)
        .map(|(f, _)| f)
        .collect();
    let mut dict_pairs: Vec<(u64, u8)> = dict.into_iter().collect();
    dict_pairs.sort_unstable();
    report.features_kept = quantised.len();
    report.weights_kept = quantised.iter().map(|(_, q)| q.len()).sum();
    report.dictionary = dict_pairs.len();
    report.scale = scale;
    let tagger = Tagger::from_parts(&quantised, &dict_pairs, scale)?;
    Ok((tagger, report))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentence(text: &str) -> TaggedSentence {
        let mut words = Vec::new();
        let mut tags = Vec::new();
        for pair in text.split_whitespace() {
            if let Some((w, t)) = pair.rsplit_once('/') {
                words.push(w.to_string());
                tags.push(t.parse::<PosTag>().unwrap_or(PosTag::NN));
            }
        }
        TaggedSentence { words, tags }
    }

    #[test]
    fn learns_a_toy_corpus_and_round_trips_through_bytes() {
        let data: Vec<TaggedSentence> = [
            "the/DT dog/NN runs/VBZ ./.",
            "a/DT cat/NN sleeps/VBZ ./.",
            "the/DT dogs/NNS run/VBP ./.",
            "they/PRP run/VBP fast/RB ./.",
            "I/PRP can/MD run/VB ./.",
        ]
        .iter()
        .map(|s| sentence(s))
        .collect();
        let cfg = TrainConfig {
            iterations: 5,
            dict_min_count: 1000,
            min_feature_count: 1,
            min_weight: 0.0,
            ..TrainConfig::default()
        };
        let (tagger, report) = train(&data, &cfg, |_, _| {}).unwrap();
        assert_eq!(report.pass_accuracy.len(), 5);
        assert_eq!(evaluate(&tagger, &data).ratio(), 1.0);
        let bytes = tagger.to_bytes(&[("source", "toy".to_string())]).unwrap();
        let again = Tagger::from_bytes(&bytes).unwrap();
        assert_eq!(again.info().get("source"), Some("toy"));
        assert_eq!(evaluate(&again, &data).ratio(), 1.0);
        assert_eq!(
            again.to_bytes(&[("source", "toy".to_string())]).unwrap(),
            bytes
        );
    }

    #[test]
    fn shuffles_are_reproducible() {
        let mut a: Vec<u32> = (0..50).collect();
        let mut b = a.clone();
        Rng(7).shuffle(&mut a);
        Rng(7).shuffle(&mut b);
        assert_eq!(a, b);
        assert_ne!(a, (0..50).collect::<Vec<_>>());
    }
}
