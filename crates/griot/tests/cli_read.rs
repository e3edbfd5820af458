//! `griot read` end to end: the bundled example, and every kind of bad input getting a one-line
//! message and its documented exit code (see `src/main.rs`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn griot(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_griot"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .expect("griot binary runs")
}

fn example() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/mali-coup-plot.txt")
}

fn stderr_line(out: &Output) -> String {
    let err = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
    assert_eq!(err.lines().count(), 1, "one line on stderr, got {err:?}");
    err
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("temp file");
    path.to_string_lossy().into_owned()
}

#[test]
fn reads_the_seed_article_into_title_and_thirteen_sentences() {
    let out = griot(&[
        "read",
        "--format",
        "json",
        example().to_str().unwrap_or_default(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    let sentences = doc["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 14);
    assert_eq!(sentences[0]["headline"], true);
    assert_eq!(
        sentences[0]["text"],
        "Mali: Is Algerian regime involved in coup plot ?"
    );
    assert!(sentences[1..].iter().all(|s| s.get("headline").is_none()));
    let text = doc["text"].as_str().unwrap_or_default();
    assert_eq!(text.matches("Is Algerian regime involved").count(), 1);
    assert!(!text.contains("CATEGORIES") && !text.contains("Share This"));
    let token = &sentences[1]["tokens"][0];
    assert_eq!(token["text"], "Malian");
    assert!(token["span"]["start"].is_number() && token["lemma"].is_string());
    assert!(sentences[1]["chunks"]
        .as_array()
        .is_some_and(|c| !c.is_empty()));
}

#[test]
fn readable_view_shows_tags_and_chunks() {
    let out = griot(&["read", example().to_str().unwrap_or_default()]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[0 headline] Mali: Is Algerian regime involved in coup plot ?"));
    assert!(text.contains("Malian/JJ authorities/NNS"), "{text}");
    assert!(text.contains("[NP Malian authorities]"), "{text}");
}

#[test]
fn bad_inputs_get_one_line_and_their_exit_code() {
    let dir = tempfile::tempdir().expect("temp dir");
    let d = dir.path();
    let mut binary = b"\x7fELF\x02\x01\x01\x00".to_vec();
    binary.extend((0..4096u32).map(|i| (i * 31 % 256) as u8));
    let french = "Le gouvernement malien a annoncé mercredi l'arrestation de plusieurs officiers \
        soupçonnés d'avoir préparé un coup d'État contre les autorités de la transition. Selon des \
        sources sécuritaires, les militaires ont été interpellés à Bamako et à Kati, tandis que \
        les manifestants se rassemblaient devant l'ambassade pour dénoncer l'ingérence étrangère.";
    let cases: Vec<(String, i32, &str)> = vec![
        (write(d, "empty.txt", b""), 3, "empty"),
        (write(d, "binary.bin", &binary), 4, "binary"),
        (
            write(d, "nothing.html", b"<html><head><script>var a=1;</script></head><body><nav><a href='/'>Home</a></nav></body></html>"),
            3,
            "text",
        ),
        (write(d, "french.txt", french.as_bytes()), 6, "fra"),
    ];
    for (path, code, word) in cases {
        let out = griot(&["read", &path]);
        assert_eq!(out.status.code(), Some(code), "{path}");
        let line = stderr_line(&out);
        assert!(
            line.starts_with("griot: ") && line.contains(word),
            "{path}: {line}"
        );
    }
    let missing = griot(&["read", &d.join("missing.txt").to_string_lossy()]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr_line(&missing).starts_with("griot: error:"));
}

#[test]
fn a_huge_html_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.html");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(100 * 1024 * 1024).expect("sparse 100 MB file");
    let out = griot(&["read", &path.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(5));
    assert!(stderr_line(&out).contains("too large"));
}

#[test]
fn latin1_and_broken_utf8_are_decoded_not_lost() {
    let dir = tempfile::tempdir().expect("temp dir");
    let latin1: Vec<u8> = "Rebels attacked Ménaka and Tessalit, officials in Gao said on Monday."
        .chars()
        .map(|c| c as u32 as u8)
        .collect();
    let mut broken = b"Soldiers were detained in Kidal on Tuesday, ".to_vec();
    broken.push(0xff);
    broken.extend_from_slice(b" the army said.");
    for (name, bytes, expect) in [
        ("latin1.txt", latin1, "Ménaka"),
        ("broken.txt", broken, "the army said"),
    ] {
        let path = write(dir.path(), name, &bytes);
        let out = griot(&["read", "--format", "json", &path]);
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let doc: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        assert!(
            doc["text"].as_str().unwrap_or_default().contains(expect),
            "{name}"
        );
    }
}

#[test]
fn reads_standard_input() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_griot"))
        .args(["read", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("spawn");
    if let Some(mut stdin) = child.stdin.take() {
        stdin
            .write_all(b"Malian authorities arrested dozens of soldiers. Algeria denied it.")
            .expect("write");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("[1] Algeria denied it."), "{text}");
}
