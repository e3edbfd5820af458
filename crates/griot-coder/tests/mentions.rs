//! Mentions on real text: the seed article (bundled in `examples/`) and, when `../shared` is
//! present, every actor of its gold file.

mod common;

use common::{lexicon, read, read_seed};
use griot_coder::{find_mentions, Lexicon};
use griot_model::{Document, Mention, MentionKind};
use std::path::Path;

fn code(text: &str) -> Document {
    let mut doc = read(text, None);
    find_mentions(&mut doc, lexicon());
    doc
}

fn seed() -> Document {
    let mut doc = read_seed(None);
    find_mentions(&mut doc, lexicon());
    doc
}

/// The mention whose text is `text` (the n-th such, from 0).
fn mention<'a>(doc: &'a Document, text: &str, nth: usize) -> &'a Mention {
    doc.mentions
        .iter()
        .filter(|m| m.text == text)
        .nth(nth)
        .unwrap_or_else(|| panic!("no mention {text:?} #{nth}; have {:?}", texts(doc)))
}

fn texts(doc: &Document) -> Vec<&str> {
    doc.mentions.iter().map(|m| m.text.as_str()).collect()
}

fn actors(m: &Mention) -> Vec<(Option<&str>, Option<&str>)> {
    m.actors
        .iter()
        .map(|a| (a.code.as_deref(), a.sector.as_deref()))
        .collect()
}

#[test]
fn seed_article_actors_are_composed_from_their_phrases() {
    let doc = seed();
    let mli_gov = vec![(Some("MLI"), Some("GOV"))];
    assert_eq!(actors(mention(&doc, "Malian authorities", 0)), mli_gov);
    assert_eq!(
        actors(mention(
            &doc,
            "the Moroccan and Malian intelligence agencies",
            0
        )),
        [(Some("MAR"), Some("SPY")), (Some("MLI"), Some("SPY"))]
    );
    assert_eq!(
        actors(mention(&doc, "the Algerian Embassy", 0)),
        [(Some("DZA"), Some("GOV"))]
    );
    let tuareg = mention(&doc, "Tuareg rebels", 0);
    assert_eq!(actors(tuareg), [(Some("MLI"), Some("REB"))]);
    assert_eq!(
        tuareg.actors[0]
            .attributes
            .get("ethnicity")
            .map(String::as_str),
        Some("Tuareg")
    );
    assert_eq!(
        actors(mention(&doc, "the country’s military leaders", 0)),
        [(Some("MLI"), Some("MIL"))]
    );
    assert_eq!(
        actors(mention(&doc, "hundreds of Malians", 0)),
        [(Some("MLI"), Some("CVL"))]
    );
    assert_eq!(
        actors(mention(&doc, "four abducted Moroccan truck drivers", 0)),
        [(Some("MAR"), Some("CVL"))]
    );
}

#[test]
fn seed_article_titled_persons() {
    let doc = seed();
    let general = mention(&doc, "General Abass Dembele", 0);
    assert_eq!(general.kind, MentionKind::Person);
    assert_eq!(actors(general), [(Some("MLI"), Some("MIL"))]);
    let imam = mention(&doc, "Imam Mahmoud Dicko", 0);
    assert_eq!(imam.kind, MentionKind::Person);
    assert_eq!(actors(imam), [(Some("MLI"), Some("REL"))]);
}

#[test]
fn capitals_are_governments_unless_they_are_where_something_happens() {
    let doc = seed();
    // "tensions between Bamako and Algiers"
    let bamako_actor = doc
        .mentions
        .iter()
        .find(|m| m.text == "Bamako" && m.kind == MentionKind::Actor)
        .expect("Bamako as an actor");
    assert_eq!(actors(bamako_actor), [(Some("MLI"), Some("GOV"))]);
    assert!(doc
        .mentions
        .iter()
        .any(|m| m.text == "Algiers" && actors(m) == [(Some("DZA"), Some("GOV"))]));
    // "demonstrated in front of the Algerian Embassy in Bamako"
    let bamako_place = doc
        .mentions
        .iter()
        .find(|m| m.text == "Bamako" && m.kind == MentionKind::Place)
        .and_then(|m| m.place.as_ref())
        .expect("Bamako as a place");
    assert_eq!(bamako_place.geonames_id, Some(2460596));
    assert_eq!(bamako_place.country.as_deref(), Some("MLI"));
    let (lat, lon) = (
        bamako_place.lat.unwrap_or(0.0),
        bamako_place.lon.unwrap_or(0.0),
    );
    assert!(
        (lat - 12.65).abs() < 0.1 && (lon + 8.0).abs() < 0.1,
        "{lat},{lon}"
    );
    let mopti = mention(&doc, "Mopti region", 0)
        .place
        .as_ref()
        .expect("a place");
    assert_eq!(mopti.country.as_deref(), Some("MLI"));
    assert_eq!(mopti.feature.as_deref(), Some("region"));
}

#[test]
fn definite_descriptions_and_pronouns_resolve_to_earlier_mentions() {
    let doc = seed();
    let demonstrators = mention(&doc, "The demonstrators", 0);
    assert_eq!(actors(demonstrators), [(Some("MLI"), Some("CVL"))]);
    let antecedent = demonstrators.antecedent.map(|a| doc.slice(a).to_string());
    assert!(antecedent.is_some(), "resolved to an earlier mention");
    let they = mention(&doc, "They", 0);
    assert_eq!(actors(they), [(Some("MLI"), Some("CVL"))]);
    let it = mention(&doc, "It", 0);
    assert_eq!(
        it.antecedent.map(|a| doc.slice(a)),
        Some("the Algerian regime")
    );
}

#[test]
fn composition_on_other_sentences() {
    let doc = code("Senior Hungarian and Romanian officials agreed on Wednesday.");
    assert_eq!(
        actors(&doc.mentions[0]),
        [(Some("HUN"), Some("GOV")), (Some("ROU"), Some("GOV"))]
    );
    let doc = code("Some 800,000 Iraqi Kurds sought refuge in Germany last month.");
    let kurds = mention(&doc, "Some 800,000 Iraqi Kurds", 0);
    assert_eq!(actors(kurds), [(Some("IRQ"), Some("CVL"))]);
    assert_eq!(
        kurds.actors[0]
            .attributes
            .get("ethnicity")
            .map(String::as_str),
        Some("Kurdish")
    );
    let germany = mention(&doc, "Germany", 0);
    assert_eq!(germany.kind, MentionKind::Place);
    let doc = code("The Turkish government refused to join the US-led war against Iraq.");
    assert_eq!(
        actors(mention(&doc, "The Turkish government", 0)),
        [(Some("TUR"), Some("GOV"))]
    );
    assert_eq!(actors(mention(&doc, "US-led", 0)), [(Some("USA"), None)]);
    // Common words are not places, and verbs are not agents.
    let doc = code("Police said the suspected gunmen were advocating peace.");
    assert_eq!(texts(&doc), ["Police", "the suspected gunmen"]);
}

#[test]
fn user_agent_rows_extend_the_lexicon() {
    let dir = std::env::temp_dir().join(format!("griot-agents-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join("extra.tsv");
    std::fs::write(
        &path,
        "id\tphrase\tkind\tsector\tcode\tattributes\texample\tcounter_example\tnote\n\
         USR-zarbi\tzarbi\tagent\tPRM\tCIV\t\tZarbi fighters guarded the village.\tThe word zarbi alone.\ta made-up militia noun\n",
    )
    .expect("write");
    let lex = Lexicon::load(&[path.as_path()]).expect("extended lexicon loads");
    let mut doc = read("Zarbi attacked the camp.", None);
    find_mentions(&mut doc, &lex);
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        doc.mentions
            .iter()
            .any(|m| actors(m) == [(Some("CIV"), Some("PRM"))]),
        "{:?}",
        doc.mentions
    );
}

/// Every actor of the seed article's gold (../shared/gold/dev/seed-article.doc.jsonl) is found
/// as a mention with the gold country and, where gold has one, the gold sector. Skips when
/// ../shared is absent.
#[test]
fn seed_gold_actors_are_found_with_country_and_sector() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/gold/dev/seed-article.doc.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found (needs ../shared)", path.display());
        return;
    };
    let record: serde_json::Value =
        serde_json::from_str(text.lines().next().unwrap_or("{}")).expect("gold json");
    let doc = seed();
    let mut missing = Vec::new();
    for event in record["events"].as_array().into_iter().flatten() {
        for actor in ["source", "target"]
            .iter()
            .flat_map(|side| event[*side].as_array().into_iter().flatten())
        {
            let (Some(text), Some(code)) = (actor["text"].as_str(), actor["code"].as_str()) else {
                continue;
            };
            let sector = actor["sector"].as_str();
            // Gold uses straight apostrophes; the article curly ones.
            let text = text.replace('\'', "’");
            if !doc.text.contains(&text) {
                continue;
            }
            let found = doc.text.match_indices(&text).any(|(at, _)| {
                let start = doc.text[..at].chars().count();
                let span = griot_model::Span::new(start, start + text.chars().count());
                doc.mentions
                    .iter()
                    .filter(|m| m.span.overlaps(&span))
                    .any(|m| {
                        m.actors.iter().any(|a| {
                            a.code.as_deref() == Some(code)
                                && (sector.is_none() || a.sector.as_deref() == sector)
                        })
                    })
            });
            if !found {
                missing.push(format!("{text} {code} {sector:?}"));
            }
        }
    }
    assert!(missing.is_empty(), "not found: {missing:?}");
}

#[test]
fn well_known_people_carry_their_own_country() {
    // Without the people table each would take the nearest country in the sentence.
    let doc = code("President Bush threatened Russia with sanctions over Georgia.");
    let bush = mention(&doc, "President Bush", 0);
    assert_eq!(bush.kind, MentionKind::Person);
    assert_eq!(actors(bush), [(Some("USA"), Some("GOV"))]);
    let doc = code("Kofi Annan criticised the United States over the war in Iraq.");
    assert_eq!(
        actors(mention(&doc, "Kofi Annan", 0)),
        [(Some("IGO"), Some("GOV"))]
    );
    let doc = code("Moroccan diplomats met Putin in Rabat on Monday.");
    assert_eq!(actors(mention(&doc, "Putin", 0))[0].0, Some("RUS"));
}

#[test]
fn names_after_an_arabic_article_are_names() {
    let doc = code("Fighters of al-Shabaab attacked the base, and al-Qaeda claimed the raid.");
    assert!(texts(&doc).contains(&"al-Qaeda"), "{:?}", texts(&doc));
}

#[test]
fn a_compass_word_before_a_country_names_part_of_it() {
    let doc = code("Israel withdrew its troops from South Lebanon in 2000.");
    assert_eq!(actors(mention(&doc, "South Lebanon", 0))[0].0, Some("LBN"));
    // The possessive names the troops' owner, not the place they left.
    assert_eq!(actors(mention(&doc, "its troops", 0))[0].0, Some("ISR"));
    // A country whose name starts with a compass word is itself.
    let doc = code("Uganda withdrew its troops from South Sudan in 2020.");
    assert_eq!(actors(mention(&doc, "South Sudan", 0))[0].0, Some("SSD"));
}

#[test]
fn days_and_months_are_never_places() {
    // GeoNames lists "Thursday" (an alternate of Thursday Island) and towns named March and
    // May; in news these words are dates.
    let doc = code("The minister spoke on Thursday in Paris. In March and May, troops left Gao.");
    let places: Vec<&str> = doc
        .mentions
        .iter()
        .filter(|m| m.kind == MentionKind::Place)
        .map(|m| m.text.as_str())
        .collect();
    assert_eq!(places, ["Paris", "Gao"]);
}

#[test]
fn official_names_with_a_clitic_and_historical_names() {
    let doc = code(
        "The United States demanded that the Democratic People's Republic of Korea forsake its \
         nuclear program. The PRC rejected a Soviet offer.",
    );
    let dprk = mention(&doc, "Democratic People's Republic of Korea", 0);
    assert_eq!(actors(dprk), [(Some("PRK"), None)]);
    assert_eq!(actors(mention(&doc, "PRC", 0)), [(Some("CHN"), None)]);
    assert_eq!(actors(mention(&doc, "Soviet", 0)), [(Some("RUS"), None)]);
}

#[test]
fn an_organisation_before_a_role_noun_owns_it() {
    // The chunker cuts "[NP EU] [NP foreign ministers]"; the ministers are still the EU's.
    let doc = code("EU foreign ministers demanded the withdrawal of Serbian forces.");
    assert_eq!(
        actors(mention(&doc, "EU foreign ministers", 0)),
        [(Some("IGO"), Some("GOV"))]
    );
    let doc = code("European Community foreign ministers met in Brussels.");
    assert_eq!(
        actors(mention(&doc, "European Community foreign ministers", 0)),
        [(Some("IGO"), Some("GOV"))]
    );
}

#[test]
fn personal_pronouns_take_a_named_person() {
    let doc = code(
        "President Bola Tinubu declined to receive Ghana's President John Mahama in Lagos, \
         saying he would host him in Abuja instead. His spokesman confirmed the decision.",
    );
    // The subject pronoun and the possessive take the sentence's first person; the object
    // pronoun the nearest.
    let he = mention(&doc, "he", 0);
    assert_eq!(
        actors(he),
        [(Some("NGA"), Some("GOV"))],
        "{:#?}",
        doc.mentions
    );
    let him = mention(&doc, "him", 0);
    assert_eq!(
        actors(him),
        [(Some("GHA"), Some("GOV"))],
        "{:#?}",
        doc.mentions
    );
    let his = mention(&doc, "His", 0);
    assert_eq!(
        actors(his),
        [(Some("NGA"), Some("GOV"))],
        "{:#?}",
        doc.mentions
    );
    // No person named before it: "she" stays unresolved rather than taking a country.
    let doc = code("Mali closed its border with Niger. She said nothing.");
    assert!(
        doc.mentions.iter().all(|m| m.text != "She"),
        "{:#?}",
        doc.mentions
    );
}

#[test]
fn what_an_actor_acts_on_does_not_take_its_country() {
    // A verb stands between: the civilians are the place's people, not the attacker's.
    let doc = code("Russian jets bombed Aleppo, killing 20 civilians.");
    assert_eq!(actors(mention(&doc, "20 civilians", 0))[0].0, Some("SYR"));
    // In one phrase the country carries over ("Malian soldiers and police officers").
    let doc = code("Malian soldiers and police officers arrived in the north.");
    assert_eq!(
        actors(mention(&doc, "police officers", 0))[0].0,
        Some("MLI")
    );
}

#[test]
fn a_place_followed_by_its_country_is_looked_up_there() {
    // GeoNames' only "Baga" in the built-in gazetteer is Bagà in Catalonia.
    let doc = code("Boko Haram attacked the village of Baga in Nigeria on Saturday.");
    let baga = mention(&doc, "Baga", 0);
    let place = baga.place.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("NGA"));
    let doc = code("Gunmen attacked Baga, Nigeria, on Monday.");
    let place = mention(&doc, "Baga", 0).place.as_ref().expect("a place");
    assert_eq!(place.country.as_deref(), Some("NGA"));
    // A town the gazetteer has in that country keeps its own entry.
    let doc = code("Gunmen attacked Maiduguri, Nigeria, on Monday.");
    let place = mention(&doc, "Maiduguri", 0)
        .place
        .as_ref()
        .expect("a place");
    assert_eq!(
        (place.country.as_deref(), place.feature.as_deref()),
        (Some("NGA"), Some("city"))
    );
}

#[test]
fn a_role_noun_under_a_possessive_belongs_to_the_owner() {
    let doc = code("Syria was bombed again. Trump ordered his generals to prepare a strike.");
    assert_eq!(actors(mention(&doc, "his generals", 0))[0].0, Some("USA"));
}

#[test]
fn unknown_names_of_places_and_buildings_are_no_people() {
    let doc =
        code("A suicide bombing in the Sinai Peninsula killed 28 soldiers near the Golan Heights.");
    let names = texts(&doc);
    assert!(!names.contains(&"Sinai Peninsula"), "{names:?}");
    assert!(!names.contains(&"Golan Heights"), "{names:?}");
    // A run of unknown capitalised words is still a person.
    let doc = code("Troops detained Amadou Kouyate in Bamako.");
    assert!(texts(&doc).contains(&"Amadou Kouyate"), "{:?}", texts(&doc));
}
