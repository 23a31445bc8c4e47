#!/usr/bin/env bash
# Manual check (not in .ci/run) that the web page works in Debian's Firefox ESR: installs
# firefox-esr, serves a copy of the Yongjia store on a free loopback port with a throw-away
# approver, and drives a headless Firefox through Marionette (scripts/web-firefox-check.py):
# sign in, upload datasets/yongjia/sites_jzd.txt, choose a project type, screen, read the verdict,
# fetch the PDF report, sign out. Screenshot: build/screenshots/web-firefox.png.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v firefox-esr >/dev/null || apt-get install -y --no-install-recommends firefox-esr
./scripts/build.sh --target redline
R=$PWD/build/release/engine/cli/redline
WORK=$(mktemp -d /tmp/redline-firefox-XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
cp -r datasets/yongjia "$WORK/store"
PASSWORD=$(head -c 18 /dev/urandom | base64)
printf '%s\n' "$PASSWORD" | $R users add --zones "$WORK/store/catalog.yaml" firefox --role approver --password-stdin
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
$R serve --zones "$WORK/store/catalog.yaml" --listen "127.0.0.1:$PORT" >"$WORK/serve.log" 2>&1 &
PIDS+=($!)
mkdir -p "$WORK/profile" build/screenshots
HOME=$WORK firefox-esr --headless --marionette --no-remote --profile "$WORK/profile" >"$WORK/firefox.log" 2>&1 &
PIDS+=($!)
sleep 3
python3 scripts/web-firefox-check.py "http://127.0.0.1:$PORT" firefox "$PASSWORD" \
    "$PWD/datasets/yongjia/sites_jzd.txt" build/screenshots/web-firefox.png
echo "web-firefox-check: $(firefox-esr --version), screenshot in build/screenshots/web-firefox.png"
