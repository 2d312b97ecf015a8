//! Where the keys come from: the environment variables the client crate
//! documents, else a config file that only its owner may read.
//!
//! The file (`~/.config/atlassian-admin/config.toml`, or `--config FILE`)
//! holds `key = "value"` lines: `api_key`, `scim_api_key`, `org_id`,
//! `base_url`. It must have mode `0600` (or stricter); the CLI refuses a file
//! that others can read. Keys are never printed.

use std::path::{Path, PathBuf};

use atlassian_admin_api::auth::{ENV_API_KEY, ENV_BASE_URL, ENV_ORG_ID, ENV_SCIM_API_KEY};
use atlassian_admin_api::{Client, SecretToken};

use crate::CliError;

/// The settings in force.
#[derive(Default)]
pub struct Settings {
    api_key: Option<SecretToken>,
    scim_api_key: Option<SecretToken>,
    /// The organization ID, filled into `--org-id` when not given.
    pub org_id: Option<String>,
    /// Another API base URL (tests, proxies).
    pub base_url: Option<String>,
}

impl Settings {
    /// The config file's settings (when it exists, or when `explicit`
    /// names one), overridden by the environment.
    pub fn load(explicit: Option<&Path>) -> Result<Self, CliError> {
        let mut settings = Settings::default();
        let path = match explicit {
            Some(p) => Some(p.to_owned()),
            None => default_path().filter(|p| p.exists()),
        };
        if let Some(path) = path {
            settings.read_file(&path)?;
        }
        let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(v) = env(ENV_API_KEY) {
            settings.api_key = Some(SecretToken::new(v));
        }
        if let Some(v) = env(ENV_SCIM_API_KEY) {
            settings.scim_api_key = Some(SecretToken::new(v));
        }
        if let Some(v) = env(ENV_ORG_ID) {
            settings.org_id = Some(v);
        }
        if let Some(v) = env(ENV_BASE_URL) {
            settings.base_url = Some(v);
        }
        Ok(settings)
    }

    fn read_file(&mut self, path: &Path) -> Result<(), CliError> {
        let shown = path.display();
        let meta = std::fs::metadata(path)
            .map_err(|e| CliError::config(format!("cannot read the config file {shown}: {e}")))?;
        check_private(path, &meta)?;
        let text = std::fs::read_to_string(path)
            .map_err(|e| CliError::config(format!("cannot read the config file {shown}: {e}")))?;
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') || line.starts_with('[') {
                continue;
            }
            let Some((key, value)) = line.split_once('=') else {
                return Err(CliError::config(format!(
                    "{shown}:{}: expected `key = \"value\"`",
                    n + 1
                )));
            };
            let value = value.trim().trim_matches('"').to_owned();
            match key.trim() {
                "api_key" => self.api_key = Some(SecretToken::new(value)),
                "scim_api_key" => self.scim_api_key = Some(SecretToken::new(value)),
                "org_id" => self.org_id = Some(value),
                "base_url" => self.base_url = Some(value),
                // The value may be a key: never repeat it.
                other => {
                    return Err(CliError::config(format!(
                        "{shown}:{}: unknown setting `{other}` (api_key, scim_api_key, org_id, base_url)",
                        n + 1
                    )))
                }
            }
        }
        Ok(())
    }

    /// A client with these keys.
    pub fn client(&self) -> Result<Client, CliError> {
        let mut builder = Client::builder();
        if let Some(k) = &self.api_key {
            builder = builder.api_key(k.clone());
        }
        if let Some(k) = &self.scim_api_key {
            builder = builder.scim_api_key(k.clone());
        }
        if let Some(url) = &self.base_url {
            builder = builder.base_url(url.clone());
        }
        builder
            .build()
            .map_err(|e| CliError::config(format!("cannot build the client: {e}")))
    }

    /// The organization ID, or a message saying how to give one.
    pub fn require_org(&self, given: Option<&str>) -> Result<String, CliError> {
        given
            .map(str::to_owned)
            .or_else(|| self.org_id.clone())
            .ok_or_else(|| {
                CliError::usage(format!(
                    "no organization: pass --org-id, set {ENV_ORG_ID} or `org_id` in the config file"
                ))
            })
    }
}

/// `~/.config/atlassian-admin/config.toml` (`$XDG_CONFIG_HOME` when set).
fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(base.join("atlassian-admin").join("config.toml"))
}

#[cfg(unix)]
fn check_private(path: &Path, meta: &std::fs::Metadata) -> Result<(), CliError> {
    use std::os::unix::fs::PermissionsExt;
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        return Err(CliError::config(format!(
            "the config file {} holds API keys but has permissions {mode:04o}; \
             make it private with `chmod 600 {}`",
            path.display(),
            path.display()
        )));
    }
    Ok(())
}

#[cfg(not(unix))]
fn check_private(_path: &Path, _meta: &std::fs::Metadata) -> Result<(), CliError> {
    Ok(())
}
