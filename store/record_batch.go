package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"hoanhap/caseload"
)

// recordBatch describes how a batch writer handles records of type T; the
// batch methods (RecordReceptions, AssignMany, SaveSupports, ...) share
// writeBatch and differ only in these functions, which are the bodies of
// their single-record methods.
type recordBatch[T any] struct {
	op      string                                                          // for errors: "record receptions"
	noun    string                                                          // for the position: "reception"
	kind    writeKind                                                       // the role check
	prepare func(q *T) error                                                // normalise and validate a copy, before the transaction
	write   func(tx *sql.Tx, sc *stmtCache, q *T) (*caseload.Person, error) // write one prepared record inside tx
	persons bool                                                            // write may change person rows (search index)
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
		idx := s.index()
		idx.writeMu.Lock()
		defer idx.writeMu.Unlock()
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		people = people[:0]
		sc := newStmtCache(tx)
		for i := range qs {
			if err := ctx.Err(); err != nil {
				return err
			}
			p, err := b.write(tx, sc, &qs[i])
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
		s.index().putMany(people)
	}
	return nil
}

// noPerson adapts an in-transaction write that changes no person.
func noPerson[T any](write func(tx *sql.Tx, sc *stmtCache, q *T) error) func(tx *sql.Tx, sc *stmtCache, q *T) (*caseload.Person, error) {
	return func(tx *sql.Tx, sc *stmtCache, q *T) (*caseload.Person, error) { return nil, write(tx, sc, q) }
}

// stmtCache prepares each SQL text once per transaction and reuses it for
// every record of a batch: parsing the SQL otherwise costs about as much
// as running it. A nil *stmtCache (single-record writes) runs the SQL on
// the transaction directly.
type stmtCache struct {
	tx *sql.Tx
	m  map[string]*sql.Stmt
}

// newStmtCache returns an empty cache for tx; its statements close with
// the transaction.
func newStmtCache(tx *sql.Tx) *stmtCache {
	return &stmtCache{tx: tx, m: map[string]*sql.Stmt{}}
}

func (c *stmtCache) stmt(ctx context.Context, q string) (*sql.Stmt, error) {
	if st, ok := c.m[q]; ok {
		return st, nil
	}
	st, err := c.tx.PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	c.m[q] = st
	return st, nil
}

// exec runs a statement in tx (through the cache when there is one).
func (c *stmtCache) exec(ctx context.Context, tx *sql.Tx, q string, args ...any) (sql.Result, error) {
	if c == nil {
		return tx.ExecContext(ctx, q, args...)
	}
	st, err := c.stmt(ctx, q)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// queryRow runs a one-row query in tx (through the cache when there is
// one).
func (c *stmtCache) queryRow(ctx context.Context, tx *sql.Tx, q string, args ...any) rowScanner {
	if c == nil {
		return tx.QueryRowContext(ctx, q, args...)
	}
	st, err := c.stmt(ctx, q)
	if err != nil {
		return errRow{err}
	}
	return st.QueryRowContext(ctx, args...)
}

// errRow is a row whose Scan returns err.
type errRow struct{ err error }

func (r errRow) Scan(...any) error { return r.err }

// svLiveStatus returns the status of a live person inside tx, or
// ErrNotFound (wrapped with the id, as svLivePerson does) when the person
// is absent or deleted. It reads two columns instead of the whole person:
// enough for writes that only check the person.
func svLiveStatus(ctx context.Context, tx *sql.Tx, sc *stmtCache, id string) (caseload.Status, error) {
	var status string
	var deleted int
	err := sc.queryRow(ctx, tx, `SELECT status, deleted FROM person WHERE id = ?`, id).Scan(&status, &deleted)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && deleted != 0) {
		err = ErrNotFound
	}
	if errors.Is(err, ErrNotFound) {
		return "", notFound("person", id, err)
	}
	if err != nil {
		return "", fmt.Errorf("person %s: %w", id, err)
	}
	return caseload.Status(status), nil
}
