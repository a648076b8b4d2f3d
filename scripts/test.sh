#!/usr/bin/env bash
# Installs whatever is missing and runs every test: formatting and lints, the core's purity,
# native unit/property/integration tests, wasm-bindgen-test in headless Chromium, and end-to-end
# tests of the release build in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/tools.sh --test
export PATH="$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n=== %s ===\n' "$*"; }

step "format and lints"
cargo fmt --check
cargo clippy --offline --workspace --all-targets -- -D warnings
cargo clippy --offline --workspace --target wasm32-unknown-unknown --lib --bins -- -D warnings
# Doc comments' links name real items (a renamed or moved item leaves none dangling).
RUSTDOCFLAGS="-D rustdoc::broken_intra_doc_links -A rustdoc::private_intra_doc_links" \
  cargo doc --offline --workspace --no-deps --document-private-items --quiet

step "core purity, and no orphan source file"
bash scripts/check-core-purity.sh
bash scripts/check-sources.sh

step "native tests (unit, property, integration)"
cargo test --offline --release --workspace

step "wasm-bindgen-test in headless Chromium"
cargo test --offline --target wasm32-unknown-unknown --test browser

step "release build"
trunk build --release
step "bundle budget"
node scripts/bundle-budget.mjs dist

step "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/
