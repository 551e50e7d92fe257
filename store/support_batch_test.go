package store

import (
	"context"
	"testing"

	"hoanhap/caseload"
)

func TestSaveSupports(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	p := supPerson(t, s, "Lê Văn Hùng", caseload.D(2025, 3, 15))
	existing := caseload.Support{PersonID: p.ID, Kind: caseload.SupportCounselling, Date: caseload.D(2025, 4, 1), Provider: "Công an phường"}
	if err := s.SaveSupport(ctx, &existing); err != nil {
		t.Fatal(err)
	}
	sup := func(kind caseload.SupportKind, d caseload.Date) caseload.Support {
		return caseload.Support{PersonID: p.ID, Kind: kind, Date: d, Provider: "  Hội Phụ nữ phường ", Outcome: "Hoàn thành"}
	}
	changed := existing
	changed.Outcome = "Đã tư vấn pháp luật"
	recs := []caseload.Support{sup(caseload.SupportIDCard, caseload.D(2025, 5, 2)), changed, sup(caseload.SupportLegalAid, caseload.D(2025, 6, 3))}
	auditBefore := supCount(t, s, `SELECT count(*) FROM audit`)
	if err := s.SaveSupports(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if recs[0].ID == "" || recs[0].Provider != "Hội Phụ nữ phường" || recs[1].Ver != existing.Ver+1 || recs[1].ID != existing.ID {
		t.Errorf("records not filled in place: %+v", recs)
	}
	list, err := s.PersonSupports(ctx, p.ID)
	if err != nil || len(list) != 3 {
		t.Fatalf("person supports = %+v, %v", list, err)
	}
	if got, _ := s.Support(ctx, existing.ID); got.Outcome != "Đã tư vấn pháp luật" {
		t.Errorf("update not stored: %+v", got)
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit`) - auditBefore; n != 3 {
		t.Errorf("%d audit rows, want 3", n)
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'support' AND action = 'update' AND record_id = ?`, existing.ID); n != 1 {
		t.Errorf("%d update audit rows", n)
	}

	stale := recs[1]
	stale.Ver--
	unknown := sup(caseload.SupportIDCard, caseload.D(2025, 5, 2))
	unknown.PersonID = "nobody"
	for _, c := range []struct {
		name string
		bad  caseload.Support
		want func(error) bool
	}{
		{"invalid", caseload.Support{PersonID: p.ID, Kind: caseload.SupportCounselling}, isValidation},
		{"unknown person", unknown, isValidation},
		{"stale version", stale, isErr(ErrConflict)},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			recs := []caseload.Support{sup(caseload.SupportTraining, caseload.D(2025, 7, 1)), c.bad}
			checkAborted(t, s, s.SaveSupports(ctx, recs), "support 2", c.want, before)
			if recs[0].ID != "" {
				t.Errorf("first support got an id")
			}
			if got, _ := s.Support(ctx, existing.ID); got.Ver != existing.Ver+1 || got.Outcome != "Đã tư vấn pháp luật" {
				t.Errorf("stored record changed: %+v", got)
			}
		})
	}
}

func TestSaveLoans(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	p := supPerson(t, s, "Lê Văn Hùng", caseload.D(2025, 3, 15))
	b := caseload.Business{Name: "Công ty TNHH May Hòa Bình", Workers: 40, ReturneeWorkers: 3}
	if err := s.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	loan := func(amount int64) caseload.Loan {
		return caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
			Amount: amount, RequestedOn: caseload.D(2026, 3, 16), TermMonths: 60, Status: caseload.LoanRequested}
	}
	biz := caseload.Loan{BorrowerKind: caseload.BorrowerBusiness, BusinessID: b.ID, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
		Amount: 400_000_000, RequestedOn: caseload.D(2025, 6, 1), Status: caseload.LoanRequested}
	recs := []caseload.Loan{loan(50_000_000), biz}
	if err := s.SaveLoans(ctx, recs); err != nil {
		t.Fatal(err)
	}
	if recs[1].PersonID != "" || recs[1].ID == "" {
		t.Errorf("business loan = %+v", recs[1])
	}
	rows, err := s.Loans(ctx, LoanFilter{})
	if err != nil || len(rows) != 2 {
		t.Fatalf("loans = %+v, %v", rows, err)
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'loan' AND action = 'insert'`); n != 2 {
		t.Errorf("%d audit rows", n)
	}

	unknown := biz
	unknown.BusinessID = "nope"
	for _, c := range []struct {
		name string
		bad  caseload.Loan
		want func(error) bool
	}{
		{"invalid", loan(0), isValidation},
		{"unknown business", unknown, isValidation},
	} {
		t.Run(c.name, func(t *testing.T) {
			before := batchSnapshot(t, s)
			recs := []caseload.Loan{loan(30_000_000), c.bad}
			checkAborted(t, s, s.SaveLoans(ctx, recs), "loan 2", c.want, before)
			if recs[0].ID != "" {
				t.Errorf("first loan got an id")
			}
		})
	}
}
