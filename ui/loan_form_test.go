package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/store"
)

// A loan to a business is saved through the form, with the QĐ 22/2023
// business rules checked live.
func TestLoanFormBusinessBorrower(t *testing.T) {
	st, _, _ := supTestStore(t)
	ctx := context.Background()
	b := caseload.Business{Name: "Công ty TNHH Cơ khí Thành Công", Address: "Tổ 7", Workers: 40, ReturneeWorkers: 2}
	if err := st.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	w := supTestWindow(t)
	s := newSupportScreen(w, st)
	w.SetContent(s.Root)
	f := s.Loans.openForm(caseload.Loan{})
	f.Kind.SetValue(string(caseload.BorrowerBusiness))
	if !f.Person.Entry.Disabled() || f.Business.Disabled() {
		t.Fatal("the business field is not the one enabled")
	}
	f.Business.SetSelected(b.Name)
	f.Amount.SetText("300.000.000")
	test.Type(f.Bank, "NHCSXH huyện Đông Anh")
	f.Term.SetText("60")
	// 2 of 40 workers is under 10 %, and 300,000,000 đ is over 100,000,000 đ per returnee worker × 2.
	if !strings.Contains(f.warnings.Text, "10") || !strings.Contains(f.warnings.Text, "Điều") {
		t.Errorf("live warnings = %q", f.warnings.Text)
	}
	typeShortcut(w, shortcutSave)
	if !f.closed {
		t.Fatalf("not saved: %q", f.errors.Text)
	}
	rows, _ := st.Loans(ctx, store.LoanFilter{BorrowerKind: caseload.BorrowerBusiness})
	if len(rows) != 1 || rows[0].BusinessID != b.ID || rows[0].PersonID != "" || rows[0].Amount != 300_000_000 || rows[0].TermMonths != 60 {
		t.Fatalf("saved = %+v", rows)
	}
	if len(s.Loans.Shown) != 1 || s.Loans.cell(0, 0) != b.Name {
		t.Errorf("list borrower = %q", s.Loans.cell(0, 0))
	}
}
