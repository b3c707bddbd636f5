#!/usr/bin/env bash
# Media delivery benchmark: the same files served by StreamGate's media WAR (valid Bearer JWTs of
# as many viewers as connections, round robin, since one playback session may only have a few
# responses at once; revocation check on, access log on) and by nginx with sendfile (access log on
# too), one after the other, measured with wrk at 32 connections after a warm-up:
#   a ~1 MB segment and a ~300 B manifest; req/s, MB/s, p50, p99 and the ratio to nginx.
# Targets (issue 4): segments >= 0.85 of nginx's throughput, manifests >= 0.25.
#   bench/media.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need wrk nginx curl python3
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
NGINX_PID=
cleanup() {
  stop_streamgate
  [[ -n $NGINX_PID ]] && kill "$NGINX_PID" 2>/dev/null
  true
}
trap cleanup EXIT

start_streamgate "$WORK/streamgate" STREAMGATE_DEMO=true RATE_LIMIT_REDEEM_PER_MINUTE=0
FILES=$WORK/streamgate/data/streams/demo/bench
mkdir -p "$FILES"
head -c 1048576 /dev/urandom >"$FILES/segment.ts"
vod_playlist "$FILES/index.m3u8"
# One viewer per connection: the admin generates codes for the demo event, each is redeemed.
ADMIN_PASSWORD=$(cat "$WORK/streamgate/data/admin-password")
curl -sf -c "$WORK/cookies" -H 'Content-Type: application/json' \
  -d "{\"username\":\"admin\",\"password\":\"$ADMIN_PASSWORD\"}" "$BASE/api/admin/login" >/dev/null
curl -sf -b "$WORK/cookies" -H 'Content-Type: application/json' -d "{\"count\": $CONNECTIONS}" \
  "$BASE/api/admin/events/demo/tokens/generate" |
  python3 -c 'import json,sys; print("\n".join(c["code"] for c in json.load(sys.stdin)["data"]))' \
    >"$WORK/codes"
TOKENS=$WORK/tokens
while read -r code; do
  curl -sf -X POST -H 'Content-Type: application/json' -d "{\"code\":\"$code\"}" \
    "$BASE/api/tokens/validate" | python3 -c 'import json,sys; print(json.load(sys.stdin)["playbackToken"])'
done <"$WORK/codes" >"$TOKENS"
AUTH="Authorization: Bearer $(head -n 1 "$TOKENS")"
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "$AUTH" "$BASE/streams/demo/bench/segment.ts") == 200 ]]

# nginx workers run unprivileged: let them reach the files (only this folder's contents are read).
chmod a+x "$WORK" "$WORK/streamgate" "$WORK/streamgate/data" "$WORK/streamgate/data/streams" \
  "$WORK/streamgate/data/streams/demo"
chmod -R a+rX "$FILES"
start_nginx "$WORK/nginx" "$WORK/streamgate/data" 2 "$WORK/nginx/access.log" combined buffer=64k flush=1s

echo "Media delivery, $(nproc) cores, wrk -t2 -c$CONNECTIONS -d$DURATION (after $WARMUP warm-up each), $(wc -l <"$TOKENS") viewers"
echo "  segment $(stat -c %s "$FILES/segment.ts") B, manifest $(stat -c %s "$FILES/index.m3u8") B"
rps_of() { awk '/^Requests\/sec/ {print $2}' <<<"$1"; }
mbs_of() { awk '/^Transfer\/sec/ {v=$2; if (v ~ /GB/) {sub(/GB/,"",v); v*=1024} else if (v ~ /MB/) {sub(/MB/,"",v)} else if (v ~ /KB/) {sub(/KB/,"",v); v/=1024}; print v}' <<<"$1"; }
declare -A RESULT
for file in segment.ts index.m3u8; do
  path=/streams/demo/bench/$file
  warm "$BASE$path" "$BENCH/media.lua" "$TOKENS" "$path"
  settle
  run_wrk "streamgate $file" "$BASE$path" "$BENCH/media.lua" "$TOKENS" "$path"
  RESULT[sg-$file]=$(rps_of "$WRK_OUT") RESULT[sgmb-$file]=$(mbs_of "$WRK_OUT")
  RSS=$(($(ps -o rss= -p "$SERVER_PID") / 1024))
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "http://127.0.0.1:$NGINX_PORT$path" >/dev/null
  run_wrk "nginx $file" "http://127.0.0.1:$NGINX_PORT$path"
  RESULT[ng-$file]=$(rps_of "$WRK_OUT") RESULT[ngmb-$file]=$(mbs_of "$WRK_OUT")
  printf '  %-32s %.2f of nginx (%s vs %s MB/s); media server RSS %s MB\n' "ratio $file" \
    "$(python3 -c "print(${RESULT[sg-$file]} / ${RESULT[ng-$file]})")" \
    "${RESULT[sgmb-$file]}" "${RESULT[ngmb-$file]}" "$RSS"
done
