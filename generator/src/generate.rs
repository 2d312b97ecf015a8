//! Code generation through progenitor, with its panics turned into errors.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use progenitor_impl::{
    GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl,
};

use crate::load::Spec;
use crate::{open_enum, query_style};

/// progenitor could not generate a client from the spec.
#[derive(Debug)]
pub struct GenerateError {
    /// What progenitor said (or the message of its panic).
    pub message: String,
    /// Whether progenitor panicked rather than returning an error.
    pub panicked: bool,
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.panicked {
            write!(
                f,
                "progenitor panicked while generating the client: {}",
                self.message
            )
        } else {
            write!(f, "progenitor rejected the spec: {}", self.message)
        }
    }
}

impl std::error::Error for GenerateError {}

/// The settings every generation uses: the builder interface, so that adding an
/// optional parameter to an operation never breaks callers.
///
/// The client carries the hand-written `crate::config::ClientState` (token,
/// retry policy, clock) of the client crate as its inner value, and hooks are
/// `Expected`: progenitor emits no empty `impl ClientHooks for &Client` but a
/// compile-time check that the client crate implements `ClientHooks` (auth,
/// retries, tracing) itself, so a client without them cannot be built.
pub fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_inner_type(quote::quote!(crate::config::ClientState))
        .with_hooks(HooksMode::Expected);
    settings
}

/// [`settings`] plus, for each open enum of `spec`, a replacement that makes
/// progenitor use our hand-generated type instead of its closed enum.
pub fn settings_with_open_enums(spec: &Spec) -> GenerationSettings {
    let mut settings = settings();
    for e in &open_enum::find(&spec.openapi) {
        // Types refer to each other from inside `types`, builders and the
        // client; the crate root re-exports `types`, so one absolute path works.
        settings.with_replacement(
            &e.name,
            format!("crate::types::{}", e.name),
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
    settings
}

/// Generates the client for `spec` and formats it as Rust source.
pub fn generate_client(spec: &Spec) -> Result<String, GenerateError> {
    let open_enums = open_enum::find(&spec.openapi);
    let mut file = run_progenitor(spec, "code", |generator, openapi| {
        generator.generate_tokens(openapi)
    })?;
    add_to_types_module(&mut file, open_enums.iter().map(open_enum::tokens))?;
    crate::response_bodies::route_through_runtime(&mut file);
    let table: syn::File =
        syn::parse2(query_style::tokens(&spec.openapi)).map_err(|e| GenerateError {
            message: format!("query style table does not parse: {e}"),
            panicked: false,
        })?;
    file.items.extend(table.items);
    Ok(prettyplease::unparse(&file))
}

/// Runs one progenitor generation (`generate`) with our settings, turning
/// its errors and panics into [`GenerateError`], and parses the output;
/// `what` names the output in messages.
pub(crate) fn run_progenitor(
    spec: &Spec,
    what: &str,
    generate: impl FnOnce(
        &mut Generator,
        &openapiv3::OpenAPI,
    ) -> progenitor_impl::Result<proc_macro2::TokenStream>,
) -> Result<syn::File, GenerateError> {
    let settings = settings_with_open_enums(spec);
    let tokens = catch_panic(|| {
        let mut generator = Generator::new(&settings);
        generate(&mut generator, &spec.openapi)
    })?
    .map_err(|e| GenerateError {
        message: e.to_string(),
        panicked: false,
    })?;
    syn::parse2(tokens).map_err(|e| GenerateError {
        message: format!("generated {what} does not parse: {e}"),
        panicked: false,
    })
}

/// Appends hand-generated items (the open enums) to the generated `types` module.
fn add_to_types_module(
    file: &mut syn::File,
    items: impl Iterator<Item = proc_macro2::TokenStream>,
) -> Result<(), GenerateError> {
    let mut extra = Vec::new();
    for tokens in items {
        let parsed: syn::File = syn::parse2(tokens).map_err(|e| GenerateError {
            message: format!("open enum code does not parse: {e}"),
            panicked: false,
        })?;
        extra.extend(parsed.items);
    }
    if extra.is_empty() {
        return Ok(());
    }
    let types = file.items.iter_mut().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == "types" => m.content.as_mut(),
        _ => None,
    });
    match types {
        Some((_, items)) => {
            items.extend(extra);
            Ok(())
        }
        None => Err(GenerateError {
            message: "generated code has no `types` module to hold the open enums".to_owned(),
            panicked: false,
        }),
    }
}

/// Runs `f`, turning a panic into an error that carries the panic message, and
/// keeping the default hook from printing a backtrace banner meanwhile.
fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, GenerateError> {
    let captured: Arc<Mutex<Option<String>>> = Arc::default();
    let sink = Arc::clone(&captured);
    let previous = panic::take_hook();
    panic::set_hook(Box::new(move |info| {
        let payload = info.payload();
        let text = payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        if let Ok(mut slot) = sink.lock() {
            *slot = Some(text);
        }
    }));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    panic::set_hook(previous);
    result.map_err(|_| GenerateError {
        message: captured
            .lock()
            .ok()
            .and_then(|mut s| s.take())
            .unwrap_or_else(|| "unknown panic".to_owned()),
        panicked: true,
    })
}
