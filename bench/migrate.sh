#!/usr/bin/env bash
# Migration benchmark (issue 22): ./streamgate migrate from the embedded H2 database into a fresh
# PostgreSQL database. StreamGate starts once on H2 (schema, demo event and codes, admin, signing
# key) and stops; H2's RunScript then adds 100 events, 100,000 codes (10,000 redeemed, with a viewer
# session and a viewing record each), 50 users, 10 retired keys, 50,000 audit entries and 1,000
# access changes; the migration is timed on its own and its verification table printed.
#   bench/migrate.sh
set -euo pipefail
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "$0")/common.sh"
need psql
WORK=$(mktemp -d /tmp/streamgate-bench.XXXXXX)
DATABASE=sg_bench_migrate_$RANDOM$RANDOM
trap 'stop_streamgate; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DATABASE WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

start_streamgate "$WORK"
stop_streamgate
# stop_streamgate may return while Payara still closes the database; H2 locks the file until then.
while kill -0 "$SERVER_PID" 2>/dev/null; do sleep 0.2; done

cat >"$WORK/seed.sql" <<'SQL'
INSERT INTO event (id, title, starts_at, ends_at, created_at, updated_at)
  SELECT 'bench-event-' || x, 'Bench event ' || x, DATEADD(HOUR, x, CURRENT_TIMESTAMP),
    DATEADD(HOUR, x + 2, CURRENT_TIMESTAMP), CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 100);
INSERT INTO access_code (id, code, event_id, label, redeemed_at, redeemed_ip, expires_at, created_at)
  SELECT 'bench-code-' || x, 'B' || LPAD(x, 11, '0'), 'bench-event-' || (MOD(x, 100) + 1),
    'row ' || x, CASE WHEN x <= 10000 THEN CURRENT_TIMESTAMP END,
    CASE WHEN x <= 10000 THEN '10.0.0.1' END, DATEADD(DAY, 30, CURRENT_TIMESTAMP), CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 100000);
INSERT INTO viewer_session (id, access_code_id, session_id, last_heartbeat, client_ip, user_agent, created_at)
  SELECT 'bench-session-' || x, 'bench-code-' || x, 'bench-sid-' || x, CURRENT_TIMESTAMP,
    '10.0.' || MOD(x / 256, 256) || '.' || MOD(x, 256), 'bench', CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 10000);
INSERT INTO viewing_record (session_id, event_id, device_key, browser, started_at, last_seen_at)
  SELECT 'bench-sid-' || x, 'bench-event-' || (MOD(x, 100) + 1), 'device-' || x, 'Chrome',
    CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 10000);
INSERT INTO admin_user (id, username, password_hash, role, created_at)
  SELECT 'bench-user-' || x, 'bench-user-' || x, 'not-a-hash', 'OPERATOR', CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 50);
INSERT INTO signing_key (kid, public_jwk, created_at, retired_at)
  SELECT 'bench-key-' || x, '{"kty":"RSA"}', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP
  FROM SYSTEM_RANGE(1, 10);
INSERT INTO audit_entry (id, at, actor, action, target, ip, details)
  SELECT 'bench-audit-' || x, CURRENT_TIMESTAMP, 'admin', 'codes-generate',
    'event:bench-event-' || (MOD(x, 100) + 1), '127.0.0.1', 'count=1000'
  FROM SYSTEM_RANGE(1, 50000);
INSERT INTO access_change (id, changed_at, kind, event_id, code_id)
  SELECT NEXT VALUE FOR access_change_seq, CURRENT_TIMESTAMP, 'CODE_REVOKED',
    'bench-event-' || (MOD(x, 100) + 1), 'bench-code-' || (x + 20000)
  FROM SYSTEM_RANGE(1, 1000);
SQL
echo "bench: seeding the H2 database (RunScript)"
java -cp "$ROOT/target/h2.jar" org.h2.tools.RunScript \
  -url "jdbc:h2:file:$WORK/data/db/streamgate" -script "$WORK/seed.sql"

psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DATABASE"
echo "bench: STREAMGATE_DATA_DIR=$WORK/data ./streamgate migrate --to postgresql://postgres@127.0.0.1:5432/$DATABASE"
started=$(date +%s.%N)
(cd "$ROOT" && STREAMGATE_DATA_DIR="$WORK/data" ./streamgate migrate \
  --to "postgresql://postgres@127.0.0.1:5432/$DATABASE")
printf 'bench: migrate took %.1f s (launcher to exit, JVM start included)\n' "$(echo "$(date +%s.%N) - $started" | bc)"
