#!/usr/bin/env bash
# Quick start, part 1: install what is needed, build (Release) and decode the bundled sample feed.
# Usage: scripts/run.sh [extra arguments for `sagar decode`]
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAGAR_BUILD_TESTS=OFF -DSAGAR_BUILD_BENCH=OFF >/dev/null
cmake --build build/release --target sagar
echo "== sagar decode --stats data/sample.nmea (first 5 records; all of them in build/release/sample.jsonl)" >&2
build/release/bin/sagar decode --stats "$@" data/sample.nmea > build/release/sample.jsonl
head -n 5 build/release/sample.jsonl
