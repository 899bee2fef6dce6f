#!/usr/bin/env bash
# Plugin route vs core endpoint: redemptions through the merchant-alliance plugin
# (POST /api/branches/{b}/plugins/merchant-alliance/redemptions) against lines of the paper point book
# (POST /api/branches/{b}/ledger/transfers), both one ledger posting from a member, on the same platform, PostgreSQL
# and members, in one run. Starts the machine's PostgreSQL 15, the built platform (its plugins folder holds the
# merchant-alliance jar the build put there), sets up a branch, a merchant and 50 members through the API (seed.py),
# gives the members points and completed service orders with psql, mints one point code per redemption with the
# branch's key (mint_codes.py), warms both paths up, then measures each at 8 and 32 clients with wrk.
# Build first: ./mvnw -B install -DskipTests      Needs: apt-get install wrk      Run as root: bench/plugins/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
port=${BENCH_PORT:-18082}
seconds=${BENCH_SECONDS:-20}
data=$(mktemp -d /tmp/tongyi-plugin-bench.XXXXXX)
export PGPASSWORD=bench-secret PGHOST=localhost PGUSER=tongyi_plugin_bench
platform=
cleanup() {
  if [ -n "$platform" ]; then kill "$platform" 2>/dev/null || true; wait "$platform" 2>/dev/null || true; fi
  pg_ctlcluster --skip-systemctl-redirect 15 main stop || true
  rm -rf "$data"
}
trap cleanup EXIT
as_postgres() { env -u PGHOST -u PGUSER -u PGPASSWORD runuser -u postgres -- psql -v ON_ERROR_STOP=1 -qAt "$@"; }

pg_ctlcluster --skip-systemctl-redirect 15 main status > /dev/null || pg_ctlcluster --skip-systemctl-redirect 15 main start
as_postgres -c "DROP DATABASE IF EXISTS tongyi_plugin_bench" -c "DROP ROLE IF EXISTS tongyi_plugin_bench" \
  -c "CREATE ROLE tongyi_plugin_bench LOGIN PASSWORD '$PGPASSWORD'" -c "CREATE DATABASE tongyi_plugin_bench OWNER tongyi_plugin_bench"
ls platform-core/target/quarkus-app/plugins/merchant-alliance-*-plugin.jar > /dev/null

IMAGE_JVM_OPTIONS="-XX:+UseParallelGC -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:GCTimeRatio=4 -XX:AdaptiveSizePolicyWeight=90"
TONGYI_DB_URL="jdbc:postgresql://localhost:5432/tongyi_plugin_bench" TONGYI_DB_USER=tongyi_plugin_bench \
  TONGYI_DB_PASSWORD=$PGPASSWORD TONGYI_DATA_DIR=$data TONGYI_ADMIN_PASSWORD=bench-admin TONGYI_HTTP_PORT=$port \
  TONGYI_REGISTRATION_LIMIT_PER_HOUR=100000 \
  java -Xmx1g $IMAGE_JVM_OPTIONS -jar platform-core/target/quarkus-app/quarkus-run.jar > "$data/platform.log" 2>&1 &
platform=$!
base="http://localhost:$port"
for _ in $(seq 1 120); do curl -sf "$base/q/health/ready" > /dev/null && break; sleep 1; done

code="plug_$(date +%s)"
eval "$(python3 bench/plugins/seed.py "$base" bench-admin "$code" 50)"

# Each member gets 1,000,000 points issued by the branch and a completed service order of 1,000,000 hours not paid
# with points, which their paper point-book lines pay for (R-LEDGER-8), as the ledger and the time bank leave them.
lines=$(psql -v ON_ERROR_STOP=1 -qAt tongyi_plugin_bench <<SQL | paste -sd,
WITH p AS (SELECT id, public_id FROM platform.person WHERE username LIKE 'm-$code-%'),
iss AS (
  INSERT INTO platform.ledger_account (type, branch_code, created_at) VALUES ('ISSUANCE', '$code', now())
  ON CONFLICT DO NOTHING RETURNING id),
issuance AS (SELECT id FROM iss UNION ALL SELECT id FROM platform.ledger_account WHERE type = 'ISSUANCE'
  AND branch_code = '$code' LIMIT 1),
acc AS (
  INSERT INTO platform.ledger_account (type, person_id, balance, created_at)
  SELECT 'MEMBER', id, 100000000, now() FROM p RETURNING id, person_id),
seed AS (
  INSERT INTO platform.ledger_transfer (kind, debit_account_id, credit_account_id, amount, branch_code, idem_key,
    credit_balance_after, credit_home_branch, created_at, created_by)
  SELECT 'SERVICE', issuance.id, acc.id, 100000000, '$code', 'bench-seed:' || acc.id, 100000000, '$code', now(), 'bench'
  FROM acc, issuance RETURNING 1),
orders AS (
  INSERT INTO t_$code.service_request (requester_person_id, requester_home_branch, requester_name, service_type,
    starts_at, place, expected_minutes, description, pay_with_points, status, created_at, volunteer_person_id,
    accepted_at, actual_minutes, rating, confirmed_at, confirmed_by, credited, paid, promotion_bonus)
  SELECT p.id, '$code', '会员', 'SHOPPING', now(), '基准楼', 60, '基准', false, 'COMPLETED', now(), 0, now(),
    60000000, 5, now(), 'bench', 100000000, 0, 0 FROM p RETURNING id, requester_person_id)
SELECT p.public_id || ':' || o.id FROM p JOIN orders o ON o.requester_person_id = p.id ORDER BY p.id;
SQL
)
key=$(psql -qAt tongyi_plugin_bench -c "SELECT encode(secret, 'hex') FROM t_$code.merchant_alliance_signing_key")

plugin() {
  python3 bench/plugins/mint_codes.py "$code" "$key" "$members" 60000 > "$data/codes.txt"
  BENCH_BRANCH=$code BENCH_TOKEN=$merchant BENCH_CODES=$data/codes.txt BENCH_THREADS=2 \
    wrk -t2 -c"$1" -d"${2:-$seconds}"s --timeout 10s -s bench/plugins/redemptions.lua "$base" | tail -1 \
    | sed "s/^/clients=$1 /"
}
core() {
  BENCH_BRANCH=$code BENCH_TOKEN=$steward BENCH_LINES=$lines BENCH_SCENARIO=spread \
    wrk -t2 -c"$1" -d"${2:-$seconds}"s --timeout 10s -s bench/ledger/transfers.lua "$base" | tail -1 \
    | sed "s/^/clients=$1 /; s/scenario=spread/scenario=core/"
}
# JIT warm-up of both paths, not reported: alternate 30-second rounds until a round adds less than a second of
# compile time (jstat), at least 2 of each, at most 12 rounds
compile_seconds() { jstat -compiler "$platform" | awk 'NR == 2 {print $4}'; }
for round in $(seq 1 12); do
  before=$(compile_seconds)
  if [ $((round % 2)) -eq 1 ]; then plugin 8 30 > /dev/null; else core 8 30 > /dev/null; fi
  added=$(awk -v a="$(compile_seconds)" -v b="$before" 'BEGIN {printf "%.1f", a - b}')
  echo "warm-up round $round: $added s of JIT compilation"
  [ "$round" -ge 4 ] && awk -v added="$added" 'BEGIN {exit !(added < 1)}' && break
done
for clients in 8 32; do
  plugin "$clients" | tee -a "$data/bench.log"
  core "$clients" | tee -a "$data/bench.log"
done

echo "checks: $(psql -qAt tongyi_plugin_bench -c "SELECT count(*) FROM platform.ledger_account a WHERE a.balance <> (SELECT coalesce(sum(CASE WHEN t.credit_account_id = a.id THEN t.amount ELSE -t.amount END), 0) FROM platform.ledger_transfer t WHERE a.id IN (t.credit_account_id, t.debit_account_id)) AND a.type = 'MEMBER'") cached balances differ from their entries;" \
  "$(psql -qAt tongyi_plugin_bench -c "SELECT count(*) FROM t_$code.merchant_alliance_redemption") redemption lines for" \
  "$(psql -qAt tongyi_plugin_bench -c "SELECT count(*) FROM platform.ledger_transfer WHERE kind = 'REDEMPTION'") REDEMPTION transfers"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on this machine compete for its $(nproc) cores)"
awk '/transfers\/s=/ { split($0, f, "transfers/s="); split(f[2], v, " "); split($2, s, "="); rate[$1 " " s[2]] = v[1] }
  END { for (c in rate) if (c ~ /plugin/) { split(c, k, " "); core = rate[k[1] " core"];
    printf "%s: the plugin path costs %.2f x the core path (core %d/s, plugin %d/s)\n", k[1], core / rate[c], core, rate[c] } }' \
  "$data/bench.log"
