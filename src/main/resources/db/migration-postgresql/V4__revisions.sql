-- PostgreSQL's copy of V4: when each event was recorded, and when each period was first reported.
ALTER TABLE facility_event ADD COLUMN recorded_at timestamptz;

-- Every way of inserting an event is stamped, without each having to remember (SQLite: an AFTER INSERT trigger).
CREATE FUNCTION facility_event_recorded_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.recorded_at IS NULL THEN
        NEW.recorded_at := date_trunc('milliseconds', clock_timestamp());
    END IF;
    RETURN NEW;
END
$$;
CREATE TRIGGER facility_event_recorded_at BEFORE INSERT ON facility_event
    FOR EACH ROW EXECUTE FUNCTION facility_event_recorded_at();

CREATE INDEX facility_event_by_recorded_at ON facility_event (recorded_at);

CREATE TABLE period_report (
    period            text COLLATE "C" PRIMARY KEY,
    first_reported_at timestamptz NOT NULL
);
