#!/bin/sh
# Headless prints with redline-viewer (offscreen platform): the county overlay map (A3 landscape
# PDF + a PNG preview for the README), one map per site and one screening report per site of the
# Yongjia sites file, then checks that every PDF opens (pdfinfo).
# Usage: scripts/print-maps.sh [BUILD_DIR] [OUT_DIR]   (defaults build/release, build/print)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build/release}
OUT=${2:-build/print}
VIEWER="$BUILD/viewer/redline-viewer"
ZONES=${ZONES:-datasets/yongjia/zoning.gpkg}
SITES=${SITES:-datasets/yongjia/sites.gpkg}
mkdir -p "$OUT" docs/img
"$VIEWER" --zones "$ZONES" --sites "$SITES" --print "$OUT/yongjia-a3.pdf" --paper A3 --landscape
"$VIEWER" --zones "$ZONES" --sites "$SITES" --per-site "$OUT/maps" --report "$OUT/reports"
# README image: the printed map, rasterised from the PDF itself (the report images come from
# scripts/report-screenshots.sh).
pdftoppm -png -r 60 -singlefile "$OUT/yongjia-a3.pdf" docs/img/print-a3
fail=0
for f in "$OUT/yongjia-a3.pdf" "$OUT"/maps/*.pdf "$OUT"/reports/*.pdf; do
    pdfinfo "$f" > /dev/null 2>&1 || { echo "cannot open $f" >&2; fail=1; }
done
echo "$(ls "$OUT"/maps/*.pdf | wc -l) site maps, $(ls "$OUT"/reports/*.pdf | wc -l) reports in $OUT"
exit $fail
