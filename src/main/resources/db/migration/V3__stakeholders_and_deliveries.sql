-- Who receives the monthly PDF, and every attempt to deliver it.
-- (V3 rather than V2: another branch adds a V2 migration; Flyway applies them in version order.)

-- A stakeholder is one mailbox. The address is unique whatever its case (ASCII case, SQLite's NOCASE), and is
-- kept as it was given. stages and countries are ';'-separated codes (chain stages in chain order, ISO 3166
-- alpha-2 codes in alphabetical order); NULL means "follows everything". Removing a stakeholder clears
-- active, so that the delivery history keeps its meaning and adding the address again reactivates it.
CREATE TABLE stakeholders (
    email     TEXT    NOT NULL COLLATE NOCASE PRIMARY KEY,
    name      TEXT    NOT NULL,
    stages    TEXT,
    countries TEXT,
    active    INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    added_at  TEXT    NOT NULL
);

-- One row per message handed to the mail system (or to the outbox) for one recipient and period.
-- outcome: SENDING while the message is in flight (a row left SENDING means the process ended before it could
-- record what happened: the outcome is unknown and it is not sent again automatically), then SENT, REJECTED
-- (a 5xx reply: final), FAILED (server unreachable, deferring, refusing our connection: a later run tries
-- again) or OUTBOX (no SMTP server configured: written to outbox_file).
-- attempts counts SMTP transactions (0 for OUTBOX); server_reply is the server's last reply or what failed.
-- resend is 1 for a message sent again on purpose (deliver --resend).
CREATE TABLE deliveries (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    period            TEXT    NOT NULL CHECK (period GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
    recipient         TEXT    NOT NULL COLLATE NOCASE,
    outcome           TEXT    NOT NULL CHECK (outcome IN ('SENDING', 'SENT', 'REJECTED', 'FAILED', 'OUTBOX')),
    attempts          INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    message_id        TEXT,
    attachment_sha256 TEXT CHECK (attachment_sha256 IS NULL OR length(attachment_sha256) = 64),
    server_reply      TEXT,
    outbox_file       TEXT,
    resend            INTEGER NOT NULL DEFAULT 0 CHECK (resend IN (0, 1)),
    started_at        TEXT    NOT NULL,
    finished_at       TEXT
);
-- "Has this recipient already got this period?" is one lookup on this index:
--   WHERE period = ? AND recipient = ? AND outcome IN ('SENT', 'OUTBOX')
CREATE INDEX deliveries_by_recipient ON deliveries (period, recipient, outcome);
