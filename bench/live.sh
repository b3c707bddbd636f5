#!/usr/bin/env bash
# Live playlist sharing through the upstream proxy (issue 16): a real encoder (tools/live-encoder.sh,
# 2 s segments, sliding window) keeps rewriting an event's playlists on an nginx origin; the media
# server proxies that origin (UPSTREAM_ORIGIN). VIEWERS simulated viewers (one playback token each,
# one wrk connection each, asking as fast as they are answered: harsher than players reloading once
# a target duration) ask the media server for the event's live variant playlist. Reports the
# viewers' req/s and latency and the origin's requests per second for that playlist, counted in
# nginx's access log.
# Target: at most one origin request per half target duration (1 s) per media server.
#   bench/live.sh                      (VIEWERS=1000; DURATION and WARMUP as in common.sh)
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need wrk nginx curl python3 ffmpeg
VIEWERS=${VIEWERS:-1000}
CONNECTIONS=$VIEWERS
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
NGINX_PID=
ENCODER_PID=
cleanup() {
  [[ -n $ENCODER_PID ]] && kill "$ENCODER_PID" 2>/dev/null
  stop_streamgate
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null
  true
}
trap cleanup EXIT

# The origin: nginx serving a folder, logging every request as it is answered.
ORIGIN=$WORK/origin
mkdir -p "$ORIGIN"
chmod a+rx "$WORK" "$ORIGIN"
start_nginx "$WORK/nginx" "$ORIGIN" 1 "$WORK/nginx/access.log" path

start_streamgate "$WORK/streamgate" RATE_LIMIT_REDEEM_PER_MINUTE=0 \
  UPSTREAM_ORIGIN="http://127.0.0.1:$NGINX_PORT"

live_event_viewers "$WORK" "$VIEWERS"

# The encoder, into the origin's folder of the event.
"$ROOT/tools/live-encoder.sh" "$ORIGIN/$EVENT" </dev/null >"$WORK/encoder.log" 2>&1 &
ENCODER_PID=$!
for _ in $(seq 1 100); do [[ -s $ORIGIN/$EVENT/v0/index.m3u8 ]] && break; sleep 0.2; done
chmod -R a+rX "$ORIGIN"
PLAYLIST=/streams/$EVENT/v0/index.m3u8
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(head -n 1 "$TOKENS")" \
  "$BASE$PLAYLIST") == 200 ]]

origin_requests() { grep -c "^/$EVENT/v0/index.m3u8 " "$WORK/nginx/access.log" || true; }
echo "Live playlist through the proxy, $(nproc) cores, $VIEWERS viewers (wrk -t2 -c$VIEWERS -d$DURATION after $WARMUP warm-up)"
warm "$BASE$PLAYLIST" "$BENCH/media.lua" "$TOKENS" "$PLAYLIST"
before=$(origin_requests)
run_wrk "viewers: live variant playlist" "$BASE$PLAYLIST" "$BENCH/media.lua" "$TOKENS" "$PLAYLIST"
after=$(origin_requests)
seconds=${DURATION%s}
printf '  %-32s %d requests in %s s: %.2f req/s (target <= 1 per half target duration: 1.00)\n' \
  "origin: live variant playlist" "$((after - before))" "$seconds" \
  "$(python3 -c "print(($after - $before) / $seconds)")"
grep -q " 200$" "$WORK/nginx/access.log" || {
  echo "bench: the origin answered no request with 200" >&2
  exit 1
}
