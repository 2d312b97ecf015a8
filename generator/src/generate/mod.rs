//! Code generation through progenitor, with its panics turned into errors.

use std::cell::RefCell;
use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::Once;

use progenitor_impl::{
    GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle, TypeImpl,
};

use crate::load::Spec;
mod deprecation;
mod feature_stubs;
mod method_docs;
mod open_enum;
mod operations;
mod optional_bodies;
mod output;
mod pagination;
mod patterns;
mod prune;
mod query_style;
mod response_bodies;
mod tables;

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
pub(crate) fn settings() -> GenerationSettings {
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
pub(crate) fn settings_with_open_enums(spec: &Spec) -> GenerationSettings {
    let mut settings = settings();
    for name in epoch_millis_schemas(&spec.openapi) {
        // Parameters and fields of such a schema take `chrono` times.
        settings.with_replacement(
            name,
            "crate::EpochMillis",
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    }
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

/// The component schemas marked `x-time: epoch-millis`.
fn epoch_millis_schemas(api: &openapiv3::OpenAPI) -> Vec<&str> {
    api.components
        .iter()
        .flat_map(|c| &c.schemas)
        .filter(|(_, schema)| {
            matches!(schema, openapiv3::ReferenceOr::Item(s)
                if s.schema_data.extensions.get(crate::extensions::TIME).and_then(|v| v.as_str())
                    == Some(crate::extensions::TIME_EPOCH_MILLIS))
        })
        .map(|(name, _)| name.as_str())
        .collect()
}

/// Generates the client for `spec` and formats it as Rust source: progenitor's
/// client and types, the open enums, and the runtime code the spec's `x-`
/// extensions declare (pagination streams, the key and rate-limit tables, the
/// comma-separated query table).
pub fn generate_client(spec: &Spec) -> Result<String, GenerateError> {
    let documented = method_docs::with_runtime_docs(spec);
    let open_enums = open_enum::find(&documented.openapi);
    let mut file = run_progenitor(&documented, "code", |generator, openapi| {
        generator.generate_tokens(openapi)
    })?;
    add_to_module(&mut file, "types", open_enums.iter().map(open_enum::tokens))?;
    deprecation::mark(&mut file, &spec.openapi);
    response_bodies::route_through_runtime(&mut file);
    prune::unused_struct_builders(&mut file);
    let output = output::Output::read(&file);
    operations::rewrite(&mut file, &spec.openapi);
    add_to_module(
        &mut file,
        "builder",
        std::iter::once(pagination::tokens(&spec.openapi, &output)?),
    )?;
    for tokens in [
        query_style::tokens(&spec.openapi),
        tables::tokens(&spec.openapi),
    ] {
        file.items.extend(parse_items(tokens, "runtime tables")?);
    }
    Ok(prettyplease::unparse(&file))
}

/// For a build of some families only: a hidden method on `Client` for each
/// operation of the others, whose call fails to compile with a message
/// naming the cargo feature to enable (see `feature_stubs`). Empty for
/// [`Selection::All`](crate::features::Selection::All).
pub fn feature_stubs(
    spec: &Spec,
    selection: &crate::features::Selection,
) -> Result<String, GenerateError> {
    let crate::features::Selection::Features(enabled) = selection else {
        return Ok(String::new());
    };
    let items = parse_items(
        feature_stubs::tokens(&spec.openapi, enabled),
        "feature stubs",
    )?;
    Ok(prettyplease::unparse(&syn::File {
        shebang: None,
        attrs: Vec::new(),
        items,
    }))
}

fn parse_items(
    tokens: proc_macro2::TokenStream,
    what: &str,
) -> Result<Vec<syn::Item>, GenerateError> {
    syn::parse2::<syn::File>(tokens)
        .map(|file| file.items)
        .map_err(|e| GenerateError {
            message: format!("generated {what} do not parse: {e}"),
            panicked: false,
        })
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
    // typify recurses on a schema that includes itself through `allOf` until
    // the stack overflows, which no `catch_unwind` survives: refuse it here
    // too, for callers that generate without `check`.
    if let Some(cycle) = crate::check::all_of_cycle(&spec.openapi) {
        return Err(GenerateError {
            message: cycle,
            panicked: false,
        });
    }
    let settings = settings_with_open_enums(spec);
    let unpatterned = patterns::into_docs(&spec.openapi, &spec.text);
    let openapi = unpatterned.as_ref().unwrap_or(&spec.openapi);
    let optional = optional_bodies::into_option(openapi);
    let openapi = optional.as_ref().unwrap_or(openapi);
    let tokens = catch_panic(|| {
        let mut generator = Generator::new(&settings);
        generate(&mut generator, openapi)
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

/// Appends generated items to the module `name` of progenitor's output
/// (the open enums to `types`, the pagination impls to `builder`).
fn add_to_module(
    file: &mut syn::File,
    name: &str,
    items: impl Iterator<Item = proc_macro2::TokenStream>,
) -> Result<(), GenerateError> {
    let mut extra = Vec::new();
    for tokens in items {
        extra.extend(parse_items(tokens, &format!("items for `{name}`"))?);
    }
    if extra.is_empty() {
        return Ok(());
    }
    let module = file.items.iter_mut().find_map(|item| match item {
        syn::Item::Mod(m) if m.ident == name => m.content.as_mut(),
        _ => None,
    });
    match module {
        Some((_, items)) => {
            items.extend(extra);
            Ok(())
        }
        None => Err(GenerateError {
            message: format!("generated code has no `{name}` module"),
            panicked: false,
        }),
    }
}

thread_local! {
    /// `Some` while this thread runs progenitor under [`catch_panic`]: the
    /// panic hook puts the message here instead of printing it.
    static CAPTURED: RefCell<Option<Option<String>>> = const { RefCell::new(None) };
}

/// Installs, once per process, a panic hook that stays silent for panics on a
/// thread inside [`catch_panic`] and hands every other panic to the hook that
/// was there before. Nothing swaps the hook afterwards, so generations on
/// parallel threads (tests) cannot restore each other's hooks.
fn install_hook() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        let previous = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            let captured = CAPTURED.with(|slot| {
                let mut slot = slot.borrow_mut();
                match slot.as_mut() {
                    Some(message) => {
                        let payload = info.payload();
                        *message = payload
                            .downcast_ref::<&str>()
                            .map(|s| (*s).to_owned())
                            .or_else(|| payload.downcast_ref::<String>().cloned());
                        true
                    }
                    None => false,
                }
            });
            if !captured {
                previous(info);
            }
        }));
    });
}

/// Runs `f`, turning a panic into an error that carries the panic message,
/// without printing a backtrace banner.
fn catch_panic<T>(f: impl FnOnce() -> T) -> Result<T, GenerateError> {
    install_hook();
    CAPTURED.with(|slot| *slot.borrow_mut() = Some(None));
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    let message = CAPTURED.with(|slot| slot.borrow_mut().take()).flatten();
    result.map_err(|_| GenerateError {
        message: message.unwrap_or_else(|| "unknown panic".to_owned()),
        panicked: true,
    })
}
