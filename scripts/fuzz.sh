#!/usr/bin/env bash
# Builds the libFuzzer targets of fuzz/ with clang-14, ASan and UBSan in
# build-fuzz/, runs each, and prints a table of what each run did.
#   scripts/fuzz.sh [--seconds N] [--runs N] [target...]
# See --help.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
  cat <<'EOF'
Usage: scripts/fuzz.sh [--seconds N] [--runs N] [target...]

Installs what is missing (scripts/setup.sh), builds the fuzz targets
(fuzz/<target>_fuzzer.cc) with clang-14, libFuzzer,
AddressSanitizer and UndefinedBehaviorSanitizer in build-fuzz/, then runs
each target in turn over its corpus, build-fuzz/corpus/<target>/ (the seeds
of fuzz/corpus/<target>/ are copied in first; what the run finds stays there
for the next run). Prints, per target, the inputs executed, the final
coverage (cov: edges, ft: features) and executions per second.

  --seconds N   run each target for N seconds (libFuzzer -max_total_time)
  --runs N      run each target for N inputs (libFuzzer -runs); with
                --seconds too, whichever comes first. Default: 60 seconds.
  target...     only these (default: all): page_token stored_entry
                signed_note merkle_proof csv_import rulebook_json ledger_rpc
                audit_fold
  --help        this text

Exits 1 if any target crashed (or a sanitizer reported), printing the file
that holds the input, under build-fuzz/crashes/<target>/. Replay one with
  build-fuzz/fuzz/<target>_fuzzer FILE
Every crash found is fixed with a unit test that names the target, and its
input joins fuzz/corpus/<target>/ (regression_*). FUZZ_JOBS=N limits the
build to N jobs.
EOF
}

seconds=""
runs=""
targets=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --seconds) seconds=${2:?--seconds needs a number}; shift 2 ;;
    --seconds=*) seconds=${1#*=}; shift ;;
    --runs) runs=${2:?--runs needs a number}; shift 2 ;;
    --runs=*) runs=${1#*=}; shift ;;
    -h|--help) usage; exit 0 ;;
    -*) echo "fuzz: unknown flag $1 (see --help)" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
for number in "$seconds" "$runs"; do
  if [[ -n "$number" && ! "$number" =~ ^[0-9]+$ ]]; then
    echo "fuzz: \"$number\" is not a number (see --help)" >&2
    exit 2
  fi
done
if [[ -z "$seconds" && -z "$runs" ]]; then seconds=60; fi
if [[ ${#targets[@]} -eq 0 ]]; then
  for source in fuzz/*_fuzzer.cc; do
    name=$(basename "$source" _fuzzer.cc)
    targets+=("$name")
  done
fi
for target in "${targets[@]}"; do
  if [[ ! -f "fuzz/${target}_fuzzer.cc" ]]; then
    echo "fuzz: no target \"$target\" (fuzz/${target}_fuzzer.cc)" >&2
    exit 2
  fi
done

scripts/setup.sh
build="build-fuzz"
CC=clang-14 CXX=clang++-14 cmake -S . -B "$build" -G Ninja \
  -DWELFARE_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
binaries=()
for target in "${targets[@]}"; do binaries+=("${target}_fuzzer"); done
nice -n 10 ninja -C "$build" ${FUZZ_JOBS:+-j "$FUZZ_JOBS"} "${binaries[@]}"

export ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
limits=()
if [[ -n "$seconds" ]]; then limits+=("-max_total_time=$seconds"); fi
if [[ -n "$runs" ]]; then limits+=("-runs=$runs"); fi

rows=()
crashed=0
for target in "${targets[@]}"; do
  corpus="$build/corpus/$target"
  crashes="$build/crashes/$target"
  log="$build/logs/$target.log"
  mkdir -p "$corpus" "$crashes" "$(dirname "$log")"
  if [[ -d "fuzz/corpus/$target" ]]; then
    cp -n "fuzz/corpus/$target"/* "$corpus"/ 2>/dev/null || true
  fi
  dictionary=()
  if [[ -f "fuzz/$target.dict" ]]; then
    dictionary=("-dict=fuzz/$target.dict")
  fi
  echo "fuzz: $target (${seconds:+$seconds s}${seconds:+${runs:+, }}${runs:+$runs runs}); log in $log"
  status=0
  nice -n 10 "$build/fuzz/${target}_fuzzer" "${limits[@]}" \
    "${dictionary[@]}" -print_final_stats=1 -artifact_prefix="$crashes/" \
    "$corpus" >"$log" 2>&1 || status=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+.* cov: ' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  result=ok
  if [[ $status -ne 0 ]]; then
    crashed=1
    result=CRASH
    artifact=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -1)
    echo "fuzz: $target crashed (exit $status): ${artifact:-no input written; see $log}" >&2
    grep -m 5 -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*check failed)' \
      "$log" >&2 || true
  fi
  rows+=("$(printf '%-14s %12s %8s %8s %10s  %s' "$target" "${execs:--}" \
    "${cov:--}" "${ft:--}" "${speed:--}" "$result")")
done

echo
printf '%-14s %12s %8s %8s %10s  %s\n' target execs cov ft exec/s result
for row in "${rows[@]}"; do echo "$row"; done
exit $crashed
