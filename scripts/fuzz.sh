#!/usr/bin/env bash
# Fuzzes the share-link and file-import doors (core/tests/fuzz.rs) in release mode.
# Usage: scripts/fuzz.sh [CASES]   (cases per fuzz test; default 100000)
# Prints how many inputs went to open_link and import_json in all. Exits non-zero when any
# input made them panic or let an invalid scenario through.
set -euo pipefail

cases="${1:-100000}"
if ! [[ "$cases" =~ ^[0-9]+$ ]]; then
    echo "usage: $0 [CASES]  (CASES: a whole number of cases per fuzz test)" >&2
    exit 2
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."

out="$(mktemp)"
trap 'rm -f "$out"' EXIT

echo "Fuzzing with $cases cases per test (cargo test --release -p handoff-core --test fuzz)"
start=$SECONDS
set +e
HANDOFF_FUZZ_CASES="$cases" cargo test --release -p handoff-core --test fuzz -- --nocapture 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
set -e

# Lines: "fuzz: N inputs to open_link (test; M in all tests so far)"
awk -v secs=$((SECONDS - start)) '
    /^fuzz: [0-9]+ inputs to / { n[$5] += $2; total += $2 }
    END {
        printf "\nfuzz total: %d inputs (%d to open_link, %d to import_json) in %d s\n",
            total, n["open_link"], n["import_json"], secs
    }' "$out"
exit "$status"
