//! The generator reserves the names of the client's hand-written methods so
//! that `check` rejects an operationId that would collide with one
//! (`model::CLIENT_METHODS`). This test reads the hand-written runtime
//! (`admin-api/`) and fails when a method of `Client` is missing from that
//! list, so the list cannot fall behind the code.

use std::path::Path;

use admin_api_generator::model::CLIENT_METHODS;

/// The methods of every `impl Client { ... }` block in `dir`, recursively.
fn client_methods(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).expect("read admin-api") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            client_methods(&path, found);
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).expect("read source");
        let file = syn::parse_file(&text).expect("the runtime parses");
        for item in file.items {
            let syn::Item::Impl(block) = item else {
                continue;
            };
            let is_client = block.trait_.is_none()
                && matches!(&*block.self_ty, syn::Type::Path(p) if p.path.is_ident("Client"));
            if !is_client {
                continue;
            }
            for member in block.items {
                if let syn::ImplItem::Fn(f) = member {
                    found.push((f.sig.ident.to_string(), path.display().to_string()));
                }
            }
        }
    }
}

#[test]
fn every_hand_written_client_method_is_reserved_for_check() {
    let mut found = Vec::new();
    client_methods(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("admin-api"),
        &mut found,
    );
    assert!(
        found.iter().any(|(name, _)| name == "builder"),
        "the scan finds the hand-written methods: {found:?}"
    );
    let missing: Vec<String> = found
        .iter()
        .filter(|(name, _)| !CLIENT_METHODS.contains(&name.as_str()))
        .map(|(name, file)| format!("{name} ({file})"))
        .collect();
    assert!(
        missing.is_empty(),
        "add these to CLIENT_METHODS in generator/src/model.rs: {missing:?}"
    );
}
