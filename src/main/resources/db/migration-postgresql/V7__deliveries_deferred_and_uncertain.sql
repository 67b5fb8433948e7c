-- PostgreSQL's copy of V7: two more delivery outcomes, DEFERRED and UNCERTAIN (see the SQLite V7, which has to
-- rebuild the table; PostgreSQL changes the CHECK in place).
ALTER TABLE deliveries DROP CONSTRAINT deliveries_outcome_check;
ALTER TABLE deliveries ADD CONSTRAINT deliveries_outcome_check
    CHECK (outcome IN ('SENDING', 'SENT', 'REJECTED', 'FAILED', 'OUTBOX', 'DEFERRED', 'UNCERTAIN'));
