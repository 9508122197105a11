#!/usr/bin/env bash
# Builds welfare-ledger with CMake and Ninja.
#   scripts/build.sh                      everything, release with debug info, in build/
#   scripts/build.sh --sanitize           everything with ASan + UBSan, in build-asan/
#   scripts/build.sh [--sanitize] T...    only the named targets (e.g. welfared welfare)
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-asan
  options=(-DCMAKE_BUILD_TYPE=Debug -DWELFARE_SANITIZE=ON)
  shift
fi

cmake -S . -B "$build_dir" -G Ninja "${options[@]}" >/dev/null
ninja -C "$build_dir" "$@"
