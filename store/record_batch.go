package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

// recordBatch describes how a batch writer handles records of type T; the
// batch methods (RecordReceptions, AssignMany, SaveSupports, ...) share
// writeBatch and differ only in these functions, which are the bodies of
// their single-record methods.
type recordBatch[T any] struct {
	op      string                                           // for errors: "record receptions"
	noun    string                                           // for the position: "reception"
	kind    writeKind                                        // the role check
	prepare func(q *T) error                                 // normalise and validate a copy, before the transaction
	write   func(tx *sql.Tx, q *T) (*caseload.Person, error) // write one prepared record inside tx
	persons bool                                             // write may change person rows (search index)
}

// writeBatch writes items in one transaction, all or nothing. Every item
// is copied and prepared first; the first one that fails (validation, or
// its write inside the transaction) aborts the batch with its position
// (1-based) wrapped around the error, so errors.As and errors.Is still
// find the cause. On success items[i] become the stored records and the
// persons the writes changed go into the search index (after the commit,
// serialised with the other person writes, as svPersonTx does); on failure
// nothing is written and items are unchanged.
func writeBatch[T any](ctx context.Context, s *Store, b recordBatch[T], items []T) error {
	if err := s.requireWrite(b.kind); err != nil {
		return fmt.Errorf("store: %s: %w", b.op, err)
	}
	if len(items) == 0 {
		return nil
	}
	qs := make([]T, len(items))
	for i := range items {
		qs[i] = items[i]
		if err := b.prepare(&qs[i]); err != nil {
			return fmt.Errorf("store: %s: %s %d: %w", b.op, b.noun, i+1, err)
		}
	}
	var people []caseload.Person
	if b.persons {
		idx := s.people
		idx.writeMu.Lock()
		defer idx.writeMu.Unlock()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		people = people[:0]
		for i := range qs {
			if err := ctx.Err(); err != nil {
				return err
			}
			p, err := b.write(tx, &qs[i])
			if err != nil {
				return fmt.Errorf("%s %d: %w", b.noun, i+1, err)
			}
			if p != nil {
				people = append(people, *p)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("store: %s: %w", b.op, err)
	}
	copy(items, qs)
	if len(people) > 0 {
		s.people.putMany(people)
	}
	return nil
}

// noPerson adapts an in-transaction write that changes no person.
func noPerson[T any](write func(tx *sql.Tx, q *T) error) func(tx *sql.Tx, q *T) (*caseload.Person, error) {
	return func(tx *sql.Tx, q *T) (*caseload.Person, error) { return nil, write(tx, q) }
}
