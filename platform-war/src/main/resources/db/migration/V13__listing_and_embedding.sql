-- StreamGate schema, version 13: how an event reaches viewers besides their code.
-- listed: shown on the viewer portal's "Now and upcoming". New events are not listed: viewers
-- reach them with a code or a direct link. Events made before this version were all shown there,
-- and stay listed, so an upgrade hides nothing.
-- embed_origins: the sites that may frame the event's player (/embed/{id}), as canonical origins
-- separated by single spaces (they become the page's CSP frame-ancestors); none: nobody may.

ALTER TABLE event ADD COLUMN listed BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE event SET listed = TRUE;
ALTER TABLE event ADD COLUMN embed_origins VARCHAR(4000);
