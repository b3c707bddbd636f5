-- StreamGate schema, version 12: tickets by e-mail. Each attendee of an event gets one code of
-- their own and a message with it; the attendee row is also the message's place in the durable
-- mail queue (queued until the SMTP server took it, retried for 24 h, or failed with its answer).

CREATE TABLE attendee (
    id              VARCHAR(36)  NOT NULL PRIMARY KEY,
    event_id        VARCHAR(36)  NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    access_code_id  VARCHAR(36)  NOT NULL REFERENCES access_code (id) ON DELETE CASCADE,
    email           VARCHAR(254) NOT NULL,
    -- The address in lower case: one attendee per address and event.
    email_key       VARCHAR(254) NOT NULL,
    name            VARCHAR(200),
    label           VARCHAR(200),
    time_zone       VARCHAR(64),
    -- The viewer portal's address as the uploading admin's browser saw it, for the link.
    portal_url      VARCHAR(500) NOT NULL,
    status          VARCHAR(10)  NOT NULL,
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    retry_until     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- A member claims a due row by moving lease_until past now with a conditional UPDATE.
    lease_until     TIMESTAMP WITH TIME ZONE,
    last_attempt_at TIMESTAMP WITH TIME ZONE,
    last_answer     VARCHAR(500),
    sent_at         TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    CONSTRAINT attendee_status CHECK (status IN ('QUEUED', 'SENT', 'FAILED')),
    CONSTRAINT attendee_once UNIQUE (event_id, email_key)
);
CREATE INDEX attendee_due ON attendee (status, next_attempt_at);
CREATE INDEX attendee_code ON attendee (access_code_id);
