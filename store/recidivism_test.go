package store

import (
	"context"
	"encoding/json"
	"strings"
	"testing"

	"hoanhap/caseload"
)

// TestRecidivismRestartsExpungement: recording a new conviction sets the
// person's new_conviction_on (the latest conviction date, audited, in the
// same transaction), which restarts the expungement period (BLHS 2015
// Art. 73(2)): the worklist stops prompting for the old record.
func TestRecidivismRestartsExpungement(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Kiều Văn Phúc", caseload.D(2025, 3, 2))
	// Prison 36 months completed 10/03/2024: automatic expungement on
	// 10/03/2026 (Art. 70(2)(b)), within 30 days of 01/03/2026.
	p.CompletedOn, p.CivilObligations = caseload.D(2024, 3, 10), caseload.CivilObligations{None: true}
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	today := caseload.D(2026, 3, 1)
	expItems := func() []string {
		t.Helper()
		items, err := s.Worklist(ctx, today)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			if it.Kind == caseload.WorkExpungement && it.PersonID == p.ID {
				out = append(out, it.Due.String())
			}
		}
		return out
	}
	if got := expItems(); strings.Join(got, ",") != "2026-03-10" {
		t.Fatalf("before the conviction: expungement items %v", got)
	}
	updates := func() int {
		return svCount(t, s, `SELECT count(*) FROM audit WHERE tbl = 'person' AND record_id = ? AND action = 'update'`, p.ID)
	}
	before := updates()

	add := func(day caseload.Date) {
		t.Helper()
		r := caseload.Recidivism{PersonID: p.ID, Date: day, Offense: "Trộm cắp tài sản"}
		if err := s.AddRecidivism(ctx, &r, nil); err != nil {
			t.Fatal(err)
		}
	}
	add(caseload.D(2025, 12, 1))
	got, err := s.Person(ctx, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.NewConvictionOn != caseload.D(2025, 12, 1) || got.Ver != p.Ver+1 || got.Status != caseload.StatusManaged {
		t.Fatalf("after the conviction: new_conviction_on %s, ver %d (was %d), status %s",
			got.NewConvictionOn, got.Ver, p.Ver, got.Status)
	}
	if n := updates(); n != before+1 {
		t.Errorf("person audit updates = %d, want %d", n, before+1)
	}
	log, err := s.Audit(ctx, "person", p.ID)
	if err != nil || !strings.Contains(log[len(log)-1].New, `"new_conviction_on":"2025-12-01"`) {
		t.Errorf("last audit entry lacks the new date: %v", err)
	}
	if items := expItems(); len(items) != 0 {
		t.Errorf("BLHS 2015 Art. 73(2): worklist still prompts expungement on %v", items)
	}
	if x := caseload.ComputeExpungement(got); !x.EligibleOn.IsZero() {
		t.Errorf("eligible on %s after a conviction within the period", x.EligibleOn)
	}

	// An older conviction recorded later keeps the latest date and does not
	// touch the person row.
	add(caseload.D(2025, 6, 1))
	if again, _ := s.Person(ctx, p.ID); again.NewConvictionOn != caseload.D(2025, 12, 1) || again.Ver != got.Ver {
		t.Errorf("older conviction: new_conviction_on %s, ver %d", again.NewConvictionOn, again.Ver)
	}
	if n := updates(); n != before+1 {
		t.Errorf("older conviction wrote a person update (%d)", n)
	}
	// A later one moves it.
	add(caseload.D(2026, 1, 15))
	if again, _ := s.Person(ctx, p.ID); again.NewConvictionOn != caseload.D(2026, 1, 15) {
		t.Errorf("later conviction: new_conviction_on %s", again.NewConvictionOn)
	}
}

// TestRecidivismWithEndKeepsDate: with the end of management in the same
// call, the person is ended and keeps the conviction date; a failing end
// leaves the date unchanged as well (one transaction).
func TestRecidivismWithEndKeepsDate(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Kim Thị Quyên", caseload.D(2025, 3, 2))
	bad := caseload.Recidivism{PersonID: p.ID, Date: caseload.D(2026, 9, 1), Offense: "Đánh bạc"}
	if err := s.AddRecidivism(ctx, &bad, &caseload.CaseEnd{}); err == nil {
		t.Fatal("end without decision accepted")
	}
	if got, _ := s.Person(ctx, p.ID); !got.NewConvictionOn.IsZero() || got.Ver != p.Ver {
		t.Errorf("failed call changed the person: %s, ver %d", got.NewConvictionOn, got.Ver)
	}
	r := caseload.Recidivism{PersonID: p.ID, Date: caseload.D(2026, 9, 1), Offense: "Đánh bạc"}
	end := caseload.CaseEnd{Decision: caseload.Decision{Number: "90/QĐ", Date: caseload.D(2026, 9, 20)}}
	if err := s.AddRecidivism(ctx, &r, &end); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(ctx, p.ID)
	if got.NewConvictionOn != caseload.D(2026, 9, 1) || got.Status != caseload.StatusEnded ||
		got.EndReason != caseload.EndNewSentence {
		t.Errorf("person = %s %s %s", got.NewConvictionOn, got.Status, got.EndReason)
	}
	// The dump carries the field under its canonical JSON name.
	dump, err := s.Dump(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var rec map[string]any
	if err := json.Unmarshal(dump["person"][0], &rec); err != nil {
		t.Fatal(err)
	}
	if rec["new_conviction_on"] != "2026-09-01" {
		t.Errorf("dump new_conviction_on = %v", rec["new_conviction_on"])
	}
}

// TestRecidivismOffenceDayCounts: BLHS 2015 Art. 73(2) looks at when the
// new offence was committed. An offence committed within the old record's
// period but judged after its end date still restarts the period; the
// judgment date alone would have said "already cleared". The offence day
// is stored, read back and must not follow the judgment.
func TestRecidivismOffenceDayCounts(t *testing.T) {
	s := svOpen(t)
	ctx := context.Background()
	p := svManaged(t, s, "Mạc Văn Tùng", caseload.D(2025, 3, 2))
	// Prison 36 months completed 10/03/2023: automatic expungement on
	// 10/03/2025 (Art. 70(2)(b)).
	p.CompletedOn, p.CivilObligations = caseload.D(2023, 3, 10), caseload.CivilObligations{None: true}
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	r := caseload.Recidivism{PersonID: p.ID, Date: caseload.D(2025, 9, 20), OffenseOn: caseload.D(2025, 1, 5),
		Offense: "Cố ý gây thương tích"}
	if err := s.AddRecidivism(ctx, &r, nil); err != nil {
		t.Fatal(err)
	}
	got, _ := s.Person(ctx, p.ID)
	if got.NewConvictionOn != caseload.D(2025, 1, 5) {
		t.Fatalf("new_conviction_on = %s, want the offence day 2025-01-05", got.NewConvictionOn)
	}
	if x := caseload.ComputeExpungement(got); !x.EligibleOn.IsZero() {
		t.Errorf("offence on 05/01/2025 within the period (to 10/03/2025): still eligible on %s", x.EligibleOn)
	}
	recs, err := s.Recidivisms(ctx, p.ID)
	if err != nil || len(recs) != 1 || recs[0].OffenseOn != caseload.D(2025, 1, 5) || recs[0].Date != caseload.D(2025, 9, 20) {
		t.Fatalf("stored recidivism = %+v, %v", recs, err)
	}
	// Judged before the offence: refused, nothing written.
	bad := caseload.Recidivism{PersonID: p.ID, Date: caseload.D(2025, 1, 1), OffenseOn: caseload.D(2025, 2, 1), Offense: "Trộm cắp tài sản"}
	if err := s.AddRecidivism(ctx, &bad, nil); err == nil {
		t.Error("a judgment dated before its offence was accepted")
	}
	if n := svCount(t, s, `SELECT count(*) FROM recidivism WHERE person_id = ?`, p.ID); n != 1 {
		t.Errorf("%d recidivism rows after the refused one", n)
	}
}
