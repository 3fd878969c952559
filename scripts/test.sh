#!/usr/bin/env bash
# Quick start, part 2: install what is needed, build and run every test.
#   - formatting (clang-format) and static analysis (clang-tidy) checks;
#   - the developer build (warnings as errors) under AddressSanitizer + UndefinedBehaviorSanitizer, all tests;
#   - the Release build, all tests again (the corpus tests compare with ../shared/corpora when present);
#   - a short libFuzzer run of every fuzz target (FUZZ_SECONDS per target, default 45; see docs/fuzzing.md).
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps.sh
jobs=$(nproc)

echo "== format check"
scripts/check-format.sh

echo "== developer build with address + undefined sanitizers"
cmake -S . -B build/asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSAGAR_DEVELOPER_MODE=ON -DSAGAR_SANITIZE=ON \
    -DSAGAR_BUILD_TESTS=ON -DSAGAR_BUILD_BENCH=OFF >/dev/null
cmake --build build/asan -j "$jobs"
echo "== clang-tidy"
scripts/check-tidy.sh build/asan
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/asan --output-on-failure --no-tests=error -j "$jobs"

echo "== release build"
# Tests and benchmarks are named explicitly: scripts/run.sh configures the same directory without them.
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAGAR_DEVELOPER_MODE=ON -DSAGAR_BUILD_TESTS=ON \
    -DSAGAR_BUILD_BENCH=ON >/dev/null
cmake --build build/release -j "$jobs"
ctest --test-dir build/release --output-on-failure --no-tests=error -j "$jobs"

echo "== fuzzing (short run)"
.ci/fuzz.sh
