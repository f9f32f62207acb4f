//! `purecloud-bench`: measures purecloud-rs side by side with raw reqwest and the official
//! Python SDK, token renewal under load, and (through `compile_cost.py`) the DSL's compile cost.
//! Run it with `bash bench/run.sh`; it prints a table, then `name=value` lines.

mod overhead;
mod python;
mod renewal;
mod server;

use purecloud::{Client, Environment, TokensApi};
use std::process::Command;

/// Raw reqwest and our client, both for the benchmark server at `base`.
fn clients(base: &str) -> (reqwest::Client, TokensApi) {
    let client = Client::builder()
        .environment(Environment::custom(base).expect("base"))
        .access_token("bench-token")
        .build()
        .expect("client");
    let http = reqwest::Client::builder()
        .tcp_nodelay(true)
        .build()
        .expect("reqwest");
    (http, TokensApi::new(&client))
}

async fn measure_overhead(base: &str, url: &'static str, concurrency: usize, calls: usize) -> overhead::Pair {
    let (http, api) = clients(base);
    overhead::measure(&http, &api, url, concurrency, calls, 24).await
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    let python = flag("--python");
    let quick = args.iter().any(|a| a == "--quick");
    let scale = if quick { 10 } else { 1 };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let mut figures: Vec<(String, String)> = Vec::new();
    let mut put = |name: &str, value: String| figures.push((name.to_owned(), value));

    let addr = server::start();
    let base = format!("http://{addr}");
    let url: &'static str = Box::leak(format!("{base}/api/v2/tokens/me").into_boxed_str());
    if let Some(which) = flag("--profile") {
        let calls: usize = flag("--calls").and_then(|c| c.parse().ok()).unwrap_or(2000);
        runtime.block_on(async {
            let (http, api) = clients(&base);
            overhead::profile_one(&http, &api, url, &which, calls).await;
        });
        return;
    }
    // c=1 runs on a single-threaded runtime (no task hops between threads, the steadiest
    // figure on 2 cores); c=64 on two worker threads. Each runtime gets its own clients.
    let single = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let c1 = single.block_on(measure_overhead(&base, url, 1, 1000 / scale));
    let c64 = runtime.block_on(measure_overhead(&base, url, 64, 8000 / scale));
    put("raw_reqwest_calls_per_s_c1", format!("{:.0}", c1.raw));
    put("ours_calls_per_s_c1", format!("{:.0}", c1.ours));
    put("ratio_vs_reqwest_c1", format!("{:.3}", c1.median_ratio));
    put("raw_reqwest_calls_per_s_c64", format!("{:.0}", c64.raw));
    put("ours_calls_per_s_c64", format!("{:.0}", c64.ours));
    put("ratio_vs_reqwest_c64", format!("{:.3}", c64.median_ratio));

    if let Some(python) = &python {
        for (threads, calls, ours, name) in [
            (1, 1000 / scale, c1.ours, "c1"),
            (64, 6400 / scale, c64.ours, "c64"),
        ] {
            if let Some(py) = python::calls_per_second(python, &base, calls, threads) {
                put(&format!("python_sdk_calls_per_s_{name}"), format!("{py:.0}"));
                put(&format!("speedup_vs_python_{name}"), format!("{:.1}", ours / py));
            }
        }
    }

    let (token_requests, elapsed) = runtime.block_on(renewal::measure(1000));
    put("token_requests_1000", token_requests.to_string());
    put("renewal_1000_calls_ms", elapsed.as_millis().to_string());

    if !args.iter().any(|a| a == "--skip-compile") {
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/compile_cost.py");
        let mut command = Command::new(python.as_deref().unwrap_or("python3"));
        command.arg(script);
        if quick {
            command.arg("--quick");
        }
        match command.output() {
            Ok(output) if output.status.success() => {
                for line in String::from_utf8_lossy(&output.stdout).lines() {
                    if let Some((name, value)) = line.split_once('=') {
                        put(name.trim(), value.trim().to_owned());
                    }
                }
            }
            Ok(output) => eprintln!(
                "compile_cost.py failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            ),
            Err(e) => eprintln!("cannot run compile_cost.py: {e}"),
        }
    }

    println!("\n{:<36} {:>14}", "figure", "value");
    println!("{}", "-".repeat(51));
    for (name, value) in &figures {
        println!("{name:<36} {value:>14}");
    }
    println!();
    for (name, value) in &figures {
        println!("{name}={value}");
    }
}
