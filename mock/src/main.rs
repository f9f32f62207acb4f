//! `purecloud-mock`: runs the fake Genesys Cloud on 127.0.0.1.
//!
//! ```text
//! cargo run -p purecloud-mock -- [--port 8080] [--client-id ID --client-secret S]
//!     [--token-lifetime SECS] [--fault KIND[xCOUNT][@PATH]]...
//! ```

use purecloud_mock::{DEMO_PERMISSIONS, Fault, MockServer, OAuthClient};
use std::time::Duration;

const USAGE: &str = "usage: purecloud-mock [--port PORT] [--client-id ID --client-secret SECRET] \
[--token-lifetime SECS] [--fault KIND[xCOUNT][@PATH]]...
  KIND: 429[:RETRY_AFTER_SECS], a 4xx/5xx status, drop, malformed, html[:STATUS], truncated,
        oversized:BYTES, delay:MILLIS (e.g. --fault 429:1x3@/api/v2/tokens/me)";

struct Args {
    port: u16,
    client: Option<(String, String)>,
    lifetime: u64,
    faults: Vec<(Fault, usize, Option<String>)>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        port: 8080,
        client: None,
        lifetime: 86_399,
        faults: Vec::new(),
    };
    let (mut id, mut secret) = (None, None);
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{flag} needs a value\n{USAGE}"));
        match flag.as_str() {
            "--port" => {
                args.port = value()?
                    .parse()
                    .map_err(|_| format!("--port needs a number\n{USAGE}"))?
            }
            "--client-id" => id = Some(value()?),
            "--client-secret" => secret = Some(value()?),
            "--token-lifetime" => {
                args.lifetime = value()?
                    .parse()
                    .map_err(|_| "--token-lifetime needs seconds".to_string())?
            }
            "--fault" => args
                .faults
                .push(parse_fault(&value()?).map_err(|e| format!("{e}\n{USAGE}"))?),
            "-h" | "--help" => return Err(USAGE.into()),
            other => return Err(format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    args.client = match (id, secret) {
        (Some(id), Some(secret)) => Some((id, secret)),
        (None, None) => None,
        _ => return Err(format!("--client-id and --client-secret go together\n{USAGE}")),
    };
    Ok(args)
}

/// `KIND[xCOUNT][@PATH]`.
fn parse_fault(text: &str) -> Result<(Fault, usize, Option<String>), String> {
    let (rest, path) = text
        .split_once('@')
        .map_or((text, None), |(r, p)| (r, Some(p.to_owned())));
    let (kind, count) = rest
        .split_once('x')
        .map_or((rest, Ok(1)), |(k, c)| (k, c.parse::<usize>()));
    Ok((
        kind.parse()?,
        count.map_err(|_| format!("bad fault count in `{text}`"))?,
        path,
    ))
}

#[tokio::main]
async fn main() {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("{message}");
            std::process::exit(2);
        }
    };
    let mock = match MockServer::start_on(args.port).await {
        Ok(mock) => mock,
        Err(e) => {
            eprintln!("cannot listen on 127.0.0.1:{}: {e}", args.port);
            std::process::exit(1);
        }
    };
    let (id, secret) = args
        .client
        .unwrap_or_else(|| (mock.client_id().into(), mock.client_secret().into()));
    mock.add_client(OAuthClient {
        id: id.clone(),
        secret: secret.clone(),
        name: "Mock client".into(),
        permissions: DEMO_PERMISSIONS.iter().map(|p| p.to_string()).collect(),
        token_lifetime: Duration::from_secs(args.lifetime),
    });
    for (fault, count, path) in args.faults {
        mock.inject(fault, count, path.as_deref());
    }
    println!("purecloud-mock listening on {}", mock.base_url());
    println!("client id:     {id}");
    println!("client secret: {secret}");
    let _ = tokio::signal::ctrl_c().await;
}
