package store

import (
	"context"
	"fmt"

	"hoanhap/caseload"
)

var businessTable = supTable[caseload.Business]{
	name: "business",
	cols: columnNames(businessColumns),
	meta: func(r *caseload.Business) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.Business) []any {
		return []any{r.Name, r.Address, r.Representative, r.Phone, r.Workers, r.ReturneeWorkers, r.IncomeNotes, r.Notes}
	},
	dest: func(r *caseload.Business) ([]any, func() error) {
		return []any{&r.Name, &r.Address, &r.Representative, &r.Phone, &r.Workers, &r.ReturneeWorkers, &r.IncomeNotes, &r.Notes},
			func() error { return nil }
	},
}

// SaveBusiness normalises and validates a partner business, then inserts
// or updates it with its audit row.
func (s *Store) SaveBusiness(ctx context.Context, rec *caseload.Business) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save business: %w", err)
	}
	q := *rec
	q.Normalize()
	if err := q.Validate(); err != nil {
		return err
	}
	if err := supSave(ctx, s, businessTable, &q, nil); err != nil {
		return err
	}
	*rec = q
	return nil
}

// Business returns one live business, or ErrNotFound.
func (s *Store) Business(ctx context.Context, id string) (caseload.Business, error) {
	return supLive(ctx, s, businessTable, id)
}

// DeleteBusiness marks a business deleted.
func (s *Store) DeleteBusiness(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete business: %w", err)
	}
	return supDelete(ctx, s, businessTable, id)
}

// BusinessRow is a business with the number of linked people and models,
// for lists.
type BusinessRow struct {
	caseload.Business
	People int // linked people (business_person links)
	Models int // models it partners with
}

// Businesses returns the live businesses ordered by name.
func (s *Store) Businesses(ctx context.Context) ([]BusinessRow, error) {
	recs, err := supList(ctx, s, businessTable, `WHERE deleted = 0 ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	people, err := s.supLinkCounts(ctx, caseload.LinkBusinessPerson, true)
	if err != nil {
		return nil, err
	}
	models, err := s.supLinkCounts(ctx, caseload.LinkModelBusiness, false)
	if err != nil {
		return nil, err
	}
	out := make([]BusinessRow, len(recs))
	for i, b := range recs {
		out[i] = BusinessRow{Business: b, People: people[b.ID], Models: models[b.ID]}
	}
	return out, nil
}

// supLinkCounts counts live links of kind per from_id (byFrom) or per to_id.
func (s *Store) supLinkCounts(ctx context.Context, kind caseload.LinkKind, byFrom bool) (map[string]int, error) {
	col := "to_id"
	if byFrom {
		col = "from_id"
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+col+`, count(*) FROM model_link WHERE kind = ? AND deleted = 0 GROUP BY `+col, string(kind))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		out[id] = n
	}
	return out, rows.Err()
}
