-- PostgreSQL's copy of V5.
CREATE INDEX facility_event_by_date ON facility_event (date);
