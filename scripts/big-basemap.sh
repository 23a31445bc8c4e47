#!/usr/bin/env bash
# A 2 GB GeoTIFF for the raster basemap benchmark (viewer/bench/RasterBench.cpp): the SYNTHETIC
# demo relief (scripts/demo-basemap.sh, made first if missing) resampled to 2.7 m pixels over the
# same extent — 26,000 × 27,100 pixels × 3 bytes, uncompressed, tiled 256 × 256 — with overviews
# 2…64 in the file, as a county orthophoto would be delivered. Not committed (build/demo/).
# Usage: scripts/big-basemap.sh [OUT.tif]   (default build/demo/relief-2gb.tif)
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:-build/demo/relief-2gb.tif}
SRC=build/demo/relief.tif
[ -f "$SRC" ] || scripts/demo-basemap.sh "$SRC" >/dev/null
mkdir -p "$(dirname "$OUT")"
gdal_translate -q -r bilinear -outsize 26000 27100 -co TILED=YES -co BIGTIFF=YES \
    -co COMPRESS=NONE "$SRC" "$OUT.tmp.tif"
gdaladdo -q -r average --config COMPRESS_OVERVIEW NONE "$OUT.tmp.tif" 2 4 8 16 32 64
mv "$OUT.tmp.tif" "$OUT"
echo "$OUT"
