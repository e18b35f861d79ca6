//! The ledger format as a draft-07 JSON Schema, for editors (taplo, Even
//! Better TOML). Generated with schemars from the model types the loader
//! fills, so their doc comments are the descriptions.

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

/// The schema as pretty JSON with a trailing newline.
pub fn json_schema() -> String {
    let settings = SchemaSettings::draft07().with_transform(RecursiveTransform(without_null));
    let schema = settings.into_generator().into_root_schema_for::<Ledger>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
