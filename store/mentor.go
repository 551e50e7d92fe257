package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

var mentorCols = selectList(mentorColumns)

func scanMentor(r rowScanner) (caseload.Mentor, error) {
	var m caseload.Mentor
	dst, after := metaScan(&m.Meta)
	var kind, org string
	err := r.Scan(append(dst, &kind, &m.Name, &org, &m.Position, &m.Phone, &m.Address, &m.Active, &m.Notes)...)
	after()
	m.Kind, m.Organisation = caseload.MentorKind(kind), caseload.OrgType(org)
	return m, err
}

// SaveMentor normalises and validates m, then inserts it (m.ID == "") or
// updates it (m.Ver must equal the stored version, else ErrConflict), with
// its audit row in the same transaction. On success *m is the stored
// record.
func (s *Store) SaveMentor(ctx context.Context, m *caseload.Mentor) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: save mentor: %w", err)
	}
	q := *m
	caseload.NormalizeMentor(&q)
	if err := caseload.ValidateMentor(q); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		args := func() []any {
			return append(metaArgs(q.Meta), string(q.Kind), q.Name, string(q.Organisation), q.Position,
				q.Phone, q.Address, q.Active, q.Notes)
		}
		if q.ID == "" {
			q.Owner, q.Deleted = "", false
			s.stamp(&q.Meta, 0)
			if _, err := tx.ExecContext(ctx, `INSERT INTO mentor (`+mentorCols+`) VALUES (`+svMarks(15)+`)`, args()...); err != nil {
				return err
			}
			return s.audit(tx, "insert", "mentor", q.ID, nil, q)
		}
		old, err := current(ctx, tx, `SELECT `+mentorCols+` FROM mentor WHERE id = ? AND deleted = 0`, q.ID, q.Ver,
			scanMentor, func(r caseload.Mentor) int { return r.Ver })
		if err != nil {
			return err
		}
		q.Owner = old.Owner
		s.stamp(&q.Meta, old.Ver)
		a := args()
		if _, err := tx.ExecContext(ctx, `UPDATE mentor SET owner=?, ver=?, updated_at=?, updated_by=?, hlc=?, deleted=?,
			kind=?, name=?, organisation=?, position=?, phone=?, address=?, active=?, notes=? WHERE id = ?`,
			append(a[1:], q.ID)...); err != nil {
			return err
		}
		return s.audit(tx, "update", "mentor", q.ID, old, q)
	})
	if err != nil {
		return fmt.Errorf("store: save mentor: %w", err)
	}
	*m = q
	return nil
}

// Mentor returns one mentor; ErrNotFound if absent or deleted.
func (s *Store) Mentor(ctx context.Context, id string) (caseload.Mentor, error) {
	m, err := svQueryOne(ctx, s, `SELECT `+mentorCols+` FROM mentor WHERE id = ? AND deleted = 0`, scanMentor, id)
	if err != nil {
		return m, fmt.Errorf("store: mentor %s: %w", id, err)
	}
	return m, nil
}

// Mentors returns the roster ordered by name (active ones only when
// activeOnly).
func (s *Store) Mentors(ctx context.Context, activeOnly bool) ([]caseload.Mentor, error) {
	q := `SELECT ` + mentorCols + ` FROM mentor WHERE deleted = 0`
	if activeOnly {
		q += ` AND active = 1`
	}
	list, err := svQuery(ctx, s, q+` ORDER BY name, id`, scanMentor)
	if err != nil {
		return nil, fmt.Errorf("store: mentors: %w", err)
	}
	return list, nil
}

// MentorLoads returns, per mentor id, the number of people actively
// assigned to them.
func (s *Store) MentorLoads(ctx context.Context) (map[string]int, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT mentor_id, count(*) FROM assignment
		WHERE to_date = '' AND deleted = 0 GROUP BY mentor_id`)
	if err != nil {
		return nil, fmt.Errorf("store: mentor loads: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			return nil, fmt.Errorf("store: mentor loads: %w", err)
		}
		out[id] = n
	}
	return out, rows.Err()
}
