-- Cash transactions, same-day aggregates, FX rates and due-diligence cases (transaction module).
-- Amounts keep 4 decimals so that every ISO 4217 cash currency (up to 3 minor digits) is exact.

CREATE TABLE fx_rates (
    rate_date    DATE          NOT NULL,
    currency     VARCHAR(3)    NOT NULL,
    cny_per_unit DECIMAL(19, 8) NOT NULL,
    updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_by   VARCHAR(64)   NOT NULL,
    PRIMARY KEY (rate_date, currency)
);

-- One row per customer, direction, currency class and business day: the unit that is locked
-- (SELECT ... FOR UPDATE) while a transaction is added, so concurrent deposits cannot both miss
-- the threshold. Its id is derived from the key, so it can be created idempotently.
CREATE TABLE cash_day_totals (
    id               VARCHAR(36)    NOT NULL PRIMARY KEY,
    customer_id      VARCHAR(36)    NOT NULL,
    direction        VARCHAR(16)    NOT NULL,
    currency_class   VARCHAR(16)    NOT NULL,
    business_day     DATE           NOT NULL,
    measure_currency VARCHAR(3)     NOT NULL,
    total            DECIMAL(19, 4) NOT NULL,
    tx_count         INTEGER        NOT NULL,
    reportable       BOOLEAN        NOT NULL,
    report_due_by    DATE
);
CREATE UNIQUE INDEX ux_cash_day_totals_key ON cash_day_totals (customer_id, direction, currency_class, business_day);
CREATE INDEX ix_cash_day_totals_day ON cash_day_totals (business_day, reportable);

CREATE TABLE cash_transactions (
    id                 VARCHAR(36)    NOT NULL PRIMARY KEY,
    reference          VARCHAR(64)    NOT NULL,
    customer_id        VARCHAR(36)    NOT NULL,
    direction          VARCHAR(16)    NOT NULL,
    amount             DECIMAL(19, 4) NOT NULL,
    currency           VARCHAR(3)     NOT NULL,
    occurred_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    business_day       DATE           NOT NULL,
    branch             VARCHAR(32),
    source_of_funds_ct VARCHAR(2000),
    purpose_ct         VARCHAR(2000),
    source_or_purpose  BOOLEAN        NOT NULL,
    currency_class     VARCHAR(16),
    measured_amount    DECIMAL(19, 4),
    status             VARCHAR(16)    NOT NULL,
    day_total_id       VARCHAR(36),
    large_value        BOOLEAN        NOT NULL,
    due_diligence      VARCHAR(16)    NOT NULL,
    case_id            VARCHAR(36),
    report_due_by      DATE,
    exempt             BOOLEAN        NOT NULL,
    exemption_reason   VARCHAR(500),
    exempted_by        VARCHAR(64),
    exempted_at        TIMESTAMP WITH TIME ZONE,
    recorded_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_by        VARCHAR(64)    NOT NULL
);
-- Idempotency: the source system's reference identifies the transaction, also under concurrent retries.
CREATE UNIQUE INDEX ux_cash_transactions_reference ON cash_transactions (reference);
CREATE INDEX ix_cash_transactions_day_total ON cash_transactions (day_total_id);
CREATE INDEX ix_cash_transactions_customer ON cash_transactions (customer_id, business_day);
CREATE INDEX ix_cash_transactions_status ON cash_transactions (status, business_day);

CREATE TABLE dd_cases (
    id               VARCHAR(36)   NOT NULL PRIMARY KEY,
    transaction_id   VARCHAR(36)   NOT NULL REFERENCES cash_transactions (id),
    customer_id      VARCHAR(36)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    reasons          VARCHAR(200)  NOT NULL,
    opened_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE,
    resolved_by      VARCHAR(64),
    decision         VARCHAR(32),
    actions          VARCHAR(200),
    note_ct          VARCHAR(4000)
);
CREATE INDEX ix_dd_cases_status ON dd_cases (status, opened_at);
CREATE INDEX ix_dd_cases_transaction ON dd_cases (transaction_id);
