//! Call overhead: raw reqwest and `TokensApi::get_tokens_me` on the same server, interleaved.

use purecloud::TokensApi;
use purecloud::models::TokenInfo;
use std::future::Future;
use std::time::{Duration, Instant};

/// Calls per second of raw reqwest and of ours at one concurrency.
pub struct Pair {
    /// Raw reqwest, calls per second.
    pub raw: f64,
    /// `TokensApi`, calls per second.
    pub ours: f64,
    /// The median over rounds of ours over raw in time per call (1.0 = same; lower is better).
    pub median_ratio: f64,
}

/// The request raw reqwest makes: the same URL and the same headers on the wire (bearer token,
/// `Accept`, `User-Agent`, `purecloud-sdk`), and the same decoding.
async fn raw_call(http: reqwest::Client, url: &'static str) {
    let response = http
        .get(url)
        .header(reqwest::header::AUTHORIZATION, "Bearer bench-token")
        .header(reqwest::header::ACCEPT, "application/json")
        .header(
            reqwest::header::USER_AGENT,
            purecloud::runtime::DEFAULT_USER_AGENT,
        )
        .header("purecloud-sdk", env!("CARGO_PKG_VERSION"))
        .send()
        .await
        .expect("raw request");
    assert!(response.status().is_success());
    let bytes = response.bytes().await.expect("raw body");
    let info: TokenInfo = serde_json::from_slice(&bytes).expect("raw decode");
    std::hint::black_box(info);
}

async fn ours_call(api: TokensApi) {
    let info = api.get_tokens_me(None).await.expect("TokensApi call");
    std::hint::black_box(info);
}

/// Runs `total` calls made by `call` with `concurrency` tasks; the elapsed time.
async fn timed<F, Fut>(concurrency: usize, total: usize, call: F) -> Duration
where
    F: Fn() -> Fut + Clone + Send + 'static,
    Fut: Future<Output = ()> + Send,
{
    let started = Instant::now();
    let per_task = total / concurrency;
    let tasks: Vec<_> = (0..concurrency)
        .map(|_| {
            let call = call.clone();
            tokio::spawn(async move {
                for _ in 0..per_task {
                    call().await;
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task");
    }
    started.elapsed()
}

/// Makes `calls` sequential calls with raw reqwest (`raw`) or ours only, for a profiler
/// (e.g. `valgrind --tool=callgrind`, whose instruction counts do not depend on the machine's
/// load) to compare.
pub async fn profile_one(
    http: &reqwest::Client,
    api: &TokensApi,
    url: &'static str,
    which: &str,
    calls: usize,
) {
    for _ in 0..calls {
        match which {
            "raw" => raw_call(http.clone(), url).await,
            _ => ours_call(api.clone()).await,
        }
    }
}

/// Interleaves `rounds` rounds of raw and ours, `calls` calls each, at `concurrency`.
pub async fn measure(
    http: &reqwest::Client,
    api: &TokensApi,
    url: &'static str,
    concurrency: usize,
    calls: usize,
    rounds: usize,
) -> Pair {
    let raw = {
        let http = http.clone();
        move || raw_call(http.clone(), url)
    };
    let ours = {
        let api = api.clone();
        move || ours_call(api.clone())
    };
    timed(concurrency, calls / 4, raw.clone()).await;
    timed(concurrency, calls / 4, ours.clone()).await;
    // Short rounds, alternating which goes first, so that both see the same machine; the
    // ratio is the median of the rounds' ratios, robust to a noisy neighbour.
    let (mut raw_time, mut ours_time) = (Duration::ZERO, Duration::ZERO);
    let mut ratios = Vec::with_capacity(rounds);
    for round in 0..rounds {
        let (raw_round, ours_round) = if round % 2 == 0 {
            let r = timed(concurrency, calls, raw.clone()).await;
            (r, timed(concurrency, calls, ours.clone()).await)
        } else {
            let o = timed(concurrency, calls, ours.clone()).await;
            (timed(concurrency, calls, raw.clone()).await, o)
        };
        raw_time += raw_round;
        ours_time += ours_round;
        ratios.push(ours_round.as_secs_f64() / raw_round.as_secs_f64());
    }
    ratios.sort_by(f64::total_cmp);
    let total = (calls / concurrency * concurrency * rounds) as f64;
    Pair {
        raw: total / raw_time.as_secs_f64(),
        ours: total / ours_time.as_secs_f64(),
        median_ratio: ratios[ratios.len() / 2],
    }
}
