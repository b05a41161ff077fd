#!/usr/bin/env bash
# A throw-away Citus cluster for Steward's tests: a coordinator and two workers on loopback ports.
#   scripts/citus-cluster.sh install      builds and installs Citus when the extension is missing
#   scripts/citus-cluster.sh start DIR    initdb's three nodes under DIR, joins them, creates the roles;
#                                         prints the coordinator's JDBC URL on stdout
#   scripts/citus-cluster.sh stop DIR     stops the nodes and removes DIR
# Citus is not among the Debian packages reachable here: its source comes from
# STEWARD_CITUS_SOURCE (default ../shared/vendor/citus next to the repository). Messages go to stderr.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PG_MAJOR="${STEWARD_CITUS_PG_MAJOR:-15}"
PG_BIN="/usr/lib/postgresql/$PG_MAJOR/bin"
PG_CONFIG="$PG_BIN/pg_config"
[ -x "$PG_CONFIG" ] || PG_CONFIG="$(command -v pg_config || echo /usr/bin/pg_config)"
SOURCE="${STEWARD_CITUS_SOURCE:-$ROOT/../shared/vendor/citus}"
TARBALL="citus-13.2.2.tar.gz"
PATCH="pg15.20-have_createdb_privilege.patch"
BUILD_DEPS=(postgresql-server-dev-$PG_MAJOR libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev
  libselinux1-dev libxslt1-dev libpam0g-dev libreadline-dev zlib1g-dev libicu-dev flex bison autoconf make gcc pkg-config)
# The database Steward's cluster-wide roles are created in; test contexts add databases of their own.
CITUS_DB=steward
APP_ROLE=steward_app

say() { echo "citus: $*" >&2; }

installed() {
  local sharedir
  sharedir="$("$PG_CONFIG" --sharedir 2>/dev/null)" || return 1
  [ -f "$sharedir/extension/citus.control" ] && [ -f "$("$PG_CONFIG" --pkglibdir)/citus.so" ]
}

install_citus() {
  if installed; then return 0; fi
  [ -f "$SOURCE/$TARBALL" ] || { say "no Citus source at $SOURCE/$TARBALL (set STEWARD_CITUS_SOURCE)"; return 2; }
  [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 || {
    say "Citus is not installed and building it needs root and apt-get (run ./steward test as root)"; return 2; }
  local started=$SECONDS scratch
  say "installing the build dependencies (Debian packages)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -qq "${BUILD_DEPS[@]}" >&2 || { apt-get update -qq >&2 && apt-get install -y -qq "${BUILD_DEPS[@]}" >&2; }
  # pg_config answers for the server-dev package's headers only once it is installed.
  [ -x "$PG_BIN/pg_config" ] && PG_CONFIG="$PG_BIN/pg_config"
  scratch="$(mktemp -d)"
  tar -xzf "$SOURCE/$TARBALL" -C "$scratch"
  local tree
  tree="$(find "$scratch" -mindepth 1 -maxdepth 1 -type d | head -n 1)"
  # PostgreSQL 15.20 exports have_createdb_privilege(); Citus' static compat copy of it then fails to
  # compile. Older 15.x do not declare it and need the compat copy as it is.
  if grep -q have_createdb_privilege "$("$PG_CONFIG" --includedir-server)/commands/dbcommands.h" 2>/dev/null; then
    say "applying $PATCH (this PostgreSQL declares have_createdb_privilege)"
    (cd "$tree" && patch -p1 -s < "$SOURCE/$PATCH")
  fi
  say "building Citus from $TARBALL (a few minutes)"
  (cd "$tree" && ./configure -q PG_CONFIG="$PG_CONFIG" >&2 && make -s -j"$(nproc)" >&2 && make -s install >&2)
  rm -rf "$scratch"
  installed || { say "the build finished but the extension is not where $PG_CONFIG says it should be"; return 1; }
  say "installed in $((SECONDS - started)) s"
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Runs a command as the postgres OS user when root (initdb refuses root), else as the caller.
as_owner() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

psql_on() { # port database sql...
  local port=$1 db=$2; shift 2
  as_owner "$PG_BIN/psql" -X -q -At -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres -d "$db" -c "$*" >&2
}

start_cluster() {
  local dir=$1 started=$SECONDS port node ports=() base="${STEWARD_CITUS_PORT:-55432}"
  mkdir -p "$dir"
  [ "$(id -u)" != 0 ] || chown postgres: "$dir"
  port=$base
  while [ ${#ports[@]} -lt 3 ]; do
    port_free "$port" && ports+=("$port")
    port=$((port + 1))
    [ $port -lt $((base + 100)) ] || { say "no three free ports from $base"; return 1; }
  done
  for node in 0 1 2; do
    as_owner "$PG_BIN/initdb" -D "$dir/node$node" -U postgres --auth=trust --no-sync -E UTF8 >"$dir/initdb$node.log" 2>&1 || {
      cat "$dir/initdb$node.log" >&2; return 1; }
    cat >> "$dir/node$node/postgresql.conf" <<EOF
port = ${ports[$node]}
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
shared_preload_libraries = 'citus'
max_connections = 400
shared_buffers = 64MB
EOF
    # Tests throw the cluster away: durability costs them time for nothing. Benchmarks compare it with
    # a durable single PostgreSQL, so STEWARD_CITUS_DURABLE=1 keeps the defaults.
    if [ "${STEWARD_CITUS_DURABLE:-0}" != 1 ]; then
      printf 'fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n' >> "$dir/node$node/postgresql.conf"
    fi
    as_owner "$PG_BIN/pg_ctl" -D "$dir/node$node" -l "$dir/node$node.log" -w -t 60 start >&2
  done
  for node in 0 1 2; do
    psql_on "${ports[$node]}" postgres "CREATE DATABASE $CITUS_DB"
    psql_on "${ports[$node]}" "$CITUS_DB" "CREATE EXTENSION citus"
  done
  psql_on "${ports[0]}" "$CITUS_DB" "SELECT citus_set_coordinator_host('127.0.0.1', ${ports[0]})"
  psql_on "${ports[0]}" "$CITUS_DB" "SELECT citus_add_node('127.0.0.1', ${ports[1]})"
  psql_on "${ports[0]}" "$CITUS_DB" "SELECT citus_add_node('127.0.0.1', ${ports[2]})"
  # Only now: a role created before the workers joined (or in another database) is missing on them.
  psql_on "${ports[0]}" "$CITUS_DB" "CREATE ROLE $APP_ROLE LOGIN"
  # Row-level security reads steward.tenant_id on the workers too: the coordinator must pass the
  # transaction's SET LOCAL on to the worker connections it opens for that transaction.
  psql_on "${ports[0]}" "$CITUS_DB" "ALTER ROLE $APP_ROLE SET citus.propagate_set_commands = 'local'"
  echo "${ports[*]}" > "$dir/ports"
  say "coordinator 127.0.0.1:${ports[0]}, workers ${ports[1]} ${ports[2]}, ready in $((SECONDS - started)) s"
  echo "jdbc:postgresql://127.0.0.1:${ports[0]}/$CITUS_DB?user=postgres"
}

stop_cluster() {
  local dir=$1 node
  for node in 0 1 2; do
    [ -d "$dir/node$node" ] && as_owner "$PG_BIN/pg_ctl" -D "$dir/node$node" -m immediate -w stop >/dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

case "${1:-}" in
  install) install_citus ;;
  start) [ -n "${2:-}" ] || { say "usage: $0 start DIR"; exit 64; }; start_cluster "$2" ;;
  stop) [ -n "${2:-}" ] || { say "usage: $0 stop DIR"; exit 64; }; stop_cluster "$2" ;;
  *) say "usage: $0 install | start DIR | stop DIR"; exit 64 ;;
esac
