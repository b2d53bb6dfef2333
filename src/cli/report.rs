//! Reading inputs and reporting: file names, positions, and output that survives a closed pipe.

use std::io::{self, Read, Write};
use std::path::Path;

use super::Exit;
use crate::model::read::{self, Document, Unreadable};
use crate::model::Problem;
use crate::text::line_col;

/// How a path is named in messages: `<stdin>` for `-`.
pub fn display_name(path: &Path) -> String {
    if is_stdin(path) {
        "<stdin>".to_owned()
    } else {
        path.display().to_string()
    }
}

pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// Why an input could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The file could not be opened or read.
    Io(String),
    /// The file is not UTF-8: a content problem, not an I/O one.
    NotUtf8(String),
}

impl ReadError {
    /// How the command exits over it: an unreadable file is an I/O failure, text that is not
    /// UTF-8 an invalid input.
    pub fn exit(&self) -> Exit {
        match self {
            ReadError::Io(_) => Exit::Io,
            ReadError::NotUtf8(_) => Exit::Invalid,
        }
    }

    pub fn message(&self) -> &str {
        match self {
            ReadError::Io(message) | ReadError::NotUtf8(message) => message,
        }
    }
}

/// Reads an input as [`read_input`] does, or says why not on standard error
/// (`name: error: …`) and returns the exit code for it.
pub fn read_or_note(path: &Path) -> Result<String, Exit> {
    read_input(path).map_err(|err| {
        note(&format!("{}: error: {}", display_name(path), err.message()));
        err.exit()
    })
}

/// Reads a file, or standard input for `-`, as UTF-8 text.
pub fn read_input(path: &Path) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    let result = if is_stdin(path) {
        io::stdin().lock().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path).and_then(|mut f| f.read_to_end(&mut bytes).map(|_| ()))
    };
    result.map_err(|err| ReadError::Io(format!("cannot read it: {err}")))?;
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        ReadError::NotUtf8(format!(
            "is not UTF-8 text (invalid byte at offset {at}); convert it first, for example with iconv"
        ))
    })
}

/// The 1-based line and column of a problem in the payload's text: the value at its path, or
/// the object that should hold an absent member; where reading stopped for text that is not
/// a payload document.
pub fn position(
    text: &str,
    read: &Result<Document, Unreadable>,
    problem: &Problem,
) -> (usize, usize) {
    let at = match read {
        Ok(doc) => doc.locate(&problem.path),
        Err(unreadable) => unreadable.at,
    };
    line_col(text, at)
}

/// Writes to standard output; a reader that went away early (`| head`) is not an error.
pub fn print_stdout(text: &str) -> Exit {
    let mut out = io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => Exit::Ok,
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Exit::Ok,
        Err(err) => {
            eprintln!("article-card: cannot write to standard output: {err}");
            Exit::Io
        }
    }
}

/// Writes `text` to `path`, or to standard output when there is no path.
pub fn write_output(path: Option<&Path>, text: &str) -> Exit {
    match path {
        Some(path) if !is_stdin(path) => match std::fs::write(path, text) {
            Ok(()) => Exit::Ok,
            Err(err) => {
                eprintln!("article-card: cannot write {}: {err}", path.display());
                Exit::Io
            }
        },
        _ => print_stdout(text),
    }
}

/// `n` and `noun`, plural unless `n` is one ("1 card", "3 cards"), for the summary lines.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// A line of standard error; a closed stderr is not worth failing over.
pub fn note(line: &str) {
    let mut err = io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Problems as `name:line:col: error: path: message` lines.
pub fn problem_lines(name: &str, text: &str, problems: &[Problem]) -> Vec<String> {
    let read = read::document(text);
    problems
        .iter()
        .map(|problem| {
            let (line, column) = position(text, &read, problem);
            format!("{name}:{line}:{column}: error: {problem}")
        })
        .collect()
}
