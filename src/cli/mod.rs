//! The `article-card` command line: `validate`, `import`, `render` and `schema`.
//!
//! Arguments are parsed by clap (so every subcommand has `--help`); each subcommand lives in its
//! own module and returns an [`Exit`] code. Results go to standard output, diagnostics to
//! standard error, except `validate`'s findings, which are its results.

mod import;
mod render;
mod report;
mod site;
mod validate;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};

/// Exit codes, the same for every subcommand.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Exit {
    /// Everything went through: every payload valid, every file written.
    Ok = 0,
    /// Some input is invalid (a payload with problems, a digest that cannot be imported).
    Invalid = 1,
    /// The command line itself is wrong (clap's own code for usage errors).
    Usage = 2,
    /// A file could not be read or written.
    Io = 3,
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        ExitCode::from(exit as u8)
    }
}

const EXIT_CODES: &str = "\
Exit codes:
  0  success: every payload valid, every output written (warnings do not fail)
  1  invalid input: a payload with problems, or a digest that cannot be imported
  2  usage error: unknown option, missing argument
  3  a file could not be read or written";

/// Import, validate and pre-render article cards.
///
/// The same payload model as the `<article-card>` widget, on the command line: check payloads
/// before they go live, turn plain-text digests into payloads, and render cards to static HTML
/// (with schema.org JSON-LD) that shows without JavaScript and that the widget takes over in
/// place.
#[derive(Debug, Parser)]
#[command(name = "article-card", version, after_help = EXIT_CODES, verbatim_doc_comment)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    Validate(ValidateArgs),
    Import(ImportArgs),
    Render(RenderArgs),
    Site(site::SiteArgs),
    Schema(SchemaArgs),
}

/// Check payloads: every problem in every file, with its JSON path and line:column.
///
/// Also warns, without failing, about text that looks mis-decoded in transit (`â€™` for `’`,
/// `โ` for a dash or quotation mark); --fix repairs it in place.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES, verbatim_doc_comment)]
pub struct ValidateArgs {
    /// Payload files; `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Report as JSON on standard output (one document for all files).
    #[arg(long)]
    pub json: bool,
    /// Repair mis-decoded text in place (standard input: write the repaired payload to standard
    /// output), then validate the result. Only the repaired strings change in the file.
    #[arg(long)]
    pub fix: bool,
    /// Print only problems and warnings, not a line for each valid file or the summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Turn a plain-text digest into a v1 payload.
///
/// A digest is a headline line, teaser lines, "Read Full Story at {Source}", then section
/// titles each followed by their text. The teaser's cut-short repeat is dropped, a quotation in
/// it becomes the pull quote, a section title run into the source line is split off, and
/// characters broken in transit are repaired; every repair and decision is listed on standard
/// error. The digest has no URL for the source: give one with --source-url or --sources.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES, verbatim_doc_comment)]
pub struct ImportArgs {
    /// The digest; `-` reads standard input.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Write the payload here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// The full story's URL (the digest does not carry one).
    #[arg(long, value_name = "URL")]
    pub source_url: Option<String>,
    /// A JSON file mapping source names to URLs, `{"TechCrunch": "https://techcrunch.com/"}`, for
    /// importing digests from many sources; --source-url wins over it.
    #[arg(long, value_name = "FILE")]
    pub sources: Option<PathBuf>,
    /// The source's name, where the digest's source line runs into a title that cannot be split
    /// reliably; also the name written to the payload.
    #[arg(long, value_name = "NAME")]
    pub source_name: Option<String>,
    /// The card's id (a slug); default: a slug of the headline.
    #[arg(long, value_name = "SLUG")]
    pub id: Option<String>,
    /// The card's language, a BCP 47 tag such as en or pt-BR (the digest does not say).
    #[arg(long, value_name = "TAG")]
    pub lang: Option<String>,
    /// Publication date-time, RFC 3339 (the digest does not say).
    #[arg(long, value_name = "DATE")]
    pub published: Option<String>,
    /// Who the pull quote is by; default: read from the teaser.
    #[arg(long, value_name = "TEXT", conflicts_with = "no_quote_attribution")]
    pub quote_attribution: Option<String>,
    /// Leave the pull quote without attribution.
    #[arg(long)]
    pub no_quote_attribution: bool,
    /// Do not list repairs and notes on standard error.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Render payloads to static HTML: the card's full markup in a declarative shadow root, the
/// payload inline, and schema.org JSON-LD.
///
/// One file: `render story.json > story.html` writes an `<article-card>` element to drop into any
/// page (or, with --standalone, a complete page). The widget, once loaded, takes the card over
/// in place. A folder: `render --out DIR PAYLOAD_DIR` renders every *.json under PAYLOAD_DIR to
/// the same path under DIR with .html, in parallel on every core, skipping files whose output
/// is unchanged (same payload bytes, options and article-card renderer), and reports cards per
/// second.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES, verbatim_doc_comment)]
pub struct RenderArgs {
    /// A payload file (`-` for standard input), or, with --out, a folder of payloads.
    #[arg(value_name = "PATH")]
    pub input: PathBuf,
    /// Where to write: a file for one payload (default: standard output), the output folder for
    /// a folder of payloads (required).
    #[arg(short, long, value_name = "PATH")]
    pub out: Option<PathBuf>,
    /// Write a complete HTML page around the card.
    #[arg(long)]
    pub standalone: bool,
    /// URL of the widget's loader for --standalone pages.
    #[arg(long, value_name = "URL", default_value = crate::render::DEFAULT_BUNDLE_URL)]
    pub bundle: String,
    /// --standalone pages without the widget's script (the card still shows in full).
    #[arg(long)]
    pub no_bundle: bool,
    /// Folder mode: render every file, changed or not.
    #[arg(long)]
    pub force: bool,
    /// Folder mode: threads to use (default: one per core).
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Folder mode: no progress bar or summary.
    #[arg(short, long)]
    pub quiet: bool,
}

/// Print the JSON Schema (draft 2020-12) of payload v1, generated from the Rust types.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES, verbatim_doc_comment)]
pub struct SchemaArgs {
    /// Write the schema here instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
}

/// Runs the command line with the process's arguments.
pub fn main() -> ExitCode {
    run(std::env::args_os()).into()
}

/// Runs the command line with `args` (the first is the program name).
pub fn run<I, T>(args: I) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version are "errors" that print to stdout and succeed.
            let _ = err.print();
            return if err.use_stderr() {
                Exit::Usage
            } else {
                Exit::Ok
            };
        }
    };
    match cli.command {
        Command::Validate(args) => validate::run(&args),
        Command::Import(args) => import::run(&args),
        Command::Render(args) => render::run(&args),
        Command::Site(args) => site::run(&args),
        Command::Schema(args) => schema(&args),
    }
}

fn schema(args: &SchemaArgs) -> Exit {
    let text = crate::model::schema::payload_schema_json();
    match &args.output {
        Some(path) => match std::fs::write(path, text) {
            Ok(()) => Exit::Ok,
            Err(err) => {
                eprintln!("article-card: cannot write {}: {err}", path.display());
                Exit::Io
            }
        },
        None => report::print_stdout(&text),
    }
}
