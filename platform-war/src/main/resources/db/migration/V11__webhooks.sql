-- StreamGate schema, version 11: webhooks. Endpoints that super admins register, and the outbox
-- of their deliveries, written in the transaction of the change each one reports (at least once,
-- nothing lost on a crash or a restart).

CREATE TABLE webhook_endpoint (
    id                   VARCHAR(36)   NOT NULL PRIMARY KEY,
    url                  VARCHAR(2000) NOT NULL,
    description          VARCHAR(200),
    event_types          VARCHAR(500)  NOT NULL,
    include_codes        BOOLEAN       NOT NULL,
    active               BOOLEAN       NOT NULL,
    secret               VARCHAR(100)  NOT NULL,
    previous_secret      VARCHAR(100),
    previous_secret_until TIMESTAMP WITH TIME ZONE,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(100)  NOT NULL,
    version              BIGINT        NOT NULL
);

-- One message to one endpoint. No foreign key: a change that reports to an endpoint being deleted
-- at that moment must still commit; deliveries whose endpoint is gone are dropped.
-- The message id (webhook-id) stays the same across retries and
-- redeliveries. A member claims a due row by moving lease_until past now with a conditional UPDATE,
-- so that members never send one row at once.
CREATE TABLE webhook_delivery (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    endpoint_id      VARCHAR(36)   NOT NULL,
    message_id       VARCHAR(40)   NOT NULL,
    event_type       VARCHAR(40)   NOT NULL,
    body             VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    status           VARCHAR(10)   NOT NULL,
    attempts         INTEGER       NOT NULL,
    next_attempt_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    retry_until      TIMESTAMP WITH TIME ZONE NOT NULL,
    lease_until      TIMESTAMP WITH TIME ZONE,
    last_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_status_code INTEGER,
    last_latency_ms  INTEGER,
    last_answer      VARCHAR(2048),
    delivered_at     TIMESTAMP WITH TIME ZONE,
    CONSTRAINT webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED'))
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_endpoint ON webhook_delivery (endpoint_id, created_at);

-- Sessions whose end by silence (session.ended, timed_out) was reported.
ALTER TABLE viewer_session ADD COLUMN end_reported BOOLEAN DEFAULT FALSE NOT NULL;

-- Which phase of its schedule (live, ended) each event was last announced in (event.live,
-- event.ended); a conditional UPDATE decides which platform member announces it.
ALTER TABLE event ADD COLUMN announced_phase VARCHAR(10);
