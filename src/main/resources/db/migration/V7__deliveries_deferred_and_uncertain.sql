-- Two more outcomes for a delivery (issue 17):
--   DEFERRED  the server answered 4xx for this recipient or message: not sent; the run retries it after the other
--             recipients, and a later run tries again if it is still the last word.
--   UNCERTAIN the whole message went out but no definite reply to its end came back (a timeout, a closed
--             connection): it may have arrived. Like a row left SENDING by a process that died mid-send, it is never
--             sent again automatically; `deliver --resend --to ADDRESS --period P` sends it on purpose.
-- SQLite cannot change a CHECK constraint in place: the table is rebuilt and every row copied as it is, ids
-- included (AUTOINCREMENT carries on after the highest).
CREATE TABLE deliveries_v7 (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    period            TEXT    NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    recipient         TEXT    NOT NULL COLLATE NOCASE,
    outcome           TEXT    NOT NULL CHECK (outcome IN ('SENDING', 'SENT', 'REJECTED', 'FAILED', 'OUTBOX',
                                                          'DEFERRED', 'UNCERTAIN')),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    message_id        TEXT,
    attachment_sha256 TEXT CHECK (attachment_sha256 IS NULL OR length(attachment_sha256) = 64),
    server_reply      TEXT,
    outbox_file       TEXT,
    resend            INTEGER NOT NULL DEFAULT 0 CHECK (resend IN (0, 1)),
    started_at        TEXT    NOT NULL,
    finished_at       TEXT
);
INSERT INTO deliveries_v7 (id, period, recipient, outcome, attempts, message_id, attachment_sha256, server_reply,
                           outbox_file, resend, started_at, finished_at)
SELECT id, period, recipient, outcome, attempts, message_id, attachment_sha256, server_reply,
       outbox_file, resend, started_at, finished_at
FROM deliveries;
DROP TABLE deliveries;
ALTER TABLE deliveries_v7 RENAME TO deliveries;
CREATE INDEX deliveries_by_recipient ON deliveries (period, recipient, outcome);
