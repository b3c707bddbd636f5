-- StreamGate schema, version 4: viewer sessions whose token a media server saw played by more than
-- one client at once (TOKEN_SHARING). One row per session: ENDED (the session was ended and its
-- code freed) or FLAGGED (only reported). The heartbeat of an ended session reads it to say why;
-- the console's viewers list shows it. No reference to the code, so deleting an event keeps it.

CREATE TABLE token_sharing (
    session_id   VARCHAR(36)  NOT NULL PRIMARY KEY,
    event_id     VARCHAR(36)  NOT NULL,
    code_hint    VARCHAR(4)   NOT NULL,
    action       VARCHAR(10)  NOT NULL,
    clients      INTEGER      NOT NULL,
    client_ip    VARCHAR(45),
    user_agent   VARCHAR(512),
    detected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT token_sharing_action CHECK (action IN ('ENDED', 'FLAGGED'))
);
CREATE INDEX token_sharing_event ON token_sharing (event_id, detected_at);
