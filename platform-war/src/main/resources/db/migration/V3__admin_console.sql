-- StreamGate schema, version 3: the admin console. Three roles instead of two; the users that could
-- do everything before (ADMIN) keep doing so as SUPER_ADMIN. Indexes for the code tables' paging,
-- filters and prefix searches (codes by their unique index, labels by a lower-case copy).

UPDATE admin_user SET role = 'SUPER_ADMIN' WHERE role = 'ADMIN';
ALTER TABLE admin_user ADD CONSTRAINT admin_user_role CHECK (role IN ('SUPER_ADMIN', 'ADMIN', 'OPERATOR'));
ALTER TABLE admin_user ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE INDEX access_code_created ON access_code (created_at, id);
CREATE INDEX access_code_event_created ON access_code (event_id, created_at, id);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX access_code_revoked ON access_code (revoked, created_at);
CREATE INDEX access_code_expires ON access_code (expires_at);
ALTER TABLE access_code ADD COLUMN label_key VARCHAR(200);
UPDATE access_code SET label_key = LOWER(label) WHERE label IS NOT NULL;
CREATE INDEX access_code_label ON access_code (label_key, created_at DESC, id DESC);
