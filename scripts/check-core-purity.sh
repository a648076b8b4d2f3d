#!/usr/bin/env bash
# The ML core and the data generators must not import web or drawing crates.
set -euo pipefail
cd "$(dirname "$0")/.."
pattern='\b(yew|web_sys|wasm_bindgen|js_sys|gloo|plotters|plotters_canvas|getrandom)\b'
if grep -rnE "$pattern" src/ml src/data; then
  echo "FAIL: src/ml or src/data imports a web or drawing crate (lines above)" >&2
  exit 1
fi
echo "core purity: ok (src/ml, src/data import no web or drawing crate)"
