package store

import (
	"context"
	"database/sql"

	"hoanhap/caseload"
)

// SaveSupports saves many support measures as SaveSupport does (insert
// for an empty ID, else update with the version check; the person must
// exist), in one transaction, all or nothing. On success recs[i] are the
// stored records; the first failing record aborts the batch with its
// position in the error.
func (s *Store) SaveSupports(ctx context.Context, recs []caseload.Support) error {
	return writeBatch(ctx, s, recordBatch[caseload.Support]{
		op: "save supports", noun: "support", kind: writeSupport,
		prepare: prepareSupport,
		write: noPerson(func(tx *sql.Tx, sc *stmtCache, q *caseload.Support) error {
			return supWrite(ctx, s, tx, sc, supportTable, q, supportCheck(ctx, q))
		}),
	}, recs)
}

// SaveLoans saves many loans as SaveLoan does (the borrower must exist;
// only impossible values are refused), in one transaction, all or
// nothing. On success recs[i] are the stored records; the first failing
// record aborts the batch with its position in the error.
func (s *Store) SaveLoans(ctx context.Context, recs []caseload.Loan) error {
	return writeBatch(ctx, s, recordBatch[caseload.Loan]{
		op: "save loans", noun: "loan", kind: writeSupport,
		prepare: prepareLoan,
		write: noPerson(func(tx *sql.Tx, sc *stmtCache, q *caseload.Loan) error {
			return supWrite(ctx, s, tx, sc, loanTable, q, loanCheck(ctx, q))
		}),
	}, recs)
}
