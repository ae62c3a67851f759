#!/usr/bin/env bash
# Benchmark of the workshop screen in headless Chromium (not a test): time from a control
# change to the first updated result, to full bands and to the verdict, at 200 and 1,000
# replications. Builds the release bundle first. ROUNDS=N sets the changes per size.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_chromium
ensure_node_modules
export HANDOFF_DIST="$ROOT/target/bench-dist"
"$ROOT/scripts/build.sh"
PORT="${PORT:-8190}"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$HANDOFF_DIST" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
node "$ROOT/tests/e2e/bench.js" "http://127.0.0.1:$PORT/"
