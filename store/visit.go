package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

var visitCols = selectList(visitColumns)

func scanVisit(r rowScanner) (caseload.Visit, error) {
	var v caseload.Visit
	dst, after := metaScan(&v.Meta)
	var date, ak, kind, next string
	err := r.Scan(append(dst, &v.PersonID, &date, &ak, &v.AuthorName, &v.MentorID, &kind, &v.Employment,
		&v.Income, &v.Family, &v.Health, &v.Attitude, &v.Risks, &v.HelpNeeded, &v.HelpGiven, &next,
		&v.Supersedes, &v.Notes)...)
	after()
	v.Date, v.NextPlanned = svDate(date), svDate(next)
	v.AuthorKind, v.Kind = caseload.AuthorKind(ak), caseload.VisitKind(kind)
	return v, err
}

// scanLogEntry reads visitCols (prefixed v.) plus the id of the correcting
// visit.
func scanLogEntry(r rowScanner) (caseload.VisitLogEntry, error) {
	var e caseload.VisitLogEntry
	var by sql.NullString
	v, err := scanVisit(scanTail{r, &by})
	e.Visit, e.SupersededBy = v, by.String
	return e, err
}

// scanTail appends one destination to a Scan call.
type scanTail struct {
	r    rowScanner
	tail any
}

func (t scanTail) Scan(dest ...any) error { return t.r.Scan(append(dest, t.tail)...) }

// AddVisit appends a visit to the person's log. A mentor session may record
// visits only for people actively assigned to its mentor (ErrNotMyPerson);
// the author is then the mentor. A leader session gets ErrReadOnly.
func (s *Store) AddVisit(ctx context.Context, v *caseload.Visit) error {
	q := *v
	q.Supersedes = ""
	if err := s.insertVisit(ctx, &q); err != nil {
		return fmt.Errorf("store: add visit: %w", err)
	}
	*v = q
	return nil
}

// CorrectVisit appends v as the correction of the visit oldID (same
// person): the old entry stays in the log, shown as corrected. A visit can
// be corrected once (ErrAlreadyCorrected); correct the correction instead.
func (s *Store) CorrectVisit(ctx context.Context, oldID string, v *caseload.Visit) error {
	q := *v
	q.Supersedes = oldID
	if err := s.insertVisit(ctx, &q); err != nil {
		return fmt.Errorf("store: correct visit: %w", err)
	}
	*v = q
	return nil
}

// insertVisit writes one visit in its own transaction (AddVisit,
// CorrectVisit).
func (s *Store) insertVisit(ctx context.Context, q *caseload.Visit) error {
	if err := s.requireWrite(writeVisits); err != nil {
		return err
	}
	mentor := s.visitMentor()
	if err := prepareVisit(q, mentor); err != nil {
		return err
	}
	return s.tx(ctx, func(tx *sql.Tx) error { return s.writeVisit(ctx, tx, nil, q, mentor) })
}

// visitMentor returns the logged-in user when it is a mentor (whose
// visits are restricted to its own people), else nil.
func (s *Store) visitMentor() *caseload.User {
	sess, ok := s.Session()
	if !ok || sess.Role != caseload.RoleMentor {
		return nil
	}
	return &sess
}

// prepareVisit makes a mentor session the author, normalises and validates
// q (a new record: no id), before any transaction.
func prepareVisit(q *caseload.Visit, mentor *caseload.User) error {
	if mentor != nil {
		q.AuthorKind, q.MentorID = caseload.AuthorMentor, mentor.MentorID
		if q.AuthorName == "" {
			q.AuthorName = mentor.DisplayName
		}
	}
	caseload.NormalizeVisit(q)
	q.ID = ""
	return caseload.ValidateVisit(*q, caseload.Today())
}

// writeVisit inserts a prepared visit inside tx with its audit row. The
// person must be live and, for a mentor session, actively assigned to
// that mentor (ErrNotMyPerson); a correction must supersede a visit of the
// same person that is not corrected yet (ErrAlreadyCorrected). sc caches
// the statements of a batch (nil for a single write).
func (s *Store) writeVisit(ctx context.Context, tx *sql.Tx, sc *stmtCache, q *caseload.Visit, mentor *caseload.User) error {
	if _, err := svLiveStatus(ctx, tx, sc, q.PersonID); err != nil {
		return err
	}
	if mentor != nil {
		var n int
		if err := sc.queryRow(ctx, tx, `SELECT count(*) FROM assignment WHERE person_id = ? AND mentor_id = ?
			AND to_date = '' AND deleted = 0`, q.PersonID, mentor.MentorID).Scan(&n); err != nil {
			return err
		}
		if n == 0 {
			return ErrNotMyPerson
		}
	}
	if q.Supersedes != "" {
		var person string
		err := sc.queryRow(ctx, tx, `SELECT person_id FROM visit WHERE id = ? AND deleted = 0`, q.Supersedes).Scan(&person)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("visit", q.Supersedes, ErrNotFound)
		}
		if err != nil {
			return err
		}
		if person != q.PersonID {
			return notFound("visit", q.Supersedes, ErrNotFound)
		}
		var n int
		if err := sc.queryRow(ctx, tx, `SELECT count(*) FROM visit WHERE supersedes = ? AND deleted = 0`,
			q.Supersedes).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return ErrAlreadyCorrected
		}
	}
	q.Owner, q.Deleted = "", false
	s.stamp(&q.Meta, 0)
	_, err := sc.exec(ctx, tx, `INSERT INTO visit (`+visitCols+`) VALUES (`+svMarks(24)+`)`,
		append(metaArgs(q.Meta), q.PersonID, q.Date.String(), string(q.AuthorKind), q.AuthorName, q.MentorID,
			string(q.Kind), q.Employment, q.Income, q.Family, q.Health, q.Attitude, q.Risks, q.HelpNeeded,
			q.HelpGiven, q.NextPlanned.String(), q.Supersedes, q.Notes)...)
	if err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return ErrAlreadyCorrected
		}
		return err
	}
	return s.audit(tx, "insert", "visit", q.ID, nil, q)
}

// Visit returns one visit; ErrNotFound if absent or deleted.
func (s *Store) Visit(ctx context.Context, id string) (caseload.Visit, error) {
	v, err := svQueryOne(ctx, s, `SELECT `+visitCols+` FROM visit WHERE id = ? AND deleted = 0`, scanVisit, id)
	if err != nil {
		return v, fmt.Errorf("store: visit %s: %w", id, err)
	}
	return v, nil
}

// VisitLog returns the whole log of a person, newest first, corrected
// entries included with SupersededBy set. It uses the (person_id, date)
// index: fast at any log size.
func (s *Store) VisitLog(ctx context.Context, personID string) ([]caseload.VisitLogEntry, error) {
	list, err := svQuery(ctx, s, `SELECT `+svPrefix("v.", visitCols)+`, c.id FROM visit v
		LEFT JOIN visit c ON c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0
		WHERE v.person_id = ? AND v.deleted = 0 ORDER BY v.date DESC, v.id DESC`, scanLogEntry, personID)
	if err != nil {
		return nil, fmt.Errorf("store: visit log: %w", err)
	}
	return list, nil
}

// RecentVisits returns the latest visits across the caseload, newest first
// (at most limit; only people in `only` when it is not nil).
func (s *Store) RecentVisits(ctx context.Context, limit int, only map[string]bool) ([]caseload.VisitLogEntry, error) {
	if limit <= 0 {
		limit = 100
	}
	var out []caseload.VisitLogEntry
	batch, offset := limit, 0
	if only != nil {
		batch = 4 * limit
	}
	for len(out) < limit {
		list, err := svQuery(ctx, s, `SELECT `+svPrefix("v.", visitCols)+`, c.id FROM visit v
			LEFT JOIN visit c ON c.supersedes = v.id AND c.supersedes <> '' AND c.deleted = 0
			WHERE v.deleted = 0 ORDER BY v.date DESC, v.id DESC LIMIT ? OFFSET ?`, scanLogEntry, batch, offset)
		if err != nil {
			return nil, fmt.Errorf("store: recent visits: %w", err)
		}
		for _, e := range list {
			if only == nil || only[e.PersonID] {
				out = append(out, e)
				if len(out) == limit {
					break
				}
			}
		}
		if len(list) < batch {
			break
		}
		offset += batch
	}
	return out, nil
}
