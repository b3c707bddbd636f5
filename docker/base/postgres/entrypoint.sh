#!/bin/sh
# postgres:15's first start: an empty data folder gets a cluster owned by POSTGRES_USER (password
# POSTGRES_PASSWORD, scram-sha-256 over the network) and the database POSTGRES_DB; a folder that
# holds a cluster is started as it is. Options after "postgres" pass to the server.
set -eu
if [ "${1:-}" = postgres ] && [ ! -s "$PGDATA/PG_VERSION" ]; then
  : "${POSTGRES_PASSWORD:?set POSTGRES_PASSWORD: the database will not start without a password}"
  user=${POSTGRES_USER:-postgres}
  database=${POSTGRES_DB:-$user}
  pwfile=$(mktemp)
  printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
  initdb --username="$user" --pwfile="$pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  rm -f "$pwfile"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -w -o "-c listen_addresses='' -c unix_socket_directories=/var/run/postgresql" start >/dev/null
  if [ "$database" != postgres ]; then
    # psql quotes the name (:"db"), whatever characters it holds.
    echo 'CREATE DATABASE :"db";' |
      psql -v ON_ERROR_STOP=1 -v db="$database" -h /var/run/postgresql -U "$user" -d postgres -q >/dev/null
  fi
  pg_ctl -D "$PGDATA" -m fast -w stop >/dev/null
  echo "postgres-entrypoint: created the cluster, the user $user and the database $database"
fi
if [ "${1:-}" = postgres ]; then
  shift
  exec postgres -c listen_addresses='*' -c unix_socket_directories=/var/run/postgresql "$@"
fi
exec "$@"
