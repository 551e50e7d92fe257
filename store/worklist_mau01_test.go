package store

import (
	"context"
	"testing"

	"hoanhap/caseload"
)

// TestWorklistMau01FollowsLoans: the Mẫu 01 item of the worklist (QĐ
// 22/2023 Art. 14(2)(c)) appears on the 1st–5th only when an eligible
// person has a pending loan request and the month's list has not been
// marked sent.
func TestWorklistMau01FollowsLoans(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	july, august := caseload.D(2026, 7, 3), caseload.D(2026, 8, 3)
	hasList := func(step string, today caseload.Date) bool {
		t.Helper()
		items := wlCheck(t, step, s, today)
		return wlHas(items, caseload.WorkLoanList, "")
	}
	if hasList("empty", july) {
		t.Error("empty store: Mẫu 01 item without any request")
	}
	request := func(p caseload.Person, on caseload.Date) caseload.Loan {
		t.Helper()
		l := caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
			Amount: 50_000_000, RequestedOn: on, TermMonths: 36, Status: caseload.LoanRequested}
		if err := s.SaveLoan(ctx, &l); err != nil {
			t.Fatal(err)
		}
		return l
	}
	// Completed 01/03/2021: the 5-year window closed on 01/03/2026 (Art. 3).
	old := supPerson(t, s, "Đỗ Văn Bình", caseload.D(2021, 3, 1))
	request(old, caseload.D(2026, 6, 20))
	if hasList("ineligible request", july) {
		t.Error("Mẫu 01 item for a request nobody eligible made")
	}
	ok := supPerson(t, s, "Phạm Văn An", caseload.D(2024, 1, 10))
	l := request(ok, caseload.D(2026, 6, 25))
	if !hasList("eligible request", july) {
		t.Fatal("no Mẫu 01 item for an eligible request")
	}
	if hasList("after the 5th", caseload.D(2026, 7, 6)) {
		t.Error("Mẫu 01 item after the 5th")
	}
	// The officer sends July's list (the support screen's "mark as sent").
	listDate := caseload.Mau01Date(2026, 7)
	if err := s.MarkMau01Sent(ctx, listDate, []string{l.ID}); err != nil {
		t.Fatal(err)
	}
	if hasList("sent", july) {
		t.Error("Mẫu 01 item after the list was marked sent")
	}
	// August: the July request waits for the bank, nobody new: no item.
	if hasList("next month", august) {
		t.Error("August: Mẫu 01 item for a request already sent in July")
	}
	request(ok, caseload.D(2026, 7, 20))
	if !hasList("new request", august) {
		t.Error("August: no Mẫu 01 item for a new eligible request")
	}
	// Deleting the borrower takes the request off the list.
	if err := s.DeletePerson(ctx, ok.ID); err != nil {
		t.Fatal(err)
	}
	if hasList("borrower deleted", august) {
		t.Error("August: Mẫu 01 item for a deleted borrower")
	}
}
