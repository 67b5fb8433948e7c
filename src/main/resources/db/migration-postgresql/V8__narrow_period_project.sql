-- PostgreSQL's V8, the same change as SQLite's (see db/migration/V8__narrow_period_project.sql): period_project
-- keeps what the job derived, the project's id and the columns that key and summarize it; the facts come from
-- project, joined on the id. Keyed in the order the snapshot step reads the projects, (facility_id, id).
CREATE TABLE period_project_v8 (
    period               text COLLATE "C" NOT NULL,
    facility_id          text COLLATE "C" NOT NULL,
    id                   text COLLATE "C" NOT NULL,
    stage                text COLLATE "C" NOT NULL,
    country              text COLLATE "C" NOT NULL,
    cur_reported         integer NOT NULL,
    cur_status           text COLLATE "C" NOT NULL,
    cur_target_year      integer,
    cur_operating_since  date,
    cur_capacity_tpa     double precision,
    cur_capacity_unit    text COLLATE "C",
    cur_capacity_basis   text COLLATE "C",
    cur_expansion_tpa    double precision,
    cur_expansion_unit   text COLLATE "C",
    cur_expansion_year   integer,
    prev_reported        integer NOT NULL,
    prev_status          text COLLATE "C" NOT NULL,
    prev_target_year     integer,
    prev_operating_since date,
    prev_capacity_tpa    double precision,
    prev_capacity_unit   text COLLATE "C",
    prev_capacity_basis  text COLLATE "C",
    prev_expansion_tpa   double precision,
    prev_expansion_unit  text COLLATE "C",
    prev_expansion_year  integer,
    PRIMARY KEY (period, facility_id, id)
);

INSERT INTO period_project_v8
SELECT period, facility_id, id, stage, country,
       cur_reported, cur_status, cur_target_year, cur_operating_since, cur_capacity_tpa, cur_capacity_unit,
       cur_capacity_basis, cur_expansion_tpa, cur_expansion_unit, cur_expansion_year,
       prev_reported, prev_status, prev_target_year, prev_operating_since, prev_capacity_tpa, prev_capacity_unit,
       prev_capacity_basis, prev_expansion_tpa, prev_expansion_unit, prev_expansion_year
FROM period_project;
DROP TABLE period_project;
ALTER TABLE period_project_v8 RENAME TO period_project;
ALTER INDEX period_project_v8_pkey RENAME TO period_project_pkey;

-- The fingerprint of the input rows a period's snapshot read (InputFingerprint), computed while they streamed
-- through the snapshot step, for the manifest.
CREATE TABLE period_input (
    period            text COLLATE "C" PRIMARY KEY,
    input_fingerprint text COLLATE "C" NOT NULL
);

-- A run first checks that its period is not before the tracker's earliest dated fact: min() of these two columns.
CREATE INDEX project_by_announced_on ON project (announced_on);
CREATE INDEX project_by_status_as_of ON project (status_as_of);
