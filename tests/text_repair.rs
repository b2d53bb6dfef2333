//! Text repair, pinned by a table: what each kind of mis-decoded text becomes, the seed's own
//! lines among them, and text in many languages (Thai above all) that must come back unchanged.
#![cfg(not(target_arch = "wasm32"))]

use article_card::text::{line_col, repair, Cause};

/// (name, input, repaired)
const REPAIRED: &[(&str, &str, &str)] = &[
    // The seed, line by line (lossy Thai code page: bytes 0x80–0x9F gone).
    (
        "seed headline: possessive and spaced dash",
        "Anthropicโs safety warnings may have just backfired โ the government has pulled the plug on its most powerful AI",
        "Anthropic’s safety warnings may have just backfired — the government has pulled the plug on its most powerful AI",
    ),
    (
        "seed teaser: ellipsis after a cut word",
        "of millions of people,\" theโฆ",
        "of millions of people,\" the…",
    ),
    (
        "seed source line: the arrow of a link",
        "Read Full Story at TechCrunch โ",
        "Read Full Story at TechCrunch →",
    ),
    (
        "seed body: contraction, possessive, unspaced dash",
        "This isnโt just about one companyโs model being pulledโit signals a potential shift",
        "This isn’t just about one company’s model being pulled—it signals a potential shift",
    ),
    (
        "seed body: dash before a question",
        "risk communication strategyโwas the model truly unsafe",
        "risk communication strategy—was the model truly unsafe",
    ),
    (
        "seed body: a pair of unspaced dashes",
        "even niche risksโlike a single jailbreakโcan trigger",
        "even niche risks—like a single jailbreak—can trigger",
    ),
    (
        "seed body: possessives of names",
        "Silicon Valleyโs more aggressive players. The technologyโs reach",
        "Silicon Valley’s more aggressive players. The technology’s reach",
    ),
    // Lossy Thai code page: the other characters `โ` stands for.
    (
        "opening and closing quotes",
        "He said โwe will winโ and left.",
        "He said “we will win” and left.",
    ),
    (
        "closing quote after a comma",
        "โHello,โ she said.",
        "“Hello,” she said.",
    ),
    (
        "closing quote before a full stop",
        "They called it โprogressโ.",
        "They called it “progress”.",
    ),
    (
        "a word ending in s closes an open quotation",
        "They called it โprogressโ and moved on.",
        "They called it “progress” and moved on.",
    ),
    (
        "plural possessive with no quotation open",
        "the companiesโ models",
        "the companies’ models",
    ),
    (
        "contractions",
        "theyโre, weโll, Iโm, youโve, sheโd, itโs, donโt",
        "they’re, we’ll, I’m, you’ve, she’d, it’s, don’t",
    ),
    (
        "elided single letters",
        "lโhomme, dโArtagnan, Seรกn OโBrien",
        "l’homme, d’Artagnan, Seán O’Brien",
    ),
    ("range between numbers", "pages 10โ20", "pages 10–20"),
    ("apostrophe of a decade", "back in the โ90s", "back in the ’90s"),
    ("ellipsis", "Wait for itโฆ", "Wait for it…"),
    ("bullet", "โข First item", "• First item"),
    ("trade mark after a word", "Acmeโข Rockets", "Acme™ Rockets"),
    ("euro sign", "costs โฌ5", "costs €5"),
    (
        "quotes across a line break are independent",
        "โYes.โ\nโNo.โ",
        "“Yes.”\n“No.”",
    ),
    // Thai code page with the C1 bytes kept: decoded exactly.
    (
        "Thai code page, C1 bytes kept",
        "It\u{e42}\u{80}\u{99}s here",
        "It’s here",
    ),
    ("Thai code page, Latin letter", "cafรฉ au lait", "café au lait"),
    // UTF-8 read as Windows-1252 or Latin-1.
    ("Windows-1252 apostrophe", "Itâ€™s", "It’s"),
    (
        "Windows-1252 quotes, closing byte lost",
        "â€œQuoteâ€ said",
        "“Quote” said",
    ),
    (
        "Latin-1 quotes with C1 bytes",
        "\u{e2}\u{80}\u{9c}Quote\u{e2}\u{80}\u{9d}",
        "“Quote”",
    ),
    (
        "Windows-1252 dashes and ellipsis",
        "a â€” b â€“ c â€¦",
        "a — b – c …",
    ),
    (
        "Windows-1252 accented letters",
        "cafÃ©, naÃ¯ve, Ã¼ber, SÃ£o Paulo, Ã‡a",
        "café, naïve, über, São Paulo, Ça",
    ),
    ("Windows-1252 pound sign", "Â£5 and Â© 2026", "£5 and © 2026"),
    ("Windows-1252 no-break space", "10Â\u{a0}km", "10\u{a0}km"),
    ("Windows-1252 twice", "Itâ€™s and itÃ¢â‚¬â„¢s", "It’s and it’s"),
    ("Windows-1252 emoji", "ðŸ‘\u{8d} ok", "👍 ok"),
];

/// Correct text in many languages and scripts: never changed.
const UNCHANGED: &[(&str, &str)] = &[
    ("plain English", "Anthropic isn't hiding its frustration."),
    (
        "typographic English",
        "“Hello” — it’s café, naïve… 10–20 → next • item ™",
    ),
    ("Thai: a school", "โรงเรียน"),
    ("Thai: advertising, starts like an ellipsis", "โฆษณา"),
    ("Thai: starts like a bullet", "โขมง"),
    (
        "Thai sentence",
        "ข่าวโทรศัพท์มือถือรุ่นใหม่ โปรโมชั่นพิเศษ ราคา 100 บาท โอเค",
    ),
    (
        "Thai among English",
        "The word โรงเรียน means school; รก means messy.",
    ),
    ("Thai right after a Latin word", "iPhoneโทรศัพท์"),
    ("Thai ending in a vowel sign", "ภาษาโ"),
    ("French", "Ça va ? L’été à Paris, « déjà vu »."),
    ("German", "Über die Brücke: Größe, Maß, Äpfel."),
    ("Portuguese capitals", "SÃO PAULO, NÃO, MÃE"),
    ("Spanish", "¿Qué tal? ¡Señor Muñoz!"),
    ("Icelandic", "Þingvellir og Ísafjörður"),
    ("Polish", "Zażółć gęślą jaźń"),
    ("Greek", "Ελληνικά: καλημέρα"),
    ("Russian", "Русский язык, ёлка"),
    ("Arabic", "اللغة العربية"),
    ("Hebrew", "עברית"),
    ("Hindi", "हिन्दी भाषा"),
    ("Japanese", "東京の未来「こんにちは」…"),
    ("Chinese", "中文，你好！"),
    ("Korean", "한국어"),
    ("Vietnamese", "Tiếng Việt có dấu: ã, ẫ, ữ"),
    ("currency and symbols", "€5, £3, ¥100, © ® ° ± µ ¶ · ½"),
    ("emoji", "👍 🇹🇭"),
    ("empty", ""),
];

#[test]
fn repairs_every_case_in_the_table() {
    let mut failures = Vec::new();
    for (name, input, want) in REPAIRED {
        let got = repair(input);
        if got.text != *want {
            failures.push(format!(
                "{name}:\n  input: {input:?}\n  want:  {want:?}\n  got:   {:?}",
                got.text
            ));
        }
        if got.repairs.is_empty() {
            failures.push(format!("{name}: no repair reported"));
        }
        // The repairs, applied to the input, give the text.
        let mut rebuilt = String::new();
        let mut at = 0;
        for r in &got.repairs {
            assert_eq!(
                &input[r.start..r.end],
                r.from,
                "{name}: from matches its span"
            );
            rebuilt.push_str(&input[at..r.start]);
            rebuilt.push_str(&r.to);
            at = r.end;
        }
        rebuilt.push_str(&input[at..]);
        assert_eq!(rebuilt, got.text, "{name}: repairs rebuild the text");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn correct_text_is_never_changed() {
    for (name, input) in UNCHANGED {
        let got = repair(input);
        assert_eq!(got.text, *input, "{name}");
        assert!(got.repairs.is_empty(), "{name}: {:?}", got.repairs);
    }
}

#[test]
fn repaired_text_needs_no_further_repair() {
    for (name, _, want) in REPAIRED {
        assert!(repair(want).repairs.is_empty(), "{name}: {want:?}");
    }
}

#[test]
fn every_repair_has_its_position_and_cause() {
    let text = "Line one\nAnthropicโs view: โฆ and Itâ€™s";
    let got = repair(text);
    let found: Vec<_> = got
        .repairs
        .iter()
        .map(|r| {
            (
                line_col(text, r.start),
                r.from.as_str(),
                r.to.as_str(),
                r.cause,
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ((2, 10), "โ", "’", Cause::ThaiCodePageLossy),
            ((2, 19), "โฆ", "…", Cause::ThaiCodePageLossy),
            ((2, 28), "â€™", "’", Cause::Windows1252),
        ]
    );
    assert!(Cause::ThaiCodePageLossy.is_inferred());
    assert!(!Cause::Windows1252.is_inferred());
}

#[test]
fn the_whole_seed_is_repaired_and_keeps_its_thai_free_text() {
    let seed = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/digests/seed-anthropic-recall.txt"),
    )
    .unwrap();
    let got = repair(&seed);
    assert!(!got.text.contains('โ'), "{}", got.text);
    assert_eq!(got.repairs.len(), seed.matches('โ').count());
    // Characters other than the repaired ones are untouched.
    let untouched: String = seed.replace("โฆ", "").replace('โ', "");
    let repaired_untouched: String = got
        .text
        .chars()
        .filter(|c| !matches!(c, '’' | '—' | '“' | '”' | '…' | '→'))
        .collect();
    assert_eq!(untouched, repaired_untouched);
}

/// Arbitrary text (Thai, Windows-1252 look-alikes, C1 controls, quotes, line breaks, ASCII):
/// no panic, the reported repairs rebuild the output, and text without any character a repair
/// could start from comes back as it was.
#[test]
fn arbitrary_text_never_breaks_the_repair() {
    const ALPHABET: &[char] = &[
        'a', 's', 't', 'I', ' ', '\n', '.', ',', '"', '(', '0', '9', 'โ', 'ฆ', 'ข', 'ฌ', 'ร', 'ฉ',
        'ก', 'ภ', '่', 'â', '€', '™', 'Ã', '©', 'Â', '\u{a0}', '\u{80}', '\u{99}', '\u{9d}', 'ð',
        'Ÿ', '‘', '’', '“', '”', '—', 'é', '東',
    ];
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for _ in 0..20_000 {
        let len = (next() % 24) as usize;
        let input: String = (0..len)
            .map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize])
            .collect();
        let got = repair(&input);
        let mut rebuilt = String::new();
        let mut at = 0;
        for r in &got.repairs {
            assert!(
                r.start >= at && r.end > r.start,
                "{input:?}: {:?}",
                got.repairs
            );
            rebuilt.push_str(&input[at..r.start]);
            rebuilt.push_str(&r.to);
            at = r.end;
        }
        rebuilt.push_str(&input[at..]);
        assert_eq!(rebuilt, got.text, "{input:?}");
        let plain = input
            .chars()
            .all(|c| c.is_ascii() || matches!(c, '’' | '“' | '”' | '—' | '東'));
        if plain {
            assert_eq!(got.text, input);
        }
    }
}
