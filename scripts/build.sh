#!/usr/bin/env bash
# Builds welfare-ledger with CMake and Ninja.
#   scripts/build.sh              release build with debug info, in build/
#   scripts/build.sh --sanitize   AddressSanitizer + UBSan build, in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=build
options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
if [[ "${1:-}" == "--sanitize" ]]; then
  build_dir=build-asan
  options=(-DCMAKE_BUILD_TYPE=Debug -DWELFARE_SANITIZE=ON)
fi

cmake -S . -B "$build_dir" -G Ninja "${options[@]}" >/dev/null
ninja -C "$build_dir"
