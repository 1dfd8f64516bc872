-- FX rates are versioned (issue 12, point 3): every change of a day's rates is kept with who proposed it
-- and, where a second COMPLIANCE user had to approve it (the day already had reportable foreign-currency
-- events), who decided. fx_rates keeps the day's current rates; a PENDING_APPROVAL change is not in it.
CREATE TABLE fx_rate_changes (
    id          VARCHAR(36)   NOT NULL PRIMARY KEY,
    rate_date   DATE          NOT NULL,
    version     INTEGER       NOT NULL,
    status      VARCHAR(20)   NOT NULL,
    proposed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    proposed_by VARCHAR(64)   NOT NULL,
    decided_at  TIMESTAMP WITH TIME ZONE,
    decided_by  VARCHAR(64),
    CONSTRAINT ux_fx_rate_changes_version UNIQUE (rate_date, version)
);

CREATE TABLE fx_rate_change_rates (
    change_id    VARCHAR(36)    NOT NULL REFERENCES fx_rate_changes (id),
    currency     VARCHAR(3)     NOT NULL,
    cny_per_unit DECIMAL(19, 8) NOT NULL,
    PRIMARY KEY (change_id, currency)
);

-- Why the system closed a case (a re-evaluation after a rate change or an exemption): never without a reason.
ALTER TABLE dd_cases ADD closed_reason VARCHAR(200);
