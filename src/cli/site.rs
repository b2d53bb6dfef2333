//! `article-card site`: a folder of payloads to a static site of card pages, embed pages and
//! oEmbed responses (see [`crate::site`]).

use std::path::PathBuf;

use clap::Args;
use url::Url;

use super::render::note_failures;
use super::report;
use super::{Exit, EXIT_CODES};
use crate::site::{build_site, SiteOptions};

/// Build a static site from a folder of payloads, so each card has an address to paste.
///
/// For every *.json under PAYLOAD_DIR: a card page (OUT/<id>/) with Open Graph, Twitter Card,
/// JSON-LD and oEmbed discovery, an embed page for iframes (OUT/<id>/embed/) and an oEmbed
/// response (OUT/<id>/oembed.json); then an index, sitemap.xml, feed.xml (Atom), the shared
/// assets and the widget's bundle under article-card/<version>/. Run it again after editing
/// payloads: unchanged cards are not rewritten, and the pages of deleted payloads are removed.
#[derive(Debug, Args)]
#[command(after_help = EXIT_CODES, verbatim_doc_comment)]
pub struct SiteArgs {
    /// The folder of payloads.
    #[arg(value_name = "PAYLOAD_DIR")]
    pub input: PathBuf,
    /// The folder to write the site into.
    #[arg(short, long, value_name = "DIR")]
    pub out: PathBuf,
    /// The address the site will be served from, such as https://cards.example.com/ (every
    /// address in previews and oEmbed is absolute).
    #[arg(long, value_name = "URL")]
    pub base_url: String,
    /// The site's name, shown as the publisher in previews (default: the base address's host).
    #[arg(long, value_name = "NAME")]
    pub name: Option<String>,
    /// The built bundle to copy in (from scripts/build-bundle.sh).
    #[arg(long, value_name = "DIR", default_value = "dist/article-card")]
    pub bundle: PathBuf,
    /// Pages without the widget: the pre-rendered cards show in full, sections open.
    #[arg(long)]
    pub no_bundle: bool,
    /// Rewrite every card, changed or not.
    #[arg(long)]
    pub force: bool,
    /// No summary.
    #[arg(short, long)]
    pub quiet: bool,
}

pub fn run(args: &SiteArgs) -> Exit {
    let base_url = match parse_base(&args.base_url) {
        Ok(url) => url,
        Err(why) => {
            report::note(&format!(
                "article-card site: --base-url {}: {why}",
                args.base_url
            ));
            return Exit::Usage;
        }
    };
    let options = SiteOptions {
        base_url,
        name: args.name.clone(),
        bundle: (!args.no_bundle).then(|| args.bundle.clone()),
        force: args.force,
    };
    let report = match build_site(&args.input, &args.out, &options) {
        Ok(report) => report,
        Err(err) => {
            report::note(&format!("article-card site: {err}"));
            return Exit::Io;
        }
    };
    let mut exit = note_failures(&report.failed);
    for (path, why) in &report.conflicts {
        exit = exit.max(Exit::Invalid);
        report::note(&format!("{}: error: {why}", path.display()));
    }
    if !args.quiet {
        report::note(&format!(
            "site: {} written, {} unchanged, {} removed, {} failed, in {:.2} s",
            report::count(report.written, "card"),
            report.unchanged,
            report.removed.len(),
            report.failed.len() + report.conflicts.len(),
            report.elapsed.as_secs_f64(),
        ));
    }
    exit
}

/// The base address: absolute http(s), and a folder (a missing final `/` is added, since
/// every page's address is joined onto it).
fn parse_base(text: &str) -> Result<Url, String> {
    let mut url = Url::parse(text).map_err(|err| err.to_string())?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("must be an http or https address".into());
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("must not have a query or fragment".into());
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}
