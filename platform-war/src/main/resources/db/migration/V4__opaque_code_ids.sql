-- StreamGate schema, version 4: the access-change log names codes by their id, never by the code.
-- Playback tokens name a code by its random id (access_code.id) rather than the code itself, so the
-- log that media servers outside the data grid poll does the same, and it carries ended sessions
-- (released, taken over) so that those servers refuse their tokens too. Runs on H2 2.x and
-- PostgreSQL 15+.

ALTER TABLE access_change ADD COLUMN code_id VARCHAR(36);
ALTER TABLE access_change ADD COLUMN session_id VARCHAR(36);

-- Existing rows: the id of each logged code. Rows whose code is gone (deleted with its event)
-- can refuse no token any more and are dropped rather than kept with a raw code.
UPDATE access_change SET code_id = (SELECT c.id FROM access_code c WHERE c.code = access_change.code)
    WHERE code IS NOT NULL;
DELETE FROM access_change WHERE code IS NOT NULL AND code_id IS NULL;

ALTER TABLE access_change DROP CONSTRAINT access_change_target;
ALTER TABLE access_change DROP CONSTRAINT access_change_kind;
ALTER TABLE access_change DROP COLUMN code;
ALTER TABLE access_change ALTER COLUMN event_id DROP NOT NULL;

ALTER TABLE access_change ADD CONSTRAINT access_change_kind CHECK (kind IN
    ('CODE_REVOKED', 'CODE_RESTORED', 'EVENT_DEACTIVATED', 'EVENT_REACTIVATED', 'SESSION_ENDED'));
ALTER TABLE access_change ADD CONSTRAINT access_change_code CHECK
    ((kind LIKE 'CODE_%') = (code_id IS NOT NULL));
ALTER TABLE access_change ADD CONSTRAINT access_change_session CHECK
    ((kind = 'SESSION_ENDED') = (session_id IS NOT NULL));
ALTER TABLE access_change ADD CONSTRAINT access_change_event CHECK
    ((kind = 'SESSION_ENDED') = (event_id IS NULL));
