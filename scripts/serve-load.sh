#!/usr/bin/env bash
# Load benchmark of `redline serve` (issue 11; not a test): against loopback only, bounded in
# time. Each request screens one site on the Yongjia store (random 20–300 m squares in the
# county, as GeoJSON in CRS84 — what a web client sends — or with WKT in EPSG:4549: FORMAT=wkt),
# sent by `wrk` over CLIENTS keep-alive connections for DURATION:
# 1) closed loop (saturation): each connection sends its next request as soon as the answer
#    arrives, so the rate is what the service sustains;
# 2) open loop: the connections together offer a fixed RATE of requests per second on a fixed
#    clock, whatever the latency (scripts/serve-load.lua), so the latencies are those of a
#    service offered that rate.
# For each, the service's resident memory is sampled every 5 s, its CPU time per answer is taken
# from /proc (the meaningful figure when other work shares the machine), and afterwards the
# ledger must hold one entry per answered request.
# 3) One 10,000-site upload, screened synchronously, against `redline screen` on the same file.
# Usage: scripts/serve-load.sh [DURATION=60s] [CLIENTS=200] [RATE=2000];
# FORMAT=geojson|wkt; RUNS="closed open upload" (any of them); REDLINE=path of another redline.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-60s}
CLIENTS=${2:-200}
RATE=${3:-2000}
RUNS=${RUNS:-closed open upload}
FORMAT=${FORMAT:-geojson}
R=${REDLINE:-$PWD/build/release/engine/cli/redline} # REDLINE=…: another build, to compare
ZONES=$PWD/datasets/yongjia/catalog.yaml
[ -x "$R" ] || ./scripts/build.sh --target redline
command -v wrk >/dev/null || { echo "serve-load: install wrk (scripts/install-deps.sh)"; exit 1; }

WORK=$(mktemp -d /tmp/redline-load-XXXXXX)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT

echo "serve-load: machine before the run: $(uptime)"
printf 'load test password\n' | $R users add --db "$WORK/service.sqlite" load --role approver --password-stdin
TOKEN=$($R users token --db "$WORK/service.sqlite" load)
cat > "$WORK/server.yaml" <<YAML
rate_limit: {per_second: 1000000, burst: 1000000}
limits: {keep_alive_requests: 1000000}
YAML

python3 - "$WORK" "$FORMAT" <<'PY'
import json, random, subprocess, sys
work, fmt = sys.argv[1], sys.argv[2]
rnd = random.Random(11)
squares = []
for _ in range(2000):
    x, y, w = rnd.uniform(545000, 590000), rnd.uniform(3105000, 3155000), rnd.uniform(20, 300)
    squares.append([(x, y), (x + w, y), (x + w, y + w), (x, y + w), (x, y)])
with open(f"{work}/bodies.jsonl", "w") as out:
    if fmt == "wkt":
        for r in squares:
            wkt = "POLYGON ((" + ", ".join(f"{x:.2f} {y:.2f}" for x, y in r) + "))"
            out.write(json.dumps({"inputs": {"site_wkt": wkt}}) + "\n")
    else:
        pts = "\n".join(f"{y} {x}" for r in squares for x, y in r)  # EPSG:4549: northing first
        ll = subprocess.run(["cs2cs", "-f", "%.8f", "EPSG:4549", "OGC:CRS84"], input=pts.encode(),
                            capture_output=True, check=True).stdout.decode().split("\n")
        for i in range(len(squares)):
            ring = [[float(v) for v in ll[i * 5 + k].split()[:2]] for k in range(5)]
            site = {"type": "Feature", "properties": {"site_id": f"L{i}"},
                    "geometry": {"type": "Polygon", "coordinates": [ring]}}
            out.write(json.dumps({"inputs": {"sites": site}}, separators=(",", ":")) + "\n")
# The 10,000-site file for the upload test (GeoJSON in EPSG:4549).
rnd = random.Random(12)
feats = []
for i in range(10000):
    x, y, w = rnd.uniform(545000, 590000), rnd.uniform(3105000, 3155000), rnd.uniform(20, 300)
    feats.append({"type": "Feature", "properties": {"site_id": f"U{i}"}, "geometry": {
        "type": "Polygon", "coordinates": [[[x, y], [x + w, y], [x + w, y + w], [x, y + w], [x, y]]]}})
json.dump({"type": "FeatureCollection", "crs": {"type": "name", "properties": {
    "name": "urn:ogc:def:crs:EPSG::4549"}}, "features": feats}, open(f"{work}/sites10k.geojson", "w"))
PY

$R serve --zones "$ZONES" --listen 127.0.0.1:0 --db "$WORK/service.sqlite" \
   --config "$WORK/server.yaml" > "$WORK/serve.out" 2> "$WORK/serve.err" &
SERVER_PID=$!
for _ in $(seq 100); do grep -q "listening on" "$WORK/serve.out" && break; sleep 0.1; done
URL=$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.out")
echo "serve-load: service at $URL (pid $SERVER_PID); $CLIENTS clients for $DURATION, $FORMAT sites"

rss() { awk '/VmRSS/ {print $2}' "/proc/$SERVER_PID/status"; }
# CPU seconds the service has used (user + system).
cpu() { awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$SERVER_PID/stat"; }
ledger() { sqlite3 "$WORK/service.sqlite" "SELECT COUNT(*) FROM ledger"; }
# Warm-up: every worker thread prepares the zones it meets (not counted).
wrk -t2 -c"$CLIENTS" -d5s -s scripts/serve-load.lua "$URL" -- "$WORK/bodies.jsonl" "$TOKEN" > /dev/null
echo "serve-load: RSS after warm-up $(rss) kB"

# One wrk run named "$1"; "$2" requests/s for each of the 2 wrk threads makes it open-loop.
load_run() {
  local name=$1 rate=${2:-} before cpu_before after cpu_after sampler answers
  before=$(ledger)
  cpu_before=$(cpu)
  echo "serve-load: $name: machine $(uptime)"
  ( while kill -0 "$SERVER_PID" 2>/dev/null; do rss; sleep 5; done ) > "$WORK/rss.log" &
  sampler=$!
  REDLINE_LOAD_RATE=$rate wrk -t2 -c"$CLIENTS" -d"$DURATION" --timeout 10s --latency \
      -s scripts/serve-load.lua "$URL" -- "$WORK/bodies.jsonl" "$TOKEN" | tee "$WORK/wrk.txt"
  kill $sampler 2>/dev/null || true
  wait $sampler 2>/dev/null || true
  after=$(ledger)
  cpu_after=$(cpu)
  answers=$(awk '/requests in/ {print $1}' "$WORK/wrk.txt")
  echo "serve-load: $name: RSS samples (kB): $(tr '\n' ' ' < "$WORK/rss.log")"
  echo "serve-load: $name: ledger entries written during the run: $((after - before))" \
       "(failed screenings in the whole ledger: $(sqlite3 "$WORK/service.sqlite" \
       "SELECT COUNT(*) FROM ledger WHERE outcome <> 'successful'"))"
  awk -v a="$cpu_before" -v b="$cpu_after" -v n="$answers" 'BEGIN {
    printf "serve-load: %s: service CPU %.1f s for %d answers: %.3f ms per screening\n",
           "'"$name"'", b - a, n, n ? (b - a) * 1000 / n : 0 }'
}

if [[ " $RUNS " == *" closed "* ]]; then
  echo "serve-load: closed loop (saturation): $CLIENTS connections for $DURATION"
  load_run closed
fi
if [[ " $RUNS " == *" open "* ]]; then
  echo "serve-load: open loop: $CLIENTS connections offering $RATE requests/s for $DURATION"
  load_run open "$(awk -v r="$RATE" 'BEGIN {print r / 2}')"
fi
[[ " $RUNS " == *" upload "* ]] || exit 0

echo "serve-load: 10,000-site upload (synchronous) vs redline screen on the same file"
cd "$WORK"
CLI_START=$(date +%s.%N)
$R screen --zones "$ZONES" --sites sites10k.geojson > cli.json
CLI_END=$(date +%s.%N)
SRV=$(curl -s -o served.json -w '%{time_total}' -H "Authorization: Bearer $TOKEN" \
      -F sites=@sites10k.geojson "$URL/processes/screen/execution")
python3 - "$CLI_START" "$CLI_END" "$SRV" <<'PY'
import json, sys
cli = float(sys.argv[2]) - float(sys.argv[1]); srv = float(sys.argv[3])
a, b = json.load(open("cli.json")), json.load(open("served.json"))
same = a["sites"] == b["sites"]
print(f"serve-load: CLI {cli:.2f} s, service {srv:.2f} s, ratio {srv / cli:.2f}; "
      f"{len(b['sites'])} sites, results identical: {same}")
PY
echo "serve-load: machine after the run: $(uptime)"
