#!/usr/bin/env bash
# Every tracked Rust file is compiled by some target. A file left out of every `mod` list builds
# and tests green while nobody compiles it (tune/evaluation.rs was such a file for a session).
# Reads the dep-info (.d) files that the lint step's `cargo clippy` runs leave in target/, so it
# runs after them. Stale dep-info can only hide an orphan locally, never invent one; CI starts clean.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."
deps=(target/debug/deps/*.d target/debug/examples/*.d target/wasm32-unknown-unknown/debug/deps/*.d)
if [ ${#deps[@]} -eq 0 ]; then
  echo "FAIL: no dep-info in target/: run the lint step's cargo clippy first" >&2
  exit 1
fi
# A workspace member's files are written relative to the workspace root, some through `..`.
compiled=$(cat "${deps[@]}" | tr ' ' '\n' | sed -n 's|^\([^/].*\.rs\):\{0,1\}$|\1|p' | sort -u |
  xargs -r realpath -m --relative-to=. | sort -u)
orphans=$(comm -23 <(git ls-files '*.rs' | sort -u) <(echo "$compiled"))
if [ -n "$orphans" ]; then
  echo "FAIL: tracked Rust files that no target compiles (in no mod list):" >&2
  echo "$orphans" >&2
  exit 1
fi
echo "sources: ok (every tracked .rs file is compiled by some target)"
