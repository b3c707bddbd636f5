-- StreamGate schema, version 9: enrolled devices (box-office terminals, ticket shops' servers).
-- A super admin issues a one-time enrollment code; a device exchanges it for a short-lived access
-- token and an opaque refresh token. Codes and refresh tokens are stored only as peppered hashes.

CREATE TABLE device (
    id             VARCHAR(36)  NOT NULL PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    role           VARCHAR(20)  NOT NULL,
    enrolled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    enrolled_by    VARCHAR(100) NOT NULL,
    last_seen_at   TIMESTAMP WITH TIME ZONE,
    last_address   VARCHAR(45),
    revoked_at     TIMESTAMP WITH TIME ZONE,
    revoked_reason VARCHAR(40),
    CONSTRAINT device_role CHECK (role IN ('BOX_OFFICE', 'OPERATOR', 'ADMIN'))
);
CREATE INDEX device_enrolled ON device (enrolled_at);

-- The events a box-office device may look up codes of, issue codes for and release sessions of.
-- No foreign key: a deleted event simply has no codes left to reach.
CREATE TABLE device_event (
    device_id  VARCHAR(36) NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    event_id   VARCHAR(36) NOT NULL,
    PRIMARY KEY (device_id, event_id)
);

CREATE TABLE enrollment_code (
    code_hash    VARCHAR(64)  NOT NULL PRIMARY KEY,
    role         VARCHAR(20)  NOT NULL,
    device_name  VARCHAR(100) NOT NULL,
    event_ids    VARCHAR(2000),
    created_by   VARCHAR(100) NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at      TIMESTAMP WITH TIME ZONE,
    device_id    VARCHAR(36),
    CONSTRAINT enrollment_code_role CHECK (role IN ('BOX_OFFICE', 'OPERATOR', 'ADMIN'))
);
CREATE INDEX enrollment_code_expires ON enrollment_code (expires_at);

-- One row per refresh token ever issued; a device's rows are one family. A used row stays, so that
-- presenting it again is recognised as a replay.
CREATE TABLE device_refresh_token (
    token_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    device_id   VARCHAR(36) NOT NULL REFERENCES device (id) ON DELETE CASCADE,
    issued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX device_refresh_token_device ON device_refresh_token (device_id);
