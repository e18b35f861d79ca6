//! The ledger format as a draft-07 JSON Schema, for editors (taplo, Even
//! Better TOML). Generated with schemars from the model types the loader
//! fills, so their doc comments are the descriptions. (The JSON report's
//! schema is `report::json_schema`.)

use schemars::Schema;
use schemars::generate::SchemaSettings;
use schemars::transform::RecursiveTransform;
use serde_json::Value;

use crate::model::Ledger;

/// TOML has no null: an optional key is simply absent. Drops the `null`
/// that schemars allows for `Option` fields.
fn without_null(schema: &mut Schema) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Array(types)) = object.get_mut("type") {
        types.retain(|t| t != "null");
        if types.len() == 1 {
            let only = types.remove(0);
            object.insert("type".into(), only);
        }
    }
    if let Some(Value::Array(options)) = object.get_mut("anyOf") {
        options.retain(|option| option.get("type").and_then(Value::as_str) != Some("null"));
    }
}

fn root_schema() -> Schema {
    let settings = SchemaSettings::draft07().with_transform(RecursiveTransform(without_null));
    settings.into_generator().into_root_schema_for::<Ledger>()
}

/// The schema as pretty JSON with a trailing newline.
pub fn json_schema() -> String {
    let mut text = serde_json::to_string_pretty(&root_schema()).unwrap_or_default();
    text.push('\n');
    text
}

/// A key that a table of the ledger accepts, as the schema describes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyDoc {
    /// The key.
    pub name: String,
    /// Its description (the model's doc comment).
    pub description: String,
    /// Whether the table must have it.
    pub required: bool,
}

/// The keys of the table at `path`, such as `[]` (the top level),
/// `["commitment", "update"]` or `["parties", "cn"]`; empty for a path the
/// format does not have. Read from the same schema as [`json_schema`], so an
/// editor offers exactly the keys the loader accepts.
pub fn keys_at(path: &[&str]) -> Vec<KeyDoc> {
    static ROOT: std::sync::OnceLock<Value> = std::sync::OnceLock::new();
    let root = ROOT.get_or_init(|| root_schema().to_value());
    let mut node = table_of(root, root);
    for segment in path {
        let Some(table) = node else { return Vec::new() };
        let next = table
            .get("properties")
            .and_then(|properties| properties.get(*segment))
            .or_else(|| table.get("additionalProperties").filter(|v| v.is_object()));
        node = next.and_then(|next| table_of(root, next));
    }
    let Some(table) = node else { return Vec::new() };
    let required: Vec<&str> = table
        .get("required")
        .and_then(Value::as_array)
        .map(|names| names.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let Some(properties) = table.get("properties").and_then(Value::as_object) else {
        return Vec::new();
    };
    properties
        .iter()
        .map(|(name, property)| KeyDoc {
            name: name.clone(),
            description: property
                .get("description")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned(),
            required: required.contains(&name.as_str()),
        })
        .collect()
}

/// The object schema that `node` stands for: through `$ref`, a single
/// `anyOf`/`allOf`, and the items of an array (of tables).
fn table_of<'a>(root: &'a Value, mut node: &'a Value) -> Option<&'a Value> {
    // Bounded: the schema is ours, but a cycle must not hang an editor.
    for _ in 0..16 {
        if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
            let name = reference.strip_prefix("#/definitions/")?;
            node = root.get("definitions")?.get(name)?;
        } else if let Some(only) = ["anyOf", "allOf"]
            .iter()
            .find_map(|key| node.get(*key)?.as_array().filter(|a| a.len() == 1)?.first())
        {
            node = only;
        } else if let Some(items) = node.get("items") {
            node = items;
        } else {
            return node.get("properties").map(|_| node);
        }
    }
    None
}
