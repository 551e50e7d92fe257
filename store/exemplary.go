package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

var exemplaryTable = supTable[caseload.Exemplary]{
	name: "exemplary",
	cols: columnNames(exemplaryColumns),
	meta: func(r *caseload.Exemplary) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.Exemplary) []any {
		return []any{r.PersonID, r.Recognition, r.RecognizedBy, r.RecognizedOn.String(), r.Story}
	},
	dest: func(r *caseload.Exemplary) ([]any, func() error) {
		d, fd := supDate(&r.RecognizedOn)
		return []any{&r.PersonID, &r.Recognition, &r.RecognizedBy, d, &r.Story}, fd
	},
}

// SaveExemplary normalises and validates the recognition of an exemplary
// person (gương hoàn lương), then inserts or updates it with its audit row.
func (s *Store) SaveExemplary(ctx context.Context, rec *caseload.Exemplary) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save exemplary: %w", err)
	}
	q := *rec
	q.Normalize()
	if err := q.Validate(); err != nil {
		return err
	}
	if err := supSave(ctx, s, exemplaryTable, &q, func(tx *sql.Tx) error {
		return supRefCheck(ctx, tx, "person", q.PersonID, "person_id", "exemplary.error.person_unknown")
	}); err != nil {
		return err
	}
	*rec = q
	return nil
}

// Exemplary returns one live record, or ErrNotFound.
func (s *Store) Exemplary(ctx context.Context, id string) (caseload.Exemplary, error) {
	return supLive(ctx, s, exemplaryTable, id)
}

// DeleteExemplary marks a record deleted.
func (s *Store) DeleteExemplary(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete exemplary: %w", err)
	}
	return supDelete(ctx, s, exemplaryTable, id)
}

// PersonExemplary returns a person's recognitions, newest first.
func (s *Store) PersonExemplary(ctx context.Context, personID string) ([]caseload.Exemplary, error) {
	return supList(ctx, s, exemplaryTable, `WHERE person_id = ? AND deleted = 0 ORDER BY recognized_on DESC, id DESC`, personID)
}

// ExemplaryRow is a recognition with the person's name.
type ExemplaryRow struct {
	caseload.Exemplary
	PersonName string
}

// Exemplaries returns every live recognition, newest first.
func (s *Store) Exemplaries(ctx context.Context) ([]ExemplaryRow, error) {
	recs, err := supList(ctx, s, exemplaryTable, `WHERE deleted = 0 ORDER BY recognized_on DESC, id DESC`)
	if err != nil {
		return nil, err
	}
	names, err := s.supPersonNames(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]ExemplaryRow, len(recs))
	for i, r := range recs {
		out[i] = ExemplaryRow{Exemplary: r, PersonName: names[r.PersonID]}
	}
	return out, nil
}
