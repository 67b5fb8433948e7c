-- Rules v3's typed columns (the sample data's v3 format). An event may state money, typed: an amount in units of
-- its currency (text, so a KRW 28,500,000,000 stays exact), the US$ million a source gave, what kind of money and
-- how far it got; and how precise its date is (a month, quarter or year date is that period's first day). A
-- project's status_as_of has a precision too; projects and baselines say which rare earths they concern
-- (ree_group, NULL = unknown on a project, all rare earths on a baseline).
ALTER TABLE facility_event ADD COLUMN amount TEXT;
ALTER TABLE facility_event ADD COLUMN amount_currency TEXT;
ALTER TABLE facility_event ADD COLUMN amount_usd_m REAL CHECK (amount_usd_m IS NULL OR amount_usd_m >= 0);
ALTER TABLE facility_event ADD COLUMN funding_kind TEXT CHECK (funding_kind IS NULL OR funding_kind IN
    ('equity', 'debt', 'grant', 'government_commitment', 'prepayment', 'other'));
ALTER TABLE facility_event ADD COLUMN funding_status TEXT
    CHECK (funding_status IS NULL OR funding_status IN ('proposed', 'committed', 'closed'));
ALTER TABLE facility_event ADD COLUMN date_precision TEXT NOT NULL DEFAULT 'day'
    CHECK (date_precision IN ('day', 'month', 'quarter', 'year'));

ALTER TABLE project ADD COLUMN status_as_of_precision TEXT
    CHECK (status_as_of_precision IS NULL OR status_as_of_precision IN ('day', 'month', 'quarter', 'year'));
ALTER TABLE project ADD COLUMN ree_group TEXT CHECK (ree_group IS NULL OR ree_group IN ('light', 'heavy', 'both'));

ALTER TABLE baseline ADD COLUMN ree_group TEXT CHECK (ree_group IS NULL OR ree_group IN ('light', 'heavy', 'both'));
-- A row's identity is per ree_group: a heavy-only China figure is another fact than the all-REE one.
DROP INDEX baseline_value_identity;
CREATE UNIQUE INDEX baseline_value_identity ON baseline (country, stage, year, ifnull(ree_group, ''))
    WHERE value_tpa IS NOT NULL;

-- When the period's report last completed: restatements and revisions count against the latest completed report
-- of the previous period, not the first (NULL: only the first is known, from an earlier release).
ALTER TABLE period_report ADD COLUMN last_reported_at TEXT;
