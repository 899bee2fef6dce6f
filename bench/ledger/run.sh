#!/usr/bin/env bash
# Ledger benchmark: pgbench TPC-B and the platform's transfer endpoint on the SAME PostgreSQL 15, in one run.
# Starts the machine's PostgreSQL 15 cluster (Debian pg_ctlcluster), creates a role and two databases, runs
# pgbench (-i -s 10, then -c 8 and -c 32, -j 2 -T 30), starts the built platform on the other database, seeds 50 members with
# points and a completed service order each, drives POST /api/branches/{b}/ledger/transfers (lines of the paper point
# book) with wrk and bench/ledger/transfers.lua, and stops everything.
# Build first: ./mvnw -B install -DskipTests      Needs: apt-get install wrk      Run as root: bench/ledger/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${BENCH_PORT:-18081}
seconds=${BENCH_SECONDS:-20}
data=$(mktemp -d /tmp/tongyi-ledger-bench.XXXXXX)
export PGPASSWORD=bench-secret PGHOST=localhost PGUSER=tongyi_bench
platform=
cleanup() {
  if [ -n "$platform" ]; then kill "$platform" 2>/dev/null || true; wait "$platform" 2>/dev/null || true; fi
  pg_ctlcluster --skip-systemctl-redirect 15 main stop || true
  rm -rf "$data"
}
trap cleanup EXIT
as_postgres() { env -u PGHOST -u PGUSER -u PGPASSWORD runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }

pg_ctlcluster --skip-systemctl-redirect 15 main status > /dev/null || pg_ctlcluster --skip-systemctl-redirect 15 main start
as_postgres -c "DROP DATABASE IF EXISTS tongyi_bench" -c "DROP DATABASE IF EXISTS pgbench_bench" \
  -c "DROP ROLE IF EXISTS tongyi_bench" -c "CREATE ROLE tongyi_bench LOGIN PASSWORD '$PGPASSWORD'" \
  -c "CREATE DATABASE tongyi_bench OWNER tongyi_bench" -c "CREATE DATABASE pgbench_bench OWNER tongyi_bench"
echo "PostgreSQL: $(as_postgres -c 'SHOW server_version') fsync=$(as_postgres -c 'SHOW fsync')" \
  "synchronous_commit=$(as_postgres -c 'SHOW synchronous_commit') max_connections=$(as_postgres -c 'SHOW max_connections')"

pgbench -i -s 10 -q pgbench_bench > "$data/pgbench-init.log" 2>&1
# TPC-B at 8 clients (the reference of the ratio) and at 32 (what PostgreSQL alone does at the API's 32 clients),
# each with its per-transaction latencies logged for p50/p99
pgbench_run() {
  (cd "$data" && rm -f "pgbench-$1".* && pgbench -c "$1" -j 2 -T 30 -l --log-prefix="pgbench-$1" pgbench_bench \
    > "pgbench-$1.out" 2>&1)
  local run_tps; run_tps=$(grep -oP 'tps = \K[0-9.]+(?= \((without|excluding))' "$data/pgbench-$1.out" | head -1)
  echo "pgbench TPC-B scale 10, -c $1 -j 2 -T 30: $run_tps tps, $(cat "$data/pgbench-$1".[0-9]* | awk '{print $3}' \
    | sort -n | awk '{l[NR] = $1} END {printf "p50=%.1fms p99=%.1fms", l[int(NR * .5)] / 1000, l[int(NR * .99)] / 1000}')"
}
pgbench_run 8
tps=$(grep -oP 'tps = \K[0-9.]+(?= \((without|excluding))' "$data/pgbench-8.out" | head -1)
pgbench_run 32

# the garbage collector and heap policy the container image's run-java.sh (ubi9/openjdk-17-runtime) gives the JVM
IMAGE_JVM_OPTIONS="-XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90"
TONGYI_DB_URL="jdbc:postgresql://localhost:5432/tongyi_bench" TONGYI_DB_USER=tongyi_bench \
  TONGYI_DB_PASSWORD=$PGPASSWORD TONGYI_DATA_DIR=$data TONGYI_ADMIN_PASSWORD=bench-admin TONGYI_HTTP_PORT=$port \
  java -Xmx1g $IMAGE_JVM_OPTIONS -jar platform-core/target/quarkus-app/quarkus-run.jar > "$data/platform.log" 2>&1 &
platform=$!
base="http://localhost:$port"
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" > /dev/null && break; sleep 1; done

json() { curl -sf "$@" -H 'Content-Type: application/json'; }
login() { json "$base/api/auth/login" -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
code="bench_$(date +%s)"
admin=$(login admin bench-admin)
json "$base/api/admin/branches" -H "Authorization: Bearer $admin" -d "{\"code\":\"$code\",\"name\":\"基准分会\",
  \"address\":\"基准路 1 号\",\"head\":{\"username\":\"head-$code\",\"displayName\":\"负责人\",\"password\":\"bench-password\"}}" > /dev/null
head=$(login "head-$code" bench-password)
json "$base/api/branches/$code/staff" -H "Authorization: Bearer $head" -H "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)" \
  -d "{\"username\":\"steward-$code\",\"displayName\":\"楼长\",\"password\":\"bench-password\",\"roles\":[\"STEWARD\"]}" > /dev/null
steward=$(login "steward-$code" bench-password)

# 50 members of the branch, each with 1,000,000 points issued by the branch and a completed service order of
# 1,000,000 hours not paid with points, which their paper point-book lines pay for (R-LEDGER-8): seeded the way the
# ledger and the time bank would leave them, so that no line of the run is refused.
lines=$(psql -v ON_ERROR_STOP=1 -qAt tongyi_bench <<SQL | paste -sd,
WITH p AS (
  INSERT INTO platform.person (username, display_name, password_hash, home_branch, created_at)
  SELECT 'm-$code-' || g, '会员', '!', '$code', now() FROM generate_series(1, 50) g RETURNING id, public_id),
iss AS (
  INSERT INTO platform.ledger_account (type, branch_code, created_at) VALUES ('ISSUANCE', '$code', now()) RETURNING id),
acc AS (
  INSERT INTO platform.ledger_account (type, person_id, balance, created_at)
  SELECT 'MEMBER', id, 100000000, now() FROM p RETURNING id, person_id),
seed AS (
  INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, branch_code, idem_key,
    credit_balance_after, credit_home_branch, created_at, created_by)
  SELECT 'SERVICE', iss.id, acc.id, 100000000, '$code', 'bench-seed:' || acc.id, 100000000, '$code', now(), 'bench'
  FROM acc, iss RETURNING 1),
orders AS (
  INSERT INTO t_$code.service_request (requester_person_id, requester_home_branch, requester_name, service_type,
    starts_at, place, expected_minutes, description, pay_with_points, status, created_at, volunteer_person_id,
    accepted_at, actual_minutes, rating, confirmed_at, confirmed_by, credited, paid, promotion_bonus)
  SELECT p.id, '$code', '会员', 'SHOPPING', now(), '基准楼', 60, '基准', false, 'COMPLETED', now(), 0, now(),
    60000000, 5, now(), 'bench', 100000000, 0, 0 FROM p RETURNING id, requester_person_id)
SELECT p.public_id || ':' || o.id FROM p JOIN orders o ON o.requester_person_id = p.id ORDER BY p.id;
SQL
)
persons=$(psql -qAt tongyi_bench -c "SELECT id FROM platform.person WHERE username LIKE 'm-$code-%'" | paste -sd,)

bench() {
  BENCH_BRANCH=$code BENCH_TOKEN=$steward BENCH_LINES=$lines BENCH_SCENARIO=$1 \
    wrk -t2 -c"$2" -d"${3:-$seconds}"s --timeout 10s -s bench/ledger/transfers.lua "$base" | tail -1 | sed "s/^/clients=$2 /"
}
# JIT warm-up of the freshly started JVM, not reported (pgbench, in C, needs none): on 2 cores under load the C2
# compiler takes minutes to compile what the workload needs, so 30-second rounds, alternately spread at 8 clients and
# mixed at 32 (hot rows, waits for a connection), run until one of them adds less than a second of compile time
# (jstat), at most 14 rounds
compile_seconds() { jstat -compiler "$platform" | awk 'NR == 2 {print $4}'; }
for round in $(seq 1 14); do
  before=$(compile_seconds)
  if [ $((round % 2)) -eq 1 ]; then bench spread 8 30 > /dev/null; else bench mixed 32 30 > /dev/null; fi
  added=$(awk -v a="$(compile_seconds)" -v b="$before" 'BEGIN {printf "%.1f", a - b}')
  echo "warm-up round $round: $added s of JIT compilation"
  awk -v added="$added" 'BEGIN {exit !(added < 1)}' && break
done
for run in "spread 8" "spread 32" "mixed 32" "hot 8" "hot 32"; do bench $run | tee -a "$data/bench.log"; done

echo "checks: $(psql -qAt tongyi_bench -c "SELECT count(*) FROM platform.ledger_account a WHERE a.type = 'MEMBER' AND a.balance <> (SELECT coalesce(sum(CASE WHEN t.credit_account_id = a.id THEN t.amount ELSE -t.amount END), 0) FROM platform.ledger_transfer t WHERE a.id IN (t.credit_account_id, t.debit_account_id))") cached balances differ from their entries;" \
  "$(psql -qAt tongyi_bench -c "SELECT (SELECT sum(balance) FROM platform.ledger_account WHERE type = 'MEMBER' AND person_id IN ($persons)) + (SELECT sum(paid) FROM t_$code.service_request)") centi-points held by the 50 members or paid for their orders (5000000000 seeded)"
echo "retries: $(curl -s "$base/q/metrics" | grep -E '^tongyi_transaction_retries' | awk '{s += $2} END {print s + 0}')"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine compete for its $(nproc) cores)"
awk -v tps="$tps" '/transfers\/s=/ { split($0, f, "transfers/s="); split(f[2], v, " ");
  printf "ratio %s %s: %.2f x pgbench TPS\n", $2, $1, v[1] / tps }' "$data/bench.log"
