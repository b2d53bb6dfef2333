//! `render --out DIR PAYLOAD_DIR`: a folder of payloads to a folder of HTML, on every core.
//!
//! Each `*.json` under the input folder (recursively; hidden folders skipped) becomes the `.html`
//! of the same relative path under the output folder. A file is **unchanged**, and skipped, when
//! its output exists and records, in a comment at its top, the same fingerprint: a 128-bit hash
//! of the payload's bytes, the render options (standalone, bundle URL) and the renderer itself
//! (the card's components, its stylesheet and this module, embedded at build time). Timestamps
//! play no part, so a fresh checkout or a copied archive is not re-rendered for nothing, and an
//! upgrade of article-card that would render differently re-renders everything. `--force`
//! renders every file regardless. Outputs are written to a temporary file and renamed into
//! place, so an interrupted run leaves no half-written page behind.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use rayon::prelude::*;

use super::{render_payload, RenderOptions};
use crate::model::Problem;

/// Marks the fingerprint comment: `<!-- article-card render 0123…ef -->`.
pub const FINGERPRINT_MARK: &str = "<!-- article-card render ";

/// Bumped when the page around the card changes in a way the sources below would not show.
const FORMAT: &str = "article-card render format 1";

/// What the output depends on besides the payload and the options.
const RENDERER: &[&str] = &[
    FORMAT,
    env!("CARGO_PKG_VERSION"),
    include_str!("../../styles/card.css"),
    include_str!("../view/mod.rs"),
    include_str!("../view/root.rs"),
    include_str!("../view/card.rs"),
    include_str!("../view/section.rs"),
    include_str!("../view/body.rs"),
    include_str!("../view/labels.rs"),
    include_str!("../model/article.rs"),
    include_str!("../model/body.rs"),
    include_str!("../model/slug.rs"),
    include_str!("../model/validate.rs"),
    include_str!("mod.rs"),
    include_str!("json_ld.rs"),
];

/// How to render a folder.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub render: RenderOptions,
    /// Render every file, changed or not.
    pub force: bool,
    /// Threads; `None` for one per core.
    pub jobs: Option<usize>,
    /// Show a progress bar (only ever drawn on a terminal).
    pub progress: bool,
}

/// Why one payload was not rendered.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// The payload is invalid; `text` is kept so problems can be located in it.
    Invalid {
        text: String,
        problems: Vec<Problem>,
    },
    /// Reading the payload or writing its page failed.
    Io(String),
}

/// What a batch did.
#[derive(Debug, Clone, Default)]
pub struct BatchReport {
    pub rendered: usize,
    pub unchanged: usize,
    /// Input path and why, in path order.
    pub failed: Vec<(PathBuf, Failure)>,
    pub elapsed: Duration,
    pub threads: usize,
}

impl BatchReport {
    /// Cards rendered per second of wall-clock time.
    pub fn cards_per_second(&self) -> f64 {
        let secs = self.elapsed.as_secs_f64();
        if secs > 0.0 {
            self.rendered as f64 / secs
        } else {
            0.0
        }
    }
}

enum Outcome {
    Rendered,
    Unchanged,
    Failed(Failure),
}

/// Renders every payload under `input` into `output`.
pub fn render_dir(input: &Path, output: &Path, options: &BatchOptions) -> io::Result<BatchReport> {
    let started = Instant::now();
    let files = payload_files(input, output)?;

    let threads = options
        .jobs
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(io::Error::other)?;

    let progress = if options.progress {
        ProgressBar::with_draw_target(Some(files.len() as u64), ProgressDrawTarget::stderr())
    } else {
        ProgressBar::hidden()
    };
    if let Ok(style) =
        ProgressStyle::with_template("{bar:40} {pos}/{len} cards, {per_sec}, {eta} left")
    {
        progress.set_style(style);
    }
    let key = renderer_key(&options.render);
    let outcomes: Vec<(PathBuf, Outcome)> = pool.install(|| {
        files
            .par_iter()
            .map(|relative| {
                let outcome = render_one(input, output, relative, key, options);
                progress.inc(1);
                (relative.clone(), outcome)
            })
            .collect()
    });
    progress.finish_and_clear();

    let mut report = BatchReport {
        threads,
        ..BatchReport::default()
    };
    for (relative, outcome) in outcomes {
        match outcome {
            Outcome::Rendered => report.rendered += 1,
            Outcome::Unchanged => report.unchanged += 1,
            Outcome::Failed(failure) => report.failed.push((input.join(relative), failure)),
        }
    }
    report.elapsed = started.elapsed();
    Ok(report)
}

/// The payloads a folder run reads (`render --out`, `site`): the `*.json` files under `input`,
/// relative to it and in order, once `input` is known to be a folder; `output` is made ready.
pub(crate) fn payload_files(input: &Path, output: &Path) -> io::Result<Vec<PathBuf>> {
    if !input.is_dir() {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!("{} is not a folder", input.display()),
        ));
    }
    let mut files = Vec::new();
    collect_payloads(input, input, output, &mut files)?;
    files.sort();
    fs::create_dir_all(output)?;
    Ok(files)
}

/// Relative paths of the `*.json` files under `dir`, skipping hidden folders and `output`.
fn collect_payloads(
    root: &Path,
    dir: &Path,
    output: &Path,
    found: &mut Vec<PathBuf>,
) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let kind = entry.file_type()?;
        if kind.is_dir() {
            if !hidden && !same_place(&path, output) {
                collect_payloads(root, &path, output, found)?;
            }
        } else if path.extension().is_some_and(|e| e == "json") {
            if let Ok(relative) = path.strip_prefix(root) {
                found.push(relative.to_path_buf());
            }
        }
    }
    Ok(())
}

fn same_place(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

fn render_one(
    input: &Path,
    output: &Path,
    relative: &Path,
    key: u128,
    options: &BatchOptions,
) -> Outcome {
    let source = input.join(relative);
    let target = output.join(relative).with_extension("html");
    let bytes = match fs::read(&source) {
        Ok(bytes) => bytes,
        Err(err) => return Outcome::Failed(Failure::Io(format!("cannot read it: {err}"))),
    };
    let fingerprint = format!("{:032x}", fnv1a(key, &bytes));
    if !options.force && recorded_fingerprint(&target).as_deref() == Some(fingerprint.as_str()) {
        return Outcome::Unchanged;
    }
    let text = match payload_text(bytes) {
        Ok(text) => text,
        Err(failure) => return Outcome::Failed(failure),
    };
    let render = RenderOptions {
        fingerprint: Some(fingerprint),
        ..options.render.clone()
    };
    let html = match render_payload(&text, &render) {
        Ok(html) => html,
        Err(problems) => return Outcome::Failed(Failure::Invalid { text, problems }),
    };
    match write_atomically(&target, html.as_bytes()) {
        Ok(()) => Outcome::Rendered,
        Err(err) => Outcome::Failed(Failure::Io(format!(
            "cannot write {}: {err}",
            target.display()
        ))),
    }
}

/// A payload file's bytes as text.
pub(crate) fn payload_text(bytes: Vec<u8>) -> Result<String, Failure> {
    String::from_utf8(bytes).map_err(|err| {
        let at = err.utf8_error().valid_up_to();
        Failure::Io(format!("is not UTF-8 text (invalid byte at offset {at})"))
    })
}

/// The fingerprint a previous run wrote at the top of `page`, if any.
pub fn recorded_fingerprint(page: &Path) -> Option<String> {
    let mut head = [0u8; 256];
    let mut file = fs::File::open(page).ok()?;
    let mut len = 0;
    while len < head.len() {
        match file.read(head.get_mut(len..)?) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(_) => return None,
        }
    }
    let head = String::from_utf8_lossy(head.get(..len)?);
    let at = head.find(FINGERPRINT_MARK)? + FINGERPRINT_MARK.len();
    let hex = head.get(at..at + 32)?;
    hex.bytes()
        .all(|b| b.is_ascii_hexdigit())
        .then(|| hex.to_owned())
}

/// Writes `bytes` to a temporary file beside `target`, then renames it into place.
pub(crate) fn write_atomically(target: &Path, bytes: &[u8]) -> io::Result<()> {
    if let Some(parent) = target.parent() {
        fs::create_dir_all(parent)?;
    }
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, target).inspect_err(|_| {
        let _ = fs::remove_file(&temporary);
    })
}

/// The hash of the renderer and of `more` (what else an output depends on, in order).
pub(crate) fn sources_key(more: &[&str]) -> u128 {
    RENDERER
        .iter()
        .chain(more)
        .fold(FNV_OFFSET, |key, part| fnv1a(key, part.as_bytes()))
}

/// The hash of everything but the payload, computed once per run.
fn renderer_key(options: &RenderOptions) -> u128 {
    let key = fnv1a(
        sources_key(&[]),
        if options.standalone {
            b"standalone"
        } else {
            b"fragment"
        },
    );
    fnv1a(
        key,
        options
            .bundle_url
            .as_deref()
            .unwrap_or("no bundle")
            .as_bytes(),
    )
}

const FNV_OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
const FNV_PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;

/// 128-bit FNV-1a over `bytes`, continuing from `hash`, with a separator after them so that the
/// boundaries between parts count. Not for security: for telling whether inputs changed.
pub(crate) fn fnv1a(mut hash: u128, bytes: &[u8]) -> u128 {
    for &b in bytes {
        hash ^= u128::from(b);
        hash = hash.wrapping_mul(FNV_PRIME);
    }
    hash ^= 0xff;
    hash.wrapping_mul(FNV_PRIME)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_differ_with_any_input() {
        let a = RenderOptions::default();
        let b = RenderOptions {
            standalone: true,
            ..RenderOptions::default()
        };
        assert_ne!(renderer_key(&a), renderer_key(&b));
        let key = renderer_key(&a);
        assert_ne!(fnv1a(key, b"{}"), fnv1a(key, b"{ }"));
        assert_eq!(fnv1a(key, b"{}"), fnv1a(key, b"{}"));
    }
}
