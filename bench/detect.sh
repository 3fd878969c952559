#!/usr/bin/env bash
# Configures a Release build, builds sagar and sagar_detect_bench, then measures the detection engine on the
# simulator's largest scenario against gpsdecode (docs/performance.md, "Detection engine"). The scenario is
# generated once into $BUILD_DIR/bench-data/ and reused.
#
#   bench/detect.sh                                   # build-bench/, 100,000 vessels, 12 h
#   BUILD_DIR=build-f bench/detect.sh --runs 5 --gpsdecode-runs 3
# Arguments are passed to sagar_detect_bench (see the top of bench/detect_bench.cpp).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-bench}"
JOBS="${JOBS:-2}"

cmake -S "$ROOT" -G Ninja -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
    -DSAGAR_BUILD_BENCH=ON -DSAGAR_SANITIZE=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target sagar sagar_detect_bench

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
    "load $(cut -d' ' -f1-3 /proc/loadavg); $(c++ --version | head -1)"
"$BUILD_DIR/bin/sagar_detect_bench" "$@"
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
