//! `spec-size`: a ceiling on how much code the spec asks progenitor to
//! generate, so that `check` and the build stay within bounded memory and time
//! on any input. Generation holds the whole client as tokens and syntax tree:
//! measured in release, about 150 KB of memory per operation and 40 KB per
//! schema property or parameter, linear; parameters cost more time. The budget below admits about
//! 400 MB of generation; the curated spec uses under a third of it.

use serde_yaml::Value;

use super::doc::{self, Kind};
use crate::diagnostic::Diagnostic;

/// Generation units a spec may use (see [`Size::units`]).
pub const BUDGET: usize = 8_000;

/// Units per operation, measured against a property's one.
const PER_OPERATION: usize = 4;
/// Units per parameter (progenitor's parameter handling is slower per item
/// than a field: 5,000 parameters on one operation took 1.9 s).
const PER_PARAMETER: usize = 2;

/// What the walk counted.
#[derive(Default)]
pub struct Size {
    properties: usize,
    parameters: usize,
    enum_values: usize,
    /// The schema with the most properties, as (count, pointer).
    widest: (usize, String),
}

impl Size {
    /// Counts one structural node (called from the rules' single walk).
    pub fn visit(&mut self, kind: Kind, pointer: &str, node: &Value) {
        match kind {
            // Generation costs a parameter per use: count the operations'
            // entries (a `$ref` among them is one use), not the definitions
            // under `components` they point to.
            Kind::Parameter if !pointer.starts_with("/components/") => self.parameters += 1,
            Kind::Schema => {
                if let Some(Value::Mapping(props)) = doc::get(node, "properties") {
                    self.properties += props.len();
                    if props.len() > self.widest.0 {
                        self.widest = (props.len(), doc::child(pointer, "properties"));
                    }
                }
                self.enum_values += doc::items(doc::get(node, "enum")).len();
            }
            _ => {}
        }
    }

    fn units(&self, operations: usize) -> usize {
        operations.saturating_mul(PER_OPERATION)
            + self.properties
            + self.parameters.saturating_mul(PER_PARAMETER)
            // A unit per enum value: cheap to generate, but not to compile
            // (rustc took 110 s and 11 GB on a client with a 20,000-value enum).
            + self.enum_values
    }

    /// Reports a spec over [`BUDGET`], at the part that weighs most.
    pub fn check(&self, operations: usize, out: &mut Vec<Diagnostic>) {
        let units = self.units(operations);
        if units <= BUDGET {
            return;
        }
        let pointer = if self.widest.0 * 4 > units {
            self.widest.1.clone()
        } else {
            "/paths".to_owned()
        };
        out.push(
            Diagnostic::error(
                "spec-size",
                pointer,
                format!(
                    "the spec asks for more code than the generator's budget: {units} units \
                     ({operations} operations × {PER_OPERATION}, {} schema properties, {} parameters × {PER_PARAMETER}, \
                     {} enum values) against {BUDGET}; generating it would take more than about 400 MB",
                    self.properties, self.parameters, self.enum_values
                ),
            )
            .with_hint(
                "split the spec into several crates, or drop what the client does not need \
                 (the curated Admin API spec uses under a third of the budget)",
            ),
        );
    }
}
