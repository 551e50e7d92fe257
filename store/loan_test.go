package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestSaveLoanAndWarnings(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	p := supPerson(t, s, "Lê Văn Hùng", caseload.D(2021, 3, 15))
	l := caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
		Amount: 120_000_000, RequestedOn: caseload.D(2026, 3, 16), TermMonths: 60, Status: caseload.LoanRequested,
		BankBranch: "NHCSXH Hòa Bình"}
	if err := s.SaveLoan(ctx, &l); err != nil {
		t.Fatal(err)
	}
	got, err := s.Loan(ctx, l.ID)
	if err != nil || got.Amount != 120_000_000 || got.BusinessID != "" || got.PersonID != p.ID {
		t.Fatalf("round trip = %+v, %v", got, err)
	}
	ws, err := s.LoanWarnings(ctx, got)
	if err != nil {
		t.Fatal(err)
	}
	if len(ws) != 2 || ws[0].Key != "loan.warn.individual_ceiling" || ws[1].Key != "loan.warn.window_passed" {
		t.Errorf("warnings = %v", ws)
	}
	rows, err := s.Loans(ctx, LoanFilter{Status: caseload.LoanRequested})
	if err != nil || len(rows) != 1 || rows[0].BorrowerName != "Lê Văn Hùng" || len(rows[0].Warnings) != 2 {
		t.Fatalf("Loans = %+v, %v", rows, err)
	}
	if rows, _ := s.Loans(ctx, LoanFilter{Status: caseload.LoanRepaid}); len(rows) != 0 {
		t.Errorf("status filter ignored")
	}
	// Status moves on.
	got.Status, got.DisbursedOn = caseload.LoanDisbursed, caseload.D(2026, 3, 20)
	if err := s.SaveLoan(ctx, &got); err != nil {
		t.Fatal(err)
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'loan' AND record_id = ?`, l.ID); n != 2 {
		t.Errorf("audit rows = %d", n)
	}
}

func TestSaveLoanRejectsImpossible(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		loan  caseload.Loan
		field string
	}{
		{"zero amount", caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: "x", Purpose: caseload.PurposeBusiness,
			Status: caseload.LoanRequested, RequestedOn: caseload.D(2025, 1, 1)}, "amount"},
		{"unknown business", caseload.Loan{BorrowerKind: caseload.BorrowerBusiness, BusinessID: "nope", Purpose: caseload.PurposeBusiness,
			Status: caseload.LoanRequested, Amount: 1, RequestedOn: caseload.D(2025, 1, 1)}, "business_id"},
	}
	for _, tt := range tests {
		err := s.SaveLoan(ctx, &tt.loan)
		var v *caseload.ValidationError
		if !errors.As(err, &v) || len(v.For(tt.field)) == 0 {
			t.Errorf("%s: err = %v", tt.name, err)
		}
	}
	if n := supCount(t, s, `SELECT count(*) FROM loan`); n != 0 {
		t.Errorf("rows written: %d", n)
	}
}

func TestBusinessLoanUsesBusinessFacts(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	b := caseload.Business{Name: "Công ty TNHH May Hòa Bình", Workers: 40, ReturneeWorkers: 3}
	if err := s.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	l := caseload.Loan{BorrowerKind: caseload.BorrowerBusiness, BusinessID: b.ID, Purpose: caseload.PurposeBusiness,
		Amount: 400_000_000, RequestedOn: caseload.D(2025, 6, 1), Status: caseload.LoanRequested}
	if err := s.SaveLoan(ctx, &l); err != nil {
		t.Fatal(err)
	}
	rows, err := s.Loans(ctx, LoanFilter{BusinessID: b.ID})
	if err != nil || len(rows) != 1 {
		t.Fatalf("Loans = %v, %v", rows, err)
	}
	var keys []string
	for _, w := range rows[0].Warnings {
		keys = append(keys, w.Key)
	}
	// 3 of 40 workers is 7.5 % (< 10 %, Art. 3); 400,000,000 > 3 × 100,000,000 (Art. 6).
	if len(keys) != 2 || keys[0] != "loan.warn.enterprise_worker_ceiling" || keys[1] != "loan.warn.returnee_share" {
		t.Errorf("warnings = %v", keys)
	}
	if rows[0].BorrowerName != b.Name {
		t.Errorf("borrower = %q", rows[0].BorrowerName)
	}
}

func TestMau01List(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	in := supPerson(t, s, "Phạm Văn An", caseload.D(2021, 4, 5))
	out := supPerson(t, s, "Đỗ Văn Bình", caseload.D(2021, 4, 4))
	for _, p := range []caseload.Person{in, out} {
		l := caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
			Amount: 50_000_000, RequestedOn: caseload.D(2026, 3, 20), Status: caseload.LoanRequested}
		if err := s.SaveLoan(ctx, &l); err != nil {
			t.Fatal(err)
		}
	}
	list := caseload.Mau01Date(2026, 4)
	rows, err := s.Mau01List(ctx, list)
	if err != nil {
		t.Fatal(err)
	}
	elig := map[string]bool{}
	var ids []string
	for _, r := range rows {
		elig[r.Person.FullName] = r.Eligible
		ids = append(ids, r.Loan.ID)
	}
	if len(rows) != 2 || !elig["Phạm Văn An"] || elig["Đỗ Văn Bình"] {
		t.Fatalf("Mẫu 01 = %v", elig)
	}
	if err := s.MarkMau01Sent(ctx, list, ids[:1]); err != nil {
		t.Fatal(err)
	}
	// Sent on April's list: still on April's, not on May's.
	if rows, _ := s.Mau01List(ctx, list); len(rows) != 2 {
		t.Errorf("April list after sending = %d rows", len(rows))
	}
	if rows, _ := s.Mau01List(ctx, caseload.Mau01Date(2026, 5)); len(rows) != 1 {
		t.Errorf("May list = %d rows, want 1", len(rows))
	}
}
