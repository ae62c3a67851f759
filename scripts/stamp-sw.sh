#!/usr/bin/env bash
# Writes the build version and the list of files into DIST/sw.js (the service worker, copied
# from public/sw.js by scripts/build.sh): the version is the first 12 hex digits of a SHA-256
# over every file of DIST (names and contents, the service worker's own text included), so any
# change to the bundle is a new version, and an unchanged bundle keeps its version.
# Usage: scripts/stamp-sw.sh DIST   (prints the version)
set -euo pipefail
DIST="${1:?usage: scripts/stamp-sw.sh DIST}"
cd "$DIST"
if ! grep -q '"__HANDOFF_VERSION__"' sw.js || ! grep -q '\["__HANDOFF_FILES__"\]' sw.js; then
  echo "stamp-sw: $DIST/sw.js has no version or file list placeholder (already stamped?)" >&2
  exit 1
fi
mapfile -t files < <(find . -type f ! -path ./sw.js -printf '%P\n' | LC_ALL=C sort)
for f in "${files[@]}"; do
  # The names go into a JavaScript string and a sed replacement: keep them plain.
  if [[ ! "$f" =~ ^[A-Za-z0-9._/-]+$ ]]; then
    echo "stamp-sw: unexpected file name in $DIST: $f" >&2
    exit 1
  fi
done
version="$(
  for f in "${files[@]}" sw.js; do printf '%s\n' "$f"; sha256sum < "$f"; done | sha256sum | cut -c1-12
)"
list="$(printf '"%s", ' "${files[@]}")"
list="${list%, }"
sed -i -e "s|\"__HANDOFF_VERSION__\"|\"$version\"|" -e "s|\\[\"__HANDOFF_FILES__\"\\]|[$list]|" sw.js
echo "$version"
