//! The `wirediff paraphrase` contract on a small hand-written TSV (not MRPC text).

use std::process::Command;

const HEADER: &str = "\u{feff}Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\r\n";
const ROWS: &str = "1\t1\t2\tKyiv rejected the peace plan on Monday.\tOn Monday, Kiev rejected the peace plan.\r\n\
0\t3\t4\tThe army has 900,000 soldiers.\tFarmers expect a record wheat harvest this autumn.\r\n\
1\t5\t6\tThe company bought the plant for $1.8 billion.\tThe company purchased the plant for 1.8 billion dollars.\r\n\
0\t7\t8\tPrices rose 20 percent in March.\tZelensky met European leaders in Paris on Friday to discuss security guarantees.\r\n";

fn write(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("wirediff-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn run(args: &[&str]) -> (bool, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_wirediff")).args(args).output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn last_line_reports_accuracy_f1_and_pairs() {
    let path = write("ok.tsv", &format!("{HEADER}{ROWS}"));
    let (ok, out, err) = run(&["paraphrase", path.to_str().unwrap()]);
    assert!(ok, "{err}");
    assert_eq!(out.lines().last().unwrap(), "accuracy 1.000 f1 1.000 pairs 4");
    let (ok, out, _) = run(&["paraphrase", path.to_str().unwrap(), "--verbose"]);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 5);
    assert!(lines[0].starts_with("line 2\tscore ") && lines[0].contains("\tparaphrase\t"), "{}", lines[0]);
    assert!(lines[1].contains("\tdifferent\t"), "{}", lines[1]);
    let lf = write("lf.tsv", &format!("{HEADER}{ROWS}").replace("\r\n", "\n").replace('\u{feff}', ""));
    let (ok, out, _) = run(&["paraphrase", lf.to_str().unwrap()]);
    assert!(ok);
    assert_eq!(out.lines().last().unwrap(), "accuracy 1.000 f1 1.000 pairs 4");
}

#[test]
fn malformed_rows_name_the_file_and_line() {
    let path = write("bad.tsv", &format!("{HEADER}{ROWS}1\t9\tonly three fields\r\n"));
    let (ok, out, err) = run(&["paraphrase", path.to_str().unwrap()]);
    assert!(!ok);
    assert!(out.is_empty());
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("bad.tsv:6:"), "{err}");
    let (ok, _, err) = run(&["paraphrase", "/nonexistent/pairs.tsv"]);
    assert!(!ok && err.contains("/nonexistent/pairs.tsv"));
    let bin = write("bin.tsv", "Quality\t\u{0}\n");
    let (ok, _, err) = run(&["paraphrase", bin.to_str().unwrap()]);
    assert!(!ok && err.contains("bin.tsv"));
}

#[test]
fn cross_validation_ends_with_the_same_line_form() {
    let rows: String = (0..6).map(|_| ROWS).collect();
    let path = write("cv.tsv", &format!("{HEADER}{rows}"));
    let (ok, out, err) = run(&["paraphrase", path.to_str().unwrap(), "--folds", "3"]);
    assert!(ok, "{err}");
    let last = out.lines().last().unwrap();
    assert!(last.starts_with("accuracy ") && last.ends_with(" pairs 24"), "{last}");
    assert_eq!(out.lines().filter(|l| l.starts_with("fold ")).count(), 3);
}
