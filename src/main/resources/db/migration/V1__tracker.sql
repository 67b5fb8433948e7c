-- The tracker: projects (one facility at one stage), dated facility events, and published baselines.
-- Dates are ISO-8601 text; empty means undisclosed.

CREATE TABLE project (
    id                  TEXT PRIMARY KEY,
    facility_id         TEXT NOT NULL,
    company             TEXT NOT NULL,
    owner_country       TEXT NOT NULL,
    facility            TEXT NOT NULL,
    country             TEXT NOT NULL,
    region              TEXT,
    stage               TEXT NOT NULL,
    status              TEXT NOT NULL,
    status_as_of        TEXT,
    capacity_tpa        REAL,
    capacity_unit       TEXT,
    capacity_basis      TEXT,
    investment_amount   TEXT,
    investment_currency TEXT,
    investment_usd_m    REAL,
    announced_on        TEXT,
    target_year         INTEGER,
    offtake             TEXT,
    offtake_binding     TEXT NOT NULL DEFAULT 'unknown',
    confidence          TEXT,
    sources             TEXT,
    notes               TEXT
);
CREATE INDEX project_by_facility ON project (facility_id, id);

CREATE TABLE facility_event (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    facility_id  TEXT NOT NULL,
    date         TEXT NOT NULL,
    event        TEXT NOT NULL,
    status_after TEXT,
    value        TEXT,
    notes        TEXT,
    source       TEXT
);
-- The same fact recorded twice is one fact.
CREATE UNIQUE INDEX facility_event_identity
    ON facility_event (facility_id, date, event, ifnull(status_after, ''), ifnull(value, ''), ifnull(source, ''));

CREATE TABLE baseline (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    country    TEXT NOT NULL,
    stage      TEXT NOT NULL,
    year       INTEGER NOT NULL,
    value_tpa  REAL,
    unit       TEXT,
    basis      TEXT NOT NULL,
    source     TEXT,
    confidence TEXT,
    notes      TEXT
);
-- At most one valued row per (country, stage, year); share-only rows are not summable and may repeat.
CREATE UNIQUE INDEX baseline_value_identity ON baseline (country, stage, year) WHERE value_tpa IS NOT NULL;

-- What the monthly job derived for each project in a period: the project's facts when the job ran and its
-- state on the period's last day and the previous period's. Keyed by period, so a rerun replaces, never adds.
CREATE TABLE period_project (
    period              TEXT NOT NULL,
    id                  TEXT NOT NULL,
    facility_id         TEXT NOT NULL,
    company             TEXT NOT NULL,
    owner_country       TEXT NOT NULL,
    facility            TEXT NOT NULL,
    country             TEXT NOT NULL,
    region              TEXT,
    stage               TEXT NOT NULL,
    status              TEXT NOT NULL,
    status_as_of        TEXT,
    capacity_tpa        REAL,
    capacity_unit       TEXT,
    capacity_basis      TEXT,
    investment_amount   TEXT,
    investment_currency TEXT,
    investment_usd_m    REAL,
    announced_on        TEXT,
    target_year         INTEGER,
    offtake             TEXT,
    offtake_binding     TEXT NOT NULL,
    confidence          TEXT,
    sources             TEXT,
    notes               TEXT,
    cur_reported        INTEGER NOT NULL,
    cur_status          TEXT NOT NULL,
    cur_target_year     INTEGER,
    cur_operating_since TEXT,
    prev_reported       INTEGER NOT NULL,
    prev_status         TEXT NOT NULL,
    prev_target_year    INTEGER,
    prev_operating_since TEXT,
    PRIMARY KEY (period, id)
);
