#!/usr/bin/env bash
# Stops a cluster started by scripts/pg/start.sh and removes its directory.
#   scripts/pg/stop.sh [DIR]     (default: $PG_CLUSTER_DIR)
# Idempotent: a directory that is already gone is fine. It refuses to remove a directory that
# start.sh did not create.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
# shellcheck source=cluster.sh
. "$here/cluster.sh"

dir="${1:-${PG_CLUSTER_DIR:-}}"
[ -n "$dir" ] || pg_die "which cluster? Pass its directory or set PG_CLUSTER_DIR (start.sh prints it)."
[ -e "$dir" ] || exit 0
[ -f "$dir/$PG_MARKER" ] || pg_die "$dir was not created by scripts/pg/start.sh; not touching it."

if [ -f "$dir/data/postmaster.pid" ]; then
  user="$(stat -c %U "$dir/data")"
  pg_as "$user" "$PG_BIN/pg_ctl" -D "$dir/data" -m fast -w -t 30 stop > /dev/null 2>&1 \
    || pg_as "$user" "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -w stop > /dev/null 2>&1 \
    || true
fi
rm -rf "$dir"
echo "scripts/pg: stopped and removed $dir" >&2
