#!/usr/bin/env bash
# squawk-cli (the PostgreSQL migration linter we compare against) lives outside package-lock.json:
# its optional per-platform packages are not all on the registry mirror, which breaks `npm ci`.
# Installs the Linux x64 binary once into the cache and prints its path.
set -euo pipefail
VERSION=2.66.0
DIR="${SAFE_MIGRATIONS_CACHE:-$HOME/.cache/safe-migrations}/squawk-$VERSION"
BIN="$DIR/node_modules/@squawk-cli/linux-x64/bin/squawk"
if [ ! -x "$BIN" ]; then
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-save --no-audit --no-fund --loglevel=error --omit=optional "@squawk-cli/linux-x64@$VERSION" >&2
fi
[ -x "$BIN" ] || { echo "squawk binary not found at $BIN" >&2; exit 1; }
echo "$BIN"
