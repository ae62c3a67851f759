#!/usr/bin/env bash
# Runs every test: formatting, lints, native tests, browser unit tests (wasm-bindgen-test in
# headless Chromium) and the Playwright end-to-end suite against the release bundle.
# Installs what is missing first (wasm32 target, wasm-bindgen-cli, wasm-opt, Debian's
# chromium + chromium-driver, the e2e node packages). Exits non-zero on any failure.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
cd "$ROOT"

# A fresh clone builds everything once: incremental caches would only take disk (CI machines
# share theirs). Developers keep incremental builds.
if [ -n "${CI:-}" ]; then export CARGO_INCREMENTAL=0; fi

ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_opt
ensure_chromium
ensure_node_modules

browser_passed=0
browser_failed=0

log "cargo fmt --check"
cargo fmt --all -- --check

log "cargo clippy --all-targets -- -D warnings"
cargo clippy --all-targets --locked -- -D warnings
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

log "Native tests (cargo test)"
cargo test --locked

log "Browser unit tests (wasm-bindgen-test in headless Chromium)"
wasm_log="$(mktemp)"
set +e
cargo test --locked -p handoff --target wasm32-unknown-unknown --test browser 2>&1 | tee "$wasm_log"
wasm_status=${PIPESTATUS[0]}
set -e
# "test result: ok. 2 passed; 0 failed; ..."
read -r p f < <(awk '/^test result:/ { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } } END { print p+0, f+0 }' "$wasm_log")
browser_passed=$((browser_passed + p))
browser_failed=$((browser_failed + f))
if [ "$wasm_status" -ne 0 ] && [ "$f" -eq 0 ]; then browser_failed=$((browser_failed + 1)); fi

log "Release bundle for the end-to-end tests"
export HANDOFF_DIST="$ROOT/target/e2e-dist"
"$ROOT/scripts/build.sh"

log "End-to-end tests (Playwright, Debian's chromium)"
e2e_json="$(mktemp)"
set +e
(cd "$ROOT/tests/e2e" && PLAYWRIGHT_JSON_OUTPUT_NAME="$e2e_json" npx playwright test --reporter=list,json)
e2e_status=$?
set -e
read -r p f < <(node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const s = r.stats || {};
  console.log((s.expected || 0) + " " + ((s.unexpected || 0) + (s.flaky || 0)));
' "$e2e_json" 2>/dev/null || echo "0 1")
browser_passed=$((browser_passed + p))
browser_failed=$((browser_failed + f))
if [ "$e2e_status" -ne 0 ] && [ "$f" -eq 0 ]; then browser_failed=$((browser_failed + 1)); fi

echo
echo "Disk used by target/: $(du -sh "$ROOT/target" 2>/dev/null | cut -f1)"
echo "Browser suites (wasm-bindgen-test + Playwright):"
echo "$browser_passed passed, $browser_failed failed"
[ "$browser_failed" -eq 0 ]
