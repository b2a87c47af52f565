#!/usr/bin/env bash
# Installs the real `openai` npm client (pinned version) for the gateway's OpenAI system test, once per machine:
#   install-openai.sh VERSION CACHE_DIR   ->  CACHE_DIR/node_modules/openai
# The test runs it with node's own test runner against the server's gateway and a scripted upstream; no network.
# Without npm it only warns: the test then fails with a message saying what is missing.
set -euo pipefail
version="$1"
cache="$2"
installed="$cache/node_modules/openai/package.json"

if [ ! -f "$installed" ] || ! grep -q "\"version\": \"$version\"" "$installed"; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[openai] npm not found: cannot install openai $version for the gateway test" >&2
    exit 0
  fi
  mkdir -p "$cache"
  echo "[openai] installing openai@$version into $cache (once)" >&2
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error --ignore-scripts "openai@$version" >&2
fi
grep '"version"' "$installed" >&2
