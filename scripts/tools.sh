# Shared helpers for scripts/serve.sh and scripts/test.sh: install every missing tool.
# Tools live in a per-user cache (not in the clone), so a second run, or a second clone on the
# same machine, skips the installs. Override the place with HANDOFF_TOOLS.
# shellcheck shell=bash

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLS="${HANDOFF_TOOLS:-$HOME/.cache/handoff/tools}"
BINARYEN_VERSION="132.0.0"
mkdir -p "$TOOLS"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# The wasm-bindgen version pinned in Cargo.lock (the CLI must match it exactly).
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_lockfile() {
  if [ ! -f "$ROOT/Cargo.lock" ]; then
    log "Resolving dependencies (Cargo.lock)"
    (cd "$ROOT" && cargo generate-lockfile)
  fi
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    log "Installing the wasm32-unknown-unknown Rust target (seconds)"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_wasm_bindgen() {
  ensure_lockfile
  local version dir
  version="$(wasm_bindgen_version)"
  dir="$TOOLS/wasm-bindgen-$version"
  if [ ! -x "$dir/bin/wasm-bindgen" ] || [ ! -x "$dir/bin/wasm-bindgen-test-runner" ]; then
    log "Installing wasm-bindgen-cli $version (matches Cargo.lock; about 2.5 minutes, once)"
    # No --locked: the CLI's own lock file pins a crate version the registry no longer serves.
    cargo install wasm-bindgen-cli --version "$version" --root "$dir"
  fi
  export PATH="$dir/bin:$PATH"
}

ensure_wasm_opt() {
  local dir="$TOOLS/binaryen-$BINARYEN_VERSION"
  if [ ! -x "$dir/node_modules/.bin/wasm-opt" ]; then
    log "Installing wasm-opt (npm binaryen@$BINARYEN_VERSION; seconds, once)"
    mkdir -p "$dir"
    npm install --prefix "$dir" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >&2
  fi
  export PATH="$dir/node_modules/.bin:$PATH"
}

ensure_chromium() {
  if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    log "Installing Debian's chromium and chromium-driver (about 30 s, once)"
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium chromium-driver >&2
  fi
  export CHROMEDRIVER="${CHROMEDRIVER:-$(command -v chromedriver)}"
}

ensure_node_modules() {
  local dir="$ROOT/tests/e2e"
  if [ ! -d "$dir/node_modules/@playwright/test" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "Installing the end-to-end test packages (npm ci; uses Debian's chromium, downloads no browser)"
    PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error >&2
  fi
}
