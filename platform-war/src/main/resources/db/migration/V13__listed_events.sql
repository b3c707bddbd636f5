-- StreamGate schema, version 13: whether an event is listed on the viewer portal's "Now and
-- upcoming". New events are not listed: viewers reach them with a code or a direct link. Events
-- made before this version were all shown there, and stay listed, so an upgrade hides nothing.

ALTER TABLE event ADD COLUMN listed BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE event SET listed = TRUE;
