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
