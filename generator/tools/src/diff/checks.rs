//! The catalogue of checks: every change the diff can report has one stable,
//! kebab-case id and a fixed level, judged by what a user of the generated Rust
//! client experiences (not by HTTP wire compatibility).

use std::fmt;

/// How much a change can hurt code that uses the generated client.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Code that uses the affected item stops compiling or starts failing.
    Breaking,
    /// Some uses break (naming a type, struct literals, `-D warnings`, changed behaviour).
    PotentiallyBreaking,
    /// Additive or relaxing: existing code keeps compiling and working.
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

macro_rules! checks {
    ($($variant:ident => $id:literal, $level:ident, $why:literal;)*) => {
        /// One kind of change, with a stable id and a fixed level.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Check {
            $(
                #[doc = $why]
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

            /// How severe this kind of change is for users of the client.
            pub fn level(self) -> Level {
                match self { $(Check::$variant => Level::$level,)* }
            }

            /// What users of the generated client experience.
            pub fn effect(self) -> &'static str {
                match self { $(Check::$variant => $why,)* }
            }
        }
    };
}

checks! {
    OperationRemoved => "operation-removed", Breaking,
        "The client method of the operation is gone.";
    OperationRenamed => "operation-renamed", Breaking,
        "The operationId changed on the same method and path, so the client method is renamed.";
    PathChanged => "path-changed", PotentiallyBreaking,
        "The same method now calls a different path: callers compile but reach another endpoint.";
    MethodChanged => "method-changed", PotentiallyBreaking,
        "The same method now uses another HTTP method: callers compile but the request changes.";
    OperationAdded => "operation-added", NonBreaking,
        "A new client method.";
    DeprecationAdded => "deprecation-added", PotentiallyBreaking,
        "The operation is now deprecated: callers get a deprecation notice (fatal under -D warnings).";
    DeprecationRemoved => "deprecation-removed", NonBreaking,
        "The operation is no longer deprecated.";
    ParamRemoved => "param-removed", Breaking,
        "A builder setter is gone.";
    RequiredParamAdded => "required-param-added", Breaking,
        "A new setter must be called, or `send()` fails.";
    OptionalParamAdded => "optional-param-added", NonBreaking,
        "A new optional builder setter.";
    ParamMadeRequired => "param-made-required", Breaking,
        "A setter that could be skipped must now be called, or `send()` fails.";
    ParamMadeOptional => "param-made-optional", NonBreaking,
        "A required setter may now be skipped.";
    ParamTypeChanged => "param-type-changed", Breaking,
        "A setter takes another Rust type.";
    RequestTypeChanged => "request-type-changed", Breaking,
        "The request body has another Rust type (or appeared, or went away).";
    RequiredRequestFieldAdded => "required-request-field-added", Breaking,
        "A request type gains a field callers must fill.";
    RequestFieldAdded => "request-field-added", PotentiallyBreaking,
        "A request type gains an optional field: builders are unaffected, struct literals must name it.";
    RequestFieldRemoved => "request-field-removed", Breaking,
        "A request type loses a field callers may set.";
    RequestFieldRequired => "request-field-required", Breaking,
        "A request field becomes required: its type loses `Option` and builders must set it.";
    RequestFieldOptional => "request-field-optional", PotentiallyBreaking,
        "A request field becomes optional: struct literals must wrap it in `Some`.";
    RequestFieldTypeChanged => "request-field-type-changed", Breaking,
        "A request field has another Rust type.";
    ResponseFieldRemoved => "response-field-removed", Breaking,
        "A response type loses a field callers may read.";
    ResponseFieldOptional => "response-field-optional", Breaking,
        "A response field becomes an `Option`: readers must handle `None`.";
    ResponseFieldRequired => "response-field-required", Breaking,
        "A response field loses its `Option`: code reading it as an `Option` stops compiling.";
    ResponseFieldAdded => "response-field-added", NonBreaking,
        "A response type gains a field.";
    ResponseFieldTypeChanged => "response-field-type-changed", Breaking,
        "A response field has another Rust type.";
    SuccessTypeChanged => "success-type-changed", Breaking,
        "`send()` returns another success type.";
    ErrorTypeChanged => "error-type-changed", PotentiallyBreaking,
        "`send()` returns another error body type: code inspecting error bodies changes.";
    ResponseEnumValueAdded => "response-enum-value-added", Breaking,
        "A closed response enum gains a variant: exhaustive matches stop compiling, old clients fail to parse it.";
    ResponseExtensibleEnumValueAdded => "response-extensible-enum-value-added", NonBreaking,
        "An x-extensible-enum gains a value: older clients map it to the catch-all variant.";
    ResponseEnumValueRemoved => "response-enum-value-removed", PotentiallyBreaking,
        "A response enum loses a variant: match arms naming it stop compiling.";
    RequestEnumValueAdded => "request-enum-value-added", NonBreaking,
        "A request enum gains a variant callers may send.";
    RequestEnumValueRemoved => "request-enum-value-removed", Breaking,
        "A request enum loses a variant callers may be sending.";
    PaginationAdded => "pagination-added", NonBreaking,
        "The builder gains `pages()` and `items()` streams (x-pagination).";
    PaginationRemoved => "pagination-removed", Breaking,
        "The builder loses its `pages()` and `items()` streams.";
    PaginationChanged => "pagination-changed", PotentiallyBreaking,
        "The streams compile as before but fetch, read or end pages differently (x-pagination): a behaviour change.";
    CredentialChanged => "credential-changed", PotentiallyBreaking,
        "The operation sends another of the client's keys (x-credential): a client holding only the old one now gets 401.";
    RateLimitChanged => "rate-limit-changed", PotentiallyBreaking,
        "The documented rate limit or batch size changed (x-rate-limit): the runtime helpers pace and chunk differently.";
    TypeRenamed => "type-renamed", PotentiallyBreaking,
        "A generated type keeps its shape under another name: code naming the old type stops compiling.";
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
