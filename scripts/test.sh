#!/usr/bin/env bash
# The README's second command (and CI's): install, build everything, run every test but `slow`.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install-deps.sh
./scripts/build.sh
ctest --preset release -j "$(nproc)"
