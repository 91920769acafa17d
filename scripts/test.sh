#!/usr/bin/env bash
# Installs everything the test suite needs and runs every check (lint, types, tests).
# System packages: Debian's chromium (HTML report tests), npm (axe-core, the HTML report's
# accessibility audit), tmux (real-terminal test) and wordnet-base (the test that
# scripts/build_wordnet.py regenerates the packaged data); gcc compiles the core
# (srcdiff/_core.pyx, srcdiff/align/_kernels.pyx) when pip installs srcdiff.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v gcc >/dev/null 2>&1 || need+=(gcc)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v npm >/dev/null 2>&1 || need+=(npm)
[ -f /usr/share/wordnet/data.noun ] || need+=(wordnet-base)
if [ ${#need[@]} -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" fonts-dejavu-core >/dev/null
fi

python3 -m pip install -q -e '.[test]'
# axe-core at the version and hash pinned in tests/axe/package-lock.json (git-ignored).
[ -f tests/axe/node_modules/axe-core/axe.min.js ] ||
    npm ci --prefix tests/axe --no-audit --no-fund --loglevel=error
python3 -m pytest "$@"
