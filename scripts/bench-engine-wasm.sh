#!/usr/bin/env bash
# Benchmark of the engine in WebAssembly (not a test; CI does not run it): builds
# examples/wasm_bench.rs for wasm32 in release mode, runs wasm-bindgen (--target web) and
# wasm-opt -O3 with the flags of build.sh, then times replications of Baseline (52 weeks) and
# of Baseline with 10x the lead volume on a page in headless Chromium, where users run it
# (node's older V8 compiles the same module differently, by up to 50%). Prints the median and
# worst ms per replication over ROUNDS rounds (default 9) of REPS replications (default
# 200), and checks that wasm draws the same numbers as a native build (NATIVE=0 skips that
# check and the native build).
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_opt
ensure_chromium
ensure_node_modules

ROUNDS="${ROUNDS:-9}"
REPS="${REPS:-200}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET/bench-engine-wasm"

log "Compiling examples/wasm_bench.rs for wasm32 (release)"
(cd "$ROOT" && cargo build --release --target wasm32-unknown-unknown --example wasm_bench)
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --out-dir "$OUT" \
  "$TARGET/wasm32-unknown-unknown/release/examples/wasm_bench.wasm"
log "Optimising with wasm-opt -O3"
wasm-opt -O3 ${WASM_OPT_FLAGS:-} --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types \
  "$OUT/wasm_bench_bg.wasm" -o "$OUT/wasm_bench_bg.wasm"

native_1=""
native_10=""
if [ "${NATIVE:-1}" != 0 ]; then
  log "Native checksums (release) of the first $REPS replications"
  native_1="$(cd "$ROOT" && cargo run --quiet --release --example wasm_bench -- 1 "$REPS")"
  native_10="$(cd "$ROOT" && cargo run --quiet --release --example wasm_bench -- 10 "$REPS")"
fi

printf '<!doctype html><title>Engine benchmark</title>\n' > "$OUT/index.html"
PORT="${PORT:-8191}"
python3 -m http.server "$PORT" --bind 127.0.0.1 --directory "$OUT" >/dev/null 2>&1 &
server=$!
trap 'kill $server' EXIT
sleep 1
log "Timing in headless Chromium ($ROUNDS rounds of $REPS replications)"
node "$ROOT/tests/e2e/bench-engine.js" "http://127.0.0.1:$PORT/" "$ROUNDS" "$REPS" "$native_1" "$native_10"
