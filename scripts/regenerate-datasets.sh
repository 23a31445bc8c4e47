#!/usr/bin/env bash
# Rebuilds redline-datagen and rewrites the committed demo dataset in datasets/yongjia/.
# The generator is deterministic: running this on an unchanged tree reproduces the same features
# (tests/integration/YongjiaDatasetTest.cpp checks it). Extra arguments go to the generator,
# e.g. `scripts/regenerate-datasets.sh --seed 7` (then the tests will, rightly, fail).
# Benchmark store (not committed):
#   build/datagen/datasets/redline-datagen --scale 30 --sites 100000 --out /tmp/province
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build/datagen}
shared=${REDLINE_SHARED_DIR:-$root/../shared}
cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DREDLINE_BUILD_VIEWER=OFF -DREDLINE_BUILD_BENCH=OFF >/dev/null
ninja -C "$build" redline-datagen
"$build/datasets/redline-datagen" --out "$root/datasets/yongjia" --shared "$shared" "$@"
