-- PostgreSQL's copy of V10: export controls (see the SQLite V10).
CREATE TABLE export_control (
    id              text COLLATE "C" PRIMARY KEY,
    country         text COLLATE "C" NOT NULL,
    authority       text COLLATE "C",
    measure         text COLLATE "C",
    elements        text COLLATE "C",
    forms           text COLLATE "C" NOT NULL,
    scope           text COLLATE "C" NOT NULL CHECK (scope IN ('export', 'extraterritorial', 'procurement')),
    announced_on    date NOT NULL,
    effective_on    date CHECK (effective_on IS NULL OR effective_on >= announced_on),
    suspended_on    date,
    suspended_until date CHECK (suspended_until IS NULL OR (suspended_on IS NOT NULL AND suspended_until > suspended_on)),
    lifted_on       date CHECK (lifted_on IS NULL OR effective_on IS NULL OR lifted_on >= effective_on),
    source          text COLLATE "C",
    notes           text COLLATE "C"
);
