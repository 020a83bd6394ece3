#!/usr/bin/env bash
# Shared by start.sh and stop.sh: where the PostgreSQL 15 binaries are and how to run them as a
# non-root OS user (initdb and postgres refuse to run as root).

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
# The marker start.sh writes into every cluster directory it creates; stop.sh only removes such dirs.
PG_MARKER=".observatory-throwaway-cluster"

pg_die() {
  echo "scripts/pg: $*" >&2
  exit 1
}

pg_require_binaries() {
  for tool in initdb pg_ctl postgres psql; do
    [ -x "$PG_BIN/$tool" ] || pg_die "$PG_BIN/$tool not found. Install PostgreSQL 15 server binaries or set PG_BIN to their directory."
  done
}

# The OS user the server runs as: the invoking user, or (as root) PG_OS_USER / postgres / a system
# user created on the spot.
pg_os_user() {
  if [ "$(id -u)" != 0 ]; then
    id -un
  elif [ -n "${PG_OS_USER:-}" ]; then
    id "$PG_OS_USER" > /dev/null 2>&1 || pg_die "PG_OS_USER=$PG_OS_USER does not exist."
    echo "$PG_OS_USER"
  elif id postgres > /dev/null 2>&1; then
    echo postgres
  else
    id observatory-pg > /dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin observatory-pg
    echo observatory-pg
  fi
}

# Runs a command as the server's OS user.
pg_as() {
  local user="$1"
  shift
  if [ "$(id -un)" = "$user" ]; then
    "$@"
  else
    runuser -u "$user" -- "$@"
  fi
}
