//! App access settings: which email domains may join which products, and
//! whether an admin approves. Stored and served; the twin has no sign-up
//! flow that would apply them.

use serde_json::{json, Value};

use super::{ok, OpFn};
use crate::errors::ApiError;
use crate::http::Reply;
use crate::org::Org;

pub(super) fn handler(id: &str) -> Option<OpFn> {
    Some(match id {
        "listAppAccessSettingsDomains" => |org, ctx| {
            let items = org
                .app_access
                .iter()
                .map(|d| {
                    json!({
                        "domain": d["domain"],
                        "enabled": d["enabled"],
                        "numberOfProductsAppliesTo": d["products"].as_array().map_or(0, Vec::len),
                    })
                })
                .collect();
            let mut page = ctx.page(items)?;
            if page.get("links").is_none() {
                page["links"] = json!({});
            }
            ok(page)
        },
        "createAppAccessSettingsDomain" => |org, ctx| {
            let domain = ctx.field("domain").unwrap_or_default().to_lowercase();
            if domain.is_empty() {
                return Err(ApiError::bad_request("`domain` must not be empty"));
            }
            if find(org, &domain).is_ok() {
                return Err(ApiError::conflict(format!("{domain} already has settings")));
            }
            let fields = ctx.fields();
            let detail = json!({
                "domain": domain,
                "enabled": true,
                "adminNotifications": fields.get("adminNotifications").cloned().unwrap_or(json!(false)),
                "products": fields.get("products").cloned().unwrap_or(json!([])),
            });
            org.app_access.push(detail.clone());
            org.record(ctx.now_ms, "app_access_domain_added", &[&domain]);
            Ok(Reply::json(201, detail))
        },
        "getAppAccessSettingsDomain" => |org, ctx| {
            let i = find(org, ctx.param("domain"))?;
            ok(org.app_access[i].clone())
        },
        "replaceAppAccessSettingsDomain" => |org, ctx| {
            let i = find(org, ctx.param("domain"))?;
            let fields = ctx.fields();
            for key in ["adminNotifications", "products"] {
                if let (Some(v), Some(entry)) = (fields.get(key), org.app_access[i].as_object_mut())
                {
                    entry.insert(key.to_owned(), v.clone());
                }
            }
            org.record(
                ctx.now_ms,
                "app_access_domain_updated",
                &[ctx.param("domain")],
            );
            ok(org.app_access[i].clone())
        },
        "upsertAppAccessSettingsProduct" => |org, ctx| {
            let i = find(org, ctx.param("domain"))?;
            let setting = ctx
                .body
                .clone()
                .filter(Value::is_object)
                .unwrap_or_else(|| json!({}));
            if let Some(entry) = org.app_access[i].as_object_mut() {
                let products = entry.entry("products").or_insert_with(|| json!([]));
                if !products.is_array() {
                    *products = json!([]);
                }
                if let Some(list) = products.as_array_mut() {
                    list.retain(|p| p["productId"] != setting["productId"]);
                    list.push(setting);
                }
            }
            org.record(ctx.now_ms, "app_access_product_set", &[ctx.param("domain")]);
            ok(org.app_access[i].clone())
        },
        _ => return None,
    })
}

fn find(org: &Org, domain: &str) -> Result<usize, ApiError> {
    org.app_access
        .iter()
        .position(|d| {
            d["domain"]
                .as_str()
                .is_some_and(|d| d.eq_ignore_ascii_case(domain))
        })
        .ok_or_else(|| ApiError::not_found(format!("no app access settings for {domain}")))
}
