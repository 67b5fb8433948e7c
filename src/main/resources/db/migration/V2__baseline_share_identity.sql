-- A share-only baseline (no value) is identified by what it states: country, stage, year, basis and its notes,
-- where the share is written (share_pct=...). V1 keys only valued rows, so importing a baselines file twice added
-- its share-only rows twice. Exact repeats already present are one fact: keep the first.
DELETE FROM baseline
 WHERE value_tpa IS NULL
   AND id NOT IN (SELECT min(id) FROM baseline WHERE value_tpa IS NULL
                   GROUP BY country, stage, year, basis, ifnull(notes, ''));

CREATE UNIQUE INDEX baseline_share_identity
    ON baseline (country, stage, year, basis, ifnull(notes, '')) WHERE value_tpa IS NULL;
