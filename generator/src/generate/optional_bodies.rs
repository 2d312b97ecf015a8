//! An operation that answers either a JSON body or no content decodes to
//! `Option<T>`.
//!
//! Some operations succeed with a body or without one (Atlassian documents a
//! `204` for removing a policy resource, which has been seen to answer `200`
//! with the updated policy). progenitor gives an operation one success type
//! and asserts so, which `check`'s `response-multiple-success` rule enforces
//! for every other mix. For this one mix, the generator hands progenitor each
//! success response with the body schema made nullable, so the method
//! returns `ResponseValue<Option<T>>`; the runtime decodes an empty `204`
//! body as `null`, that is `None` (`crate::response::from_response` in the
//! client).

use openapiv3::{
    MediaType, OpenAPI, ReferenceOr, Response, Schema, SchemaData, SchemaKind, StatusCode,
};

use crate::model::resolve;

/// Whether `status` is in the success class progenitor decodes.
fn is_success(status: &StatusCode) -> bool {
    match status {
        StatusCode::Code(code) => (200..300).contains(code),
        StatusCode::Range(range) => *range == 2,
    }
}

/// The JSON body schema of `response`: `Ok(None)` for no content, `Err` for
/// a body that is not JSON.
fn json_schema(response: &Response) -> Result<Option<&ReferenceOr<Schema>>, ()> {
    if response.content.is_empty() {
        return Ok(None);
    }
    response
        .content
        .iter()
        .find(|(media, _)| {
            media.as_str() == "application/json" || media.starts_with("application/json;")
        })
        .and_then(|(_, mt)| mt.schema.as_ref())
        .map(Some)
        .ok_or(())
}

/// The one JSON schema of an operation whose success responses are that
/// schema or no content (at least one of each); `None` otherwise.
fn body_or_nothing(api: &OpenAPI, op: &openapiv3::Operation) -> Option<ReferenceOr<Schema>> {
    let mut body: Option<&ReferenceOr<Schema>> = None;
    let mut empty = false;
    for (status, entry) in &op.responses.responses {
        if !is_success(status) {
            continue;
        }
        match json_schema(resolve(api, entry)?).ok()? {
            None => empty = true,
            Some(schema) => match body {
                None => body = Some(schema),
                Some(seen) if seen == schema => {}
                Some(_) => return None,
            },
        }
    }
    if empty {
        body.cloned()
    } else {
        None
    }
}

/// `api` with each body-or-nothing operation's success responses all
/// declaring the nullable body; `None` when no operation mixes them (no
/// copy).
pub fn into_option(api: &OpenAPI) -> Option<OpenAPI> {
    let mixed = api
        .operations()
        .any(|(_, _, op)| body_or_nothing(api, op).is_some());
    if !mixed {
        return None;
    }
    let mut out = api.clone();
    for item in out.paths.paths.values_mut() {
        let ReferenceOr::Item(item) = item else {
            continue;
        };
        for op in crate::model::item_operations_mut(item) {
            let Some(schema) = body_or_nothing(api, op) else {
                continue;
            };
            let nullable = ReferenceOr::Item(Schema {
                schema_data: SchemaData {
                    nullable: true,
                    ..SchemaData::default()
                },
                schema_kind: SchemaKind::AllOf {
                    all_of: vec![schema],
                },
            });
            for (status, entry) in op.responses.responses.iter_mut() {
                if !is_success(status) {
                    continue;
                }
                let Some(mut response) = resolve(api, entry).cloned() else {
                    continue;
                };
                response.content.clear();
                response.content.insert(
                    "application/json".to_owned(),
                    MediaType {
                        schema: Some(nullable.clone()),
                        ..MediaType::default()
                    },
                );
                *entry = ReferenceOr::Item(response);
            }
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn api(yaml: &str) -> OpenAPI {
        serde_yaml::from_str(yaml).unwrap_or_else(|e| panic!("test spec parses: {e}"))
    }

    const SPEC: &str = r#"
openapi: 3.0.3
info: {title: t, version: "1"}
paths:
  /p/{id}:
    delete:
      operationId: removeThing
      responses:
        "200":
          description: the thing now
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
        "204": {$ref: '#/components/responses/Gone'}
        "404": {description: missing}
    get:
      operationId: getThing
      responses:
        "200":
          description: the thing
          content:
            application/json:
              schema: {$ref: '#/components/schemas/Thing'}
components:
  responses:
    Gone: {description: removed}
  schemas:
    Thing: {type: object}
"#;

    #[test]
    fn a_body_or_nothing_operation_gets_one_nullable_body() {
        let out = into_option(&api(SPEC)).unwrap_or_else(|| panic!("one operation mixes"));
        let json = serde_json::to_value(&out).unwrap_or_default();
        let delete = &json["paths"]["/p/{id}"]["delete"]["responses"];
        let expected = serde_json::json!({
            "nullable": true,
            "allOf": [{"$ref": "#/components/schemas/Thing"}]
        });
        for status in ["200", "204"] {
            assert_eq!(
                delete[status]["content"]["application/json"]["schema"], expected,
                "{status}"
            );
        }
        assert_eq!(delete["204"]["description"], "removed");
        assert_eq!(delete["404"]["content"], serde_json::Value::Null);
        let get = &json["paths"]["/p/{id}"]["get"]["responses"]["200"];
        assert_eq!(
            get["content"]["application/json"]["schema"]["$ref"],
            "#/components/schemas/Thing"
        );
    }

    #[test]
    fn operations_with_one_kind_of_success_are_not_copied() {
        let text = SPEC.replace(r#""204": {$ref: '#/components/responses/Gone'}"#, "");
        assert!(into_option(&api(&text)).is_none());
    }
}
