//! Issue 15, defect 5: pre-rendered text is the payload's text, as the widget shows it.
//!
//! `article-card render` writes HTML, and an HTML parser changes some characters on the way in
//! (CR and CRLF become LF, NUL is dropped); the widget sets text through the DOM, which changes
//! nothing. These tests read the pre-rendered card with a standards HTML parser (html5ever, as
//! a browser would) and compare each text with the validated model (what the widget shows) and
//! with the payload itself, for fixed cases and for a seeded generated set.
#![cfg(not(target_arch = "wasm32"))]

use article_card::model::{article_from_str, Article, Block};
use article_card::render::{render_payload, RenderOptions};
use scraper::{Html, Selector};
use serde_json::{json, Value};

/// The text fields, as (JSON pointer into the payload, selector into the card, attribute).
const FIELDS: [(&str, &str, Option<&str>); 8] = [
    ("/headline", "h2.card__headline", None),
    ("/dek", "p.card__dek", None),
    ("/byline", "span.card__byline", None),
    ("/source/name", "p.card__source", None),
    ("/quote/text", "blockquote.card__quote p", None),
    ("/quote/attribution", "figcaption.card__attribution", None),
    ("/image/alt", "img.card__image", Some("alt")),
    ("/sections/0/title", "span.section__title", None),
];

fn payload(texts: &[String; 9]) -> Value {
    json!({
        "version": 1,
        "headline": texts[0],
        "dek": texts[1],
        "byline": texts[2],
        "source": { "name": texts[3], "url": "https://example.com/story" },
        "quote": { "text": texts[4], "attribution": texts[5] },
        "image": { "src": "/a.jpg", "alt": texts[6], "width": 10, "height": 10 },
        "sections": [{ "id": "a", "title": texts[7], "body": texts[8] }],
    })
}

/// Each text of the pre-rendered card, in FIELDS order, then the section body's blocks, as a
/// browser's HTML parser reads them.
fn prerendered(html: &str) -> (Vec<Option<String>>, Vec<String>) {
    let doc = Html::parse_document(html);
    let one = |selector: &str, attr: Option<&str>| {
        let selector = Selector::parse(selector).unwrap();
        let el = doc.select(&selector).next()?;
        Some(match attr {
            Some(attr) => el.value().attr(attr).unwrap_or_default().to_owned(),
            None => el.text().collect(),
        })
    };
    let fields = FIELDS
        .iter()
        .map(|(_, sel, attr)| one(sel, *attr))
        .collect();
    let blocks = Selector::parse(".section__panel p, .section__panel li").unwrap();
    let body = doc.select(&blocks).map(|el| el.text().collect()).collect();
    (fields, body)
}

/// The same texts from the validated model: what the widget puts in the DOM.
fn widget(article: &Article) -> (Vec<Option<String>>, Vec<String>) {
    let s = |t: &article_card::model::Text| Some(t.to_string());
    let section = article.sections.first();
    let fields = vec![
        s(&article.headline),
        article.dek.as_ref().and_then(s),
        article.byline.as_ref().and_then(s),
        s(&article.source.name),
        article.quote.as_ref().and_then(|q| s(&q.text)),
        article
            .quote
            .as_ref()
            .and_then(|q| q.attribution.as_ref().and_then(s)),
        article.image.as_ref().and_then(|i| s(&i.alt)),
        section.and_then(|sec| s(&sec.title)),
    ];
    let body = section
        .map(|sec| {
            sec.body
                .iter()
                .flat_map(|block| match block {
                    Block::Paragraph(p) => vec![p.to_string()],
                    Block::List(items) => items.iter().map(ToString::to_string).collect(),
                })
                .collect()
        })
        .unwrap_or_default();
    (fields, body)
}

/// What the card must show for a payload text: trimmed, line breaks as LF.
fn shown(text: &str) -> String {
    text.trim().replace("\r\n", "\n").replace('\r', "\n")
}

fn refused_control(text: &str) -> bool {
    text.trim()
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

/// Renders `payload` if it is accepted, checking that the pre-rendered texts equal the widget's
/// and the payload's. Returns whether it was accepted.
fn check(payload: &Value) -> Result<bool, String> {
    let text = payload.to_string();
    let Ok(article) = article_from_str(&text) else {
        return Ok(false);
    };
    let html = render_payload(&text, &RenderOptions::default())
        .map_err(|p| format!("render refused what validate accepted: {p:?}"))?;
    let (pre_fields, pre_body) = prerendered(&html);
    let (live_fields, live_body) = widget(&article);
    if pre_fields != live_fields || pre_body != live_body {
        return Err(format!(
            "pre-rendered {pre_fields:?} {pre_body:?}\n   widget {live_fields:?} {live_body:?}"
        ));
    }
    for ((pointer, _, _), live) in FIELDS.iter().zip(&live_fields) {
        let given = payload
            .pointer(pointer)
            .and_then(Value::as_str)
            .unwrap_or("");
        let want = Some(shown(given)).filter(|s| !s.is_empty() || *pointer == "/image/alt");
        if *live != want {
            return Err(format!("{pointer}: payload {given:?}, shown {live:?}"));
        }
    }
    Ok(true)
}

#[test]
fn issue15_defect5_crlf_prerenders_as_the_widget_shows_it() {
    let texts = [
        "Head\r\nline",
        "Dek\rwith CR",
        "By\r\nline",
        "Source\r\nname",
        "Quote\r\n\r\ntext",
        "Attri\rbution",
        "Alt\r\ntext",
        "Ti\r\ntle",
        "First\r\nparagraph\r\n\r\n- item\r- two",
    ]
    .map(String::from);
    assert_eq!(check(&payload(&texts)), Ok(true));
}

#[test]
fn issue15_defect5_nul_and_other_controls_are_refused_with_their_path() {
    for (i, control) in ['\u{0}', '\u{1}', '\u{b}', '\u{7f}', '\u{85}']
        .into_iter()
        .enumerate()
    {
        let mut texts = ["x"; 9].map(String::from);
        let field = i % 8;
        texts[field] = format!("a{control}b");
        let problems = article_from_str(&payload(&texts).to_string()).unwrap_err();
        let paths: Vec<_> = problems.iter().map(|p| p.path.as_str()).collect();
        let want = FIELDS[field].0[1..]
            .replace("/0/", "[0].")
            .replace('/', ".");
        assert_eq!(paths, [want.as_str()], "U+{:04X}", u32::from(control));
        assert!(
            problems[0].to_string().contains("control characters"),
            "{problems:?}"
        );
    }
}

/// A small seeded generator (xorshift64*): the same set on every run, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Pieces that text is made of: the characters HTML parsing or escaping treats specially, line
/// breaks of every kind, white space the model trims, and characters outside the BMP.
const CLEAN: &[&str] = &[
    "a",
    "Z",
    "0",
    " ",
    "  ",
    "\t",
    "\n",
    "\r",
    "\r\n",
    "\n\n",
    "\r\n\r\n",
    "- ",
    "\n- ",
    "<",
    ">",
    "&",
    "&amp;",
    "&#0;",
    "\"",
    "'",
    "<!--",
    "</p>",
    "]]>",
    "é",
    "東",
    "\u{301}",
    "\u{a0}",
    "\u{2028}",
    "\u{feff}",
    "\u{200b}",
    "\u{1F600}",
    "\u{fffd}",
];
const CONTROLS: &[&str] = &[
    "\u{0}", "\u{1}", "\u{8}", "\u{b}", "\u{c}", "\u{1b}", "\u{7f}", "\u{85}", "\u{9f}",
];

fn text(rng: &mut Rng, with_controls: bool) -> String {
    let mut s = String::new();
    for _ in 0..rng.below(10) {
        let piece = if with_controls && rng.below(6) == 0 {
            CONTROLS[rng.below(CONTROLS.len())]
        } else {
            CLEAN[rng.below(CLEAN.len())]
        };
        s.push_str(piece);
    }
    s
}

#[test]
fn prerendered_text_equals_the_payload_and_the_widget_for_a_generated_set() {
    let mut rng = Rng(0x15_2026_1202);
    let (mut accepted, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for n in 0..600 {
        let with_controls = rng.below(4) == 0;
        // Required texts start with a letter, so that most payloads are accepted.
        let texts: [String; 9] = std::array::from_fn(|i| {
            let t = text(&mut rng, with_controls);
            if matches!(i, 0 | 3 | 4 | 7 | 8) {
                format!("x{t}")
            } else {
                t
            }
        });
        let payload = payload(&texts);
        let must_refuse = texts.iter().any(|t| refused_control(t));
        match check(&payload) {
            Ok(true) if !must_refuse => accepted += 1,
            Ok(false) if must_refuse => refused += 1,
            Ok(verdict) => failures.push(format!("#{n}: accepted={verdict}, {payload}")),
            Err(e) => failures.push(format!("#{n}: {payload}\n   {e}")),
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures[..failures.len().min(5)].join("\n")
    );
    assert!(
        accepted >= 400 && refused >= 50,
        "accepted {accepted}, refused {refused}"
    );
}
