package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestBusinessRoundTripAndValidation(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	b := caseload.Business{Name: "  Công ty CP Gạch Hòa Bình ", Address: "Tổ 5", Workers: 60, ReturneeWorkers: 7,
		IncomeNotes: "Thu nhập 6–8 triệu đồng/tháng"}
	if err := s.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	got, err := s.Business(ctx, b.ID)
	if err != nil || got.Name != "Công ty CP Gạch Hòa Bình" || got.ReturneeWorkers != 7 || got.IncomeNotes != b.IncomeNotes {
		t.Fatalf("round trip = %+v, %v", got, err)
	}
	bad := caseload.Business{Name: "X", Workers: 2, ReturneeWorkers: 5}
	var v *caseload.ValidationError
	if err := s.SaveBusiness(ctx, &bad); !errors.As(err, &v) || len(v.For("returnee_workers")) == 0 {
		t.Errorf("more returnees than workers: %v", err)
	}
	if err := s.DeleteBusiness(ctx, b.ID); err != nil {
		t.Fatal(err)
	}
	if rows, _ := s.Businesses(ctx); len(rows) != 0 {
		t.Errorf("deleted business listed")
	}
	if n := supCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'business'`); n != 2 {
		t.Errorf("audit rows = %d", n)
	}
}
