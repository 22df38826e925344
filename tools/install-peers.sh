#!/usr/bin/env bash
# Install the peer implementations that `workbench-bench` compares the workbench against.
#
# The benchmark harness never installs anything itself; a missing peer is reported as "missing".
# This script is idempotent: packages already present are left alone, and apt-get is only
# called when something is actually missing. CPython 3.11 is expected to come from the machine
# (python3 on PATH); the harness resolves the real binary via sys.executable.
#
# Usage: tools/install-peers.sh        (needs root, or sudo available)
set -euo pipefail

# Debian package names (bookworm): pypy3, guile-3.0, chezscheme, swi-prolog-nox, gcc.
packages=(pypy3 guile-3.0 chezscheme swi-prolog-nox gcc)

missing=()
for pkg in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$pkg")
    fi
done

if [ ${#missing[@]} -eq 0 ]; then
    echo "install-peers: all peers already installed: ${packages[*]}"
    exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        sudo_cmd=(sudo)
    else
        echo "install-peers: need root (or sudo) to install: ${missing[*]}" >&2
        exit 1
    fi
fi

echo "install-peers: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"

# Report what the harness will find.
for cmd in pypy3 guile chezscheme swipl gcc; do
    if command -v "$cmd" >/dev/null 2>&1; then
        echo "install-peers: $cmd -> $(command -v "$cmd")"
    else
        echo "install-peers: $cmd not on PATH after install" >&2
    fi
done
