#!/bin/sh
# Screenshots of redline-viewer on the Yongjia data for the README, made on the offscreen platform
# (no display needed): docs/img/viewer.png (county, all sites screened), docs/img/viewer-site.png
# (one site selected, its overlap parts drawn, hits listed), docs/img/viewer-basemap.png (the
# SYNTHETIC demo relief of scripts/demo-basemap.sh under the zoning, the 三区三线 panel listing the
# overlaps; OVERLAP=N steps it to the N-th and zooms there) and docs/img/print-basemap.png (an A3 print with that basemap, rasterised from the
# PDF by pdftoppm).
# Usage: scripts/screenshot-viewer.sh [BUILD_DIR]   (default build/release)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build/release}
VIEWER="$BUILD/viewer/redline-viewer"
ZONES=${ZONES:-datasets/yongjia/zoning.gpkg}
SITES=${SITES:-datasets/yongjia/sites.gpkg}
SITE=${SITE:-D01}
BASEMAP=${BASEMAP:-build/demo/relief.tif}
OVERLAP=${OVERLAP:-}
mkdir -p docs/img build/print
export QT_QPA_PLATFORM=offscreen
"$VIEWER" --zones "$ZONES" --sites "$SITES" --screenshot docs/img/viewer.png
"$VIEWER" --zones "$ZONES" --sites "$SITES" --select "$SITE" --screenshot docs/img/viewer-site.png
[ -f "$BASEMAP" ] || scripts/demo-basemap.sh "$BASEMAP" > /dev/null
"$VIEWER" --zones "$ZONES" --sites "$SITES" --basemap "$BASEMAP" \
    ${OVERLAP:+--overlap "$OVERLAP"} --screenshot docs/img/viewer-basemap.png
"$VIEWER" --zones "$ZONES" --sites "$SITES" --basemap "$BASEMAP" --paper A3 --landscape \
    --dpi 150 --print build/print/yongjia-basemap-a3.pdf
pdftoppm -png -r 60 -singlefile build/print/yongjia-basemap-a3.pdf docs/img/print-basemap
