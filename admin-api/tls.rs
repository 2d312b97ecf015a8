//! TLS for the client's `reqwest::Client`.
//!
//! The default `rustls` feature uses rustls with the *ring* crypto provider
//! and the platform's certificate verifier, set on the builder itself: ring
//! builds in a fraction of the time of reqwest's default provider (aws-lc-rs,
//! a C library built with CMake), and nothing process-wide (such as
//! rustls's default provider) is installed. The `rustls-aws-lc` feature
//! keeps reqwest's own rustls set-up instead, and `native-tls` the
//! platform's library.
//!
//! With the default feature, reqwest is built without a crypto provider of
//! its own: a `reqwest::Client` that you build yourself (to pass to
//! [`ClientBuilder::http_client`](crate::ClientBuilder::http_client), or for
//! anything else in a crate that enables none of reqwest's TLS features)
//! must start from [`client_builder`], or it panics when built.

use crate::config::ConfigError;

/// A `reqwest::ClientBuilder` with this crate's TLS set-up, for building
/// your own HTTP client (custom proxies, timeouts, default headers).
pub fn client_builder() -> Result<reqwest::ClientBuilder, ConfigError> {
    configure(reqwest::Client::builder())
}

/// `builder` with the TLS set-up of the enabled features.
pub(crate) fn configure(
    builder: reqwest::ClientBuilder,
) -> Result<reqwest::ClientBuilder, ConfigError> {
    #[cfg(all(feature = "rustls", not(feature = "rustls-aws-lc")))]
    {
        Ok(builder.tls_backend_preconfigured(ring::client_config()?))
    }
    #[cfg(not(all(feature = "rustls", not(feature = "rustls-aws-lc"))))]
    {
        Ok(builder)
    }
}

#[cfg(all(feature = "rustls", not(feature = "rustls-aws-lc")))]
mod ring {
    use std::sync::Arc;

    use rustls_platform_verifier::BuilderVerifierExt;

    use crate::config::ConfigError;

    /// TLS 1.2 and 1.3 with ring, the platform's roots, and ALPN for HTTP/2
    /// and HTTP/1.1 (as reqwest sets up its own configurations).
    pub(super) fn client_config() -> Result<rustls::ClientConfig, ConfigError> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .and_then(|b| b.with_platform_verifier())
            .map_err(|e| ConfigError::Tls(Box::new(e)))?
            .with_no_client_auth();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(config)
    }
}
