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
# --threads N (default all cores). Writes to the --out folder:
#   postgis_pairs.csv   site_id,layer,zone_id,area_m2,length_m,contains  (every ST_Intersects pair)
#   redline.csv         redline's CSV for all sites (header once)
#   timings.env         postgis_s=, redline_1t_s=, redline_nt_s=, ratio_1t=, ratio_nt=, ...
# Exit codes: 0 done, 1 failure, 2 usage, 77 PostgreSQL/PostGIS/ogr2ogr missing (ctest skip).
set -euo pipefail

usage() { sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

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
SQL
    t1="$(now)"
    cat "$tmp/timed.csv" >>"$out/postgis_timed.csv"
    cpu="$(awk -v a="$(cpu_of "$tmp/stat0")" -v b="$(cpu_of "$tmp/stat1")" 'BEGIN { printf "%.3f", b - a }')"
    echo "postgis-compare: PostGIS $l: $(elapsed "$t0" "$t1") s wall, $cpu s CPU" >&2
    postgis_s="$(awk -v a="$postgis_s" -v b="$(elapsed "$t0" "$t1")" 'BEGIN { printf "%.3f", a + b }')"
    postgis_cpu_s="$(awk -v a="$postgis_cpu_s" -v b="$cpu" 'BEGIN { printf "%.3f", a + b }')"
done

# Not timed: the same pairs with what the parity check needs for lines and points too.
{
    echo "site_id,layer,zone_id,area_m2,length_m,contains"
    for l in "${layers[@]}"; do
        psqlq -c "SET extra_float_digits = 3;" -c "COPY (
            SELECT site_id, '$l', zone_id, ST_Area(i), ST_Length(i), contains FROM (
                SELECT s.site_id, z.\"${idcol[$l]}\" AS zone_id,
                       ST_Intersection(s.geom, z.geom) AS i,
                       CASE WHEN ST_Dimension(s.geom) = 0 THEN ST_Contains(z.geom, s.geom) END
                           AS contains
                FROM ($sites_sql) s JOIN \"$l\" z ON ST_Intersects(s.geom, z.geom)) q
            ) TO STDOUT WITH (FORMAT csv)"
    done
} >"$out/postgis_pairs.csv"

# redline on the same files: one run per site file, store loading included in its time.
# Sets run_wall and run_cpu (user + sys of the redline process, all threads).
run_redline()
{
    local n="$1" csv="$2" f TIMEFORMAT='%R %U %S'
    run_wall=0
    run_cpu=0
    : >"$csv"
    for f in sites.gpkg $( ((have4490)) && echo sites_4490.gpkg); do
        { time "$redline" screen --zones "$workload/zoning.gpkg" --sites "$workload/$f" \
              --rules none --buffer 0 --format csv --threads "$n" \
              --output "$tmp/redline_part.csv" 2>&3; } 3>&2 2>"$tmp/time"
        read -r w u s <"$tmp/time"
        run_wall="$(awk -v a="$run_wall" -v b="$w" 'BEGIN { printf "%.3f", a + b }')"
        run_cpu="$(awk -v a="$run_cpu" -v b="$u" -v c="$s" 'BEGIN { printf "%.3f", a + b + c }')"
        if [[ -s "$csv" ]]; then tail -n +2 "$tmp/redline_part.csv" >>"$csv"
        else cat "$tmp/redline_part.csv" >"$csv"; fi
    done
}
run_redline 1 "$out/redline_1t.csv"
redline_1t_s="$run_wall"
redline_1t_cpu_s="$run_cpu"
echo "postgis-compare: redline, 1 thread: $redline_1t_s s wall, $redline_1t_cpu_s s CPU" >&2
run_redline "$threads" "$out/redline.csv"
redline_nt_s="$run_wall"
redline_nt_cpu_s="$run_cpu"
nthreads="$threads"; [[ "$threads" != 0 ]] || nthreads="$(nproc)"
echo "postgis-compare: redline, $nthreads threads: $redline_nt_s s wall, $redline_nt_cpu_s s CPU" >&2
same_output=yes
cmp -s "$out/redline_1t.csv" "$out/redline.csv" || same_output=no

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
redline_1t_s=$redline_1t_s
redline_1t_cpu_s=$redline_1t_cpu_s
redline_nt_s=$redline_nt_s
redline_nt_cpu_s=$redline_nt_cpu_s
redline_threads=$nthreads
ratio_1t=$(ratio "$postgis_s" "$redline_1t_s")
ratio_nt=$(ratio "$postgis_s" "$redline_nt_s")
ratio_cpu_1t=$(ratio "$postgis_cpu_s" "$redline_1t_cpu_s")
redline_1t_equals_nt=$same_output
EOF
cat "$out/timings.env"
