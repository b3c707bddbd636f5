#!/usr/bin/env bash
# Audience analytics benchmark (issue 21): an event of 50,000 viewer sessions among 250,000
# viewing records (H2, then PostgreSQL); GET /api/admin/events/{id}/analytics and its CSV export.
# Target: the figures within 1 s.
#   bench/analytics.sh [h2] [postgresql]
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need psql java
H2_JAR=$(find ~/.m2/repository/com/h2database/h2 -mindepth 2 -maxdepth 2 -name 'h2-*.jar' | sort -V | tail -n 1)
[[ -f $ROOT/target/postgresql.jar ]] || (cd "$ROOT" && ./mvnw -q -B package -DskipTests)
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
trap 'stop_streamgate' EXIT

bench_database() {
  local kind=$1
  bench_db "$kind" "$WORK/$kind"
  start_streamgate "$WORK/$kind" DATABASE_URL="$DB_URL" STREAMGATE_DEMO=false
  echo "-- $kind"
  java -cp "$H2_JAR:$ROOT/target/postgresql.jar" "$BENCH/AnalyticsBench.java" \
    "$DB_JDBC" "$DB_USER" "$BASE" "$(cat "$WORK/$kind/data/admin-password")"
  stop_streamgate
  drop_bench_db
}

echo "StreamGate audience analytics, $(nproc) cores"
kinds=("$@")
((${#kinds[@]})) || kinds=(h2 postgresql)
for kind in "${kinds[@]}"; do
  bench_database "$kind"
done
