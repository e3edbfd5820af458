use std::collections::HashSet;
use std::io::Write;

use griot_lexicon::agents::{AgentKind, AgentRow, Agents, AgentsError};

const HEADER: &str = "id\tphrase\tkind\tsector\tcode\tattributes\texample\tcounter_example\tnote\n";

fn builtin() -> &'static Agents {
    match Agents::builtin() {
        Ok(agents) => agents,
        Err(e) => panic!("built-in agents do not parse: {e}"),
    }
}

/// Rows with `phrase` among their aliases, compared case-insensitively.
fn rows_for(phrase: &str) -> Vec<&'static AgentRow> {
    builtin().lookup(phrase).collect()
}

#[test]
fn builtin_parses_with_both_files() {
    let agents = builtin();
    assert!(agents.len() > 400, "only {} rows", agents.len());
    let kinds: HashSet<AgentKind> = agents.rows().iter().map(|r| r.kind).collect();
    for kind in [
        AgentKind::Agent,
        AgentKind::Title,
        AgentKind::Organisation,
        AgentKind::Group,
    ] {
        assert!(kinds.contains(&kind), "no {kind:?} rows");
    }
}

#[test]
fn ids_are_unique() {
    let mut seen = HashSet::new();
    for row in builtin().rows() {
        assert!(seen.insert(row.id.as_str()), "duplicate id {}", row.id);
    }
}

#[test]
fn every_example_mentions_its_phrase() {
    for row in builtin().rows() {
        let example = row.example.to_lowercase();
        let found = row.phrases.iter().any(|p| {
            let p = p.to_lowercase();
            let stem: String = p
                .split_whitespace()
                .next()
                .unwrap_or("")
                .chars()
                .take(4)
                .collect();
            example.contains(&p) || (!stem.is_empty() && example.contains(&stem))
        });
        assert!(
            found,
            "{}: example {:?} lacks {:?}",
            row.id, row.example, row.phrases
        );
    }
}

#[test]
fn nouns_and_titles_have_sectors_and_counter_examples() {
    for row in builtin().rows() {
        if matches!(row.kind, AgentKind::Agent | AgentKind::Title) {
            assert!(row.sector.is_some(), "{} has no sector", row.id);
            assert!(
                row.counter_example.is_some(),
                "{} has no counter-example",
                row.id
            );
        }
    }
}

#[test]
fn role_nouns_take_their_country_from_context() {
    for row in builtin().rows() {
        if row.kind == AgentKind::Agent {
            assert!(row.code.is_none(), "{} fixes a code on a role noun", row.id);
        }
    }
}

#[test]
fn required_words_map_to_expected_sectors() {
    let expected = [
        ("authority", "GOV"),
        ("government", "GOV"),
        ("junta", "GOV"),
        ("embassy", "GOV"),
        ("military ruler", "GOV"),
        ("soldier", "MIL"),
        ("troop", "MIL"),
        ("security force", "MIL"),
        ("police", "COP"),
        ("gendarme", "COP"),
        ("rebel", "REB"),
        ("separatist", "REB"),
        ("militant", "REB"),
        ("terrorist group", "REB"),
        ("armed group", "UAF"),
        ("gunman", "UAF"),
        ("protester", "CVL"),
        ("demonstrator", "CVL"),
        ("truck driver", "CVL"),
        ("intelligence agency", "SPY"),
        ("opposition", "OPP"),
        ("opponent", "OPP"),
        ("imam", "REL"),
        ("judge", "JUD"),
        ("parliament", "LEG"),
        ("journalist", "JRN"),
        ("refugee", "REF"),
        ("student", "EDU"),
        ("doctor", "MED"),
        ("trader", "BUS"),
        ("worker", "LAB"),
        ("smuggler", "CRM"),
        ("former president", "ELI"),
    ];
    for (word, sector) in expected {
        let rows = rows_for(word);
        assert!(
            rows.iter()
                .any(|r| r.kind == AgentKind::Agent && r.sector.as_deref() == Some(sector)),
            "{word:?} is not an agent of sector {sector}: {:?}",
            rows.iter().map(|r| (&r.id, &r.sector)).collect::<Vec<_>>()
        );
    }
}

#[test]
fn title_rows_exist_for_common_titles() {
    for (title, sector) in [
        ("General", "MIL"),
        ("Gen.", "MIL"),
        ("Col.", "MIL"),
        ("Lt. Col.", "MIL"),
        ("Imam", "REL"),
        ("President", "GOV"),
        ("Judge", "JUD"),
        ("Senator", "LEG"),
    ] {
        let rows = rows_for(title);
        let row = rows
            .iter()
            .find(|r| r.kind == AgentKind::Title)
            .unwrap_or_else(|| panic!("no title row for {title:?}"));
        assert_eq!(row.sector.as_deref(), Some(sector), "{title}");
        assert!(
            row.phrases.iter().any(|p| p == title),
            "titles keep their written case: {:?}",
            row.phrases
        );
    }
}

#[test]
fn named_organisations_and_groups_carry_codes() {
    for (name, code, sector) in [
        ("JNIM", "MLI", Some("REB")),
        ("MINUSMA", "IGO", Some("MIL")),
        ("ECOWAS", "IGO", None),
        ("Wagner", "RUS", Some("PRM")),
        ("Africa Corps", "RUS", Some("MIL")),
        ("Polisario", "MAR", Some("REB")),
        ("Hezbollah", "LBN", Some("REB")),
        ("Hamas", "PSE", Some("REB")),
        ("al-Qaeda", "IMG", Some("REB")),
        ("United Nations", "IGO", None),
        ("Amnesty International", "NGO", None),
        ("FLA", "MLI", Some("REB")),
    ] {
        let rows = rows_for(name);
        let row = rows
            .iter()
            .find(|r| matches!(r.kind, AgentKind::Organisation | AgentKind::Group))
            .unwrap_or_else(|| panic!("no named row for {name:?}"));
        assert_eq!(row.code.as_deref(), Some(code), "{name}");
        assert_eq!(row.sector.as_deref(), sector, "{name}");
    }
}

#[test]
fn attributes_are_readable() {
    let agents = builtin();
    let minusma = agents.get("ORG-minusma").expect("MINUSMA row");
    assert_eq!(minusma.attribute("country"), Some("MLI"));
    assert_eq!(minusma.attribute("plover_code"), Some("UNO"));
    assert_eq!(minusma.attribute("parent"), Some("ORG-un"));
    let polisario = agents.get("GRP-polisario").expect("Polisario row");
    assert!(polisario.other_sectors().any(|s| s == "PRE"));
    let fla = agents.get("GRP-fla").expect("FLA row");
    assert_eq!(fla.attribute("ethnicity"), Some("Tuareg"));
}

fn row_error(tsv: &str) -> (usize, String) {
    match Agents::parse("test.tsv", tsv) {
        Err(AgentsError::Row {
            source_name,
            line,
            message,
        }) => {
            assert_eq!(source_name, "test.tsv");
            (line, message)
        }
        Err(other) => panic!("expected a row error, got {other}"),
        Ok(_) => panic!("malformed file was accepted"),
    }
}

const GOOD_ROW: &str =
    "X-rebel\trebel\tagent\tREB\t\t\tRebels took the town.\tThe rebel teenager left home.\t\n";

#[test]
fn duplicate_id_is_reported_with_its_line() {
    let tsv = format!("# comment\n{HEADER}{GOOD_ROW}{GOOD_ROW}");
    let (line, message) = row_error(&tsv);
    assert_eq!(line, 4);
    assert!(message.contains("duplicate id"), "{message}");
}

#[test]
fn unknown_sector_is_reported_with_its_line() {
    let tsv = format!(
        "{HEADER}{GOOD_ROW}Y-doctor\tdoctor\tagent\tHLH\t\t\tDoctors treated the wounded.\tA doctor of laws.\t\n"
    );
    let (line, message) = row_error(&tsv);
    assert_eq!(line, 3);
    assert!(message.contains("HLH"), "{message}");
}

#[test]
fn missing_column_is_reported_with_its_line() {
    let tsv = format!("{HEADER}\n{GOOD_ROW}Z-judge\tjudge\tagent\tJUD\t\tA judge ruled.\tJudges of the contest.\t\n");
    let (line, message) = row_error(&tsv);
    assert_eq!(line, 4);
    assert!(message.contains("columns"), "{message}");
}

#[test]
fn other_malformed_rows_are_refused() {
    let cases = [
        // unknown kind
        "A-x\trebel\tcelebrity\tREB\t\t\tRebels took the town.\tThe rebel teen.\t\n",
        // agent without sector
        "A-x\trebel\tagent\t\t\t\tRebels took the town.\tThe rebel teen.\t\n",
        // example without the phrase
        "A-x\trebel\tagent\tREB\t\t\tGunmen took the town.\tThe rebel teen.\t\n",
        // agent without counter-example
        "A-x\trebel\tagent\tREB\t\t\tRebels took the town.\t-\t\n",
        // bad code
        "A-x\tECOWAS\torganisation\t\tEcowas\t\tECOWAS met.\t-\t\n",
        // attribute without '='
        "A-x\trebel\tagent\tREB\t\tethnic\tRebels took the town.\tThe rebel teen.\t\n",
        // title not shown before a name
        "A-x\tGeneral\ttitle\tMIL\t\t\tThe General said no.\tThe general public.\t\n",
        // parent that does not exist
        "A-x\tMINUSMA\torganisation\tMIL\tIGO\tparent=ORG-nowhere\tMINUSMA left.\t-\t\n",
    ];
    for case in cases {
        let (line, _) = row_error(&format!("{HEADER}{case}"));
        assert_eq!(line, 2, "{case}");
    }
    let (line, message) = row_error("id\tphrase\n");
    assert_eq!(line, 1);
    assert!(message.contains("header"), "{message}");
}

#[test]
fn user_file_extends_and_overrides() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("my-agents.tsv");
    let mut file = std::fs::File::create(&path).expect("create user file");
    write!(
        file,
        "# my own rows\n{HEADER}\
         GRP-jnim\tJNIM\tgroup\tREB\tIMG\treligion=Islam\tJNIM attacked the base.\t-\tcoded as transnational here\n\
         USR-herders-union\therders' union\tagent\tAGR\t\tother_sectors=LAB\tThe herders' union protested.\tA herders' union song.\t\n\
         GRP-new-front\tNew Front\tgroup\tREB\tMLI\tparent=GRP-jnim\tThe New Front claimed the attack.\t-\t\n"
    )
    .expect("write user file");
    drop(file);

    let before = builtin().len();
    let mut agents = builtin().clone();
    let added = agents.extend_from_file(&path).expect("user file loads");
    assert_eq!(added, 3);
    assert_eq!(agents.len(), before + 2, "one row replaced, two added");
    let jnim = agents.get("GRP-jnim").expect("JNIM still there");
    assert_eq!(jnim.code.as_deref(), Some("IMG"));
    assert_eq!(jnim.note.as_deref(), Some("coded as transnational here"));
    assert_eq!(
        agents
            .lookup("herders' union")
            .next()
            .map(|r| r.id.as_str()),
        Some("USR-herders-union")
    );
    assert_eq!(
        builtin().get("GRP-jnim").and_then(|r| r.code.as_deref()),
        Some("MLI"),
        "the built-in set is untouched"
    );
}

#[test]
fn bad_user_file_leaves_agents_unchanged() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("bad.tsv");
    std::fs::write(
        &path,
        format!("{HEADER}GRP-jnim\tJNIM\tgroup\tREB\tIMG\t\tJNIM attacked.\t-\t\nBAD\tx\n"),
    )
    .expect("write");
    let mut agents = builtin().clone();
    match agents.extend_from_file(&path) {
        Err(AgentsError::Row { line, .. }) => assert_eq!(line, 3),
        other => panic!("expected a row error, got {other:?}"),
    }
    assert_eq!(
        agents.get("GRP-jnim").and_then(|r| r.code.as_deref()),
        Some("MLI")
    );

    match agents.extend_from_file(&dir.path().join("missing.tsv")) {
        Err(AgentsError::Io { path, .. }) => assert!(path.ends_with("missing.tsv")),
        other => panic!("expected an io error, got {other:?}"),
    }
}

#[test]
fn people_are_named_persons_with_a_code() {
    let agents = Agents::builtin().expect("built-in agents");
    let people: Vec<_> = agents
        .rows()
        .iter()
        .filter(|r| r.kind == AgentKind::Person)
        .collect();
    assert!(people.len() >= 1000, "{} people", people.len());
    for p in &people {
        assert!(p.code.is_some(), "{} has no code", p.id);
        assert!(p.sector.is_some(), "{} has no sector", p.id);
    }
}
