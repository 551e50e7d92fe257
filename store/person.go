package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"hoanhap/caseload"
)

// ErrConflict is returned when a record was changed (by another window,
// user or sync import) after the caller read it: the caller's Ver no longer
// matches the stored one. Reload the record and apply the change again.
var ErrConflict error = conflictError{}

// conflictError is ErrConflict: a sentinel that also carries a message key
// so that i18n.Error shows a translated sentence.
type conflictError struct{}

func (conflictError) Error() string { return "record changed by someone else" }

// MessageKey returns the i18n key of the conflict message.
func (conflictError) MessageKey() string { return "ui.error.conflict" }

// MessageArgs returns no template arguments.
func (conflictError) MessageArgs() map[string]any { return nil }

// SavePerson normalises and validates p, then inserts it (p.ID == "") or
// updates it (p.Ver must equal the stored version, else ErrConflict). The
// row and its audit entry (old -> new) are written in one transaction.
//
// A validation failure is returned unchanged (a *caseload.ValidationError).
// Another live person with the same 12-digit citizen id refuses the save
// with a *DuplicateError (errors.As finds it); SavePersonConfirmed stores
// it once the officer has confirmed it is another person.
// On success *p becomes the stored record (normalised text, new sync
// fields) and the search index is updated; on any failure nothing is
// written and neither p nor the index changes.
func (s *Store) SavePerson(ctx context.Context, p *caseload.Person) error {
	return s.savePerson(ctx, p, false)
}

// savePerson is SavePerson; confirmed allows a duplicate citizen id.
func (s *Store) savePerson(ctx context.Context, p *caseload.Person, confirmed bool) error {
	if err := s.requireWrite(writePersons); err != nil {
		return fmt.Errorf("store: save person: %w", err)
	}
	q := clonePerson(*p)
	caseload.Normalize(&q)
	if err := caseload.ValidatePerson(q, caseload.Today()); err != nil {
		return err
	}
	idx := s.index()
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()

	err := s.tx(ctx, func(tx *sql.Tx) error { return s.writePerson(ctx, tx, nil, &q, confirmed) })
	if err != nil {
		return fmt.Errorf("store: save person: %w", err)
	}
	*p = q
	idx.put(&q)
	return nil
}

// Person returns the person with id; ErrNotFound if there is none or it
// was deleted.
func (s *Store) Person(ctx context.Context, id string) (caseload.Person, error) {
	row := s.db.QueryRowContext(ctx, `SELECT `+personCols+` FROM person WHERE id = ? AND deleted = 0`, id)
	p, err := scanPerson(row)
	if errors.Is(err, sql.ErrNoRows) {
		return caseload.Person{}, notFound("person", id, ErrNotFound)
	}
	if err != nil {
		return caseload.Person{}, fmt.Errorf("store: person %s: %w", id, err)
	}
	return p, nil
}

// DeletePerson marks the person deleted (a tombstone that sync spreads:
// deleted=1, ver+1, new HLC), writes the audit row and removes the person
// from the search index. ErrNotFound if there is no such live person.
func (s *Store) DeletePerson(ctx context.Context, id string) error {
	if err := s.requireWrite(writePersons); err != nil {
		return fmt.Errorf("store: delete person: %w", err)
	}
	idx := s.index()
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := personTx(ctx, tx, id)
		if err != nil {
			return err
		}
		if old.Deleted {
			return ErrNotFound
		}
		m := old.Meta
		s.stamp(&m, old.Ver)
		m.Deleted = true
		if _, err := tx.ExecContext(ctx, `UPDATE person SET ver = ?, updated_at = ?, updated_by = ?, hlc = ?, deleted = 1 WHERE id = ?`,
			m.Ver, m.UpdatedAt.Format(time.RFC3339Nano), m.UpdatedBy, m.HLC, id); err != nil {
			return err
		}
		return s.audit(tx, "delete", "person", id, old, nil)
	})
	if err != nil {
		return fmt.Errorf("store: delete person: %w", err)
	}
	idx.remove(id)
	return nil
}

// AllPersons returns every live (not deleted) person, ordered by id, fully
// decoded; for exports. Use People for lists and search.
func (s *Store) AllPersons(ctx context.Context) ([]caseload.Person, error) {
	return s.allPersons(ctx, false)
}

// AllPersonsWithDeleted returns every person including tombstones
// (Deleted true), ordered by id; for dumps and sync exports.
func (s *Store) AllPersonsWithDeleted(ctx context.Context) ([]caseload.Person, error) {
	return s.allPersons(ctx, true)
}

func (s *Store) allPersons(ctx context.Context, withDeleted bool) ([]caseload.Person, error) {
	q := `SELECT ` + personCols + ` FROM person WHERE deleted = 0 ORDER BY id`
	if withDeleted {
		q = `SELECT ` + personCols + ` FROM person ORDER BY id`
	}
	rows, err := s.db.QueryContext(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("store: all persons: %w", err)
	}
	defer rows.Close()
	var out []caseload.Person
	for rows.Next() {
		p, err := scanPerson(rows)
		if err != nil {
			return nil, fmt.Errorf("store: all persons: %w", err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: all persons: %w", err)
	}
	return out, nil
}

// personTx reads one person row (deleted or not) inside tx.
func personTx(ctx context.Context, tx *sql.Tx, id string) (caseload.Person, error) {
	p, err := scanPerson(tx.QueryRowContext(ctx, `SELECT `+personCols+` FROM person WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return p, notFound("person", id, ErrNotFound)
	}
	return p, err
}

// writePerson writes one normalised, validated person and its audit row
// inside tx: an insert when q.ID is "" (through ins, a prepared insert
// statement, when a batch has one; nil for a single save), else an update
// of the stored version q.Ver (ErrNotFound, ErrConflict). Unless
// dupConfirmed, a citizen id another live person holds is refused
// (*DuplicateError).
func (s *Store) writePerson(ctx context.Context, tx *sql.Tx, ins *sql.Stmt, q *caseload.Person, dupConfirmed bool) error {
	if q.ID == "" {
		if !dupConfirmed {
			if err := checkCitizenID(ctx, tx, q, nil); err != nil {
				return err
			}
		}
		q.Deleted, q.Owner = false, ""
		s.stamp(&q.Meta, 0)
		var err error
		if ins == nil {
			err = insertPerson(ctx, tx, q)
		} else {
			var data []any
			if data, err = personArgs(q); err == nil {
				_, err = ins.ExecContext(ctx, append(metaArgs(q.Meta), data...)...)
			}
		}
		if err != nil {
			return err
		}
		return s.audit(tx, "insert", "person", q.ID, nil, q)
	}
	old, err := personTx(ctx, tx, q.ID)
	if err != nil {
		return err
	}
	if old.Deleted {
		return ErrNotFound
	}
	if old.Ver != q.Ver {
		return ErrConflict
	}
	if !dupConfirmed {
		if err := checkCitizenID(ctx, tx, q, &old); err != nil {
			return err
		}
	}
	q.Owner, q.Deleted = old.Owner, false
	s.stamp(&q.Meta, old.Ver)
	if err := updatePerson(ctx, tx, q); err != nil {
		return err
	}
	return s.audit(tx, "update", "person", q.ID, old, q)
}

func insertPerson(ctx context.Context, tx *sql.Tx, p *caseload.Person) error {
	data, err := personArgs(p)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, personInsertSQL, append(metaArgs(p.Meta), data...)...)
	return err
}

func updatePerson(ctx context.Context, tx *sql.Tx, p *caseload.Person) error {
	data, err := personArgs(p)
	if err != nil {
		return err
	}
	args := append(metaArgs(p.Meta)[1:], data...) // every sync field but id
	args = append(args, p.ID)
	_, err = tx.ExecContext(ctx, personUpdateSQL, args...)
	return err
}

// clonePerson copies p deeply enough that normalising the copy cannot
// change the caller's slices.
func clonePerson(p caseload.Person) caseload.Person {
	if p.Supplementary != nil {
		p.Supplementary = append([]caseload.Supplementary(nil), p.Supplementary...)
	}
	if p.CourtRefusals != nil {
		p.CourtRefusals = append([]caseload.Date(nil), p.CourtRefusals...)
	}
	return p
}
