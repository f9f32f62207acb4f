#!/usr/bin/env bash
# Runs the official Genesys Cloud Python SDK (pinned) against the purecloud-mock binary.
# Creates its own virtualenv under target/; needs python3 with venv and access to PyPI.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
venv="$root/target/conformance-venv"
sdk_version=269.0.0
if ! "$venv/bin/python" -c "import PureCloudPlatformClientV2" 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "purecloudplatformclientv2==$sdk_version"
fi
cargo build --quiet -p purecloud-mock --manifest-path "$root/Cargo.toml"
port=$("$venv/bin/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$root/target/debug/purecloud-mock" --port "$port" --client-id conformance-id --client-secret conformance-secret \
  > "$root/target/conformance-mock.log" 2>&1 &
mock_pid=$!
trap 'kill $mock_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q listening "$root/target/conformance-mock.log" 2>/dev/null && break
  sleep 0.1
done
"$venv/bin/python" "$root/mock/conformance/official_python_sdk.py" "http://127.0.0.1:$port" conformance-id conformance-secret
