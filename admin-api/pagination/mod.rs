//! Paginated operations as `Stream`s of pages and of items.
//!
//! The Admin API families page in different ways: v1 organization lists put
//! a link or cursor in `links.next`; v2 directory lists put an opaque cursor
//! there; API-access lists want the cursor *and* the original filters again;
//! control lists use `meta.next`; SCIM uses `startIndex`/`count`; some lists
//! hand out a URL to follow; the event stream hands out a cursor to replay
//! later. The spec declares which, per operation (`x-pagination`, see
//! `spec/EXTENSIONS.md`), and the generator implements [`Paginated`] for each
//! such operation's builder, with `pages()`, `items()` (and `follow()` for
//! feeds) calling the engine here. Only one page is held at a time, so
//! memory stays flat whatever the number of pages.

use std::future::Future;
use std::sync::Arc;
use std::time::Duration;

use std::hash::Hash;
use std::num::{NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8};

use futures::stream::{self, BoxStream, Stream, StreamExt, TryStreamExt};
use progenitor_client::{ClientHooks, Error, OperationInfo, ResponseValue};
use serde::de::DeserializeOwned;

use crate::clock::Clock;
use crate::Client;

/// A paginated operation's builder, as the generated code describes it from
/// the spec's `x-pagination`.
pub(crate) trait Paginated<'a>: Clone + Send + 'a {
    /// The page type (the operation's success type).
    type Page: Send + 'a;
    /// The item type.
    type Item: Send + 'a;
    /// The operation's error type.
    type Error: Send + 'a;
    /// A position in the list: a cursor, a link or an index.
    type Cursor: Clone + PartialEq + Eq + Hash + Send + Sync + 'a;
    /// The operation's name, as the hooks see it.
    const OPERATION: &'static str;
    /// The page at `cursor` (the first page for `None`).
    fn fetch(
        self,
        cursor: Option<Self::Cursor>,
    ) -> impl Future<Output = Result<Self::Page, Error<Self::Error>>> + Send + 'a;
    /// The position of the page after `page`; `None` on the last page.
    fn next(page: &Self::Page) -> Option<Self::Cursor>;
    /// The items of `page`.
    fn items(page: Self::Page) -> Vec<Self::Item>;
    /// Whether `page` holds no item (a feed waits before asking again).
    fn is_empty(page: &Self::Page) -> bool;
    /// The clock a feed waits on between polls.
    fn clock(&self) -> &Arc<dyn Clock>;
}

/// Every page of `request`'s list (the generated `pages()`).
pub(crate) fn stream_pages<'a, P: Paginated<'a>>(
    request: P,
) -> BoxStream<'a, Result<P::Page, Error<P::Error>>> {
    tracing::debug!(operation = P::OPERATION, "paging");
    pages(None, move |cursor| request.clone().fetch(cursor), P::next).boxed()
}

/// Every item of every page of `request`'s list (the generated `items()`).
pub(crate) fn stream_items<'a, P: Paginated<'a>>(
    request: P,
) -> BoxStream<'a, Result<P::Item, Error<P::Error>>> {
    items(stream_pages(request), P::items).boxed()
}

/// The items of a feed, without end (the generated `follow()`): at the last
/// page it waits `every` and asks again from the last position.
pub(crate) fn follow_items<'a, P>(
    request: P,
    every: Duration,
) -> BoxStream<'a, Result<P::Item, Error<P::Error>>>
where
    P: Paginated<'a>,
    P::Item: 'a,
{
    let clock = Arc::clone(request.clock());
    let pages = poll(
        move |cursor| request.clone().fetch(cursor),
        P::next,
        P::is_empty,
        clock,
        every,
    );
    items(pages, P::items).boxed()
}

/// The cursor in the first of `links` present: see [`cursor_of`].
pub(crate) fn next_cursor(links: &[Option<&String>]) -> Option<String> {
    links
        .iter()
        .flatten()
        .next()
        .and_then(|link| cursor_of(link))
}

/// The first of `links` present and not blank, as given.
pub(crate) fn next_link(links: &[Option<&String>]) -> Option<String> {
    links
        .iter()
        .flatten()
        .map(|link| link.trim())
        .find(|link| !link.is_empty())
        .map(str::to_owned)
}

/// The index of the page after one that started at `start` with `count`
/// items (`len` when the page does not say) out of `total`.
pub(crate) fn next_index(
    start: Option<i64>,
    count: Option<i64>,
    len: usize,
    total: Option<i64>,
) -> Option<u32> {
    let count = count.unwrap_or_else(|| i64::try_from(len).unwrap_or(i64::MAX));
    scim_next_index(start.unwrap_or(1), count, total?).and_then(|n| u32::try_from(n).ok())
}

/// A fresh body builder of the same type, for lists whose next request must
/// carry the cursor alone.
pub(crate) fn fresh<T: Default>(_: T) -> T {
    T::default()
}

/// The integer types an index field may have, as `i64`.
pub(crate) trait AsIndex {
    /// The value, if it fits.
    fn as_index(&self) -> Option<i64>;
}

macro_rules! as_index {
    ($($t:ty),*) => {$(
        impl AsIndex for $t {
            fn as_index(&self) -> Option<i64> {
                i64::try_from(*self).ok()
            }
        }
    )*};
}
as_index!(i8, i16, i32, i64, u8, u16, u32, u64);

macro_rules! non_zero_as_index {
    ($($t:ty),*) => {$(
        impl AsIndex for $t {
            fn as_index(&self) -> Option<i64> {
                self.get().as_index()
            }
        }
    )*};
}
non_zero_as_index!(NonZeroU8, NonZeroU16, NonZeroU32, NonZeroU64);

/// A stream of pages: `fetch(None)` (or `fetch(Some(first))`) for the first
/// page, then `fetch(Some(next(&page)))` until `next` says there is none.
///
/// It also stops when the server hands back the cursor it was just given,
/// which would otherwise loop forever. An error ends the stream after being
/// yielded.
pub(crate) fn pages<C, P, E, F, Fut, N>(
    first: Option<C>,
    fetch: F,
    next: N,
) -> impl Stream<Item = Result<P, E>>
where
    C: PartialEq + Clone,
    F: FnMut(Option<C>) -> Fut,
    Fut: Future<Output = Result<P, E>>,
    N: Fn(&P) -> Option<C>,
{
    // `None`: done; `Some(cursor)`: fetch the page at `cursor`.
    stream::try_unfold(
        (Some(first), fetch, next),
        |(position, mut fetch, next)| async move {
            let Some(cursor) = position else {
                return Ok(None);
            };
            let page = fetch(cursor.clone()).await?;
            let following = next(&page).filter(|c| cursor.as_ref() != Some(c));
            Ok(Some((page, (following.map(Some), fetch, next))))
        },
    )
}

/// An endless stream of pages for feeds that grow (the audit event stream):
/// like [`pages`], but at the end (an `is_empty` page, no cursor, or the
/// same cursor again) it waits `every` on `clock` and asks again with the
/// last cursor it had.
pub(crate) fn poll<C, P, E, F, Fut, N, Z>(
    fetch: F,
    next: N,
    is_empty: Z,
    clock: Arc<dyn Clock>,
    every: Duration,
) -> impl Stream<Item = Result<P, E>>
where
    C: Clone + PartialEq,
    F: FnMut(Option<C>) -> Fut,
    Fut: Future<Output = Result<P, E>>,
    N: Fn(&P) -> Option<C>,
    Z: Fn(&P) -> bool,
{
    // State: the cursor to ask with, and whether to wait before asking.
    stream::try_unfold(
        (None, false, fetch, next, is_empty),
        move |(cursor, wait, mut fetch, next, is_empty): (Option<C>, bool, F, N, Z)| {
            let pause = wait.then(|| clock.sleep(every));
            async move {
                if let Some(pause) = pause {
                    pause.await;
                }
                let page = fetch(cursor.clone()).await?;
                let following = next(&page);
                let at_end = is_empty(&page) || following.is_none() || following == cursor;
                Ok(Some((
                    page,
                    (following.or(cursor), at_end, fetch, next, is_empty),
                )))
            }
        },
    )
}

/// The items of a stream of pages, in order, one page in memory at a time.
pub(crate) fn items<P, T, E, I>(
    pages: impl Stream<Item = Result<P, E>>,
    mut into_items: I,
) -> impl Stream<Item = Result<T, E>>
where
    I: FnMut(P) -> Vec<T>,
{
    pages
        .map_ok(move |page| stream::iter(into_items(page).into_iter().map(Ok)))
        .try_flatten()
}

/// The cursor in a `next` link: the `cursor` query parameter when the link
/// is a URL or a path with a query, else the link itself (an opaque cursor).
pub(crate) fn cursor_of(link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    if !(link.contains("://") || link.starts_with('/') || link.contains('?')) {
        return Some(link.to_owned());
    }
    let query = link.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    form_urlencoded_pairs(query)
        .into_iter()
        .find(|(k, _)| k == "cursor")
        .map(|(_, v)| v)
        .filter(|v| !v.is_empty())
}

fn form_urlencoded_pairs(query: &str) -> Vec<(String, String)> {
    serde_urlencoded::from_str(query).unwrap_or_default()
}

/// The `startIndex` of the SCIM page after one that started at `start_index`
/// with `items_per_page` results out of `total_results`; `None` at the end.
pub(crate) fn scim_next_index(
    start_index: i64,
    items_per_page: i64,
    total_results: i64,
) -> Option<i64> {
    let next = start_index.max(1) + items_per_page;
    (items_per_page > 0 && next <= total_results).then_some(next)
}

impl Client {
    /// Fetches a `next` link that the API gave as a URL (for lists with no
    /// cursor parameter), through the same auth, retry and tracing hooks as
    /// every operation. A relative link is resolved against the base URL; a
    /// link to any other origin is refused, so the key never leaves for a
    /// host the client was not configured for.
    /// A non-success answer is an [`Error::UnexpectedResponse`], status and
    /// body intact, whatever the error type `E` of the list operation.
    pub async fn follow_link<T: DeserializeOwned, E>(
        &self,
        link: &str,
        operation_id: &'static str,
    ) -> Result<ResponseValue<T>, Error<E>> {
        let url = self.resolve_link(link).map_err(Error::InvalidRequest)?;
        let mut request = self
            .client
            .get(url)
            .header(reqwest::header::ACCEPT, "application/json")
            .build()?;
        let info = OperationInfo { operation_id };
        self.pre(&mut request, &info).await?;
        let response = self.exec(request, &info).await?;
        if response.status().is_success() {
            ResponseValue::from_response(response).await
        } else {
            Err(Error::UnexpectedResponse(response))
        }
    }

    fn resolve_link(&self, link: &str) -> Result<reqwest::Url, String> {
        let invalid = |why: &str| format!("next link {why}");
        let base = reqwest::Url::parse(&self.baseurl).map_err(|_| invalid("has no valid base"))?;
        let url = base.join(link).map_err(|_| invalid("is not a URL"))?;
        if url.origin() != base.origin() {
            return Err(invalid("points outside the base URL's origin"));
        }
        Ok(url)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_from_urls_paths_and_bare_cursors() {
        let cases = [
            (
                "https://api.atlassian.com/admin/v1/orgs?cursor=abc%3D%3D",
                Some("abc=="),
            ),
            ("/admin/v1/orgs/o/users?limit=5&cursor=xyz", Some("xyz")),
            ("?cursor=c2", Some("c2")),
            ("opaque-Token==", Some("opaque-Token==")),
            ("https://api.atlassian.com/admin/v1/orgs?limit=5", None),
            ("", None),
        ];
        for (link, expected) in cases {
            assert_eq!(cursor_of(link).as_deref(), expected, "{link}");
        }
    }

    #[test]
    fn scim_pages_end_when_the_total_is_reached() {
        assert_eq!(scim_next_index(1, 100, 250), Some(101));
        assert_eq!(scim_next_index(201, 50, 250), None);
        assert_eq!(scim_next_index(101, 100, 250), Some(201));
        assert_eq!(
            scim_next_index(1, 0, 250),
            None,
            "an empty page ends the list"
        );
    }
}
