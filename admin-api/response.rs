//! Reading answers into values or errors, with bounded error bodies.
//!
//! The generated operations decode every JSON answer through
//! [`from_response`] and turn every undocumented status into an error with
//! [`unexpected`] (the generator routes progenitor's own calls here). The
//! promise they keep: **whatever the server sends, the error keeps the HTTP
//! status and at most [`BODY_PREFIX_LIMIT`] bytes of the body**, and
//! formatting the error never builds a string much larger than that.
//!
//! | answer | error |
//! |---|---|
//! | documented error status, body decodes as the operation's error type | [`Error::ErrorResponse`] |
//! | documented error status, body not JSON (a gateway's HTML page), not of that type, or longer than the limit | [`Error::UnexpectedResponse`] with the status, headers and a body prefix |
//! | undocumented status | [`Error::UnexpectedResponse`], likewise |
//! | success status, body does not decode (cut short, HTML, another shape) | [`Error::UnexpectedResponse`] with the status, headers, a body prefix and the [`InvalidBody`] extension holding the decoding error |
//! | success status, the body stops arriving (connection dropped or timed out mid-body) | [`Error::UnexpectedResponse`] with the status, headers, the prefix that arrived and the [`CutShortBody`] extension holding the transport error |
//!
//! The body of an [`Error::UnexpectedResponse`] is already read (the
//! connection is free): `response.text().await` gives the prefix, and a
//! prefix that is not the whole body carries the [`TruncatedBody`]
//! extension (`response.extensions().get::<TruncatedBody>()`).

use std::sync::Arc;

use bytes::{Bytes, BytesMut};
use progenitor_client::{Error, ResponseValue};
use reqwest::ResponseBuilderExt;
use serde::de::DeserializeOwned;

/// The most bytes of an error body kept (and read) for an error value:
/// 64 KiB, enough for any API error document or gateway page.
pub const BODY_PREFIX_LIMIT: usize = 64 * 1024;

/// Marks an [`Error::UnexpectedResponse`] whose body is only the first
/// [`BODY_PREFIX_LIMIT`] bytes of what the server sent (or what arrived
/// before the connection failed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TruncatedBody;

/// Marks an [`Error::UnexpectedResponse`] made of a success answer whose
/// body did not decode; holds the decoding error (the client's
/// [`crate::Error`] turns it into [`crate::error::ErrorKind::InvalidAnswer`],
/// status and headers kept).
#[derive(Clone, Debug)]
pub struct InvalidBody(Arc<serde_json::Error>);

impl InvalidBody {
    /// The decoding error, when this is its only holder.
    pub(crate) fn into_error(self) -> Option<serde_json::Error> {
        Arc::try_unwrap(self.0).ok()
    }
}

/// Marks an [`Error::UnexpectedResponse`] made of a success answer whose
/// body stopped arriving; holds the transport error (the client's
/// [`crate::Error`] turns it into [`crate::error::ErrorKind::CutShort`],
/// status and headers kept).
#[derive(Clone, Debug)]
pub struct CutShortBody(Arc<reqwest::Error>);

impl CutShortBody {
    /// The transport error, when this is its only holder.
    pub(crate) fn into_error(self) -> Option<reqwest::Error> {
        Arc::try_unwrap(self.0).ok()
    }
}

/// Decodes a JSON answer, as progenitor's `ResponseValue::from_response`
/// does, but keeps the status of an error answer whose body is not of the
/// expected type, and bounds every body kept in an error.
///
/// A success body is read whole (pages can be large); an error body only up
/// to [`BODY_PREFIX_LIMIT`].
pub async fn from_response<T: DeserializeOwned, E>(
    mut response: reqwest::Response,
) -> Result<ResponseValue<T>, Error<E>> {
    let status = response.status();
    if !status.is_success() {
        let answer = read_prefix(response).await;
        if !answer.truncated {
            if let Ok(inner) = serde_json::from_slice(&answer.body) {
                return Ok(ResponseValue::new(inner, status, answer.headers));
            }
        }
        return Err(Error::UnexpectedResponse(answer.into_response()));
    }
    // Reading the body needs no headers (decompression is set up already):
    // they move into the value instead of being copied.
    let headers = std::mem::take(response.headers_mut());
    let version = response.version();
    let url = response.url().clone();
    let full = match read_whole(&mut response).await {
        Ok(full) => full,
        Err((arrived, e)) => {
            let mut response = Prefixed {
                status,
                version,
                headers,
                url,
                body: prefix(&arrived),
                truncated: true,
            }
            .into_response();
            response.extensions_mut().insert(CutShortBody(Arc::new(e)));
            return Err(Error::UnexpectedResponse(response));
        }
    };
    // A 204 has no body by definition; an operation that answers a body or
    // nothing decodes it as `null`, that is `None` (the generator gives such
    // an operation an `Option<T>` success type).
    let text: &[u8] = if full.is_empty() && status == reqwest::StatusCode::NO_CONTENT {
        b"null"
    } else {
        &full
    };
    match serde_json::from_slice(text) {
        Ok(inner) => Ok(ResponseValue::new(inner, status, headers)),
        Err(e) => {
            let body = prefix(&full);
            let mut response = Prefixed {
                status,
                version,
                headers,
                url,
                truncated: body.len() < full.len(),
                body,
            }
            .into_response();
            response.extensions_mut().insert(InvalidBody(Arc::new(e)));
            Err(Error::UnexpectedResponse(response))
        }
    }
}

/// Reads the whole body; when the connection fails midway, what arrived and
/// the error. A body of one chunk is not copied.
async fn read_whole(response: &mut reqwest::Response) -> Result<Bytes, (Bytes, reqwest::Error)> {
    let mut first: Option<Bytes> = None;
    let mut more = BytesMut::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => match &first {
                None => first = Some(chunk),
                Some(start) => {
                    if more.is_empty() {
                        more.extend_from_slice(start);
                    }
                    more.extend_from_slice(&chunk);
                }
            },
            Ok(None) => break,
            Err(e) => {
                let arrived = if more.is_empty() {
                    first.unwrap_or_default()
                } else {
                    more.freeze()
                };
                return Err((arrived, e));
            }
        }
    }
    Ok(if more.is_empty() {
        first.unwrap_or_default()
    } else {
        more.freeze()
    })
}

/// An undocumented answer as [`Error::UnexpectedResponse`]: status and
/// headers as they came, the body read up to [`BODY_PREFIX_LIMIT`].
pub async fn unexpected<E>(response: reqwest::Response) -> Error<E> {
    Error::UnexpectedResponse(read_prefix(response).await.into_response())
}

/// An answer whose body has been read, up to the limit.
struct Prefixed {
    status: reqwest::StatusCode,
    version: reqwest::Version,
    headers: reqwest::header::HeaderMap,
    url: reqwest::Url,
    body: Bytes,
    truncated: bool,
}

impl Prefixed {
    fn into_response(self) -> reqwest::Response {
        // The builder holds only the URL extension: it cannot fail, and the
        // default (an empty 200) is overwritten below anyway.
        let mut response = http::Response::builder()
            .url(self.url)
            .body(())
            .unwrap_or_default()
            .map(|()| self.body);
        *response.status_mut() = self.status;
        *response.version_mut() = self.version;
        *response.headers_mut() = self.headers;
        if self.truncated {
            response.extensions_mut().insert(TruncatedBody);
        }
        reqwest::Response::from(response)
    }
}

/// Reads at most [`BODY_PREFIX_LIMIT`] bytes of the body; a body cut short
/// by a failing connection keeps what arrived, marked truncated.
async fn read_prefix(mut response: reqwest::Response) -> Prefixed {
    let status = response.status();
    let version = response.version();
    let headers = std::mem::take(response.headers_mut());
    let url = response.url().clone();
    let mut body = BytesMut::new();
    let mut truncated = false;
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                let room = BODY_PREFIX_LIMIT - body.len();
                if chunk.len() > room {
                    body.extend_from_slice(&chunk[..room]);
                    truncated = true;
                    break;
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => break,
            Err(_) => {
                truncated = true;
                break;
            }
        }
    }
    Prefixed {
        status,
        version,
        headers,
        url,
        body: body.freeze(),
        truncated,
    }
}

/// The first [`BODY_PREFIX_LIMIT`] bytes, copied so that the whole body can
/// be freed.
fn prefix(body: &Bytes) -> Bytes {
    Bytes::copy_from_slice(&body[..body.len().min(BODY_PREFIX_LIMIT)])
}
