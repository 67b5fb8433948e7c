-- period_project held a copy of every project column (32 values a row; a fifth of the job's time at a million
-- projects went into writing them). It now holds what the job derived, the project's id and the few project columns
-- that key and summarize it: the report reads the facts from project, joined on the id.
-- Keyed, and stored (WITHOUT ROWID), in the order the snapshot step reads the projects, (facility_id, id): its
-- chunks are appended at the end of the table, a restart removes what a failed chunk wrote past its checkpoint with
-- one range delete, and the workbook reads the rows in that order with the projects beside them, in the same order,
-- instead of one random lookup into project per row (a third of the job's time at a million projects when the
-- rows were ordered by stage and country).
-- Existing rows keep their derived state (cur_*, prev_*): they stay readable, their facts now come from project
-- (a row whose project has been deleted since is no longer listed; a rerun of its period recomputes it anyway).
CREATE TABLE period_project_v8 (
    period               TEXT NOT NULL,
    facility_id          TEXT NOT NULL,
    id                   TEXT NOT NULL,
    stage                TEXT NOT NULL,
    country              TEXT NOT NULL,
    cur_reported         INTEGER NOT NULL,
    cur_status           TEXT NOT NULL,
    cur_target_year      INTEGER,
    cur_operating_since  TEXT,
    cur_capacity_tpa     REAL,
    cur_capacity_unit    TEXT,
    cur_capacity_basis   TEXT,
    cur_expansion_tpa    REAL,
    cur_expansion_unit   TEXT,
    cur_expansion_year   INTEGER,
    prev_reported        INTEGER NOT NULL,
    prev_status          TEXT NOT NULL,
    prev_target_year     INTEGER,
    prev_operating_since TEXT,
    prev_capacity_tpa    REAL,
    prev_capacity_unit   TEXT,
    prev_capacity_basis  TEXT,
    prev_expansion_tpa   REAL,
    prev_expansion_unit  TEXT,
    prev_expansion_year  INTEGER,
    PRIMARY KEY (period, facility_id, id)
) WITHOUT ROWID;

INSERT INTO period_project_v8
SELECT period, facility_id, id, stage, country,
       cur_reported, cur_status, cur_target_year, cur_operating_since, cur_capacity_tpa, cur_capacity_unit,
       cur_capacity_basis, cur_expansion_tpa, cur_expansion_unit, cur_expansion_year,
       prev_reported, prev_status, prev_target_year, prev_operating_since, prev_capacity_tpa, prev_capacity_unit,
       prev_capacity_basis, prev_expansion_tpa, prev_expansion_unit, prev_expansion_year
FROM period_project;
DROP TABLE period_project;
ALTER TABLE period_project_v8 RENAME TO period_project;

-- The fingerprint of the input rows a period's snapshot read (InputFingerprint), computed while they streamed
-- through the snapshot step, for the manifest: write-manifest does not read the tables again to hash them.
CREATE TABLE period_input (
    period            TEXT PRIMARY KEY,
    input_fingerprint TEXT NOT NULL
);

-- A run first checks that its period is not before the tracker's earliest dated fact: min() of these two columns,
-- which without an index read every project (twice) before the job had started.
CREATE INDEX project_by_announced_on ON project (announced_on);
CREATE INDEX project_by_status_as_of ON project (status_as_of);
