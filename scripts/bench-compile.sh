#!/usr/bin/env bash
# Compile-time benchmark (not a test; CI does not run it): clean builds, in a fresh clone of
# one commit with its own target folder, of
#   1. the CLI:            cargo build --release --bin handoff
#   2. the core's tests:   cargo test --no-run for the core (the handoff-core package, or, in
#                          a commit from before the core crate, the whole handoff package,
#                          which then was the core's only home)
#   3. after touching core/src/engine/sim.rs (src/engine/sim.rs before the split), the same
#      two again: what a developer waits for after an edit in the engine.
# Usage: scripts/bench-compile.sh [COMMIT ...]   (default: HEAD). Prints wall-clock and CPU
# (user + system) seconds of each step; CPU seconds are the steadier figure on a shared
# machine. Each clean build takes minutes.
source "$(dirname "${BASH_SOURCE[0]}")/tools.sh"

measure() { # label, command...
  local label="$1"
  shift
  local t0 t1
  t0=$(date +%s.%N)
  local cpu
  cpu=$( { /usr/bin/time -f "%U %S" "$@" >/dev/null 2>/tmp/bench-compile-err.$$; } 2>&1; tail -1 /tmp/bench-compile-err.$$)
  t1=$(date +%s.%N)
  rm -f /tmp/bench-compile-err.$$
  awk -v l="$label" -v a="$t0" -v b="$t1" -v c="$cpu" \
    'BEGIN { split(c, u, " "); printf "  %-34s wall %6.1f s   cpu %6.1f s\n", l, b - a, u[1] + u[2] }'
}

for commit in "${@:-HEAD}"; do
  dir="$(mktemp -d)"
  git -C "$ROOT" archive "$commit" | tar -x -C "$dir"
  export CARGO_TARGET_DIR="$dir/target"
  (cd "$dir" && cargo fetch --locked >/dev/null 2>&1)
  if [ -f "$dir/core/Cargo.toml" ]; then
    tests=(cargo test --locked -p handoff-core --no-run)
    engine="$dir/core/src/engine/sim.rs"
  else
    tests=(cargo test --locked --no-run)
    engine="$dir/src/engine/sim.rs"
  fi
  echo "$(git -C "$ROOT" log -1 --format='%h %s' "$commit" | cut -c1-80)"
  cd "$dir"
  measure "CLI, clean (release)" cargo build --locked --release --bin handoff
  measure "core tests, clean (dev)" "${tests[@]}"
  touch "$engine"
  measure "CLI after an engine edit" cargo build --locked --release --bin handoff
  touch "$engine"
  measure "core tests after an engine edit" "${tests[@]}"
  cd "$ROOT"
  rm -rf "$dir"
done
