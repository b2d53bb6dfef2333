//! A JSON value as the payload arrives, before anything is trusted.
//!
//! The model walks this tree itself instead of deriving `Deserialize` for typed structs, because a
//! derived deserializer stops at the first wrong type while a publisher needs every problem at
//! once. The tree is built by whichever parser is at hand: [`super::read`] natively (which also
//! records where each value is), the browser's own `JSON.parse` in the widget (so the bundle
//! carries no JSON parser). The two agree on every verdict; `super::read` says how.

/// A parsed JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    /// Members in document order. Duplicate keys are kept; [`Json::get`] takes the last one, as
    /// `JSON.parse` does, so the widget and the command line agree.
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The JSON name of this value's type, for messages like "must be a string, not a number".
    pub fn kind(&self) -> &'static str {
        match self {
            Json::Null => "null",
            Json::Bool(_) => "a boolean",
            Json::Number(_) => "a number",
            Json::String(_) => "a string",
            Json::Array(_) => "an array",
            Json::Object(_) => "an object",
        }
    }

    /// The value of `key` in an object (the last one if repeated); `None` for other values.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// Written back as JSON by `serde_json` (the command line's pre-rendered cards carry their
/// payload inline). Whole numbers are written without a fraction, as `JSON.stringify` writes
/// them; non-finite numbers, which only an out-of-range literal can make, are written `null`.
#[cfg(not(target_arch = "wasm32"))]
impl serde::Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => serializer.serialize_unit(),
            Json::Bool(b) => serializer.serialize_bool(*b),
            // Exact: whole and within ±2^53, where every integer is an f64.
            Json::Number(n) if n.fract() == 0.0 && n.abs() <= 9_007_199_254_740_992.0 => {
                serializer.serialize_i64(*n as i64)
            }
            Json::Number(n) => serializer.serialize_f64(*n),
            Json::String(s) => serializer.serialize_str(s),
            Json::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Json::Object(members) => {
                let mut map = serializer.serialize_map(Some(members.len()))?;
                for (key, value) in members {
                    map.serialize_entry(key, value)?;
                }
                map.end()
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Json;

    #[test]
    fn last_duplicate_key_wins_like_json_parse() {
        let json = crate::model::read::document(r#"{"a": 1, "a": "two"}"#)
            .unwrap()
            .json;
        assert_eq!(json.get("a"), Some(&Json::String("two".into())));
    }

    #[test]
    fn get_on_non_object_is_none() {
        assert_eq!(Json::Array(vec![]).get("a"), None);
    }
}
