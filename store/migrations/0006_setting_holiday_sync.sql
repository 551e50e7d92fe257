-- The sync fields of DESIGN.md section 5 on the two tables that lacked
-- them. Their record id is their natural key (setting.key, holiday.date):
-- every installation has the same keys, so a merge meets on them, and a
-- generated id would make two copies of one setting. Rows written before
-- this migration keep version 1 and an empty owner and clock, meaning
-- "written locally before sync fields existed".
ALTER TABLE setting ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE setting ADD COLUMN ver INTEGER NOT NULL DEFAULT 1;
ALTER TABLE setting ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE setting ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
ALTER TABLE setting ADD COLUMN deleted INTEGER NOT NULL DEFAULT 0;

ALTER TABLE holiday ADD COLUMN owner TEXT NOT NULL DEFAULT '';
ALTER TABLE holiday ADD COLUMN ver INTEGER NOT NULL DEFAULT 1;
ALTER TABLE holiday ADD COLUMN updated_at TEXT NOT NULL DEFAULT '';
ALTER TABLE holiday ADD COLUMN updated_by TEXT NOT NULL DEFAULT '';
ALTER TABLE holiday ADD COLUMN hlc TEXT NOT NULL DEFAULT '';
