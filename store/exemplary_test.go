package store

import (
	"context"
	"errors"
	"testing"

	"hoanhap/caseload"
)

func TestExemplaryRoundTrip(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	p := supPerson(t, s, "Hoàng Văn Tâm", caseload.D(2020, 6, 1))
	e := caseload.Exemplary{PersonID: p.ID, Recognition: "Giấy khen gương hoàn lương tiêu biểu", RecognizedBy: "UBND phường",
		RecognizedOn: caseload.D(2025, 9, 2), Story: "Mở xưởng sửa xe, nhận 3 người cùng hoàn cảnh vào làm."}
	if err := s.SaveExemplary(ctx, &e); err != nil {
		t.Fatal(err)
	}
	list, err := s.PersonExemplary(ctx, p.ID)
	if err != nil || len(list) != 1 || list[0].RecognizedOn != caseload.D(2025, 9, 2) {
		t.Fatalf("PersonExemplary = %+v, %v", list, err)
	}
	all, _ := s.Exemplaries(ctx)
	if len(all) != 1 || all[0].PersonName != "Hoàng Văn Tâm" {
		t.Errorf("Exemplaries = %+v", all)
	}
	bad := caseload.Exemplary{PersonID: "ghost", Recognition: "x"}
	var v *caseload.ValidationError
	if err := s.SaveExemplary(ctx, &bad); !errors.As(err, &v) || len(v.For("person_id")) == 0 {
		t.Errorf("unknown person: %v", err)
	}
}
