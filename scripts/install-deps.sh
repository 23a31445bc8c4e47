#!/usr/bin/env bash
# Installs exactly the Debian 12 packages Redline needs to build, test, benchmark and print.
# Idempotent: does nothing when everything is already installed.
set -euo pipefail

PACKAGES=(
  # toolchain
  g++ cmake ninja-build pkg-config
  # engine
  libgdal-dev gdal-bin libgeos-dev libproj-dev proj-bin proj-data libboost-dev libtbb-dev
  libcli11-dev nlohmann-json3-dev libyaml-cpp-dev sqlite3 libpq-dev libxxhash-dev
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev
  # fuzzing (scripts/fuzz.sh: clang's libFuzzer; llvm-symbolizer for readable reports)
  clang libfuzzer-14-dev llvm-14
  # viewer, printing and its tests
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev fonts-noto-cjk poppler-utils xvfb xauth
  # report tests and screenshots: an independent SVG renderer, a browser for the HTML report
  librsvg2-bin chromium
  # the screening service (redline serve): Argon2id/SHA-256, zipped uploads, its HTTP tests
  # (python3 standard library) and its load benchmark (scripts/serve-load.sh); LZ4 for the
  # ledger's report archives
  libsodium-dev libzip-dev libsqlite3-dev liblz4-dev python3 curl jq wrk
  # the service's web page: its map library, and the real-browser test
  libjs-leaflet chromium-driver python3-selenium
  # PostGIS stores (scripts/postgis-up.sh, integration tests) and the side-by-side comparison
  postgresql-15 postgresql-15-postgis-3 time
)

SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#PACKAGES[@]} packages present"
else
  echo "install-deps: installing ${missing[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  echo "install-deps: done"
fi

# de_DE.UTF-8 writes 12,5 for 12.5: number parsing and printing are tested under it.
if ! locale -a 2>/dev/null | grep -qix 'de_DE\.utf-\?8'; then
  echo "install-deps: generating the de_DE.UTF-8 locale"
  $SUDO localedef -i de_DE -c -f UTF-8 de_DE.UTF-8
fi
