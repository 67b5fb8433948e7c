-- Revisions: a fact recorded after a period was reported, but dated inside it, changes what that report said.
-- To show it in the next report's Changes, we keep when each event was recorded and when each period was first
-- reported. Events recorded before this migration keep recorded_at NULL (recorded before any revision tracking).

ALTER TABLE facility_event ADD COLUMN recorded_at TEXT;

-- Every way of inserting an event (sample data, import, event add) is stamped, without each having to remember.
CREATE TRIGGER facility_event_recorded_at AFTER INSERT ON facility_event
    WHEN NEW.recorded_at IS NULL
BEGIN
    UPDATE facility_event SET recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = NEW.id;
END;

CREATE INDEX facility_event_by_recorded_at ON facility_event (recorded_at);

-- When each period's report was first completed (a rerun does not move it).
CREATE TABLE period_report (
    period            TEXT PRIMARY KEY,
    first_reported_at TEXT NOT NULL
);
