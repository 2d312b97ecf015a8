//! The catalogue of checks: every change the diff can report has one stable,
//! kebab-case id and two fixed levels: one for the Rust API (does code using
//! the regenerated crate still compile and behave?) and one for the HTTP
//! contract (does a client built from the old spec still work against the new
//! API?).

use std::fmt;

/// How much a change can hurt: code that uses the generated client (at the
/// Rust level) or clients already deployed (at the contract level).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Code that uses the affected item stops compiling or starts failing;
    /// deployed clients fail.
    Breaking,
    /// Some uses break (naming a type, struct literals, `-D warnings`, changed
    /// behaviour); some deployed clients or some answers fail.
    PotentiallyBreaking,
    /// Additive or relaxing: existing code and deployed clients keep working.
    NonBreaking,
}

impl Level {
    /// All levels, most severe first.
    pub const ALL: [Level; 3] = [
        Level::Breaking,
        Level::PotentiallyBreaking,
        Level::NonBreaking,
    ];

    /// The kebab-case name used on the command line and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Level::Breaking => "breaking",
            Level::PotentiallyBreaking => "potentially-breaking",
            Level::NonBreaking => "non-breaking",
        }
    }

    /// The heading used in reports.
    pub fn title(self) -> &'static str {
        match self {
            Level::Breaking => "Breaking",
            Level::PotentiallyBreaking => "Potentially breaking",
            Level::NonBreaking => "Non-breaking",
        }
    }

    /// Parses a level id as given to `--fail-on`.
    pub fn from_id(id: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|l| l.id() == id)
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// Which judgement a level belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    /// The generated Rust API: code using the crate, recompiled against the new spec.
    Rust,
    /// The HTTP contract: a client built from the old spec, calling the new API.
    Contract,
}

impl Scope {
    /// Both scopes.
    pub const ALL: [Scope; 2] = [Scope::Rust, Scope::Contract];

    /// The id used on the command line (`rust:breaking`) and in JSON.
    pub fn id(self) -> &'static str {
        match self {
            Scope::Rust => "rust",
            Scope::Contract => "contract",
        }
    }

    /// The heading used in reports.
    pub fn title(self) -> &'static str {
        match self {
            Scope::Rust => "Rust API",
            Scope::Contract => "HTTP contract",
        }
    }
}

/// A `--fail-on` threshold: a scope and the least severe level that fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threshold {
    /// Which level is compared.
    pub scope: Scope,
    /// Changes at this level or worse fail.
    pub level: Level,
}

impl Threshold {
    /// Parses `breaking`, `potentially-breaking` (the Rust level, as before
    /// there were two), or either prefixed with `rust:` or `contract:`.
    /// `non-breaking` is no threshold.
    pub fn parse(text: &str) -> Option<Threshold> {
        let (scope, level) = match text.split_once(':') {
            Some(("rust", level)) => (Scope::Rust, level),
            Some(("contract", level)) => (Scope::Contract, level),
            Some(_) => return None,
            None => (Scope::Rust, text),
        };
        match Level::from_id(level)? {
            Level::NonBreaking => None,
            level => Some(Threshold { scope, level }),
        }
    }
}

macro_rules! checks {
    ($($variant:ident => $id:literal, $rust:ident, $contract:ident, $why:literal, $wire:literal;)*) => {
        /// One kind of change, with a stable id and a fixed level per scope.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Check {
            $(
                #[doc = $why]
                #[doc = ""]
                #[doc = $wire]
                $variant,
            )*
        }

        impl Check {
            /// Every check, in catalogue order.
            pub const ALL: &'static [Check] = &[$(Check::$variant),*];

            /// The stable kebab-case id.
            pub fn id(self) -> &'static str {
                match self { $(Check::$variant => $id,)* }
            }

            /// How severe this kind of change is for code using the generated client.
            pub fn level(self) -> Level {
                match self { $(Check::$variant => Level::$rust,)* }
            }

            /// How severe this kind of change is for clients built from the old spec.
            pub fn contract_level(self) -> Level {
                match self { $(Check::$variant => Level::$contract,)* }
            }

            /// The level in `scope`.
            pub fn level_in(self, scope: Scope) -> Level {
                match scope {
                    Scope::Rust => self.level(),
                    Scope::Contract => self.contract_level(),
                }
            }

            /// What users of the generated client experience.
            pub fn effect(self) -> &'static str {
                match self { $(Check::$variant => $why,)* }
            }

            /// What a client built from the old spec experiences against the new API.
            pub fn contract_effect(self) -> &'static str {
                match self { $(Check::$variant => $wire,)* }
            }
        }
    };
}

checks! {
    OperationRemoved => "operation-removed", Breaking, Breaking,
        "The client method of the operation is gone.",
        "Old clients call an endpoint that no longer exists.";
    OperationRenamed => "operation-renamed", Breaking, NonBreaking,
        "The operationId changed on the same method and path, so the client method is renamed.",
        "The operationId is not on the wire: requests are unchanged.";
    PathChanged => "path-changed", NonBreaking, Breaking,
        "The same method now calls a different path: callers compile and reach the new endpoint.",
        "Old clients call the old path, which no longer exists.";
    MethodChanged => "method-changed", NonBreaking, Breaking,
        "The same method now uses another HTTP method: callers compile and send the new one.",
        "Old clients send the old HTTP method, which the path no longer accepts.";
    OperationAdded => "operation-added", NonBreaking, NonBreaking,
        "A new client method.",
        "A new endpoint old clients do not call.";
    DeprecationAdded => "deprecation-added", PotentiallyBreaking, NonBreaking,
        "The operation is now deprecated: callers get a deprecation notice (fatal under -D warnings).",
        "The endpoint still answers (for now).";
    DeprecationRemoved => "deprecation-removed", NonBreaking, NonBreaking,
        "The operation is no longer deprecated.",
        "Nothing changes on the wire.";
    ParamRemoved => "param-removed", Breaking, PotentiallyBreaking,
        "A builder setter is gone.",
        "Old clients still send the parameter: ignored by lenient servers, rejected by strict ones.";
    RequiredParamAdded => "required-param-added", Breaking, Breaking,
        "A new setter must be called, or `send()` fails.",
        "Old clients do not send the parameter the API now requires.";
    OptionalParamAdded => "optional-param-added", NonBreaking, NonBreaking,
        "A new optional builder setter.",
        "Old clients omit it, which the API allows.";
    ParamMadeRequired => "param-made-required", Breaking, Breaking,
        "A setter that could be skipped must now be called, or `send()` fails.",
        "Old clients may omit a parameter the API now requires.";
    ParamMadeOptional => "param-made-optional", NonBreaking, NonBreaking,
        "A required setter may now be skipped.",
        "Old clients always send it, which is still valid.";
    ParamTypeChanged => "param-type-changed", Breaking, Breaking,
        "A setter takes another Rust type.",
        "Old clients send values of the old type.";
    RequestTypeChanged => "request-type-changed", Breaking, Breaking,
        "The request body has another Rust type (or appeared, or went away).",
        "Old clients send a body of the old shape.";
    RequiredRequestFieldAdded => "required-request-field-added", Breaking, Breaking,
        "A request type gains a field callers must fill.",
        "Old clients do not send the field the API now requires.";
    RequestFieldAdded => "request-field-added", PotentiallyBreaking, NonBreaking,
        "A request type gains an optional field: builders are unaffected, struct literals must name it.",
        "Old clients omit it, which the API allows.";
    RequestFieldRemoved => "request-field-removed", Breaking, PotentiallyBreaking,
        "A request type loses a field callers may set.",
        "Old clients may still send the field: ignored by lenient servers, rejected by strict ones.";
    RequestFieldRequired => "request-field-required", Breaking, Breaking,
        "A request field becomes required: its type loses `Option` and builders must set it.",
        "Old clients may omit a field the API now requires.";
    RequestFieldOptional => "request-field-optional", PotentiallyBreaking, NonBreaking,
        "A request field becomes optional: struct literals must wrap it in `Some`.",
        "Old clients always send it, which is still valid.";
    RequestFieldTypeChanged => "request-field-type-changed", Breaking, Breaking,
        "A request field has another Rust type.",
        "Old clients send the field's old type.";
    ResponseFieldRemoved => "response-field-removed", Breaking, PotentiallyBreaking,
        "A response type loses a field callers may read.",
        "Old clients that require the field fail to decode answers without it; others read `None`.";
    ResponseFieldOptional => "response-field-optional", Breaking, Breaking,
        "A response field becomes an `Option`: readers must handle `None`.",
        "Old clients require the field and fail to decode answers that omit it.";
    ResponseFieldRequired => "response-field-required", Breaking, NonBreaking,
        "A response field loses its `Option`: code reading it as an `Option` stops compiling.",
        "The API now always sends a field old clients treat as optional.";
    ResponseFieldAdded => "response-field-added", PotentiallyBreaking, NonBreaking,
        "A response type gains a field: reading code is unaffected, struct literals (mocks, tests) must name it.",
        "Old clients ignore the unknown field.";
    ResponseFieldTypeChanged => "response-field-type-changed", Breaking, Breaking,
        "A response field has another Rust type.",
        "Old clients fail to decode the field's new type.";
    SuccessTypeChanged => "success-type-changed", Breaking, Breaking,
        "`send()` returns another success type.",
        "Old clients decode the answer as the old type.";
    SuccessStatusAdded => "success-status-added", NonBreaking, Breaking,
        "Another success status with the same type: `send()` returns the same `ResponseValue`.",
        "Old clients treat the new status as an unexpected response, an error.";
    SuccessStatusRemoved => "success-status-removed", NonBreaking, NonBreaking,
        "One success status fewer with the same type: `send()` is unchanged.",
        "The API answers a subset of the statuses old clients accept.";
    ErrorTypeChanged => "error-type-changed", PotentiallyBreaking, PotentiallyBreaking,
        "`send()` returns another error body type: code inspecting error bodies changes.",
        "Old clients fail to decode the new error bodies (they still get an error).";
    ErrorTypeRemoved => "error-type-removed", PotentiallyBreaking, Breaking,
        "Errors no longer carry a typed body (`Error<()>`): code inspecting error bodies stops compiling.",
        "The API no longer sends the error body old clients decode: their errors become decode failures.";
    ResponseEnumValueAdded => "response-enum-value-added", Breaking, Breaking,
        "A closed response enum gains a variant: exhaustive matches stop compiling, old clients fail to parse it.",
        "Old clients fail to decode answers holding the new value.";
    ResponseExtensibleEnumValueAdded => "response-extensible-enum-value-added", PotentiallyBreaking, NonBreaking,
        "An x-extensible-enum gains a variant: decoding is unaffected, but exhaustive matches without a wildcard stop compiling.",
        "Old clients read the new value as the catch-all variant.";
    ResponseEnumValueRemoved => "response-enum-value-removed", PotentiallyBreaking, NonBreaking,
        "A response enum loses a variant: match arms naming it stop compiling.",
        "The API sends a subset of the values old clients know.";
    RequestEnumValueAdded => "request-enum-value-added", PotentiallyBreaking, NonBreaking,
        "A request enum gains a variant callers may send: exhaustive matches over it stop compiling.",
        "Old clients send only values the API still takes.";
    RequestEnumValueRemoved => "request-enum-value-removed", Breaking, Breaking,
        "A request enum loses a variant callers may be sending.",
        "Old clients may send the value the API no longer takes.";
    PaginationAdded => "pagination-added", NonBreaking, NonBreaking,
        "The builder gains `pages()` and `items()` streams (x-pagination).",
        "Old clients read the first page, as they always did.";
    PaginationRemoved => "pagination-removed", Breaking, PotentiallyBreaking,
        "The builder loses its `pages()` and `items()` streams.",
        "Old clients look for a next page the API no longer describes: they stop early or see one page.";
    PaginationChanged => "pagination-changed", PotentiallyBreaking, PotentiallyBreaking,
        "The streams compile as before but fetch, read or end pages differently (x-pagination): a behaviour change.",
        "Old clients page the old way: they may stop early or repeat a page.";
    CredentialChanged => "credential-changed", PotentiallyBreaking, Breaking,
        "The operation sends another of the client's keys (x-credential): a client holding only the old one now gets 401.",
        "Old clients send the old key and get 401.";
    RateLimitChanged => "rate-limit-changed", PotentiallyBreaking, PotentiallyBreaking,
        "The documented rate limit or batch size changed (x-rate-limit): the runtime helpers pace and chunk differently.",
        "Old clients pace and chunk by the old limit: a lower one means 429s or rejected batches.";
    FeatureChanged => "feature-changed", Breaking, NonBreaking,
        "The operation belongs to another cargo feature (x-feature): a crate enabling only its old family loses the method.",
        "Features are not on the wire.";
    TypeRenamed => "type-renamed", PotentiallyBreaking, NonBreaking,
        "A generated type keeps its shape under another name: code naming the old type stops compiling.",
        "Type names are not on the wire.";
}

impl Check {
    /// Looks a check up by its id.
    pub fn from_id(id: &str) -> Option<Check> {
        Check::ALL.iter().copied().find(|c| c.id() == id)
    }
}

impl fmt::Display for Check {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
