//! Paginated operations as `Stream`s of pages and of items.
//!
//! The Admin API families page in different ways: v1 organization lists put
//! a link or cursor in `links.next`; v2 directory lists put an opaque cursor
//! there; API-access lists want the cursor *and* the original filters again;
//! control lists use `meta.next`; SCIM uses `startIndex`/`count`; some lists
//! hand out a URL to follow; the event stream hands out a cursor to replay
//! later. The spec declares which, per operation (`x-pagination`, see
//! `spec/EXTENSIONS.md`), and the generator implements `Paginated` for each
//! such operation's builder, with `pages()`, `items()` (and `follow()` for
//! feeds) calling the engine here. Only one page is held at a time, so
//! memory stays flat whatever the number of pages.
//!
//! # Cycles and the stream's error type
//!
//! A server that leads a stream back to a page it already served (cursors
//! `a → b → a`, two URLs linking to each other, a SCIM `startIndex` going
//! 3, 5, 3, 5) would make it endless. Every stream remembers the positions
//! it has followed (a bounded set of keyed hashes, then Brent's algorithm in
//! constant memory) and ends with
//! [`PageError::Cycle`], naming the operation, instead of fetching a page a
//! second time. A `next` position equal to the one just asked for is the
//! usual "no further page" of a feed and ends the stream without error.
//!
//! The engine functions (`pages`, `poll`) take the operation's id as the
//! hooks see it ([`OperationInfo::operation_id`], the Rust method name such
//! as `list_scim_users`), a fetch closure returning the generated
//! operation's `Result<P, crate::Error<E>>`, and yield
//! `Result<P, PageError<E>>`: a failed request is [`PageError::Request`]
//! with the operation's error unchanged (status and body included).

use std::collections::hash_map::RandomState;
use std::collections::HashSet;
use std::fmt;
use std::future::Future;
use std::hash::{BuildHasher, Hash};
use std::sync::Arc;
use std::time::Duration;

use std::num::{NonZeroU16, NonZeroU32, NonZeroU64, NonZeroU8};

use futures::stream::{self, BoxStream, Stream, StreamExt, TryStreamExt};
use progenitor_client::{ClientHooks, Error, OperationInfo, ResponseValue};
use serde::de::DeserializeOwned;

use crate::raw::Raw;

use crate::clock::Clock;
use crate::Client;

/// A paginated operation's builder, as the generated code describes it from
/// the spec's `x-pagination`.
pub(crate) trait Paginated<'a>: Clone + Send + 'a {
    /// The page type (the operation's success type).
    type Page: DeserializeOwned + Send + 'a;
    /// The item type.
    type Item: DeserializeOwned + Send + 'a;
    /// The operation's error type.
    type Error: Send + 'a;
    /// A position in the list: a cursor, a link or an index.
    type Cursor: Clone + PartialEq + Eq + Hash + Send + Sync + 'a;
    /// The operation's method name, as the hooks see it (`get_events`).
    const OPERATION: &'static str;
    /// The operation's id in the spec, as errors name it (`getEvents`).
    const OPERATION_ID: &'static str;
    /// Where the items are in a page: property names from the page's root.
    const ITEMS: &'static [&'static str];
    /// Whether the list is a feed that grows at its end (its last position
    /// is asked again later for what arrived since).
    const FEED: bool;
    /// The page at `cursor` (the first page for `None`), decoded as `T`
    /// (the page type, or [`Raw`] of it).
    fn fetch<T: DeserializeOwned + Send + 'a>(
        self,
        cursor: Option<Self::Cursor>,
    ) -> impl Future<Output = Result<T, crate::Error<Self::Error>>> + Send + 'a;
    /// The position of the page after `page`; `None` on the last page.
    fn next(page: &Self::Page) -> Option<Self::Cursor>;
    /// The items of `page`.
    fn items(page: Self::Page) -> Vec<Self::Item>;
    /// Whether `page` holds no item (a feed waits before asking again).
    fn is_empty(page: &Self::Page) -> bool;
    /// The clock a feed waits on between polls.
    fn clock(&self) -> &Arc<dyn Clock>;
}

/// One page of a list and the position of the next one: what a checkpoint
/// stores to resume the list later (`pages_from(next)` on a fresh builder
/// with the same parameters).
///
/// The position is a cursor or link (`String`) or a SCIM start index
/// (`u32`), whichever the operation pages by; `None` after the last page.
/// A feed (the audit event stream, `poll_events`) always has a position:
/// on its last page, `next` is where to ask again later for what arrived
/// since.
#[derive(Clone, Debug)]
#[non_exhaustive]
pub struct Page<T, C = String> {
    /// The page's items, in order.
    pub items: Vec<T>,
    /// Where the next page starts; `None` when this is the last one (a
    /// feed's last page holds the position to ask again later).
    pub next: Option<C>,
}

/// A page of items with their exact JSON text.
pub(crate) type RawPage<T, C> = Page<Raw<T>, C>;

/// A stream of `T` (pages) that ends with the first [`PageError`].
pub(crate) type Pages<'a, T, E> = BoxStream<'a, Result<T, PageError<E>>>;

/// Every page of `request`'s list (the generated `pages()`).
pub(crate) fn stream_pages<'a, P: Paginated<'a>>(
    request: P,
) -> BoxStream<'a, Result<P::Page, PageError<P::Error>>> {
    tracing::debug!(operation = P::OPERATION, "paging");
    pages(
        P::OPERATION_ID,
        None,
        move |cursor| request.clone().fetch::<P::Page>(cursor),
        P::next,
        false,
    )
    .map_ok(|(page, _)| page)
    .boxed()
}

/// The pages of `request`'s list from the position `from` (the first page
/// for `None`), each with its items and the next position (the generated
/// `pages_from()`).
pub(crate) fn stream_pages_from<'a, P: Paginated<'a>>(
    request: P,
    from: Option<P::Cursor>,
) -> Pages<'a, Page<P::Item, P::Cursor>, P::Error> {
    tracing::debug!(operation = P::OPERATION, resumed = from.is_some(), "paging");
    pages(
        P::OPERATION_ID,
        from,
        move |cursor| request.clone().fetch::<P::Page>(cursor),
        P::next,
        P::FEED,
    )
    .map_ok(|(page, next)| Page {
        items: P::items(page),
        next,
    })
    .boxed()
}

/// Like [`stream_pages_from`], each item with its exact JSON text (the
/// generated `raw_pages_from()`).
pub(crate) fn stream_raw_pages_from<'a, P: Paginated<'a>>(
    request: P,
    from: Option<P::Cursor>,
) -> Pages<'a, RawPage<P::Item, P::Cursor>, P::Error> {
    tracing::debug!(
        operation = P::OPERATION,
        resumed = from.is_some(),
        "paging raw"
    );
    pages(
        P::OPERATION_ID,
        from,
        move |cursor| request.clone().fetch::<Raw<P::Page>>(cursor),
        |raw: &Raw<P::Page>| P::next(raw.value()),
        P::FEED,
    )
    .and_then(|(raw, next)| async move {
        Ok(Page {
            items: raw_items::<P>(raw)?,
            next,
        })
    })
    .boxed()
}

/// The items of a raw page, each with its text: the typed items of the page
/// beside the JSON values at the items' path.
// The error is as large as every page stream's; it is built once, at the end.
#[allow(clippy::result_large_err)]
fn raw_items<'a, P: Paginated<'a>>(
    raw: Raw<P::Page>,
) -> Result<Vec<Raw<P::Item>>, PageError<P::Error>> {
    let texts = crate::raw::values_at(raw.json(), P::ITEMS);
    let typed = P::items(raw.into_value());
    match texts {
        Ok(texts) if texts.len() == typed.len() => Ok(texts
            .into_iter()
            .zip(typed)
            .map(|(text, item)| Raw::from_parts(text, item))
            .collect()),
        // The same text decoded into the page; read each item on its own.
        Ok(texts) => texts
            .iter()
            .map(|text| Raw::from_json(text.get()))
            .collect::<Result<_, _>>()
            .map_err(|e| raw_error::<P>(&e)),
        Err(e) => Err(raw_error::<P>(&e)),
    }
}

fn raw_error<'a, P: Paginated<'a>>(e: &serde_json::Error) -> PageError<P::Error> {
    PageError::Request(crate::Error::new(
        P::OPERATION_ID,
        crate::error::ErrorKind::Other(format!(
            "the page's items at `{}` could not be read as JSON text: {e}",
            P::ITEMS.join(".")
        )),
    ))
}

/// Every item of every page of `request`'s list (the generated `items()`).
pub(crate) fn stream_items<'a, P: Paginated<'a>>(
    request: P,
) -> BoxStream<'a, Result<P::Item, PageError<P::Error>>> {
    items(stream_pages(request), P::items).boxed()
}

/// The items of a feed, without end (the generated `follow()`): at the last
/// page it waits `every` and asks again from the last position.
pub(crate) fn follow_items<'a, P>(
    request: P,
    every: Duration,
) -> BoxStream<'a, Result<P::Item, PageError<P::Error>>>
where
    P: Paginated<'a>,
    P::Item: 'a,
{
    let clock = Arc::clone(request.clock());
    let pages = poll(
        P::OPERATION_ID,
        move |cursor| request.clone().fetch::<P::Page>(cursor),
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

/// How a page stream failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum PageError<E> {
    /// A page request failed: the operation's own error, status and body kept.
    Request(crate::Error<E>),
    /// The server pointed the stream back to a page it had already served;
    /// following it would never end.
    Cycle {
        /// The operation whose pages cycle (`listScimUsers`).
        operation_id: &'static str,
        /// Pages served (and yielded) before the repeated cursor.
        pages: u64,
    },
}

impl<E> PageError<E> {
    /// The HTTP status of a failed request; `None` for a cycle.
    pub fn status(&self) -> Option<reqwest::StatusCode> {
        match self {
            PageError::Request(e) => e.status(),
            PageError::Cycle { .. } => None,
        }
    }

    /// Whether the server led the stream into a cycle.
    pub fn is_cycle(&self) -> bool {
        matches!(self, PageError::Cycle { .. })
    }
}

impl<E> From<crate::Error<E>> for PageError<E> {
    fn from(error: crate::Error<E>) -> Self {
        PageError::Request(error)
    }
}

impl<E: serde::Serialize> fmt::Display for PageError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PageError::Request(e) => fmt::Display::fmt(e, f),
            PageError::Cycle {
                operation_id,
                pages,
            } => write!(
                f,
                "{operation_id}: pagination cycle: after {pages} pages the server pointed back to a page it had already served"
            ),
        }
    }
}

impl<E: serde::Serialize + fmt::Debug + 'static> std::error::Error for PageError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PageError::Request(e) => Some(e),
            PageError::Cycle { .. } => None,
        }
    }
}

/// The cursors a stream has followed, to spot a server leading it in circles.
///
/// It keeps a 64-bit keyed hash per cursor (never the cursor itself, so a
/// server's huge cursors cost nothing), up to [`CycleGuard::REMEMBERED`]
/// cursors (a few MB). Past that, memory stays constant: Brent's algorithm
/// (a checkpoint cursor moved at doubling distances) still catches any
/// cycle, though only after refetching up to as many pages again as the
/// stream had followed (plus two turns of the cycle). The hash keys are
/// random per stream, so a server cannot craft a collision; an accidental
/// one is about as likely as n²/2⁶⁵ (3·10⁻¹⁰ at 100,000 pages).
#[derive(Debug)]
pub(crate) struct CycleGuard {
    keys: RandomState,
    seen: HashSet<u64>,
    checkpoint: Option<u64>,
    steps: u64,
    distance: u64,
}

impl Default for CycleGuard {
    fn default() -> Self {
        Self {
            keys: RandomState::new(),
            seen: HashSet::new(),
            checkpoint: None,
            steps: 0,
            distance: 1,
        }
    }
}

impl CycleGuard {
    /// Cursors remembered exactly before the constant-memory fallback.
    pub(crate) const REMEMBERED: usize = 100_000;

    /// A guard that has seen nothing.
    pub(crate) fn new() -> Self {
        Self::default()
    }

    /// Notes that the stream is about to follow `cursor`; `false` if it has
    /// followed it before (the stream is in a cycle).
    pub(crate) fn first_visit<C: Hash>(&mut self, cursor: &C) -> bool {
        let hash = self.keys.hash_one(cursor);
        if self.seen.contains(&hash) || self.checkpoint == Some(hash) {
            return false;
        }
        if self.seen.len() < Self::REMEMBERED {
            self.seen.insert(hash);
            return true;
        }
        self.steps += 1;
        if self.steps >= self.distance {
            self.checkpoint = Some(hash);
            self.distance = self.distance.saturating_mul(2);
            self.steps = 0;
        }
        true
    }
}

/// Where a [`pages`] stream stands.
enum Position<C> {
    /// Fetch the page at this cursor (`None`: the first page).
    At(Option<C>),
    /// The last page pointed back to one already served.
    Cycle,
    Done,
}

/// A stream of pages of the operation `operation_id`: `fetch(first)` for
/// the first page, then `fetch(Some(next(&page)))` until `next` says there
/// is none (or hands back the cursor it was just given). Each page comes
/// with the position of the next one: `None` after the last, or with
/// `replay` (a feed), the position to ask again later.
///
/// A cursor followed before ends the stream with [`PageError::Cycle`] after
/// the page that pointed to it. A failed request ends the stream after its
/// [`PageError::Request`] is yielded.
pub(crate) fn pages<C, P, E, F, Fut, N>(
    operation_id: &'static str,
    first: Option<C>,
    fetch: F,
    next: N,
    replay: bool,
) -> impl Stream<Item = Result<(P, Option<C>), PageError<E>>>
where
    C: PartialEq + Hash + Clone,
    F: FnMut(Option<C>) -> Fut,
    Fut: Future<Output = Result<P, crate::Error<E>>>,
    N: Fn(&P) -> Option<C>,
{
    let mut guard = CycleGuard::new();
    if let Some(first) = &first {
        guard.first_visit(first);
    }
    stream::try_unfold(
        (Position::At(first), fetch, next, guard, 0u64),
        move |(position, mut fetch, next, mut guard, served)| async move {
            let cursor = match position {
                Position::At(cursor) => cursor,
                Position::Cycle => {
                    return Err(PageError::Cycle {
                        operation_id,
                        pages: served,
                    })
                }
                Position::Done => return Ok(None),
            };
            let page = fetch(cursor.clone()).await?;
            let (following, position) = match next(&page) {
                Some(c) if cursor.as_ref() == Some(&c) => (replay.then_some(c), Position::Done),
                Some(c) if !guard.first_visit(&c) => (Some(c), Position::Cycle),
                Some(c) => (Some(c.clone()), Position::At(Some(c))),
                None => (cursor.filter(|_| replay), Position::Done),
            };
            Ok(Some((
                (page, following),
                (position, fetch, next, guard, served.saturating_add(1)),
            )))
        },
    )
}

/// An endless stream of pages for feeds that grow (the audit event stream):
/// like [`pages`], but at the end (an `is_empty` page, no cursor, or the
/// same cursor again) it waits `every` on `clock` and asks again with the
/// last cursor it had. Replaying that cursor is the point; moving on to a
/// cursor followed earlier is a cycle and ends the stream with
/// [`PageError::Cycle`].
pub(crate) fn poll<C, P, E, F, Fut, N, Z>(
    operation_id: &'static str,
    fetch: F,
    next: N,
    is_empty: Z,
    clock: Arc<dyn Clock>,
    every: Duration,
) -> impl Stream<Item = Result<P, PageError<E>>>
where
    C: Clone + PartialEq + Hash,
    F: FnMut(Option<C>) -> Fut,
    Fut: Future<Output = Result<P, crate::Error<E>>>,
    N: Fn(&P) -> Option<C>,
    Z: Fn(&P) -> bool,
{
    struct State<C, F, N, Z> {
        cursor: Option<C>,
        wait: bool,
        cycle: bool,
        served: u64,
        guard: CycleGuard,
        fetch: F,
        next: N,
        is_empty: Z,
    }
    let start = State {
        cursor: None,
        wait: false,
        cycle: false,
        served: 0,
        guard: CycleGuard::new(),
        fetch,
        next,
        is_empty,
    };
    stream::try_unfold(start, move |mut state: State<C, F, N, Z>| {
        // No pause before reporting a cycle: the stream ends there.
        let pause = (state.wait && !state.cycle).then(|| clock.sleep(every));
        async move {
            if state.cycle {
                return Err(PageError::Cycle {
                    operation_id,
                    pages: state.served,
                });
            }
            if let Some(pause) = pause {
                pause.await;
            }
            let page = (state.fetch)(state.cursor.clone()).await?;
            let following = (state.next)(&page);
            let moved_on = following.is_some() && following != state.cursor;
            if let Some(c) = following.as_ref().filter(|_| moved_on) {
                state.cycle = !state.guard.first_visit(c);
            }
            state.wait = (state.is_empty)(&page) || !moved_on;
            state.served = state.served.saturating_add(1);
            if moved_on {
                state.cursor = following;
            }
            Ok(Some((page, state)))
        }
    })
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
    // Checked: a server's index near `i64::MAX` ends the list, not the program.
    let next = start_index.max(1).checked_add(items_per_page)?;
    (items_per_page > 0 && next <= total_results).then_some(next)
}

impl Client {
    /// Fetches a `next` link that the API gave as a URL (for lists with no
    /// cursor parameter), through the same auth, retry and tracing hooks as
    /// every operation. A relative link is resolved against the base URL; a
    /// link to any other origin is refused, so the key never leaves for a
    /// host the client was not configured for.
    /// A non-success answer is an [`ErrorKind::UnexpectedAnswer`] with its
    /// status and a bounded body (see [`crate::response`]), whatever the
    /// error type `E` of the list operation. `operation_id` names the
    /// operation for the hooks and in errors.
    ///
    /// [`ErrorKind::UnexpectedAnswer`]: crate::error::ErrorKind::UnexpectedAnswer
    pub async fn follow_link<T: DeserializeOwned, E>(
        &self,
        link: &str,
        operation_id: &'static str,
    ) -> Result<ResponseValue<T>, crate::Error<E>> {
        self.follow_link_of(link, operation_id, operation_id).await
    }

    /// [`follow_link`](Self::follow_link) with the hooks' name of the
    /// operation (`list_service_accounts`) apart from the spec's
    /// (`listServiceAccounts`, in errors).
    pub(crate) async fn follow_link_of<T: DeserializeOwned, E>(
        &self,
        link: &str,
        operation: &'static str,
        operation_id: &'static str,
    ) -> Result<ResponseValue<T>, crate::Error<E>> {
        match self.exchange_link(link, operation).await {
            Ok(value) => Ok(value),
            Err(e) => Err(crate::Error::from_progenitor(operation_id, e).await),
        }
    }

    async fn exchange_link<T: DeserializeOwned, E>(
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
            crate::response::from_response(response).await
        } else {
            Err(crate::response::unexpected(response).await)
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
        assert_eq!(scim_next_index(i64::MAX, 1, i64::MAX), None, "no overflow");
        assert_eq!(scim_next_index(i64::MIN, i64::MAX, i64::MAX), None);
    }

    #[test]
    fn the_guard_catches_a_cycle_beyond_the_remembered_cursors_in_constant_memory() {
        let mut guard = CycleGuard::new();
        for n in 0..CycleGuard::REMEMBERED as u64 {
            assert!(guard.first_visit(&n));
        }
        // Then 1,000 fresh cursors, and a cycle of 7 among new ones.
        let tail = (0..1_000u64).map(|n| n + 1_000_000_000);
        let cycle = (0..7u64).cycle().map(|n| n + 2_000_000_000);
        let mut followed = 0usize;
        for cursor in tail.chain(cycle).take(100_000) {
            if !guard.first_visit(&cursor) {
                break;
            }
            followed += 1;
        }
        assert!(
            followed < 1_000 + 4 * 7 + 2_048,
            "caught within a few turns of the cycle (after {followed} cursors)"
        );
        assert_eq!(
            guard.seen.len(),
            CycleGuard::REMEMBERED,
            "memory stays flat"
        );
        assert!(guard.first_visit(&3u64.wrapping_add(1 << 40)));
        assert!(!guard.first_visit(&5u64), "remembered cursors stay caught");
    }
}
