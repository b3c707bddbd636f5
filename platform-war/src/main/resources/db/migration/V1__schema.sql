-- StreamGate schema, version 1. Runs unchanged on H2 2.x and PostgreSQL 15+.
-- Ids are UUID strings minted by the application; times are UTC instants.

CREATE TABLE event (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    title                VARCHAR(200)  NOT NULL,
    description          VARCHAR(4000),
    stream_url           VARCHAR(1000),
    poster_url           VARCHAR(1000),
    starts_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    access_window_hours  INTEGER       NOT NULL DEFAULT 48,
    active               BOOLEAN       NOT NULL DEFAULT TRUE,
    archived             BOOLEAN       NOT NULL DEFAULT FALSE,
    deactivated_at       TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    version              BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT event_schedule CHECK (starts_at < ends_at),
    CONSTRAINT event_window CHECK (access_window_hours BETWEEN 1 AND 168)
);

CREATE TABLE access_code (
    id           VARCHAR(36)  NOT NULL PRIMARY KEY,
    code         VARCHAR(12)  NOT NULL,
    event_id     VARCHAR(36)  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    label        VARCHAR(200),
    revoked      BOOLEAN      NOT NULL DEFAULT FALSE,
    revoked_at   TIMESTAMP WITH TIME ZONE,
    redeemed_at  TIMESTAMP WITH TIME ZONE,
    redeemed_ip  VARCHAR(45),
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT access_code_code UNIQUE (code)
);
CREATE INDEX access_code_event ON access_code (event_id);
CREATE INDEX access_code_revoked_at ON access_code (revoked_at);

-- One row per code at most: the single-device slot. A stale row is taken over by UPDATE.
CREATE TABLE viewer_session (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    access_code_id  VARCHAR(36)  NOT NULL REFERENCES access_code (id) ON DELETE CASCADE,
    session_id      VARCHAR(36)  NOT NULL,
    last_heartbeat  TIMESTAMP WITH TIME ZONE NOT NULL,
    client_ip       VARCHAR(45)  NOT NULL,
    user_agent      VARCHAR(512),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT viewer_session_code UNIQUE (access_code_id),
    CONSTRAINT viewer_session_sid UNIQUE (session_id)
);
CREATE INDEX viewer_session_heartbeat ON viewer_session (last_heartbeat);

-- Append-only: the application never updates or deletes audit rows.
CREATE TABLE audit_entry (
    id       VARCHAR(36)   NOT NULL PRIMARY KEY,
    at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor    VARCHAR(100)  NOT NULL,
    action   VARCHAR(60)   NOT NULL,
    target   VARCHAR(200),
    ip       VARCHAR(45),
    details  VARCHAR(2000)
);
CREATE INDEX audit_entry_at ON audit_entry (at);

-- RS256 key pairs; the newest active one signs, the others verify until retired.
CREATE TABLE signing_key (
    kid          VARCHAR(64)    NOT NULL PRIMARY KEY,
    public_jwk   VARCHAR(4000)  NOT NULL,
    private_jwk  VARCHAR(8000)  NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    retired_at   TIMESTAMP WITH TIME ZONE
);

CREATE TABLE admin_user (
    id             VARCHAR(36)   NOT NULL PRIMARY KEY,
    username       VARCHAR(100)  NOT NULL,
    password_hash  VARCHAR(500)  NOT NULL,
    role           VARCHAR(20)   NOT NULL,
    active         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT admin_user_username UNIQUE (username)
);
