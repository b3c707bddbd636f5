#!/usr/bin/env bash
# Viewer API benchmark: boots StreamGate (launcher, rate limits off: `0`) on H2 and
# then on PostgreSQL, seeds codes, and measures with wrk at 32 connections:
#   redeem     POST /api/tokens/validate, every request a distinct fresh code
#   heartbeat  POST /api/playback/heartbeat of live sessions
# Targets (issue 3): redeem >= 1,000 req/s, heartbeat >= 3,000 req/s, p99 < 50 ms.
#   bench/viewer-api.sh [h2] [postgresql]
set -euo pipefail
# On 2 cores the JIT compiler is still at work after 30 s of load (a fifth of the CPU in the
# measured window after a 20 s warm-up): warm up for a minute unless told otherwise.
WARMUP=${WARMUP:-60s}
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need wrk psql python3
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -mindepth 2 -maxdepth 2 -name 'h2-*.jar' | sort -V | tail -n 1)
[[ -f $ROOT/target/postgresql.jar ]] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
trap 'stop_streamgate' EXIT

bench_database() {
  local kind=$1
  bench_db "$kind" "$WORK/$kind"
  start_streamgate "$WORK/$kind" DATABASE_URL="$DB_URL" STREAMGATE_DEMO=false \
    RATE_LIMIT_REDEEM_PER_MINUTE=0 RATE_LIMIT_REFRESH_PER_HOUR=0
  java -cp "$H2_JAR:$ROOT/target/postgresql.jar" "$BENCH/BenchData.java" \
    "$DB_JDBC" "$DB_USER" "$BASE" "$WORK/$kind" 40000 100000 2000
  warm "$BASE" "$BENCH/redeem.lua" "$WORK/$kind/codes-warm.txt" 2
  warm "$BASE" "$BENCH/heartbeat.lua" "$WORK/$kind/tokens.txt"
  settle
  run_wrk "redeem ($kind)" "$BASE" "$BENCH/redeem.lua" "$WORK/$kind/codes.txt" 2
  run_wrk "heartbeat ($kind)" "$BASE" "$BENCH/heartbeat.lua" "$WORK/$kind/tokens.txt"
  echo "  server RSS after the runs: $(($(ps -o rss= -p "$SERVER_PID") / 1024)) MB"
  stop_streamgate
  drop_bench_db
}

echo "StreamGate viewer API, $(nproc) cores, wrk -t2 -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up)"
kinds=("$@")
((${#kinds[@]})) || kinds=(h2 postgresql)
for kind in "${kinds[@]}"; do
  bench_database "$kind"
done
