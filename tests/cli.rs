//! The `article-card` binary, run as a publisher's pipeline would: output, diagnostics and exit
//! codes for good and bad files, every subcommand's --help, and import → validate → render
//! through pipes.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::{copy_fixture, repo, temp_dir};

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_article-card"));
    command.current_dir(repo());
    command
}

/// Runs the binary with `args` (and `stdin`), returning (exit code, stdout, stderr).
fn run(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    let mut child = bin()
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Feed standard input from a thread while this one drains the output pipes, so neither side
    // can block the other. A child that exits without reading all of its input closes the pipe
    // (EPIPE); that is not the test's verdict: its exit code and output below are.
    let writer = stdin.map(|input| {
        let mut pipe = child.stdin.take().unwrap();
        let input = input.to_owned();
        std::thread::spawn(move || {
            let _ = pipe.write_all(input.as_bytes());
        })
    });
    let output = child.wait_with_output().unwrap();
    if let Some(writer) = writer {
        writer.join().unwrap();
    }
    let Output {
        status,
        stdout,
        stderr,
    } = output;
    (
        status.code().unwrap_or(-1),
        String::from_utf8(stdout).unwrap(),
        String::from_utf8(stderr).unwrap(),
    )
}

fn path_str(path: &Path) -> &str {
    path.to_str().unwrap()
}

const SEED_DIGEST: &str = "fixtures/digests/seed-anthropic-recall.txt";

#[test]
fn every_subcommand_has_help_and_the_exit_codes() {
    for args in [
        vec!["--help"],
        vec!["validate", "--help"],
        vec!["import", "--help"],
        vec!["render", "--help"],
        vec!["schema", "--help"],
        vec!["help", "render"],
    ] {
        let (code, out, err) = run(&args, None);
        assert_eq!(code, 0, "{args:?}: {err}");
        assert!(out.contains("Usage: article-card"), "{args:?}: {out}");
        assert!(
            out.contains("Exit codes:") && out.contains("3  a file could not be read or written"),
            "{args:?}"
        );
    }
    let (code, out, _) = run(&["--version"], None);
    assert_eq!(
        (code, out.trim()),
        (0, concat!("article-card ", env!("CARGO_PKG_VERSION")))
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["validate"],
        vec!["frobnicate"],
        vec!["validate", "--no-such-flag", "x.json"],
        vec![
            "import",
            "a.txt",
            "--quote-attribution",
            "X",
            "--no-quote-attribution",
        ],
        vec!["render", "fixtures"],
        vec!["validate", "-", "-"],
    ] {
        let (code, _, err) = run(&args, None);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(!err.is_empty(), "{args:?} says why");
    }
}

#[test]
fn validate_good_files() {
    let (code, out, err) = run(
        &[
            "validate",
            "fixtures/seed-anthropic-recall.json",
            "fixtures/garages-to-homes.json",
        ],
        None,
    );
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "fixtures/seed-anthropic-recall.json: ok\nfixtures/garages-to-homes.json: ok\n"
    );
    assert_eq!(err, "2 files: 2 valid\n");
    let (code, out, err) = run(
        &["validate", "--quiet", "fixtures/garages-to-homes.json"],
        None,
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
}

#[test]
fn validate_reports_every_problem_with_path_and_line_column() {
    let (code, out, err) = run(&["validate", "fixtures/invalid/wrong-types.json"], None);
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
fixtures/invalid/wrong-types.json:2:14: error: version: must be the number 1, not a string
fixtures/invalid/wrong-types.json:3:15: error: headline: must be a string, not a number
fixtures/invalid/wrong-types.json:4:10: error: dek: must be a string, not an array
fixtures/invalid/wrong-types.json:5:13: error: source: must be an object, not a string
fixtures/invalid/wrong-types.json:6:59: error: sections[0].open: must be true or false, not a string
fixtures/invalid/wrong-types.json:6:68: error: sections[1]: must be an object, not a string
"
    );
    assert_eq!(err, "1 file: 0 valid, 1 invalid (6 problems)\n");

    // Absent members point at the object that should hold them.
    let (code, out, _) = run(
        &["validate", "fixtures/invalid/missing-required.json"],
        None,
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "\
fixtures/invalid/missing-required.json:1:1: error: headline: is required
fixtures/invalid/missing-required.json:1:1: error: source: is required
"
    );
    // Every invalid fixture fails, with at least one located problem.
    let mut args = vec!["validate".to_owned()];
    for entry in std::fs::read_dir(repo().join("fixtures/invalid")).unwrap() {
        args.push(format!(
            "fixtures/invalid/{}",
            entry.unwrap().file_name().to_string_lossy()
        ));
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let (code, out, _) = run(&args, None);
    assert_eq!(code, 1);
    for file in &args[1..] {
        assert!(out.contains(&format!("{file}:")), "{file} reported");
        assert!(!out.contains(&format!("{file}: ok")), "{file} is not ok");
    }
}

#[test]
fn validate_json_output() {
    let (code, out, _) = run(
        &[
            "validate",
            "--json",
            "fixtures/garages-to-homes.json",
            "fixtures/invalid/blank-texts.json",
        ],
        None,
    );
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        report,
        serde_json::json!({
            "valid": false,
            "files": [
                { "file": "fixtures/garages-to-homes.json", "valid": true, "problems": [], "warnings": [] },
                {
                    "file": "fixtures/invalid/blank-texts.json",
                    "valid": false,
                    "problems": [
                        { "path": "headline", "message": "must not be empty", "line": 3, "column": 15 },
                        { "path": "sections[0].body", "message": "must not be empty", "line": 6, "column": 44 }
                    ],
                    "warnings": []
                }
            ]
        })
    );
}

#[test]
fn validate_syntax_errors_and_unreadable_files() {
    let (code, out, _) = run(
        &["validate", "-"],
        Some("{\n  \"version\": 1,\n  \"headline\": \"H\"\n"),
    );
    assert_eq!(code, 1);
    assert_eq!(
        out,
        "<stdin>:4:1: error: payload: is not valid JSON (the text ends before the document does at line 4 column 1)\n"
    );
    let (code, out, _) = run(
        &[
            "validate",
            "fixtures/garages-to-homes.json",
            "no/such/file.json",
        ],
        None,
    );
    assert_eq!(code, 3, "an unreadable file wins over everything else");
    assert!(
        out.starts_with(
            "fixtures/garages-to-homes.json: ok\nno/such/file.json: error: cannot read it:"
        ),
        "{out}"
    );
    let dir = temp_dir("cli-latin1");
    let latin1 = dir.join("latin1.json");
    std::fs::write(&latin1, b"{\"version\": 1, \"headline\": \"caf\xe9\"}").unwrap();
    let (code, out, _) = run(&["validate", path_str(&latin1)], None);
    assert_eq!(code, 1);
    assert!(
        out.contains(":1:1: error: payload: is not UTF-8 text (invalid byte at offset 31)"),
        "{out}"
    );
}

const MOJIBAKE: &str = r#"{
  "version": 1,
  "headline": "Anthropicโs warnings backfired โ the recall",
  "dek": "It\u00e2\u20ac\u2122s here. Thai stays: โรงเรียน",
  "source": { "name": "TechCrunch", "url": "https://techcrunch.com/" },
  "sections": [{ "title": "Why This Matters", "body": "One\n\nTwo: pulledโit" }]
}
"#;

#[test]
fn validate_warns_about_mis_decoded_text_without_failing() {
    let (code, out, err) = run(&["validate", "-"], Some(MOJIBAKE));
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(
        out,
        "\
<stdin>:3:25: warning: headline: \"โ\" (U+0E42) looks mis-decoded, probably \"’\" (U+2019) (UTF-8 read as a Thai code page, bytes 0x80-0x9F lost); --fix repairs it
<stdin>:3:47: warning: headline: \"โ\" (U+0E42) looks mis-decoded, probably \"—\" (U+2014) (UTF-8 read as a Thai code page, bytes 0x80-0x9F lost); --fix repairs it
<stdin>:4:13: warning: dek: \"â€™\" looks mis-decoded, meant as \"’\" (U+2019) (UTF-8 read as Windows-1252); --fix repairs it
<stdin>:6:74: warning: sections[0].body: \"โ\" (U+0E42) looks mis-decoded, probably \"—\" (U+2014) (UTF-8 read as a Thai code page, bytes 0x80-0x9F lost); --fix repairs it
<stdin>: ok
"
    );
    assert_eq!(err, "1 file: 1 valid, 4 mis-decoded characters warned\n");
}

#[test]
fn validate_fix_repairs_in_place_and_changes_nothing_else() {
    let dir = temp_dir("cli-fix");
    let file = dir.join("card.json");
    std::fs::write(&file, MOJIBAKE).unwrap();
    let (code, out, err) = run(&["validate", "--fix", path_str(&file)], None);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains(":3:25: fixed: headline: \"โ\" (U+0E42) → \"’\" (U+2019)"),
        "{out}"
    );
    assert!(err.contains("4 mis-decoded characters repaired"), "{err}");
    let fixed = std::fs::read_to_string(&file).unwrap();
    let expected = MOJIBAKE
        .replace(
            "Anthropicโs warnings backfired โ the recall",
            "Anthropic’s warnings backfired — the recall",
        )
        .replace(
            r#"It\u00e2\u20ac\u2122s here. Thai stays: โรงเรียน"#,
            "It’s here. Thai stays: โรงเรียน",
        )
        .replace(r#""One\n\nTwo: pulledโit""#, r#""One\n\nTwo: pulled—it""#);
    assert_eq!(fixed, expected, "only the repaired strings changed");
    // A second run finds nothing.
    let (code, out, err) = run(&["validate", path_str(&file)], None);
    assert_eq!((code, err.as_str()), (0, "1 file: 1 valid\n"), "{out}");

    // On standard input, the repaired payload goes to standard output, the report to stderr.
    let (code, out, err) = run(&["validate", "--fix", "-"], Some(MOJIBAKE));
    assert_eq!(code, 0);
    assert_eq!(out, expected);
    assert!(err.contains("<stdin>:3:25: fixed: headline"), "{err}");
    let (code, _, err) = run(&["validate", "--fix", "--json", "-"], Some(MOJIBAKE));
    assert_eq!(code, 2, "{err}");
}

#[test]
fn import_the_seed() {
    let (code, out, err) = run(
        &[
            "import",
            SEED_DIGEST,
            "--source-url",
            "https://techcrunch.com/",
            "--id",
            "anthropic-model-recall",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        std::fs::read_to_string(repo().join("tests/snapshots/import/seed-anthropic-recall.json"))
            .unwrap()
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines.first().copied(),
        Some("fixtures/digests/seed-anthropic-recall.txt:1:10: repaired \"โ\" (U+0E42) → \"’\" (U+2019) (UTF-8 read as a Thai code page, bytes 0x80-0x9F lost)")
    );
    assert_eq!(
        lines.iter().filter(|l| l.contains(": repaired ")).count(),
        13
    );
    assert!(err.contains("fixtures/digests/seed-anthropic-recall.txt:3: note: this teaser line repeats the start of line 2"));

    let (code, out, err) = run(
        &[
            "import",
            "--quiet",
            SEED_DIGEST,
            "--source-url",
            "https://techcrunch.com/",
        ],
        None,
    );
    assert_eq!((code, err.as_str()), (0, ""));
    assert!(out.starts_with("{\n  \"version\": 1,\n  \"id\": \"anthropics-safety-warnings-may-have-just-backfired-the\","));
}

#[test]
fn import_needs_a_source_url_and_can_read_a_table() {
    let (code, out, err) = run(&["import", SEED_DIGEST], None);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "fixtures/digests/seed-anthropic-recall.txt: error: no URL for the source \"TechCrunch\": the digest does not carry one, so pass --source-url URL, or list the source in a --sources file\n"
    );
    let dir = temp_dir("cli-sources");
    let table = dir.join("sources.json");
    std::fs::write(
        &table,
        r#"{"TechCrunch": "https://techcrunch.com/", "The Verge": "https://www.theverge.com/"}"#,
    )
    .unwrap();
    let output = dir.join("card.json");
    let (code, out, err) = run(
        &[
            "import",
            SEED_DIGEST,
            "--sources",
            path_str(&table),
            "-o",
            path_str(&output),
            "-q",
        ],
        None,
    );
    assert_eq!((code, out.as_str(), err.as_str()), (0, "", ""));
    let payload: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&output).unwrap()).unwrap();
    assert_eq!(payload["source"]["url"], "https://techcrunch.com/");

    std::fs::write(&table, "[1]").unwrap();
    let (code, _, err) = run(
        &["import", SEED_DIGEST, "--sources", path_str(&table)],
        None,
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("must be a JSON object of source names to URLs"),
        "{err}"
    );
}

#[test]
fn import_refuses_what_would_be_an_invalid_payload() {
    let (code, out, err) = run(
        &["import", "-", "--source-url", "javascript:alert(1)"],
        Some("A headline\nRead Full Story at Example\nWhy This Matters\nBody.\n"),
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(err.contains("the imported payload is not valid, so nothing was written:\n  source.url: must be an http or https URL"), "{err}");
    let (code, _, err) = run(
        &["import", "-", "--source-url", "https://e.example/"],
        Some("Headline only\n"),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("<stdin>: error: no \"Read Full Story at {Source}\" line"),
        "{err}"
    );
    let (code, _, _) = run(
        &[
            "import",
            "no/such/digest.txt",
            "--source-url",
            "https://e.example/",
        ],
        None,
    );
    assert_eq!(code, 3);
}

/// `--fix` repairs every text readers see, label overrides included (it used to skip them).
#[test]
fn validate_fix_repairs_label_overrides() {
    let payload = r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://example.com/"},
 "labels": {"expandAll": "Open itâ€™s all", "readingTime": "{minutes} minâ€™"}}"#;
    let (code, out, err) = run(&["validate", "--fix", "-"], Some(payload));
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        out,
        payload.replace("itâ€™s", "it’s").replace("minâ€™", "min’")
    );
    assert!(err.contains("fixed: labels.expandAll"), "{err}");
    assert!(err.contains("fixed: labels.readingTime"), "{err}");
}

/// Issue 15, defect 3: a lone surrogate is U+FFFD in the widget, so `validate` accepts it and
/// `render` shows it (and hands the widget the same text inline); a byte-order mark before the
/// document is accepted, as by `src`, and kept by `--fix`.
#[test]
fn issue15_lone_surrogates_and_byte_order_marks_get_the_widgets_verdict() {
    let payload = r#"{"version": 1, "headline": "a\ud800b", "source": {"name": "S", "url": "https://example.com/"}}"#;
    let (code, out, err) = run(&["validate", "-"], Some(payload));
    assert_eq!((code, out.as_str()), (0, "<stdin>: ok\n"), "{err}");
    let (code, html, err) = run(&["render", "-"], Some(payload));
    assert_eq!(code, 0, "{err}");
    assert!(html.contains("a\u{FFFD}b</h"), "{html}");
    assert!(html.contains("\"headline\":\"a\u{FFFD}b\""), "{html}");
    assert!(!html.contains("ud800"), "{html}");

    let with_bom = format!("\u{feff}{MOJIBAKE}");
    let (code, out, err) = run(&["validate", "--fix", "-"], Some(&with_bom));
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("\u{feff}{"), "the mark stays where it was");
    assert!(err.contains("<stdin>:3:25: fixed: headline"), "{err}");
    let (code, _, err) = run(&["render", "-"], Some(&with_bom));
    assert_eq!(code, 0, "{err}");
    let (code, out, _) = run(&["validate", "-"], Some("\u{feff}\u{feff}{}"));
    assert_eq!(code, 1);
    assert!(
        out.contains("is not valid JSON (expected a value at line 1 column 2)"),
        "{out}"
    );
}

#[test]
fn render_one_payload() {
    let (code, out, err) = run(&["render", "fixtures/seed-anthropic-recall.json"], None);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("<article-card>\n<template shadowrootmode=\"open\">"));
    assert!(err.is_empty());
    let (code, page, _) = run(
        &[
            "render",
            "--standalone",
            "--bundle",
            "https://cdn.example/ac/1.0/article-card.js",
            "fixtures/seed-anthropic-recall.json",
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(page.starts_with("<!doctype html>"));
    assert!(page.contains(
        "<script type=\"module\" src=\"https://cdn.example/ac/1.0/article-card.js\"></script>"
    ));
    let (_, bare, _) = run(
        &[
            "render",
            "--standalone",
            "--no-bundle",
            "fixtures/seed-anthropic-recall.json",
        ],
        None,
    );
    assert!(!bare.contains("type=\"module\""));
    let dir = temp_dir("cli-render-one");
    let file = dir.join("card.html");
    let (code, out, _) = run(
        &["render", "-o", path_str(&file), "-"],
        Some(&std::fs::read_to_string(repo().join("fixtures/garages-to-homes.json")).unwrap()),
    );
    assert_eq!((code, out.as_str()), (0, ""));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Council votes to turn three city-centre car parks"));
}

#[test]
fn render_refuses_invalid_payloads_with_located_problems() {
    let (code, out, err) = run(&["render", "fixtures/invalid/blank-texts.json"], None);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(
        err,
        "\
fixtures/invalid/blank-texts.json:3:15: error: headline: must not be empty
fixtures/invalid/blank-texts.json:6:44: error: sections[0].body: must not be empty
"
    );
}

#[test]
fn render_a_folder() {
    let dir = temp_dir("cli-render-folder");
    let input = dir.join("cards");
    copy_fixture("seed-anthropic-recall.json", &input.join("seed.json"));
    copy_fixture("garages-to-homes.json", &input.join("archive/garages.json"));
    let out = dir.join("html");
    let (code, stdout, err) = run(&["render", "--out", path_str(&out), path_str(&input)], None);
    assert_eq!((code, stdout.as_str()), (0, ""), "{err}");
    assert!(
        err.starts_with("rendered 2 cards, 0 unchanged, 0 failed, in "),
        "{err}"
    );
    assert!(err.contains(" cards/s on "), "{err}");
    assert!(out.join("seed.html").is_file() && out.join("archive/garages.html").is_file());

    let (code, _, err) = run(
        &[
            "render",
            "--out",
            path_str(&out),
            "-j",
            "1",
            path_str(&input),
        ],
        None,
    );
    assert_eq!(code, 0);
    assert!(
        err.starts_with("rendered 0 cards, 2 unchanged, 0 failed"),
        "{err}"
    );
    assert!(err.trim_end().ends_with("on 1 thread"), "{err}");

    copy_fixture("invalid/bad-image.json", &input.join("bad.json"));
    let (code, _, err) = run(
        &[
            "render",
            "--out",
            path_str(&out),
            "--quiet",
            path_str(&input),
        ],
        None,
    );
    assert_eq!(code, 1);
    let bad = input.join("bad.json");
    assert_eq!(
        err,
        format!(
            "{0}:5:12: error: image.alt: is required\n{0}:5:44: error: image.width: must be a whole number from 1 to 10000\n{0}:5:57: error: image.height: must be a whole number from 1 to 10000\n",
            bad.display()
        )
    );
}

#[test]
fn schema_prints_the_generated_schema() {
    let (code, out, _) = run(&["schema"], None);
    assert_eq!(code, 0);
    assert_eq!(out, article_card::model::schema::payload_schema_json());
    let schema: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(schema["title"], "article-card payload v1");
    let dir = temp_dir("cli-schema");
    let file = dir.join("payload-v1.schema.json");
    let (code, _, _) = run(&["schema", "-o", path_str(&file)], None);
    assert_eq!(code, 0);
    assert_eq!(std::fs::read_to_string(file).unwrap(), out);
}

/// The README's pipeline, through pipes: import → validate → render.
#[test]
fn import_validate_render_through_pipes() {
    let (code, payload, _) = run(
        &[
            "import",
            "-q",
            SEED_DIGEST,
            "--source-url",
            "https://techcrunch.com/",
            "--lang",
            "en",
        ],
        None,
    );
    assert_eq!(code, 0);
    let (code, fixed, err) = run(&["validate", "--fix", "-"], Some(&payload));
    assert_eq!(code, 0, "{err}");
    assert_eq!(fixed, payload, "an imported payload needs no repair");
    let (code, html, _) = run(&["render", "-"], Some(&fixed));
    assert_eq!(code, 0);
    assert!(html.contains("Anthropic’s safety warnings may have just backfired — the government"));
}
