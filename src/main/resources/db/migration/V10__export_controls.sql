-- Export controls (rules v3, export_controls.csv): measures restricting rare-earth trade, typed facts beside the
-- projects. Lists (elements, forms) are ';'-separated as in the file; the import checks their vocabularies and
-- dates, the constraints here keep a hand edit from storing a state the report cannot read.
CREATE TABLE export_control (
    id              TEXT PRIMARY KEY,
    country         TEXT NOT NULL,
    authority       TEXT,
    measure         TEXT,
    elements        TEXT,
    forms           TEXT NOT NULL,
    scope           TEXT NOT NULL CHECK (scope IN ('export', 'extraterritorial', 'procurement')),
    announced_on    TEXT NOT NULL,
    effective_on    TEXT CHECK (effective_on IS NULL OR effective_on >= announced_on),
    suspended_on    TEXT,
    suspended_until TEXT CHECK (suspended_until IS NULL OR (suspended_on IS NOT NULL AND suspended_until > suspended_on)),
    lifted_on       TEXT CHECK (lifted_on IS NULL OR effective_on IS NULL OR lifted_on >= effective_on),
    source          TEXT,
    notes           TEXT
);
