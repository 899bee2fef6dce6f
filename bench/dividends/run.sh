#!/usr/bin/env bash
# Dividend benchmark: one branch with BENCH_MEMBERS (default 100,000) co-creation members and a year of ledger
# activity, seeded with SQL (seed.sql) into a private PostgreSQL 15 under /tmp; the built platform runs with a 512 MB
# heap; the year is audited and locked through the API; POST /api/branches/{branch}/finance/dividends/{year}/runs is
# timed, and compared (as a ratio, in the same run) with the snapshot's SQL alone, run by psql.
# Build first: ./mvnw -B -o -pl platform-core -am package -DskipTests        Run as root: bench/dividends/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
members=${BENCH_MEMBERS:-100000}
port=${BENCH_PG_PORT:-15433}
http=${BENCH_PORT:-18082}
year=$(( $(date +%Y) - 1 ))
pg=/usr/lib/postgresql/15/bin
data=$(mktemp -d /tmp/tongyi-dividend-bench.XXXXXX)
chown postgres "$data"
platform=
cleanup() {
  if [ -n "$platform" ]; then kill "$platform" 2>/dev/null || true; wait "$platform" 2>/dev/null || true; fi
  cp "$data/platform.log" /tmp/tongyi-dividend-bench-platform.log 2>/dev/null || true
  runuser -u postgres -- "$pg/pg_ctl" -D "$data/pg" -m fast stop > /dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
runuser -u postgres -- "$pg/initdb" -D "$data/pg" -U postgres -A trust -E UTF8 > "$data/initdb.log"
runuser -u postgres -- "$pg/pg_ctl" -D "$data/pg" -l "$data/pg.log" -w \
  -o "-p $port -k $data -c shared_buffers=256MB -c max_connections=50" start > /dev/null
export PGHOST=localhost PGPORT=$port PGUSER=postgres
psql -qAt -c "CREATE DATABASE tongyi_bench"

TONGYI_DB_URL="jdbc:postgresql://localhost:$port/tongyi_bench" TONGYI_DB_USER=postgres TONGYI_DATA_DIR=$data \
  TONGYI_ADMIN_PASSWORD=bench-admin TONGYI_HTTP_PORT=$http \
  java -Xmx512m -XX:+UseParallelGC -Xlog:gc:file="$data/gc.log" \
  -jar platform-core/target/quarkus-app/quarkus-run.jar > "$data/platform.log" 2>&1 &
platform=$!
base="http://localhost:$http"
for _ in $(seq 1 180); do curl -sf "$base/q/health/ready" > /dev/null && break; sleep 1; done

json() { curl -sf "$@" -H 'Content-Type: application/json'; }
login() { json "$base/api/auth/login" -d "{\"username\":\"$1\",\"password\":\"$2\"}" | jq -r .accessToken; }
key() { cat /proc/sys/kernel/random/uuid; }
code="divbench_$(date +%s)"
admin=$(login admin bench-admin)
json "$base/api/admin/branches" -H "Authorization: Bearer $admin" -d "{\"code\":\"$code\",\"name\":\"基准分会\",
  \"address\":\"基准路 1 号\",\"head\":{\"username\":\"head-$code\",\"displayName\":\"负责人\",\"password\":\"bench-password\"}}" > /dev/null
json "$base/api/admin/branches/$code/status" -H "Authorization: Bearer $admin" -d '{"status":"ACTIVE"}' > /dev/null
head=$(login "head-$code" bench-password)
json "$base/api/branches/$code/buildings" -H "Authorization: Bearer $head" \
  -d '{"name":"1号楼","units":6,"latitude":39.9,"longitude":116.4}' > /dev/null
json "$base/api/branches/$code/staff" -H "Authorization: Bearer $head" -H "Idempotency-Key: $(key)" \
  -d "{\"username\":\"fin-$code\",\"displayName\":\"财务\",\"password\":\"bench-password\",\"roles\":[\"FINANCE\"]}" > /dev/null
finance=$(login "fin-$code" bench-password)

start=$(date +%s.%N)
psql -q -v code="$code" -v members="$members" -v year="$year" -d tongyi_bench -f bench/dividends/seed.sql
echo "seeded $members members in $(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.1f", e - s}') s:" \
  "$(psql -qAt -d tongyi_bench -c "SELECT count(*) FROM platform.ledger_transfer WHERE branch_code = '$code'") transfers"

f="$base/api/branches/$code/finance"
printf '%%PDF-1.4\n%% bench audit report\n%%%%EOF\n' > "$data/audit.pdf"
curl -sf "$f/years/$year/audit-report?auditor=bench" -H "Authorization: Bearer $finance" -H "Idempotency-Key: $(key)" \
  -H 'Content-Type: application/pdf' --data-binary @"$data/audit.pdf" > /dev/null
echo "locked $year: net profit $(curl -sf -X POST "$f/years/$year/lock" -H "Authorization: Bearer $finance" \
  -H "Idempotency-Key: $(key)" | jq .result.netProfitFen) fen"

run() {
  curl -sf -X POST "$f/dividends/$year/runs" -H "Authorization: Bearer $finance" -H "Idempotency-Key: $(key)" \
    -o "$data/run.json" -w '%{time_total}'
}
first=$(run)
second=$(run)
jq -c '{memberCount, totalContribution, groups, snapshotSha256}' "$data/run.json"
echo "the two runs' snapshots agree: $(curl -sf "$f/dividends/$year/runs" -H "Authorization: Bearer $finance" \
  | jq '[.[].snapshotSha256] | unique | length == 1')"
echo "members' amounts add up: $(psql -qAt -d tongyi_bench -c "SELECT sum(amount_fen) = (SELECT members_fen FROM \
  t_$code.dividend_run WHERE id = '$(jq -r .id "$data/run.json")') FROM t_$code.dividend_share WHERE run_id = \
  '$(jq -r .id "$data/run.json")'")"
# the reference of the ratio: the year's service and referral credits of the branch's members, aggregated by psql
# alone (the least any computation from the ledger reads)
sql_start=$(date +%s.%N)
psql -qAt -d tongyi_bench > /dev/null <<SQL
SELECT count(*), sum(t.amount) FROM platform.ledger_transfer t
JOIN platform.ledger_account a ON a.id = t.credit_account_id
JOIN t_$code.member m ON m.person_id = a.person_id
WHERE t.created_at >= make_timestamptz($year, 1, 1, 0, 0, 0, 'Asia/Shanghai')
  AND t.created_at < make_timestamptz($year + 1, 1, 1, 0, 0, 0, 'Asia/Shanghai')
  AND t.kind IN ('SERVICE', 'SERVICE_PAYMENT', 'REFERRAL');
SQL
sql=$(awk -v s="$sql_start" -v e="$(date +%s.%N)" 'BEGIN {printf "%.3f", e - s}')
heap=$(grep -oP '\d+M->\d+M\(\d+M\)' "$data/gc.log" | awk -F'[M>(-]' '{if ($1 > max) max = $1} END {print max + 0}')
echo "dividend run, $members members: first ${first} s, second ${second} s (target < 10 s)"
echo "the year's credits aggregated by psql alone: ${sql} s; ratio run / aggregate: $(awk -v r="$second" -v s="$sql" \
  'BEGIN {printf "%.1f", r / s}')"
echo "heap: -Xmx512m, largest heap before a collection ${heap} MB (gc log), no OutOfMemoryError: \
$(grep -c OutOfMemoryError "$data/platform.log" || true) in the log"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
