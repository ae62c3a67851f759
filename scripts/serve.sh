#!/usr/bin/env bash
# Builds Handoff and serves it on http://127.0.0.1:8080 (or --port N / $PORT).
# First run on a fresh machine installs the wasm32 target, wasm-bindgen-cli (the exact
# Cargo.lock version) and wasm-opt: about 4-5 minutes. Later runs skip the installs.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${PORT:-8080}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) PORT="$2"; shift 2 ;;
    --port=*) PORT="${1#--port=}"; shift ;;
    -h|--help) echo "usage: scripts/serve.sh [--port N]"; exit 0 ;;
    *) echo "unknown option: $1 (usage: scripts/serve.sh [--port N])" >&2; exit 2 ;;
  esac
done
"$HERE/build.sh"
DIST="${HANDOFF_DIST:-$HERE/../dist}"
printf '\n  Handoff is running at http://127.0.0.1:%s/  (Ctrl-C to stop)\n\n' "$PORT"
exec python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$DIST"
