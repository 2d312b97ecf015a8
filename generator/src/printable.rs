//! Text from a spec (or from Atlassian's files) made safe to print.
//!
//! Every human format of every tool (`check`, `diff`, `drift`, `changelog`,
//! `index`) passes each spec-derived field through [`printable`] (or
//! [`cell`] inside a Markdown table), so that a name cannot reach a terminal
//! or a CI log as anything but visible text:
//!
//! - control characters (a newline that would start a line of its own, an
//!   escape sequence that recolours or clears a terminal), the Unicode line
//!   and paragraph separators and the bidirectional overrides ("Trojan
//!   Source") become visible `\u{..}` escapes;
//! - a field starting with `::` (after spaces: GitHub's runner trims a line
//!   before it looks for a workflow command such as `::error`, `::add-mask::`
//!   or `::stop-commands::`) has those colons backslash-escaped, which
//!   Markdown renders as the colons themselves.
//!
//! Machine formats (JSON, the `github` format's own commands) escape by their
//! own rules instead.

use std::borrow::Cow;
use std::fmt::Write as _;

/// Whether `c` must not reach a terminal or log as itself.
fn unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
        )
}

/// A space the runner trims before a command and [`printable`] keeps as is.
fn safe_space(c: char) -> bool {
    c.is_whitespace() && !unsafe_char(c)
}

/// `text` with control characters, line separators and bidirectional
/// controls as `\u{..}` escapes and a leading `::` escaped (see the module
/// docs). Borrows when nothing needs escaping.
pub fn printable(text: &str) -> Cow<'_, str> {
    let command = text.trim_start_matches(safe_space).starts_with("::");
    if !command && !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    if command {
        while let Some((_, c)) = chars.next_if(|(_, c)| safe_space(*c)) {
            out.push(c);
        }
        out.push_str("\\:\\:");
        chars.next();
        chars.next();
    }
    for (_, c) in chars {
        if unsafe_char(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// `text` as one Markdown table cell: line breaks and tabs become spaces,
/// the rest as [`printable`], and `|` escaped so the row keeps its columns.
pub fn cell(text: &str) -> String {
    let flat: String = text
        .chars()
        .map(|c| {
            if matches!(c, '\n' | '\r' | '\t') {
                ' '
            } else {
                c
            }
        })
        .collect();
    printable(flat.trim()).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    use super::{cell, printable};

    #[test]
    fn plain_text_is_borrowed_unchanged() {
        assert!(matches!(
            printable("GET /a `b` é: x::y"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn controls_separators_and_bidi_controls_become_visible() {
        assert_eq!(
            printable("x\n::error::pwned\r\u{1b}[31m\u{2028}\u{202e}"),
            "x\\u{a}::error::pwned\\u{d}\\u{1b}[31m\\u{2028}\\u{202e}"
        );
    }

    #[test]
    fn a_leading_workflow_command_is_escaped_even_after_spaces() {
        assert_eq!(printable("::add-mask::k"), "\\:\\:add-mask::k");
        assert_eq!(
            printable("  ::stop-commands::t"),
            "  \\:\\:stop-commands::t"
        );
        assert_eq!(printable("\t::error::x"), "\\u{9}::error::x");
        assert_eq!(printable("a ::error::x"), "a ::error::x");
    }

    #[test]
    fn cells_keep_one_line_and_one_column() {
        assert_eq!(cell("a | b\nc"), "a \\| b c");
        assert_eq!(cell("\n::error file=x::y"), "\\:\\:error file=x::y");
        assert_eq!(cell("bell\u{7}"), "bell\\u{7}");
    }
}
