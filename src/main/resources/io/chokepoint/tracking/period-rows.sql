-- A period's rows as the analysis reads them back (PeriodRowReader), in no particular order: after a restart, or
-- for a later delivery (a fresh run folds them as the snapshot step writes them). bench/run.sh runs this same file
-- in the sqlite3 command line to show how much of that read is SQLite's own work.
--
-- Only the columns the tallies need, and what a change of the month quotes only for rows that may belong to one:
-- a superset of the rows the analysis reports as changes, decided here so that the others never carry it.
-- Parameters: :from and :to, the period's first and last day; :after, when the previous period was first
-- reported (NULL if never); :datedBy, the previous period's last day; :period, YYYY-MM.
SELECT stage, country, owner_country, capacity_unit, capacity_tpa, offtake_binding,
       -- Four flags in one number (SQLite's | and << bind alike, left to right: hence the parentheses). Imports
       -- and edits strip values, so a source that is blank here is blank in Java too.
       (investment_amount IS NOT NULL)
           | ((trim(ifnull(sources, ''), ' ' || char(9, 10, 11, 12, 13)) <> '') << 1)
           | (cur_reported << 2) | (prev_reported << 3),
       cur_status, cur_target_year, cur_operating_since,
       prev_status, prev_target_year, prev_operating_since,
       CASE WHEN cur_reported <> prev_reported OR cur_status <> prev_status
                 OR cur_target_year IS NOT prev_target_year
                 OR facility_id IN (SELECT facility_id FROM facility_event WHERE date BETWEEN :from AND :to)
                 -- "+date": by the recorded_at index; by the date index SQLite would walk nearly every event.
                 OR facility_id IN (SELECT facility_id FROM facility_event WHERE recorded_at > :after AND +date <= :datedBy)
            -- One text in which each field is <length>:<text> (~ for null), so that no value can break it.
            THEN iif(facility_id IS NULL, '~', length(facility_id) || ':' || facility_id)
                 || iif(id IS NULL, '~', length(id) || ':' || id)
                 || iif(company IS NULL, '~', length(company) || ':' || company)
                 || iif(status_as_of IS NULL, '~', length(status_as_of) || ':' || status_as_of)
                 || iif(announced_on IS NULL, '~', length(announced_on) || ':' || announced_on)
                 || iif(sources IS NULL, '~', length(sources) || ':' || sources)
       END
FROM period_project
WHERE period = :period;
