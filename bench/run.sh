#!/usr/bin/env bash
# Configures a Release build, builds sagar and sagar_bench, checks that sagar and gpsdecode emit the same
# number of records on a sample of the corpus, then runs the benchmark (docs/performance.md).
#
#   bench/run.sh                          # build-bench/, 1.5 M sentences
#   BUILD_DIR=build-f bench/run.sh --sentences 3000000 --cli-runs 5
# Arguments are passed to sagar_bench (see the top of bench/sagar_bench.cpp).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BUILD_DIR:-$ROOT/build-bench}"
JOBS="${JOBS:-2}"

cmake -S "$ROOT" -G Ninja -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release \
    -DSAGAR_BUILD_BENCH=ON -DSAGAR_BUILD_TESTS=OFF -DSAGAR_SANITIZE=OFF >/dev/null
cmake --build "$BUILD_DIR" -j "$JOBS" --target sagar sagar_bench

echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores," \
    "load $(cut -d' ' -f1-3 /proc/loadavg); $(c++ --version | head -1)"

# Same records from both decoders on a sample, so that the timings compare like with like.
sample="$(mktemp "${TMPDIR:-/tmp}/sagar-bench-sample.XXXXXX")"
trap 'rm -f "$sample"' EXIT
"$BUILD_DIR/bin/sagar_bench" --sentences 20000 --iterations 1 --cli-runs 1 --keep-corpus "$sample" >/dev/null
if command -v gpsdecode >/dev/null; then
    ours=$("$BUILD_DIR/bin/sagar" decode "$sample" | wc -l)
    theirs=$(gpsdecode -j <"$sample" | wc -l)
    echo "records on a 20000-sentence sample: sagar $ours, gpsdecode $theirs"
fi

"$BUILD_DIR/bin/sagar_bench" "$@"
