"""Compile cost of the #[endpoint] DSL.

Generates crates declaring N = 0, 100 and 1,000 endpoints whose shapes are sampled from
shared/genesys-api/operations.jsonl (path, query, header parameters, body, response) with a
shared set of models, builds each from clean in debug (dependencies prebuilt once), and counts
the expanded lines (rustc -Zunpretty=expanded, enabled on stable with RUSTC_BOOTSTRAP=1).
Prints name=value lines.
"""
import json
import os
import pathlib
import random
import shutil
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
OPERATIONS = ROOT.parent / "shared" / "genesys-api" / "operations.jsonl"
OUT = ROOT / "target" / "compile-cost"
TARGET = OUT / "target"
MODELS = 8
SIZES = [0, 100, 1000] if "--quick" not in sys.argv else [0, 20, 100]

QUERY_TYPES = {"str": "Option<&str>", "int": "Option<i64>", "bool": "Option<bool>", "float": "Option<f64>"}


def declaration(index, op, rng):
    args = ["&self"]
    for i, param in enumerate(op["path_params"]):
        args.append(f'#[path("{param["name"]}")] p{i}: &str')
    for i, param in enumerate(op["query_params"]):
        if param["type"].startswith("list"):
            csv = ", csv" if param.get("spec_collection_format") == "csv" else ""
            args.append(f'#[query("{param["name"]}"{csv})] q{i}: &[&str]')
        else:
            args.append(f'#[query("{param["name"]}")] q{i}: {QUERY_TYPES.get(param["type"], "Option<&str>")}')
    for i, param in enumerate(op["header_params"]):
        args.append(f'#[header("{param["name"]}")] h{i}: Option<&str>')
    method = op["http_method"]
    if op["body"] and method not in ("GET", "HEAD"):
        args.append(f"#[body] body: &Model{rng.randrange(MODELS)}")
    if method == "HEAD" or not op["response_type"]:
        response = "()"
    else:
        response = f"Model{rng.randrange(MODELS)}"
    name = f'{op["operation"]}_{index}'
    return (
        f'    /// {op["summary"]!r}\n'.replace("'", "")
        + f'    #[endpoint({method} "{op["path"]}")]\n'
        + f'    pub async fn {name}({", ".join(args)}) -> Result<{response}>;\n'
    )


def generate(n, operations):
    rng = random.Random(7)
    crate = OUT / f"gen_{n}"
    (crate / "src").mkdir(parents=True, exist_ok=True)
    (crate / "Cargo.toml").write_text(
        f'[package]\nname = "gen_{n}"\nversion = "0.0.0"\nedition = "2024"\npublish = false\n\n'
        f'[dependencies]\npurecloud = {{ path = "{ROOT / "endpoints"}" }}\n'
        'serde = { version = "1", features = ["derive"] }\n\n[workspace]\n'
    )
    shutil.copy(ROOT / "Cargo.lock", crate / "Cargo.lock")
    models = "".join(
        f"#[derive(Debug, Clone, Default, Serialize, Deserialize)]\n#[serde(rename_all = \"camelCase\")]\n"
        f"pub struct Model{m} {{ pub id: Option<String>, pub name: Option<String>, pub count: Option<i64>, pub tags: Option<Vec<String>> }}\n"
        for m in range(MODELS)
    )
    declarations = "".join(declaration(i, op, rng) for i, op in enumerate(rng.sample(operations, n)))
    (crate / "src" / "lib.rs").write_text(
        "#![allow(clippy::all, missing_docs)]\nuse purecloud::{Api, Client, Result, endpoint};\nuse serde::{Deserialize, Serialize};\n\n"
        + models
        + "\npub struct Generated { client: Client }\n"
        + "impl Api for Generated { fn client(&self) -> &Client { &self.client } }\n"
        + "impl Generated {\n" + declarations + "}\n"
    )
    return crate


def cargo(crate, *args, env=None):
    return subprocess.run(
        ["cargo", args[0], "--quiet", "--manifest-path", str(crate / "Cargo.toml"), *args[1:]],
        env={**os.environ, "CARGO_TARGET_DIR": str(TARGET), **(env or {})},
        check=True,
        capture_output=True,
        text=True,
    )


def main():
    operations = [json.loads(line) for line in OPERATIONS.open()]
    crates = {n: generate(n, operations) for n in SIZES}
    cargo(crates[0], "build")  # dependencies once
    seconds, lines = {}, {}
    for n in SIZES:
        best = None
        for _ in range(2):
            cargo(crates[n], "clean", "-p", f"gen_{n}")
            started = time.perf_counter()
            cargo(crates[n], "build")
            elapsed = time.perf_counter() - started
            best = elapsed if best is None else min(best, elapsed)
        seconds[n] = best
        expanded = cargo(crates[n], "rustc", "--lib", "--", "-Zunpretty=expanded", env={"RUSTC_BOOTSTRAP": "1"}).stdout
        lines[n] = sum(1 for line in expanded.splitlines() if line.strip())
    small, large = SIZES[1], SIZES[2]
    print(f"build_s_0={seconds[0]:.2f}")
    print(f"build_s_{small}={seconds[small]:.2f}")
    print(f"build_s_{large}={seconds[large]:.2f}")
    print(f"build_ms_per_endpoint_{small}={(seconds[small] - seconds[0]) * 1000 / small:.2f}")
    print(f"build_ms_per_endpoint_{large}={(seconds[large] - seconds[0]) * 1000 / large:.2f}")
    print(f"expanded_lines_per_endpoint={(lines[large] - lines[0]) / large:.1f}")


if __name__ == "__main__":
    main()
