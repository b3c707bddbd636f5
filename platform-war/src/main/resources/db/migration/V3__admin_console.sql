-- StreamGate schema, version 3: the admin console. Three roles instead of two; the users that could
-- do everything before (ADMIN) keep doing so as SUPER_ADMIN. Indexes for the code tables' paging.

UPDATE admin_user SET role = 'SUPER_ADMIN' WHERE role = 'ADMIN';
ALTER TABLE admin_user ADD CONSTRAINT admin_user_role CHECK (role IN ('SUPER_ADMIN', 'ADMIN', 'OPERATOR'));
ALTER TABLE admin_user ADD COLUMN version BIGINT NOT NULL DEFAULT 0;

CREATE INDEX access_code_created ON access_code (created_at, id);
CREATE INDEX access_code_event_created ON access_code (event_id, created_at, id);
CREATE INDEX audit_entry_actor ON audit_entry (actor, at);
CREATE INDEX access_code_event_code ON access_code (event_id, code);
