#!/usr/bin/env bash
# Runs the screening benchmarks and the PostGIS comparison on the same county workload
# (issue 2, item 7). Figures end up in docs/benchmarks.md (copied by hand; no timed assertions).
#
#   scripts/bench.sh [BUILD_DIR] [OUT_DIR]     (defaults: build/release, build/bench-results)
#
# Writes OUT_DIR/workload/ (zoning.gpkg, sites.gpkg, sites_4490.gpkg: 10,000 seeded sites),
# OUT_DIR/compare/ (PostGIS vs redline CLI: timings.env, postgis_pairs.csv, redline.csv) and
# OUT_DIR/bench.json + bench.txt (Google Benchmark). Extra arguments for redline_bench can be
# given in $BENCH_ARGS (e.g. BENCH_ARGS=--benchmark_filter=Screen).
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build/release}"
out="${2:-build/bench-results}"
[[ -f "$build/build.ninja" || -f "$build/Makefile" ]] ||
    { echo "bench.sh: $build is not a configured build folder (cmake --preset release)" >&2; exit 2; }
cmake --build "$build" --target redline redline-bench-gen redline_bench
mkdir -p "$out"

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
if [[ ! -f "$out/workload/sites_4490.gpkg" ]]; then
    "$build/tests/bench/redline-bench-gen" --size county --out "$out/workload"
fi

echo "== PostGIS vs redline CLI (load excluded for PostGIS; store loading included for redline)"
status=0
scripts/postgis-compare.sh --workload "$out/workload" --out "$out/compare" \
    --redline "$build/engine/cli/redline" || status=$?
if [[ $status == 77 ]]; then
    echo "bench.sh: PostGIS comparison skipped (PostgreSQL 15 / PostGIS missing)"
elif [[ $status != 0 ]]; then
    exit "$status"
fi

echo "== Google Benchmark (redline_bench)"
# shellcheck disable=SC2086 # BENCH_ARGS is a list of options
REDLINE_BENCH_DATA="$out/workload" "$build/tests/bench/redline_bench" \
    --benchmark_counters_tabular=true --benchmark_out="$out/bench.json" \
    --benchmark_out_format=json ${BENCH_ARGS:-} | tee "$out/bench.txt"
