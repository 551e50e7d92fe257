-- Transfers of a person between wards and prison notices addressed to one
-- ward (issue 11). The office writes transfer orders and notices; a ward
-- answers an order with a release (its final state); the person's record
-- is frozen at the old ward from the order on.

-- The ward a notice entered at the office is for ('' when entered at a
-- ward for itself, or kept at the office).
ALTER TABLE notice ADD COLUMN ward TEXT NOT NULL DEFAULT '';

CREATE TABLE transfer (
    id           TEXT PRIMARY KEY,
    owner        TEXT NOT NULL,
    ver          INTEGER NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    hlc          TEXT NOT NULL,
    deleted      INTEGER NOT NULL DEFAULT 0,
    person_id    TEXT NOT NULL,          -- no reference: the new ward gets the person after the order
    from_ward    TEXT NOT NULL,
    to_ward      TEXT NOT NULL,
    ordered_on   TEXT NOT NULL,
    effective_on TEXT NOT NULL DEFAULT '',
    number       TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL CHECK (state IN ('ordered', 'done')),
    epoch        INTEGER NOT NULL DEFAULT 0,
    done_on      TEXT NOT NULL DEFAULT '',
    notes        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX transfer_person ON transfer (person_id);

CREATE TABLE transfer_release (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    transfer_id TEXT NOT NULL,
    person_id   TEXT NOT NULL,
    released_on TEXT NOT NULL,
    person_ver  INTEGER NOT NULL,
    records     INTEGER NOT NULL,
    ver_sum     INTEGER NOT NULL
);
CREATE INDEX transfer_release_transfer ON transfer_release (transfer_id);

-- People frozen here by a transfer order: their records are read-only.
CREATE TABLE transfer_freeze (
    person_id   TEXT PRIMARY KEY,
    transfer_id TEXT NOT NULL,
    frozen_at   TEXT NOT NULL
);

-- The freeze is enforced by the database, under every write path.
CREATE TRIGGER transfer_freeze_person_update BEFORE UPDATE ON person
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_person_delete BEFORE DELETE ON person
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_notice_insert BEFORE INSERT ON notice
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_notice_update BEFORE UPDATE ON notice
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_reception_insert BEFORE INSERT ON reception
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_reception_update BEFORE UPDATE ON reception
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_assignment_insert BEFORE INSERT ON assignment
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_assignment_update BEFORE UPDATE ON assignment
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_visit_insert BEFORE INSERT ON visit
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_visit_update BEFORE UPDATE ON visit
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_classification_insert BEFORE INSERT ON classification
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_classification_update BEFORE UPDATE ON classification
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_recidivism_insert BEFORE INSERT ON recidivism
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_recidivism_update BEFORE UPDATE ON recidivism
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_case_end_insert BEFORE INSERT ON case_end
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_case_end_update BEFORE UPDATE ON case_end
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_support_insert BEFORE INSERT ON support
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_support_update BEFORE UPDATE ON support
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_loan_insert BEFORE INSERT ON loan
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_loan_update BEFORE UPDATE ON loan
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_exemplary_insert BEFORE INSERT ON exemplary
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = NEW.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;
CREATE TRIGGER transfer_freeze_exemplary_update BEFORE UPDATE ON exemplary
WHEN EXISTS (SELECT 1 FROM transfer_freeze WHERE person_id = OLD.person_id)
BEGIN SELECT RAISE(ABORT, 'hoanhap: person frozen by a transfer'); END;

-- A visit inserted that supersedes nothing, is not deleted and that no
-- correction already supersedes can only move its person's summary dates
-- forward: update the summary in place instead of recomputing it from the
-- person's whole log (a sync import writes a ward's 100,000 visits in one
-- go). Every other insert recomputes as before.
DROP TRIGGER visit_summary_insert;
CREATE TRIGGER visit_summary_insert AFTER INSERT ON visit
WHEN NEW.supersedes <> '' OR NEW.deleted <> 0
    OR EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = NEW.id AND c.supersedes <> '' AND c.deleted = 0)
BEGIN
    INSERT OR REPLACE INTO visit_summary (person_id, last_visit, last_report)
    SELECT NEW.person_id,
        coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = NEW.person_id AND v.deleted = 0
            AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), ''),
        coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = NEW.person_id AND v.deleted = 0
            AND v.kind = 'quarterly_report'
            AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), '');
END;
CREATE TRIGGER visit_summary_insert_plain AFTER INSERT ON visit
WHEN NEW.supersedes = '' AND NEW.deleted = 0
    AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = NEW.id AND c.supersedes <> '' AND c.deleted = 0)
BEGIN
    -- Plain statements: an upsert would impose its conflict rule on the
    -- worklist triggers' INSERT OR REPLACE.
    INSERT INTO visit_summary (person_id, last_visit, last_report)
    SELECT NEW.person_id, '', '' WHERE NOT EXISTS (SELECT 1 FROM visit_summary WHERE person_id = NEW.person_id);
    UPDATE visit_summary SET last_visit = max(last_visit, NEW.date),
        last_report = CASE WHEN NEW.kind = 'quarterly_report' THEN max(last_report, NEW.date) ELSE last_report END
    WHERE person_id = NEW.person_id
        AND (NEW.date > last_visit OR (NEW.kind = 'quarterly_report' AND NEW.date > last_report));
END;
