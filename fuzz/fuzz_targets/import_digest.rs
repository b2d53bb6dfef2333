//! The digest importer (`article_card::import::import`) on arbitrary text: never panics, and
//! whatever it produces is JSON that the payload validator reads without panicking.
#![no_main]

use article_card::import::{import, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let digest = String::from_utf8_lossy(rest);
    let mut options = Options::default();
    if flags & 1 == 1 {
        options.source_url = Some("https://example.com/story".to_owned());
    }
    if flags & 2 == 2 {
        options.source_name = Some("Example News".to_owned());
    }
    if flags & 4 == 4 {
        options.lang = Some("en".to_owned());
    }
    match import(&digest, &options) {
        Ok(imported) => {
            let json = imported.to_json();
            assert!(!json.trim().is_empty(), "an import with no JSON");
            let result = article_card::model::article_from_str(&json);
            if let Err(problems) = &result {
                // The importer's output may be invalid (an over-long teaser is reported like any
                // other), but never unreadable.
                for p in problems {
                    assert!(
                        !matches!(p.kind, article_card::model::ProblemKind::NotJson { .. }),
                        "the importer wrote something that is not JSON: {p}\n{json}"
                    );
                }
            }
            article_card_fuzz::check_result(&result);
        }
        Err(err) => {
            assert!(!err.to_string().is_empty());
        }
    }
});
