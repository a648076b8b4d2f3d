#!/usr/bin/env bash
# Installs whatever is missing, builds ParamLab and serves it on http://127.0.0.1:8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/tools.sh
export PATH="$HOME/.cargo/bin:$PATH"
exec trunk serve --release
