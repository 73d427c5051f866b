#!/usr/bin/env bash
# Portal benchmark (issue 3): requests per second of a service page and of a search, each as a ratio to
# the same HTML served as a static file by the same server in the same run; and the compressed weight of
# the first visit of every page type. Published Release build, SQLite, wrk on loopback.
# Usage: bench/portal.sh [seconds per run, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${1:-10}
PORT=5099
OUT=bench/out
RESULT=bench/results/portal-$(date +%F).md
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }

rm -rf "$OUT" && mkdir -p "$OUT/static" "$OUT/data"
dotnet publish src/Tongban -c Release -o "$OUT/publish" >/dev/null
# Production serves pages over HTTPS only: a throw-away certificate, and throw-away keys for cookies and the audit heads.
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" \
  -keyout "$OUT/tls.key" -out "$OUT/tls.crt" 2>/dev/null
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/audit-anchor-key.pem" 2>/dev/null
mkdir -p "$OUT/issuer-keys" && openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$OUT/issuer-keys/issuer-0.pem" 2>/dev/null
mkdir -p "$OUT/partner-keys" && openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$OUT/partner-keys/partner-api-0.pem" 2>/dev/null
ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=https://127.0.0.1:$PORT \
  Kestrel__Certificates__Default__Path="$PWD/$OUT/tls.crt" Kestrel__Certificates__Default__KeyPath="$PWD/$OUT/tls.key" \
  ConnectionStrings__Tongban="Data Source=$PWD/$OUT/data/bench.db" Bench__StaticFolder="$PWD/$OUT/static" \
  Logging__LogLevel__Default=Warning Sms__Gateway__Url=http://127.0.0.1:9/unused DataProtection__UnencryptedKeys=true \
  Files__Clamd__Disabled=true Audit__Anchor__KeyPath="$PWD/$OUT/audit-anchor-key.pem" \
  Certificates__KeysPath="$PWD/$OUT/issuer-keys" Certificates__IssuerDomain=localhost Partners__Api__KeysPath="$PWD/$OUT/partner-keys" \
  dotnet "$OUT/publish/Tongban.dll" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null' EXIT
for _ in $(seq 60); do curl -skf "https://127.0.0.1:$PORT/health/ready" >/dev/null && break; sleep 1; done

BASE=https://127.0.0.1:$PORT
SERVICE=/services/elderly-allowance
SEARCH="/search?q=%E4%B8%A2%E4%BA%86%E5%B7%A5%E4%BD%9C" # 丢了工作 (lost my job)
curl -skf "$BASE$SERVICE" -o "$OUT/static/service.html"
curl -skf "$BASE$SEARCH" -o "$OUT/static/search.html"

rps() { wrk -t2 -c32 -d"${DURATION}s" "$1" | awk '/Requests\/sec/ {print $2}'; }
# warm-up: every measured path, the unseen search included (its code is not JIT-optimised until it has run)
wrk -t2 -c32 -d3s "$BASE$SERVICE" >/dev/null; wrk -t2 -c32 -d3s "$BASE$SEARCH" >/dev/null
wrk -t2 -c32 -d3s -s bench/unique-search.lua "$BASE" >/dev/null; wrk -t2 -c32 -d3s "$BASE/bench-static/search.html" >/dev/null
static_service=$(rps "$BASE/bench-static/service.html")
dynamic_service=$(rps "$BASE$SERVICE")
static_search=$(rps "$BASE/bench-static/search.html")
dynamic_search=$(rps "$BASE$SEARCH")
uncached_search=$(wrk -t2 -c32 -d"${DURATION}s" -s bench/unique-search.lua "$BASE" | awk '/Requests\/sec/ {print $2}')
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

weight() { # compressed bytes of the page plus its stylesheet, as a first visit downloads them
  local html css
  html=$(curl -sk -H 'Accept-Encoding: br, gzip' -H "Accept-Language: $2" -o /dev/null -w '%{size_download}' "$BASE$1")
  css=$(curl -sk "$BASE$1" | grep -o 'href="/css/[^"]*"' | head -n 1 | cut -d'"' -f2)
  css=$(curl -sk -H 'Accept-Encoding: br, gzip' -o /dev/null -w '%{size_download}' "$BASE$css")
  echo $((html + css))
}

{
  echo "# Portal benchmark, $(date +%F)"
  echo
  echo "Command: \`bench/portal.sh $DURATION\` (published Release build in Production over HTTPS, SQLite, \`wrk -t2 -c32 -d${DURATION}s\` on loopback, $(nproc) cores)."
  echo
  echo "| what | requests/s | static file requests/s | ratio | target |"
  echo "|---|---|---|---|---|"
  echo "| service page \`$SERVICE\` | $dynamic_service | $static_service | $(ratio "$dynamic_service" "$static_service") | ≥ 0.5 |"
  echo "| search \`/search?q=丢了工作\` (repeated: answer cache hit) | $dynamic_search | $static_search | $(ratio "$dynamic_search" "$static_search") | ≥ 0.3 |"
  echo "| search, every query new (\`丢了工作 <random number>\`, cache miss) | $uncached_search | $static_search | $(ratio "$uncached_search" "$static_search") | (≥ 0.3) |"
  echo
  echo "First visit, compressed HTML + CSS (no JavaScript), budget 30720 bytes:"
  echo
  echo "| page | zh-CN bytes | en bytes |"
  echo "|---|---|---|"
  for page in / /services $SERVICE /life-events /life-events/having-a-baby /departments/civil-affairs /halls /halls/luohu-hall "$SEARCH" "/search?q=xyzzy" /settings/elder-mode /no-such-page; do
    echo "| \`$page\` | $(weight "$page" zh-CN) | $(weight "$page" en) |"
  done
} | tee "$RESULT"
