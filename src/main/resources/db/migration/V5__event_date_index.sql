-- The analysis reads the month's events and the period rows of the facilities they concern: without an index on
-- the date, each report scanned every event of the tracker (9.9 million at a million projects).
CREATE INDEX facility_event_by_date ON facility_event (date);
