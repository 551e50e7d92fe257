package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

var recidivismCols = selectList(recidivismColumns)

func scanRecidivism(r rowScanner) (caseload.Recidivism, error) {
	var x caseload.Recidivism
	dst, after := metaScan(&x.Meta)
	var date, jd, on string
	err := r.Scan(append(dst, &x.PersonID, &date, &x.Offense, &x.Judgment.Number, &jd, &x.Judgment.Court, &x.Notes, &on)...)
	after()
	x.Date, x.Judgment.Date, x.OffenseOn = svDate(date), svDate(jd), svDate(on)
	return x, err
}

// AddRecidivism records a new conviction of a person (reports count it).
// In the same transaction the person's new_conviction_on becomes the later
// of its value and r.CountsFrom() — the offence day, else the record's
// date — (with an audit row), which restarts the
// expungement period of the old record (BLHS 2015 Art. 73(2), see
// caseload.ComputeExpungement). When end is not nil, management ends in the
// same transaction with the ground new_sentence (end.Reason is forced; its
// decision is required).
func (s *Store) AddRecidivism(ctx context.Context, r *caseload.Recidivism, end *caseload.CaseEnd) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: add recidivism: %w", err)
	}
	q := *r
	caseload.NormalizeRecidivism(&q)
	today := caseload.Today()
	if err := caseload.ValidateRecidivism(q, today); err != nil {
		return err
	}
	var qe caseload.CaseEnd
	if end != nil {
		qe = *end
		qe.PersonID, qe.Reason = q.PersonID, caseload.EndNewSentence
		caseload.NormalizeCaseEnd(&qe)
		if err := caseload.ValidateCaseEnd(qe, today); err != nil {
			return err
		}
	}
	err := s.svPersonTx(ctx, func(tx *sql.Tx) (*caseload.Person, error) {
		old, err := svLivePerson(ctx, tx, q.PersonID)
		if err != nil {
			return nil, err
		}
		q.ID, q.Owner, q.Deleted = "", "", false
		s.stamp(&q.Meta, 0)
		if _, err := tx.ExecContext(ctx, `INSERT INTO recidivism (`+recidivismCols+`) VALUES (`+svMarks(15)+`)`,
			append(metaArgs(q.Meta), q.PersonID, q.Date.String(), q.Offense, q.Judgment.Number,
				q.Judgment.Date.String(), q.Judgment.Court, q.Notes, q.OffenseOn.String())...); err != nil {
			return nil, err
		}
		if err := s.audit(tx, "insert", "recidivism", q.ID, nil, q); err != nil {
			return nil, err
		}
		var p *caseload.Person
		if on := q.CountsFrom(); on.After(old.NewConvictionOn) {
			p, err = s.svUpdatePerson(ctx, tx, q.PersonID, func(p *caseload.Person) error {
				p.NewConvictionOn = on
				return nil
			})
			if err != nil {
				return nil, err
			}
		}
		if end == nil {
			return p, nil
		}
		return s.endCaseTx(ctx, tx, &qe)
	})
	if err != nil {
		return fmt.Errorf("store: add recidivism: %w", err)
	}
	*r = q
	if end != nil {
		*end = qe
	}
	return nil
}

// Recidivisms returns the new convictions of a person, newest first.
func (s *Store) Recidivisms(ctx context.Context, personID string) ([]caseload.Recidivism, error) {
	list, err := svQuery(ctx, s, `SELECT `+recidivismCols+` FROM recidivism WHERE person_id = ? AND deleted = 0
		ORDER BY date DESC, id DESC`, scanRecidivism, personID)
	if err != nil {
		return nil, fmt.Errorf("store: recidivisms: %w", err)
	}
	return list, nil
}

// RecidivismCount counts the recidivism events dated from..to inclusive
// (zero bounds are open).
func (s *Store) RecidivismCount(ctx context.Context, from, to caseload.Date) (int, error) {
	hi := to.String()
	if to.IsZero() {
		hi = "9999-12-31"
	}
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM recidivism WHERE deleted = 0 AND date >= ? AND date <= ?`,
		from.String(), hi).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: recidivism count: %w", err)
	}
	return n, nil
}
