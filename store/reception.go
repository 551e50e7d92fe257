package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"hoanhap/caseload"
)

var receptionCols = selectList(receptionColumns)

func scanReception(r rowScanner) (caseload.Reception, error) {
	var x caseload.Reception
	dst, after := metaScan(&x.Meta)
	var sd, guid, fo string
	err := r.Scan(append(dst, &x.PersonID, &sd, &x.Officer, &x.MinutesDone, &x.InfoSheetDone,
		&x.CounsellingDone, &guid, &fo, &x.Notes)...)
	after()
	x.SessionDate, x.FileOpenedOn = svDate(sd), svDate(fo)
	if guid != "" {
		_ = json.Unmarshal([]byte(guid), &x.Guidance)
	}
	return x, err
}

func receptionArgs(r *caseload.Reception) []any {
	g := r.Guidance
	if g == nil {
		g = []caseload.GuidanceTopic{}
	}
	guid, _ := json.Marshal(g)
	return append(metaArgs(r.Meta), r.PersonID, r.SessionDate.String(), r.Officer, r.MinutesDone,
		r.InfoSheetDone, r.CounsellingDone, string(guid), r.FileOpenedOn.String(), r.Notes)
}

// RecordReception records the reception session (TT 10/2024 Art. 9). In
// the same transaction the person becomes managed and gets returned_on and
// reported_on = the session date where they are empty. The person must
// exist and not be ended. The mentor decision (3 WD) and the file (5 WD)
// deadlines follow from r.SessionDate (see caseload.Reception).
func (s *Store) RecordReception(ctx context.Context, r *caseload.Reception) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: record reception: %w", err)
	}
	q := *r
	if err := prepareReception(&q); err != nil {
		return err
	}
	err := s.svPersonTx(ctx, func(tx *sql.Tx) (*caseload.Person, error) { return s.writeReception(ctx, tx, nil, &q) })
	if err != nil {
		return fmt.Errorf("store: record reception: %w", err)
	}
	*r = q
	return nil
}

// prepareReception gives q its own guidance slice, normalises and
// validates it, before any transaction.
func prepareReception(q *caseload.Reception) error {
	q.Guidance = append([]caseload.GuidanceTopic(nil), q.Guidance...)
	caseload.NormalizeReception(q)
	return caseload.ValidateReception(*q, caseload.Today())
}

// writeReception inserts a prepared reception inside tx with its audit row
// and makes the person managed (returned_on and reported_on defaulting to
// the session date); it returns the updated person for the search index.
// sc caches the statements of a batch (nil for a single write).
func (s *Store) writeReception(ctx context.Context, tx *sql.Tx, sc *stmtCache, q *caseload.Reception) (*caseload.Person, error) {
	p, err := s.svUpdatePerson(ctx, tx, q.PersonID, func(p *caseload.Person) error {
		if p.Status == caseload.StatusEnded {
			return ErrPersonEnded
		}
		p.Status = caseload.StatusManaged
		if p.ReturnedOn.IsZero() {
			p.ReturnedOn = q.SessionDate
		}
		if p.ReportedOn.IsZero() {
			p.ReportedOn = q.SessionDate
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	q.ID, q.Owner, q.Deleted = "", "", false
	s.stamp(&q.Meta, 0)
	if _, err := sc.exec(ctx, tx, `INSERT INTO reception (`+receptionCols+`) VALUES (`+svMarks(16)+`)`,
		receptionArgs(q)...); err != nil {
		return nil, err
	}
	return p, s.audit(tx, "insert", "reception", q.ID, nil, *q)
}

// UpdateReception saves changes to a reception (typically FileOpenedOn,
// HCD-01, or a checklist item done later). r.Ver must equal the stored
// version (else ErrConflict); the person cannot change.
func (s *Store) UpdateReception(ctx context.Context, r *caseload.Reception) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: update reception: %w", err)
	}
	q := *r
	q.Guidance = append([]caseload.GuidanceTopic(nil), r.Guidance...)
	caseload.NormalizeReception(&q)
	if err := caseload.ValidateReception(q, caseload.Today()); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, err := current(ctx, tx, `SELECT `+receptionCols+` FROM reception WHERE id = ? AND deleted = 0`, q.ID, q.Ver,
			scanReception, func(r caseload.Reception) int { return r.Ver })
		if err != nil {
			return err
		}
		q.Owner, q.PersonID = old.Owner, old.PersonID
		s.stamp(&q.Meta, old.Ver)
		a := receptionArgs(&q)
		if _, err := tx.ExecContext(ctx, `UPDATE reception SET owner=?, ver=?, updated_at=?, updated_by=?, hlc=?, deleted=?,
			person_id=?, session_date=?, officer=?, minutes_done=?, info_sheet_done=?, counselling_done=?, guidance=?,
			file_opened_on=?, notes=? WHERE id = ?`, append(a[1:], q.ID)...); err != nil {
			return err
		}
		return s.audit(tx, "update", "reception", q.ID, old, q)
	})
	if err != nil {
		return fmt.Errorf("store: update reception: %w", err)
	}
	*r = q
	return nil
}

// Reception returns one reception; ErrNotFound if absent or deleted.
func (s *Store) Reception(ctx context.Context, id string) (caseload.Reception, error) {
	r, err := svQueryOne(ctx, s, `SELECT `+receptionCols+` FROM reception WHERE id = ? AND deleted = 0`, scanReception, id)
	if err != nil {
		return r, fmt.Errorf("store: reception %s: %w", id, err)
	}
	return r, nil
}

// Receptions returns the receptions of a person, newest first.
func (s *Store) Receptions(ctx context.Context, personID string) ([]caseload.Reception, error) {
	list, err := svQuery(ctx, s, `SELECT `+receptionCols+` FROM reception WHERE person_id = ? AND deleted = 0
		ORDER BY session_date DESC, id DESC`, scanReception, personID)
	if err != nil {
		return nil, fmt.Errorf("store: receptions: %w", err)
	}
	return list, nil
}

// LatestReception returns the person's latest reception; ErrNotFound if
// none.
func (s *Store) LatestReception(ctx context.Context, personID string) (caseload.Reception, error) {
	r, err := svQueryOne(ctx, s, `SELECT `+receptionCols+` FROM reception WHERE person_id = ? AND deleted = 0
		ORDER BY session_date DESC, id DESC LIMIT 1`, scanReception, personID)
	if err != nil {
		return r, fmt.Errorf("store: latest reception: %w", err)
	}
	return r, nil
}
