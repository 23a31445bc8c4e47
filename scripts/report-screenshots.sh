#!/bin/sh
# Screening reports as a user sees them, for three Yongjia sites: a parcel by 龙湾潭 (D12,
# restricted), a county road across the red line (D06, a line site) and a parcel outside the
# county (D28). Writes the HTML report (`redline screen --format html`) and the viewer's PDF
# reports, renders the HTML with headless Chromium and the PDFs with pdftoppm, and refreshes the
# README images docs/img/report-html.png and docs/img/report-page1.png.
# Usage: scripts/report-screenshots.sh [BUILD_DIR] [OUT_DIR]   (defaults build/release, build/reports)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build/release}
OUT=${2:-build/reports}
REDLINE="$BUILD/engine/cli/redline"
VIEWER="$BUILD/viewer/redline-viewer"
ZONES=datasets/yongjia/catalog.yaml
CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "report-screenshots: chromium is missing (scripts/install-deps.sh)" >&2; exit 1; }
rm -rf "$OUT"
mkdir -p "$OUT/png" docs/img

ogr2ogr -f GeoJSON "$OUT/sites.geojson" datasets/yongjia/sites.gpkg \
    -where "site_id IN ('D06', 'D12', 'D28')"
"$REDLINE" screen --zones "$ZONES" --sites "$OUT/sites.geojson" --format html \
    --output "$OUT/report.html"
QT_QPA_PLATFORM=offscreen "$VIEWER" --zones "$ZONES" --sites "$OUT/sites.geojson" \
    --report "$OUT/pdf" > /dev/null

# Chromium runs as root in containers only without its sandbox; its profile goes to $OUT.
"$CHROMIUM" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$OUT/chromium" --window-size=1000,2300 \
    --screenshot="$OUT/png/report-html.png" "file://$PWD/$OUT/report.html" 2> /dev/null
for pdf in "$OUT"/pdf/*.pdf; do
    pdftoppm -png -r 70 "$pdf" "$OUT/png/$(basename "$pdf" .pdf)"
done
cp "$OUT/png/report-html.png" docs/img/report-html.png
pdftoppm -png -r 70 -f 1 -l 1 -singlefile "$OUT/pdf/D12_report.pdf" docs/img/report-page1
echo "$OUT/report.html, $(ls "$OUT"/pdf/*.pdf | wc -l) PDF reports; PNGs in $OUT/png"
