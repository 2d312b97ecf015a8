//! Timing of `diff` on real specs: `cargo bench -p atlassian-admin-tools --bench diff`.
//!
//! Measures parsing and diffing of the curated spec against itself, and of two
//! versions of Atlassian's official organization spec (a larger real-world
//! document), read at run time from `../shared/reference-specs/` next to the
//! repository (or from `$REFERENCE_SPECS`); those files are never committed,
//! and the pair is skipped with a message when they are absent.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use admin_api_generator::load::load_spec;
use admin_api_tools::diff::diff;

const RUNS: usize = 20;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let spec = root.join("spec/atlassian-admin.yaml");
    bench("curated spec against itself", &spec, &spec);
    // Any other spec to time against itself (e.g. a preview of the next curation).
    if let Some(extra) = std::env::var_os("BENCH_SPEC") {
        let extra = PathBuf::from(extra);
        bench("$BENCH_SPEC against itself", &extra, &extra);
    }

    let reference = std::env::var_os("REFERENCE_SPECS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("../shared/reference-specs"));
    let old = reference.join("organization-2026-07-22.json");
    let new = reference.join("organization.json");
    if old.exists() && new.exists() {
        bench("organization 2026-07-22 against itself", &old, &old);
        bench("organization 2026-07-22 -> current", &old, &new);
    } else {
        println!(
            "skipped the organization specs: {} not found (set REFERENCE_SPECS)",
            reference.display()
        );
    }
}

fn bench(name: &str, old: &Path, new: &Path) {
    let mut load = Vec::with_capacity(RUNS);
    let mut compare = Vec::with_capacity(RUNS);
    let mut changes = 0;
    for _ in 0..RUNS {
        let start = Instant::now();
        let (a, b) = match (load_spec(old), load_spec(new)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => {
                println!("{name}: cannot load: {e}");
                return;
            }
        };
        load.push(start.elapsed());
        let start = Instant::now();
        changes = diff(&a.openapi, &b.openapi).changes.len();
        compare.push(start.elapsed());
    }
    let ops = load_spec(new).map_or(0, |s| s.openapi.operations().count());
    println!(
        "{name}: {ops} operations, {changes} changes; load both (median) {:.2} ms, diff (median) {:.3} ms, diff (min) {:.3} ms",
        ms(median(&mut load)),
        ms(median(&mut compare)),
        ms(compare.iter().copied().min().unwrap_or_default()),
    );
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
