-- Core tables of the caseload register (issue 2).
-- Every synchronised record carries the sync fields of DESIGN.md section 5:
-- id (UUIDv7), owner (node id), ver, updated_at, updated_by, hlc, deleted.

CREATE TABLE node (
    id          TEXT PRIMARY KEY,
    unit_name   TEXT NOT NULL DEFAULT '',
    unit_kind   TEXT NOT NULL DEFAULT 'ward' CHECK (unit_kind IN ('ward', 'office')),
    created_at  TEXT NOT NULL
);

CREATE TABLE person (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    full_name              TEXT NOT NULL,
    other_names            TEXT NOT NULL DEFAULT '',
    gender                 TEXT NOT NULL DEFAULT '',
    birth_date             TEXT NOT NULL DEFAULT '',
    citizen_id             TEXT NOT NULL DEFAULT '',
    ethnicity              TEXT NOT NULL DEFAULT '',
    phone                  TEXT NOT NULL DEFAULT '',
    hamlet                 TEXT NOT NULL DEFAULT '',
    address                TEXT NOT NULL DEFAULT '',
    education              TEXT NOT NULL DEFAULT '',
    occupation             TEXT NOT NULL DEFAULT '',
    employed_before        INTEGER NOT NULL DEFAULT 0,
    offense                TEXT NOT NULL DEFAULT '',
    criminal_code_articles TEXT NOT NULL DEFAULT '',
    offense_chapter        INTEGER NOT NULL DEFAULT 0,
    offense_severity       TEXT NOT NULL DEFAULT '',
    negligent              INTEGER NOT NULL DEFAULT 0,
    juvenile               INTEGER NOT NULL DEFAULT 0,
    age_at_offense         INTEGER NOT NULL DEFAULT 0,
    judgment_number        TEXT NOT NULL DEFAULT '',
    judgment_date          TEXT NOT NULL DEFAULT '',
    judgment_court         TEXT NOT NULL DEFAULT '',
    sentence_kind          TEXT NOT NULL DEFAULT '',
    sentence_months        INTEGER NOT NULL DEFAULT 0,
    supplementary          TEXT NOT NULL DEFAULT '[]',   -- JSON list of {kind, months, ends_on}
    civil_amount           INTEGER NOT NULL DEFAULT 0,
    civil_none             INTEGER NOT NULL DEFAULT 0,
    civil_settled_on       TEXT NOT NULL DEFAULT '',
    facility               TEXT NOT NULL DEFAULT '',
    release_kind           TEXT NOT NULL DEFAULT '',
    certificate_no         TEXT NOT NULL DEFAULT '',
    completed_on           TEXT NOT NULL DEFAULT '',
    returned_on            TEXT NOT NULL DEFAULT '',
    reported_on            TEXT NOT NULL DEFAULT '',
    status                 TEXT NOT NULL CHECK (status IN ('expected', 'managed', 'ended')),
    end_reason             TEXT NOT NULL DEFAULT '',
    end_decision_number    TEXT NOT NULL DEFAULT '',
    end_decision_date      TEXT NOT NULL DEFAULT '',
    grp                    TEXT NOT NULL DEFAULT '' CHECK (grp IN ('', 'A', 'B', 'C', 'D')),
    expunged_on            TEXT NOT NULL DEFAULT '',
    expunge_method         TEXT NOT NULL DEFAULT '',
    court_refusals         TEXT NOT NULL DEFAULT '[]',   -- JSON list of dates
    notes                  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX person_status ON person (status, grp);
CREATE INDEX person_citizen ON person (citizen_id) WHERE citizen_id <> '';

CREATE TABLE reception (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id        TEXT NOT NULL REFERENCES person (id),
    session_date     TEXT NOT NULL,
    officer          TEXT NOT NULL DEFAULT '',
    minutes_done     INTEGER NOT NULL DEFAULT 0,  -- HCD-05 commitment minutes
    info_sheet_done  INTEGER NOT NULL DEFAULT 0,  -- HCD-02 information sheet
    counselling_done INTEGER NOT NULL DEFAULT 0,  -- compulsory counselling (Art. 17)
    guidance         TEXT NOT NULL DEFAULT '[]',  -- JSON list: residence, id_card, jobs, loans
    file_opened_on   TEXT NOT NULL DEFAULT '',    -- HCD-01 management file opened
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX reception_person ON reception (person_id);

CREATE TABLE classification (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id      TEXT NOT NULL REFERENCES person (id),
    quarter        TEXT NOT NULL,               -- e.g. 2026-Q3
    grp            TEXT NOT NULL CHECK (grp IN ('A', 'B', 'C', 'D')),
    reason         TEXT NOT NULL DEFAULT '',
    classified_by  TEXT NOT NULL DEFAULT '',
    classified_on  TEXT NOT NULL
);
CREATE INDEX classification_person ON classification (person_id, classified_on);

CREATE TABLE recidivism (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id        TEXT NOT NULL REFERENCES person (id),
    date             TEXT NOT NULL,
    offense          TEXT NOT NULL DEFAULT '',
    judgment_number  TEXT NOT NULL DEFAULT '',
    judgment_date    TEXT NOT NULL DEFAULT '',
    judgment_court   TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT ''
);
CREATE INDEX recidivism_person ON recidivism (person_id);

CREATE TABLE setting (
    key         TEXT PRIMARY KEY,
    value       TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);

-- Public holidays and compensating working days; kind 'off' is a day off,
-- 'work' a weekend day that is worked. Seeded from caseload's built-in table.
CREATE TABLE holiday (
    date    TEXT PRIMARY KEY,
    name    TEXT NOT NULL DEFAULT '',
    kind    TEXT NOT NULL DEFAULT 'off' CHECK (kind IN ('off', 'work')),
    source  TEXT NOT NULL DEFAULT 'builtin' CHECK (source IN ('builtin', 'user')),
    -- a built-in holiday the user removed stays as a deleted row, so that
    -- seeding a newer built-in table does not bring it back
    deleted INTEGER NOT NULL DEFAULT 0
);

-- Every write (and every profile view) leaves a row here, in the same
-- transaction as the write.
CREATE TABLE audit (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    who        TEXT NOT NULL,
    action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete', 'view')),
    tbl        TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    old_json   TEXT NOT NULL DEFAULT '',
    new_json   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_record ON audit (tbl, record_id);
