-- Support, loans, reintegration models, partner businesses and exemplary
-- people (issue 4). Every record carries the sync fields of DESIGN.md
-- section 5. Dates are 'YYYY-MM-DD' or '' when unknown; money is INTEGER đồng.

CREATE TABLE support (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id   TEXT NOT NULL REFERENCES person (id),
    kind        TEXT NOT NULL CHECK (kind IN ('counselling', 'legal_aid', 'residence', 'id_card',
                    'record_certificate', 'training', 'job_referral', 'employment', 'loan',
                    'social_protection', 'fund_payment', 'other')),
    date        TEXT NOT NULL,
    provider    TEXT NOT NULL DEFAULT '',
    outcome     TEXT NOT NULL DEFAULT '',
    amount      INTEGER NOT NULL DEFAULT 0 CHECK (amount >= 0),
    employer    TEXT NOT NULL DEFAULT '',
    income      INTEGER NOT NULL DEFAULT 0 CHECK (income >= 0),
    ended_on    TEXT NOT NULL DEFAULT '',
    notes       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX support_person ON support (person_id, date);
CREATE INDEX support_kind ON support (kind, date);

CREATE TABLE business (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    name             TEXT NOT NULL,
    address          TEXT NOT NULL DEFAULT '',
    representative   TEXT NOT NULL DEFAULT '',
    phone            TEXT NOT NULL DEFAULT '',
    workers          INTEGER NOT NULL DEFAULT 0 CHECK (workers >= 0),
    returnee_workers INTEGER NOT NULL DEFAULT 0 CHECK (returnee_workers >= 0),
    income_notes     TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT ''
);

CREATE TABLE loan (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    borrower_kind   TEXT NOT NULL CHECK (borrower_kind IN ('person', 'business')),
    person_id       TEXT REFERENCES person (id),
    business_id     TEXT REFERENCES business (id),
    amount          INTEGER NOT NULL CHECK (amount > 0),
    purpose         TEXT NOT NULL CHECK (purpose IN ('business', 'training')),
    training_months INTEGER NOT NULL DEFAULT 0,
    bank_branch     TEXT NOT NULL DEFAULT '',
    requested_on    TEXT NOT NULL,
    list_date       TEXT NOT NULL DEFAULT '',   -- Mẫu 01 list that carried the request
    disbursed_on    TEXT NOT NULL DEFAULT '',
    term_months     INTEGER NOT NULL DEFAULT 0,
    status          TEXT NOT NULL CHECK (status IN ('requested', 'approved', 'disbursed', 'repaid', 'overdue')),
    notes           TEXT NOT NULL DEFAULT '',
    CHECK ((borrower_kind = 'person' AND person_id IS NOT NULL) OR (borrower_kind = 'business' AND business_id IS NOT NULL))
);
CREATE INDEX loan_person ON loan (person_id) WHERE person_id IS NOT NULL;
CREATE INDEX loan_business ON loan (business_id) WHERE business_id IS NOT NULL;
CREATE INDEX loan_status ON loan (status, requested_on);

CREATE TABLE model (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    name             TEXT NOT NULL,
    type             TEXT NOT NULL,
    lead_org         TEXT NOT NULL DEFAULT '',
    decision_number  TEXT NOT NULL DEFAULT '',
    decision_date    TEXT NOT NULL DEFAULT '',
    started_on       TEXT NOT NULL DEFAULT '',
    status           TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'ended')),
    recognized_by    TEXT NOT NULL DEFAULT '',   -- điển hình tiên tiến: by whom
    recognized_on    TEXT NOT NULL DEFAULT '',
    notes            TEXT NOT NULL DEFAULT ''
);

CREATE TABLE model_member (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    model_id      TEXT NOT NULL REFERENCES model (id),
    name          TEXT NOT NULL,
    role          TEXT NOT NULL CHECK (role IN ('chair', 'vice_chair', 'member')),
    organisation  TEXT NOT NULL DEFAULT '',
    phone         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX model_member_model ON model_member (model_id);

-- Links: model -> person helped, model -> partner business,
-- business -> person employed or helped.
CREATE TABLE model_link (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    kind     TEXT NOT NULL CHECK (kind IN ('model_person', 'model_business', 'business_person')),
    from_id  TEXT NOT NULL,
    to_id    TEXT NOT NULL,
    since    TEXT NOT NULL DEFAULT '',
    notes    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX model_link_from ON model_link (kind, from_id);
CREATE INDEX model_link_to ON model_link (kind, to_id);

CREATE TABLE exemplary (
    id          TEXT PRIMARY KEY,
    owner       TEXT NOT NULL,
    ver         INTEGER NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL,
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,

    person_id      TEXT NOT NULL REFERENCES person (id),
    recognition    TEXT NOT NULL,
    recognized_by  TEXT NOT NULL DEFAULT '',
    recognized_on  TEXT NOT NULL DEFAULT '',
    story          TEXT NOT NULL DEFAULT ''
);
CREATE INDEX exemplary_person ON exemplary (person_id);
