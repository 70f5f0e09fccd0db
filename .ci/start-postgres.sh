#!/usr/bin/env bash
# Installs PostgreSQL from Debian's packages if needed and starts a throw-away cluster on 127.0.0.1.
# Prints the database URL for POWERHOUSE_TEST_DATABASE_URL on its last line.
set -euo pipefail
PORT="${PGPORT_CI:-54329}"
DATA="${PGDATA_CI:-/tmp/powerhouse-ci-pg}"
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
fi
BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
as_postgres() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
if [ -f "$DATA/postmaster.pid" ] && as_postgres "$BIN/pg_ctl -D $DATA status" >/dev/null 2>&1; then
  echo "PostgreSQL already running in $DATA" >&2
else
  rm -rf "$DATA"
  mkdir -p "$DATA"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
  as_postgres "$BIN/initdb -D $DATA -U postgres --auth=trust -E UTF8 --locale=C.UTF-8" >&2
  as_postgres "$BIN/pg_ctl -D $DATA -o '-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c max_connections=300 -c fsync=off -c synchronous_commit=off' -l $DATA/server.log -w start" >&2
fi
psql_() { "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -v ON_ERROR_STOP=1 "$@"; }
psql_ -tc "SELECT 1 FROM pg_database WHERE datname = 'powerhouse_test'" | grep -q 1 || psql_ -c "CREATE DATABASE powerhouse_test" >&2
echo "postgres://postgres@127.0.0.1:$PORT/powerhouse_test?sslmode=disable"
