#!/usr/bin/env bash
# Stops the Neo4j started by tests/neo4j/start.sh (data in the cache dir is kept).
#
# Environment: NEO4J_HOME_DIR (default: <repo>/.neo4j), as for start.sh.
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${script_dir}/../.." && pwd)"
home_dir="${NEO4J_HOME_DIR:-${repo}/.neo4j}"
server="${home_dir}/neo4j-community-3.1.1"

if [[ ! -x "${server}/bin/neo4j" ]]; then
  echo "[neo4j] not installed in ${home_dir}; nothing to stop" >&2
  exit 0
fi

# bin/neo4j stop sends SIGTERM to the pid in run/neo4j.pid and waits for it
# (up to NEO4J_SHUTDOWN_TIMEOUT seconds, default 120).
"${server}/bin/neo4j" stop >&2
