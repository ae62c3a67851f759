#!/usr/bin/env bash
# Benchmark of the engine in WebAssembly (not a test; CI does not run it): builds
# examples/wasm_bench.rs for wasm32 in release mode, runs wasm-bindgen (--target nodejs) and
# wasm-opt -O3 with the flags of build.sh, then times replications of Baseline (52 weeks) and
# of Baseline with 10x the lead volume under node (V8, the engine of Chromium). Prints the
# median and worst ms per replication over ROUNDS rounds (default 7) of REPS replications
# (default 200), and checks that wasm draws the same numbers as a native build (NATIVE=0
# skips that check and the native build).
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_opt

ROUNDS="${ROUNDS:-7}"
REPS="${REPS:-200}"
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
OUT="$TARGET/bench-engine-wasm"

log "Compiling examples/wasm_bench.rs for wasm32 (release)"
(cd "$ROOT" && cargo build --release --target wasm32-unknown-unknown --example wasm_bench)
rm -rf "$OUT"
mkdir -p "$OUT"
wasm-bindgen --target nodejs --no-typescript --out-dir "$OUT" \
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

log "Timing in node $(node --version) ($ROUNDS rounds of $REPS replications)"
node - "$OUT/wasm_bench.js" "$ROUNDS" "$REPS" "$native_1" "$native_10" <<'JS'
const [modPath, rounds, reps, native1, native10] = process.argv.slice(2);
const { EngineBench } = require(modPath);
let mismatch = false;
for (const [volume, native] of [[1, native1], [10, native10]]) {
  const bench = new EngineBench(volume);
  const check = bench.run(0, Number(reps));
  if (native !== "" && String(check) !== native) {
    console.log(`  checksum differs from native: wasm ${check}, native ${native}`);
    mismatch = true;
  }
  const times = [];
  for (let r = 1; r <= Number(rounds); r++) {
    const t0 = performance.now();
    bench.run(r * Number(reps), Number(reps));
    times.push((performance.now() - t0) / Number(reps));
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  const worst = times[times.length - 1];
  const label = volume === 1 ? "Baseline (52 weeks)" : "Baseline, 10x volume";
  console.log(`${label.padEnd(22)} median ${median.toFixed(3)} ms, worst ${worst.toFixed(3)} ms per replication`);
  bench.free();
}
process.exit(mismatch ? 1 : 0);
JS
