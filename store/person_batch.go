package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

// SavePeople saves many persons in one transaction, all or nothing: each
// is normalised and validated as by SavePerson, then inserted (ID "") or
// updated (Ver must equal the stored version, else ErrConflict), with one
// audit row per person. A citizen id held by another live person, or by
// an earlier person of the batch, aborts the batch (*DuplicateError).
//
// The first invalid person aborts the batch before anything is written:
// its *caseload.ValidationError is wrapped with the person's position, so
// errors.As finds it. On success people[i] become the stored records (ids
// and sync fields filled) and the search index is updated; on any failure
// nothing is written and neither people nor the index changes.
//
// It is meant for imports and the demo (thousands of persons at a time);
// batches of a few thousand keep each transaction short.
func (s *Store) SavePeople(ctx context.Context, people []caseload.Person) error {
	return s.SavePeopleProgress(ctx, people, nil)
}

// SavePeopleProgress is SavePeople reporting, when progress is not nil,
// how many persons of the batch are written so far (every 1% and at the
// end), from the calling goroutine, inside the transaction: the count is
// not committed until SavePeopleProgress returns nil.
func (s *Store) SavePeopleProgress(ctx context.Context, people []caseload.Person, progress func(done, total int)) error {
	if err := s.requireWrite(writePersons); err != nil {
		return fmt.Errorf("store: save people: %w", err)
	}
	if len(people) == 0 {
		return nil
	}
	today := caseload.Today()
	qs := make([]caseload.Person, len(people))
	for i := range people {
		q := clonePerson(people[i])
		caseload.Normalize(&q)
		if err := caseload.ValidatePerson(q, today); err != nil {
			return fmt.Errorf("store: save people: person %d (%s): %w", i+1, q.FullName, err)
		}
		qs[i] = q
	}

	idx := s.index()
	idx.writeMu.Lock()
	defer idx.writeMu.Unlock()
	step := max(len(qs)/100, 1)
	err := s.tx(ctx, func(tx *sql.Tx) error {
		ins, err := tx.PrepareContext(ctx, personInsertSQL)
		if err != nil {
			return err
		}
		defer ins.Close()
		for i := range qs {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.writePerson(ctx, tx, ins, &qs[i], false); err != nil {
				return fmt.Errorf("person %d (%s): %w", i+1, qs[i].FullName, err)
			}
			if progress != nil && ((i+1)%step == 0 || i+1 == len(qs)) {
				progress(i+1, len(qs))
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: save people: %w", err)
	}
	copy(people, qs)
	idx.putMany(qs)
	return nil
}
