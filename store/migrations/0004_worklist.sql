-- The worklist cache (issue 3): the store keeps the worklist input of every
-- expected and managed person in memory and reloads only the people whose
-- data changed. These triggers record, for every write to a table the
-- worklist reads, the person it concerns with a growing sequence number,
-- whatever code (or process) made the write. Derived, local, not
-- synchronised; at most one row per person.

CREATE TABLE worklist_seq (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    n   INTEGER NOT NULL
);
INSERT INTO worklist_seq (id, n) VALUES (1, 0);

CREATE TABLE worklist_change (
    person_id  TEXT PRIMARY KEY,
    seq        INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX worklist_change_seq ON worklist_change (seq);

-- The latest quarter each person was classified for, kept by triggers like
-- visit_summary, so that the worklist does not scan the classification history.
CREATE TABLE classification_summary (
    person_id     TEXT PRIMARY KEY,
    last_quarter  TEXT NOT NULL DEFAULT ''
) WITHOUT ROWID;
INSERT INTO classification_summary (person_id, last_quarter)
    SELECT person_id, max(quarter) FROM classification WHERE deleted = 0 GROUP BY person_id;

CREATE TRIGGER worklist_person_insert AFTER INSERT ON person BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_person_update AFTER UPDATE ON person BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.id, n FROM worklist_seq WHERE id = 1;
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_person_delete AFTER DELETE ON person BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.id, n FROM worklist_seq WHERE id = 1;
END;

CREATE TRIGGER worklist_notice_insert AFTER INSERT ON notice BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_notice_update AFTER UPDATE ON notice BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_notice_delete AFTER DELETE ON notice BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
END;

CREATE TRIGGER worklist_reception_insert AFTER INSERT ON reception BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_reception_update AFTER UPDATE ON reception BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_reception_delete AFTER DELETE ON reception BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
END;

CREATE TRIGGER worklist_assignment_insert AFTER INSERT ON assignment BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_assignment_update AFTER UPDATE ON assignment BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_assignment_delete AFTER DELETE ON assignment BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
END;

CREATE TRIGGER worklist_visit_summary_insert AFTER INSERT ON visit_summary BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_visit_summary_update AFTER UPDATE ON visit_summary BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_visit_summary_delete AFTER DELETE ON visit_summary BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
END;

CREATE TRIGGER worklist_classification_summary_insert AFTER INSERT ON classification_summary BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_classification_summary_update AFTER UPDATE ON classification_summary BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT NEW.person_id, n FROM worklist_seq WHERE id = 1;
END;
CREATE TRIGGER worklist_classification_summary_delete AFTER DELETE ON classification_summary BEGIN
    UPDATE worklist_seq SET n = n + 1 WHERE id = 1;
    INSERT OR REPLACE INTO worklist_change (person_id, seq) SELECT OLD.person_id, n FROM worklist_seq WHERE id = 1;
END;

-- classification_summary follows the classification table.
CREATE TRIGGER classification_summary_insert AFTER INSERT ON classification BEGIN
    INSERT OR REPLACE INTO classification_summary (person_id, last_quarter)
    SELECT NEW.person_id, coalesce((SELECT max(quarter) FROM classification
        WHERE person_id = NEW.person_id AND deleted = 0), '');
END;
CREATE TRIGGER classification_summary_update AFTER UPDATE OF deleted, quarter, person_id ON classification BEGIN
    INSERT OR REPLACE INTO classification_summary (person_id, last_quarter)
    SELECT OLD.person_id, coalesce((SELECT max(quarter) FROM classification
        WHERE person_id = OLD.person_id AND deleted = 0), '');
    INSERT OR REPLACE INTO classification_summary (person_id, last_quarter)
    SELECT NEW.person_id, coalesce((SELECT max(quarter) FROM classification
        WHERE person_id = NEW.person_id AND deleted = 0), '');
END;
CREATE TRIGGER classification_summary_delete AFTER DELETE ON classification BEGIN
    INSERT OR REPLACE INTO classification_summary (person_id, last_quarter)
    SELECT OLD.person_id, coalesce((SELECT max(quarter) FROM classification
        WHERE person_id = OLD.person_id AND deleted = 0), '');
END;
