#!/usr/bin/env bash
# PostGIS and redline side by side on the seeded benchmark workloads of issue 13, one table:
#
#   scripts/bench-compare.sh [--build DIR] [--out DIR] [--province] [--scaling] [--threads N]
#                            [--qa-only] [--coordination]
#
# Always the county workload (10,000 sites, redline-bench-gen --size county). --province adds the
# province workload (store x30, 100,000 sites; about 10 minutes, most of it loading PostGIS).
# --scaling adds the scaling table's rows: 1,000 and 100,000 sites against the county store, and
# the store x10 and x30 against 10,000 sites. Each workload is generated once into OUT/<name>/
# (seeded: the same files every time) and compared by scripts/postgis-compare.sh: throw-away
# PostGIS, GiST indexes, one query per layer, load excluded; `redline screen --rules none
# --buffer 0 --format csv` as whole processes with the store cache in place, peak memory from
# /usr/bin/time; every (site, zone) pair checked. Then `redline check` and `redline stats` on the
# county (and province) store, each a whole process under /usr/bin/time. Prints the Markdown
# tables and writes them to OUT/table.md; details per workload in OUT/<name>-compare/timings.env.
# --qa-only times only `redline check` and `redline stats` (no PostGIS, no screening; writes
# OUT/qa-table.md). --coordination adds the stores <size>-coordination: the same stores plus the
# 三区三线 layers (redline-bench-gen --coordination), so that `redline check` times the red line x
# farmland / development boundary check too. Exits 1 when a pair disagrees with PostGIS or a
# command fails.
set -euo pipefail
cd "$(dirname "$0")/.."

build=build/release
out=build/bench-results
threads=0
workloads=(county)
qa_only=0
coordination=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build) build="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        --province) workloads+=(province); shift ;;
        --scaling) workloads+=(sites1k sites100k store10 store30); shift ;;
        --qa-only) qa_only=1; shift ;;
        --coordination) coordination=1; shift ;;
        -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
        *) echo "bench-compare: unknown argument '$1'" >&2; exit 2 ;;
    esac
done
cmake --build "$build" --target redline redline-bench-gen >/dev/null
redline="$build/engine/cli/redline"
gen="$build/tests/bench/redline-bench-gen"
load1="$(cut -d' ' -f1 /proc/loadavg)"
if awk -v l="$load1" 'BEGIN { exit !(l >= 0.5) }'; then
    echo "bench-compare: warning: load average $load1: the machine is not idle, wall-clock" \
         "figures will be too long (the CPU columns stay meaningful)" >&2
fi
mkdir -p "$out"

generate()
{
    local name="$1" dir="$out/$1"
    [[ -f "$dir/sites_4490.gpkg" ]] && return
    case "$name" in
        county) "$gen" --size county --out "$dir" ;;
        province) "$gen" --size province --out "$dir" ;;
        sites1k) "$gen" --size county --sites 1000 --out "$dir" ;;
        sites100k) "$gen" --size county --sites 100000 --out "$dir" ;;
        store10) "$gen" --size county --store-scale 10 --out "$dir" ;;
        store30) "$gen" --size county --store-scale 30 --out "$dir" ;;
        county-coordination) "$gen" --size county --coordination --out "$dir" ;;
        province-coordination) "$gen" --size province --coordination --out "$dir" ;;
    esac >&2
}

value() { sed -n "s/^$2=//p" "$1"; }

table="$out/table.md"
[[ $qa_only == 1 ]] && table="$out/qa-table.md"
status=0
if [[ $qa_only == 0 ]]; then
{
    echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
    echo
    echo "| workload | sites | pairs | PostGIS | redline 1 thread | redline $( [[ $threads == 0 ]] && nproc || echo "$threads") threads | ratio | CPU: PostGIS backend / redline 1 thread | redline peak | PostGIS backend peak | first run (writes the cache) | pairs outside tolerance |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
} >"$table"
for w in "${workloads[@]}"; do
    generate "$w"
    echo "bench-compare: $w" >&2
    rc=0
    scripts/postgis-compare.sh --workload "$out/$w" --out "$out/$w-compare" \
        --redline "$redline" --threads "$threads" >/dev/null || rc=$?
    [[ $rc == 77 ]] && { echo "bench-compare: PostgreSQL/PostGIS missing, skipped" >&2; exit 77; }
    [[ $rc == 0 ]] || status=1
    t="$out/$w-compare/timings.env"
    echo "| $w | $(value "$t" sites) | $(value "$t" pairs_postgis) | $(value "$t" postgis_s) s | $(value "$t" redline_1t_s) s | $(value "$t" redline_nt_s) s | **$(value "$t" ratio_nt)×** | $(value "$t" postgis_cpu_s) s / $(value "$t" redline_1t_cpu_s) s = $(value "$t" ratio_cpu_1t)× | $(value "$t" redline_peak_mb) MB | $(value "$t" postgis_peak_mb) MB | $(value "$t" redline_cache_build_s) s | $(value "$t" pairs_outside_tolerance) (+$(value "$t" pairs_missing) missing, $(value "$t" pairs_extra) extra) |" >>"$table"
done
else
    echo "Machine: $(nproc) cores, load average at start $(cut -d' ' -f1-3 /proc/loadavg)" >"$table"
fi

# Zoning QA and statistics on the stores (issue 13 item 6): wall, CPU (user + sys), peak memory.
{
    echo
    echo "| store | \`redline check\` wall | CPU | peak | \`redline stats\` wall | CPU | peak |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
} >>"$table"
qa_stores=()
for w in "${workloads[@]}"; do
    [[ $w == county || $w == province ]] || continue
    qa_stores+=("$w")
    [[ $coordination == 1 ]] && qa_stores+=("$w-coordination")
done
for w in "${qa_stores[@]}"; do
    generate "$w"
    row="| $w"
    for cmd in check stats; do
        rc=0
        rm -f "$out/$w-$cmd.json"
        /usr/bin/time -o "$out/$w-$cmd.time" -f '%e %U %S %M' "$redline" "$cmd" \
            --zones "$out/$w/zoning.gpkg" --format json -o "$out/$w-$cmd.json" || rc=$?
        # `redline check` exits 1 when it found QA errors (the coordination stores' overlaps):
        # that is a result, not a failure, when the report was written.
        [[ $rc == 0 || ($cmd == check && $rc == 1 && -s "$out/$w-$cmd.json") ]] ||
            { echo "bench-compare: redline $cmd on $w failed ($rc)" >&2; status=1; }
        read -r wall user sys peak < <(tail -n 1 "$out/$w-$cmd.time")
        row+=" | $wall s | $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') s | $((peak / 1024)) MB"
    done
    echo "$row |" >>"$table"
done
cat "$table"
exit "$status"
