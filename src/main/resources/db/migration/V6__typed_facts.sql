-- Typed facts: the numbers a report computes come from these columns, never from an event's value or notes text.
-- An event may state, for one stage row (stage) or for every stage row of its facility (stage NULL), a year of
-- first production (target_year; target_withdrawn = 1 when it withdraws the timeline) and a capacity with its unit
-- and basis. Events recorded before this migration state none of these (see V6_1 for the embedded sample's).

ALTER TABLE facility_event ADD COLUMN stage TEXT
    CHECK (stage IS NULL OR stage IN ('mining', 'concentration', 'separation', 'metal', 'alloy', 'magnet', 'recycling'));
ALTER TABLE facility_event ADD COLUMN target_year INTEGER CHECK (target_year IS NULL OR target_year BETWEEN 1990 AND 2100);
ALTER TABLE facility_event ADD COLUMN target_withdrawn INTEGER NOT NULL DEFAULT 0
    CHECK (target_withdrawn IN (0, 1));
ALTER TABLE facility_event ADD COLUMN capacity_tpa REAL CHECK (capacity_tpa IS NULL OR capacity_tpa > 0);
ALTER TABLE facility_event ADD COLUMN capacity_unit TEXT;
ALTER TABLE facility_event ADD COLUMN capacity_basis TEXT
    CHECK (capacity_basis IS NULL OR capacity_basis IN ('nameplate', 'target', 'actual_output', 'contract', 'quota'));

-- When a baseline figure became public (NULL: unknown), so a report never cites a figure published after its date;
-- and the share a row states, typed (the CSV files write it in the notes as share_pct=<number>;).
ALTER TABLE baseline ADD COLUMN published_on TEXT;
ALTER TABLE baseline ADD COLUMN share_pct REAL CHECK (share_pct IS NULL OR share_pct BETWEEN 0 AND 100);

-- The derived state now holds capacity today and the planned expansion, on both dates.
ALTER TABLE period_project ADD COLUMN cur_capacity_tpa REAL;
ALTER TABLE period_project ADD COLUMN cur_capacity_unit TEXT;
ALTER TABLE period_project ADD COLUMN cur_capacity_basis TEXT;
ALTER TABLE period_project ADD COLUMN cur_expansion_tpa REAL;
ALTER TABLE period_project ADD COLUMN cur_expansion_unit TEXT;
ALTER TABLE period_project ADD COLUMN cur_expansion_year INTEGER;
ALTER TABLE period_project ADD COLUMN prev_capacity_tpa REAL;
ALTER TABLE period_project ADD COLUMN prev_capacity_unit TEXT;
ALTER TABLE period_project ADD COLUMN prev_capacity_basis TEXT;
ALTER TABLE period_project ADD COLUMN prev_expansion_tpa REAL;
ALTER TABLE period_project ADD COLUMN prev_expansion_unit TEXT;
ALTER TABLE period_project ADD COLUMN prev_expansion_year INTEGER;
