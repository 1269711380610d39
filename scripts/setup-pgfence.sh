#!/usr/bin/env bash
# pgfence (npm @flvmnt/pgfence, a PostgreSQL migration linter in Node) beside squawk in `npm run bench`.
# Installed once into the cache, never into package.json. Prints the path of its CLI script.
set -euo pipefail
VERSION=0.1.5
DIR="${SAFE_MIGRATIONS_CACHE:-$HOME/.cache/safe-migrations}/pgfence-$VERSION"
PKG="$DIR/node_modules/@flvmnt/pgfence"
if [ ! -f "$DIR/.complete" ]; then
  mkdir -p "$DIR"
  npm install --prefix "$DIR" --no-save --no-audit --no-fund --loglevel=error "@flvmnt/pgfence@$VERSION" >&2
  touch "$DIR/.complete"
fi
BIN=$(node -e 'const p=require(process.argv[1]);const b=typeof p.bin==="string"?p.bin:Object.values(p.bin)[0];console.log(require("path").join(process.argv[2],b))' "$PKG/package.json" "$PKG")
[ -f "$BIN" ] || { echo "pgfence CLI not found at $BIN" >&2; exit 1; }
echo "$BIN"
