-- PostgreSQL's copy of V6: typed facts (see the SQLite V6; migration 6.1 is the same Java migration for both).
ALTER TABLE facility_event ADD COLUMN stage text COLLATE "C"
    CHECK (stage IS NULL OR stage IN ('mining', 'concentration', 'separation', 'metal', 'alloy', 'magnet', 'recycling'));
ALTER TABLE facility_event ADD COLUMN target_year integer CHECK (target_year IS NULL OR target_year BETWEEN 1990 AND 2100);
ALTER TABLE facility_event ADD COLUMN target_withdrawn integer NOT NULL DEFAULT 0
    CHECK (target_withdrawn IN (0, 1));
ALTER TABLE facility_event ADD COLUMN capacity_tpa double precision CHECK (capacity_tpa IS NULL OR capacity_tpa > 0);
ALTER TABLE facility_event ADD COLUMN capacity_unit text COLLATE "C";
ALTER TABLE facility_event ADD COLUMN capacity_basis text COLLATE "C"
    CHECK (capacity_basis IS NULL OR capacity_basis IN ('nameplate', 'target', 'actual_output', 'contract', 'quota'));

ALTER TABLE baseline ADD COLUMN published_on date;
ALTER TABLE baseline ADD COLUMN share_pct double precision CHECK (share_pct IS NULL OR share_pct BETWEEN 0 AND 100);

ALTER TABLE period_project ADD COLUMN cur_capacity_tpa double precision;
ALTER TABLE period_project ADD COLUMN cur_capacity_unit text COLLATE "C";
ALTER TABLE period_project ADD COLUMN cur_capacity_basis text COLLATE "C";
ALTER TABLE period_project ADD COLUMN cur_expansion_tpa double precision;
ALTER TABLE period_project ADD COLUMN cur_expansion_unit text COLLATE "C";
ALTER TABLE period_project ADD COLUMN cur_expansion_year integer;
ALTER TABLE period_project ADD COLUMN prev_capacity_tpa double precision;
ALTER TABLE period_project ADD COLUMN prev_capacity_unit text COLLATE "C";
ALTER TABLE period_project ADD COLUMN prev_capacity_basis text COLLATE "C";
ALTER TABLE period_project ADD COLUMN prev_expansion_tpa double precision;
ALTER TABLE period_project ADD COLUMN prev_expansion_unit text COLLATE "C";
ALTER TABLE period_project ADD COLUMN prev_expansion_year integer;
