package store

import (
	"context"
	"database/sql"

	"hoanhap/caseload"
)

// The batch writers of the supervision records, for imports and the demo:
// each writes a whole slice in one transaction, all or nothing, with the
// same checks, side effects and audit rows as its single-record method
// (see writeBatch). Batches of a few thousand keep transactions short.

// RecordReceptions records many reception sessions as RecordReception
// does (each person becomes managed, returned_on and reported_on default
// to the session date), in one transaction. On success rs[i] are the
// stored records; the first failing record aborts the batch with its
// position in the error, and nothing is written.
func (s *Store) RecordReceptions(ctx context.Context, rs []caseload.Reception) error {
	return writeBatch(ctx, s, recordBatch[caseload.Reception]{
		op: "record receptions", noun: "reception", kind: writeSupervision, persons: true,
		prepare: prepareReception,
		write: func(tx *sql.Tx, sc *stmtCache, q *caseload.Reception) (*caseload.Person, error) {
			return s.writeReception(ctx, tx, sc, q)
		},
	}, rs)
}

// AssignMany opens many assignments as Assign does (one active mentor per
// person, active mentors only), in one transaction; two assignments of the
// same person in one batch fail with ErrActiveMentor. On success as[i] are
// the stored records; on failure nothing is written.
func (s *Store) AssignMany(ctx context.Context, as []caseload.Assignment) error {
	return writeBatch(ctx, s, recordBatch[caseload.Assignment]{
		op: "assign many", noun: "assignment", kind: writeSupervision,
		prepare: prepareAssignment,
		write: noPerson(func(tx *sql.Tx, sc *stmtCache, q *caseload.Assignment) error {
			return s.openAssignmentTx(ctx, tx, sc, q)
		}),
	}, as)
}

// AddNotices records many prison notices about persons already in the
// register, as AddNoticeFor does, in one transaction. On success ns[i]
// are the stored records; on failure nothing is written.
func (s *Store) AddNotices(ctx context.Context, ns []caseload.Notice) error {
	return writeBatch(ctx, s, recordBatch[caseload.Notice]{
		op: "add notices", noun: "notice", kind: writeSupervision,
		prepare: prepareNoticeFor,
		write: noPerson(func(tx *sql.Tx, sc *stmtCache, q *caseload.Notice) error {
			return s.writeNoticeFor(ctx, tx, sc, q)
		}),
	}, ns)
}

// AddVisits appends many visits to the persons' logs as AddVisit does (a
// mentor session may write only for its own people, and is the author),
// in one transaction. Supersedes is ignored: corrections go through
// CorrectVisit. On success vs[i] are the stored records; on failure
// nothing is written.
func (s *Store) AddVisits(ctx context.Context, vs []caseload.Visit) error {
	mentor := s.visitMentor()
	return writeBatch(ctx, s, recordBatch[caseload.Visit]{
		op: "add visits", noun: "visit", kind: writeVisits,
		prepare: func(q *caseload.Visit) error {
			q.Supersedes = ""
			return prepareVisit(q, mentor)
		},
		write: noPerson(func(tx *sql.Tx, sc *stmtCache, q *caseload.Visit) error {
			return s.writeVisit(ctx, tx, sc, q, mentor)
		}),
	}, vs)
}

// ClassifyMany records many classifications as Classify does (each sets
// its managed person's group; By defaults to the actor, On to today), in
// one transaction, in order: the last one of a person sets the group. On
// success cs[i] are the stored records; on failure nothing is written.
func (s *Store) ClassifyMany(ctx context.Context, cs []caseload.Classification) error {
	return writeBatch(ctx, s, recordBatch[caseload.Classification]{
		op: "classify many", noun: "classification", kind: writeSupervision, persons: true,
		prepare: s.prepareClassification,
		write: func(tx *sql.Tx, sc *stmtCache, q *caseload.Classification) (*caseload.Person, error) {
			return s.writeClassification(ctx, tx, sc, q)
		},
	}, cs)
}
