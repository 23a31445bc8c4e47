#!/usr/bin/env bash
# Side-by-side run of the same screening task in PostGIS and in redline (issue 2, item 7).
#
#   scripts/postgis-compare.sh --workload DIR --out DIR [--redline PATH] [--threads N]
#
# DIR holds zoning.gpkg (conventional layers, EPSG:4549), sites.gpkg and optionally
# sites_4490.gpkg (as written by redline-bench-gen). The script starts a throw-away PostgreSQL 15
# cluster in a temporary folder (unix socket only, stopped and removed on exit), loads the data
# with ogr2ogr, builds GiST indexes, then times, load excluded and single-threaded,
#   SELECT s.site_id, z.<id>, ST_Area(ST_Intersection(s.geom, z.geom))
#   FROM sites s JOIN <layer> z ON ST_Intersects(s.geom, z.geom)
# for each zoning layer (EPSG:4490 sites go through ST_Transform(geom, 4549) in the query), and
# `redline screen --rules none --buffer 0 --format csv` on the same files with 1 thread and with
# --threads N (default all cores), each run a whole process under /usr/bin/time (wall, CPU, peak
# memory): once untimed first to write the store cache beside zoning.gpkg (reported as
# redline_cache_build_s), then timed with the cache as every later run finds it. Finally every
# (site, zone) pair is checked: same pairs, areas and lengths within 1e-6 relative or 0.01 m².
# Writes to the --out folder:
#   postgis_pairs.csv   site_id,layer,zone_id,area_m2,length_m,contains  (every ST_Intersects pair)
#   redline.csv         redline's CSV for all sites (header once)
#   timings.env         postgis_s=, redline_1t_s=, redline_nt_s=, ratio_1t=, ratio_nt=,
#                       redline_peak_mb=, postgis_peak_mb=, pairs_*=, ...
# Exit codes: 0 done, 1 failure, 2 usage, 77 PostgreSQL/PostGIS/ogr2ogr missing (ctest skip).
set -euo pipefail

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

workload=""
out=""
redline="${REDLINE:-}"
threads=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --workload) workload="$2"; shift 2 ;;
        --out) out="$2"; shift 2 ;;
        --redline) redline="$2"; shift 2 ;;
        --threads) threads="$2"; shift 2 ;;
        -h|--help) usage ;;
        *) echo "postgis-compare: unknown argument '$1'" >&2; usage ;;
    esac
done
[[ -n "$workload" && -n "$out" ]] || usage
if [[ -z "$redline" ]]; then
    for candidate in build/release/engine/cli/redline build/*/engine/cli/redline; do
        [[ -x "$candidate" ]] && { redline="$candidate"; break; }
    done
fi
[[ -x "$redline" ]] || { echo "postgis-compare: redline CLI not found (use --redline)" >&2; exit 1; }
for f in zoning.gpkg sites.gpkg; do
    [[ -f "$workload/$f" ]] || { echo "postgis-compare: $workload/$f: no such file" >&2; exit 1; }
done
workload="$(cd "$workload" && pwd)"
redline="$(cd "$(dirname "$redline")" && pwd)/$(basename "$redline")"
mkdir -p "$out"
out="$(cd "$out" && pwd)"

skip() { echo "postgis-compare: SKIP: $*" >&2; exit 77; }
pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
[[ -x "$pgbin/initdb" && -x "$pgbin/pg_ctl" ]] ||
    skip "PostgreSQL 15 binaries not found in $pgbin (install postgresql-15)"
sharedir="$("$pgbin/pg_config" --sharedir 2>/dev/null || echo /usr/share/postgresql/15)"
[[ -f "$sharedir/extension/postgis.control" ]] ||
    skip "PostGIS extension not found in $sharedir/extension (install postgresql-15-postgis-3)"
command -v ogr2ogr >/dev/null || skip "ogr2ogr not found (install gdal-bin)"
ogr2ogr --formats 2>/dev/null | grep -q PostgreSQL || skip "GDAL has no PostgreSQL driver"

# PostgreSQL refuses to run as root: run the cluster as the 'postgres' user when we are root.
as_pg=()
if [[ "$(id -u)" == 0 ]]; then
    id postgres >/dev/null 2>&1 || skip "running as root and there is no 'postgres' user"
    as_pg=(runuser -u postgres --)
fi

tmp="$(mktemp -d /tmp/redline-pg.XXXXXX)"
chmod 755 "$tmp"
[[ ${#as_pg[@]} -eq 0 ]] || chown postgres "$tmp"
port=5432 # the socket lives in our own folder, so the port number cannot clash
cleanup()
{
    if [[ -f "$tmp/data/postmaster.pid" ]]; then
        "${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$tmp"
}
trap cleanup EXIT INT TERM

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", b - a }'; }

echo "postgis-compare: starting a throw-away PostgreSQL cluster in $tmp" >&2
"${as_pg[@]}" "$pgbin/initdb" -D "$tmp/data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
    >"$tmp/initdb.log" 2>&1 || { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
    -o "-k $tmp -p $port -c listen_addresses='' -c fsync=off -c synchronous_commit=off -c shared_buffers=256MB -c work_mem=64MB" \
    start >/dev/null || { cat "$tmp/server.log" >&2; exit 1; }

db=redline_compare
pg="host=$tmp port=$port user=postgres dbname=$db"
"$pgbin/createdb" -h "$tmp" -p "$port" -U postgres "$db"
psqlq() { "$pgbin/psql" "$pg" -X -q -v ON_ERROR_STOP=1 "$@"; }
psqlq -c "CREATE EXTENSION postgis;" >/dev/null
echo "postgis-compare: $(psqlq -At -c 'SELECT postgis_full_version()' | cut -c1-120)" >&2

# Load (not timed): one table per zoning layer, sites, sites_4490.
load() { ogr2ogr -f PostgreSQL "PG:$pg" "$@" -lco GEOMETRY_NAME=geom -lco SPATIAL_INDEX=NONE \
             -lco FID=fid -lco LAUNDER=NO; }
load "$workload/zoning.gpkg"
load "$workload/sites.gpkg" -nln sites
have4490=0
if [[ -f "$workload/sites_4490.gpkg" ]]; then
    load "$workload/sites_4490.gpkg" -nln sites_4490
    have4490=1
fi

declare -A idcol=([ecological_redline]=zone_id [control_units]=unit_code
                  [water_protection_zones]=zone_id [protected_areas]=zone_id
                  [prohibited_zones]=zone_id)
layers=()
for l in ecological_redline control_units water_protection_zones protected_areas prohibited_zones; do
    if [[ "$(psqlq -At -c "SELECT to_regclass('public.$l') IS NOT NULL")" == t ]]; then
        layers+=("$l")
    fi
done
[[ ${#layers[@]} -gt 0 ]] || { echo "postgis-compare: no conventional zoning layer loaded" >&2; exit 1; }
for t in "${layers[@]}" sites $( ((have4490)) && echo sites_4490); do
    psqlq -c "CREATE INDEX ON \"$t\" USING GIST (geom);" -c "VACUUM ANALYZE \"$t\";"
    invalid="$(psqlq -At -c "SELECT count(*) FROM \"$t\" WHERE NOT ST_IsValid(geom)")"
    [[ "$invalid" == 0 ]] || echo "postgis-compare: warning: $t has $invalid invalid geometries" >&2
done

# Sites in EPSG:4490 are reprojected in the query, as a user would do.
sites_sql="SELECT site_id, geom FROM sites"
((have4490)) && sites_sql+=" UNION ALL SELECT site_id, ST_Transform(geom, 4549) FROM sites_4490"

# Timed: the plain task of the issue, one query per layer, results written to a file. Wall time
# is taken around psql; CPU time is the backend's own (utime + stime from /proc/self/stat, read
# by the server process itself), which is what matters on a busy machine.
tck="$(getconf CLK_TCK)"
cpu_of() { awk -v t="$tck" '{ printf "%.3f", ($14 + $15) / t }' "$1"; }
postgis_s=0
postgis_cpu_s=0
postgis_peak_kb=0
: >"$out/postgis_timed.csv"
for l in "${layers[@]}"; do
    t0="$(now)"
    psqlq -At <<SQL
SET max_parallel_workers_per_gather = 0;
\\o $tmp/stat0
SELECT pg_read_file('/proc/self/stat');
\\o $tmp/timed.csv
COPY (SELECT s.site_id, '$l', z."${idcol[$l]}", ST_Area(ST_Intersection(s.geom, z.geom))
      FROM ($sites_sql) s JOIN "$l" z ON ST_Intersects(s.geom, z.geom)) TO STDOUT WITH (FORMAT csv);
\\o $tmp/stat1
SELECT pg_read_file('/proc/self/stat');
\\o $tmp/status1
SELECT pg_read_file('/proc/self/status');
SQL
    t1="$(now)"
    cat "$tmp/timed.csv" >>"$out/postgis_timed.csv"
    cpu="$(awk -v a="$(cpu_of "$tmp/stat0")" -v b="$(cpu_of "$tmp/stat1")" 'BEGIN { printf "%.3f", b - a }')"
    echo "postgis-compare: PostGIS $l: $(elapsed "$t0" "$t1") s wall, $cpu s CPU" >&2
    postgis_s="$(awk -v a="$postgis_s" -v b="$(elapsed "$t0" "$t1")" 'BEGIN { printf "%.3f", a + b }')"
    postgis_cpu_s="$(awk -v a="$postgis_cpu_s" -v b="$cpu" 'BEGIN { printf "%.3f", a + b }')"
    hwm="$(awk '/^VmHWM:/ { print $2 }' "$tmp/status1")"
    [[ -z "$hwm" || "$hwm" -le "$postgis_peak_kb" ]] || postgis_peak_kb="$hwm"
done

# Not timed: the same pairs with what the parity check needs for lines and points too (length
# for line sites only: a polygon touching along an edge has an overlap length of 0 in redline).
{
    echo "site_id,layer,zone_id,area_m2,length_m,contains"
    for l in "${layers[@]}"; do
        psqlq -c "SET extra_float_digits = 3;" -c "COPY (
            SELECT site_id, '$l', zone_id, ST_Area(i),
                   CASE WHEN dim = 1 THEN ST_Length(i) ELSE 0 END, contains FROM (
                SELECT s.site_id, z.\"${idcol[$l]}\" AS zone_id, ST_Dimension(s.geom) AS dim,
                       ST_Intersection(s.geom, z.geom) AS i,
                       CASE WHEN ST_Dimension(s.geom) = 0 THEN ST_Contains(z.geom, s.geom) END
                           AS contains
                FROM ($sites_sql) s JOIN \"$l\" z ON ST_Intersects(s.geom, z.geom)) q
            ) TO STDOUT WITH (FORMAT csv)"
    done
} >"$out/postgis_pairs.csv"

# redline on the same files: one process per site file, store loading included in its time.
# Sets run_wall, run_cpu (user + sys, all threads) and run_peak_kb (largest peak resident set).
run_redline()
{
    local n="$1" csv="$2" f w u s m
    run_wall=0
    run_cpu=0
    run_peak_kb=0
    : >"$csv"
    for f in sites.gpkg $( ((have4490)) && echo sites_4490.gpkg); do
        /usr/bin/time -o "$tmp/time" -f '%e %U %S %M' "$redline" screen \
            --zones "$workload/zoning.gpkg" --sites "$workload/$f" --rules none --buffer 0 \
            --format csv --threads "$n" --output "$tmp/redline_part.csv"
        read -r w u s m <"$tmp/time"
        run_wall="$(awk -v a="$run_wall" -v b="$w" 'BEGIN { printf "%.3f", a + b }')"
        run_cpu="$(awk -v a="$run_cpu" -v b="$u" -v c="$s" 'BEGIN { printf "%.3f", a + b + c }')"
        [[ "$m" -le "$run_peak_kb" ]] || run_peak_kb="$m"
        if [[ -s "$csv" ]]; then tail -n +2 "$tmp/redline_part.csv" >>"$csv"
        else cat "$tmp/redline_part.csv" >"$csv"; fi
    done
}
[[ -x /usr/bin/time ]] || { echo "postgis-compare: /usr/bin/time missing (install time)" >&2; exit 1; }
# The first run writes the store cache (zoning.gpkg.redline-cache); later runs map it.
rm -f "$workload/zoning.gpkg.redline-cache"
run_redline "$threads" "$tmp/warmup.csv"
redline_cache_build_s="$run_wall"
redline_cache_build_peak_mb=$((run_peak_kb / 1024))
echo "postgis-compare: redline, first run (writes the store cache): $run_wall s wall" >&2
run_redline 1 "$out/redline_1t.csv"
redline_1t_s="$run_wall"
redline_1t_cpu_s="$run_cpu"
echo "postgis-compare: redline, 1 thread: $redline_1t_s s wall, $redline_1t_cpu_s s CPU" >&2
run_redline "$threads" "$out/redline.csv"
redline_nt_s="$run_wall"
redline_nt_cpu_s="$run_cpu"
redline_peak_mb=$((run_peak_kb / 1024))
nthreads="$threads"; [[ "$threads" != 0 ]] || nthreads="$(nproc)"
echo "postgis-compare: redline, $nthreads threads: $redline_nt_s s wall, $redline_nt_cpu_s s CPU, peak $redline_peak_mb MB" >&2
same_output=yes
cmp -s "$out/redline_1t.csv" "$out/redline.csv" || same_output=no

# Every pair: PostGIS (site_id,layer,zone_id,area_m2,length_m,contains) against redline's CSV
# (site_id,site_name,verdict,layer,kind,zone_id,zone_name,overlap_m2,overlap_mu,site_share,
# overlap_length_m,...). Names hold no commas in these workloads: plain field splitting works.
pair_check="$(awk -F, '
    function near(a, b,   d, m) { d = a - b; if (d < 0) d = -d; m = (a < 0 ? -a : a)
                                  return d <= 0.01 || d <= 1e-6 * m }
    FNR == 1 { next }
    FILENAME == ARGV[1] { k = $1 SUBSEP $2 SUBSEP $3; pa[k] = $4 + 0; pl[k] = $5 + 0; np++; next }
    $4 == "" { next }
    { k = $1 SUBSEP $4 SUBSEP $6; nr++
      if (!(k in pa)) { extra++; next }
      seen[k] = 1
      d = $8 - pa[k]; if (d < 0) d = -d; if (d > worst) worst = d
      if (!near($8 + 0, pa[k]) || !near($11 + 0, pl[k])) bad++ }
    END { for (k in pa) if (!(k in seen)) missing++
          printf "pairs_postgis=%d\npairs_redline=%d\npairs_missing=%d\npairs_extra=%d\n", np, nr, missing, extra
          printf "pairs_outside_tolerance=%d\npairs_largest_area_difference_m2=%.6f\n", bad, worst }
' "$out/postgis_pairs.csv" "$out/redline.csv")"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1f", a / b; else print "inf" }'; }
nsites="$(psqlq -At -c "SELECT (SELECT count(*) FROM sites)$( ((have4490)) && echo ' + (SELECT count(*) FROM sites_4490)')")"
cat >"$out/timings.env" <<EOF
sites=$nsites
layers=${layers[*]}
postgis_version=$(psqlq -At -c 'SELECT postgis_lib_version()')
postgis_geos=$(psqlq -At -c 'SELECT postgis_geos_version()')
postgis_pairs=$(($(wc -l <"$out/postgis_pairs.csv") - 1))
load_average=$(cut -d' ' -f1-3 /proc/loadavg)
postgis_s=$postgis_s
postgis_cpu_s=$postgis_cpu_s
postgis_peak_mb=$((postgis_peak_kb / 1024))
redline_cache_build_s=$redline_cache_build_s
redline_cache_build_peak_mb=$redline_cache_build_peak_mb
redline_1t_s=$redline_1t_s
redline_1t_cpu_s=$redline_1t_cpu_s
redline_nt_s=$redline_nt_s
redline_nt_cpu_s=$redline_nt_cpu_s
redline_threads=$nthreads
redline_peak_mb=$redline_peak_mb
ratio_1t=$(ratio "$postgis_s" "$redline_1t_s")
ratio_nt=$(ratio "$postgis_s" "$redline_nt_s")
ratio_cpu_1t=$(ratio "$postgis_cpu_s" "$redline_1t_cpu_s")
redline_1t_equals_nt=$same_output
$pair_check
EOF
cat "$out/timings.env"
bad_pairs="$(awk -F= '/^pairs_(missing|extra|outside_tolerance)=/ { n += $2 } END { print n + 0 }' "$out/timings.env")"
[[ "$bad_pairs" == 0 ]] || { echo "postgis-compare: $bad_pairs pairs disagree with PostGIS" >&2; exit 1; }
