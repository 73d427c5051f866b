#!/usr/bin/env bash
# The slowest queries of a city-sized database (issue 20): a synthetic city seeded into a fresh PostgreSQL database
# (`seed --residents N`: about five cases a resident), then the published app run on it for a while as a node runs:
# its background jobs (the observatory's count, deadlines, notifications, proactive offers), the portal browsed and
# searched, the observatory's pages and open data read. pg_stat_statements ranks what the database did; auto_explain
# gives the plans, with their real parameters, of every statement slower than the threshold.
#
# Usage: bench/slow-queries.sh PGPORT SERVER_LOG [residents, 200000] [seconds of load, 180]
# The PostgreSQL server on 127.0.0.1:PGPORT (user postgres) must run with
#   shared_preload_libraries = 'pg_stat_statements,auto_explain'
#   auto_explain.log_min_duration = '20ms'   auto_explain.log_analyze = on   auto_explain.log_buffers = on
# (session_preload_libraries = 'auto_explain' serves as well for the plans) and write its log to SERVER_LOG
# (pg_ctl -l). Writes bench/results/slow-queries-DATE.md. DB=name SEED=no reuses a database seeded before.
set -euo pipefail
cd "$(dirname "$0")/.."
PGPORT=$1; SERVER_LOG=$2; RESIDENTS=${3:-200000}; SECONDS_OF_LOAD=${4:-180}
DB=${DB:-tongban_slow_queries}; SEED=${SEED:-yes}; PORT=5097; OUT=bench/out; RESULT=bench/results/slow-queries-$(date +%F).md
PSQL=(psql -h 127.0.0.1 -p "$PGPORT" -U postgres -qAt)
CONNECTION="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=$DB;Maximum Pool Size=40"
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
"${PSQL[@]}" -c "SHOW shared_preload_libraries" | grep -q pg_stat_statements || { echo "start PostgreSQL with shared_preload_libraries='pg_stat_statements,auto_explain'" >&2; exit 2; }

mkdir -p "$OUT"
dotnet publish src/Tongban -c Release -o "$OUT/publish" >/dev/null
app() { # the published app on the city's database, in Development (demo keys, no gateways needed)
  (cd "$OUT/publish" && ASPNETCORE_ENVIRONMENT=Development Database__Provider=postgres ConnectionStrings__Tongban="$CONNECTION" \
    Files__Clamd__Disabled=true Logging__LogLevel__Default=Warning Jobs__PollSeconds=2 "$@")
}
if [ "$SEED" = yes ]; then
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  started=$(date +%s)
  seeded=$(app dotnet Tongban.dll seed --residents "$RESIDENTS" --seed 1 | tail -n 1)
  echo "Seeded in $(( $(date +%s) - started )) s: $seeded" > "$OUT/seed.txt"
else
  echo "The database $DB seeded before (\`seed --residents $RESIDENTS --seed 1\`)." > "$OUT/seed.txt"
fi
size=$("${PSQL[@]}" -d "$DB" -c "SELECT pg_size_pretty(pg_database_size('$DB'))"); cases=$("${PSQL[@]}" -d "$DB" -c 'SELECT count(*) FROM "Cases"')
"${PSQL[@]}" -d "$DB" -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" -c "ANALYZE" -c "SELECT pg_stat_statements_reset()" >/dev/null
log_from=$(stat -c %s "$SERVER_LOG")

ASPNETCORE_URLS=http://127.0.0.1:$PORT app dotnet Tongban.dll > "$OUT/slow-queries-server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done

# The portal and the observatory, anonymously (forms.lua's portal mode with no cookie), while the jobs run.
pages="/,/services,/life-events,/halls,/insights,/insights/data"
for measure in reach online-take-up form-completion assisted-share days-to-decision approval-rate breaches; do
  pages="$pages,/insights/$measure?by=age,/insights/$measure?by=age&cross=district,/insights/data/$measure.csv"
done
printf '\t\n\t\n' > "$OUT/anonymous.txt"
wrk -t2 -c8 -d"${SECONDS_OF_LOAD}s" --timeout 30s -s bench/forms.lua "http://127.0.0.1:$PORT" -- "$OUT/anonymous.txt" 2 portal "$pages" > "$OUT/slow-queries-wrk.txt"

{
  echo "# The slowest queries at a city's size, $(date +%F)"
  echo
  echo "\`bench/slow-queries.sh $PGPORT SERVER_LOG $RESIDENTS $SECONDS_OF_LOAD\` on $(nproc) cores, PostgreSQL $("${PSQL[@]}" -c 'SHOW server_version')."
  cat "$OUT/seed.txt"
  echo "Then the published app (Development settings, jobs every 2 s) ran for ${SECONDS_OF_LOAD} s while \`wrk -c8\` read the portal and every observatory page and open-data file: $(awk '/^bench/ {print $2}' "$OUT/slow-queries-wrk.txt"), $(awk '/^bench/ {print $7, $8}' "$OUT/slow-queries-wrk.txt")."
  echo "Database size: $size; cases: $cases."
  echo
  echo "## By total time (pg_stat_statements)"
  echo
  echo "| total s | calls | mean ms | max ms | rows | statement |"
  echo "|---|---|---|---|---|---|"
  "${PSQL[@]}" -d "$DB" -F '|' -c "SELECT round(total_exec_time::numeric / 1000, 2), calls, round(mean_exec_time::numeric, 1), round(max_exec_time::numeric, 1), rows,
      replace(replace(left(regexp_replace(query, '\s+', ' ', 'g'), 400), '|', '\|'), '\`', '') FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$DB') ORDER BY total_exec_time DESC LIMIT 15" | sed 's/^/| /; s/$/ |/'
  echo
  echo "## By mean time (at least 3 calls)"
  echo
  echo "| mean ms | max ms | calls | statement |"
  echo "|---|---|---|---|"
  "${PSQL[@]}" -d "$DB" -F '|' -c "SELECT round(mean_exec_time::numeric, 1), round(max_exec_time::numeric, 1), calls,
      replace(replace(left(regexp_replace(query, '\s+', ' ', 'g'), 400), '|', '\|'), '\`', '') FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = '$DB') AND calls >= 3 ORDER BY mean_exec_time DESC LIMIT 15" | sed 's/^/| /; s/$/ |/'
  echo
  echo "## Plans of the slowest statements (auto_explain, real parameters), one per statement, slowest first"
  echo
  tail -c +"$((log_from + 1))" "$SERVER_LOG" | python3 bench/slow-plans.py 12
} > "$RESULT"
echo "written to $RESULT"
