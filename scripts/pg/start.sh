#!/usr/bin/env bash
# Starts a throwaway PostgreSQL 15 cluster for development and tests, and prints the shell lines
# that point the observatory at it:
#
#   eval "$(scripts/pg/start.sh)"        # exports DATABASE_URL and PG_CLUSTER_DIR
#   scripts/pg/stop.sh                   # stops it and removes the directory
#
# The cluster lives in a fresh temporary directory (or DIR, the first argument), listens on a free
# port on 127.0.0.1 only (no Unix socket), and requires a password that is generated here and never
# written anywhere but the cluster directory (mode 0600). The role "observatory" owns the database
# "observatory" and may create databases (the test harness clones a template per test).
# Idempotent: given the DIR of a running cluster it prints that cluster's settings again.
# Set PG_DURABLE=1 to keep fsync on (the default turns it off: a test cluster need not survive a crash).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=cluster.sh
. "$here/cluster.sh"

random_secret() {
  node -e "process.stdout.write(require('node:crypto').randomBytes(24).toString('hex'))"
}

print_env() {
  echo "export PG_CLUSTER_DIR='$1'"
  echo "export DATABASE_URL='$(cat "$1/database-url")'"
}

dir="${1:-}"
if [ -n "$dir" ] && [ -f "$dir/$PG_MARKER" ] && [ -f "$dir/database-url" ]; then
  user="$(stat -c %U "$dir/data")"
  if pg_as "$user" "$PG_BIN/pg_ctl" -D "$dir/data" status > /dev/null 2>&1; then
    print_env "$dir"
    exit 0
  fi
  pg_die "$dir holds a cluster that is not running; remove it with scripts/pg/stop.sh '$dir' and start again."
fi
[ -z "$dir" ] || [ ! -e "$dir" ] || [ -z "$(ls -A "$dir")" ] || pg_die "$dir exists and is not an empty directory or a cluster started by this script."

pg_require_binaries
user="$(pg_os_user)"
if [ -z "$dir" ]; then dir="$(mktemp -d "${TMPDIR:-/tmp}/observatory-pg.XXXXXX")"; else mkdir -p "$dir"; fi
dir="$(cd "$dir" && pwd)"
touch "$dir/$PG_MARKER"
started=0
cleanup_on_failure() {
  if [ "$started" = 0 ]; then
    pg_as "$user" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate stop > /dev/null 2>&1 || true
    rm -rf "$dir"
  fi
}
trap cleanup_on_failure EXIT

chmod 711 "$dir"
mkdir -m 700 "$dir/data"
chown "$user" "$dir/data"

admin_password="$(random_secret)"
app_password="$(random_secret)"
pwfile="$dir/initdb-password"
install -m 600 -o "$user" /dev/null "$pwfile"
echo "$admin_password" > "$pwfile"
pg_as "$user" "$PG_BIN/initdb" -D "$dir/data" -U observatory_admin --pwfile="$pwfile" \
  --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 > "$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; pg_die "initdb failed"; }
rm -f "$pwfile"

durability=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
[ "${PG_DURABLE:-0}" = 1 ] && durability=()
for attempt in 1 2 3; do
  port="$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
  options="-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories= -c max_connections=200 -c shared_buffers=512MB -c max_wal_size=4GB -c work_mem=32MB -c maintenance_work_mem=256MB ${durability[*]:-}"
  if pg_as "$user" "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/data/server.log" -o "$options" -w -t 60 start > /dev/null; then
    break
  fi
  [ "$attempt" = 3 ] && { cat "$dir/data/server.log" >&2; pg_die "the server did not start"; }
done

PGPASSWORD="$admin_password" "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U observatory_admin -d postgres \
  -v app_password="$app_password" <<'SQL'
CREATE ROLE observatory LOGIN CREATEDB PASSWORD :'app_password';
CREATE DATABASE observatory OWNER observatory;
SQL

(umask 077; echo "postgres://observatory:$app_password@127.0.0.1:$port/observatory" > "$dir/database-url")
started=1
print_env "$dir"
echo "scripts/pg: PostgreSQL 15 on 127.0.0.1:$port, cluster in $dir (stop with scripts/pg/stop.sh '$dir')" >&2
