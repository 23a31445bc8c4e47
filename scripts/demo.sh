#!/usr/bin/env bash
# The README's first command: install, build, and screen the bundled Yongjia sites against the
# bundled zoning store. Results go to out/ (JSON, CSV and GeoPackage).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh --target redline
mkdir -p out
REDLINE=build/release/engine/cli/redline
ZONES=datasets/yongjia/catalog.yaml
SITES=datasets/yongjia/sites.gpkg
$REDLINE screen --zones "$ZONES" --sites "$SITES" --format json --output out/screening.json
$REDLINE screen --zones "$ZONES" --sites "$SITES" --format csv --output out/screening.csv
$REDLINE screen --zones "$ZONES" --sites "$SITES" --format gpkg --output out/screening.gpkg
echo "demo: wrote out/screening.json, out/screening.csv and out/screening.gpkg"
echo "demo: verdicts per site:"
python3 - <<'PY' 2>/dev/null || cut -d, -f1-3 out/screening.csv | sort -u
import json
r = json.load(open("out/screening.json"))
for s in r["sites"]:
    print(f'  {s["site_id"]:>6}  {s["verdict"]:<13} {len(s["hits"]):>2} hits  {s["name"]}')
PY
