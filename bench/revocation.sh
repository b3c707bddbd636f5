#!/usr/bin/env bash
# Revocation benchmark (issue 5): one platform and two media members, each its own Payara Micro
# started by the launcher, in one isolated data grid on loopback (H2 database).
#   1. Propagation: 120 playing sessions, each code revoked through the admin API; per media member
#      the time from the revoke call returning to the first 403 for the session's next segment
#      request, p50/p99/max. Target: p99 < 1 s.
#   2. Cost of the revocation check: wrk on one member's 1 MB segment with ~120 entries in the view,
#      then with 100,000 more revoked codes in it (published by the platform on restart). Target:
#      the large view keeps >= 0.95 of the small view's throughput.
#   bench/revocation.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need wrk curl python3
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -mindepth 2 -maxdepth 2 -name 'h2-*.jar' | sort -V | tail -n 1)
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
SESSIONS=${SESSIONS:-120}
LAUNCHERS=()
cleanup() {
  local pid
  for pid in "${LAUNCHERS[@]}"; do
    pkill -TERM -P "$pid" 2>/dev/null || true
    kill -TERM "$pid" 2>/dev/null || true
  done
  wait 2>/dev/null || true
}
trap cleanup EXIT

mapfile -t GRID_PORTS < <(free_port 3)
CLUSTER=(STREAMGATE_CLUSTER_NAME="bench-$(date +%s)-$RANDOM"
  STREAMGATE_CLUSTER_MEMBERS="127.0.0.1:${GRID_PORTS[0]},127.0.0.1:${GRID_PORTS[1]},127.0.0.1:${GRID_PORTS[2]}"
  INTERNAL_API_KEY="bench-internal-api-key-$RANDOM$RANDOM")
JDBC="jdbc:h2:file:$WORK/platform/data/db/streamgate;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
STREAMS=$WORK/streams
mkdir -p "$STREAMS"

start_platform() {
  start_streamgate "$WORK/platform" "${CLUSTER[@]}" STREAMGATE_ROLE=platform \
    STREAMGATE_GRID_PORT="${GRID_PORTS[0]}" DATABASE_URL="$JDBC" STREAMGATE_DEMO=false \
    RATE_LIMIT_REDEEM_PER_MINUTE=0
  PLATFORM=$BASE PLATFORM_LAUNCHER=$LAUNCHER
  LAUNCHERS+=("$LAUNCHER")
}

echo "Revocation, $(nproc) cores: platform + 2 media members, each a Payara Micro, one data grid"
start_platform
MEDIA=()
for i in 1 2; do
  start_streamgate "$WORK/media$i" "${CLUSTER[@]}" STREAMGATE_ROLE=media \
    STREAMGATE_GRID_PORT="${GRID_PORTS[$i]}" STREAM_ROOT="$STREAMS" PLATFORM_APP_URL="$PLATFORM"
  MEDIA+=("$BASE")
  LAUNCHERS+=("$LAUNCHER")
  [[ $i == 1 ]] && MEDIA1_PID=$SERVER_PID
done

java -cp "$H2_JAR" "$BENCH/BenchData.java" "$JDBC" "" "$PLATFORM" "$WORK" 0 5 "$SESSIONS"
EVENT=$(cat "$WORK/event.txt")
mkdir -p "$STREAMS/$EVENT"
head -c 1024 /dev/urandom >"$STREAMS/$EVENT/small.ts"
head -c 1048576 /dev/urandom >"$STREAMS/$EVENT/segment.ts"

echo
echo "1. Propagation ($SESSIONS revocations)"
java -cp "$H2_JAR" "$BENCH/RevocationPropagation.java" "$JDBC" "$PLATFORM" \
  "$(cat "$WORK/platform/data/admin-password")" "$WORK" "/streams/$EVENT/small.ts" "${MEDIA[@]}"

echo
echo "2. Cost of the revocation check (wrk -t2 -c$CONNECTIONS -d$DURATION on ${MEDIA[0]}, 1 MB segment)"
echo "   small view, 100,000 more revoked codes, small view again; each after a platform restart"
CODE=$(head -n 1 "$WORK/codes.txt")
TOKEN=$(curl -sf -X POST -H 'Content-Type: application/json' -d "{\"code\":\"$CODE\"}" \
  "$PLATFORM/api/tokens/validate" | python3 -c 'import json,sys; print(json.load(sys.stdin)["playbackToken"])')
AUTH="Authorization: Bearer $TOKEN"
URL=${MEDIA[0]}/streams/$EVENT/segment.ts
view_size() { curl -sf "${MEDIA[0]}/streams/health" | python3 -c 'import json,sys; print(json.load(sys.stdin)["revocationCacheSize"])'; }
sql() { java -cp "$H2_JAR" org.h2.tools.Shell -url "$JDBC" -user "" -password "" -sql "$1" >/dev/null; }
mkdir -p "$WORK/large"
java -cp "$H2_JAR" "$BENCH/BenchData.java" "$JDBC" "" "$PLATFORM" "$WORK/large" 0 100000 0
LARGE_EVENT=$(cat "$WORK/large/event.txt")

# The platform publishes the database's revocations to the grid when it starts (its reconcile):
# restart it, wait until the member's view has the expected size and both JVMs are quiet, measure.
measure() {
  local revoked=$1 wanted=$2 started=$SECONDS
  sql "UPDATE access_code SET revoked = $revoked, revoked_at = CURRENT_TIMESTAMP WHERE event_id = '$LARGE_EVENT'"
  pkill -TERM -P "$PLATFORM_LAUNCHER" 2>/dev/null || true
  kill -TERM "$PLATFORM_LAUNCHER" 2>/dev/null || true
  wait "$PLATFORM_LAUNCHER" 2>/dev/null || true
  start_platform
  until [[ $(view_size) == "$wanted" ]]; do sleep 1; done
  echo "  (view of $(view_size) entries $((SECONDS - started)) s after the platform restart began)"
  local platform_pid=$SERVER_PID
  SERVER_PID=$MEDIA1_PID
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" -H "$AUTH" "$URL" >/dev/null
  settle
  SERVER_PID=$platform_pid
  settle
  run_wrk "view of $(view_size) entries" "$URL" -H "$AUTH"
}
measure FALSE "$SESSIONS"
SMALL=$RPS
measure TRUE $((SESSIONS + 100000))
LARGE=$RPS
measure FALSE "$SESSIONS"
python3 -c "print(f'  large view / mean of the small views: {$LARGE / (($SMALL + $RPS) / 2):.3f} (target >= 0.95)')"

echo
echo "3. The check alone (RevocationView.refuses, one JVM, no HTTP)"
java -cp "$ROOT/media-war/target/classes:$ROOT/common-jar/target/classes" "$BENCH/RevocationCheck.java"
