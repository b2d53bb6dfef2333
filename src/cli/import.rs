//! `article-card import`: a digest to a payload, checked like any other before it is written.

use std::collections::BTreeMap;

use super::report::{self, display_name, read_input};
use super::{Exit, ImportArgs};
use crate::import::{self, Attribution, Options};
use crate::model::{self, read, Json};

pub fn run(args: &ImportArgs) -> Exit {
    let name = display_name(&args.file);
    let sources = match &args.sources {
        Some(path) => match read_sources(path) {
            Ok(sources) => sources,
            Err((exit, message)) => {
                report::note(&format!(
                    "article-card import: {}: {message}",
                    path.display()
                ));
                return exit;
            }
        },
        None => BTreeMap::new(),
    };
    let digest = match report::read_or_note(&args.file) {
        Ok(text) => text,
        Err(exit) => return exit,
    };
    let options = Options {
        source_url: args.source_url.clone(),
        sources,
        source_name: args.source_name.clone(),
        id: args.id.clone(),
        lang: args.lang.clone(),
        attribution: match (&args.quote_attribution, args.no_quote_attribution) {
            (Some(who), _) => Attribution::Given(who.clone()),
            (None, true) => Attribution::Omit,
            (None, false) => Attribution::Infer,
        },
        published: args.published.clone(),
    };
    let imported = match import::import(&digest, &options) {
        Ok(imported) => imported,
        Err(err) => {
            report::note(&format!("{name}: error: {err}"));
            return Exit::Invalid;
        }
    };
    if !args.quiet {
        for r in &imported.repairs {
            report::note(&format!(
                "{name}:{}:{}: repaired {} → {} ({})",
                r.line,
                r.column,
                r.repair.describe_from(),
                r.repair.describe_to(),
                r.repair.cause
            ));
        }
        for n in &imported.notes {
            report::note(&format!("{name}:{}: note: {}", n.line, n.message));
        }
    }
    let json = imported.to_json();
    if let Err(problems) = model::article_from_str(&json) {
        report::note(&format!(
            "{name}: error: the imported payload is not valid, so nothing was written:"
        ));
        for problem in problems {
            report::note(&format!("  {problem}"));
        }
        return Exit::Invalid;
    }
    report::write_output(args.output.as_deref(), &json)
}

/// Reads a `--sources` file: a JSON object of source names to URLs.
fn read_sources(path: &std::path::Path) -> Result<BTreeMap<String, String>, (Exit, String)> {
    let text = read_input(path).map_err(|err| (err.exit(), err.message().to_owned()))?;
    let shape = || "must be a JSON object of source names to URLs".to_owned();
    let doc = read::document(&text).map_err(|unreadable| {
        (
            Exit::Invalid,
            format!("{} ({})", shape(), unreadable.problem.kind),
        )
    })?;
    let Json::Object(members) = doc.json else {
        return Err((Exit::Invalid, shape()));
    };
    members
        .into_iter()
        .map(|(name, url)| match url {
            Json::String(url) => Ok((name, url)),
            other => Err((
                Exit::Invalid,
                format!("{}: {name} is {}, not a string", shape(), other.kind()),
            )),
        })
        .collect()
}
