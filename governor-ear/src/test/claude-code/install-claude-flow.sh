#!/usr/bin/env bash
# Installs the real Claude-Flow CLI (pinned version) for the swarm system test, once per machine:
#   install-claude-flow.sh VERSION CACHE_DIR   ->  CACHE_DIR/claude-flow (a link to the CLI)
# `claude-flow hive-mind spawn --claude` starts the `claude` on the PATH; the test puts the pinned Claude Code
# there and runs both offline against a scripted Messages API.
# Without install scripts and optional dependencies: the native modules (better-sqlite3, hnswlib-node, argon2,
# onnxruntime-node, ...) are optional, `hive-mind init|spawn` does not load them, and skipping them needs no
# compiler and no download outside the npm registry (about 50 s and 120 MB instead of 5 min and 350 MB).
# Without npm it only warns: the Claude-Flow test then fails with a message saying what is missing.
set -euo pipefail
version="$1"
cache="$2"
cli="$cache/node_modules/.bin/claude-flow"

if [ ! -x "$cli" ] || ! "$cli" --version 2>/dev/null | grep -q "v$version\$"; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[claude-flow] npm not found: cannot install claude-flow $version for the system tests" >&2
    exit 0
  fi
  mkdir -p "$cache"
  echo "[claude-flow] installing claude-flow@$version into $cache (about 120 MB, once; no install scripts," \
    "no optional dependencies)" >&2
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error --ignore-scripts --omit=optional \
    "claude-flow@$version" >&2
fi
ln -sf "$cli" "$cache/claude-flow"
"$cache/claude-flow" --version >&2
