#!/usr/bin/env bash
# Installs the reference ccusage (native binary, pinned version) for the parity tests, once per machine:
#   install-ccusage.sh VERSION CACHE_DIR   ->  CACHE_DIR/ccusage (a link to the native binary)
# Without node/npm it only warns: the parity tests then fail with a message saying what is missing.
set -euo pipefail
version="$1"
cache="$2"

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux-x64 ;;
  Linux-aarch64) platform=linux-arm64 ;;
  Darwin-arm64) platform=darwin-arm64 ;;
  Darwin-x86_64) platform=darwin-x64 ;;
  *) echo "[ccusage] no native ccusage package for $(uname -s)-$(uname -m)" >&2; exit 0 ;;
esac
binary="$cache/node_modules/@ccusage/ccusage-$platform/bin/ccusage"

if [ ! -x "$binary" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[ccusage] npm not found: cannot install ccusage $version for the parity tests" >&2
    exit 0
  fi
  mkdir -p "$cache"
  # the native package is named explicitly: optional dependencies are not always resolved by registries/mirrors
  npm install --prefix "$cache" --no-audit --no-fund --loglevel=error \
    "ccusage@$version" "@ccusage/ccusage-$platform@$version" >&2
  chmod +x "$binary" # npm does not always keep the mode of a binary outside "bin"
fi
ln -sf "$binary" "$cache/ccusage"
