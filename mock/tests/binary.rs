//! The `purecloud-mock` binary: flags, the printed credentials, and scripted faults.

use base64::Engine as _;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// A running binary, killed when dropped.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts the binary with `args` and returns it with the lines it printed at start.
fn start(args: &[&str]) -> (Running, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_purecloud-mock"))
        .args(args)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start the mock binary");
    let mut stdout = BufReader::new(child.stdout.take().unwrap());
    let lines = (0..3)
        .map(|_| {
            let mut line = String::new();
            stdout.read_line(&mut line).unwrap();
            line.trim().to_owned()
        })
        .collect();
    (Running(child), lines)
}

/// One HTTP/1.1 request on a fresh connection; the status code and body.
fn post_token(addr: &str, id: &str, secret: &str) -> (u16, String) {
    let basic = base64::engine::general_purpose::STANDARD.encode(format!("{id}:{secret}"));
    let body = "grant_type=client_credentials";
    let mut stream = TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST /oauth/token HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Basic {basic}\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut answer = String::new();
    stream.read_to_string(&mut answer).unwrap();
    let status = answer.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let body = answer
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default();
    (status, body)
}

#[test]
fn flags_set_the_client_and_script_faults() {
    let (_mock, lines) = start(&[
        "--port",
        "0",
        "--client-id",
        "flag-id",
        "--client-secret",
        "flag-secret",
        "--fault",
        "503x2@/oauth/token",
    ]);
    let addr = lines[0].rsplit("http://").next().unwrap().to_owned();
    assert!(
        lines[0].starts_with("purecloud-mock listening on http://127.0.0.1:"),
        "{lines:?}"
    );
    assert_eq!(lines[1], "client id:     flag-id");
    assert_eq!(lines[2], "client secret: flag-secret");
    assert_eq!(post_token(&addr, "flag-id", "flag-secret").0, 503);
    assert_eq!(post_token(&addr, "flag-id", "flag-secret").0, 503);
    let (status, body) = post_token(&addr, "flag-id", "flag-secret");
    assert_eq!(status, 200, "{body}");
    assert!(body.contains("\"access_token\""), "{body}");
    let (status, body) = post_token(&addr, "flag-id", "wrong");
    assert_eq!(status, 400);
    assert!(body.contains("invalid_client"), "{body}");
}

#[test]
fn bad_flags_print_the_usage_and_exit_2() {
    for args in [
        &["--fault", "teapot"][..],
        &["--port"],
        &["--client-id", "only-id"],
        &["--frobnicate"],
    ] {
        let output = Command::new(env!("CARGO_BIN_EXE_purecloud-mock"))
            .args(args)
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            String::from_utf8_lossy(&output.stderr).contains("usage: purecloud-mock"),
            "{args:?}"
        );
    }
}
