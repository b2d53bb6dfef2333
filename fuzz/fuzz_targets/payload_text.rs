//! Payload text, as a publisher's pipeline (or an attacker) might send it, through the native
//! entry point: size check, JSON parse (and the positions it records), wire reading and
//! validation.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // JSON text is UTF-8; the widget decodes bytes lossily before parsing, so do the same.
    let text = String::from_utf8_lossy(data);
    let result = article_card::model::article_from_str(&text);
    article_card_fuzz::check_result(&result);
    if let Ok(doc) = article_card::model::read::document(&text) {
        article_card_fuzz::check_spans(&text, &doc.json, &doc.span);
    }
});
