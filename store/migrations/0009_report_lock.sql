-- Locked reports ("chốt số liệu", issue 10): when a periodic report is
-- marked as sent, its figures are kept as canonical JSON with their
-- SHA-256, so that running the same period again shows what changed since
-- (amendments) and a tampered row is noticed. One live lock per kind and
-- period; locking again (an amended report sent) replaces it, ver + 1,
-- and the audit keeps the previous figures.
CREATE TABLE report_lock (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    kind         TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'half', 'year', 'custom')),
    period_from  TEXT NOT NULL,
    period_to    TEXT NOT NULL,
    figures      TEXT NOT NULL,   -- canonical JSON of the report
    hash         TEXT NOT NULL,   -- hex SHA-256 of figures
    locked_on    TEXT NOT NULL    -- day the report was marked as sent
);
CREATE UNIQUE INDEX report_lock_period ON report_lock (kind, period_from, period_to) WHERE deleted = 0;

-- The periodic reports count the live visits of a period: a covering
-- index of their dates (the visit log is the largest table, 1,000,000
-- rows at office scale).
CREATE INDEX visit_live_date ON visit (date) WHERE deleted = 0;

-- The group of each person at the end of a period (the latest
-- classification on or before it) is read from this covering index
-- alone.
CREATE INDEX classification_live_group ON classification (person_id, classified_on, grp) WHERE deleted = 0;

-- Every report scans the people for a handful of dates and codes: this
-- covering index holds them, so the scan does not read the wide rows.
CREATE INDEX person_report ON person (deleted, status, returned_on, completed_on, end_decision_date,
    expunged_on, grp, gender, release_kind, employed_before, id);
