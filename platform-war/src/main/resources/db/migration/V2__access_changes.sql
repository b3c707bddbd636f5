-- StreamGate schema, version 2: the log of access changes that media servers outside the data grid
-- poll (GET /api/revocations?since=). One row per change: a code revoked or restored, an event
-- deactivated or reactivated. Append-only. No foreign keys, so the log outlives deleted events.

-- A plain sequence rather than an identity column: EclipseLink reads H2 2.x identities with a
-- function H2 no longer has. Ids are taken one by one, so they follow the order of the changes.
CREATE SEQUENCE access_change_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE access_change (
    id          BIGINT        NOT NULL PRIMARY KEY,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    kind        VARCHAR(20)   NOT NULL,
    event_id    VARCHAR(36)   NOT NULL,
    code        VARCHAR(12),
    CONSTRAINT access_change_kind CHECK (kind IN
        ('CODE_REVOKED', 'CODE_RESTORED', 'EVENT_DEACTIVATED', 'EVENT_REACTIVATED')),
    CONSTRAINT access_change_target CHECK ((kind LIKE 'CODE_%') = (code IS NOT NULL))
);
CREATE INDEX access_change_at ON access_change (changed_at);

ALTER TABLE access_code ADD COLUMN restored_at TIMESTAMP WITH TIME ZONE;
