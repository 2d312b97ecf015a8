//! The generated client's hooks: authentication before each request, then
//! pacing to the documented rate limits, retries and tracing around sending
//! it.
//!
//! The generator asks progenitor for `HooksMode::Expected`, so this impl is
//! required: a client without it does not compile.

use std::sync::Arc;
use std::time::Duration;

use progenitor_client::{ClientHooks, Error, OperationInfo};
use tracing::field::Empty;
use tracing::Instrument;

use crate::config::ClientState;
use crate::retry::{reason_for_error, reason_for_status, server_wait, MAX_SERVER_WAIT};
use crate::Client;

impl ClientHooks<ClientState> for Client {
    async fn pre<E>(
        &self,
        request: &mut reqwest::Request,
        info: &OperationInfo,
    ) -> Result<(), Error<E>> {
        self.inner.credentials.authorize(request, info.operation_id);
        join_comma_separated_query(request, info.operation_id);
        Ok(())
    }

    async fn exec(
        &self,
        request: reqwest::Request,
        info: &OperationInfo,
    ) -> reqwest::Result<reqwest::Response> {
        send(&self.client, &self.inner, request, info.operation_id).await
    }
}

/// Sends `request`, retrying as the state's policy allows. When the retries
/// run out, the last answer or error is returned as it came.
///
/// Each attempt is a `tracing` span `admin_api.request` with the operation,
/// method, attempt and status: never the URL (it may carry emails in query
/// strings), headers or bodies.
pub(crate) async fn send(
    http: &reqwest::Client,
    state: &ClientState,
    request: reqwest::Request,
    operation: &'static str,
) -> reqwest::Result<reqwest::Response> {
    let policy = &state.retry;
    let clock = &state.clock;
    let started = clock.now();
    let method = request.method().clone();
    let mut request = request;
    let mut attempt: u32 = 1;
    // Time spent queueing for a rate-limit permit: the limiter's pacing, not
    // the server's slowness, so it is not charged to `max_elapsed`.
    let mut permit_waits = Duration::ZERO;
    // A helper's own window for the operation (the bulk move's) replaces the
    // client's pacing of it: one window, never two.
    let window = match &state.limit {
        Some(limit) if limit.operation == operation => Some(Arc::clone(&limit.window)),
        _ => state
            .pacing
            .as_ref()
            .and_then(|pacing| pacing.window(operation, clock)),
    };
    loop {
        // A streamed body cannot be cloned: such a request gets one attempt.
        let spare = if attempt < policy.max_attempts {
            request.try_clone()
        } else {
            None
        };
        let span = tracing::info_span!(
            "admin_api.request",
            operation,
            method = %method,
            attempt,
            status = Empty,
        );
        // A rate-limited operation counts every attempt, retries included.
        let permit = match &window {
            Some(window) => {
                let asked = clock.now();
                let permit = window.acquire().await;
                let waited = clock.now().duration_since(asked).unwrap_or_default();
                permit_waits = permit_waits.saturating_add(waited);
                Some(permit)
            }
            _ => None,
        };
        let outcome = http.execute(request).instrument(span.clone()).await;
        drop(permit);
        let (reason, server) = match &outcome {
            Ok(response) => {
                span.record("status", response.status().as_u16());
                match reason_for_status(&method, response.status()) {
                    Some(reason) => (reason, server_wait(response.headers(), clock.now())),
                    None => return outcome,
                }
            }
            Err(error) => match reason_for_error(&method, error) {
                Some(reason) => (reason, None),
                None => return outcome,
            },
        };
        let Some(next) = spare else {
            return outcome;
        };
        let wait = server.unwrap_or_else(|| policy.backoff(attempt));
        let elapsed = clock
            .now()
            .duration_since(started)
            .unwrap_or_default()
            .saturating_sub(permit_waits);
        if wait > MAX_SERVER_WAIT || elapsed.saturating_add(wait) > policy.max_elapsed {
            tracing::debug!(parent: &span, ?reason, wait_ms = wait.as_millis() as u64, "retry budget spent");
            return outcome;
        }
        tracing::info!(parent: &span, ?reason, wait_ms = wait.as_millis() as u64, "retrying");
        drop(outcome);
        clock.sleep(wait).await;
        request = next;
        attempt += 1;
    }
}

/// Joins repeated query keys into one comma-separated value for the parameters
/// the spec declares `style: form, explode: false` (progenitor sends one key
/// per value; the API wants `actor=a,b`).
fn join_comma_separated_query(request: &mut reqwest::Request, operation: &str) {
    let Some((_, names)) = crate::generated::COMMA_SEPARATED_QUERY
        .iter()
        .find(|(op, _)| *op == operation)
    else {
        return;
    };
    let url = request.url_mut();
    let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
    if pairs.is_empty() {
        return;
    }
    let mut joined: Vec<(String, String)> = Vec::with_capacity(pairs.len());
    for (key, value) in pairs {
        match joined.iter_mut().find(|(k, _)| *k == key) {
            Some((_, existing)) if names.contains(&key.as_str()) => {
                existing.push(',');
                existing.push_str(&value);
            }
            _ => joined.push((key, value)),
        }
    }
    url.query_pairs_mut().clear().extend_pairs(joined);
}
