#!/usr/bin/env bash
# Quick start, part 1: install what is needed, build (Release), decode the bundled sample feed, then run the
# detection engine over a simulated Indian Ocean scenario.
# Usage: scripts/run.sh [extra arguments for `sagar decode`]
set -euo pipefail
cd "$(dirname "$0")/.."
.ci/install-deps.sh
cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release -DSAGAR_BUILD_TESTS=OFF -DSAGAR_BUILD_BENCH=OFF >/dev/null
cmake --build build/release --target sagar
sagar=build/release/bin/sagar

echo "== sagar decode --stats data/sample.nmea (first 5 records; all of them in build/release/sample.jsonl)" >&2
"$sagar" decode --stats "$@" data/sample.nmea > build/release/sample.jsonl
head -n 5 build/release/sample.jsonl

scenario=build/release/scenario
echo "== sagar simulate --seed 1 --out $scenario (300 vessels, 48 h)" >&2
rm -rf "$scenario"
"$sagar" simulate --seed 1 --out "$scenario"
echo "== sagar detect over $scenario/feed.nmea (events in $scenario/events.jsonl; truth in $scenario/truth.jsonl)" >&2
"$sagar" detect --stats --zones "$scenario/zones.geojson" --ports "$scenario/ports.csv" \
    --detections "$scenario/detections.csv" "$scenario/feed.nmea" > "$scenario/events.jsonl"
grep -v '"port_call"\|"zone_e' "$scenario/events.jsonl" | head -n 8
