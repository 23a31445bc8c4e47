#!/usr/bin/env bash
# A local PostgreSQL 15 + PostGIS server holding the Yongjia demo store (issue 10, item 6).
#
#   scripts/postgis-up.sh [--port N] [--dir DIR] [--replace]   create/start, push, print the store
#   scripts/postgis-up.sh --stop                                 stop the server
#
# Idempotent: the first run installs what is needed, builds redline, creates a cluster in DIR
# (default ~/.local/share/redline/postgis, or /var/lib/redline/postgis when run as root) listening
# on 127.0.0.1 only (default port 5433), a role and database `redline` with PostGIS, and pushes
# datasets/yongjia/catalog.yaml into schema `yongjia`. Later runs start the server if it is down
# and leave the store as it is (--replace pushes the demo store again over it). The role's
# password is generated once and written to ~/.pgpass (mode 600), where libpq finds it, so the
# connection string printed on the last line carries no password:
#   PG:host=127.0.0.1 port=5433 dbname=redline user=redline schemas=yongjia
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }

port=5433
if [[ "$(id -u)" == 0 ]]; then dir=/var/lib/redline/postgis; else dir="$HOME/.local/share/redline/postgis"; fi
dir="${REDLINE_PG_DIR:-$dir}"
replace=()
stop=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --port) port="$2"; shift 2 ;;
        --dir) dir="$2"; shift 2 ;;
        --replace) replace=(--replace); shift ;;
        --stop) stop=1; shift ;;
        -h|--help) usage ;;
        *) echo "postgis-up: unknown argument '$1'" >&2; usage ;;
    esac
done

pgbin="${PGBIN:-/usr/lib/postgresql/15/bin}"
as_pg=()
if [[ "$(id -u)" == 0 ]]; then as_pg=(runuser -u postgres --); fi
log() { echo "postgis-up: $*" >&2; }

if ((stop)); then
    if [[ -f "$dir/data/postmaster.pid" ]]; then
        "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
        log "stopped the server in $dir"
    else
        log "no server running in $dir"
    fi
    exit 0
fi

./scripts/install-deps.sh >&2
redline=build/release/engine/cli/redline
[[ -x "$redline" ]] || ./scripts/build.sh --target redline >&2

if [[ ! -f "$dir/data/PG_VERSION" ]]; then
    log "creating a PostgreSQL 15 cluster in $dir"
    mkdir -p "$dir"
    chmod 700 "$dir"
    ((${#as_pg[@]} == 0)) || chown postgres "$dir"
    pwfile="$(mktemp)"
    head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$pwfile"
    chmod 644 "$pwfile"
    "${as_pg[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres --auth-local=trust \
        --auth-host=scram-sha-256 --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { cat "$dir/initdb.log" >&2; rm -f "$pwfile"; exit 1; }
    rm -f "$pwfile"
fi

if ! "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "starting the server on 127.0.0.1:$port"
    "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
        -o "-k $dir -p $port -c listen_addresses=127.0.0.1" start >/dev/null ||
        { tail -n 20 "$dir/server.log" >&2; exit 1; }
fi

# Administration as the superuser over the unix socket in DIR (mode 700: only its owner gets in).
admin() { "${as_pg[@]}" "$pgbin/psql" -X -q -At -h "$dir" -p "$port" -U postgres -v ON_ERROR_STOP=1 "$@"; }
if [[ "$(admin -d postgres -c "SELECT count(*) FROM pg_roles WHERE rolname = 'redline'")" == 0 ]]; then
    password="$(head -c 24 /dev/urandom | base64 | tr -d '/+=')"
    admin -d postgres -c "CREATE ROLE redline LOGIN PASSWORD '$password'"
    pgpass="$HOME/.pgpass"
    touch "$pgpass"
    chmod 600 "$pgpass"
    grep -v "^127.0.0.1:$port:redline:redline:" "$pgpass" >"$pgpass.new" || true
    echo "127.0.0.1:$port:redline:redline:$password" >>"$pgpass.new"
    mv "$pgpass.new" "$pgpass"
    chmod 600 "$pgpass"
    log "created role redline (password in $pgpass)"
fi
if [[ "$(admin -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = 'redline'")" == 0 ]]; then
    admin -d postgres -c "CREATE DATABASE redline OWNER redline"
    admin -d redline -c "CREATE EXTENSION postgis"
    log "created database redline with PostGIS $(admin -d redline -c 'SELECT postgis_lib_version()')"
fi

store="PG:host=127.0.0.1 port=$port dbname=redline user=redline schemas=yongjia"
has_store="$(admin -d redline -c "SELECT to_regclass('yongjia.redline_catalog') IS NOT NULL")"
if [[ "$has_store" != t || ${#replace[@]} -gt 0 ]]; then
    "$redline" store push datasets/yongjia/catalog.yaml "$store" "${replace[@]}" >&2
else
    log "schema yongjia already holds a store (revision $(admin -d redline -c "SELECT coalesce(max(revision), 0) FROM yongjia.redline_revisions"))"
fi
echo "$store"
