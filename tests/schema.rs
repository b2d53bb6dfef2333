//! The JSON Schema generated from the Rust types (`article-card schema`), checked with an
//! independent validator: it accepts every fixture and every imported digest, rejects every
//! invalid payload, and names the same fields as the payload reference.
#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::repo;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use article_card::import::{import, Options};
use article_card::model::article_from_str;
use article_card::model::schema::{payload_schema, payload_schema_json};
use article_card::model::wire::prose_texts;
use serde_json::Value;

fn schema() -> Value {
    serde_json::to_value(payload_schema()).unwrap()
}

fn validator() -> jsonschema::Validator {
    jsonschema::validator_for(&schema()).expect("the schema compiles")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_schema_is_a_valid_draft_2020_12_schema() {
    let schema = schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert!(jsonschema::meta::is_valid(&schema));
    assert_eq!(
        serde_json::from_str::<Value>(&payload_schema_json()).unwrap(),
        schema,
        "what `article-card schema` prints"
    );
}

#[test]
fn the_schema_accepts_every_fixture() {
    let validator = validator();
    let fixtures = json_files(&repo().join("fixtures"));
    assert!(fixtures.len() >= 2);
    for path in fixtures {
        let instance: Value =
            serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        assert_eq!(
            errors(&validator, &instance),
            Vec::<String>::new(),
            "{}",
            path.display()
        );
    }
}

#[test]
fn the_schema_rejects_every_invalid_payload_as_the_model_does() {
    let validator = validator();
    let invalid = json_files(&repo().join("fixtures/invalid"));
    assert!(invalid.len() >= 8);
    for path in invalid {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(
            article_from_str(&text).is_err(),
            "the model accepts {}",
            path.display()
        );
        let instance: Value = serde_json::from_str(&text).unwrap();
        assert!(
            !validator.is_valid(&instance),
            "the schema accepts {}",
            path.display()
        );
    }
}

#[test]
fn the_schema_accepts_what_the_importer_writes() {
    let validator = validator();
    for (digest, lang) in [
        ("seed-anthropic-recall.txt", "en"),
        ("windows-1252.txt", "en"),
        ("thai.txt", "th"),
    ] {
        let text = std::fs::read_to_string(repo().join("fixtures/digests").join(digest)).unwrap();
        let imported = import(
            &text,
            &Options {
                source_url: Some("https://example.com/story".into()),
                lang: Some(lang.into()),
                ..Options::default()
            },
        )
        .unwrap();
        let instance: Value = serde_json::from_str(&imported.to_json()).unwrap();
        assert_eq!(
            errors(&validator, &instance),
            Vec::<String>::new(),
            "{digest}"
        );
    }
}

/// Cases at the edges of each rule: (payload members over a valid base, schema verdict).
#[test]
fn the_schema_rules_case_by_case() {
    let validator = validator();
    let base = || {
        serde_json::json!({
            "version": 1,
            "headline": "H",
            "source": { "name": "S", "url": "https://s.example/" }
        })
    };
    let cases: Vec<(&str, Value, bool)> = vec![
        (
            "null means absent",
            serde_json::json!({ "dek": null, "quote": null, "sections": null }),
            true,
        ),
        (
            "unknown members are allowed",
            serde_json::json!({ "kicker": "Tech" }),
            true,
        ),
        (
            "version 1.0 is 1",
            serde_json::json!({ "version": 1.0 }),
            true,
        ),
        ("version 2", serde_json::json!({ "version": 2 }), false),
        (
            "slug of any script",
            serde_json::json!({ "id": "東京の未来-2026" }),
            true,
        ),
        (
            "slug with capitals",
            serde_json::json!({ "id": "Why" }),
            false,
        ),
        (
            "slug with a double hyphen",
            serde_json::json!({ "id": "a--b" }),
            false,
        ),
        (
            "language tag",
            serde_json::json!({ "lang": "zh-Hant-TW" }),
            true,
        ),
        (
            "private-use tag",
            serde_json::json!({ "lang": "x-klingon" }),
            true,
        ),
        (
            "not a language tag",
            serde_json::json!({ "lang": "en_GB" }),
            false,
        ),
        (
            "date-time with offset",
            serde_json::json!({ "published": "2026-11-29T09:00:00.5+01:00" }),
            true,
        ),
        (
            "date without time",
            serde_json::json!({ "published": "2026-11-29" }),
            false,
        ),
        (
            "relative image",
            serde_json::json!({ "image": { "src": "/img/a.jpg", "alt": "", "width": 1, "height": 10000 } }),
            true,
        ),
        (
            "protocol-relative image",
            serde_json::json!({ "image": { "src": "//cdn.example/a.jpg", "alt": "a", "width": 10, "height": 10 } }),
            true,
        ),
        (
            "image too wide",
            serde_json::json!({ "image": { "src": "a.jpg", "alt": "a", "width": 10001, "height": 10 } }),
            false,
        ),
        (
            "image scheme",
            serde_json::json!({ "image": { "src": "ftp://x/a.jpg", "alt": "a", "width": 10, "height": 10 } }),
            false,
        ),
        (
            "http source",
            serde_json::json!({ "source": { "name": "S", "url": "HTTP://EXAMPLE.COM" } }),
            true,
        ),
        (
            "source without host",
            serde_json::json!({ "source": { "name": "S", "url": "https:///path" } }),
            false,
        ),
        (
            "source with a tab",
            serde_json::json!({ "source": { "name": "S", "url": "https://e.example/\ta" } }),
            false,
        ),
        (
            "blank section title",
            serde_json::json!({ "sections": [{ "title": " ", "body": "B" }] }),
            false,
        ),
        (
            "quote without text",
            serde_json::json!({ "quote": { "attribution": "A" } }),
            false,
        ),
        (
            "open as a string",
            serde_json::json!({ "sections": [{ "title": "T", "body": "B", "open": "yes" }] }),
            false,
        ),
    ];
    for (name, members, expected) in cases {
        let mut instance = base();
        for (key, value) in members.as_object().unwrap() {
            instance[key] = value.clone();
        }
        let model_ok = article_from_str(&instance.to_string()).is_ok();
        assert_eq!(
            validator.is_valid(&instance),
            expected,
            "schema: {name}: {instance}"
        );
        assert_eq!(model_ok, expected, "model: {name}: {instance}");
    }
}

/// What the schema cannot say, and says so in its description: the model still refuses these.
#[test]
fn rules_beyond_the_schema_are_documented_and_enforced_by_the_model() {
    let description = schema()["description"].as_str().unwrap().to_owned();
    for rule in [
        "section ids are unique",
        "`updated` is not earlier than `published`",
        "262144 bytes",
    ] {
        assert!(description.contains(rule), "{rule}");
    }
    let validator = validator();
    for payload in [
        r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://s.example/"},
            "sections": [{"id": "a", "title": "T", "body": "B"}, {"id": "a", "title": "U", "body": "C"}]}"#,
        r#"{"version": 1, "headline": "H", "source": {"name": "S", "url": "https://s.example/"},
            "published": "2026-11-29T10:00:00Z", "updated": "2026-11-29T09:00:00Z"}"#,
    ] {
        assert!(validator.is_valid(&serde_json::from_str(payload).unwrap()));
        assert!(article_from_str(payload).is_err());
    }
}

/// The fields the schema describes are the fields docs/payload.md documents, no more, no less.
#[test]
fn the_schema_names_the_documented_fields() {
    let schema = schema();
    let mut from_schema = BTreeSet::new();
    collect_paths(&schema, &schema, "", &mut from_schema);

    let doc = std::fs::read_to_string(repo().join("docs/payload.md")).unwrap();
    let table = doc
        .split("## Fields")
        .nth(1)
        .unwrap()
        .split("\n## ")
        .next()
        .unwrap();
    let mut from_docs = BTreeSet::new();
    for row in table.lines().filter(|l| l.starts_with("| `")) {
        let cell = row.split('|').nth(1).unwrap();
        for name in cell.split('`').skip(1).step_by(2) {
            from_docs.insert(name.replace("[i]", "[]"));
        }
    }
    assert_eq!(from_schema, from_docs);
}

/// Leaf paths (`source.name`, `sections[].title`) and list paths (`sections`) of a schema.
fn collect_paths(root: &Value, node: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    let node = resolve(root, node);
    let Some(properties) = node["properties"].as_object() else {
        return;
    };
    for (key, value) in properties {
        let path = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        let value = resolve(root, value);
        if let Some(object) = object_schema(root, value) {
            collect_paths(root, object, &path, out);
        } else if let Some(items) = value.get("items") {
            out.insert(path.clone());
            collect_paths(root, items, &format!("{path}[]"), out);
        } else {
            out.insert(path);
        }
    }
}

fn resolve<'a>(root: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.trim_start_matches("#/$defs/");
            &root["$defs"][name]
        }
        None => node,
    }
}

/// The object schema behind a member, looking through `anyOf: [{$ref}, {type: null}]`.
fn object_schema<'a>(root: &'a Value, value: &'a Value) -> Option<&'a Value> {
    if value.get("properties").is_some() {
        return Some(value);
    }
    value["anyOf"]
        .as_array()?
        .iter()
        .map(|v| resolve(root, v))
        .find(|v| v.get("properties").is_some())
}

/// The text-field walk (`prose_texts`: what `validate` warns about and `--fix` repairs) visits
/// every string the schema lists, except those that are not prose (addresses, slugs, tags,
/// dates). A field added to the schema and the reader, but not marked one way or the other,
/// fails here; so does a label added to the reader but not to the schema.
#[test]
fn the_text_field_walk_visits_every_string_the_schema_lists() {
    const NOT_PROSE: [&str; 9] = [
        "id",
        "canonical",
        "author.url",
        "lang",
        "published",
        "updated",
        "source.url",
        "image.src",
        "sections[].id",
    ];
    let schema = schema();
    let full = every_member(&schema, &schema);
    let mut strings = BTreeSet::new();
    string_paths(&full, "", &mut strings);
    assert!(strings.len() > 20, "{strings:?}");

    let text = serde_json::to_string(&full).unwrap();
    let doc = article_card::model::read::document(&text).unwrap();
    let walked: BTreeSet<String> = prose_texts(&doc.json)
        .into_iter()
        .map(|(path, _)| path.replace("[0]", "[]"))
        .collect();
    let not_prose: BTreeSet<String> = NOT_PROSE.iter().map(|p| p.to_string()).collect();
    assert!(not_prose.is_subset(&strings), "{not_prose:?} ⊄ {strings:?}");
    let expected: BTreeSet<String> = strings.difference(&not_prose).cloned().collect();
    assert_eq!(walked, expected);
}

/// A payload with every member the schema describes: one item per list, "x" for each string.
fn every_member(root: &Value, node: &Value) -> Value {
    let node = resolve(root, node);
    if let Some(object) = object_schema(root, node) {
        let members = object["properties"].as_object().unwrap();
        return Value::Object(
            members
                .iter()
                .map(|(key, value)| (key.clone(), every_member(root, value)))
                .collect(),
        );
    }
    if let Some(value) = node.get("const") {
        return value.clone();
    }
    if let Some(items) = node.get("items") {
        return Value::Array(vec![every_member(root, items)]);
    }
    let types = match &node["type"] {
        Value::Array(types) => types.clone(),
        other => vec![other.clone()],
    };
    let is = |t: &str| types.iter().any(|v| v == t);
    if is("string") {
        Value::from("x")
    } else if is("boolean") {
        Value::Bool(true)
    } else if is("integer") || is("number") {
        Value::from(1)
    } else {
        panic!("no value for {node}")
    }
}

fn string_paths(value: &Value, prefix: &str, out: &mut BTreeSet<String>) {
    match value {
        Value::String(_) => {
            out.insert(prefix.to_owned());
        }
        Value::Array(items) => {
            for item in items {
                string_paths(item, &format!("{prefix}[]"), out);
            }
        }
        Value::Object(members) => {
            for (key, member) in members {
                let path = if prefix.is_empty() {
                    key.clone()
                } else {
                    format!("{prefix}.{key}")
                };
                string_paths(member, &path, out);
            }
        }
        _ => {}
    }
}
