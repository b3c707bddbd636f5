-- Deactivating a console user ends their sessions for good: the session epoch is part of the
-- credentials fingerprint every session is checked against, and deactivation moves it on, so a
-- reactivated user's old sessions (a stolen cookie among them) do not come back.
ALTER TABLE admin_user ADD COLUMN session_epoch INTEGER DEFAULT 0 NOT NULL;
