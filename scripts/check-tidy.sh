#!/usr/bin/env bash
# Runs clang-tidy (14) on the library and program sources with the compile database of build dir $1.
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/asan}
files=$(git ls-files 'src/*.cpp' 'apps/*.cpp')
printf '%s\n' $files | xargs -P "$(nproc)" -n 4 clang-tidy-14 -p "$build" --quiet 2>/dev/null
