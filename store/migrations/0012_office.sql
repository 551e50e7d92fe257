-- Office mode (issue 11): an office counts its reports per ward, each
-- query kept to one owner's records (store/office_report.go). These
-- indexes let those queries read one ward's rows instead of the whole
-- province's.

CREATE INDEX person_owner ON person (owner, status);
CREATE INDEX visit_owner_live_date ON visit (owner, date) WHERE deleted = 0;
CREATE INDEX loan_owner ON loan (owner);
CREATE INDEX mentor_owner ON mentor (owner);
CREATE INDEX model_owner ON model (owner);
CREATE INDEX business_owner ON business (owner);
