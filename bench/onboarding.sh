#!/usr/bin/env bash
# Onboarding benchmark: starts the built platform on a fresh embedded PostgreSQL (or TONGYI_DB_URL, which must be an
# empty database), onboards branches through the API and compares tenant read latency with 2 and with 200 branches.
# Build first: ./mvnw -B install -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
branches=${1:-200}
data=$(mktemp -d /tmp/tongyi-bench.XXXXXX)
port=${BENCH_PORT:-18080}
TONGYI_DATA_DIR=$data TONGYI_ADMIN_PASSWORD=bench-admin TONGYI_HTTP_PORT=$port \
  java -Xmx1g -jar platform-core/target/quarkus-app/quarkus-run.jar > "$data/platform.log" 2>&1 &
platform=$!
trap 'kill $platform 2>/dev/null; wait $platform 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -sf "http://localhost:$port/q/health/ready" > /dev/null && break
  sleep 1
done
base=http://localhost:$port
bench() { java bench/scale/ScaleBench.java "$@"; }
bench measure "$base" bench-admin "$data/codes.txt" 0 2 > /dev/null
echo "tenant read median with 2 branches: $(bench reads "$base" "$data/codes.txt" 2 3000) ms"
figures=$(bench measure "$base" bench-admin "$data/codes.txt" 2 $((branches - 2)))
echo "onboarding of branches 3 to $branches: median ${figures% *} ms, p95 ${figures#* } ms"
echo "tenant read median with $branches branches: $(bench reads "$base" "$data/codes.txt" "$branches" 3000) ms"
