//! Code generation through progenitor, with its panics turned into errors.

use std::fmt;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use progenitor_impl::{GenerationSettings, Generator, HooksMode, InterfaceStyle, TagStyle};

use crate::load::Spec;

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

/// Generates the client for `spec` and formats it as Rust source.
pub fn generate_client(spec: &Spec) -> Result<String, GenerateError> {
    let tokens = catch_panic(|| {
        let mut generator = Generator::new(&settings());
        generator.generate_tokens(&spec.openapi)
    })?
    .map_err(|e| GenerateError {
        message: e.to_string(),
        panicked: false,
    })?;
    let file: syn::File = syn::parse2(tokens).map_err(|e| GenerateError {
        message: format!("generated code does not parse: {e}"),
        panicked: false,
    })?;
    Ok(prettyplease::unparse(&file))
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
