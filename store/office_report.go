package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

// ReportFiguresOf counts the figures of ReportFigures over the records of
// one owner (a ward's node id): an office's report for that ward. The
// people, and what is counted per person (recidivism, support, employment,
// ends of management, exemplary people, classifications), are the owner's
// people; visits, loans, mentors, models and businesses are the records
// the owner wrote. Every record has one owner, so the figures of all the
// owners add up to ReportFigures (rates aside, which are recomputed).
func (s *Store) ReportFiguresOf(ctx context.Context, from, to caseload.Date, owner string) (ReportFigures, error) {
	if owner == "" {
		return ReportFigures{}, fmt.Errorf("store: report of an owner: no owner given")
	}
	return s.reportFigures(ctx, from, to, owner)
}

// ReportYearFiguresOf is ReportYearFigures over the records of one owner.
func (s *Store) ReportYearFiguresOf(ctx context.Context, from, to caseload.Date, owner string) (ReportYear, error) {
	if owner == "" {
		return ReportYear{}, fmt.Errorf("store: report of an owner: no owner given")
	}
	return s.reportYearFigures(ctx, from, to, owner)
}

// reportQuerier is what the report queries run on: a read transaction,
// or the same restricted to one owner's records.
type reportQuerier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

// ownerScopedTables are the tables whose rows a per-owner report keeps to
// the owner's. Model members follow their model, assignments their
// mentor (both joined in the queries).
var ownerScopedTables = []string{"person", "visit", "loan", "mentor", "model", "business"}

// personScopedTables are counted through a person: their rows are kept
// to the owner's people. The queries join them to the person table
// anyway; naming them here lets SQLite start from the owner's people
// (index person_owner, migration 0012) instead of every ward's rows.
var personScopedTables = []string{"support", "recidivism", "case_end", "exemplary", "classification"}

// scopedTx rewrites each query so that, inside it, the scoped tables'
// names mean only the owner's rows: a common table expression named like
// a table hides the table within the statement. The report queries stay
// written once, for the whole store and for one owner alike.
type scopedTx struct {
	tx    *sql.Tx
	owner string
}

// scopeWith is the WITH list hiding the scoped tables. NOT MATERIALIZED
// lets SQLite push the report's own conditions into each, so that they
// still use the tables' indexes. The owner is written as an SQL string
// literal, not a parameter: a parameter placed before the query's own
// "?" would take their numbers.
func scopeWith(owner string) string {
	lit := "'" + strings.ReplaceAll(owner, "'", "''") + "'"
	parts := make([]string, 0, len(ownerScopedTables)+len(personScopedTables))
	for _, t := range ownerScopedTables {
		parts = append(parts, t+` AS NOT MATERIALIZED (SELECT * FROM main.`+t+` WHERE owner = `+lit+`)`)
	}
	for _, t := range personScopedTables {
		parts = append(parts, t+` AS NOT MATERIALIZED (SELECT * FROM main.`+t+
			` WHERE person_id IN (SELECT id FROM main.person WHERE owner = `+lit+`))`)
	}
	return strings.Join(parts, ", ")
}

func (s scopedTx) rewrite(q string) string {
	t := strings.TrimLeft(q, " \t\n")
	if strings.HasPrefix(t, "WITH ") {
		return "WITH " + scopeWith(s.owner) + ", " + strings.TrimPrefix(t, "WITH ")
	}
	return "WITH " + scopeWith(s.owner) + " " + t
}

func (s scopedTx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return s.tx.QueryContext(ctx, s.rewrite(q), args...)
}

func (s scopedTx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return s.tx.QueryRowContext(ctx, s.rewrite(q), args...)
}

// scopedReadTx runs fn in one read transaction, restricted to owner's
// records unless owner is "".
func (s *Store) scopedReadTx(ctx context.Context, owner string, fn func(tx reportQuerier) error) error {
	return s.readTx(ctx, func(tx *sql.Tx) error {
		if owner == "" {
			return fn(tx)
		}
		return fn(scopedTx{tx: tx, owner: owner})
	})
}
