#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test.
#   scripts/test.sh              the release build's tests
#   scripts/test.sh --sanitize   the same tests under ASan and UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh "$@"

build_dir=build
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-asan
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
fi
cd "$build_dir"
ctest --output-on-failure --timeout 600 -j 2
