-- StreamGate schema, version 14: what each viewer session leaves behind for the event's analytics.
-- One row per session id (a take-over starts a new one), written when the session starts, moved on
-- by its heartbeats, closed when it ends. client_ip and user_agent are personal: they are cleared
-- once the record is older than ANALYTICS_RETENTION_DAYS; device_key (a hash of the event, the
-- address and the user agent, to count devices: whoever holds the database can test guesses of an
-- address against it) and every figure stay, so the event's aggregates do not change.
-- The quality figures are the player's own totals for the session (a beacon with its heartbeat),
-- each kept at its highest value, and what media servers saw of its requests: segments served by
-- rendition (name=count;...), the player's measured throughput and buffer starvations (CMCD).

CREATE TABLE viewing_record (
    session_id      VARCHAR(36)  NOT NULL PRIMARY KEY,
    event_id        VARCHAR(36)  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    device_key      VARCHAR(32)  NOT NULL,
    browser         VARCHAR(20)  NOT NULL,
    client_ip       VARCHAR(45),
    user_agent      VARCHAR(512),
    started_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seen_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    ended_at        TIMESTAMP WITH TIME ZONE,
    end_reason      VARCHAR(20),
    startup_ms      INTEGER,
    stalls          INTEGER DEFAULT 0 NOT NULL,
    stalled_ms      BIGINT  DEFAULT 0 NOT NULL,
    errors_network  INTEGER DEFAULT 0 NOT NULL,
    errors_media    INTEGER DEFAULT 0 NOT NULL,
    errors_key      INTEGER DEFAULT 0 NOT NULL,
    errors_access   INTEGER DEFAULT 0 NOT NULL,
    quality_at      TIMESTAMP WITH TIME ZONE,
    renditions      VARCHAR(400),
    throughput_kbps INTEGER,
    starvations     INTEGER DEFAULT 0 NOT NULL,
    personal_since  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX viewing_record_event ON viewing_record (event_id, started_at);
CREATE INDEX viewing_record_personal ON viewing_record (personal_since);
