package store

import (
	"context"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

// VisitQuery selects visits of the whole caseload for the visit log:
// every condition that is set must hold.
type VisitQuery struct {
	// PersonIDs keeps the visits of these people (from a name search in
	// the index); nil means everybody, an empty non-nil slice nobody.
	PersonIDs []string
	// MentorID keeps the visits recorded for this mentor.
	MentorID string
	// From and To bound the visit date, both included; zero: open.
	From, To caseload.Date
	// Only restricts to these person ids (a mentor's scope); nil: all.
	Only map[string]bool
	// Offset skips that many matching visits (pages); Limit is the page
	// size (100 when 0).
	Offset, Limit int
}

// maxPersonIDs is the most person ids a query takes (a name search
// matching more is too wide to be meant).
const maxPersonIDs = 900

// SearchVisits returns one page of the visits matching q, newest first,
// each with the id of the visit correcting it (if any). The whole history
// is reachable page by page.
func (s *Store) SearchVisits(ctx context.Context, q VisitQuery) ([]caseload.VisitLogEntry, error) {
	if q.Limit <= 0 {
		q.Limit = 100
	}
	if q.PersonIDs != nil && len(q.PersonIDs) == 0 {
		return nil, nil
	}
	var where []string
	var args []any
	where = append(where, "v.deleted = 0")
	if q.PersonIDs != nil {
		ids := q.PersonIDs
		if len(ids) > maxPersonIDs {
			ids = ids[:maxPersonIDs]
		}
		where = append(where, "v.person_id IN ("+strings.TrimSuffix(strings.Repeat("?,", len(ids)), ",")+")")
		for _, id := range ids {
			args = append(args, id)
		}
	}
	if q.MentorID != "" {
		where = append(where, "v.mentor_id = ?")
		args = append(args, q.MentorID)
	}
	if !q.From.IsZero() {
		where = append(where, "v.date >= ?")
		args = append(args, q.From.String())
	}
	if !q.To.IsZero() {
		where = append(where, "v.date <= ?")
		args = append(args, q.To.String())
	}
	query := `SELECT ` + svPrefix("v.", visitCols) + `, c.id FROM visit v
		LEFT JOIN visit c ON c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0
		WHERE ` + strings.Join(where, " AND ") + ` ORDER BY v.date DESC, v.id DESC LIMIT ? OFFSET ?`
	// With a scope the page is filled from the rows in scope: read on
	// until it is full or the rows end.
	var out []caseload.VisitLogEntry
	skip, offset, batch := q.Offset, 0, q.Limit
	if q.Only != nil {
		batch = 4 * q.Limit
	} else {
		offset = q.Offset
		skip = 0
	}
	for len(out) < q.Limit {
		list, err := svQuery(ctx, s, query, scanLogEntry, append(args[:len(args):len(args)], batch, offset)...)
		if err != nil {
			return nil, fmt.Errorf("store: search visits: %w", err)
		}
		for _, e := range list {
			if q.Only != nil && !q.Only[e.PersonID] {
				continue
			}
			if skip > 0 {
				skip--
				continue
			}
			out = append(out, e)
			if len(out) == q.Limit {
				break
			}
		}
		if len(list) < batch {
			break
		}
		offset += batch
	}
	return out, nil
}
