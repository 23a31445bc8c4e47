#!/usr/bin/env bash
# Builds the libFuzzer targets (preset `fuzz`: clang, ASan + UBSan) and runs each one for SECONDS
# (default 60), one after the other, starting from its seed corpus tests/fuzz/corpus/<target>/.
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: jzd vertex_rows rule_file catalog
# Inputs found to add coverage go to build/fuzz/corpus/<target>/ (kept between runs, not in the
# repository); crashing inputs to build/fuzz/findings/<target>/, logs to build/fuzz/<target>.log.
# Prints each target's executions and coverage; exits 1 when any target found a crash or an input
# that ran longer than FUZZ_TIMEOUT seconds (default 10; raise it on a loaded machine, where a
# starved process can pass 10 s on an input that takes 0.4 s alone).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
[ $# -gt 0 ] && shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(jzd vertex_rows rule_file catalog)

cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "${JOBS:-$(nproc)}" --target "${targets[@]/#/fuzz_}"

# The importers and the catalog target read files: give them a scratch folder in memory.
scratch="$(mktemp -d "/dev/shm/redline-fuzz.XXXXXX" 2>/dev/null || mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export ASAN_OPTIONS="abort_on_error=1:detect_leaks=1:symbolize=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"

status=0
printf '%-12s %10s %7s %8s %8s %6s  %s\n' target executions exec/s cov ft corpus result
for t in "${targets[@]}"; do
  work="build/fuzz/corpus/$t"
  findings="build/fuzz/findings/$t"
  log="build/fuzz/$t.log"
  mkdir -p "$work" "$findings"
  result=ok
  TMPDIR="$scratch" "build/fuzz/tests/fuzz/fuzz_$t" "$work" "tests/fuzz/corpus/$t" \
    -max_total_time="$seconds" -timeout="${FUZZ_TIMEOUT:-10}" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$findings/" >"$log" 2>&1 || {
    status=1
    result="CRASH (see $log)"
    if grep -q 'ERROR: libFuzzer: timeout' "$log"; then result="TIMEOUT (see $log)"; fi
  }
  execs="$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)"
  rate="$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)"
  last="$(grep -E '^#[0-9]+' "$log" | tail -1 || true)"
  cov="$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")"
  ft="$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")"
  corp="$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")"
  printf '%-12s %10s %7s %8s %8s %6s  %s\n' "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
exit "$status"
