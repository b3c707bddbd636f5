# Shared by the benchmark scripts: tools, starting and stopping StreamGate, running wrk.
# shellcheck shell=bash
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck disable=SC2034 # BENCH is for the scripts that source this file
BENCH=$ROOT/bench
CONNECTIONS=${CONNECTIONS:-32}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-30s}
# wrk counts an answer slower than this as a timeout error.
WRK_TIMEOUT=${WRK_TIMEOUT:-2s}

need() {
  local missing=() tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null || missing+=("$tool")
  done
  if ((${#missing[@]})); then
    echo "bench: installing ${missing[*]} (Debian packages)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

# free_port [COUNT]: COUNT (1) distinct free ports, one a line, below the ephemeral range
# (32768-60999), which outgoing connections draw from. Ports asked for in one call never collide;
# a port is free only until something binds it.
free_port() {
  python3 - "${1:-1}" <<'PY'
import random, socket, sys
ports = set()
while len(ports) < int(sys.argv[1]):
    port = random.randint(20000, 31999)
    try:
        s = socket.socket(); s.bind(("127.0.0.1", port)); s.close(); ports.add(port)
    except OSError:
        pass
print("\n".join(map(str, ports)))
PY
}

# start_streamgate WORKDIR [VAR=value...]: runs ./streamgate run in the background until ready.
start_streamgate() {
  local work=$1
  shift
  mkdir -p "$work"
  PORT=$(free_port 1)
  # The data grid port is left to the launcher (first free one from 6900): a random one next to the
  # HTTP port could be taken by the grid's port scan before the HTTP listener binds.
  (cd "$ROOT" && env STREAMGATE_HTTP_PORT="$PORT" STREAMGATE_DATA_DIR="$work/data" "$@" \
    ./streamgate run >"$work/launcher.out" 2>&1) &
  LAUNCHER=$!
  local deadline=$((SECONDS + 240))
  until grep -q "StreamGate is ready" "$work/launcher.out" 2>/dev/null; do
    if ! kill -0 "$LAUNCHER" 2>/dev/null || ((SECONDS > deadline)); then
      echo "bench: StreamGate did not start; see $work/launcher.out" >&2
      cat "$work/launcher.out" >&2
      exit 1
    fi
    sleep 1
  done
  SERVER_PID=$(pgrep -f "payara-micro.jar.*--port $PORT" | head -n 1)
  # shellcheck disable=SC2034 # BASE is for the scripts that source this file
  BASE=http://127.0.0.1:$PORT
}

# start_nginx DIR ROOT WORKERS ACCESS_LOG...: nginx serving ROOT on a free loopback port, its files
# in DIR, with the given access_log directive's arguments; sets NGINX_PORT and NGINX_PID (stop it
# with kill). nginx workers run unprivileged: the caller lets them reach ROOT.
start_nginx() {
  local dir=$1 root=$2 workers=$3
  shift 3
  NGINX_PORT=$(free_port 1)
  mkdir -p "$dir"
  cat >"$dir/nginx.conf" <<CONF
worker_processes $workers;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 1024; }
http {
  log_format path '\$request_uri \$status';
  access_log $*;
  sendfile on;
  tcp_nopush on;
  types { application/vnd.apple.mpegurl m3u8; video/mp2t ts; }
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  server { listen 127.0.0.1:$NGINX_PORT; root $root; }
}
CONF
  nginx -c "$dir/nginx.conf" -g 'daemon off;' &
  # shellcheck disable=SC2034 # NGINX_PID is for the scripts that source this file
  NGINX_PID=$!
  for _ in $(seq 1 50); do
    curl -s -o /dev/null "http://127.0.0.1:$NGINX_PORT/" && return
    sleep 0.1
  done
}

# live_event_viewers WORK COUNT: as the launcher's admin, an event on the air now (EVENT) with COUNT
# codes, each redeemed by its viewer eight at a time, as an audience arriving would; their playback
# tokens, one a line, in the file TOKENS. Needs RATE_LIMIT_REDEEM_PER_MINUTE=0 on the server.
live_event_viewers() {
  local work=$1 count=$2 password left
  password=$(cat "$work/streamgate/data/admin-password")
  curl -sf -c "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin\",\"password\":\"$password\"}" "$BASE/api/admin/login" >/dev/null
  EVENT=$(curl -sf -b "$work/cookies" -H 'Content-Type: application/json' \
    -d "{\"title\":\"Bench\",\"startsAt\":\"$(date -u -d '-1 hour' +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+2 hours' +%FT%TZ)\"}" \
    "$BASE/api/admin/events" | python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
  : >"$work/codes"
  for ((left = count; left > 0; left -= 500)); do
    curl -sf -b "$work/cookies" -H 'Content-Type: application/json' \
      -d "{\"count\": $((left < 500 ? left : 500))}" "$BASE/api/admin/events/$EVENT/tokens/generate" |
      python3 -c 'import json,sys; print("\n".join(c["code"] for c in json.load(sys.stdin)["data"]))' \
        >>"$work/codes"
  done
  TOKENS=$work/tokens
  python3 - "$BASE" "$work/codes" >"$TOKENS" <<'PY'
import json, sys, urllib.request
from concurrent.futures import ThreadPoolExecutor
base, codes = sys.argv[1], open(sys.argv[2]).read().split()
def redeem(code):
    request = urllib.request.Request(base + "/api/tokens/validate", json.dumps({"code": code}).encode(),
        {"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=30))["playbackToken"]
with ThreadPoolExecutor(8) as pool:
    print("\n".join(pool.map(redeem, codes)))
PY
}

# vod_playlist FILE: a ~300 B VOD playlist of eight 2 s segments.
vod_playlist() {
  {
    echo "#EXTM3U"
    echo "#EXT-X-VERSION:3"
    echo "#EXT-X-TARGETDURATION:2"
    echo "#EXT-X-MEDIA-SEQUENCE:0"
    for i in 0 1 2 3 4 5 6 7; do
      echo "#EXTINF:2.000,"
      echo "seg_00$i.ts"
    done
    echo "#EXT-X-ENDLIST"
  } >"$1"
}

stop_streamgate() {
  if [[ -n ${LAUNCHER:-} ]]; then
    pkill -TERM -P "$LAUNCHER" 2>/dev/null || true
    kill -TERM "$LAUNCHER" 2>/dev/null || true
    wait "$LAUNCHER" 2>/dev/null || true
    LAUNCHER=
  fi
}

# run_wrk NAME URL [SCRIPT [SCRIPT ARGS...] | -H HEADER]: one result line; WRK_OUT keeps it all.
run_wrk() {
  local name=$1 url=$2
  shift 2
  if [[ ${1:-} == -H ]]; then
    WRK_OUT=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency -H "$2" "$url")
  else
    wrk_script_args "$@"
    WRK_OUT=$(wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --timeout "$WRK_TIMEOUT" --latency \
      "${WRK_SCRIPT[@]}" "$url" "${WRK_ARGS[@]}")
  fi
  local rps p50 p99 transfer errors
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$WRK_OUT")
  transfer=$(awk '/^Transfer\/sec/ {print $2}' <<<"$WRK_OUT")
  p50=$(awk '$1 == "50%" {print $2}' <<<"$WRK_OUT")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$WRK_OUT")
  errors=$(awk '/Non-2xx or 3xx/ {print $5}' <<<"$WRK_OUT")
  # shellcheck disable=SC2034 # RPS is for the scripts that source this file
  RPS=$rps
  printf '%-34s %10s req/s  %10s/s  p50 %8s  p99 %8s  non-2xx %s\n' \
    "$name" "$rps" "$transfer" "$p50" "$p99" "${errors:-0}"
}

# Waits (at most 3 minutes) until the JIT compilers of the server have no work queued: on 2 cores
# C2 compiling the application's hot paths takes a core for minutes after the first load, and
# measuring before that measures the compiler.
settle() {
  local quiet=0
  for _ in $(seq 1 90); do
    if [[ $(jcmd "$SERVER_PID" Compiler.queue 2>/dev/null | grep -c '^[0-9]') -le 2 ]]; then
      quiet=$((quiet + 1))
      ((quiet >= 3)) && return
    else
      quiet=0
    fi
    sleep 2
  done
}

# warm URL [SCRIPT [SCRIPT ARGS...]]
warm() {
  local url=$1
  shift
  wrk_script_args "$@"
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" "${WRK_SCRIPT[@]}" "$url" "${WRK_ARGS[@]}" >/dev/null
}

# wrk_script_args [SCRIPT [SCRIPT ARGS...]]: wrk's options for them, WRK_SCRIPT (-s SCRIPT, before
# the URL) and WRK_ARGS (-- SCRIPT ARGS, after it); both empty without a script.
wrk_script_args() {
  WRK_SCRIPT=()
  WRK_ARGS=()
  if (($#)); then WRK_SCRIPT=(-s "$1"); fi
  if (($# > 1)); then
    shift
    WRK_ARGS=(-- "$@")
  fi
}

# bench_db KIND WORKDIR: sets DB_URL (for the server), DB_JDBC and DB_USER (for seeding) and DB_NAME
# (PostgreSQL: a fresh database, dropped by drop_bench_db).
bench_db() {
  local kind=$1 work=$2
  # shellcheck disable=SC2034 # DB_JDBC and DB_USER are for the scripts that source this file
  if [[ $kind == h2 ]]; then
    DB_URL="jdbc:h2:file:$work/data/db/streamgate;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000"
    DB_JDBC=$DB_URL
    DB_USER=""
    DB_NAME=
  else
    DB_NAME=sg_bench_$(date +%s)
    psql -h 127.0.0.1 -U postgres -d postgres -qtA -c "CREATE DATABASE $DB_NAME" >/dev/null
    DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB_NAME?user=postgres"
    DB_JDBC="jdbc:postgresql://127.0.0.1:5432/$DB_NAME?reWriteBatchedInserts=true"
    DB_USER=postgres
  fi
}

drop_bench_db() {
  if [[ -n ${DB_NAME:-} ]]; then
    psql -h 127.0.0.1 -U postgres -d postgres -qtA -c "DROP DATABASE $DB_NAME" >/dev/null
    DB_NAME=
  fi
}
