//! The card's own words that a payload may replace (`labels` in payload v1). The view holds the
//! translations; the model only knows which labels exist, so that it can read and validate the
//! overrides with their paths.

/// Declares [`LabelKey`] from one table: each label's variant, its member name in the payload's
/// `labels` object, and its description (the JSON Schema's, so the doc comment and the schema
/// say the same). Adding a label is one line here; the reader, validation, the schema and
/// `validate --fix` take it from [`LabelKey::ALL`], and the view's translation tables stop
/// compiling until each language has words for it.
macro_rules! label_keys {
    ($($(#[doc = $doc:literal])+ $key:ident = $name:literal,)+) => {
        /// A label a payload may override, by its key in the payload's `labels` object.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum LabelKey {
            $($(#[doc = $doc])+ $key,)+
        }

        impl LabelKey {
            /// Every key, in the order the payload reference lists them.
            pub const ALL: &'static [LabelKey] = &[$(LabelKey::$key,)+];

            /// The member name in the payload's `labels` object.
            pub fn name(self) -> &'static str {
                match self {
                    $(LabelKey::$key => $name,)+
                }
            }

            /// What the label is and its English default, for the JSON Schema.
            pub fn description(self) -> &'static str {
                match self {
                    $(LabelKey::$key => concat!($($doc),+).trim_ascii(),)+
                }
            }
        }
    };
}

label_keys! {
    /// The full-story link; `{source}` stands for the source's name. Default: "Read the full
    /// story at {source}".
    FullStory = "fullStory",
    /// Said to screen readers after the full-story link, which opens a new tab. Default:
    /// "(opens in a new tab)".
    NewTab = "newTab",
    /// Before the publication date. Default: "Published".
    Published = "published",
    /// Before the update date. Default: "Updated".
    Updated = "updated",
    /// The button that opens every section. Default: "Expand all".
    ExpandAll = "expandAll",
    /// The same button when every section is open. Default: "Collapse all".
    CollapseAll = "collapseAll",
    /// Beside each section title; `{minutes}` stands for the minutes. Default: "{minutes} min
    /// read".
    ReadingTime = "readingTime",
    /// The link at the end of an open section to its own address. Default: "Link to this
    /// section".
    SectionLink = "sectionLink",
}

/// Text directions: whether a language is written right to left, from its primary subtag.
pub fn is_rtl_language(tag: &str) -> bool {
    let primary = tag.split('-').next().unwrap_or_default();
    [
        "ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi",
    ]
    .iter()
    .any(|rtl| primary.eq_ignore_ascii_case(rtl))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::LabelKey;
    use crate::model::article_from_str;

    fn with_labels(labels: &str) -> String {
        format!(
            r#"{{"version":1,"headline":"H","source":{{"name":"S","url":"https://example.com/"}},"labels":{labels}}}"#
        )
    }

    #[test]
    fn overrides_are_read_trimmed_and_blank_ones_ignored() {
        let article = article_from_str(&with_labels(
            r#"{"fullStory":" Continue on {source} ","expandAll":"","readingTime":"{minutes}′","someday":"x"}"#,
        ))
        .unwrap();
        assert_eq!(
            article.labels,
            vec![
                (LabelKey::FullStory, "Continue on {source}".into()),
                (LabelKey::ReadingTime, "{minutes}′".into()),
            ]
        );
        assert_eq!(
            article.label(LabelKey::ReadingTime).map(|t| &**t),
            Some("{minutes}′")
        );
        assert_eq!(article.label(LabelKey::NewTab), None);
    }

    #[test]
    fn every_wrong_override_is_reported_with_its_path() {
        let long = "x".repeat(201);
        let problems = article_from_str(&with_labels(&format!(
            r#"{{"newTab":3,"published":["a"],"collapseAll":"{long}"}}"#
        )))
        .unwrap_err();
        let lines: Vec<String> = problems.iter().map(|p| p.to_string()).collect();
        assert_eq!(
            lines,
            [
                "labels.newTab: must be a string, not a number",
                "labels.published: must be a string, not an array",
                "labels.collapseAll: must be at most 200 characters (it has 201)",
            ]
        );
        let problems = article_from_str(&with_labels("\"all\"")).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].path, "labels");
    }

    #[test]
    fn right_to_left_languages() {
        for tag in ["ar", "AR-eg", "he", "fa-IR", "ur"] {
            assert!(super::is_rtl_language(tag), "{tag}");
        }
        for tag in ["en", "arn", "ja", "", "a"] {
            assert!(!super::is_rtl_language(tag), "{tag}");
        }
    }
}
