-- Retention: tombstones of purged customers, legal holds, purge runs and their entries.
-- No personal data in any of these tables: ids, dates, policy names, counts and digests only.

-- What is left of a purged customer (written by the customer module in the purge transaction).
CREATE TABLE customer_tombstones (
    customer_id    VARCHAR2(36) NOT NULL PRIMARY KEY,
    purge_run_id   VARCHAR2(36) NOT NULL,
    policy         VARCHAR2(64) NOT NULL,
    closed_on      DATE        NOT NULL,
    eligible_from  DATE        NOT NULL,
    purged_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX ix_customer_tombstones_run ON customer_tombstones (purge_run_id, customer_id);

CREATE TABLE legal_holds (
    id              VARCHAR2(36)  NOT NULL PRIMARY KEY,
    customer_id     VARCHAR2(36)  NOT NULL,
    reason          VARCHAR2(500) NOT NULL,
    case_reference  VARCHAR2(100) NOT NULL,
    placed_by       VARCHAR2(64)  NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    released_by     VARCHAR2(64),
    released_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX ix_legal_holds_customer ON legal_holds (customer_id, released_at);

CREATE TABLE purge_runs (
    id             VARCHAR2(36)  NOT NULL PRIMARY KEY,
    run_trigger    VARCHAR2(16)  NOT NULL,
    dry_run        NUMBER(1)      NOT NULL,
    policy         VARCHAR2(64)  NOT NULL,
    as_of          DATE         NOT NULL,
    status         VARCHAR2(16)  NOT NULL,
    requested_by   VARCHAR2(64)  NOT NULL,
    requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    fired_at       TIMESTAMP WITH TIME ZONE,
    node           VARCHAR2(200),
    started_at     TIMESTAMP WITH TIME ZONE,
    heartbeat_at   TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    examined       NUMBER(19)       NOT NULL,
    eligible       NUMBER(19)       NOT NULL,
    purged         NUMBER(19)       NOT NULL,
    held           NUMBER(19)       NOT NULL,
    retained       NUMBER(19)       NOT NULL,
    errors         NUMBER(19)       NOT NULL,
    digest         VARCHAR2(64)
);
CREATE INDEX ix_purge_runs_status ON purge_runs (status);

-- One line per customer a run decided about (PURGED lines are written in the purge transaction).
CREATE TABLE purge_run_entries (
    purge_run_id   VARCHAR2(36) NOT NULL,
    customer_id    VARCHAR2(36) NOT NULL,
    outcome        VARCHAR2(16) NOT NULL,
    eligible_from  DATE,
    PRIMARY KEY (purge_run_id, customer_id)
);
