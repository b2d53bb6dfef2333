//! A JSON value as the payload arrives, before anything is trusted.
//!
//! The model walks this tree itself instead of deriving `Deserialize` for typed structs, because a
//! derived deserializer stops at the first wrong type while a publisher needs every problem at
//! once. The tree is built by whichever parser is at hand: `serde_json` natively, the browser's
//! own `JSON.parse` in the widget (so the bundle carries no JSON parser).

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

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::fmt;

    use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};

    use super::Json;

    impl<'de> Deserialize<'de> for Json {
        fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
            deserializer.deserialize_any(JsonVisitor)
        }
    }

    struct JsonVisitor;

    impl<'de> Visitor<'de> for JsonVisitor {
        type Value = Json;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("any JSON value")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Json, E> {
            Ok(Json::Null)
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Json, E> {
            Ok(Json::Bool(v))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Json, E> {
            Ok(Json::Number(v as f64))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Json, E> {
            Ok(Json::Number(v))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Json, E> {
            Ok(Json::String(v.to_owned()))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Json, E> {
            Ok(Json::String(v))
        }
        fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
            let mut items = Vec::new();
            while let Some(item) = seq.next_element()? {
                items.push(item);
            }
            Ok(Json::Array(items))
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
            let mut members = Vec::new();
            while let Some((key, value)) = map.next_entry::<String, Json>()? {
                members.push((key, value));
            }
            Ok(Json::Object(members))
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::Json;

    #[test]
    fn last_duplicate_key_wins_like_json_parse() {
        let json: Json = serde_json::from_str(r#"{"a": 1, "a": "two"}"#).unwrap();
        assert_eq!(json.get("a"), Some(&Json::String("two".into())));
    }

    #[test]
    fn get_on_non_object_is_none() {
        assert_eq!(Json::Array(vec![]).get("a"), None);
    }
}
