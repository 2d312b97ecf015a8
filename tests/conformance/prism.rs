//! Stoplight Prism (`prism mock FILE`) on 127.0.0.1: an independent mock that
//! validates each request against the file it serves (violations come back in
//! the `sl-violations` header) and answers the example or a random body of
//! the status the `Prefer` header asks for.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running Prism; killed (by its own process id) when dropped.
pub struct Prism {
    child: Child,
    pub base_url: String,
    log: PathBuf,
}

impl Prism {
    /// Starts `prism mock` on a free port of 127.0.0.1 for `spec`, logging to
    /// `log`; does not wait for it (see [`Prism::wait`]).
    pub fn start(prism: &Path, spec: &Path, log: &Path) -> Prism {
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let out = std::fs::File::create(log).expect("prism log");
        let err = out.try_clone().expect("prism log");
        let child = Command::new(prism)
            .args(["mock", "-h", "127.0.0.1", "-p", &port.to_string()])
            .arg(spec)
            .stdin(Stdio::null())
            .stdout(Stdio::from(out))
            .stderr(Stdio::from(err))
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", prism.display()));
        Prism {
            child,
            base_url: format!("http://127.0.0.1:{port}"),
            log: log.to_owned(),
        }
    }

    /// Waits until Prism says it listens (it prints `Prism is listening`).
    pub async fn wait(&mut self, timeout: Duration) {
        let start = Instant::now();
        loop {
            let log = std::fs::read_to_string(&self.log).unwrap_or_default();
            if log.contains("Prism is listening") {
                return;
            }
            if let Ok(Some(status)) = self.child.try_wait() {
                panic!("Prism exited ({status}):\n{log}");
            }
            assert!(
                start.elapsed() < timeout,
                "Prism did not start within {timeout:?}:\n{log}"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
