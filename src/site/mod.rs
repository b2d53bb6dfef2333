//! `article-card site`: a folder of payloads to a static site that any static host or CDN
//! serves as it is, so that a card's address can be pasted into a CMS or a chat.
//!
//! ```text
//! OUT/index.html                 every card, newest first
//! OUT/sitemap.xml, OUT/feed.xml  for search engines and feed readers
//! OUT/<id>/index.html            the card page: the card as the page, previews' tags, oEmbed link
//! OUT/<id>/embed/index.html      the card alone, for an iframe, reporting its height
//! OUT/<id>/oembed.json           the oEmbed response (rich) naming that iframe
//! OUT/assets/                    stylesheets, icon, the embed page's script
//! OUT/article-card/<version>/    the widget's bundle, once
//! ```
//!
//! Every page is a view of the same [`CardEntry`]: the validated article and the facts decided
//! about it once (addresses, description, height). Incremental as `render --out` is, with the
//! same fingerprint: the card page records it, and a card whose page records the current one
//! is not rewritten. `OUT/.article-card-site` lists which card came from which payload, so
//! the pages of a payload that was deleted are removed.

mod assets;
mod card;
mod card_page;
mod embed_page;
mod feed;
pub mod height;
mod index;
pub mod oembed;
mod page;
mod sitemap;

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use url::Url;

pub use card::{CardEntry, CardUrls};
pub use page::Site;

use crate::model;
use crate::render::batch::{
    fnv1a, payload_files, payload_text, recorded_fingerprint, sources_key, write_atomically,
    Failure,
};
use crate::render::read_payload;

/// Where the site records which card came from which payload.
pub const MANIFEST: &str = ".article-card-site";

/// Folder of the widget's bundle below the site's root, by version.
pub const BUNDLE_FOLDER: &str = concat!("article-card/", env!("CARGO_PKG_VERSION"), "/");

/// Names at the site's root that a card's id must not take.
const RESERVED: &[&str] = &[
    "assets",
    "article-card",
    "index.html",
    "feed.xml",
    "sitemap.xml",
];

/// What the site's pages depend on besides the renderer `render` hashes and the payload.
const SITE_SOURCES: &[&str] = &[
    include_str!("mod.rs"),
    include_str!("card.rs"),
    include_str!("card_page.rs"),
    include_str!("embed_page.rs"),
    include_str!("oembed.rs"),
    include_str!("page.rs"),
    include_str!("height.rs"),
    include_str!("assets.rs"),
];

/// How to build a site.
#[derive(Debug, Clone)]
pub struct SiteOptions {
    /// Where the site will be served, ending in `/`.
    pub base_url: Url,
    /// The site's name; `None` for the base address's host.
    pub name: Option<String>,
    /// The built bundle to copy (the folder `scripts/build-bundle.sh` writes); `None` for pages
    /// without the widget (the pre-rendered cards still show in full).
    pub bundle: Option<PathBuf>,
    /// Rewrite every card, changed or not.
    pub force: bool,
}

/// What a run did.
#[derive(Debug, Clone, Default)]
pub struct SiteReport {
    /// Cards whose pages were written.
    pub written: usize,
    pub unchanged: usize,
    /// Ids of cards whose payload is gone, whose pages were removed.
    pub removed: Vec<String>,
    pub failed: Vec<(PathBuf, Failure)>,
    /// Valid payloads the site cannot hold, and why: an id another payload has, or one the
    /// site's own files use.
    pub conflicts: Vec<(PathBuf, String)>,
    pub elapsed: Duration,
}

/// Builds the site for every payload under `input` into `output`.
pub fn build_site(input: &Path, output: &Path, options: &SiteOptions) -> io::Result<SiteReport> {
    let started = Instant::now();
    let files = payload_files(input, output)?;
    let site = Site {
        base: options.base_url.clone(),
        name: options
            .name
            .clone()
            .or_else(|| options.base_url.host_str().map(str::to_owned))
            .unwrap_or_else(|| options.base_url.to_string()),
        loader: options
            .bundle
            .as_ref()
            .map(|_| format!("{BUNDLE_FOLDER}article-card.js")),
    };
    let key = sources_key(
        &SITE_SOURCES
            .iter()
            .copied()
            .chain([
                site.base.as_str(),
                &site.name,
                site.loader.as_deref().unwrap_or(""),
            ])
            .collect::<Vec<_>>(),
    );

    let mut report = SiteReport::default();
    let previous = read_manifest(output);
    let mut manifest: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut entries = Vec::new();
    for relative in files {
        let source = input.join(&relative);
        match load(&source, &site, key) {
            Ok((entry, fingerprint)) => {
                let id = entry.article.id.clone();
                if RESERVED.contains(&id.as_str()) {
                    let why =
                        format!("its id `{id}` is a name the site itself uses: choose another");
                    report.conflicts.push((source, why));
                    continue;
                }
                if let Some(first) = manifest.get(&id) {
                    let why = format!(
                        "its id `{id}` is already the id of {}",
                        input.join(first).display()
                    );
                    report.conflicts.push((source, why));
                    continue;
                }
                manifest.insert(id, relative);
                entries.push((entry, fingerprint));
            }
            Err(failure) => {
                // An invalid payload keeps its card's last good pages: its id is still taken.
                if let Some((id, _)) = previous.iter().find(|(_, from)| **from == relative) {
                    manifest
                        .entry(id.clone())
                        .or_insert_with(|| relative.clone());
                }
                report.failed.push((source, failure));
            }
        }
    }

    for (entry, fingerprint) in &entries {
        match write_card(output, entry, &site, fingerprint, options.force) {
            Ok(true) => report.written += 1,
            Ok(false) => report.unchanged += 1,
            Err(err) => report.failed.push((
                input.join(
                    manifest
                        .get(&entry.article.id)
                        .map_or(Path::new(""), |p| p.as_path()),
                ),
                Failure::Io(format!("cannot write its pages: {err}")),
            )),
        }
    }
    for id in previous.keys().filter(|id| !manifest.contains_key(*id)) {
        let folder = output.join(id);
        if folder.is_dir() {
            fs::remove_dir_all(&folder)?;
        }
        report.removed.push(id.clone());
    }

    let mut listed: Vec<&CardEntry> = entries.iter().map(|(entry, _)| entry).collect();
    // Newest first; undated cards last, in id order.
    listed.sort_by(|a, b| {
        let when = |e: &CardEntry| e.changed().map(|ts| ts.unix_seconds());
        when(b)
            .cmp(&when(a))
            .then_with(|| a.article.id.cmp(&b.article.id))
    });
    write_if_changed(
        &output.join("index.html"),
        index::render(&listed, &site).as_bytes(),
    )?;
    write_if_changed(
        &output.join(assets::SITEMAP),
        sitemap::render(&listed, &site).as_bytes(),
    )?;
    write_if_changed(
        &output.join(assets::FEED),
        feed::render(&listed, &site).as_bytes(),
    )?;
    for (path, text) in assets::files() {
        write_if_changed(&output.join(path), text.as_bytes())?;
    }
    if let Some(bundle) = &options.bundle {
        copy_bundle(bundle, &output.join(BUNDLE_FOLDER))?;
    }
    write_if_changed(&output.join(MANIFEST), manifest_text(&manifest).as_bytes())?;
    report.elapsed = started.elapsed();
    Ok(report)
}

/// Reads and validates one payload into its entry, with its fingerprint.
fn load(source: &Path, site: &Site, key: u128) -> Result<(CardEntry, String), Failure> {
    let bytes = fs::read(source).map_err(|err| Failure::Io(format!("cannot read it: {err}")))?;
    let fingerprint = format!("{:032x}", fnv1a(key, &bytes));
    let text = payload_text(bytes)?;
    let (article, inline) = match read_payload(&text) {
        Ok(read) => read,
        Err(problems) => return Err(Failure::Invalid { text, problems }),
    };
    let entry = CardEntry::new(article, &inline, &site.base)
        .map_err(|err| Failure::Io(format!("its addresses cannot be formed: {err}")))?;
    Ok((entry, fingerprint))
}

/// Writes a card's three files unless its page records `fingerprint` and all three exist;
/// `true` when it wrote them. The page goes last: it marks the card as complete.
fn write_card(
    output: &Path,
    entry: &CardEntry,
    site: &Site,
    fingerprint: &str,
    force: bool,
) -> io::Result<bool> {
    let folder = output.join(&entry.article.id);
    let page = folder.join("index.html");
    let embed = folder.join("embed").join("index.html");
    let oembed = folder.join("oembed.json");
    let current = recorded_fingerprint(&page).as_deref() == Some(fingerprint)
        && embed.is_file()
        && oembed.is_file();
    if current && !force {
        return Ok(false);
    }
    write_atomically(&embed, embed_page::render(entry, site).as_bytes())?;
    write_atomically(&oembed, oembed::render(entry, site).as_bytes())?;
    write_atomically(
        &page,
        card_page::render(entry, site, fingerprint).as_bytes(),
    )?;
    Ok(true)
}

/// Writes `bytes` to `path` unless the file already holds exactly them, so a static host's
/// change detection (and `rsync`) sees only what changed.
fn write_if_changed(path: &Path, bytes: &[u8]) -> io::Result<()> {
    if fs::read(path).is_ok_and(|old| old == bytes) {
        return Ok(());
    }
    write_atomically(path, bytes)
}

/// Copies the bundle's files (not its folders) into `target`, changed files only.
fn copy_bundle(bundle: &Path, target: &Path) -> io::Result<()> {
    let mut copied = 0;
    for entry in fs::read_dir(bundle)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            write_if_changed(&target.join(entry.file_name()), &fs::read(entry.path())?)?;
            copied += 1;
        }
    }
    if copied == 0 {
        return Err(io::Error::new(
            io::ErrorKind::NotFound,
            format!(
                "{} holds no bundle (run scripts/build-bundle.sh)",
                bundle.display()
            ),
        ));
    }
    Ok(())
}

/// The manifest: one `id<TAB>payload path` line per card.
fn manifest_text(manifest: &BTreeMap<String, PathBuf>) -> String {
    manifest
        .iter()
        .map(|(id, from)| format!("{id}\t{}\n", from.display()))
        .collect()
}

fn read_manifest(output: &Path) -> BTreeMap<String, PathBuf> {
    let text = fs::read_to_string(output.join(MANIFEST)).unwrap_or_default();
    text.lines()
        .filter_map(|line| line.split_once('\t'))
        // Only ids a card could have: a damaged manifest must not name a folder to delete.
        .filter(|(id, _)| model::slug::is_slug(id) && !RESERVED.contains(id))
        .map(|(id, from)| (id.to_owned(), PathBuf::from(from)))
        .collect()
}
