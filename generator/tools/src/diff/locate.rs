//! Finding the line of a JSON pointer in spec text, for annotations. It reads
//! block-style YAML (keys and `- ` sequence items by indentation) and
//! pretty-printed JSON (`"key":` lines); where a segment cannot be found (a
//! flow-style mapping, a removed item) it stops at the deepest line found.

/// The block being searched: what was found last.
#[derive(Clone, Copy)]
struct Scope {
    /// The line found last (the search starts there).
    line: usize,
    /// Its indentation.
    indent: usize,
    /// Whether it is a sequence item (`- ...`), whose first keys share its line.
    item: bool,
}

/// The 1-based line of the deepest prefix of `pointer` found in `text`.
pub fn line_of(text: &str, pointer: &[String]) -> Option<usize> {
    let lines: Vec<&str> = text.lines().collect();
    let mut scope: Option<Scope> = None;
    for seg in pointer {
        let hit = match seg.parse::<usize>() {
            Ok(index) => find_item(&lines, scope, index),
            Err(_) => find_key(&lines, scope, seg),
        };
        match hit {
            Some(s) => scope = Some(s),
            None => break,
        }
    }
    scope.map(|s| s.line + 1)
}

/// Lines inside `scope`: (index, indent, trimmed text).
fn block<'t>(
    lines: &'t [&'t str],
    scope: Option<Scope>,
) -> impl Iterator<Item = (usize, usize, &'t str)> + 't {
    let start = scope.map_or(0, |s| if s.item { s.line } else { s.line + 1 });
    lines
        .iter()
        .enumerate()
        .skip(start)
        .map(|(i, l)| (i, l.len() - l.trim_start().len(), l.trim()))
        .filter(|(_, _, t)| !t.is_empty() && !t.starts_with('#'))
        .take_while(move |&(i, indent, t)| match scope {
            None => true,
            Some(s) if s.item => i == s.line || indent > s.indent,
            // YAML lets a sequence sit at its key's indentation.
            Some(s) => indent > s.indent || (indent == s.indent && t.starts_with('-')),
        })
}

fn find_key(lines: &[&str], scope: Option<Scope>, key: &str) -> Option<Scope> {
    let plain = format!("{key}:");
    let quoted = [format!("\"{key}\":"), format!("'{key}':")];
    block(lines, scope).find_map(|(i, indent, t)| {
        let t = t.strip_prefix("- ").unwrap_or(t);
        let hit = t.starts_with(&plain) || quoted.iter().any(|q| t.starts_with(q.as_str()));
        hit.then_some(Scope {
            line: i,
            indent,
            item: false,
        })
    })
}

fn find_item(lines: &[&str], scope: Option<Scope>, index: usize) -> Option<Scope> {
    let mut items = block(lines, scope).filter(|(_, _, t)| t.starts_with('-'));
    let first = items.next()?;
    std::iter::once(first)
        .chain(items.filter(|(_, indent, _)| *indent == first.1))
        .nth(index)
        .map(|(i, indent, _)| Scope {
            line: i,
            indent,
            item: true,
        })
}

#[cfg(test)]
mod tests {
    use super::line_of;

    fn ptr(segments: &[&str]) -> Vec<String> {
        segments.iter().map(|s| (*s).to_owned()).collect()
    }

    const YAML: &str = "\
paths:
  /a:
    get:
      parameters:
      - name: x
        in: query
      - name: y
        schema: {type: string}
components:
  schemas:
    A:
      properties:
        id: {type: string}
";

    #[test]
    fn finds_keys_and_sequence_items_in_yaml() {
        let at = |s: &[&str]| line_of(YAML, &ptr(s));
        assert_eq!(at(&["paths", "/a", "get"]), Some(3));
        assert_eq!(at(&["paths", "/a", "get", "parameters", "1"]), Some(7));
        assert_eq!(
            at(&["paths", "/a", "get", "parameters", "1", "schema"]),
            Some(8)
        );
        assert_eq!(
            at(&["components", "schemas", "A", "properties", "id"]),
            Some(13)
        );
        // `in` of item 0 must not be taken from item 1, nor `schema` from item 1 for item 0.
        assert_eq!(
            at(&["paths", "/a", "get", "parameters", "0", "schema"]),
            Some(5)
        );
        // A missing place stops at its nearest parent.
        assert_eq!(at(&["components", "schemas", "B", "properties"]), Some(10));
        assert_eq!(at(&["nothing"]), None);
    }

    #[test]
    fn finds_keys_in_pretty_json() {
        let json = "{\n \"paths\": {\n  \"/a\": {\n   \"get\": {}\n  }\n }\n}\n";
        assert_eq!(line_of(json, &ptr(&["paths", "/a", "get"])), Some(4));
    }
}
