-- PostgreSQL's copy of V9: typed money, date precision and ree_group (see the SQLite V9).
ALTER TABLE facility_event ADD COLUMN amount text COLLATE "C";
ALTER TABLE facility_event ADD COLUMN amount_currency text COLLATE "C";
ALTER TABLE facility_event ADD COLUMN amount_usd_m double precision CHECK (amount_usd_m IS NULL OR amount_usd_m >= 0);
ALTER TABLE facility_event ADD COLUMN funding_kind text COLLATE "C" CHECK (funding_kind IS NULL OR funding_kind IN
    ('equity', 'debt', 'grant', 'government_commitment', 'prepayment', 'other'));
ALTER TABLE facility_event ADD COLUMN funding_status text COLLATE "C"
    CHECK (funding_status IS NULL OR funding_status IN ('proposed', 'committed', 'closed'));
ALTER TABLE facility_event ADD COLUMN date_precision text COLLATE "C" NOT NULL DEFAULT 'day'
    CHECK (date_precision IN ('day', 'month', 'quarter', 'year'));

ALTER TABLE project ADD COLUMN status_as_of_precision text COLLATE "C"
    CHECK (status_as_of_precision IS NULL OR status_as_of_precision IN ('day', 'month', 'quarter', 'year'));
ALTER TABLE project ADD COLUMN ree_group text COLLATE "C"
    CHECK (ree_group IS NULL OR ree_group IN ('light', 'heavy', 'both'));

ALTER TABLE baseline ADD COLUMN ree_group text COLLATE "C"
    CHECK (ree_group IS NULL OR ree_group IN ('light', 'heavy', 'both'));
DROP INDEX baseline_value_identity;
CREATE UNIQUE INDEX baseline_value_identity ON baseline (country, stage, year, ifnull(ree_group, ''))
    WHERE value_tpa IS NOT NULL;

ALTER TABLE period_report ADD COLUMN last_reported_at timestamptz;
