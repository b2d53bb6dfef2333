//! `article-card render`: one payload to HTML, or a folder of them in parallel.

use std::io::IsTerminal;
use std::path::PathBuf;

use super::report::{self, display_name};
use super::{Exit, RenderArgs};
use crate::render::batch::{self, BatchOptions, Failure};
use crate::render::{render_payload, RenderOptions};

pub fn run(args: &RenderArgs) -> Exit {
    let options = RenderOptions {
        standalone: args.standalone,
        bundle_url: (!args.no_bundle).then(|| args.bundle.clone()),
        fingerprint: None,
    };
    if args.input.is_dir() {
        return render_folder(args, options);
    }
    let name = display_name(&args.input);
    let text = match report::read_or_note(&args.input) {
        Ok(text) => text,
        Err(exit) => return exit,
    };
    match render_payload(&text, &options) {
        Ok(html) => report::write_output(args.out.as_deref(), &html),
        Err(problems) => {
            for line in report::problem_lines(&name, &text, &problems) {
                report::note(&line);
            }
            Exit::Invalid
        }
    }
}

fn render_folder(args: &RenderArgs, render: RenderOptions) -> Exit {
    let Some(out) = &args.out else {
        report::note(&format!(
            "article-card render: {} is a folder: give the output folder with --out DIR",
            args.input.display()
        ));
        return Exit::Usage;
    };
    let options = BatchOptions {
        render,
        force: args.force,
        jobs: args.jobs,
        progress: !args.quiet && std::io::stderr().is_terminal(),
    };
    let report = match batch::render_dir(&args.input, out, &options) {
        Ok(report) => report,
        Err(err) => {
            report::note(&format!("article-card render: {err}"));
            return Exit::Io;
        }
    };
    let exit = note_failures(&report.failed);
    if !args.quiet {
        let rate = if report.rendered > 0 {
            format!(": {:.0} cards/s", report.cards_per_second())
        } else {
            String::new()
        };
        report::note(&format!(
            "rendered {}, {} unchanged, {} failed, in {:.2} s{rate} on {}",
            report::count(report.rendered, "card"),
            report.unchanged,
            report.failed.len(),
            report.elapsed.as_secs_f64(),
            report::count(report.threads, "thread"),
        ));
    }
    exit
}

/// Says why each payload of a folder failed; the exit code for the worst failure.
pub(super) fn note_failures(failed: &[(PathBuf, Failure)]) -> Exit {
    let mut exit = Exit::Ok;
    for (path, failure) in failed {
        let name = path.display().to_string();
        match failure {
            Failure::Invalid { text, problems } => {
                exit = exit.max(Exit::Invalid);
                for line in report::problem_lines(&name, text, problems) {
                    report::note(&line);
                }
            }
            Failure::Io(message) => {
                exit = exit.max(Exit::Io);
                report::note(&format!("{name}: error: {message}"));
            }
        }
    }
    exit
}
