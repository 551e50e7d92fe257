-- Supervision work (issue 3): prison notices, mentors and assignments, the
-- visit log, ends of management, users. reception, classification and
-- recidivism are in 0001_core.sql.
-- Every synchronised record carries the sync fields of DESIGN.md section 5.

CREATE TABLE notice (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id           TEXT NOT NULL REFERENCES person (id),
    sender              TEXT NOT NULL,
    number              TEXT NOT NULL DEFAULT '',
    notice_date         TEXT NOT NULL,
    expected_release    TEXT NOT NULL,
    report_by           TEXT NOT NULL DEFAULT '',
    address_check       TEXT NOT NULL DEFAULT '' CHECK (address_check IN ('', 'confirmed', 'changed', 'not_found')),
    address_checked_on  TEXT NOT NULL DEFAULT '',
    new_address         TEXT NOT NULL DEFAULT '',
    sender_answered_on  TEXT NOT NULL DEFAULT '',   -- HCD-03
    family_checked_on   TEXT NOT NULL DEFAULT '',
    family_check_note   TEXT NOT NULL DEFAULT '',
    upward_report_on    TEXT NOT NULL DEFAULT '',   -- HCD-04
    notes               TEXT NOT NULL DEFAULT ''
);
CREATE INDEX notice_person ON notice (person_id);

CREATE TABLE mentor (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    kind          TEXT NOT NULL CHECK (kind IN ('person', 'organisation')),
    name          TEXT NOT NULL,
    organisation  TEXT NOT NULL,
    position      TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT '',
    address       TEXT NOT NULL DEFAULT '',
    active        INTEGER NOT NULL DEFAULT 1,
    notes         TEXT NOT NULL DEFAULT ''
);

CREATE TABLE assignment (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id        TEXT NOT NULL REFERENCES person (id),
    mentor_id        TEXT NOT NULL REFERENCES mentor (id),
    decision_number  TEXT NOT NULL DEFAULT '',   -- HCD-07
    decision_date    TEXT NOT NULL DEFAULT '',
    from_date        TEXT NOT NULL,
    to_date          TEXT NOT NULL DEFAULT '',   -- '' while active
    change_reason    TEXT NOT NULL DEFAULT '',
    handover         TEXT NOT NULL DEFAULT ''
);
-- Exactly one active mentor per person (TT 10/2024 Art. 10).
CREATE UNIQUE INDEX assignment_one_active ON assignment (person_id) WHERE to_date = '' AND deleted = 0;
CREATE INDEX assignment_person ON assignment (person_id, from_date);
CREATE INDEX assignment_mentor ON assignment (mentor_id, to_date);

CREATE TABLE visit (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id     TEXT NOT NULL REFERENCES person (id),
    date          TEXT NOT NULL,
    author_kind   TEXT NOT NULL CHECK (author_kind IN ('mentor', 'officer')),
    author_name   TEXT NOT NULL DEFAULT '',
    mentor_id     TEXT NOT NULL DEFAULT '',
    kind          TEXT NOT NULL CHECK (kind IN ('home', 'office', 'phone', 'quarterly_report')),
    employment    TEXT NOT NULL DEFAULT '',
    income        TEXT NOT NULL DEFAULT '',
    family        TEXT NOT NULL DEFAULT '',
    health        TEXT NOT NULL DEFAULT '',
    attitude      TEXT NOT NULL DEFAULT '',
    risks         TEXT NOT NULL DEFAULT '',
    help_needed   TEXT NOT NULL DEFAULT '',
    help_given    TEXT NOT NULL DEFAULT '',
    next_planned  TEXT NOT NULL DEFAULT '',
    supersedes    TEXT NOT NULL DEFAULT '',   -- id of the visit this one corrects
    notes         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX visit_person ON visit (person_id, date);
CREATE INDEX visit_date ON visit (date);
-- A visit is corrected at most once (correct the correction to change it again).
CREATE UNIQUE INDEX visit_supersedes ON visit (supersedes) WHERE supersedes <> '' AND deleted = 0;

-- Derived, not synchronised: the latest visit and quarterly report per
-- person (corrected entries excluded), kept by triggers so the worklist
-- never scans the visit log.
CREATE TABLE visit_summary (
    person_id    TEXT PRIMARY KEY,
    last_visit   TEXT NOT NULL DEFAULT '',
    last_report  TEXT NOT NULL DEFAULT ''
);

CREATE TRIGGER visit_summary_insert AFTER INSERT ON visit BEGIN
    INSERT OR REPLACE INTO visit_summary (person_id, last_visit, last_report)
    SELECT NEW.person_id,
        coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = NEW.person_id AND v.deleted = 0
            AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), ''),
        coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = NEW.person_id AND v.deleted = 0
            AND v.kind = 'quarterly_report'
            AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), '');
END;

CREATE TRIGGER visit_summary_update AFTER UPDATE OF deleted, date, kind, person_id ON visit BEGIN
    INSERT OR REPLACE INTO visit_summary (person_id, last_visit, last_report)
    SELECT NEW.person_id,
        coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = NEW.person_id AND v.deleted = 0
            AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), ''),
        coalesce((SELECT max(v.date) FROM visit v WHERE v.person_id = NEW.person_id AND v.deleted = 0
            AND v.kind = 'quarterly_report'
            AND NOT EXISTS (SELECT 1 FROM visit c WHERE c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0)), '');
END;

CREATE INDEX classification_quarter ON classification (quarter, person_id);

-- End of management (TT 10/2024 Art. 14): the record behind person.status = 'ended'.
CREATE TABLE case_end (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id        TEXT NOT NULL REFERENCES person (id),
    reason           TEXT NOT NULL CHECK (reason IN ('expunged', 'moved_away', 'abroad', 'missing', 'dead', 'new_sentence')),
    proposal_number  TEXT NOT NULL DEFAULT '',   -- HCD-10
    proposal_date    TEXT NOT NULL DEFAULT '',
    decision_number  TEXT NOT NULL DEFAULT '',   -- HCD-11
    decision_date    TEXT NOT NULL DEFAULT '',
    destination      TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX case_end_person ON case_end (person_id);
CREATE INDEX recidivism_date ON recidivism (date);

-- Users of this installation (local, not synchronised, but with the same
-- sync columns for the audit and a future sync of the roster).
CREATE TABLE app_user (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    name           TEXT NOT NULL UNIQUE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'officer', 'leader', 'mentor')),
    mentor_id      TEXT NOT NULL DEFAULT '',
    password_hash  TEXT NOT NULL,            -- argon2id, PHC string with salt and parameters
    active         INTEGER NOT NULL DEFAULT 1
);
