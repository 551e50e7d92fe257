-- The day the new offence was committed, beside the date of the new
-- judgment: BLHS 2015 Art. 73(2) restarts the old record's waiting period
-- when the person "commits a new offence" before the record is cleared and
-- is convicted for it, so the offence day is what counts; '' = unknown
-- (the judgment date stands in for it).
ALTER TABLE recidivism ADD COLUMN offense_on TEXT NOT NULL DEFAULT '';
