#!/usr/bin/env bash
# The README's second command (and CI's, through .ci/run): install, build everything, run every
# test but `slow`; then the sanitizer runs (STYLE.md B6):
#   - preset asan: every non-GUI test under ASan + UBSan, halting on the first error;
#   - preset tsan: the `concurrency` label under TSan (suppressions: tests/tsan.supp).
# The sanitizer builds compile only what their tests need. REDLINE_SANITIZERS=0 skips them.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="$(nproc)"

./scripts/install-deps.sh
./scripts/build.sh
ctest --preset release -j "$jobs"

[ "${REDLINE_SANITIZERS:-1}" = 0 ] && exit 0

echo "test.sh: ASan + UBSan build and tests"
cmake --preset asan >/dev/null
cmake --build --preset asan -j "$jobs"
ctest --preset asan -j "$jobs"

echo "test.sh: TSan build and the concurrency tests"
cmake --preset tsan >/dev/null
cmake --build --preset tsan -j "$jobs" --target redline_concurrency_tests
ctest --preset tsan -j "$jobs"
