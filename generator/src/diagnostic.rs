//! Diagnostics about the spec, and their three renderings: for people
//! (rustc-like), for machines (JSON) and for CI (GitHub Actions annotations).

use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use crate::position::{Position, PositionIndex};
use crate::printable::printable;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The spec cannot (or should not) be generated from.
    Error,
    /// A curation rule is broken; generation still works.
    Warning,
}

impl Severity {
    /// `error` or `warning`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }
}

/// One finding about the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// Stable rule id (`path-param-undeclared`), for filtering and docs.
    pub rule: &'static str,
    /// JSON pointer to the node concerned (`""` is the whole document).
    pub pointer: String,
    /// Where in the text the node starts, when known.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub hint: Option<String>,
}

impl Diagnostic {
    /// An error of `rule` at `pointer`.
    pub fn error(
        rule: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Error,
            rule,
            pointer: pointer.into(),
            position: None,
            message: message.into(),
            hint: None,
        }
    }

    /// A warning of `rule` at `pointer`.
    pub fn warning(
        rule: &'static str,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(rule, pointer, message)
        }
    }

    /// The same diagnostic with a hint of the fix.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The outcome of checking one spec file.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// The file checked, as it should appear in messages.
    pub file: PathBuf,
    /// Findings, in document order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    /// An empty report about `file`.
    pub fn new(file: &Path) -> Self {
        Report {
            file: file.to_owned(),
            diagnostics: Vec::new(),
        }
    }

    /// Fills in positions from `index` and sorts by position, then rule.
    pub fn locate(&mut self, index: &PositionIndex) {
        for d in &mut self.diagnostics {
            if d.position.is_none() {
                d.position = index.locate(&d.pointer);
            }
        }
        self.diagnostics.sort_by(|a, b| {
            (a.position, a.rule, &a.pointer).cmp(&(b.position, b.rule, &b.pointer))
        });
        self.diagnostics.dedup();
    }

    /// Number of diagnostics of `severity`.
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Whether any error was found.
    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    /// rustc-like text, one block per diagnostic, then a summary line.
    pub fn render_human(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            out.push_str(&render_one(&self.file, d));
            out.push('\n');
        }
        let (errors, warnings) = (self.count(Severity::Error), self.count(Severity::Warning));
        if errors + warnings > 0 {
            let _ = writeln!(
                out,
                "{}: {errors} error(s), {warnings} warning(s)",
                printable(&self.file.display().to_string())
            );
        }
        out
    }

    /// A JSON document: `{"file": ..., "diagnostics": [...]}`.
    pub fn render_json(&self) -> String {
        let mut out = String::from("{\n  \"file\": ");
        json_string(&mut out, &self.file.display().to_string());
        out.push_str(",\n  \"diagnostics\": [");
        for (i, d) in self.diagnostics.iter().enumerate() {
            out.push_str(if i == 0 { "\n    {" } else { ",\n    {" });
            out.push_str("\"severity\": ");
            json_string(&mut out, d.severity.as_str());
            out.push_str(", \"rule\": ");
            json_string(&mut out, d.rule);
            out.push_str(", \"pointer\": ");
            json_string(&mut out, &d.pointer);
            match d.position {
                Some(p) => {
                    let _ = write!(out, ", \"line\": {}, \"column\": {}", p.line, p.column);
                }
                None => out.push_str(", \"line\": null, \"column\": null"),
            }
            out.push_str(", \"message\": ");
            json_string(&mut out, &d.message);
            out.push_str(", \"hint\": ");
            match &d.hint {
                Some(h) => json_string(&mut out, h),
                None => out.push_str("null"),
            }
            out.push('}');
        }
        out.push_str(if self.diagnostics.is_empty() {
            "]\n}\n"
        } else {
            "\n  ]\n}\n"
        });
        out
    }

    /// Build-script instructions: a compact block per diagnostic, each line a
    /// `cargo::error=` (or `cargo::warning=`) so that cargo shows it and
    /// nothing else.
    pub fn render_cargo(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let prefix = match d.severity {
                Severity::Error => "cargo::error=",
                Severity::Warning => "cargo::warning=",
            };
            for line in render_one(&self.file, d).lines() {
                if let Some(rest) = line.strip_prefix(d.severity.as_str()) {
                    // cargo already says `error:`; keep `[rule-id]: message`.
                    let _ = writeln!(
                        out,
                        "{prefix}{}",
                        rest.trim_start_matches(['[']).replacen("]:", ":", 1)
                    );
                } else {
                    let _ = writeln!(out, "{prefix}{line}");
                }
            }
        }
        out
    }

    /// GitHub Actions workflow commands, one line per diagnostic.
    pub fn render_github(&self) -> String {
        let mut out = String::new();
        for d in &self.diagnostics {
            let _ = write!(
                out,
                "::{} file={}",
                d.severity.as_str(),
                gh_property(&self.file.display().to_string())
            );
            if let Some(p) = d.position {
                let _ = write!(out, ",line={},col={}", p.line, p.column);
            }
            let _ = write!(out, ",title={}::", gh_property(d.rule));
            let mut body = format!(
                "{} (at {})",
                printable(&d.message),
                printable(pointer_label(&d.pointer))
            );
            if let Some(h) = &d.hint {
                let _ = write!(body, "\nhint: {}", printable(h));
            }
            out.push_str(&gh_data(&body));
            out.push('\n');
        }
        out
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.render_human().trim_end())
    }
}

/// One rustc-like block:
/// ```text
/// error[rule-id]: message
///   --> spec/atlassian-admin.yaml:12:7
///    = at: /paths/~1a/get
///    = hint: ...
/// ```
pub fn render_one(file: &Path, d: &Diagnostic) -> String {
    let mut out = format!(
        "{}[{}]: {}\n",
        d.severity.as_str(),
        d.rule,
        printable(&d.message)
    );
    let file = file.display().to_string();
    match d.position {
        Some(p) => {
            let _ = writeln!(out, "  --> {}:{}:{}", printable(&file), p.line, p.column);
        }
        None => {
            let _ = writeln!(out, "  --> {}", printable(&file));
        }
    }
    let _ = writeln!(out, "   = at: {}", printable(pointer_label(&d.pointer)));
    if let Some(h) = &d.hint {
        let _ = writeln!(out, "   = hint: {}", printable(h));
    }
    out
}

fn pointer_label(pointer: &str) -> &str {
    if pointer.is_empty() {
        "(document root)"
    } else {
        pointer
    }
}

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Escaping of a GitHub workflow command's message.
pub fn gh_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escaping of a GitHub workflow command's property value.
pub fn gh_property(s: &str) -> String {
    gh_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Report {
        Report {
            file: PathBuf::from("spec/a.yaml"),
            diagnostics: vec![Diagnostic {
                position: Some(Position { line: 3, column: 5 }),
                ..Diagnostic::error("rule-x", "/paths/~1a", "bad \"thing\"\nhere")
                    .with_hint("fix: it, 100%")
            }],
        }
    }

    #[test]
    fn renders_three_formats() {
        let r = sample();
        assert_eq!(
            r.render_human(),
            "error[rule-x]: bad \"thing\"\\u{a}here\n  --> spec/a.yaml:3:5\n   = at: /paths/~1a\n   = hint: fix: it, 100%\n\nspec/a.yaml: 1 error(s), 0 warning(s)\n"
        );
        assert!(r.render_json().contains(
            "\"rule\": \"rule-x\", \"pointer\": \"/paths/~1a\", \"line\": 3, \"column\": 5, \"message\": \"bad \\\"thing\\\"\\nhere\""
        ));
        assert_eq!(
            r.render_github(),
            "::error file=spec/a.yaml,line=3,col=5,title=rule-x::bad \"thing\"\\u{a}here (at /paths/~1a)%0Ahint: fix: it, 100%25\n"
        );
    }
}
