#!/usr/bin/env bash
# Starts a throw-away PostgreSQL cluster on 127.0.0.1:55432 (user/password shoplens).
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
DATA=${PGDATA_DIR:-/tmp/shoplens-ci-pg}
if pg_isready_out=$("$PGBIN/pg_isready" -h 127.0.0.1 -p 55432 2>&1); then
  echo "postgres already running: $pg_isready_out"
  exit 0
fi
rm -rf "$DATA"
mkdir -p "$DATA"
chown postgres:postgres "$DATA"
su postgres -c "$PGBIN/initdb -D $DATA -A trust -U postgres >/dev/null"
su postgres -c "$PGBIN/pg_ctl -D $DATA -o '-c listen_addresses=127.0.0.1 -p 55432 -c unix_socket_directories=/tmp' -l $DATA/log -w start >/dev/null"
psql -h 127.0.0.1 -p 55432 -U postgres -c "CREATE USER shoplens PASSWORD 'shoplens' CREATEDB" >/dev/null
psql -h 127.0.0.1 -p 55432 -U postgres -c "CREATE DATABASE shoplens_test OWNER shoplens" >/dev/null
echo "postgres ready on 127.0.0.1:55432"
