#!/usr/bin/env bash
# One node or two behind the proxy (issue 20): requests/s through nginx (TLS) to a cluster started by deploy/cluster on
# PostgreSQL, for the service page and for searches never asked before, with both nodes in the proxy and then with one
# (the other drained and stopped), in the same run. On a machine of few cores the nodes share the cores with nginx,
# PostgreSQL and wrk: read it for what a second node costs or brings here, not for a city's hardware.
# Usage: bench/nodes.sh [seconds per round, 15] [connections, 32]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_ROUND=${1:-15}; CONNECTIONS=${2:-32}
DIR=$(mktemp -d /tmp/tongban-bench-nodes-XXXX); RESULT=bench/results/nodes-$(date +%F).md
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
trap 'deploy/cluster stop "$DIR" >/dev/null 2>&1 || true' EXIT
deploy/cluster start "$DIR" --nodes 2 >/dev/null
PROXY=$(grep '^PROXY_URL=' "$DIR/cluster.env" | cut -d= -f2-)

rate() { # path or script: requests/s, and non-2xx answers
  local out
  if [ "$1" = search ]; then
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" -s bench/unique-search.lua "$PROXY")
  else
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_PER_ROUND}s" "$PROXY$1")
  fi
  echo "$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}') ($(echo "$out" | awk '/Non-2xx/ {print $NF}' | grep . || echo 0) non-2xx)"
}
measure() { # label
  wrk -t2 -c"$CONNECTIONS" -d5s "$PROXY/services/elderly-allowance" >/dev/null # warm-up
  wrk -t2 -c"$CONNECTIONS" -d5s -s bench/unique-search.lua "$PROXY" >/dev/null
  echo "| $1 | $(rate /services/elderly-allowance) | $(rate search) |"
}
two=$(measure "two nodes")
deploy/cluster node "$DIR" 2 stop >/dev/null
one=$(measure "one node (the other drained and stopped)")
{
  echo "# One node or two behind the proxy, $(date +%F)"
  echo
  echo "\`bench/nodes.sh $SECONDS_PER_ROUND $CONNECTIONS\` on $(nproc) cores: \`deploy/cluster start --nodes 2\` (published Release nodes in Production on PostgreSQL, nginx ending TLS), \`wrk -t2 -c$CONNECTIONS -d${SECONDS_PER_ROUND}s\` through the proxy after a 5 s warm-up; then node 2 drained and stopped, and the same again."
  echo
  echo "| nodes | service page req/s | search never asked before req/s |"
  echo "|---|---|---|"
  echo "$two"
  echo "$one"
} > "$RESULT"
cat "$RESULT"
