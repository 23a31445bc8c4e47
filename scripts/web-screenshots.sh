#!/usr/bin/env bash
# Screenshots of the web page for the README (docs/img/web-*.png): runs the real-browser test
# (tests/server/test_web.py: headless Debian chromium at 1366×768 against a live `redline serve`
# on a random loopback port), which saves them while it signs in, screens, opens the reports
# (the PDF report's first page as web-report-pdf.png, through pdftoppm).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh --target redline
cd tests/server
REDLINE_SCREENSHOT_DIR="$PWD/../../docs/img" REDLINE_CLI="$PWD/../../build/release/engine/cli/redline" \
REDLINE_SOURCE_DIR="$PWD/../.." REDLINE_SERVICE_PDF=1 PYTHONDONTWRITEBYTECODE=1 \
  /usr/bin/python3 -m unittest test_web
ls -l ../../docs/img/web-*.png
