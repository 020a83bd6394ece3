#!/usr/bin/env bash
# npm run test:pg: the engine-dependent vitest tests (test/engine-dependent.ts) against a real PostgreSQL 15 server.
# With TEST_DATABASE_URL already set to a postgres:// URL it uses that server (the role needs
# CREATEDB); otherwise it starts a throwaway cluster (scripts/pg/start.sh) and stops and removes it
# afterwards, also when the tests fail or the run is interrupted. Arguments go to vitest.
set -euo pipefail
cd "$(dirname "$0")/../.."

if [[ "${TEST_DATABASE_URL:-}" =~ ^postgres(ql)?:// ]]; then
  exec npx vitest run "$@"
fi

cluster=""
stop_cluster() {
  if [ -n "$cluster" ]; then scripts/pg/stop.sh "$cluster"; fi
}
trap stop_cluster EXIT
trap 'exit 130' INT TERM

settings="$(scripts/pg/start.sh)"
eval "$settings"
cluster="$PG_CLUSTER_DIR"
TEST_DATABASE_URL="$DATABASE_URL" npx vitest run "$@"
