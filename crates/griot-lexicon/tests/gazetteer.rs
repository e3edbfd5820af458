//! The built-in gazetteer resolves what the Sahel and Syria news the project codes actually
//! names, and user-supplied files fail with the file and line of the bad row.

use std::io::Write;
use std::path::PathBuf;

use griot_lexicon::gazetteer::{
    Gazetteer, GazetteerError, NameKind, NameRef, Named, PlaceEntry, RowProblem,
};

fn gaz() -> &'static Gazetteer {
    Gazetteer::builtin().expect("built-in gazetteer loads")
}

/// The ISO alpha-3 codes of the countries `surface` names with this kind.
fn countries_as(surface: &str, kind: NameKind) -> Vec<&'static str> {
    let g = gaz();
    g.lookup(surface)
        .iter()
        .filter_map(|r| match *r {
            NameRef::Country(i, k) if k == kind => {
                Some(g.countries()[usize::from(i)].iso3.as_str())
            }
            _ => None,
        })
        .collect()
}

/// The places `surface` names, as (geonames id, country).
fn places_named(surface: &str) -> Vec<(u32, String)> {
    let g = gaz();
    g.lookup(surface)
        .iter()
        .filter_map(|r| match g.resolve(*r) {
            Some(Named::Place(p)) => Some((p.geonames_id, p.country.to_string())),
            _ => None,
        })
        .collect()
}

#[test]
fn bamako_is_a_place_and_malis_capital() {
    let g = gaz();
    let bamako = g.place(2460596).expect("Bamako by GeoNames id");
    assert_eq!(bamako.name(), "Bamako");
    assert_eq!(bamako.country, "MLI");
    assert!((bamako.lat - 12.65).abs() < 0.1, "lat {}", bamako.lat);
    assert!((bamako.lon - -8.0).abs() < 0.1, "lon {}", bamako.lon);
    assert!(places_named("Bamako").contains(&(2460596, "MLI".to_owned())));

    let mali = g.country("MLI").expect("Mali");
    assert_eq!(mali.name, "Mali");
    assert_eq!(mali.capital.as_deref(), Some("Bamako"));
    assert_eq!(mali.capital_geonames_id, Some(2460596));
    assert_eq!(countries_as("Bamako", NameKind::Capital), ["MLI"]);
    assert_eq!(
        g.country_by_iso2("ml").map(|c| c.iso3.as_str()),
        Some("MLI")
    );

    let district = g.region_of(bamako).expect("Bamako's region");
    assert_eq!(district.name, "Bamako");
    assert_eq!(district.country, "MLI");
}

#[test]
fn demonyms_name_their_countries() {
    for (adjective, iso3) in [
        ("Malian", "MLI"),
        ("Algerian", "DZA"),
        ("Moroccan", "MAR"),
        ("Sahrawi", "ESH"),
        ("Ivorian", "CIV"),
        ("American", "USA"),
        ("British", "GBR"),
        ("French", "FRA"),
        ("Emirati", "ARE"),
        ("Palestinian", "PSE"),
        ("Israeli", "ISR"),
        ("Saudi", "SAU"),
    ] {
        assert_eq!(
            countries_as(adjective, NameKind::Adjective),
            [iso3],
            "{adjective}"
        );
    }
    // Two countries are Congolese; "French" is not also claimed by France's territories.
    let mut congolese = countries_as("Congolese", NameKind::Adjective);
    congolese.sort();
    assert_eq!(congolese, ["COD", "COG"]);

    assert_eq!(countries_as("Malians", NameKind::People), ["MLI"]);
    assert_eq!(countries_as("Algerians", NameKind::People), ["DZA"]);
    assert_eq!(countries_as("Britons", NameKind::People), ["GBR"]);
    assert!(countries_as("Kurdish", NameKind::Adjective).is_empty());
}

#[test]
fn news_names_of_countries() {
    for (surface, iso3) in [
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("DRC", "COD"),
        ("DR Congo", "COD"),
        ("Congo-Kinshasa", "COD"),
        ("the US", "USA"),
        ("US", "USA"),
        ("U.S.", "USA"),
        ("USA", "USA"),
        ("United States of America", "USA"),
        ("UK", "GBR"),
        ("U.K.", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Russian Federation", "RUS"),
        ("Burma", "MMR"),
        ("Palestinian territories", "PSE"),
        ("Czech Republic", "CZE"),
        ("Türkiye", "TUR"),
        ("Swaziland", "SWZ"),
        ("Vatican", "VAT"),
    ] {
        let g = gaz();
        let found: Vec<&str> = g
            .lookup(surface)
            .iter()
            .filter_map(|r| match *r {
                NameRef::Country(i, NameKind::Name | NameKind::Alias) => {
                    Some(g.countries()[usize::from(i)].iso3.as_str())
                }
                _ => None,
            })
            .collect();
        assert_eq!(found, [iso3], "{surface}");
    }
    assert_eq!(countries_as("Russia", NameKind::Name), ["RUS"]);
    assert_eq!(countries_as("Ivory Coast", NameKind::Name), ["CIV"]);
}

#[test]
fn cameo_codes_map_to_iso() {
    let g = gaz();
    assert_eq!(g.iso3_of_cameo("JAP"), Some("JPN"));
    assert_eq!(g.iso3_of_cameo("ITL"), Some("ITA"));
    assert_eq!(g.iso3_of_cameo("LEB"), Some("LBN"));
    assert_eq!(g.iso3_of_cameo("KSV"), Some("XKX"));
    assert_eq!(g.iso3_of_cameo("USA"), Some("USA"));
    assert_eq!(g.iso3_of_cameo("mli"), Some("MLI"));
    assert_eq!(g.iso3_of_cameo("IGO"), None);
    assert_eq!(g.iso3_of_cameo("JAPGOV"), None);
    assert_eq!(
        g.country("JPN").and_then(|c| c.cameo.as_deref()),
        Some("JAP")
    );
}

#[test]
fn mopti_region_and_its_generic_forms() {
    let g = gaz();
    let mopti = g
        .regions()
        .iter()
        .find(|r| r.country == "MLI" && r.name == "Mopti")
        .expect("Mali's Mopti region");
    assert!(mopti.aliases.iter().any(|a| a == "Mopti region"));
    assert_eq!(mopti.iso_code.as_deref(), Some("ML-5"));
    for form in ["Mopti region", "Mopti Region"] {
        let hits = g.lookup(form);
        assert!(
            hits.iter()
                .any(|r| matches!(g.resolve(*r), Some(Named::Region(x)) if x == mopti)),
            "{form}: {hits:?}"
        );
    }
    // "Mopti" alone names the region and the town.
    let kinds: Vec<_> = g
        .lookup("Mopti")
        .iter()
        .filter_map(|r| {
            g.country_of(*r)
                .map(|c| (c.iso3.as_str(), std::mem::discriminant(r)))
        })
        .collect();
    assert!(kinds.len() >= 2, "{kinds:?}");
    let idlib = g.lookup("Idlib Governorate");
    assert!(
        idlib
            .iter()
            .any(|r| matches!(g.resolve(*r), Some(Named::Region(x)) if x.country == "SYR")),
        "{idlib:?}"
    );
}

#[test]
fn sahel_and_syria_towns_resolve() {
    for (surface, iso3) in [
        ("Kidal", "MLI"),
        ("Tessalit", "MLI"),
        ("Ménaka", "MLI"),
        ("Menaka", "MLI"),
        ("Aguelhok", "MLI"),
        ("Aguelhoc", "MLI"),
        ("Aguel'hoc", "MLI"),
        ("Gao", "MLI"),
        ("Timbuktu", "MLI"),
        ("Tombouctou", "MLI"),
        ("Mopti", "MLI"),
        ("Tamanrasset", "DZA"),
        ("Tamanghasset", "DZA"),
        ("Algiers", "DZA"),
        ("Rabat", "MAR"),
        ("Idlib", "SYR"),
        ("Raqqa", "SYR"),
        ("Ar-Raqqah", "SYR"),
        ("Manbij", "SYR"),
        ("Afrin", "SYR"),
        ("Kobane", "SYR"),
        ("Ayn al-Arab", "SYR"),
    ] {
        let found = places_named(surface);
        assert!(
            found.iter().any(|(_, c)| c == iso3),
            "{surface} should name a place in {iso3}: {found:?}"
        );
    }
}

#[test]
fn both_tripolis_most_populous_first() {
    let countries: Vec<String> = places_named("Tripoli")
        .into_iter()
        .map(|(_, c)| c)
        .collect();
    let lby = countries
        .iter()
        .position(|c| c == "LBY")
        .expect("Tripoli, Libya");
    let lbn = countries
        .iter()
        .position(|c| c == "LBN")
        .expect("Tripoli, Lebanon");
    assert!(lby < lbn, "{countries:?}");
}

#[test]
fn folded_lookup_ignores_case_only() {
    let g = gaz();
    let mli = |hits: &[NameRef]| {
        hits.iter()
            .any(|r| g.country_of(*r).is_some_and(|c| c.iso3 == "MLI"))
    };
    assert!(mli(g.lookup_folded("MALI")));
    assert!(mli(g.lookup_folded("malians")));
    assert!(g.lookup("MALI").is_empty());
    assert!(g
        .lookup_folded("THE US")
        .iter()
        .any(|r| g.country_of(*r).is_some_and(|c| c.iso3 == "USA")));
}

#[test]
fn names_cover_every_kind() {
    let g = gaz();
    let mali = g.countries().iter().position(|c| c.iso3 == "MLI").unwrap() as u16;
    let forms: Vec<(&str, NameRef)> = g
        .names()
        .filter(|(_, r)| matches!(r, NameRef::Country(i, _) if *i == mali))
        .collect();
    for (surface, kind) in [
        ("Mali", NameKind::Name),
        ("Republic of Mali", NameKind::Alias),
        ("Malian", NameKind::Adjective),
        ("Malians", NameKind::People),
        ("Bamako", NameKind::Capital),
    ] {
        assert!(
            forms.contains(&(surface, NameRef::Country(mali, kind))),
            "{surface} {kind:?}"
        );
    }
    let total = g.names().count();
    assert!(total > g.places().len(), "{total}");
}

#[test]
fn data_sizes_are_plausible() {
    let g = gaz();
    assert!((249..=260).contains(&g.countries().len()));
    assert!(g.regions().len() > 3_000);
    assert!(g.places().len() > 150_000);
    for p in g.places().iter().step_by(997) {
        assert!(!p.name().is_empty());
        assert!(p.alternates().count() <= 10, "{p:?}");
        assert!(p.ascii().is_ascii(), "{p:?}");
        assert!(g.country(&p.country).is_some());
    }
    assert_eq!(g.place(0), None);
}

/// Every country code in the PLOVER gold standard's events is a country this gazetteer knows,
/// directly or through its CAMEO code.
#[test]
fn gold_country_codes_are_known() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/gold/dev/plover-gsr.dev.jsonl");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} is not there", path.display());
        return;
    };
    // International and non-state actor codes, not countries.
    const NOT_COUNTRIES: [&str; 6] = ["IGO", "NGO", "IMG", "UNO", "MNC", "INT"];
    let g = gaz();
    let mut checked = 0;
    let mut unknown = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let record: serde_json::Value = serde_json::from_str(line).expect("gold line is JSON");
        for event in record["events"].as_array().into_iter().flatten() {
            for side in ["source", "target"] {
                for actor in event[side].as_array().into_iter().flatten() {
                    let Some(code) = actor["code"].as_str() else {
                        continue;
                    };
                    let is_code = code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase());
                    if !is_code || NOT_COUNTRIES.contains(&code) {
                        continue;
                    }
                    checked += 1;
                    if g.country(code).is_none() && g.iso3_of_cameo(code).is_none() {
                        unknown.push(code.to_owned());
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} codes checked");
    assert!(unknown.is_empty(), "unknown gold codes: {unknown:?}");
}

const COUNTRIES: &str = "# test countries\n\
ML\tMLI\tMali\tRepublic of Mali\t\tMalian\tMalians\tBamako\t2460596\t12.65\t-8\t17\t-4\t2453866\t\t\n\
JP\tJPN\tJapan\tJapan\tNippon\tJapanese\tJapanese\tTokyo\t\t\t\t36\t138\t\tJAP\t\n";
const REGIONS: &str = "ML\t04\tML-5\tMopti\tRegion\tMopti region\t2453347\t\t\n";
const PLACES: &str = "# id name ascii alternates lat lon country admin1 population\n\
2453348\tMopti\t\tMoptis\t14.4843\t-4.18296\tMLI\t04\t186187\n\
2460596\tBamako\t\tBamaco|Bamakas\t12.60915\t-7.97522\tMLI\t01\t4227569\n";

fn line_of(e: &GazetteerError) -> Option<(&str, usize)> {
    match e {
        GazetteerError::BadRow { file, line, .. } => Some((file.as_str(), *line)),
        GazetteerError::NotUtf8 { file, line } => Some((file.as_str(), *line)),
        _ => None,
    }
}

#[test]
fn user_sources_load_plain_and_gzip() {
    let regions = REGIONS.replace("ML\t04", "MLI\t04");
    let plain = Gazetteer::from_sources(COUNTRIES, &regions, PLACES.as_bytes()).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PLACES.as_bytes()).unwrap();
    let zipped = Gazetteer::from_sources(COUNTRIES, &regions, &gz.finish().unwrap()[..]).unwrap();
    for g in [&plain, &zipped] {
        assert_eq!(g.countries().len(), 2);
        assert_eq!(g.places().len(), 2);
        assert_eq!(g.place(2460596).map(PlaceEntry::name), Some("Bamako"));
        assert_eq!(g.iso3_of_cameo("JAP"), Some("JPN"));
        assert_eq!(g.lookup("Bamaco"), [NameRef::Place(1)]);
        assert_eq!(g.lookup("Mopti region"), [NameRef::Region(0)]);
        assert_eq!(g.country("JPN").map(|c| c.capital_lat), Some(None));
    }
}

#[test]
fn unsorted_places_still_found_by_id() {
    let regions = REGIONS.replace("ML\t04", "MLI\t04");
    let mut lines: Vec<&str> = PLACES.lines().collect();
    lines.swap(1, 2);
    let g = Gazetteer::from_sources(COUNTRIES, &regions, lines.join("\n").as_bytes()).unwrap();
    assert_eq!(g.place(2453348).map(PlaceEntry::name), Some("Mopti"));
    assert_eq!(g.place(2460596).map(PlaceEntry::name), Some("Bamako"));
    assert_eq!(g.place(1), None);
}

#[test]
fn corrupt_rows_report_file_and_line() {
    let regions = REGIONS.replace("ML\t04", "MLI\t04");
    let load = |c: &str, r: &str, p: &str| Gazetteer::from_sources(c, r, p.as_bytes());

    // A missing field on line 3 of the places.
    let bad = PLACES.replace("\t4227569", "");
    let e = load(COUNTRIES, &regions, &bad).unwrap_err();
    assert_eq!(line_of(&e), Some(("places", 3)), "{e}");
    assert!(matches!(
        e,
        GazetteerError::BadRow {
            problem: RowProblem::FieldCount {
                expected: 9,
                found: 8
            },
            ..
        }
    ));

    // A latitude out of range.
    let e = load(COUNTRIES, &regions, &PLACES.replace("14.4843", "114.4843")).unwrap_err();
    assert_eq!(line_of(&e), Some(("places", 2)), "{e}");
    assert!(e.to_string().contains("114.4843"), "{e}");

    // A place in a country the countries file lacks.
    let e = load(
        COUNTRIES,
        &regions,
        &PLACES.replace("\tMLI\t01", "\tNER\t01"),
    )
    .unwrap_err();
    assert!(
        matches!(&e, GazetteerError::BadRow { line: 3, problem: RowProblem::UnknownCountry(c), .. } if c == "NER"),
        "{e}"
    );

    // The same GeoNames id twice.
    let e = load(COUNTRIES, &regions, &PLACES.replace("2460596", "2453348")).unwrap_err();
    assert!(
        matches!(
            &e,
            GazetteerError::BadRow {
                line: 3,
                problem: RowProblem::Duplicate { first_line: 2, .. },
                ..
            }
        ),
        "{e}"
    );

    // A region with an unknown country code (the regions file has no header line).
    let e = load(COUNTRIES, REGIONS, PLACES).unwrap_err();
    assert_eq!(line_of(&e), Some(("regions", 1)), "{e}");

    // A country row with a bad GeoNames id, and a duplicate ISO code.
    let e = load(&COUNTRIES.replace("\t2453866\t", "\tx\t"), &regions, PLACES).unwrap_err();
    assert_eq!(line_of(&e), Some(("countries", 2)), "{e}");
    let twice = format!("{COUNTRIES}ML\tMLI\tMali again\t\t\t\t\t\t\t\t\t\t\t\t\t\n");
    let e = load(&twice, &regions, PLACES).unwrap_err();
    assert_eq!(line_of(&e), Some(("countries", 4)), "{e}");

    // Bytes that are not UTF-8 on line 3, and a gzip stream cut short.
    let mut bytes = PLACES.as_bytes().to_vec();
    let at = PLACES.find("Bamako").unwrap();
    bytes[at] = 0xff;
    let e = Gazetteer::from_sources(COUNTRIES, &regions, &bytes[..]).unwrap_err();
    assert_eq!(line_of(&e), Some(("places", 3)), "{e}");
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(PLACES.as_bytes()).unwrap();
    let zipped = gz.finish().unwrap();
    let e = Gazetteer::from_sources(COUNTRIES, &regions, &zipped[..zipped.len() / 2]).unwrap_err();
    assert!(matches!(e, GazetteerError::Read { .. }), "{e}");
}

#[test]
fn files_load_from_paths_and_errors_name_them() {
    let dir = std::env::temp_dir().join(format!("griot-gazetteer-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (c, r, p) = (dir.join("c.tsv"), dir.join("r.tsv"), dir.join("p.tsv"));
    std::fs::write(&c, COUNTRIES).unwrap();
    std::fs::write(&r, REGIONS.replace("ML\t04", "MLI\t04")).unwrap();
    std::fs::write(&p, PLACES).unwrap();
    let g = Gazetteer::from_paths(&c, &r, &p).unwrap();
    assert_eq!(g.places().len(), 2);
    std::fs::write(&p, PLACES.replace("-4.18296", "west")).unwrap();
    let e = Gazetteer::from_paths(&c, &r, &p).unwrap_err();
    let shown = e.to_string();
    assert!(shown.contains("p.tsv:2:"), "{shown}");
    std::fs::remove_dir_all(&dir).ok();
}
