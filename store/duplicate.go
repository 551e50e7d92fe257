package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

// DuplicateError is returned by SavePerson when another non-deleted person
// holds the same 12-digit citizen id. Nothing was written; the officer
// either opens the existing record or confirms that this is another
// person (SavePersonConfirmed).
type DuplicateError struct {
	CitizenID string
	Existing  []PersonRow
}

// Error renders the error for logs; users see MessageKey translated.
func (e *DuplicateError) Error() string {
	ids := make([]string, len(e.Existing))
	for i, r := range e.Existing {
		ids[i] = r.ID
	}
	return fmt.Sprintf("citizen id %s already held by %s", e.CitizenID, strings.Join(ids, ", "))
}

// MessageKey returns the i18n key of the message, which names the
// existing person or people.
func (e *DuplicateError) MessageKey() string { return "duplicate.citizen_id.exists" }

// MessageArgs returns the template arguments: CitizenID, People (each
// existing person as "name (mã id)", joined by "; ") and Count.
func (e *DuplicateError) MessageArgs() map[string]any {
	people := make([]string, len(e.Existing))
	for i, r := range e.Existing {
		people[i] = fmt.Sprintf("%s (%s)", r.FullName, r.ID)
	}
	return map[string]any{"CitizenID": e.CitizenID, "People": strings.Join(people, "; "), "Count": len(e.Existing)}
}

// SavePersonConfirmed saves like SavePerson but stores a duplicate citizen
// id the officer confirmed: the officer has seen the existing record(s)
// of the DuplicateError and says this is another person (a card typed
// wrong on one of the two records, to be corrected later).
func (s *Store) SavePersonConfirmed(ctx context.Context, p *caseload.Person) error {
	return s.savePerson(ctx, p, true)
}

// duplicateSQL finds the other live people with a citizen id. Its test
// that citizen_id is not empty lets SQLite use the partial index
// person_citizen (a bound value cannot prove it); without it every save
// scans the table.
var duplicateSQL = `SELECT ` + personCols + ` FROM person
	WHERE citizen_id = ? AND citizen_id <> '' AND deleted = 0 AND id <> ? ORDER BY full_name, id`

// duplicateExistsSQL tells whether duplicateSQL finds anybody.
const duplicateExistsSQL = `SELECT 1 FROM person
	WHERE citizen_id = ? AND citizen_id <> '' AND deleted = 0 AND id <> ? LIMIT 1`

// checkCitizenID refuses, with a *DuplicateError, to write q when another
// live person holds its 12-digit citizen id. old is the stored record on
// an update (nil on an insert): an update that keeps the citizen id it had
// is not checked again, so that a duplicate confirmed once (or stored
// before this rule) does not block every later edit of the record.
// It runs inside the writing transaction, so a batch sees its own earlier
// rows.
func checkCitizenID(ctx context.Context, tx *sql.Tx, q *caseload.Person, old *caseload.Person) error {
	cid := q.CitizenID
	if len(cid) != caseload.CitizenIDLength || caseload.DigitsOnly(cid) != cid {
		return nil
	}
	if old != nil && old.CitizenID == cid {
		return nil
	}
	// Most writes find nobody: a short query answers that (an import
	// of 10,000 rows spent a third of its time having SQLite parse the
	// full one for every row); the people are read only on a hit.
	var one int
	switch err := tx.QueryRowContext(ctx, duplicateExistsSQL, cid, q.ID).Scan(&one); {
	case errors.Is(err, sql.ErrNoRows):
		return nil
	case err != nil:
		return err
	}
	rows, err := tx.QueryContext(ctx, duplicateSQL, cid, q.ID)
	if err != nil {
		return err
	}
	defer rows.Close()
	var found []PersonRow
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return err
		}
		found = append(found, rowOf(&p))
	}
	if err := rows.Err(); err != nil {
		return err
	}
	if len(found) == 0 {
		return nil
	}
	return &DuplicateError{CitizenID: cid, Existing: found}
}
