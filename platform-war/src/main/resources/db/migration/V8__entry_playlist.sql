-- The playlist a viewer's player opens first, inside the event's stream folder: master.m3u8 unless
-- the event names another (the seed's encoders wrote stream.m3u8).
ALTER TABLE event ADD COLUMN entry_playlist VARCHAR(128) DEFAULT 'master.m3u8' NOT NULL;
