#!/usr/bin/env bash
# Code import benchmark (issue 19): POST /api/admin/events/{id}/tokens/import with a CSV of
# 10,000 and then 100,000 printed codes (code,label), on H2 and then PostgreSQL, while the server's
# heap is sampled. Target: 100,000 codes within 10 s with memory flat (the heap in use during the
# large import no higher than during the small one, plus noise).
#   bench/import.sh [h2] [postgresql]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need psql python3 curl jstat
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
trap 'stop_streamgate; [[ -n ${SAMPLER:-} ]] && kill "$SAMPLER" 2>/dev/null' EXIT

# Heap in use every 100 ms (MB): young + old, and the old generation alone.
sample_heap() {
  jstat -gc "$SERVER_PID" 100 |
    awk 'NR > 1 {printf "%.0f %.0f\n", ($6 + $8) / 1024, $8 / 1024; fflush()}' >"$1"
}

# codes_csv FILE COUNT: a header and COUNT distinct random codes of the alphabet, each labelled.
codes_csv() {
  python3 - "$1" "$2" <<'PY'
import secrets, sys
alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
path, count = sys.argv[1], int(sys.argv[2])
seen = set()
with open(path, "w") as out:
    out.write("code,label\n")
    while len(seen) < count:
        code = "".join(secrets.choice(alphabet) for _ in range(12))
        if code not in seen:
            seen.add(code)
            out.write(f"{code[:4]}-{code[4:8]}-{code[8:]},shop order {len(seen)}\n")
PY
}

api() {
  curl -sS -b "$WORK/cookies" -c "$WORK/cookies" -H 'Content-Type: application/json' "$@"
}

import_once() {
  local kind=$1 count=$2 event file answer started elapsed
  # Fresh codes every time: codes stored already are refused.
  file=$WORK/codes-$count-$RANDOM.csv
  codes_csv "$file" "$count"
  event=$(api -X POST "$BASE/api/admin/events" -d "{\"title\":\"Import $count\",\
\"startsAt\":\"$(date -u -d '+1 day' +%FT%TZ)\",\"endsAt\":\"$(date -u -d '+1 day 2 hours' +%FT%TZ)\"}" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])')
  sample_heap "$WORK/$kind/heap-$count.txt" &
  SAMPLER=$!
  started=$(date +%s.%N)
  answer=$(curl -sS -b "$WORK/cookies" -H 'Content-Type: text/csv' --data-binary "@$file" \
    -w ' %{http_code}' "$BASE/api/admin/events/$event/tokens/import")
  elapsed=$(echo "$(date +%s.%N) - $started" | bc)
  kill "$SAMPLER" 2>/dev/null || true
  SAMPLER=
  [[ $answer == *" 201" ]] || { echo "bench: import refused: ${answer:0:500}" >&2; exit 1; }
  printf '  %7d codes: %5.2f s (%6.0f codes/s); heap in use max %s MB, old generation max %s MB\n' \
    "$count" "$elapsed" "$(echo "$count / $elapsed" | bc -l)" \
    "$(cut -d' ' -f1 "$WORK/$kind/heap-$count.txt" | sort -n | tail -n 1)" \
    "$(cut -d' ' -f2 "$WORK/$kind/heap-$count.txt" | sort -n | tail -n 1)"
}

bench_database() {
  local kind=$1
  bench_db "$kind" "$WORK/$kind"
  start_streamgate "$WORK/$kind" DATABASE_URL="$DB_URL" STREAMGATE_DEMO=false
  rm -f "$WORK/cookies"
  api -X POST "$BASE/api/admin/login" \
    -d "{\"username\":\"admin\",\"password\":\"$(cat "$WORK/$kind/data/admin-password")\"}" >/dev/null
  echo "-- $kind"
  # The first import warms the code paths up; the figures are the next ones.
  import_once "$kind" 10000 >/dev/null
  import_once "$kind" 10000
  import_once "$kind" 100000
  stop_streamgate
  drop_bench_db
}

echo "StreamGate code import, $(nproc) cores"
kinds=("$@")
((${#kinds[@]})) || kinds=(h2 postgresql)
for kind in "${kinds[@]}"; do
  bench_database "$kind"
done
