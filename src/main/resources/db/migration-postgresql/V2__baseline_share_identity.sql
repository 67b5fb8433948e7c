-- PostgreSQL's copy of V2: a share-only baseline is identified by what it states.
DELETE FROM baseline
 WHERE value_tpa IS NULL
   AND id NOT IN (SELECT min(id) FROM baseline WHERE value_tpa IS NULL
                   GROUP BY country, stage, year, basis, ifnull(notes, ''));

CREATE UNIQUE INDEX baseline_share_identity
    ON baseline (country, stage, year, basis, ifnull(notes, '')) WHERE value_tpa IS NULL;
