#!/usr/bin/env bash
# Benchmark of the planning views in headless Chromium (not a test): time from a view's button
# to its first and final answer (tests/e2e/bench-plan.js), Baseline. Builds the release bundle
# first. ROUNDS=N sets the runs per view.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_chromium
ensure_node_modules
export HANDOFF_DIST="$ROOT/target/bench-dist"
"$ROOT/scripts/build.sh"
PORT="${PORT:-8191}"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$HANDOFF_DIST" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
node "$ROOT/tests/e2e/bench-plan.js" "http://127.0.0.1:$PORT/"
