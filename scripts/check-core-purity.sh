#!/usr/bin/env bash
# The core crate (crates/core) must not depend on a web, drawing or browser crate, directly or
# through another crate. Its source could not import one anyway (it is not in its Cargo.toml);
# this guards the Cargo.toml and everything it pulls in.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='^(yew|web-sys|wasm-bindgen|js-sys|gloo|plotters|plotters-canvas|getrandom)\b'
for target in "" "--target wasm32-unknown-unknown"; do
  # shellcheck disable=SC2086
  deps=$(cargo tree --offline -p paramlab-core -e normal,build --prefix none $target | awk '{print $1}' | sort -u)
  if bad=$(grep -E "$pattern" <<<"$deps"); then
    echo "FAIL: paramlab-core depends on a web or drawing crate${target:+ ($target)}:" >&2
    echo "$bad" >&2
    exit 1
  fi
done
echo "core purity: ok (paramlab-core's dependency tree has no web or drawing crate)"
