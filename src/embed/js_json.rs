//! `JSON.parse` output to the model's [`Json`] tree. The browser parses (no JSON parser in the
//! bundle); this walks the result once, refusing anything nested deeper than a payload can be
//! before the walk itself could exhaust the stack.

use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};

use crate::model::limits::MAX_DEPTH;
use crate::model::Json;

/// Converts a parsed JSON value; `None` if it nests deeper than [`MAX_DEPTH`].
pub fn from_js(value: &JsValue) -> Option<Json> {
    convert(value, 1)
}

fn convert(value: &JsValue, depth: usize) -> Option<Json> {
    if depth > MAX_DEPTH {
        return None;
    }
    if value.is_null() || value.is_undefined() {
        return Some(Json::Null);
    }
    if let Some(b) = value.as_bool() {
        return Some(Json::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return Some(Json::Number(n));
    }
    if let Some(s) = value.as_string() {
        return Some(Json::String(s));
    }
    if let Some(array) = value.dyn_ref::<Array>() {
        return array
            .iter()
            .map(|item| convert(&item, depth + 1))
            .collect::<Option<Vec<_>>>()
            .map(Json::Array);
    }
    let object = value.dyn_ref::<Object>()?;
    Object::entries(object)
        .iter()
        .map(|entry| {
            let pair: Array = entry.unchecked_into();
            let key = pair.get(0).as_string()?;
            Some((key, convert(&pair.get(1), depth + 1)?))
        })
        .collect::<Option<Vec<_>>>()
        .map(Json::Object)
}
