//! Where things are in the YAML text: JSON pointers mapped to line and column.
//!
//! serde_yaml does not expose positions of values, so this is a small scanner
//! of its own. It understands the YAML that specs are written in: block
//! mappings and sequences, flow `{...}`/`[...]` collections, plain, quoted,
//! multi-line and block (`|`, `>`) scalars, and comments. It never fails: on
//! text it does not understand it records fewer positions, and
//! [`PositionIndex::locate`] then falls back to the nearest enclosing node.

use std::collections::HashMap;

/// A 1-based line and column in the spec text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, counted in characters.
    pub column: usize,
}

/// Maps JSON pointers (`/paths/~1users/get`) to the position of the mapping
/// key (or sequence item) that introduces the node.
#[derive(Debug, Default, Clone)]
pub struct PositionIndex {
    positions: HashMap<String, Position>,
}

/// Escapes one JSON pointer segment (RFC 6901).
pub fn escape_segment(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

impl PositionIndex {
    /// Scans `text` and records the position of every key and sequence item.
    pub fn new(text: &str) -> Self {
        let mut scanner = Scanner {
            src: text.as_bytes(),
            text,
            pos: 0,
            depth: 0,
            out: HashMap::new(),
            line_starts: std::iter::once(0)
                .chain(text.match_indices('\n').map(|(i, _)| i + 1))
                .collect(),
            column_cache: std::cell::Cell::new((usize::MAX, 0, 0)),
        };
        scanner
            .out
            .insert(String::new(), Position { line: 1, column: 1 });
        scanner.document();
        PositionIndex {
            positions: scanner.out,
        }
    }

    /// The exact position of `pointer`, if the scanner recorded it.
    pub fn get(&self, pointer: &str) -> Option<Position> {
        self.positions.get(pointer).copied()
    }

    /// The position of `pointer`, or of its nearest recorded ancestor.
    pub fn locate(&self, pointer: &str) -> Option<Position> {
        let mut p = pointer;
        loop {
            if let Some(pos) = self.get(p) {
                return Some(pos);
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => return None,
            }
        }
    }

    /// The pointer of the last node that starts at or before `at`: the node a
    /// parser error at `at` most likely concerns.
    pub fn pointer_at(&self, at: Position) -> Option<&str> {
        self.positions
            .iter()
            .filter(|(_, p)| **p <= at)
            .max_by(|a, b| a.1.cmp(b.1).then(a.0.len().cmp(&b.0.len())))
            .map(|(k, _)| k.as_str())
    }
}

/// Deep enough for any spec; bounds recursion on hostile input.
const MAX_DEPTH: usize = 256;

struct Scanner<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
    out: HashMap<String, Position>,
    /// Byte offset of the start of each line, for cheap line lookups.
    line_starts: Vec<usize>,
    /// (line start, byte offset, column) of the last [`Scanner::column`].
    column_cache: std::cell::Cell<(usize, usize, usize)>,
}

impl Scanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.src.get(self.pos + offset).copied()
    }

    fn at_eof(&self) -> bool {
        self.pos >= self.src.len()
    }

    /// 0-based line of byte offset `at`.
    fn line_of(&self, at: usize) -> usize {
        self.line_starts
            .partition_point(|&s| s <= at)
            .saturating_sub(1)
    }

    fn line_start(&self, at: usize) -> usize {
        self.line_starts.get(self.line_of(at)).copied().unwrap_or(0)
    }

    /// 0-based column in characters. Counted from the last position asked
    /// on the same line, so that a long line (a minified JSON spec, a flow
    /// list of 100,000 items) costs its length once, not once per item.
    fn column(&self) -> usize {
        let start = self.line_start(self.pos);
        let (cached_start, cached_pos, cached_column) = self.column_cache.get();
        let (from, base) = if cached_start == start && cached_pos <= self.pos {
            (cached_pos, cached_column)
        } else {
            (start, 0)
        };
        let column = base
            + self
                .text
                .get(from..self.pos)
                .map_or(self.pos - from, |s| s.chars().count());
        self.column_cache.set((start, self.pos, column));
        column
    }

    fn position(&self) -> Position {
        Position {
            line: self.line_of(self.pos) + 1,
            column: self.column() + 1,
        }
    }

    fn record(&mut self, pointer: &str, at: Position) {
        self.out.entry(pointer.to_owned()).or_insert(at);
    }

    fn skip_to_eol(&mut self) {
        while let Some(b) = self.peek() {
            if b == b'\n' {
                break;
            }
            self.pos += 1;
        }
    }

    fn skip_spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Skips whitespace, comments and line breaks (and document markers).
    fn skip_blank(&mut self) {
        loop {
            self.skip_spaces();
            match self.peek() {
                Some(b'#') => self.skip_to_eol(),
                Some(b'\n') => self.pos += 1,
                Some(b'-')
                    if self.column() == 0
                        && self.src[self.pos..].starts_with(b"---")
                        && matches!(self.peek_at(3), None | Some(b' ' | b'\n' | b'\r')) =>
                {
                    self.pos += 3
                }
                _ => return,
            }
        }
    }

    /// True at a comment, a line break or the end: nothing more on this line.
    fn at_line_end(&self) -> bool {
        matches!(self.peek(), None | Some(b'\n' | b'#'))
    }

    fn document(&mut self) {
        loop {
            self.skip_blank();
            if self.at_eof() {
                return;
            }
            let before = self.pos;
            self.block_node("", -1, false);
            if self.pos == before {
                // Not understood: move on rather than loop.
                self.skip_to_eol();
                if self.pos == before {
                    self.pos += 1;
                }
            }
        }
    }

    fn is_seq_indicator(&self) -> bool {
        self.peek() == Some(b'-') && matches!(self.peek_at(1), None | Some(b' ' | b'\n' | b'\r'))
    }

    /// A node in block context whose content must be indented more than
    /// `parent` (or equal, for a sequence that is a mapping value).
    fn block_node(&mut self, pointer: &str, parent: isize, seq_at_parent: bool) {
        self.skip_blank();
        if self.at_eof() || self.depth > MAX_DEPTH {
            return;
        }
        let col = self.column() as isize;
        let is_seq = self.is_seq_indicator();
        if col < parent || (col == parent && !(seq_at_parent && is_seq)) {
            return;
        }
        self.skip_properties();
        self.depth += 1;
        match self.peek() {
            Some(b'[' | b'{') => {
                self.flow_node(pointer);
                self.skip_to_eol();
            }
            Some(b'|' | b'>') => self.skip_block_scalar(parent),
            _ if is_seq => self.block_sequence(pointer, col),
            _ => {
                if self.key_end().is_some() {
                    self.block_mapping(pointer, col);
                } else {
                    self.skip_scalar(parent);
                }
            }
        }
        self.depth -= 1;
    }

    /// Skips anchors (`&a`) and tags (`!t`) before a node.
    fn skip_properties(&mut self) {
        while matches!(self.peek(), Some(b'&' | b'!')) {
            while !matches!(self.peek(), None | Some(b' ' | b'\n' | b'\r' | b'\t')) {
                self.pos += 1;
            }
            self.skip_spaces();
        }
    }

    /// If a mapping key starts here, the offset just past its `:`.
    fn key_end(&self) -> Option<(usize, String)> {
        let rest = &self.src[self.pos..];
        let (key, after) = match rest.first() {
            Some(&q @ (b'"' | b'\'')) => {
                let close = quoted_end(rest, q)?;
                let key = unquote(self.text.get(self.pos + 1..self.pos + close - 1)?, q);
                (key, close)
            }
            _ => {
                let mut i = 0;
                loop {
                    match rest.get(i) {
                        None | Some(b'\n') => return None,
                        Some(b'#') if i > 0 && rest[i - 1] == b' ' => return None,
                        Some(b':')
                            if matches!(rest.get(i + 1), None | Some(b' ' | b'\n' | b'\r')) =>
                        {
                            break;
                        }
                        _ => i += 1,
                    }
                }
                let key = self.text.get(self.pos..self.pos + i)?.trim_end().to_owned();
                (key, i)
            }
        };
        let mut j = after;
        while matches!(rest.get(j), Some(b' ' | b'\t')) {
            j += 1;
        }
        (rest.get(j) == Some(&b':') && matches!(rest.get(j + 1), None | Some(b' ' | b'\n' | b'\r')))
            .then_some((self.pos + j + 1, key))
    }

    fn block_mapping(&mut self, pointer: &str, indent: isize) {
        loop {
            let Some((after, key)) = self.key_end() else {
                return;
            };
            let child = format!("{pointer}/{}", escape_segment(&key));
            let at = self.position();
            self.record(&child, at);
            self.pos = after;
            self.skip_spaces();
            if self.at_line_end() {
                self.block_node(&child, indent, true);
            } else {
                self.inline_value(&child, indent);
            }
            self.skip_blank();
            if self.at_eof() || self.column() as isize != indent || self.is_seq_indicator() {
                return;
            }
        }
    }

    fn block_sequence(&mut self, pointer: &str, indent: isize) {
        let mut index = 0usize;
        loop {
            let child = format!("{pointer}/{index}");
            let at = self.position();
            self.record(&child, at);
            self.pos += 1;
            self.skip_spaces();
            if self.at_line_end() {
                self.block_node(&child, indent, false);
            } else if self.key_end().is_some() || self.is_seq_indicator() {
                // `- key: v` starts a mapping (or nested sequence) indented
                // at the column of its first key.
                self.block_node(&child, indent, false);
            } else {
                self.inline_value(&child, indent);
            }
            index += 1;
            self.skip_blank();
            if self.at_eof() || self.column() as isize != indent || !self.is_seq_indicator() {
                return;
            }
        }
    }

    /// A value that starts on the line of its key or `-`.
    fn inline_value(&mut self, pointer: &str, indent: isize) {
        self.skip_properties();
        match self.peek() {
            Some(b'[' | b'{') => {
                self.flow_node(pointer);
                self.skip_to_eol();
            }
            Some(b'|' | b'>') => self.skip_block_scalar(indent),
            _ => self.skip_scalar(indent),
        }
    }

    /// Skips a plain or quoted scalar, with its continuation lines (those
    /// indented more than `indent`).
    fn skip_scalar(&mut self, indent: isize) {
        if let Some(q @ (b'"' | b'\'')) = self.peek() {
            match quoted_end(&self.src[self.pos..], q) {
                Some(end) => self.pos += end,
                None => self.pos = self.src.len(),
            }
            self.skip_to_eol();
            return;
        }
        self.skip_to_eol();
        self.skip_more_indented(indent);
    }

    fn skip_block_scalar(&mut self, indent: isize) {
        self.skip_to_eol();
        self.skip_more_indented(indent);
    }

    /// Skips the following lines that are blank or indented more than `indent`.
    fn skip_more_indented(&mut self, indent: isize) {
        loop {
            let Some(b'\n') = self.peek() else { return };
            let next = self.pos + 1;
            let mut i = next;
            while self.src.get(i) == Some(&b' ') {
                i += 1;
            }
            let blank = matches!(self.src.get(i), Some(b'\n' | b'\r'));
            if i >= self.src.len() || (!blank && (i - next) as isize <= indent) {
                return;
            }
            self.pos = i;
            self.skip_to_eol();
        }
    }

    fn skip_flow_blank(&mut self) {
        loop {
            match self.peek() {
                Some(b' ' | b'\t' | b'\r' | b'\n') => self.pos += 1,
                Some(b'#') => self.skip_to_eol(),
                _ => return,
            }
        }
    }

    /// A flow collection or scalar starting at the cursor.
    fn flow_node(&mut self, pointer: &str) {
        self.skip_flow_blank();
        if self.depth > MAX_DEPTH {
            self.pos = self.src.len();
            return;
        }
        self.depth += 1;
        match self.peek() {
            Some(b'{') => self.flow_collection(pointer, b'}'),
            Some(b'[') => self.flow_collection(pointer, b']'),
            Some(q @ (b'"' | b'\'')) => match quoted_end(&self.src[self.pos..], q) {
                Some(end) => self.pos += end,
                None => self.pos = self.src.len(),
            },
            _ => {
                while !matches!(self.peek(), None | Some(b',' | b']' | b'}')) {
                    self.pos += 1;
                }
            }
        }
        self.depth -= 1;
    }

    fn flow_collection(&mut self, pointer: &str, close: u8) {
        self.pos += 1;
        let mut index = 0usize;
        loop {
            self.skip_flow_blank();
            let before = self.pos;
            match self.peek() {
                None => return,
                Some(c) if c == close => {
                    self.pos += 1;
                    return;
                }
                Some(b',') => {
                    self.pos += 1;
                    continue;
                }
                _ => {}
            }
            let at = self.position();
            if close == b'}' {
                let key = self.flow_key();
                let child = format!("{pointer}/{}", escape_segment(&key));
                self.record(&child, at);
                self.skip_flow_blank();
                if self.peek() == Some(b':') {
                    self.pos += 1;
                    self.flow_node(&child);
                }
            } else {
                let child = format!("{pointer}/{index}");
                self.record(&child, at);
                self.flow_node(&child);
                index += 1;
            }
            if self.pos == before {
                self.pos += 1;
            }
        }
    }

    /// A key inside `{...}`: quoted, or plain up to `: `, `,` or `}`.
    fn flow_key(&mut self) -> String {
        if let Some(q @ (b'"' | b'\'')) = self.peek() {
            let rest = &self.src[self.pos..];
            let Some(end) = quoted_end(rest, q) else {
                self.pos = self.src.len();
                return String::new();
            };
            let key = self
                .text
                .get(self.pos + 1..self.pos + end - 1)
                .map(|s| unquote(s, q))
                .unwrap_or_default();
            self.pos += end;
            return key;
        }
        let start = self.pos;
        loop {
            match self.peek() {
                None | Some(b',' | b'}' | b']') => break,
                Some(b':')
                    if matches!(
                        self.peek_at(1),
                        None | Some(b' ' | b'\n' | b'\r' | b',' | b'}' | b']')
                    ) =>
                {
                    break
                }
                _ => self.pos += 1,
            }
        }
        self.text
            .get(start..self.pos)
            .map(|s| s.trim().to_owned())
            .unwrap_or_default()
    }
}

/// Offset just past the closing quote of the quoted scalar at the start of `s`.
fn quoted_end(s: &[u8], quote: u8) -> Option<usize> {
    let mut i = 1;
    while i < s.len() {
        match s[i] {
            b'\\' if quote == b'"' => i += 2,
            c if c == quote => {
                if quote == b'\'' && s.get(i + 1) == Some(&b'\'') {
                    i += 2;
                } else {
                    return Some(i + 1);
                }
            }
            _ => i += 1,
        }
    }
    None
}

/// The value of a quoted key (enough for keys: escapes of quotes only).
fn unquote(inner: &str, quote: u8) -> String {
    if quote == b'\'' {
        inner.replace("''", "'")
    } else {
        inner.replace("\\\"", "\"").replace("\\\\", "\\")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(index: &PositionIndex, pointer: &str) -> (usize, usize) {
        let p = index
            .get(pointer)
            .unwrap_or_else(|| panic!("no position for {pointer}"));
        (p.line, p.column)
    }

    #[test]
    fn block_and_flow_positions() {
        let text = "\
openapi: 3.0.3
info:
  title: x
  description: a long
    text over lines
paths:
  /a/{id}:
    get:
      parameters:
        - {name: id, in: path}
        - name: q
          in: query
      responses:
        '200': {$ref: '#/x'}
servers:
- url: https://h
  description: d
tags: [a, {name: b}]
";
        let index = PositionIndex::new(text);
        assert_eq!(at(&index, "/openapi"), (1, 1));
        assert_eq!(at(&index, "/info/description"), (4, 3));
        assert_eq!(at(&index, "/paths"), (6, 1));
        assert_eq!(at(&index, "/paths/~1a~1{id}/get"), (8, 5));
        assert_eq!(at(&index, "/paths/~1a~1{id}/get/parameters/0"), (10, 9));
        assert_eq!(at(&index, "/paths/~1a~1{id}/get/parameters/0/in"), (10, 22));
        assert_eq!(at(&index, "/paths/~1a~1{id}/get/parameters/1/in"), (12, 11));
        assert_eq!(
            at(&index, "/paths/~1a~1{id}/get/responses/200/$ref"),
            (14, 17)
        );
        assert_eq!(at(&index, "/servers/0/description"), (17, 3));
        assert_eq!(at(&index, "/tags/1/name"), (18, 12));
        // Unknown pointers fall back to the nearest ancestor.
        let p = index
            .locate("/paths/~1a~1{id}/get/parameters/1/schema")
            .expect("ancestor");
        assert_eq!((p.line, p.column), (11, 9));
        assert_eq!(
            index.pointer_at(Position {
                line: 12,
                column: 20
            }),
            Some("/paths/~1a~1{id}/get/parameters/1/in")
        );
    }

    #[test]
    fn block_scalars_and_comments_are_skipped() {
        let text = "a: |\n  b: not a key\n  c: neither\n# comment: no\nd: >-\n  x\ne: \"q: x\" # c: y\nf: 'it''s'\n";
        let index = PositionIndex::new(text);
        assert_eq!(at(&index, "/d"), (5, 1));
        assert_eq!(at(&index, "/e"), (7, 1));
        assert_eq!(at(&index, "/f"), (8, 1));
        assert!(index.get("/a/b").is_none());
        assert!(index.get("/c").is_none());
    }

    #[test]
    fn garbage_does_not_hang_or_panic() {
        for text in [
            "{",
            "[[[",
            "a: [b, {c: ",
            "- - -",
            "'unterminated",
            "a:\n - b\n  c: d\n:",
            "\u{e9}: \u{e9}\n  - x",
        ] {
            let _ = PositionIndex::new(text);
        }
    }
}
