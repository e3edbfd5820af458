//! Users' extra lexicon rows reach `griot mentions` and `griot code` through `--agents` and a
//! config file, without recompiling.

use std::process::Command;

const AGENTS: &str = "id\tphrase\tkind\tsector\tcode\tattributes\texample\tcounter_example\tnote\n\
USR-zarbi\tzarbi\tagent\tPRM\tCIV\t\tZarbi fighters guarded the village.\tThe word zarbi alone.\ta made-up militia noun\n";

fn mentions(args: &[&str], text_path: &str) -> serde_json::Value {
    let out = Command::new(env!("CARGO_BIN_EXE_griot"))
        .arg("mentions")
        .args(args)
        .args(["--format", "json", text_path])
        .output()
        .expect("griot runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("json")
}

fn has_zarbi_actor(v: &serde_json::Value) -> bool {
    v["mentions"].as_array().into_iter().flatten().any(|m| {
        m["actors"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|a| a["code"] == "CIV" && a["sector"] == "PRM")
    })
}

#[test]
fn agents_load_from_the_command_line_and_from_a_config_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let agents = dir.path().join("extra.tsv");
    std::fs::write(&agents, AGENTS).expect("agents file");
    let text = dir.path().join("story.txt");
    std::fs::write(&text, "Zarbi attacked the camp on Sunday.").expect("story");
    let text = text.to_string_lossy().into_owned();

    let plain = mentions(&[], &text);
    assert!(
        !has_zarbi_actor(&plain),
        "the built-in lexicon does not know the word"
    );

    let with_flag = mentions(&["--agents", &agents.to_string_lossy()], &text);
    assert!(has_zarbi_actor(&with_flag), "{with_flag}");

    let config = dir.path().join("griot.toml");
    std::fs::write(&config, "agents = [\"extra.tsv\"]\n").expect("config");
    let with_config = mentions(&["--config", &config.to_string_lossy()], &text);
    assert!(has_zarbi_actor(&with_config), "{with_config}");
}

#[test]
fn a_bad_user_file_is_a_one_line_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let agents = dir.path().join("bad.tsv");
    std::fs::write(&agents, "id\tphrase\nX\ty\n").expect("file");
    let out = Command::new(env!("CARGO_BIN_EXE_griot"))
        .args(["mentions", "--agents", &agents.to_string_lossy(), "-"])
        .output()
        .expect("griot runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("bad.tsv"), "{err}");
}
