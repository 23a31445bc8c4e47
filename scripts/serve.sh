#!/usr/bin/env bash
# The README's third command: install, build `redline`, create the demo accounts (first run
# only: approver `demo`, reviewer `reviewer`, passwords in out/demo-accounts.txt) and serve the
# bundled Yongjia store on http://127.0.0.1:8080 until Ctrl-C. Extra arguments go to
# `redline serve` (e.g. --listen 127.0.0.1:9090).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh --target redline
R=build/release/engine/cli/redline
ZONES=datasets/yongjia/catalog.yaml
mkdir -p out
if ! $R users list --zones "$ZONES" 2>/dev/null | grep -q '^demo\b'; then
  umask 077
  : > out/demo-accounts.txt
  for account in demo:approver reviewer:reviewer; do
    name=${account%%:*}; role=${account##*:}
    password=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
    printf '%s\n' "$password" | $R users add --zones "$ZONES" "$name" --role "$role" --password-stdin
    printf '%s %s %s\n' "$name" "$role" "$password" >> out/demo-accounts.txt
  done
  echo "serve: demo accounts and passwords in out/demo-accounts.txt"
fi
exec $R serve --zones "$ZONES" "$@"
