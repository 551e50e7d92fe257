-- The date of the latest recorded new conviction of a person (recidivism),
-- kept on the person row because it changes the expungement computation:
-- a new conviction before the old record is cleared restarts the waiting
-- period (BLHS 2015 Art. 73(2)). Set by the store together with the
-- recidivism row; '' when none.
ALTER TABLE person ADD COLUMN new_conviction_on TEXT NOT NULL DEFAULT '';

-- Existing recidivism rows: the latest date of each live person's records.
UPDATE person SET new_conviction_on = (
    SELECT max(r.date) FROM recidivism r WHERE r.person_id = person.id AND r.deleted = 0)
WHERE EXISTS (SELECT 1 FROM recidivism r WHERE r.person_id = person.id AND r.deleted = 0);
