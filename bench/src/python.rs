//! The official Python SDK on the same server, driven by `python_sdk_bench.py`.

use std::process::Command;

/// Calls per second of the Python SDK with `threads` threads, or `None` (with a message) when
/// the SDK cannot be run.
pub fn calls_per_second(python: &str, url: &str, calls: usize, threads: usize) -> Option<f64> {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/python_sdk_bench.py");
    let output = Command::new(python)
        .args([script, url, &calls.to_string(), &threads.to_string()])
        .output()
        .map_err(|e| eprintln!("cannot run {python}: {e}"))
        .ok()?;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let value = stdout
        .lines()
        .find_map(|line| line.strip_prefix("calls_per_s="))
        .and_then(|v| v.trim().parse().ok());
    if value.is_none() {
        eprintln!(
            "the Python SDK run failed: {}{}",
            stdout,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    value
}
