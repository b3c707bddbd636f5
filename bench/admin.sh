#!/usr/bin/env bash
# Admin console benchmark (issue 7): with 1,000,000 codes in the database (H2, then PostgreSQL),
# the code table's pages and searches, generating 500 codes, and exporting 100,000 as CSV while the
# server's heap is sampled. Targets: pages and searches within 300 ms, generation under 1 s, the
# export under 5 s with flat memory.
#   bench/admin.sh [h2] [postgresql]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need psql python3
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -mindepth 2 -maxdepth 2 -name 'h2-*.jar' | sort -V | tail -n 1)
[[ -f $ROOT/target/postgresql.jar ]] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
trap 'stop_streamgate; [[ -n ${SAMPLER:-} ]] && kill "$SAMPLER" 2>/dev/null' EXIT

# Heap in use every 100 ms while the measurements run (MB): young + old, and the old generation
# alone, which holds what outlives a request (it would climb if an export kept its rows).
sample_heap() {
  jstat -gc "$SERVER_PID" 100 |
    awk 'NR > 1 {printf "%.0f %.0f\n", ($6 + $8) / 1024, $8 / 1024; fflush()}' >"$1"
}

bench_database() {
  local kind=$1
  bench_db "$kind" "$WORK/$kind"
  start_streamgate "$WORK/$kind" DATABASE_URL="$DB_URL" STREAMGATE_DEMO=false
  local password
  password=$(cat "$WORK/$kind/data/admin-password")
  java -cp "$H2_JAR:$ROOT/target/postgresql.jar" "$BENCH/AdminBench.java" \
    "$DB_JDBC" "$DB_USER" "$BASE" "$password" true | sed -n '1p'
  [[ $kind == postgresql ]] && psql -h 127.0.0.1 -U postgres -d "$DB_NAME" -qtA -c 'ANALYZE' >/dev/null
  echo "-- $kind, 1,000,000 codes"
  sample_heap "$WORK/$kind/heap.txt" &
  SAMPLER=$!
  java -cp "$H2_JAR:$ROOT/target/postgresql.jar" "$BENCH/AdminBench.java" \
    "$DB_JDBC" "$DB_USER" "$BASE" "$password" false
  kill "$SAMPLER" 2>/dev/null || true
  SAMPLER=
  echo "  server heap in use while measuring: max $(cut -d' ' -f1 "$WORK/$kind/heap.txt" | sort -n | tail -n 1) MB" \
    "of -Xmx640m; old generation min $(cut -d' ' -f2 "$WORK/$kind/heap.txt" | sort -n | head -n 1) MB," \
    "max $(cut -d' ' -f2 "$WORK/$kind/heap.txt" | sort -n | tail -n 1) MB"
  stop_streamgate
  drop_bench_db
}

echo "StreamGate admin API with 1,000,000 codes, $(nproc) cores"
kinds=("$@")
((${#kinds[@]})) || kinds=(h2 postgresql)
for kind in "${kinds[@]}"; do
  bench_database "$kind"
done
