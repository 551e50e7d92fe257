package demo

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/store"
)

func TestSupportStepFillsTheWard(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ctx := context.Background()
	people, err := Generate(ctx, st, Options{Persons: 80, Today: caseload.D(2026, 5, 1)})
	if err != nil {
		t.Fatal(err)
	}
	models, err := st.Models(ctx)
	if err != nil {
		t.Fatal(err)
	}
	active, has36 := 0, false
	for _, m := range models {
		if m.Status == caseload.ModelActive {
			active++
		}
		if m.Members == 36 {
			has36 = true
		}
	}
	if active < 3 || !has36 {
		t.Errorf("models: %d active, one with 36 members: %v", active, has36)
	}
	// Member names are realistic and all different: no "Bùi Văn Nam (2)".
	seen := map[string]bool{}
	for _, m := range models {
		members, err := st.ModelMembers(ctx, m.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, mm := range members {
			if seen[mm.Name] || strings.ContainsAny(mm.Name, "()0123456789") || len(strings.Fields(mm.Name)) < 3 {
				t.Errorf("member name %q repeated or not a real name", mm.Name)
			}
			seen[mm.Name] = true
		}
	}
	if len(seen) < 36 {
		t.Errorf("only %d member names", len(seen))
	}
	biz, _ := st.Businesses(ctx)
	if len(biz) < 2 {
		t.Errorf("businesses = %d", len(biz))
	}
	loans, _ := st.Loans(ctx, store.LoanFilter{})
	if len(loans) < 3 {
		t.Errorf("loans = %d", len(loans))
	}
	jobs, _ := st.Supports(ctx, store.SupportFilter{Kind: caseload.SupportEmployment})
	if len(jobs) < len(people)/10 {
		t.Errorf("jobs = %d for %d people", len(jobs), len(people))
	}
	for _, l := range loans {
		if err := l.Loan.Validate(); err != nil {
			t.Errorf("demo loan invalid: %v", err)
		}
	}
	if ex, _ := st.Exemplaries(ctx); len(ex) == 0 {
		t.Errorf("no exemplary people")
	}
}

func TestSettleLoanStatus(t *testing.T) {
	today := caseload.D(2026, 11, 21)
	for _, c := range []struct {
		name string
		in   caseload.Loan
		want caseload.LoanStatus
	}{
		{"repaid before its term ends", caseload.Loan{Status: caseload.LoanRepaid, DisbursedOn: caseload.D(2026, 10, 1), TermMonths: 12}, caseload.LoanDisbursed},
		{"repaid after its term", caseload.Loan{Status: caseload.LoanRepaid, DisbursedOn: caseload.D(2024, 1, 1), TermMonths: 12}, caseload.LoanRepaid},
		{"overdue a week after disbursement", caseload.Loan{Status: caseload.LoanOverdue, DisbursedOn: caseload.D(2026, 11, 14), TermMonths: 36}, caseload.LoanDisbursed},
		{"overdue after two years", caseload.Loan{Status: caseload.LoanOverdue, DisbursedOn: caseload.D(2024, 6, 1), TermMonths: 60}, caseload.LoanOverdue},
		{"approved last year", caseload.Loan{Status: caseload.LoanApproved, ListDate: caseload.D(2025, 5, 5)}, caseload.LoanDisbursed},
		{"approved this month", caseload.Loan{Status: caseload.LoanApproved, ListDate: caseload.D(2026, 11, 5)}, caseload.LoanApproved},
	} {
		l := c.in
		settleLoanStatus(&l, today)
		if l.Status != c.want {
			t.Errorf("%s: status %s, want %s", c.name, l.Status, c.want)
		}
	}
}
