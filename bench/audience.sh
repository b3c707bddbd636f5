#!/usr/bin/env bash
# An audience at scale (issue 17): simulated viewers (bench/simulator, Gatling) watch a live event
# that a real encoder (tools/live-encoder.sh) writes to an nginx origin, through the topology users
# scale out to: one platform and two media servers in one data grid, each started by the launcher
# with its role as './streamgate run --cluster' starts them (but restartable one by one), behind
# the shipped nginx configuration (docker/nginx/nginx.conf) on loopback.
#
#   bench/audience.sh flash    VIEWERS (5000) arrive within RAMP (10) s and watch WATCH (60) s
#   bench/audience.sh soak     VIEWERS (2000) arrive within RAMP (60) s and watch WATCH (600) s;
#                              FAULTS (none) during it, one at a time: media platform database
#                              origin (database: the members use a PostgreSQL of their own)
#   bench/audience.sh ci       300 viewers for three minutes while a media server is killed, the
#                              platform restarted and the database stopped: the regression check
#                              CI runs, with generous bounds
#
# Prints the time from redeem to first segment (p50, p95, p99, max), each request type's latency
# and errors, each fault's measured outcome, and every server's heap, threads and open files over
# time; RESULTS (target/audience/MODE-TIME) keeps Gatling's HTML report, resources.csv and
# resources.svg. Exits non-zero when a bound or a fault's expected outcome is missed.
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
MODE=${1:-flash}
case $MODE in
  flash) : "${VIEWERS:=5000}" "${RAMP:=10}" "${WATCH:=60}" "${FAULTS:=}" ;;
  soak) : "${VIEWERS:=2000}" "${RAMP:=60}" "${WATCH:=600}" "${FAULTS:=}" ;;
  ci) : "${VIEWERS:=300}" "${RAMP:=10}" "${WATCH:=200}" "${FAULTS:=media platform database}" \
    "${FAULT_GAP:=20}" "${JOIN_P99_MS:=10000}" "${MEDIA_P99_MS:=5000}" ;;
  *)
    sed -n '/^#   bench/,/^#$/p' "$0" >&2
    exit 2
    ;;
esac
# A fault begins this long after the viewers started arriving, the next one FAULT_GAP later.
FAULT_AT=${FAULT_AT:-$((RAMP + (WATCH > 200 ? 120 : 30)))}
FAULT_GAP=${FAULT_GAP:-60}
JOIN_P99_MS=${JOIN_P99_MS:-2000}
MEDIA_P99_MS=${MEDIA_P99_MS:-1000}
MISBEHAVING=${MISBEHAVING:-$((VIEWERS / 100 > 0 ? VIEWERS / 100 : 1))}
# Viewers who watch 30 s before the measured ones arrive (70 s after the simulator starts): servers
# that have run a while have compiled their hot paths, and so has the simulator's JVM.
WARM_VIEWERS=${WARM_VIEWERS:-300}
OFFSET=$((WARM_VIEWERS ? 70 : 0))
need nginx ffmpeg curl python3
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
RESULTS=${RESULTS:-$ROOT/target/audience/$MODE-$(date -u +%Y%m%dT%H%M%S)}
mkdir -p "$RESULTS"
RESULTS=$(cd "$RESULTS" && pwd)
WORK=$(mktemp -d /tmp/streamgate-audience.XXXXXX)
FAULT_FLAG=$WORK/fault-on
FAULTS_DONE=$WORK/faults-done
chmod a+rx "$WORK"
NGINX_PIDS=()
ENCODER_PID=
SAMPLER_PID=
SIMULATOR_PID=
declare -A PORTS=()
cleanup() {
  set +e
  [[ -n $SAMPLER_PID ]] && kill "$SAMPLER_PID" 2>/dev/null
  [[ -n ${FAULTS_PID:-} ]] && kill "$FAULTS_PID" 2>/dev/null
  [[ -n $ENCODER_PID ]] && kill "$ENCODER_PID" 2>/dev/null
  # Maven and the Gatling JVM it forked.
  [[ -n $SIMULATOR_PID ]] && pkill -P "$SIMULATOR_PID" 2>/dev/null && kill "$SIMULATOR_PID" 2>/dev/null
  local name
  for name in platform media-1 media-2; do stop_member "$name"; done
  for pid in "${NGINX_PIDS[@]}"; do kill -CONT "$pid" 2>/dev/null; kill "$pid" 2>/dev/null; done
  [[ -n $PG ]] && pg_ctl "-m immediate stop"
  # The members' logs stay with the results; the rest (data, origin, codes) goes.
  [[ -d $DATA/logs ]] && cp -r "$DATA/logs" "$RESULTS/"
  rm -rf "$WORK"
  true
}
trap cleanup EXIT

# The simulator, compiled before anything starts (its first build downloads Gatling).
SIMULATOR=("$ROOT/mvnw" -B -ntp -q -f "$ROOT/bench/simulator/pom.xml")
"${SIMULATOR[@]}" test-compile

# The origin: nginx serving the encoder's folder.
ORIGIN=$WORK/origin
mkdir -p "$ORIGIN"
chmod a+rx "$ORIGIN"
start_nginx "$WORK/origin-nginx" "$ORIGIN" 1 off
ORIGIN_PORT=$NGINX_PORT ORIGIN_PID=$NGINX_PID
NGINX_PIDS+=("$NGINX_PID")

# The members: ports, one data grid, one internal key.
mapfile -t FREE < <(free_port 7)
PORTS=([platform]=${FREE[0]} [media-1]=${FREE[1]} [media-2]=${FREE[2]})
FRONT_PORT=${FREE[3]}
GRID_PORTS=("${FREE[@]:4:3}")
GRID=streamgate-audience-$RANDOM$RANDOM
INTERNAL_KEY=$(head -c 30 /dev/urandom | base64 | tr -d '/+=')
DATA=$WORK/data
mkdir -p "$DATA/logs"

# start_member NAME: starts (or starts again) one member with the launcher, in the background; the
# launcher's PID goes to WORK/NAME.launcher (faults restart members from a subshell).
start_member() {
  local name=$1 role=media data=$DATA/$1 grid_port=${GRID_PORTS[1]}
  case $name in
    platform) role=platform data=$DATA grid_port=${GRID_PORTS[0]} ;;
    media-2) grid_port=${GRID_PORTS[2]} ;;
  esac
  : >"$DATA/logs/$name.out"
  (cd "$ROOT" && env STREAMGATE_ROLE=$role STREAMGATE_HTTP_PORT="${PORTS[$name]}" \
    STREAMGATE_GRID_PORT="$grid_port" STREAMGATE_DATA_DIR="$data" STREAMGATE_CLUSTER_NAME="$GRID" \
    STREAMGATE_CLUSTER_MEMBERS="127.0.0.1:${GRID_PORTS[0]},127.0.0.1:${GRID_PORTS[1]},127.0.0.1:${GRID_PORTS[2]}" \
    INTERNAL_API_KEY="$INTERNAL_KEY" PLATFORM_APP_URL="http://127.0.0.1:${PORTS[platform]}" \
    HLS_SERVER_BASE_URL="http://127.0.0.1:$FRONT_PORT" UPSTREAM_ORIGIN="http://127.0.0.1:$ORIGIN_PORT" \
    TRUSTED_PROXIES=127.0.0.1 RATE_LIMIT_REDEEM_PER_MINUTE=0 ${DATABASE_URL:+DATABASE_URL="$DATABASE_URL"} \
    ./streamgate run >"$DATA/logs/$name.out" 2>&1) &
  echo $! >"$WORK/$name.launcher"
}

launcher_pid() { cat "$WORK/$1.launcher" 2>/dev/null || true; }

wait_member() {
  local name=$1 deadline=$((SECONDS + 240))
  until grep -q "StreamGate is ready" "$DATA/logs/$name.out" 2>/dev/null; do
    if ! kill -0 "$(launcher_pid "$name")" 2>/dev/null || ((SECONDS > deadline)); then
      echo "audience: $name did not start:" >&2
      tail -n 30 "$DATA/logs/$name.out" >&2
      exit 1
    fi
    sleep 0.5
  done
}

# The member's JVM (the launcher's child).
member_pid() { pgrep -f "payara-micro.jar.*--port ${PORTS[$1]}( |$)" | head -n 1; }

# Stops a member as Ctrl-C on its launcher does, and waits until it and its JVM have ended (the
# JVM lets go of its ports last).
stop_member() {
  local launcher jvm
  launcher=$(launcher_pid "$1")
  [[ -n $launcher ]] || return 0
  jvm=$(member_pid "$1")
  pkill -TERM -P "$launcher" 2>/dev/null || true
  kill -TERM "$launcher" 2>/dev/null || true
  while kill -0 "$launcher" 2>/dev/null || { [[ -n $jvm ]] && kill -0 "$jvm" 2>/dev/null; }; do
    sleep 0.2
  done
  rm -f "$WORK/$1.launcher"
}

# With the database fault, a PostgreSQL server of the run's own, which the fault restarts.
PG=
if [[ " $FAULTS " == *" database "* ]]; then
  PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin | sort -V | tail -n 1)
  PG=$WORK/pg
  mkdir -p "$PG"
  chown postgres "$PG"
  pg_ctl() { su postgres -c "$PG_BIN/pg_ctl -D $PG/data -l $PG/log $*" >/dev/null; }
  su postgres -c "$PG_BIN/initdb -D $PG/data -A trust -U postgres" >/dev/null
  PG_PORT=$(free_port 1)
  pg_ctl "-o '-p $PG_PORT -k $PG -c listen_addresses=127.0.0.1' -w start"
  DATABASE_URL=postgresql://postgres:bench@127.0.0.1:$PG_PORT/postgres
fi

echo "audience: starting a platform and two media servers (logs: $DATA/logs)"
start_member platform
wait_member platform
start_member media-1
start_member media-2
wait_member media-1
wait_member media-2

# The front: the shipped nginx configuration, its upstreams and port pointed at loopback.
FRONT=$WORK/front
mkdir -p "$FRONT/temp"
chmod -R a+rwx "$FRONT/temp"
{
  echo "error_log $FRONT/error.log;"
  sed -e "s/server platform:8080/server 127.0.0.1:${PORTS[platform]}/" \
    -e "s/server media1:8080/server 127.0.0.1:${PORTS[media-1]}/" \
    -e "s/server media2:8080/server 127.0.0.1:${PORTS[media-2]}/" \
    -e "s/listen 8080;/listen 127.0.0.1:$FRONT_PORT;/" \
    -e "s|^pid /tmp/nginx.pid;|pid $FRONT/nginx.pid;|" \
    -e "s|/tmp/nginx-|$FRONT/temp/|" \
    -e "s|^http {|http {\n  access_log off;|" \
    "$ROOT/docker/nginx/nginx.conf"
} >"$FRONT/nginx.conf"
nginx -c "$FRONT/nginx.conf" -g 'daemon off;' &
NGINX_PIDS+=($!)
FRONT_URL=http://127.0.0.1:$FRONT_PORT
for _ in $(seq 1 50); do curl -sf -o /dev/null "$FRONT_URL/health/live" && break; sleep 0.1; done

# The event, its codes (the viewers', the misbehaving viewers', and a few revoked ones), and two
# tokens redeemed now for the media fault's check: one whose code is revoked while a media server
# is down, one that stays good.
python3 - "$FRONT_URL" "$(cat "$DATA/admin-password")" "$((VIEWERS + MISBEHAVING))" "$WORK" "$WARM_VIEWERS" <<'PY'
import http.cookiejar, json, sys, urllib.request, datetime
base, password, count, work, warm = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4], int(sys.argv[5])
opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def call(method, path, body=None, headers={}):
    request = urllib.request.Request(base + path, None if body is None else json.dumps(body).encode(),
        {"Content-Type": "application/json", **headers}, method=method)
    with opener.open(request, timeout=60) as answer:
        text = answer.read()
        return json.loads(text) if text else None
call("POST", "/api/admin/login", {"username": "admin", "password": password})
now = datetime.datetime.now(datetime.timezone.utc)
iso = lambda t: t.strftime("%Y-%m-%dT%H:%M:%SZ")
event = call("POST", "/api/admin/events", {"title": "Audience", "startsAt": iso(now - datetime.timedelta(hours=1)),
    "endsAt": iso(now + datetime.timedelta(hours=3))})["data"]["id"]
codes = []
left = warm + count + 7
while left > 0:
    codes += call("POST", f"/api/admin/events/{event}/tokens/generate", {"count": min(left, 500)})["data"]
    left -= 500
viewers, revoked, spare = codes[:warm + count], codes[warm + count:warm + count + 5], codes[warm + count + 5:]
for code in revoked:
    call("PATCH", f"/api/admin/tokens/{code['id']}/revoke")
tokens = [call("POST", "/api/tokens/validate", {"code": c["code"]})["playbackToken"] for c in spare]
open(f"{work}/event", "w").write(event)
open(f"{work}/codes", "w").write("\n".join(c["code"] for c in viewers) + "\n")
open(f"{work}/revoked-codes", "w").write("\n".join(c["code"] for c in revoked) + "\n")
open(f"{work}/fault-code-id", "w").write(spare[0]["id"])
open(f"{work}/fault-tokens", "w").write("\n".join(tokens) + "\n")
PY
EVENT=$(cat "$WORK/event")
echo "audience: event $EVENT with $((WARM_VIEWERS + VIEWERS + MISBEHAVING + 7)) codes"

"$ROOT/tools/live-encoder.sh" "$ORIGIN/$EVENT" </dev/null >"$WORK/encoder.log" 2>&1 &
ENCODER_PID=$!
# The live window fills: three segments in each rendition.
for _ in $(seq 1 150); do
  [[ $(grep -c '^seg' "$ORIGIN/$EVENT/v1/index.m3u8" 2>/dev/null) -ge 3 ]] && break
  sleep 0.2
done
chmod -R a+rX "$ORIGIN"

# Every 10 s, for each member (and the simulator's and the encoder's CPU): heap in use and old generation (KiB, jstat), threads, open files,
# CPU seconds used. Twice (minute 2 and the last minute), a full GC first: the old generation after
# it is the heap that stays.
sample() {
  set +e
  local started=$1 gc_at=($((OFFSET + 120)) $((OFFSET + RAMP + WATCH - 30))) name pid
  echo "seconds,member,heap_kib,old_kib,threads,open_files,cpu_seconds,after_full_gc"
  while true; do
    local now=$(($(date +%s) - started)) full=0
    if ((${#gc_at[@]} && now >= gc_at[0])); then
      full=1
      gc_at=("${gc_at[@]:1}")
    fi
    for name in platform media-1 media-2 simulator encoder; do
      case $name in
        simulator) pid=$(pgrep -f 'io.gatling.app.Gatling' | head -n 1) ;;
        encoder) pid=$ENCODER_PID ;;
        *) pid=$(member_pid "$name") ;;
      esac
      [[ -n $pid && -d /proc/$pid ]] || continue
      [[ $name != simulator && $name != encoder ]] && ((full)) && jcmd "$pid" GC.run >/dev/null 2>&1
      local gc ticks
      gc=$(jstat -gc "$pid" 2>/dev/null | awk 'NR == 2 {printf "%d,%d", $3 + $4 + $6 + $8, $8}') || true
      [[ -n $gc ]] || gc=0,0
      ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null) || continue
      echo "$now,$name,$gc,$(awk '/^Threads/ {print $2}' "/proc/$pid/status"),$(find "/proc/$pid/fd" -mindepth 1 2>/dev/null | wc -l),$((ticks / $(getconf CLK_TCK))),$full"
    done
    sleep 10
  done
}

# Each fault, its expected outcome checked; a missed one is recorded in FAULT_FAILURES.
: >"$RESULTS/faults.txt"
fault() { echo "$*" | tee -a "$RESULTS/faults.txt"; }
fail_fault() {
  fault "  MISSED: $*"
  echo 1 >"$WORK/fault-missed"
}

media_fault() {
  local revoked_token good_token code status
  revoked_token=$(sed -n 1p "$WORK/fault-tokens")
  good_token=$(sed -n 2p "$WORK/fault-tokens")
  fault "media: SIGKILL to media-2 at $(($(date +%s) - STARTED)) s"
  kill -KILL "$(member_pid media-2)"
  local launcher
  launcher=$(launcher_pid media-2)
  while kill -0 "$launcher" 2>/dev/null; do sleep 0.1; done
  # Revoked while it is down: the code of the first fault token.
  code=$(cat "$WORK/fault-code-id")
  curl -sf -o /dev/null -b "$WORK/cookies" -X PATCH "$FRONT_URL/api/admin/tokens/$code/revoke" ||
    fail_fault "revoking a code while media-2 was down"
  sleep 10
  local down=$(($(date +%s) - STARTED))
  start_member media-2
  wait_member media-2
  fault "  media-2 down from the kill until $(($(date +%s) - STARTED)) s (started again at $down s)"
  local playlist="/streams/$EVENT/master.m3u8" direct="http://127.0.0.1:${PORTS[media-2]}"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $revoked_token" "$direct$playlist")
  fault "  media-2 after its restart, the token of the code revoked while it was down: $status (expected 403)"
  [[ $status == 403 ]] || fail_fault "media-2 served a code revoked while it was down ($status)"
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $good_token" "$direct$playlist")
  fault "  media-2 after its restart, a good token: $status (expected 200)"
  [[ $status == 200 ]] || fail_fault "media-2 refused a good token after its restart ($status)"
}

platform_fault() {
  fault "platform: stopped at $(($(date +%s) - STARTED)) s"
  local from=$SECONDS
  stop_member platform
  start_member platform
  wait_member platform
  fault "  platform away for $((SECONDS - from)) s; media kept serving (the simulator's media requests must all succeed)"
}

# PostgreSQL stopped for 10 s: the platform answers short JSON 503s meanwhile and recovers alone.
database_fault() {
  local code status
  code=$(sed -n 1p "$WORK/revoked-codes")
  fault "database: PostgreSQL stopped for 10 s at $(($(date +%s) - STARTED)) s"
  pg_ctl "-m fast stop"
  sleep 2
  # A redeem needs the database: a revoked code is refused with 403 when it answers.
  status=$(curl -s -m 10 -o "$WORK/answer" -w '%{http_code} in %{time_total} s' -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\"}" "$FRONT_URL/api/tokens/validate")
  fault "  a redeem while it is down: $status: $(head -c 200 "$WORK/answer") (expected 503, JSON)"
  if [[ $status != 503* ]] || ! grep -q '"error"' "$WORK/answer"; then
    fail_fault "no short JSON 503 while PostgreSQL was down"
  fi
  sleep 8
  pg_ctl "-o '-p $PG_PORT -k $PG -c listen_addresses=127.0.0.1' -w start"
  fault "  PostgreSQL answering again at $(($(date +%s) - STARTED)) s"
  local deadline=$((SECONDS + 60))
  until [[ $(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
    -d "{\"code\":\"$code\"}" "$FRONT_URL/api/tokens/validate") == 403 ]]; do
    ((SECONDS < deadline)) || {
      fail_fault "the platform did not recover within 60 s of PostgreSQL's return"
      return
    }
    sleep 1
  done
  fault "  the platform answers from the database again at $(($(date +%s) - STARTED)) s"
}

origin_fault() {
  fault "origin: stalls for 10 s at $(($(date +%s) - STARTED)) s (nginx stopped with SIGSTOP)"
  kill -STOP "$ORIGIN_PID"
  sleep 10
  kill -CONT "$ORIGIN_PID"
  fault "  origin answering again at $(($(date +%s) - STARTED)) s"
}

admin_login() {
  curl -sf -o /dev/null -c "$WORK/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$(cat "$DATA/admin-password")\"}" "$FRONT_URL/api/admin/login"
}

run_faults() {
  sleep $((OFFSET + FAULT_AT))
  local kind
  for kind in $FAULTS; do
    admin_login
    # While the flag exists (and 10 s after: answers under way), a misbehaving viewer's request to
    # the platform may meet it away (502/503/504) instead of its 4xx.
    touch "$FAULT_FLAG"
    # A member that does not come back ends the fault's subshell: recorded as missed.
    ("${kind}_fault") || fail_fault "the $kind fault did not complete (see the members' logs)"
    sleep 10
    rm -f "$FAULT_FLAG"
    sleep $((FAULT_GAP > 10 ? FAULT_GAP - 10 : 0))
  done
  # The measured viewers watch on until this file exists (at most 5 minutes longer than planned),
  # so that their last heartbeat and release meet no fault.
  touch "$FAULTS_DONE"
  local over=$(($(date +%s) - STARTED)) leave=$((OFFSET + RAMP + WATCH))
  if ((over > leave)); then
    fault "faults ended at $over s, after the viewers' planned end at $leave s: they watched on until then"
  fi
}

# simulate RESULTS SETTINGS...: one run of the simulator; its report goes to RESULTS/gatling.
simulate() {
  local results=$1 status=0
  shift
  "${SIMULATOR[@]}" gatling:test -Dbase="$FRONT_URL" -DrevokedCodes="$WORK/revoked-codes" \
    -DfaultFlag="$FAULT_FLAG" -DfaultsDone="${FAULTS:+$FAULTS_DONE}" \
    -DotherEvent=demo "$@" >"$results/simulator.log" 2>&1 &
  SIMULATOR_PID=$!
  wait "$SIMULATOR_PID" || status=$?
  SIMULATOR_PID=
  mkdir -p "$results/gatling"
  find "$ROOT/bench/simulator/target/gatling" -mindepth 1 -maxdepth 1 -type d \
    -exec mv -t "$results/gatling" {} +
  return "$status"
}

echo "audience: $MODE: $VIEWERS viewers (and $MISBEHAVING misbehaving) arrive within $RAMP s and watch $WATCH s; faults: ${FAULTS:-none}"
STARTED=$(date +%s)
sample "$STARTED" >"$RESULTS/resources.csv" &
SAMPLER_PID=$!
FAULTS_PID=
if [[ -n $FAULTS ]]; then
  run_faults &
  FAULTS_PID=$!
fi
simulated=0
simulate "$RESULTS" -Dcodes="$WORK/codes" -DwarmViewers="$WARM_VIEWERS" -Dviewers="$VIEWERS" \
  -Dmisbehaving="$MISBEHAVING" \
  -DrampSeconds="$RAMP" -DwatchSeconds="$WATCH" -DjoinP99Ms="$JOIN_P99_MS" \
  -DmediaP99Ms="$MEDIA_P99_MS" || simulated=$?
[[ -z $FAULTS_PID ]] || wait "$FAULTS_PID"
kill "$SAMPLER_PID" 2>/dev/null || true
SAMPLER_PID=

python3 "$BENCH/audience-report.py" "$RESULTS" "$VIEWERS"
if ((simulated)); then
  echo "audience: the simulator reports a failure or a missed bound (see $RESULTS/simulator.log):" >&2
  grep -E "false|found|Error" "$RESULTS/simulator.log" | grep -v '^---' | head -n 20 >&2 || true
fi
if [[ -s $WORK/fault-missed ]]; then
  echo "audience: a fault's expected outcome was missed (see $RESULTS/faults.txt)" >&2
fi
echo "audience: results in $RESULTS"
((simulated == 0)) && [[ ! -s $WORK/fault-missed ]]
