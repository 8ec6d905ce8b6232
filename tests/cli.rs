//! The CLI contract for `clean` and `sentences`, and its refusals of bad input.

use std::path::PathBuf;
use std::process::{Command, Output};

fn wirediff(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_wirediff")).args(args).output().expect("run wirediff")
}

fn seed(name: &str) -> String {
    format!("{}/seeds/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// A scratch file under the target directory, unique per test.
fn scratch(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn one_line_error(out: &Output) -> String {
    assert!(!out.status.success());
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn clean_prints_text_then_removed_lines() {
    let out = wirediff(&["clean", &seed("003_c8aab0e42c361f70.txt")]);
    assert!(out.status.success());
    let text = stdout(&out);
    let (kept, removed) = text.split_once("\n--- removed\n").expect("separator line");
    assert!(kept.starts_with("US and Russian officials have secretly drafted"));
    assert!(kept.ends_with("73 people were injured."));
    assert_eq!(
        removed.lines().collect::<Vec<_>>(),
        [
            "7\theadline with site name\tUkraine is desperate to stop the war | Instant World News",
            "8\thashtag line\t#Instant_World_News",
            "10\tcomment prompt\tComments",
            "11\tcomment prompt\tPost a Comment",
            "9\tblank lines\t",
        ]
    );
}

#[test]
fn sentences_prints_one_per_line() {
    let out = wirediff(&["sentences", &seed("000_6d56e44ee70418c7.txt")]);
    assert!(out.status.success());
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 20);
    assert_eq!(lines[0], "US, Russia Draft Ukraine Peace Plan Conditioned on Major Kyiv Concessions");
    assert_eq!(lines[19], "Digital has sought comment from the relevant parties.");

    // A sentence across a soft line break comes out on one line.
    let path = scratch(
        "wrapped.txt",
        b"The official, speaking on condition of anonymity,\nsaid the plan was final.\n",
    );
    let out = wirediff(&["sentences", path.to_str().unwrap()]);
    assert_eq!(stdout(&out), "The official, speaking on condition of anonymity, said the plan was final.\n");
}

#[test]
fn a_reader_that_leaves_early_ends_the_output_quietly() {
    // `wirediff compare … --json | head -1`: the report (hundreds of KB) outgrows the pipe's
    // buffer after the reader has closed it.
    let seeds: Vec<String> = std::fs::read_dir(format!("{}/seeds", env!("CARGO_MANIFEST_DIR")))
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_wirediff"))
        .arg("compare")
        .args(&seeds)
        .arg("--json")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("run wirediff");
    let mut first = [0u8; 1];
    std::io::Read::read_exact(child.stdout.as_mut().unwrap(), &mut first).unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("panicked"), "{err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn markdown_files_are_read_as_their_text() {
    let md = scratch(
        "story.md",
        b"# Council approves budget\n\nThe **council** voted [7-2](https://x.example/v) on _Monday_.\n",
    );
    let out = wirediff(&["sentences", md.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(stdout(&out), "Council approves budget\nThe council voted 7-2 on Monday.\n");
    // The same bytes in a .txt file are plain text.
    let txt = scratch("story.txt", b"The **council** voted on _Monday_.\n");
    assert_eq!(
        stdout(&wirediff(&["sentences", txt.to_str().unwrap()])),
        "The **council** voted on _Monday_.\n"
    );
}

#[test]
fn missing_file_is_a_one_line_error() {
    let err = one_line_error(&wirediff(&["clean", "/no/such/file.txt"]));
    assert!(err.contains("/no/such/file.txt"), "{err}");
}

#[test]
fn binary_data_is_refused_with_its_line() {
    let path = scratch("binary.bin", b"first line\nsecond \0 line\n");
    let err = one_line_error(&wirediff(&["sentences", path.to_str().unwrap()]));
    assert!(err.contains(&format!("{}:2:", path.display())), "{err}");
    assert!(err.contains("binary"), "{err}");
}

#[test]
fn invalid_utf8_is_refused_with_its_line() {
    let path = scratch("latin1.txt", b"one\ntwo\nd\xe9j\xe0 vu\n");
    let err = one_line_error(&wirediff(&["clean", path.to_str().unwrap()]));
    assert!(err.contains(&format!("{}:3:", path.display())), "{err}");
    assert!(err.contains("invalid UTF-8"), "{err}");
}

#[test]
fn missing_argument_prints_usage() {
    let err = one_line_error(&wirediff(&["clean"]));
    assert!(err.contains("usage"), "{err}");
}

#[test]
fn compare_names_a_file_in_another_language_on_stderr() {
    let french = scratch(
        "french.txt",
        "Des responsables américains et russes ont secrètement élaboré un plan pour mettre fin à la guerre en \
         Ukraine, a rapporté le média américain Axios. Le plan prévoit que Kiev cède une partie de son territoire."
            .as_bytes(),
    );
    let french = french.to_str().unwrap();
    let out = wirediff(&[
        "compare",
        &seed("000_6d56e44ee70418c7.txt"),
        &seed("003_c8aab0e42c361f70.txt"),
        french,
        "--json",
    ]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr.clone()).unwrap();
    assert_eq!(
        err.trim_end(),
        format!(
            "note: not in English like the others: {french} (French). wirediff compares wording within one \
             language; it does not link a translation to its original."
        )
    );
    // stdout is still the report alone.
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["documents"].as_array().map(Vec::len), Some(3));
    // English files alone: no note.
    let out = wirediff(&["compare", &seed("000_6d56e44ee70418c7.txt"), &seed("003_c8aab0e42c361f70.txt")]);
    assert!(out.status.success() && out.stderr.is_empty());
}
