//! Where the two specs come from: a file, or `REV:PATH` read through `git show`.

use std::fmt;
use std::path::{Path, PathBuf};
use std::process::Command;

use admin_api_generator::load::{decode, load_spec, parse_spec, LoadError, Spec};

/// Why a spec to compare could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum SourceError {
    /// The text did not load as a spec (the error is located).
    Load(LoadError),
    /// `git show REV:PATH` could not run, or failed.
    Git {
        /// The `REV:PATH` asked for.
        spec: String,
        /// What git (or starting it) said.
        message: String,
    },
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SourceError::Load(e) => e.fmt(f),
            SourceError::Git { spec, message } => write!(f, "{spec}: {message}"),
        }
    }
}

impl std::error::Error for SourceError {}

/// A spec to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file on disk.
    File(PathBuf),
    /// A file at a git revision, e.g. `origin/main:spec/atlassian-admin.yaml`.
    Git {
        /// The revision (`origin/main`, `HEAD~1`, a commit id).
        rev: String,
        /// The path inside the repository.
        path: String,
    },
}

impl Source {
    /// Reads an argument: an existing file, else `REV:PATH`, else a (missing) file.
    pub fn parse(arg: &str) -> Source {
        if !Path::new(arg).exists() {
            if let Some((rev, path)) = arg.split_once(':') {
                if !rev.is_empty() && !path.is_empty() {
                    return Source::Git {
                        rev: rev.to_owned(),
                        path: path.to_owned(),
                    };
                }
            }
        }
        Source::File(PathBuf::from(arg))
    }

    /// The path of the spec file (inside the repository for `REV:PATH`).
    pub fn file_path(&self) -> &Path {
        match self {
            Source::File(p) => p,
            Source::Git { path, .. } => Path::new(path),
        }
    }

    /// Reads and parses the spec; git runs in `repo` (the current directory for `.`).
    pub fn load(&self, repo: &Path) -> Result<Spec, SourceError> {
        match self {
            Source::File(path) => load_spec(path).map_err(SourceError::Load),
            Source::Git { rev, path } => {
                let spec = format!("{rev}:{path}");
                let git_error = |message: String| SourceError::Git {
                    spec: spec.clone(),
                    message,
                };
                let output = Command::new("git")
                    .arg("-C")
                    .arg(repo)
                    .args(["show", &spec])
                    .output()
                    .map_err(|e| git_error(format!("cannot run git: {e}")))?;
                if !output.status.success() {
                    let err = String::from_utf8_lossy(&output.stderr);
                    return Err(git_error(format!("git show failed: {}", err.trim())));
                }
                let name = Path::new(&spec);
                decode(name, output.stdout)
                    .and_then(|text| parse_spec(name, text))
                    .map_err(SourceError::Load)
            }
        }
    }
}
