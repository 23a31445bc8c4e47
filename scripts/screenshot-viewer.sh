#!/bin/sh
# Screenshot of redline-viewer on the Yongjia data for the README, made on the offscreen platform
# (no display needed): docs/img/viewer.png (county, all sites screened) and
# docs/img/viewer-site.png (one site selected, its overlap parts drawn, hits listed).
# Usage: scripts/screenshot-viewer.sh [BUILD_DIR]   (default build/release)
set -eu
cd "$(dirname "$0")/.."
BUILD=${1:-build/release}
VIEWER="$BUILD/viewer/redline-viewer"
ZONES=${ZONES:-datasets/yongjia/zoning.gpkg}
SITES=${SITES:-datasets/yongjia/sites.gpkg}
SITE=${SITE:-D01}
mkdir -p docs/img
export QT_QPA_PLATFORM=offscreen
"$VIEWER" --zones "$ZONES" --sites "$SITES" --screenshot docs/img/viewer.png
"$VIEWER" --zones "$ZONES" --sites "$SITES" --select "$SITE" --screenshot docs/img/viewer-site.png
