-- StreamGate schema, version 10: a second factor for console users (RFC 6238 TOTP, with ten
-- one-time recovery codes stored as hashes) and invitations, with which a person sets their own
-- password instead of being told one.

ALTER TABLE admin_user ADD COLUMN totp_secret VARCHAR(64);
ALTER TABLE admin_user ADD COLUMN totp_enabled BOOLEAN DEFAULT FALSE NOT NULL;
-- The time step of the last code accepted: a code is never accepted twice.
ALTER TABLE admin_user ADD COLUMN totp_last_step BIGINT DEFAULT 0 NOT NULL;

CREATE TABLE admin_recovery_code (
    code_hash  VARCHAR(64) NOT NULL PRIMARY KEY,
    user_id    VARCHAR(36) NOT NULL REFERENCES admin_user (id) ON DELETE CASCADE,
    used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX admin_recovery_code_user ON admin_recovery_code (user_id);

CREATE TABLE admin_invitation (
    code_hash   VARCHAR(64)  NOT NULL PRIMARY KEY,
    username    VARCHAR(100) NOT NULL,
    role        VARCHAR(20)  NOT NULL,
    -- A password reset link of an existing user, else an invitation of a new one.
    reset       BOOLEAN      NOT NULL,
    -- For a reset: the user's credentials fingerprint when it was made; a password change since
    -- voids the link.
    credentials VARCHAR(64),
    created_by  VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT admin_invitation_role CHECK (role IN ('SUPER_ADMIN', 'ADMIN', 'OPERATOR'))
);
CREATE INDEX admin_invitation_expires ON admin_invitation (expires_at);
CREATE INDEX admin_invitation_username ON admin_invitation (username);
