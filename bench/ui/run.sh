#!/usr/bin/env bash
# Member pages under 32 concurrent members (issue 12): the p95 latency of each page of the member app, measured with
# wrk on localhost, and the weight of each page as a phone first loads it (the HTML plus the stylesheet and scripts it
# links, gzip as browsers ask). Starts the built platform on a fresh embedded PostgreSQL in a temporary directory,
# sets up a branch with 32 members through the API (bench/plugins/seed.py), warms each page up, then measures it.
# Build first: ./mvnw -B install -DskipTests      Needs: apt-get install wrk      Run: bench/ui/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${BENCH_PORT:-18083}
seconds=${BENCH_SECONDS:-20}
clients=${BENCH_CLIENTS:-32}
pages=${BENCH_PAGES:-"'' /help /requests /points /inbox /leaderboard /disclosure /activities /plugins/merchant-alliance/point-code"}
data=$(mktemp -d /tmp/tongyi-ui-bench.XXXXXX)
platform=
cleanup() {
  if [ -n "$platform" ]; then kill "$platform" 2>/dev/null || true; wait "$platform" 2>/dev/null || true; fi
  rm -rf "$data"
}
trap cleanup EXIT

TONGYI_DATA_DIR=$data TONGYI_ADMIN_PASSWORD=bench-admin TONGYI_HTTP_PORT=$port TONGYI_REGISTRATION_LIMIT_PER_HOUR=100000 \
  java -Xmx1g -jar platform-core/target/quarkus-app/quarkus-run.jar > "$data/platform.log" 2>&1 &
platform=$!
base="http://localhost:$port"
for _ in $(seq 1 180); do curl -sf "$base/q/health/ready" > /dev/null && break; sleep 1; done

code="ui_$(date +%s)"
eval "$(python3 bench/plugins/seed.py "$base" bench-admin "$code" "$clients")"
first_member=${member_tokens%%,*}

# The weight of a page as a first visit loads it: the HTML and every stylesheet and script it links.
weight() {
  local html=$data/page.html total
  total=$(curl -s --compressed -o "$html" -w '%{size_download}' -H "Cookie: tongyi_session=$first_member" "$base$1")
  for asset in $(grep -oE '(href|src)="/[^"]+\.(css|js)"' "$html" | cut -d'"' -f2 | sort -u); do
    total=$((total + $(curl -s --compressed -o /dev/null -w '%{size_download}' "$base$asset")))
  done
  echo "$total"
}

echo "page | status | p50 ms | p95 ms | p99 ms | requests | failed | first-load bytes (gzip)"
for suffix in $pages; do
  suffix=${suffix//\'/}
  path="/m/$code$suffix"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: tongyi_session=$first_member" "$base$path")
  if [ "$status" != 200 ]; then echo "$path | $status | - | - | - | - | - | -"; continue; fi
  BENCH_PAGE=$path BENCH_TOKENS=$member_tokens wrk -t2 -c"$clients" -d5s --timeout 10s -s bench/ui/pages.lua "$base" > /dev/null
  result=$(BENCH_PAGE=$path BENCH_TOKENS=$member_tokens wrk -t2 -c"$clients" -d"${seconds}"s --timeout 10s \
    -s bench/ui/pages.lua "$base" | tail -1)
  eval "${result}"
  echo "$path | $status | $p50_ms | $p95_ms | $p99_ms | $requests | $non_2xx_or_errors | $(weight "$path")"
done
