//! Sample JSON values built from the spec's schemas.
//!
//! The end-to-end tests need, for every operation, a value for each parameter,
//! a request body and a response body that the generated types accept. They
//! are derived here from the schemas (example, enum, `x-extensible-enum`,
//! format, bounds), so that they follow the spec as it changes. Every property
//! is filled near the top of a document; deeper down only the required ones,
//! and a recursive schema is cut where it would recurse, so values stay small
//! and finite.

use openapiv3::{
    AdditionalProperties, OpenAPI, Parameter, ReferenceOr, Schema, SchemaKind, StringFormat, Type,
    VariantOrUnknownOrEmpty,
};
use serde_json::{json, Map, Value};

use admin_api_generator::extensions::OPEN_ENUM as EXTENSION;

/// Below this many nested schemas, optional properties are left out.
const FULL_DEPTH: usize = 5;

/// Builds sample values for the schemas of one spec.
pub struct Sampler<'a> {
    spec: &'a OpenAPI,
}

impl<'a> Sampler<'a> {
    /// A sampler for `spec` (references resolve against its components).
    pub fn new(spec: &'a OpenAPI) -> Self {
        Self { spec }
    }

    /// A value for `schema`, or `None` when it cannot be built without
    /// recursing forever (a required property leading back to itself).
    pub fn value(&self, schema: &ReferenceOr<Schema>) -> Option<Value> {
        self.sample(schema, "value", &mut Vec::new())
    }

    /// A value for a parameter: its example, or one built from its schema;
    /// `name` makes strings recognisable on the wire.
    pub fn parameter(&self, parameter: &Parameter) -> Option<Value> {
        let data = parameter.parameter_data_ref();
        if let Some(example) = &data.example {
            return Some(example.clone());
        }
        match &data.format {
            openapiv3::ParameterSchemaOrContent::Schema(schema) => {
                self.sample(schema, &data.name, &mut Vec::new())
            }
            openapiv3::ParameterSchemaOrContent::Content(_) => None,
        }
    }

    fn sample(
        &self,
        schema: &ReferenceOr<Schema>,
        name: &str,
        stack: &mut Vec<String>,
    ) -> Option<Value> {
        match schema {
            ReferenceOr::Reference { reference } => {
                let target = reference.strip_prefix("#/components/schemas/")?;
                if stack.iter().any(|s| s == target) {
                    return None;
                }
                let resolved = self.spec.components.as_ref()?.schemas.get(target)?;
                stack.push(target.to_owned());
                let value = self.sample(resolved, name, stack);
                stack.pop();
                value
            }
            ReferenceOr::Item(schema) => self.sample_item(schema, name, stack),
        }
    }

    fn sample_boxed(
        &self,
        schema: &ReferenceOr<Box<Schema>>,
        name: &str,
        stack: &mut Vec<String>,
    ) -> Option<Value> {
        match schema {
            ReferenceOr::Reference { reference } => self.sample(
                &ReferenceOr::Reference {
                    reference: reference.clone(),
                },
                name,
                stack,
            ),
            ReferenceOr::Item(schema) => self.sample_item(schema, name, stack),
        }
    }

    fn sample_item(&self, schema: &Schema, name: &str, stack: &mut Vec<String>) -> Option<Value> {
        if let Some(example) = &schema.schema_data.example {
            return Some(example.clone());
        }
        if let Some(first) = schema
            .schema_data
            .extensions
            .get(EXTENSION)
            .and_then(|v| v.as_array())
            .and_then(|values| values.first())
        {
            return Some(first.clone());
        }
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s)) => Some(string_value(s, name)),
            SchemaKind::Type(Type::Integer(i)) => {
                if let Some(first) = i.enumeration.iter().flatten().next() {
                    return Some(json!(first));
                }
                let low = i
                    .minimum
                    .map_or(1, |m| if i.exclusive_minimum { m + 1 } else { m });
                let high = i
                    .maximum
                    .map_or(i64::MAX, |m| if i.exclusive_maximum { m - 1 } else { m });
                Some(json!(2.clamp(low, high.max(low))))
            }
            SchemaKind::Type(Type::Number(n)) => {
                if let Some(first) = n.enumeration.iter().flatten().next() {
                    return Some(json!(first));
                }
                let low = n.minimum.unwrap_or(0.5);
                let high = n.maximum.unwrap_or(f64::MAX);
                Some(json!(1.5_f64.clamp(low, high.max(low))))
            }
            SchemaKind::Type(Type::Boolean(b)) => Some(json!(b
                .enumeration
                .iter()
                .flatten()
                .next()
                .unwrap_or(&true))),
            SchemaKind::Type(Type::Array(a)) => {
                let items = a
                    .items
                    .as_ref()
                    .and_then(|items| self.sample_boxed(items, name, stack));
                match items {
                    Some(item) => Some(Value::Array(vec![item])),
                    None if a.min_items.unwrap_or(0) == 0 => Some(Value::Array(Vec::new())),
                    None => None,
                }
            }
            SchemaKind::Type(Type::Object(o)) => self.object(
                o.properties.iter().collect(),
                &o.required,
                o.additional_properties.as_ref(),
                stack,
            ),
            SchemaKind::OneOf { one_of: options } | SchemaKind::AnyOf { any_of: options } => {
                options
                    .iter()
                    .find_map(|option| self.sample(option, name, stack))
            }
            SchemaKind::AllOf { all_of } => self.all_of(all_of, name, stack),
            SchemaKind::Any(any) => self.any(any, name, stack),
            SchemaKind::Not { .. } => Some(json!(format!("sample-{name}"))),
        }
    }

    /// A schema openapiv3 could not classify, typically a `type` beside an
    /// `allOf` (how the spec marks a nullable reference).
    fn any(
        &self,
        any: &openapiv3::AnySchema,
        name: &str,
        stack: &mut Vec<String>,
    ) -> Option<Value> {
        if !any.all_of.is_empty() {
            return self.all_of(&any.all_of, name, stack);
        }
        if let Some(value) = any
            .one_of
            .iter()
            .chain(&any.any_of)
            .find_map(|option| self.sample(option, name, stack))
        {
            return Some(value);
        }
        match any.typ.as_deref() {
            Some("object") => self.object(
                any.properties.iter().collect(),
                &any.required,
                any.additional_properties.as_ref(),
                stack,
            ),
            Some("integer") => Some(json!(2)),
            Some("number") => Some(json!(1.5)),
            Some("boolean") => Some(json!(true)),
            Some("array") => Some(json!([])),
            _ if !any.properties.is_empty() => self.object(
                any.properties.iter().collect(),
                &any.required,
                any.additional_properties.as_ref(),
                stack,
            ),
            _ => Some(json!(format!("sample-{name}"))),
        }
    }

    /// The parts of an `allOf`, merged (objects key by key).
    fn all_of(
        &self,
        parts: &[ReferenceOr<Schema>],
        name: &str,
        stack: &mut Vec<String>,
    ) -> Option<Value> {
        let mut merged: Option<Value> = None;
        for part in parts {
            let value = self.sample(part, name, stack)?;
            merged = Some(match (merged, value) {
                (Some(Value::Object(mut a)), Value::Object(b)) => {
                    a.extend(b);
                    Value::Object(a)
                }
                (_, value) => value,
            });
        }
        merged
    }

    fn object(
        &self,
        properties: Vec<(&String, &ReferenceOr<Box<Schema>>)>,
        required: &[String],
        additional: Option<&AdditionalProperties>,
        stack: &mut Vec<String>,
    ) -> Option<Value> {
        let mut map = Map::new();
        let shallow = stack.len() < FULL_DEPTH;
        let has_properties = !properties.is_empty();
        for (key, schema) in properties {
            let is_required = required.contains(key);
            if !is_required && !shallow {
                continue;
            }
            match self.sample_boxed(schema, key, stack) {
                // An optional list cut short by recursion says nothing; leave it out.
                Some(Value::Array(items)) if items.is_empty() && !is_required => {}
                Some(value) => {
                    map.insert(key.clone(), value);
                }
                None if is_required => return None,
                None => {}
            }
        }
        if !has_properties {
            let extra = match additional {
                Some(AdditionalProperties::Schema(schema)) => self.sample(schema, "extra", stack),
                Some(AdditionalProperties::Any(false)) => None,
                _ => Some(json!("sample-extra")),
            };
            if let Some(extra) = extra {
                map.insert("sample-key".to_owned(), extra);
            }
        }
        Some(Value::Object(map))
    }
}

/// A string that satisfies the format, enum and length bounds of `s`.
fn string_value(s: &openapiv3::StringType, name: &str) -> Value {
    if let Some(first) = s.enumeration.iter().flatten().next() {
        return json!(first);
    }
    let text = match &s.format {
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => "2024-05-01T12:30:00Z".to_owned(),
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => "2024-05-01".to_owned(),
        VariantOrUnknownOrEmpty::Unknown(f) if f == "uuid" => {
            "3f2a6c1e-8b4d-4e5f-9a7b-1c2d3e4f5a6b".to_owned()
        }
        VariantOrUnknownOrEmpty::Unknown(f) if f == "email" => "ada@example.com".to_owned(),
        VariantOrUnknownOrEmpty::Unknown(f) if f == "uri" || f == "url" => {
            format!("https://example.com/{name}")
        }
        _ => format!("sample-{name}"),
    };
    let mut text = text;
    if let Some(max) = s.max_length {
        text = text.chars().take(max).collect();
    }
    while text.chars().count() < s.min_length.unwrap_or(0) {
        text.push('x');
    }
    json!(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(schemas: &str) -> OpenAPI {
        let text = format!(
            "openapi: 3.0.3\ninfo: {{title: t, version: '1'}}\npaths: {{}}\ncomponents:\n  schemas:\n{schemas}"
        );
        serde_yaml::from_str(&text).expect("test spec parses")
    }

    fn sample_of(spec: &OpenAPI, name: &str) -> Option<Value> {
        Sampler::new(spec).value(&ReferenceOr::Reference {
            reference: format!("#/components/schemas/{name}"),
        })
    }

    #[test]
    fn formats_enums_and_bounds_are_respected() {
        let spec = spec(
            "    S:
      type: object
      required: [when, id, kind, size, code]
      properties:
        when: {type: string, format: date-time}
        id: {type: string, format: uuid}
        kind: {type: string, x-extensible-enum: [alpha, beta]}
        size: {type: integer, minimum: 10, maximum: 20}
        code: {type: string, minLength: 40}
        short: {type: string, maxLength: 3}
",
        );
        let value = sample_of(&spec, "S").expect("sample");
        assert_eq!(value["when"], "2024-05-01T12:30:00Z");
        assert_eq!(value["id"], "3f2a6c1e-8b4d-4e5f-9a7b-1c2d3e4f5a6b");
        assert_eq!(value["kind"], "alpha");
        assert_eq!(value["size"], 10);
        assert_eq!(value["code"].as_str().map(str::len), Some(40));
        assert_eq!(value["short"], "sam");
    }

    #[test]
    fn recursion_is_cut_and_nullable_references_resolve() {
        let spec = spec(
            "    Node:
      type: object
      required: [name]
      properties:
        name: {type: string}
        children: {type: array, items: {$ref: '#/components/schemas/Node'}}
        owner:
          type: object
          nullable: true
          allOf: [{$ref: '#/components/schemas/Owner'}]
    Owner:
      type: object
      required: [id]
      properties:
        id: {type: string}
    Loop:
      type: object
      required: [next]
      properties:
        next: {$ref: '#/components/schemas/Loop'}
",
        );
        let node = sample_of(&spec, "Node").expect("sample");
        assert_eq!(node["name"], "sample-name");
        assert!(
            node.get("children").is_none(),
            "cut recursion leaves the list out: {node}"
        );
        assert_eq!(node["owner"]["id"], "sample-id");
        assert_eq!(
            sample_of(&spec, "Loop"),
            None,
            "a required cycle has no finite sample"
        );
    }
}
