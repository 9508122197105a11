#!/usr/bin/env bash
# Installs what welfare-ledger needs from Debian 12's packages, if missing.
# Needs root (or sudo). Safe to run again: it installs only what is absent.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config clang-format
  libgrpc++-dev protobuf-compiler-grpc libprotobuf-dev protobuf-compiler
  librocksdb-dev libabsl-dev libgtest-dev libgmock-dev libssl-dev
  # The HTML report's test renders it in a headless browser, with a Thai font.
  chromium fonts-tlwg-loma-otf
  # The reflection test's client: Debian's python3 with gRPC and protobuf.
  python3-grpcio python3-protobuf
  # scripts/fuzz.sh: clang-14 and its libFuzzer and sanitizer runtimes
  # (libclang_rt.fuzzer is only recommended, and recommends are not
  # installed).
  clang-14 libclang-rt-14-dev
)

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$package")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "setup: every package is installed"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo=()
if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
