//! The ontology tables: invariants that hold in any checkout, and a row-by-row comparison with the
//! reference files they were generated from.
//!
//! The comparison tests read `../shared/reference/` (outside this repository, next to it); when
//! it is absent they print why and pass without checking.

use griot_model::ontology::{self, cameo, contexts, sectors, ContextKind, PloverType, SectorKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

const MAPPING_TSV: &str = include_str!("../data/cameo-plover.tsv");

/// The one code the 2021 CAMEO→PLOVER table maps that the CAMEO code list does not have.
const MAPPED_BUT_NOT_IN_CAMEO_LIST: &str = "1214";

// ---------------------------------------------------------------- invariants

#[test]
fn all_tables_parse() {
    ontology::check().unwrap();
}

#[test]
fn sixteen_plover_types() {
    assert_eq!(PloverType::ALL.len(), 16);
    let names: BTreeSet<_> = PloverType::ALL.iter().map(|t| t.as_str()).collect();
    assert_eq!(names.len(), 16);
    let modes: usize = PloverType::ALL.iter().map(|t| t.modes().len()).sum();
    assert_eq!(modes, 67);
}

#[test]
fn cameo_codes_are_complete_and_consistent() {
    let all = cameo::all();
    assert_eq!(all.len(), 312);
    assert_eq!(all.iter().filter(|c| c.code.len() == 2).count(), 20);
    for c in all {
        assert_eq!(cameo::lookup(c.code), Some(c));
        assert!(c.code.starts_with(c.root), "{}", c.code);
        let root: u8 = c.root.parse().unwrap();
        assert_eq!(
            Some(c.quad_class),
            cameo::quad_class_for_root(root),
            "{}",
            c.code
        );
        assert!(
            (-10.0..=10.0).contains(&c.goldstein),
            "{} {}",
            c.code,
            c.goldstein
        );
        assert!(!c.name.is_empty());
    }
}

#[test]
fn every_mapping_points_at_a_valid_type_mode_and_context() {
    let mut n = 0;
    for (code, m) in cameo::mappings() {
        n += 1;
        assert_eq!(cameo::to_plover(code), Some(m));
        if let Some(mode) = m.mode {
            assert!(
                m.kind.is_valid_mode(mode),
                "{code}: {mode} is not a {} mode",
                m.kind
            );
        }
        for c in m.contexts {
            let context = contexts::lookup(c).unwrap_or_else(|| panic!("{code}: context {c}"));
            assert_eq!(context.kind, ContextKind::General);
        }
        assert!(
            cameo::lookup(code).is_some() || code == MAPPED_BUT_NOT_IN_CAMEO_LIST,
            "{code} is mapped but not a CAMEO code"
        );
    }
    assert_eq!(n, 274);
}

#[test]
fn plover_keeps_cameo_03_to_20_and_drops_01_and_02() {
    for c in cameo::all() {
        let dropped = c.root == "01" || c.root == "02";
        assert_eq!(cameo::to_plover(c.code).is_none(), dropped, "{}", c.code);
    }
}

#[test]
fn sample_facts() {
    let arrest = cameo::lookup("173").unwrap();
    assert_eq!(arrest.name, "Arrest, detain, or charge with legal action");
    assert_eq!(arrest.goldstein, -5.0);
    assert_eq!(arrest.quad_class, 4);
    let m = cameo::to_plover("173").unwrap();
    assert_eq!((m.kind, m.mode), (PloverType::Coerce, Some("arrest")));
    assert_eq!(cameo::to_plover("145").unwrap().kind, PloverType::Protest);
    assert_eq!(cameo::to_plover("190").unwrap().kind, PloverType::Assault);
    assert_eq!(cameo::to_plover("042").unwrap().mode, Some("visit"));
    assert_eq!(cameo::lookup("20").unwrap().goldstein, -10.0);
    assert_eq!(cameo::lookup("057").unwrap().goldstein, 8.0);
    assert_eq!(ontology::quad_class_of("0874"), Some(2));
    assert_eq!(sectors::lookup("GOV").unwrap().kind, SectorKind::Sector);
    assert_eq!(
        sectors::lookup("IGO").unwrap().kind,
        SectorKind::International
    );
}

// ---------------------------------------------------------------- against ../shared/reference

fn reference(rel: &str) -> Option<Vec<u8>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/reference")
        .join(rel);
    match std::fs::read(&path) {
        Ok(bytes) => Some(bytes),
        Err(e) => {
            eprintln!(
                "skipping: this test reads ../shared/reference, and {} is unavailable ({e})",
                path.display()
            );
            None
        }
    }
}

fn reference_text(rel: &str) -> Option<String> {
    reference(rel).map(|b| String::from_utf8(b).expect("reference file is UTF-8"))
}

#[test]
fn cameo_codes_match_the_icews_list() {
    let Some(bytes) = reference("cameo/cameo-codes.csv") else {
        return;
    };
    // The list's free-text columns are not valid UTF-8; the columns read here are ASCII.
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let headers = reader.byte_headers().unwrap().clone();
    let col = |name: &str| headers.iter().position(|h| h == name.as_bytes()).unwrap();
    let (code_i, name_i, gold_i, root_i) =
        (col("code"), col("name"), col("goldstein"), col("root_code"));
    let mut seen = BTreeSet::new();
    for record in reader.byte_records() {
        let record = record.unwrap();
        let field = |i: usize| std::str::from_utf8(&record[i]).unwrap().trim().to_string();
        let code = field(code_i);
        let ours = cameo::lookup(&code).unwrap_or_else(|| panic!("CAMEO {code} missing"));
        assert_eq!(ours.name, field(name_i), "{code} name");
        assert_eq!(
            ours.goldstein,
            field(gold_i).parse::<f32>().unwrap(),
            "{code} Goldstein"
        );
        assert_eq!(ours.root, field(root_i), "{code} root");
        seen.insert(code);
    }
    assert_eq!(
        seen.len(),
        cameo::all().len(),
        "our table has codes the list lacks"
    );
}

#[test]
fn quad_class_labels_match_gdelt() {
    let Some(text) = reference_text("gdelt/GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv")
    else {
        return;
    };
    let line = text.lines().find(|l| l.starts_with("QuadClass,")).unwrap();
    for label in [
        "1=Verbal Cooperation",
        "2=Material Cooperation",
        "3=Verbal Conflict",
        "4=Material Conflict",
    ] {
        assert!(line.contains(label), "{label}");
    }
}

/// (type, mode, contexts) per code as the 2021 table writes them, plus the root headers.
struct RawMapping {
    codes: BTreeMap<String, (String, String, Vec<String>)>,
    roots: BTreeMap<String, String>,
}

fn parse_2021(text: &str) -> RawMapping {
    let mut codes = BTreeMap::new();
    let mut roots = BTreeMap::new();
    for line in text.lines() {
        let Some((code, rest)) = line.split_once(':') else {
            continue;
        };
        if code.is_empty() || !code.bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        if code.len() == 2 {
            roots
                .entry(code.to_string())
                .or_insert_with(|| rest.trim().to_string());
            continue;
        }
        let fields: Vec<&str> = rest.split('#').next().unwrap().split(',').collect();
        assert_eq!(fields.len(), 3, "{line}");
        let contexts = fields[2]
            .split(';')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(String::from)
            .collect();
        let row = (
            fields[0].trim().to_string(),
            fields[1].trim().to_string(),
            contexts,
        );
        if let Some(old) = codes.insert(code.to_string(), row.clone()) {
            assert_eq!(old, row, "{code} mapped twice, differently");
        }
    }
    RawMapping { codes, roots }
}

#[test]
fn cameo_to_plover_matches_the_2021_table() {
    let Some(text) = reference_text("plover/CAMEO2PLOVER-2021.txt") else {
        return;
    };
    let raw = parse_2021(&text);
    let ours: BTreeMap<&str, Vec<&str>> = MAPPING_TSV
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let cells: Vec<&str> = l.split('\t').collect();
            (cells[0], cells)
        })
        .collect();
    assert_eq!(ours.len(), raw.codes.len() + raw.roots.len());

    for (code, (kind, raw_mode, raw_contexts)) in &raw.codes {
        let row = &ours[code.as_str()];
        let m = cameo::to_plover(code).unwrap();
        assert_eq!(m.kind.as_str(), kind, "{code} type");
        assert_eq!(row[4], raw_mode, "{code} source_mode");
        assert_eq!(row[5], raw_contexts.join(";"), "{code} source_contexts");
        // Where the table's mode and contexts are the manual's, they are taken as they are; the
        // generator's documented fixes only touch the others.
        if m.kind.is_valid_mode(raw_mode) {
            assert_eq!(m.mode, Some(raw_mode.as_str()), "{code} mode");
        }
        if raw_mode.is_empty() {
            assert_eq!(m.mode, None, "{code} mode");
        }
        if raw_contexts.iter().all(|c| contexts::lookup(c).is_some()) && !raw_mode.contains('_') {
            assert_eq!(m.contexts, raw_contexts.as_slice(), "{code} contexts");
        }
    }
    for (root, kind) in &raw.roots {
        assert_eq!(
            cameo::to_plover(root).unwrap().kind.as_str(),
            kind,
            "root {root}"
        );
    }
}

#[test]
fn plover_types_and_modes_match_the_manual() {
    let Some(tex) = reference_text("plover/PLOVER_MANUAL.tex") else {
        return;
    };
    for t in PloverType::ALL {
        let start = tex
            .find(&format!("\\section{{{t}}}"))
            .unwrap_or_else(|| panic!("no section for {t}"));
        let rest = &tex[start + 1..];
        let section = &rest[..rest.find("\\section{").unwrap_or(rest.len())];
        let quad = match t.quad_class() {
            1 => "VERBAL COOPERATION",
            2 => "MATERIAL COOPERATION",
            3 => "VERBAL CONFLICT",
            _ => "MATERIAL CONFLICT",
        };
        assert!(
            section.contains(&format!("Quad category: {quad}}}")),
            "{t} quad"
        );
        let recipient = if t.requires_recipient() { "Yes" } else { "No" };
        assert!(
            section.contains(&format!("Requires recipient: {recipient}}}")),
            "{t}"
        );
        let first_words: String = t
            .description()
            .split(' ')
            .take(3)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            section.contains(&first_words) || t.description().starts_with(t.as_str()),
            "{t} description {first_words:?}"
        );
        // Mode rows are `name & description \\`, outside LaTeX comments.
        let rows: Vec<&str> = section
            .lines()
            .map(str::trim)
            .filter(|l| !l.starts_with('%'))
            .collect();
        for mode in t.modes() {
            assert!(
                rows.iter().any(|l| first_cell(l) == Some(mode.name)),
                "{t} mode {} not in the manual",
                mode.name
            );
            if let Some(score) = mode.score {
                assert_eq!(
                    manual_score(&tex, &format!("{t}: {}", mode.name)),
                    Some(score),
                    "{t} {} score",
                    mode.name
                );
            }
        }
        assert_eq!(manual_score(&tex, t.as_str()), t.score(), "{t} score");
    }
}

/// The first cell of a LaTeX table row (`name & ...`), trimmed.
fn first_cell(line: &str) -> Option<&str> {
    line.split_once('&').map(|(cell, _)| cell.trim())
}

/// The score next to `label` ("COERCE" or "COERCE: arrest", case ignored) in the manual's score
/// table.
fn manual_score(tex: &str, label: &str) -> Option<f32> {
    // The manual keeps an older, commented-out version of the table above the live one.
    let start = tex
        .match_indices("\\caption{PLOVER conflict--cooperation scores}")
        .map(|(i, _)| i)
        .find(|&i| !tex[..i].ends_with('%'))?;
    let table = &tex[start..start + tex[start..].find("\\end{tabular}")?];
    let cells: Vec<String> = table
        .split(['&', '\n'])
        .map(|c| {
            c.replace("\\cellcolor{gray!25}", "")
                .replace("\\\\", "")
                .trim()
                .to_string()
        })
        .collect();
    cells
        .windows(2)
        .find(|w| w[0].eq_ignore_ascii_case(label))
        .and_then(|w| w[1].parse().ok())
}

#[test]
fn sectors_and_contexts_match_the_manual() {
    let Some(tex) = reference_text("plover/PLOVER_MANUAL.tex") else {
        return;
    };
    let rows: Vec<&str> = tex.lines().map(str::trim).collect();
    for s in sectors::all() {
        let row = rows
            .iter()
            .find(|l| first_cell(l) == Some(s.code))
            .unwrap_or_else(|| panic!("sector {} not in the manual", s.code));
        let first_word = s.description.split([' ', ':']).next().unwrap();
        assert!(row.contains(first_word), "{} description", s.code);
    }
    for c in contexts::all() {
        let escaped = c.name.replace('_', "\\_");
        let found = match c.kind {
            ContextKind::General => rows
                .iter()
                .filter_map(|l| first_cell(l))
                .any(|cell| cell == escaped || cell.ends_with(&format!("{{{escaped}}}"))),
            ContextKind::Auxiliary => tex.contains(&format!("\\item \\plcon{{{escaped}}}:")),
        };
        assert!(found, "context {} not in the manual", c.name);
    }
}
