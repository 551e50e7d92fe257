package store

import (
	"context"
	"database/sql"
	"errors"
)

// current reads, inside tx, the stored live version of the record with id
// (query selects it by id and deleted = 0) and checks that the caller
// edited that version: ErrNotFound when the record is missing or deleted,
// ErrConflict when someone saved it since (optimistic locking on ver).
func current[T any](ctx context.Context, tx *sql.Tx, query, id string, ver int,
	scan func(rowScanner) (T, error), verOf func(T) int) (T, error) {
	old, err := scan(tx.QueryRowContext(ctx, query, id))
	if errors.Is(err, sql.ErrNoRows) {
		return old, ErrNotFound
	}
	if err != nil {
		return old, err
	}
	if verOf(old) != ver {
		return old, ErrConflict
	}
	return old, nil
}
