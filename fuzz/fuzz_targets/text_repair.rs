//! Text repair (`article_card::text::repair`) on arbitrary text: never panics, and every repair
//! it reports is one it made, in order, without overlaps, at the right place.
#![no_main]

use article_card::text::{describe_text, line_col, needs_repair, repair};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let text = text.as_ref();
    let repaired = repair(text);
    // Rebuild the output from the input and the reported repairs: they must say exactly what
    // changed.
    let mut rebuilt = String::with_capacity(text.len());
    let mut at = 0;
    for r in &repaired.repairs {
        assert!(at <= r.start && r.start < r.end && r.end <= text.len(), "{r:?} after {at}");
        assert_eq!(text.get(r.start..r.end), Some(r.from.as_str()), "{r:?}");
        assert_ne!(r.from, r.to, "a repair that changes nothing: {r:?}");
        rebuilt.push_str(&text[at..r.start]);
        rebuilt.push_str(&r.to);
        at = r.end;
        let _ = (r.describe_from(), r.describe_to(), r.cause.describe(), line_col(text, r.start));
    }
    rebuilt.push_str(&text[at..]);
    assert_eq!(rebuilt, repaired.text);
    if repaired.repairs.is_empty() {
        assert_eq!(repaired.text, text, "unchanged text must come back as it was");
    }
    assert_eq!(needs_repair(text), !repaired.repairs.is_empty());
    let _ = describe_text(text);
});
