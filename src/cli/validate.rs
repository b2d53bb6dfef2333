//! `article-card validate`: every problem in every file, at its JSON path and line:column, plus
//! warnings (never failures) for text that looks mis-decoded; `--fix` repairs that text in place.

use std::ops::Range;
use std::path::Path;

use serde_json::{json, Value};

use super::report::{self, display_name, is_stdin, read_input, ReadError};
use super::{Exit, ValidateArgs};
use crate::model::read::{self, raw_offset, Document};
use crate::model::wire::prose_texts;
use crate::model::{self, Problem};
use crate::text::{self, line_col, Repair};

/// Mis-decoded text found in one string of a payload.
struct Finding {
    path: String,
    line: usize,
    column: usize,
    repair: Repair,
}

/// A problem at its place in the file.
struct Located {
    line: usize,
    column: usize,
    path: String,
    message: String,
}

/// What became of one file.
struct FileResult {
    name: String,
    /// Could not be read at all.
    io_error: Option<String>,
    problems: Vec<Located>,
    /// Suspect text, reported as warnings (or as fixed, with --fix).
    findings: Vec<Finding>,
    fixed: bool,
}

impl FileResult {
    fn valid(&self) -> bool {
        self.io_error.is_none() && self.problems.is_empty()
    }
}

pub fn run(args: &ValidateArgs) -> Exit {
    let stdin_count = args.files.iter().filter(|f| is_stdin(f)).count();
    if stdin_count > 1 {
        report::note("article-card validate: `-` (standard input) can be given only once");
        return Exit::Usage;
    }
    let fix_to_stdout = args.fix && stdin_count == 1;
    if fix_to_stdout && args.json {
        report::note(
            "article-card validate: --fix on standard input writes the repaired payload to \
             standard output, so it cannot be combined with --json",
        );
        return Exit::Usage;
    }
    let results: Vec<FileResult> = args
        .files
        .iter()
        .map(|path| check_file(path, args.fix))
        .collect();

    let exit = if results.iter().any(|r| r.io_error.is_some()) {
        Exit::Io
    } else if results.iter().any(|r| !r.valid()) {
        Exit::Invalid
    } else {
        Exit::Ok
    };
    if args.json {
        let mut text = serde_json::to_string_pretty(&json_report(&results)).unwrap_or_default();
        text.push('\n');
        return exit.max(report::print_stdout(&text));
    }
    let mut lines = Vec::new();
    for result in &results {
        lines.extend(human_lines(result, args.fix, args.quiet));
    }
    let body = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let printed = if fix_to_stdout {
        eprint!("{body}");
        Exit::Ok
    } else {
        report::print_stdout(&body)
    };
    if !args.quiet {
        report::note(&summary(&results, args.fix));
    }
    exit.max(printed)
}

fn check_file(path: &Path, fix: bool) -> FileResult {
    let mut result = FileResult {
        name: display_name(path),
        io_error: None,
        problems: Vec::new(),
        findings: Vec::new(),
        fixed: false,
    };
    let original = match read_input(path) {
        Ok(text) => text,
        Err(ReadError::Io(message)) => {
            result.io_error = Some(message);
            return result;
        }
        Err(ReadError::NotUtf8(message)) => {
            result.problems.push(Located {
                line: 1,
                column: 1,
                path: "payload".to_owned(),
                message,
            });
            return result;
        }
    };
    let read = read::document(&original);
    if let Ok(doc) = &read {
        result.findings = find_suspect_text(&original, doc);
    }
    let mut text = original;
    if fix && !result.findings.is_empty() {
        if let Ok(doc) = &read {
            text = splice_repairs(&text, doc);
        }
        let written = if is_stdin(path) {
            report::print_stdout(&text)
        } else {
            match std::fs::write(path, &text) {
                Ok(()) => Exit::Ok,
                Err(err) => {
                    result.io_error = Some(format!("cannot write the repaired file: {err}"));
                    Exit::Io
                }
            }
        };
        result.fixed = written == Exit::Ok;
    } else if fix && is_stdin(path) {
        // Nothing to repair: the payload passes through unchanged.
        let _ = report::print_stdout(&text);
    }
    // What is validated is what is now in the file.
    let read = if result.fixed {
        read::document(&text)
    } else {
        read
    };
    let problems = match &read {
        Ok(doc) => model::article_from_json(&doc.json)
            .err()
            .unwrap_or_default(),
        Err(unreadable) => vec![unreadable.problem.clone()],
    };
    result.problems = problems
        .into_iter()
        .map(|problem: Problem| {
            let (line, column) = report::position(&text, &read, &problem);
            Located {
                line,
                column,
                message: problem.kind.to_string(),
                path: problem.path,
            }
        })
        .collect();
    // In file order; problems at the same place keep the model's order.
    result.problems.sort_by_key(|p| (p.line, p.column));
    result
}

/// The payload's texts that readers see ([`prose_texts`]), each with its value and the span of
/// its raw text in the file: where mis-decoding matters, and what `--fix` rewrites.
fn prose_spans(doc: &Document) -> Vec<(String, &str, Range<usize>)> {
    prose_texts(&doc.json)
        .into_iter()
        .filter_map(|(path, _)| {
            let (value, raw) = doc.string(&path)?;
            Some((path, value, raw))
        })
        .collect()
}

fn find_suspect_text(text: &str, doc: &Document) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (path, value, raw) in prose_spans(doc) {
        let raw_text = text.get(raw.clone()).unwrap_or_default();
        for repair in text::repair(value).repairs {
            let at = raw.start + raw_offset(raw_text, repair.start);
            let (line, column) = line_col(text, at);
            findings.push(Finding {
                path: path.clone(),
                line,
                column,
                repair,
            });
        }
    }
    findings.sort_by_key(|f| (f.line, f.column));
    findings
}

/// The text with each suspect string replaced by its repaired form; everything else as it was.
fn splice_repairs(text: &str, doc: &Document) -> String {
    let mut edits: Vec<(usize, usize, String)> = Vec::new();
    for (_, value, raw) in prose_spans(doc) {
        let repaired = text::repair(value);
        if repaired.repairs.is_empty() {
            continue;
        }
        if let Ok(encoded) = serde_json::to_string(&repaired.text) {
            // The raw span is between the quotes; replace the quotes too.
            edits.push((raw.start.saturating_sub(1), raw.end + 1, encoded));
        }
    }
    edits.sort_by_key(|e| e.0);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end, replacement) in edits {
        if start < at {
            continue;
        }
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(&replacement);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    out
}

fn human_lines(result: &FileResult, fix: bool, quiet: bool) -> Vec<String> {
    let name = &result.name;
    let mut lines = Vec::new();
    if let Some(message) = &result.io_error {
        lines.push(format!("{name}: error: {message}"));
    }
    for p in &result.problems {
        lines.push(format!(
            "{name}:{}:{}: error: {}: {}",
            p.line, p.column, p.path, p.message
        ));
    }
    for f in &result.findings {
        let r = &f.repair;
        if fix && result.fixed {
            lines.push(format!(
                "{name}:{}:{}: fixed: {}: {} → {} ({})",
                f.line,
                f.column,
                f.path,
                r.describe_from(),
                r.describe_to(),
                r.cause
            ));
        } else {
            let hedge = if r.cause.is_inferred() {
                "probably"
            } else {
                "meant as"
            };
            lines.push(format!(
                "{name}:{}:{}: warning: {}: {} looks mis-decoded, {hedge} {} ({}); --fix repairs it",
                f.line,
                f.column,
                f.path,
                r.describe_from(),
                r.describe_to(),
                r.cause
            ));
        }
    }
    if result.valid() && !quiet {
        lines.push(format!("{name}: ok"));
    }
    lines
}

fn summary(results: &[FileResult], fix: bool) -> String {
    let files = results.len();
    let valid = results.iter().filter(|r| r.valid()).count();
    let unreadable = results.iter().filter(|r| r.io_error.is_some()).count();
    let invalid = files - valid - unreadable;
    let problems: usize = results.iter().map(|r| r.problems.len()).sum();
    let findings: usize = results.iter().map(|r| r.findings.len()).sum();
    let mut parts = vec![format!("{valid} valid")];
    if invalid > 0 {
        parts.push(format!(
            "{invalid} invalid ({problems} problem{})",
            plural(problems)
        ));
    }
    if unreadable > 0 {
        parts.push(format!("{unreadable} unreadable"));
    }
    if findings > 0 {
        let what = if fix { "repaired" } else { "warned" };
        parts.push(format!(
            "{findings} mis-decoded character{} {what}",
            plural(findings)
        ));
    }
    format!("{files} file{}: {}", plural(files), parts.join(", "))
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn json_report(results: &[FileResult]) -> Value {
    let files: Vec<Value> = results
        .iter()
        .map(|r| {
            let problems: Vec<Value> = r
                .problems
                .iter()
                .map(|p| {
                    json!({
                        "path": p.path,
                        "message": p.message,
                        "line": p.line,
                        "column": p.column,
                    })
                })
                .collect();
            let findings: Vec<Value> = r
                .findings
                .iter()
                .map(|f| {
                    json!({
                        "path": f.path,
                        "line": f.line,
                        "column": f.column,
                        "found": f.repair.from,
                        "repair": f.repair.to,
                        "cause": f.repair.cause.describe(),
                        "inferred": f.repair.cause.is_inferred(),
                    })
                })
                .collect();
            let mut file = json!({
                "file": r.name,
                "valid": r.valid(),
                "problems": problems,
            });
            if let Value::Object(map) = &mut file {
                let key = if r.fixed { "fixed" } else { "warnings" };
                map.insert(key.to_owned(), Value::Array(findings));
                if let Some(message) = &r.io_error {
                    map.insert("error".to_owned(), json!(message));
                }
            }
            file
        })
        .collect();
    json!({
        "valid": results.iter().all(FileResult::valid),
        "files": files,
    })
}
