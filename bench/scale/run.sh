#!/usr/bin/env bash
# Scale benchmark (issue 15): one PostgreSQL 15 of its own, the built platform, N branches (default 5,000).
#   1. tenant read median with 2 branches;
#   2. onboarding through the API: bulk with BENCH_CLIENTS clients at once (not measured), then 50 onboardings one
#      after another, measured, at 1,000 and at N branches (median, p95);
#   3. tenant read median with N branches (round-robin over up to BENCH_READ_BRANCHES heads spread over all of them);
#   4. heap after a full GC with N branches, then start-up time of a fresh platform with N branches (to ready);
#   5. `migrate` (as the Helm Job runs it) over N schemas that each lack one tenant change set, then again with all
#      current.
# BENCH_BULK_UNTIL (epoch seconds) stops the bulk phases early, on a machine too slow for N in the time at hand; the
# figures are then for the number reached, which the summary states.
# Build first (./mvnw -B package -DskipTests -pl platform-core -am); run as root (PostgreSQL runs as user postgres).
set -euo pipefail
cd "$(dirname "$0")/../.."
N=${1:-5000}
CLIENTS=${BENCH_CLIENTS:-4}
READS=${BENCH_READS:-3000}
READ_BRANCHES=${BENCH_READ_BRANCHES:-1000}
UNTIL=${BENCH_BULK_UNTIL:-9999999999}
WINDOW=${BENCH_WINDOW:-50}
PG_BIN=/usr/lib/postgresql/15/bin
PG_PORT=${BENCH_PG_PORT:-55432}
HTTP_PORT=${BENCH_HTTP_PORT:-18181}
work=$(mktemp -d /tmp/scale-bench.XXXXXX)
chmod 755 "$work"
base=http://127.0.0.1:$HTTP_PORT
codes=$work/codes.txt
results=$work/results.txt
log() { echo "$(date -u +%H:%M:%S) $*" | tee -a "$results"; }

cp -r platform-core/target/quarkus-app "$work/app"
install -d -o postgres "$work/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 > "$work/initdb.log"
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w \
  -o "-p $PG_PORT -k $work/pg -c max_connections=100 -c shared_buffers=512MB" start > /dev/null
platform=
stop_all() {
  [ -n "$platform" ] && kill "$platform" 2> /dev/null && wait "$platform" 2> /dev/null || true
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$work/pg/data" -m fast stop > /dev/null 2>&1 || true
}
trap stop_all EXIT
"$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE tongyi"

export TONGYI_DB_URL=jdbc:postgresql://127.0.0.1:$PG_PORT/tongyi TONGYI_DB_USER=postgres TONGYI_DB_PASSWORD=
export TONGYI_DATA_DIR=$work/data TONGYI_ADMIN_PASSWORD=bench-admin TONGYI_HTTP_PORT=$HTTP_PORT
JAVA_OPTS=(-Xmx1g -XX:+UseParallelGC)
start_platform() {  # sets startup_ms: milliseconds from launch to ready
  local t0 now
  t0=$(date +%s%3N)
  java "${JAVA_OPTS[@]}" -jar "$work/app/quarkus-run.jar" >> "$work/platform.log" 2>&1 &
  platform=$!
  until curl -sf "$base/q/health/ready" > /dev/null; do
    kill -0 "$platform" || { echo "platform died" >&2; tail -30 "$work/platform.log" >&2; exit 1; }
    sleep 0.2
  done
  now=$(date +%s%3N)
  startup_ms=$((now - t0))
}
stop_platform() { kill "$platform"; wait "$platform" 2> /dev/null || true; platform=; }
heap_mib() {  # heap in use after a full GC
  jcmd "$platform" GC.run > /dev/null
  jcmd "$platform" GC.heap_info | awk '/total/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") {v = $(i + 1); sub("K,?", "", v); s += v}} END {printf "%.0f", s / 1024}'
}
bench() { java bench/scale/ScaleBench.java "$@"; }
psql_q() { "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d tongyi -qAt "$@"; }

log "PostgreSQL 15 on port $PG_PORT, work dir $work, N=$N, bulk clients $CLIENTS"
start_platform
log "start-up, empty database (migrates the platform schema): $startup_ms ms"
bench measure "$base" bench-admin "$codes" 0 2 > /dev/null
log "tenant read median, 2 branches: $(bench reads "$base" "$codes" 2 "$READS") ms"

reached=2
onboard_to() {  # bulk to $1 - WINDOW, then WINDOW measured onboardings
  local target=$1
  reached=$(bench onboard "$base" bench-admin "$codes" "$reached" $((target - WINDOW)) "$CLIENTS" "$UNTIL")
  local figures
  figures=$(bench measure "$base" bench-admin "$codes" "$reached" "$WINDOW")
  reached=$((reached + WINDOW))
  log "onboarding at $reached branches ($WINDOW one after another): median ${figures% *} ms, p95 ${figures#* } ms"
}
onboard_to $((N < 1000 ? N : 1000))
[ "$N" -gt 1000 ] && [ "$(date +%s)" -lt "$UNTIL" ] && onboard_to "$N"
log "branches onboarded: $reached; schemas: $(psql_q -c "SELECT count(*) FROM pg_namespace WHERE nspname LIKE 't\_%'"); relations in the catalog: $(psql_q -c 'SELECT count(*) FROM pg_class'); database size: $(psql_q -c "SELECT pg_size_pretty(pg_database_size('tongyi'))")"
log "tenant read median, $reached branches (round-robin over $((reached < READ_BRANCHES ? reached : READ_BRANCHES)) of them): $(bench reads "$base" "$codes" "$READ_BRANCHES" "$READS") ms"
log "heap in use after a full GC, $reached branches, after the run: $(heap_mib) MiB"
stop_platform

export TONGYI_MIGRATE_AT_START=false
start_platform
log "start-up to ready with $reached branches (as a pod: no migration): $startup_ms ms; heap after a full GC: $(heap_mib) MiB"
stop_platform

# One new tenant change set, as a release would bring: every schema lacks finance:0102-dividends-immutable (2 triggers).
psql_q -c "SELECT 'DROP TRIGGER dividend_share_guard ON ' || nspname || '.dividend_share; DROP TRIGGER dividend_choice_guard ON ' || nspname || '.dividend_choice; DELETE FROM ' || nspname || '.databasechangelog WHERE id = ''0102-dividends-immutable'';' FROM pg_namespace WHERE nspname LIKE 't\_%'" > "$work/behind.sql"
psql_q -f "$work/behind.sql"
for run in "one new change set" "all current"; do
  t0=$(date +%s%3N)
  java "${JAVA_OPTS[@]}" -jar "$work/app/quarkus-run.jar" migrate > "$work/migrate-${run// /-}.log" 2>&1 || log "migrate FAILED (exit $?)"
  t1=$(date +%s%3N)
  log "migrate, $reached schemas, $run (parallelism ${TONGYI_MIGRATE_PARALLELISM:-4}): $((t1 - t0)) ms; $(grep -o 'Upgraded [0-9]* branch schemas.*' "$work/migrate-${run// /-}.log" | tail -1); branch schemas from $(grep -o '^[0-9-]* [0-9:,]*.*Platform schema is up to date' "$work/migrate-${run// /-}.log" | cut -c12-23) to $(grep -o '^[0-9-]* [0-9:,]*.*Upgraded [0-9]* branch' "$work/migrate-${run// /-}.log" | cut -c12-23)"
done
log "schemas holding the new change set: $(psql_q -c "SELECT count(*) FROM pg_trigger WHERE tgname = 'dividend_share_guard'") of $reached"
log "done; results in $results"
