//! Where the two specs come from: a file, or `REV:PATH` read through `git show`.

use std::path::{Path, PathBuf};
use std::process::Command;

use admin_api_generator::load::{parse_spec, Spec};

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
    pub fn load(&self, repo: &Path) -> Result<Spec, String> {
        match self {
            Source::File(path) => {
                admin_api_generator::load::load_spec(path).map_err(|e| e.to_string())
            }
            Source::Git { rev, path } => {
                let spec = format!("{rev}:{path}");
                let output = Command::new("git")
                    .arg("-C")
                    .arg(repo)
                    .args(["show", &spec])
                    .output()
                    .map_err(|e| format!("{spec}: cannot run git: {e}"))?;
                if !output.status.success() {
                    let err = String::from_utf8_lossy(&output.stderr);
                    return Err(format!("{spec}: git show failed: {}", err.trim()));
                }
                let text = admin_api_generator::load::decode(Path::new(&spec), output.stdout)
                    .map_err(|e| e.to_string())?;
                parse_spec(Path::new(&spec), text).map_err(|e| e.to_string())
            }
        }
    }
}
