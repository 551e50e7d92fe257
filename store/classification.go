package store

import (
	"context"
	"database/sql"
	"fmt"

	"hoanhap/caseload"
)

var classificationCols = selectList(classificationColumns)

func scanClassification(r rowScanner) (caseload.Classification, error) {
	var c caseload.Classification
	dst, after := metaScan(&c.Meta)
	var grp, on string
	err := r.Scan(append(dst, &c.PersonID, &c.Quarter, &grp, &c.Reason, &c.By, &on)...)
	after()
	c.Group, c.On = caseload.Group(grp), svDate(on)
	return c, err
}

// Classify records a classification (TT 10/2024 Art. 12) and sets the
// person's current group, in one transaction. By defaults to the current
// actor. The person must be managed.
func (s *Store) Classify(ctx context.Context, c *caseload.Classification) error {
	if err := s.requireWrite(writeSupervision); err != nil {
		return fmt.Errorf("store: classify: %w", err)
	}
	q := *c
	if err := s.prepareClassification(&q); err != nil {
		return err
	}
	err := s.svPersonTx(ctx, func(tx *sql.Tx) (*caseload.Person, error) { return s.writeClassification(ctx, tx, nil, &q) })
	if err != nil {
		return fmt.Errorf("store: classify: %w", err)
	}
	*c = q
	return nil
}

// prepareClassification defaults By to the current actor and On to today,
// normalises and validates q, before any transaction.
func (s *Store) prepareClassification(q *caseload.Classification) error {
	if q.By == "" {
		q.By = s.Actor()
	}
	if q.On.IsZero() {
		q.On = caseload.Today()
	}
	caseload.NormalizeClassification(q)
	return caseload.ValidateClassification(*q, caseload.Today())
}

// writeClassification sets the managed person's group and inserts the
// prepared classification inside tx, with both audit rows; it returns the
// updated person for the search index. sc caches the statements of a
// batch (nil for a single write).
func (s *Store) writeClassification(ctx context.Context, tx *sql.Tx, sc *stmtCache, q *caseload.Classification) (*caseload.Person, error) {
	p, err := s.svUpdatePerson(ctx, tx, q.PersonID, func(p *caseload.Person) error {
		if p.Status != caseload.StatusManaged {
			return ErrPersonNotManaged
		}
		p.Group = q.Group
		return nil
	})
	if err != nil {
		return nil, err
	}
	q.ID, q.Owner, q.Deleted = "", "", false
	s.stamp(&q.Meta, 0)
	if _, err := sc.exec(ctx, tx, `INSERT INTO classification (`+classificationCols+`) VALUES (`+svMarks(13)+`)`,
		append(metaArgs(q.Meta), q.PersonID, q.Quarter, string(q.Group), q.Reason, q.By, q.On.String())...); err != nil {
		return nil, err
	}
	return p, s.audit(tx, "insert", "classification", q.ID, nil, *q)
}

// Classifications returns the classification history of a person, newest
// first.
func (s *Store) Classifications(ctx context.Context, personID string) ([]caseload.Classification, error) {
	list, err := svQuery(ctx, s, `SELECT `+classificationCols+` FROM classification WHERE person_id = ? AND deleted = 0
		ORDER BY quarter DESC, classified_on DESC, id DESC`, scanClassification, personID)
	if err != nil {
		return nil, fmt.Errorf("store: classifications: %w", err)
	}
	return list, nil
}

// QuarterList returns, for the quarterly list by group (HCD-09), the latest
// classification of each person for quarter ("2026-Q3"), ordered by group
// then person id.
func (s *Store) QuarterList(ctx context.Context, quarter string) ([]caseload.Classification, error) {
	list, err := svQuery(ctx, s, `SELECT `+classificationCols+` FROM classification c WHERE quarter = ? AND deleted = 0
		AND NOT EXISTS (SELECT 1 FROM classification d WHERE d.person_id = c.person_id AND d.quarter = c.quarter
			AND d.deleted = 0 AND (d.classified_on > c.classified_on OR (d.classified_on = c.classified_on AND d.id > c.id)))
		ORDER BY grp, person_id`, scanClassification, quarter)
	if err != nil {
		return nil, fmt.Errorf("store: quarter list: %w", err)
	}
	return list, nil
}
