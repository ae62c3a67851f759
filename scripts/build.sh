#!/usr/bin/env bash
# Builds the release bundle into dist/ (or $HANDOFF_DIST): index.html, style, public files,
# and the wasm app after wasm-bindgen and wasm-opt -O3; then stamps the service worker (sw.js)
# with the bundle's version (scripts/stamp-sw.sh). Installs missing tools first.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

DIST="${HANDOFF_DIST:-$ROOT/dist}"
ensure_wasm_target
ensure_wasm_bindgen
ensure_wasm_opt

log "Compiling the app for wasm32 (release; about 1.5 minutes the first time)"
(cd "$ROOT" && cargo build --release --target wasm32-unknown-unknown --bin handoff-app)

rm -rf "$DIST"
mkdir -p "$DIST/pkg"
wasm-bindgen --target web --no-typescript --out-name handoff --out-dir "$DIST/pkg" \
  "${CARGO_TARGET_DIR:-$ROOT/target}/wasm32-unknown-unknown/release/handoff-app.wasm"
log "Optimising with wasm-opt -O3"
wasm-opt -O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types \
  "$DIST/pkg/handoff_bg.wasm" -o "$DIST/pkg/handoff_bg.wasm"
cp "$ROOT/index.html" "$DIST/"
cp -r "$ROOT/style" "$DIST/style"
cp -r "$ROOT/public/." "$DIST/"
# The service worker's cache carries a hash of the bundle: a new build is a new version.
version="$("$ROOT/scripts/stamp-sw.sh" "$DIST")"
log "Built $DIST ($(du -k "$DIST/pkg/handoff_bg.wasm" | cut -f1) KB of wasm; version $version)"
