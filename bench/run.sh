#!/usr/bin/env bash
# The benchmark harness, run on demand (not in CI): `bash bench/run.sh [--quick]`.
# Installs the official Python SDK into target/bench-venv, builds the harness in release, and
# prints a table followed by name=value lines. With valgrind present it also counts the
# instructions of one call (raw reqwest vs ours), a figure the machine's load does not change.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/target/bench-venv"
if ! "$venv/bin/python" -c "import PureCloudPlatformClientV2" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "purecloudplatformclientv2==269.0.0"
fi
cargo build --quiet --release -p purecloud-bench --manifest-path "$root/Cargo.toml"
bench="$root/target/release/purecloud-bench"
"$bench" --python "$venv/bin/python" "$@"

if command -v valgrind >/dev/null; then
  # Instructions per call: (2,001 calls - 1 call) / 2,000, so start-up cancels out.
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bench" --profile "$1" --calls "$2" 2>&1 |
      awk '/Collected/ { print $NF }'
  }
  raw=$(( ($(count raw 2001) - $(count raw 1)) / 2000 ))
  ours=$(( ($(count ours 2001) - $(count ours 1)) / 2000 ))
  echo "instructions_per_call_raw=$raw"
  echo "instructions_per_call_ours=$ours"
  awk -v r="$raw" -v o="$ours" 'BEGIN { printf "ratio_instructions_vs_reqwest_c1=%.3f\n", o / r }'
fi
