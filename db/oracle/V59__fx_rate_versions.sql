-- Oracle version of db/ansi/V59: versioned FX-rate changes with four eyes, and why the system closed a case.
CREATE TABLE fx_rate_changes (
    id          VARCHAR2(36)   NOT NULL PRIMARY KEY,
    rate_date   DATE           NOT NULL,
    version     NUMBER(10)     NOT NULL,
    status      VARCHAR2(20)   NOT NULL,
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    proposed_by VARCHAR2(64)   NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE,
    decided_by  VARCHAR2(64),
    CONSTRAINT ux_fx_rate_changes_version UNIQUE (rate_date, version)
);

CREATE TABLE fx_rate_change_rates (
    change_id    VARCHAR2(36)   NOT NULL REFERENCES fx_rate_changes (id),
    currency     VARCHAR2(3)    NOT NULL,
    cny_per_unit NUMBER(19, 8)  NOT NULL,
    PRIMARY KEY (change_id, currency)
);

ALTER TABLE dd_cases ADD closed_reason VARCHAR2(200);
