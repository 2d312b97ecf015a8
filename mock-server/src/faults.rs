//! Faults on demand: latency, 429, 5xx, dropped connections and truncated
//! bodies, for one operation or all, a number of times or at random from a
//! seed, so users can test their retry and resume logic against the twin.

use std::time::Duration;

use crate::errors::ApiError;
use crate::http::{Reply, Wire};
use crate::spec::Operation;

/// What goes wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultKind {
    /// The answer comes this much later (the request is still served).
    Latency(Duration),
    /// 429 in the operation's error shape, with `Retry-After` and
    /// `X-RateLimit-*` headers; nothing changes.
    RateLimited {
        /// The wait the headers ask for.
        retry_after: Duration,
    },
    /// A 5xx in the operation's error shape; nothing changes.
    ServerError(u16),
    /// The connection closes without an answer; nothing changes.
    DropConnection,
    /// The request is served (state changes), the answer's body is cut in half.
    TruncateBody,
}

/// A fault and where it applies.
#[derive(Debug, Clone)]
pub struct Fault {
    kind: FaultKind,
    operation: Option<String>,
    remaining: Option<u32>,
    random: Option<Random>,
}

#[derive(Debug, Clone)]
struct Random {
    state: u64,
    /// Out of 1,000,000.
    per_million: u64,
}

impl Fault {
    /// `kind` on every request to `operation_id`.
    pub fn on(operation_id: &str, kind: FaultKind) -> Self {
        Self {
            kind,
            operation: Some(operation_id.to_owned()),
            remaining: None,
            random: None,
        }
    }

    /// `kind` on every request to any operation.
    pub fn everywhere(kind: FaultKind) -> Self {
        Self {
            kind,
            operation: None,
            remaining: None,
            random: None,
        }
    }

    /// `kind` on each request with `probability` (0 to 1), drawn from a
    /// generator seeded with `seed`: the same seed and requests give the
    /// same faults.
    pub fn random(seed: u64, probability: f64, kind: FaultKind) -> Self {
        Self {
            kind,
            operation: None,
            remaining: None,
            random: Some(Random {
                // xorshift needs a non-zero state.
                state: seed ^ 0x9E37_79B9_7F4A_7C15,
                per_million: (probability.clamp(0.0, 1.0) * 1_000_000.0) as u64,
            }),
        }
    }

    /// Only for the next `n` requests it applies to.
    pub fn times(mut self, n: u32) -> Self {
        self.remaining = Some(n);
        self
    }

    /// Restricts the fault to one operation.
    pub fn only(mut self, operation_id: &str) -> Self {
        self.operation = Some(operation_id.to_owned());
        self
    }
}

/// The faults in force.
#[derive(Debug, Default)]
pub(crate) struct Faults {
    list: Vec<Fault>,
}

impl Faults {
    pub(crate) fn add(&mut self, fault: Fault) {
        self.list.push(fault);
    }

    /// The fault for this request of `operation`, if any (the first that fires).
    pub(crate) fn next(&mut self, operation: &str) -> Option<FaultKind> {
        for fault in &mut self.list {
            if fault.operation.as_deref().is_some_and(|o| o != operation)
                || fault.remaining == Some(0)
            {
                continue;
            }
            if let Some(random) = &mut fault.random {
                let mut x = random.state;
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                random.state = x;
                if x % 1_000_000 >= random.per_million {
                    continue;
                }
            }
            if let Some(n) = &mut fault.remaining {
                *n -= 1;
            }
            return Some(fault.kind.clone());
        }
        None
    }
}

impl FaultKind {
    /// Whether the fault answers instead of the operation (nothing changes).
    pub(crate) fn replaces_answer(&self) -> bool {
        matches!(
            self,
            Self::RateLimited { .. } | Self::ServerError(_) | Self::DropConnection
        )
    }

    /// The answer of a fault that replaces the operation's.
    pub(crate) fn reply(&self, op: &Operation) -> Reply {
        let shape = op.error_schema();
        match self {
            Self::RateLimited { retry_after } => {
                ApiError::rate_limited(0, *retry_after).reply_as(shape)
            }
            Self::ServerError(status) => {
                ApiError::new(*status, "INTERNAL_SERVER_ERROR", "injected server error")
                    .reply_as(shape)
            }
            _ => Reply::empty(500).on_wire(Wire::Drop),
        }
    }

    /// The operation's answer, altered by a fault that lets it through.
    pub(crate) fn alter(&self, reply: Reply) -> Reply {
        match self {
            Self::Latency(d) => reply.after(*d),
            Self::TruncateBody => reply.on_wire(Wire::Truncate),
            _ => reply,
        }
    }
}
