package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"hoanhap/caseload"
)

var loanTable = supTable[caseload.Loan]{
	name: "loan",
	cols: columnNames(loanColumns),
	meta: func(r *caseload.Loan) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.Loan) []any {
		return []any{string(r.BorrowerKind), supNull(r.PersonID), supNull(r.BusinessID), r.Amount, string(r.Purpose),
			r.TrainingMonths, r.BankBranch, r.RequestedOn.String(), r.ListDate.String(), r.DisbursedOn.String(),
			r.TermMonths, string(r.Status), r.Notes}
	},
	dest: func(r *caseload.Loan) ([]any, func() error) {
		var pid, bid sql.NullString
		rq, f1 := supDate(&r.RequestedOn)
		ld, f2 := supDate(&r.ListDate)
		dd, f3 := supDate(&r.DisbursedOn)
		return []any{(*string)(&r.BorrowerKind), &pid, &bid, &r.Amount, (*string)(&r.Purpose), &r.TrainingMonths,
				&r.BankBranch, rq, ld, dd, &r.TermMonths, (*string)(&r.Status), &r.Notes},
			supFinish(f1, f2, f3, func() error { r.PersonID, r.BusinessID = pid.String, bid.String; return nil })
	},
}

// SaveLoan normalises and validates a loan, then inserts or updates it
// with its audit row. Only impossible values are refused; the rules of
// QĐ 22/2023 are returned by LoanWarnings, never silently accepted by the
// UI. The borrower must exist.
func (s *Store) SaveLoan(ctx context.Context, rec *caseload.Loan) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save loan: %w", err)
	}
	q := *rec
	if err := prepareLoan(&q); err != nil {
		return err
	}
	if err := supSave(ctx, s, loanTable, &q, loanCheck(ctx, &q)); err != nil {
		return err
	}
	*rec = q
	return nil
}

// prepareLoan normalises q, keeps only the borrower reference of its kind
// and validates it, before any transaction.
func prepareLoan(q *caseload.Loan) error {
	q.Normalize()
	if q.BorrowerKind == caseload.BorrowerPerson {
		q.BusinessID = ""
	} else if q.BorrowerKind == caseload.BorrowerBusiness {
		q.PersonID = ""
	}
	return q.Validate()
}

// loanCheck returns the in-transaction check of a loan: its borrower (a
// person or a business) exists.
func loanCheck(ctx context.Context, q *caseload.Loan) func(tx *sql.Tx) error {
	return func(tx *sql.Tx) error {
		if q.BorrowerKind == caseload.BorrowerPerson {
			return supRefCheck(ctx, tx, "person", q.PersonID, "person_id", "loan.error.person_unknown")
		}
		return supRefCheck(ctx, tx, "business", q.BusinessID, "business_id", "loan.error.business_unknown")
	}
}

// Loan returns one live loan, or ErrNotFound.
func (s *Store) Loan(ctx context.Context, id string) (caseload.Loan, error) {
	return supLive(ctx, s, loanTable, id)
}

// DeleteLoan marks a loan deleted.
func (s *Store) DeleteLoan(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete loan: %w", err)
	}
	return supDelete(ctx, s, loanTable, id)
}

// LoanFacts returns what the QĐ 22/2023 rules need to know about the
// loan's borrower: the person's completion date or the business's workers.
func (s *Store) LoanFacts(ctx context.Context, l caseload.Loan) (caseload.LoanFacts, error) {
	switch l.BorrowerKind {
	case caseload.BorrowerPerson:
		p, err := s.Person(ctx, l.PersonID)
		if err != nil {
			return caseload.LoanFacts{}, err
		}
		return caseload.LoanFacts{CompletedOn: p.CompletedOn}, nil
	case caseload.BorrowerBusiness:
		b, err := s.Business(ctx, l.BusinessID)
		if err != nil {
			return caseload.LoanFacts{}, err
		}
		return b.LoanFacts(), nil
	}
	return caseload.LoanFacts{}, nil
}

// LoanWarnings checks l against QĐ 22/2023 with its borrower's facts.
func (s *Store) LoanWarnings(ctx context.Context, l caseload.Loan) ([]caseload.LoanWarning, error) {
	f, err := s.LoanFacts(ctx, l)
	if err != nil {
		return nil, err
	}
	return caseload.CheckLoan(l, f), nil
}

// LoanFilter narrows the loan list. Zero fields do not filter.
type LoanFilter struct {
	PersonID     string
	BusinessID   string
	BorrowerKind caseload.BorrowerKind
	Status       caseload.LoanStatus
	Purpose      caseload.LoanPurpose
}

// LoanRow is a loan with its borrower's name and the warnings of the
// QĐ 22/2023 rules, for lists.
type LoanRow struct {
	caseload.Loan
	BorrowerName string
	Hamlet       string
	Warnings     []caseload.LoanWarning
}

// Loans returns the live loans matching f, newest request first, with the
// borrower's name and the rule warnings.
func (s *Store) Loans(ctx context.Context, f LoanFilter) ([]LoanRow, error) {
	where := []string{"l.deleted = 0"}
	var args []any
	add := func(cond string, v any) { where, args = append(where, cond), append(args, v) }
	if f.PersonID != "" {
		add("l.person_id = ?", f.PersonID)
	}
	if f.BusinessID != "" {
		add("l.business_id = ?", f.BusinessID)
	}
	if f.BorrowerKind != "" {
		add("l.borrower_kind = ?", string(f.BorrowerKind))
	}
	if f.Status != "" {
		add("l.status = ?", string(f.Status))
	}
	if f.Purpose != "" {
		add("l.purpose = ?", string(f.Purpose))
	}
	q := `SELECT l.id, coalesce(p.full_name, b.name, ''), coalesce(p.hamlet, ''), coalesce(p.completed_on, ''),
		coalesce(b.workers, 0), coalesce(b.returnee_workers, 0)
		FROM loan l LEFT JOIN person p ON p.id = l.person_id LEFT JOIN business b ON b.id = l.business_id
		WHERE ` + strings.Join(where, " AND ")
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: loans: %w", err)
	}
	type extra struct {
		name, hamlet string
		facts        caseload.LoanFacts
	}
	extras := map[string]extra{}
	for rows.Next() {
		var id, completed string
		var e extra
		if err := rows.Scan(&id, &e.name, &e.hamlet, &completed, &e.facts.Workers, &e.facts.ReturneeWorkers); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: loans: %w", err)
		}
		e.facts.CompletedOn, _ = caseload.ParseDate(completed)
		extras[id] = e
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: loans: %w", err)
	}
	plain := strings.ReplaceAll(strings.Join(where, " AND "), "l.", "")
	recs, err := supList(ctx, s, loanTable, `WHERE `+plain+` ORDER BY requested_on DESC, id DESC`, args...)
	if err != nil {
		return nil, err
	}
	out := make([]LoanRow, 0, len(recs))
	for _, r := range recs {
		e := extras[r.ID]
		out = append(out, LoanRow{Loan: r, BorrowerName: e.name, Hamlet: e.hamlet, Warnings: caseload.CheckLoan(r, e.facts)})
	}
	return out, nil
}

// Mau01List builds the Mẫu 01 list for listDate (normally the 5th of the
// month, QĐ 22/2023 Art. 14(2)(c)): the pending loan requests of people,
// with each person's eligibility on that date.
func (s *Store) Mau01List(ctx context.Context, listDate caseload.Date) ([]caseload.Mau01Row, error) {
	loans, err := supList(ctx, s, loanTable, `WHERE deleted = 0 AND borrower_kind = 'person' AND status = 'requested' ORDER BY requested_on, id`)
	if err != nil {
		return nil, err
	}
	people := map[string]caseload.Person{}
	for _, l := range loans {
		if _, ok := people[l.PersonID]; ok {
			continue
		}
		p, err := s.Person(ctx, l.PersonID)
		if err != nil {
			continue // deleted person: not on the list
		}
		people[l.PersonID] = p
	}
	return caseload.Mau01(listDate, people, loans), nil
}

// MarkMau01Sent records listDate as the Mẫu 01 list date of the given
// loans (the list was sent to the bank), one audited update each, in one
// transaction per loan.
func (s *Store) MarkMau01Sent(ctx context.Context, listDate caseload.Date, loanIDs []string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: mark mau 01 sent: %w", err)
	}
	for _, id := range loanIDs {
		l, err := s.Loan(ctx, id)
		if err != nil {
			return err
		}
		l.ListDate = listDate
		if err := s.SaveLoan(ctx, &l); err != nil {
			return err
		}
	}
	return nil
}
