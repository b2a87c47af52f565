#!/usr/bin/env bash
# Installs the real Claude Code CLI (pinned version) for the system tests, once per machine:
#   install-claude-code.sh VERSION CACHE_DIR   ->  CACHE_DIR/claude (a link to the CLI)
# The tests run it offline against a scripted Messages API; no login or network is needed.
# Without npm it only warns: the Claude Code tests then fail with a message saying what is missing.
set -euo pipefail
version="$1"
cache="$2"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  *) echo "[claude-code] no native Claude Code package for $(uname -s)-$(uname -m)" >&2; exit 0 ;;
esac
cli="$cache/node_modules/.bin/claude"

if [ ! -x "$cli" ] || ! "$cli" --version 2>/dev/null | grep -q "^$version "; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[claude-code] npm not found: cannot install Claude Code $version for the system tests" >&2
    exit 0
  fi
  mkdir -p "$cache"
  echo "[claude-code] installing @anthropic-ai/claude-code@$version into $cache (about 400 MB, once)" >&2
  # the native package is named explicitly: optional dependencies are not always resolved by registries/mirrors
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
    "@anthropic-ai/claude-code@$version" "@anthropic-ai/claude-code-$platform@$version" >&2
fi
ln -sf "$cli" "$cache/claude"
"$cache/claude" --version >&2
