#!/usr/bin/env bash
# Connections one media server holds (issue 17): CONNECTIONS keep-alive connections at once, each
# asking for a playlist of an event on the air (VIEWERS viewers, one playback token each, round
# robin, so that no playback session has more than its 8 responses under way), twice: paced, each
# connection once every PACE_MS (a player reloading a live playlist once a target duration), then
# flat out, each asking again as soon as it is answered (overload: answers wait, WRK_TIMEOUT
# raised to 30 s so that waiting is measured as latency). Reports req/s, latency, wrk's socket
# errors (connect, read, write, timeout) and non-2xx answers, the 503s the media server answered
# when busy, and what the server logged meanwhile (SEVERE lines, rejected tasks).
# Target: 10,000 connections with no error and no stack trace.
#   bench/connections.sh   (CONNECTIONS=10000 VIEWERS=2000 PACE_MS=2000, DURATION=30s WARMUP=10s)
set -euo pipefail
CONNECTIONS=${CONNECTIONS:-10000}
VIEWERS=${VIEWERS:-2000}
PACE_MS=${PACE_MS:-2000}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need wrk curl python3
# wrk and the server each hold one descriptor per connection, and then some.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
if (($(ulimit -n) < CONNECTIONS + 1000)); then
  echo "bench: $CONNECTIONS connections need more open files than 'ulimit -n' allows ($(ulimit -n))" >&2
  exit 1
fi
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
trap stop_streamgate EXIT

start_streamgate "$WORK/streamgate" RATE_LIMIT_REDEEM_PER_MINUTE=0
live_event_viewers "$WORK" "$VIEWERS"
FOLDER=$WORK/streamgate/data/streams/$EVENT
mkdir -p "$FOLDER"
vod_playlist "$FOLDER/index.m3u8"
PLAYLIST=/streams/$EVENT/index.m3u8
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -n 1 "$TOKENS")" \
  "$BASE$PLAYLIST") == 200 ]]
LOG=$WORK/streamgate/data/logs/server.log
severe() { grep -c 'SEVERE' "$LOG" || true; }
rejected() { grep -c 'RejectedExecutionException' "$LOG" || true; }
busy() { curl -s "$BASE/metrics" | awk '/^streamgate_media_responses_refused/ {sum += $NF} END {print sum + 0}'; }

# measure NAME SCRIPT [SCRIPT ARGS...]: one wrk run, and what the server did meanwhile.
measure() {
  local name=$1 socket severe_before rejected_before busy_before
  shift
  severe_before=$(severe)
  rejected_before=$(rejected)
  busy_before=$(busy)
  run_wrk "$name" "$BASE$PLAYLIST" "$@"
  socket=$(awk '/Socket errors/ {sub(/^ *Socket errors: */, ""); print}' <<<"$WRK_OUT")
  echo "  socket errors: ${socket:-none}; answered 503 (busy): $(($(busy) - busy_before))"
  echo "  server log meanwhile: $(($(severe) - severe_before)) SEVERE, $(($(rejected) - rejected_before)) rejected tasks"
  echo "  server threads: $(find /proc/"$SERVER_PID"/task -mindepth 1 -maxdepth 1 | wc -l), open files: $(find /proc/"$SERVER_PID"/fd -mindepth 1 -maxdepth 1 | wc -l) (after the run)"
}

echo "Connections to one server, $(nproc) cores, $VIEWERS viewers (wrk -t2 -c$CONNECTIONS -d$DURATION after $WARMUP warm-up)"
warm "$BASE$PLAYLIST" "$BENCH/viewers.lua" "$TOKENS" "$PLAYLIST" "$PACE_MS"
measure "paced: each every $PACE_MS ms" "$BENCH/viewers.lua" "$TOKENS" "$PLAYLIST" "$PACE_MS"
WRK_TIMEOUT=30s measure "flat out" "$BENCH/media.lua" "$TOKENS" "$PLAYLIST"
