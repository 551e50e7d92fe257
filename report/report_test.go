package report_test

import (
	"context"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"hoanhap/caseload"
	"hoanhap/report"
	"hoanhap/store"
)

// fixture is a store with hand-placed people and records around the June
// 2026 data month (15/05/2026–14/06/2026, NĐ 09/2019 Art. 12) and the
// ids the tests need.
type fixture struct {
	st     *store.Store
	people map[string]caseload.Person
}

func openStore(t testing.TB) *store.Store {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "report.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// person saves a managed person who returned on returned (completed the
// sentence five days before).
func (f *fixture) person(t testing.TB, key string, g caseload.Gender, rk caseload.ReleaseKind, returned string, edit func(p *caseload.Person)) caseload.Person {
	t.Helper()
	r := caseload.MustDate(returned)
	p := caseload.Person{FullName: "Nguyễn Văn " + key, Gender: g, BirthDate: caseload.BirthDate{Year: 1985},
		SentenceKind: caseload.SentencePrison, SentenceMonths: 24, ReleaseKind: rk,
		CompletedOn: r.AddDays(-5), ReturnedOn: r, Status: caseload.StatusManaged}
	if edit != nil {
		edit(&p)
	}
	must(t, f.st.SavePerson(context.Background(), &p))
	f.people[key] = p
	return p
}

func (f *fixture) end(t testing.TB, key string, reason caseload.EndReason, on string) {
	t.Helper()
	c := caseload.CaseEnd{PersonID: f.people[key].ID, Reason: reason,
		Decision: caseload.Decision{Number: "5/QĐ-UBND", Date: caseload.MustDate(on)}}
	if reason == caseload.EndMovedAway {
		c.Destination = "Phường Bến Nghé"
	}
	must(t, f.st.EndCase(context.Background(), &c))
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	ctx := context.Background()
	f := &fixture{st: openStore(t), people: map[string]caseload.Person{}}
	st := f.st
	M, F := caseload.Male, caseload.Female
	done, amnesty, cond := caseload.ReleaseCompleted, caseload.ReleaseAmnesty, caseload.ReleaseConditional

	// Returned on the first and the last day of the period.
	f.person(t, "P1", M, done, "2026-05-15", func(p *caseload.Person) { p.EmployedBefore = true })
	f.person(t, "P2", F, amnesty, "2026-06-14", nil)
	// Returned the day before and the day after the period.
	f.person(t, "P3", M, cond, "2026-05-14", func(p *caseload.Person) { p.Group = caseload.GroupB })
	f.person(t, "P4", F, done, "2026-06-15", nil)
	// Ended before the period (dead), and inside it (moved away).
	f.person(t, "P5", M, done, "2025-01-10", nil)
	f.end(t, "P5", caseload.EndDead, "2026-05-01")
	f.person(t, "P6", M, done, "2025-03-01", nil)
	// Expunged inside the period (ends management), and long before.
	f.person(t, "P7", M, done, "2024-02-01", nil)
	f.end(t, "P7", caseload.EndExpunged, "2026-06-10")
	f.person(t, "P8", M, done, "2020-01-01", nil)
	f.end(t, "P8", caseload.EndExpunged, "2023-05-05")
	// A new offence inside the period, then a new sentence; and one the day before.
	f.person(t, "P9", M, done, "2025-06-01", nil)
	rec := caseload.Recidivism{PersonID: f.people["P9"].ID, Date: caseload.D(2026, 6, 12), OffenseOn: caseload.D(2026, 6, 1), Offense: "Trộm cắp tài sản"}
	must(t, st.AddRecidivism(ctx, &rec, &caseload.CaseEnd{Reason: caseload.EndNewSentence, Decision: caseload.Decision{Number: "9/QĐ", Date: caseload.D(2026, 6, 12)}}))
	f.person(t, "P10", M, done, "2025-08-01", nil)
	rec = caseload.Recidivism{PersonID: f.people["P10"].ID, Date: caseload.D(2026, 5, 30), OffenseOn: caseload.D(2026, 5, 14), Offense: "Đánh bạc"}
	must(t, st.AddRecidivism(ctx, &rec, nil))
	// An expected person and a deleted one are never counted.
	n := caseload.Notice{Sender: "Trại giam Ba Sao", NoticeDate: caseload.D(2026, 5, 20), ExpectedRelease: caseload.D(2026, 7, 20)}
	exp := caseload.Person{FullName: "Trần Văn Chờ", Gender: M, BirthDate: caseload.BirthDate{Year: 1990}}
	must(t, st.AddNotice(ctx, &n, &exp))
	del := f.person(t, "P12", M, done, "2026-06-01", nil)
	must(t, st.DeletePerson(ctx, del.ID))

	// Groups: P1 classified A in the period; P10 C before the end, D after it.
	for _, c := range []caseload.Classification{
		{PersonID: f.people["P1"].ID, Quarter: "2026-Q2", Group: caseload.GroupA, On: caseload.D(2026, 6, 1), By: "Hải", Reason: "Báo cáo quý"},
		{PersonID: f.people["P10"].ID, Quarter: "2026-Q2", Group: caseload.GroupC, On: caseload.D(2026, 4, 2), By: "Hải", Reason: "Báo cáo quý"},
		{PersonID: f.people["P10"].ID, Quarter: "2026-Q3", Group: caseload.GroupD, On: caseload.D(2026, 6, 20), By: "Hải", Reason: "Báo cáo quý"},
	} {
		must(t, st.Classify(ctx, &c))
	}

	// Mentors: one running at the end, one closed by P6's move.
	m1 := caseload.Mentor{Kind: caseload.MentorPerson, Name: "Lê Thị Hoa", Organisation: caseload.OrgWomenUnion, Active: true}
	m2 := caseload.Mentor{Kind: caseload.MentorPerson, Name: "Phạm Văn Tâm", Organisation: caseload.OrgVeterans, Active: true}
	m3 := caseload.Mentor{Kind: caseload.MentorPerson, Name: "Đỗ Văn Nhàn", Organisation: caseload.OrgVeterans, Active: true}
	for _, m := range []*caseload.Mentor{&m1, &m2, &m3} {
		must(t, st.SaveMentor(ctx, m))
	}
	must(t, st.Assign(ctx, &caseload.Assignment{PersonID: f.people["P1"].ID, MentorID: m1.ID, From: caseload.D(2026, 5, 20),
		Decision: caseload.Decision{Number: "3/QĐ-UBND", Date: caseload.D(2026, 5, 20)}}))
	must(t, st.Assign(ctx, &caseload.Assignment{PersonID: f.people["P6"].ID, MentorID: m2.ID, From: caseload.D(2025, 4, 1),
		Decision: caseload.Decision{Number: "4/QĐ-UBND", Date: caseload.D(2025, 4, 1)}}))
	f.end(t, "P6", caseload.EndMovedAway, "2026-05-20")

	// Visits: two on the edges of the period, one after; one corrected.
	visit := func(key, on string) caseload.Visit {
		v := caseload.Visit{PersonID: f.people[key].ID, Date: caseload.MustDate(on), AuthorKind: caseload.AuthorOfficer,
			AuthorName: "Hải", Kind: caseload.VisitHome}
		must(t, st.AddVisit(ctx, &v))
		return v
	}
	visit("P1", "2026-05-15")
	visit("P1", "2026-06-14")
	visit("P1", "2026-06-15")
	old := visit("P2", "2026-06-14")
	fix := caseload.Visit{PersonID: f.people["P2"].ID, Date: caseload.D(2026, 6, 14), AuthorKind: caseload.AuthorOfficer,
		AuthorName: "Hải", Kind: caseload.VisitOffice}
	must(t, st.CorrectVisit(ctx, old.ID, &fix))

	// Loans: one disbursed on the first day, one the day before, one
	// after, one never disbursed.
	loan := func(key string, amount int64, requested, disbursed string, status caseload.LoanStatus) {
		l := caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: f.people[key].ID, Amount: amount,
			Purpose: caseload.PurposeBusiness, RequestedOn: caseload.MustDate(requested), TermMonths: 36, Status: status}
		if disbursed != "" {
			l.DisbursedOn = caseload.MustDate(disbursed)
		}
		must(t, st.SaveLoan(ctx, &l))
	}
	loan("P1", 30_000_000, "2026-05-15", "2026-05-15", caseload.LoanDisbursed)
	loan("P3", 20_000_000, "2026-05-14", "2026-05-14", caseload.LoanDisbursed)
	loan("P1", 10_000_000, "2026-06-01", "", caseload.LoanRequested)
	loan("P2", 40_000_000, "2026-06-14", "2026-06-15", caseload.LoanDisbursed)

	// Supports: counselling twice to P1 (one person), once to P2;
	// employment of P1 from the last day, P3 since January, P10 ended
	// before the end.
	support := func(key string, kind caseload.SupportKind, on, ended string) {
		s := caseload.Support{PersonID: f.people[key].ID, Kind: kind, Date: caseload.MustDate(on), Provider: "Hội LHPN"}
		if kind == caseload.SupportEmployment {
			s.Employer = "Công ty May 10"
		}
		if ended != "" {
			s.EndedOn = caseload.MustDate(ended)
		}
		must(t, st.SaveSupport(ctx, &s))
	}
	support("P1", caseload.SupportCounselling, "2026-05-20", "")
	support("P1", caseload.SupportCounselling, "2026-06-02", "")
	support("P2", caseload.SupportCounselling, "2026-06-14", "")
	support("P1", caseload.SupportEmployment, "2026-06-14", "")
	support("P3", caseload.SupportEmployment, "2026-01-05", "")
	support("P10", caseload.SupportEmployment, "2026-02-01", "2026-06-01")

	// Models: one active started before, one started in the period and
	// recognised, one ended.
	models := []caseload.Model{
		{Name: "Tổ tự quản", Type: "Tổ tự quản", StartedOn: caseload.D(2024, 3, 1), Status: caseload.ModelActive},
		{Name: "Câu lạc bộ Hoàn lương", Type: "Câu lạc bộ", StartedOn: caseload.D(2026, 6, 1), Status: caseload.ModelActive,
			RecognizedBy: "UBND quận", RecognizedOn: caseload.D(2026, 6, 10)},
		{Name: "Mô hình cũ", Type: "Câu lạc bộ", StartedOn: caseload.D(2022, 1, 1), Status: caseload.ModelEnded},
	}
	for i := range models {
		must(t, st.SaveModel(ctx, &models[i]))
	}
	for i, mid := range []string{models[0].ID, models[0].ID, models[1].ID, models[2].ID} {
		mm := caseload.ModelMember{ModelID: mid, Name: "Thành viên " + string(rune('A'+i)), Role: caseload.RoleMember}
		must(t, st.SaveModelMember(ctx, &mm))
	}
	for _, b := range []caseload.Business{
		{Name: "Công ty May 10", Workers: 50, ReturneeWorkers: 6},
		{Name: "HTX Rau sạch", Workers: 10, ReturneeWorkers: 2},
	} {
		must(t, st.SaveBusiness(ctx, &b))
	}
	for _, e := range []caseload.Exemplary{
		{PersonID: f.people["P1"].ID, Recognition: "Giấy khen", RecognizedOn: caseload.D(2026, 6, 14)},
		{PersonID: f.people["P3"].ID, Recognition: "Giấy khen", RecognizedOn: caseload.D(2026, 5, 14)},
	} {
		must(t, st.SaveExemplary(ctx, &e))
	}
	return f
}

func TestJuneReportEveryIndicator(t *testing.T) {
	f := newFixture(t)
	p, err := report.ParsePeriod(report.Month, "2026-06", report.DefaultCutoffDay)
	must(t, err)
	if p.From != caseload.D(2026, 5, 15) || p.To != caseload.D(2026, 6, 14) {
		t.Fatalf("period = %v – %v", p.From, p.To)
	}
	r, err := report.Compute(context.Background(), f.st, p)
	must(t, err)
	supports := map[string]int{}
	for _, k := range caseload.SupportKinds {
		supports[string(k)] = 0
	}
	supports["counselling"] = 2 // P1 (twice, one person) and P2
	supports["employment"] = 1  // P1 from 14/06
	ended := map[string]int{}
	for _, k := range caseload.EndReasons {
		ended[string(k)] = 0
	}
	ended["moved_away"] = 1   // P6 on 20/05
	ended["expunged"] = 1     // P7 on 10/06
	ended["new_sentence"] = 1 // P9 on 12/06; P5 (01/05) and P8 (2023) are before
	want := report.Indicators{
		Returned:                   2, // P1 on 15/05, P2 on 14/06; not P3 (14/05) nor P4 (15/06)
		ReturnedCompleted:          1,
		ReturnedAmnesty:            1,
		ReturnedConditionalRelease: 0,
		ReturnedMale:               1,
		ReturnedFemale:             1,
		ReturnedEmployedBefore:     1,
		Expunged:                   1, // P7
		ExpungedCumulative:         2, // P7, P8
		ManagedEnd:                 4, // P1, P2, P3, P10
		ManagedEndGroupA:           1, // P1 classified A on 01/06
		ManagedEndGroupB:           1, // P3, group on the profile
		ManagedEndGroupC:           1, // P10: C on 02/04, D only on 20/06
		ManagedEndGroupD:           0,
		ManagedEndUnclassified:     1, // P2
		ManagedDuring:              7, // P1, P2, P3, P6, P7, P9, P10
		Recidivism:                 1, // P9 (offence 01/06); P10's offence is 14/05
		RecidivismRate:             1.0 / 7,
		Loans:                      1,
		LoansAmount:                30_000_000,
		LoansCumulative:            2,
		LoansAmountCumulative:      50_000_000,
		Supports:                   supports,
		EmployedEnd:                2, // P1 (from the last day), P3; P10's job ended 01/06
		Visits:                     3, // 15/05, 14/06, the corrected 14/06 once
		MentorsActive:              1, // m1; m2 closed on 20/05
		Ended:                      ended,
		ModelsActive:               2,
		ModelsStarted:              1,
		ModelMembers:               3,
		ModelsRecognised:           1,
		Businesses:                 2,
		BusinessReturneeWorkers:    8,
		Exemplary:                  1, // P1 on 14/06; P3's is 14/05
	}
	if !reflect.DeepEqual(r.Indicators, want) {
		gj, _ := json.MarshalIndent(r.Indicators, "", " ")
		wj, _ := json.MarshalIndent(want, "", " ")
		t.Fatalf("indicators\n got %s\nwant %s", gj, wj)
	}
	// The period lies in one calendar year: one row, the same figures.
	if len(r.Years) != 1 || r.Years[0] != (report.YearRow{Year: 2026, Returned: 2, ManagedDuring: 7, Recidivism: 1, RecidivismRate: 1.0 / 7}) {
		t.Fatalf("years = %+v", r.Years)
	}
	// January's period starts in December: two rows.
	jan, _ := report.ParsePeriod(report.Month, "2026-01", report.DefaultCutoffDay)
	rj, err := report.Compute(context.Background(), f.st, jan)
	must(t, err)
	if len(rj.Years) != 2 || rj.Years[0].Year != 2025 || rj.Years[1].Year != 2026 {
		t.Fatalf("january years = %+v", rj.Years)
	}
}

func TestCustomRangeAcrossYears(t *testing.T) {
	f := newFixture(t)
	p, err := report.CustomRange(caseload.D(2024, 12, 1), caseload.D(2026, 5, 31))
	must(t, err)
	r, err := report.Compute(context.Background(), f.st, p)
	must(t, err)
	// Returned: 2025: P5 (10/01), P6 (01/03), P9 (01/06), P10 (01/08);
	// 2026 to 31/05: P1 (15/05), P3 (14/05).
	if r.Indicators.Returned != 6 {
		t.Errorf("returned = %d, want 6", r.Indicators.Returned)
	}
	// Managed at some day: P1, P3, P5, P6, P7, P8? no (ended 2023), P9, P10 → 7.
	// Recidivism: P10 (offence 14/05/2026); P9's offence is 01/06 → 1.
	want := []report.YearRow{
		// 01/12/2024–31/12/2024: P7 (returned 2024) only; nobody returned.
		{Year: 2024, Returned: 0, ManagedDuring: 1, Recidivism: 0, RecidivismRate: 0},
		// 2025: P7, P5, P6, P9, P10 managed; 4 returned.
		{Year: 2025, Returned: 4, ManagedDuring: 5, Recidivism: 0, RecidivismRate: 0},
		// 01/01–31/05/2026: P1, P3, P5 (ended 01/05), P6 (ended 20/05), P7, P9, P10; P10 reoffended.
		{Year: 2026, Returned: 2, ManagedDuring: 7, Recidivism: 1, RecidivismRate: 1.0 / 7},
	}
	if !reflect.DeepEqual(r.Years, want) {
		t.Errorf("years\n got %+v\nwant %+v", r.Years, want)
	}
	if r.Indicators.ManagedDuring != 7 || r.Indicators.Recidivism != 1 {
		t.Errorf("managed during %d, recidivism %d; want 7, 1", r.Indicators.ManagedDuring, r.Indicators.Recidivism)
	}
	if got := report.Percent(r.Indicators.RecidivismRate); got != "14,29%" {
		t.Errorf("rate shown %q", got)
	}
}

func TestJSONKeysAreFixed(t *testing.T) {
	f := newFixture(t)
	p, _ := report.ParsePeriod(report.Quarter, "2026-Q2", report.DefaultCutoffDay)
	r, err := report.Compute(context.Background(), f.st, p)
	must(t, err)
	raw, err := json.Marshal(r)
	must(t, err)
	var top map[string]json.RawMessage
	must(t, json.Unmarshal(raw, &top))
	if keys := sortedKeys(top); strings.Join(keys, ",") != "indicators,period,unit,years" {
		t.Fatalf("top keys %v", keys)
	}
	var period map[string]any
	must(t, json.Unmarshal(top["period"], &period))
	if period["kind"] != "quarter" || period["from"] != "2026-03-15" || period["to"] != "2026-06-14" {
		t.Errorf("period %v", period)
	}
	var ind map[string]json.RawMessage
	must(t, json.Unmarshal(top["indicators"], &ind))
	want := strings.Fields(`returned returned_completed returned_amnesty returned_conditional_release returned_male
		returned_female returned_employed_before expunged expunged_cumulative managed_end managed_end_group_a
		managed_end_group_b managed_end_group_c managed_end_group_d managed_end_unclassified managed_during
		recidivism recidivism_rate loans loans_amount loans_cumulative loans_amount_cumulative supports
		employed_end visits mentors_active ended models_active models_started model_members models_recognised
		businesses business_returnee_workers exemplary`)
	if len(ind) != len(want) {
		t.Errorf("%d indicator keys, want %d", len(ind), len(want))
	}
	for _, k := range want {
		if _, ok := ind[k]; !ok {
			t.Errorf("missing key %s", k)
		}
	}
	var years []map[string]any
	must(t, json.Unmarshal(top["years"], &years))
	if len(years) != 1 || len(years[0]) != 5 {
		t.Errorf("years %v", years)
	}
}

func sortedKeys(m map[string]json.RawMessage) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

// TestPeriodsMatchTheRule checks the presets against NĐ 09/2019 Art. 12
// (docs/ARCHITECTURE.md section 7) and against caseload's own period rule.
func TestPeriodsMatchTheRule(t *testing.T) {
	d := caseload.D
	cases := []struct {
		kind     report.Kind
		label    string
		from, to caseload.Date
	}{
		{report.Month, "2026-01", d(2025, 12, 15), d(2026, 1, 14)},
		{report.Month, "2026-06", d(2026, 5, 15), d(2026, 6, 14)},
		{report.Quarter, "2026-Q1", d(2025, 12, 15), d(2026, 3, 14)},
		{report.Quarter, "2026-q4", d(2026, 9, 15), d(2026, 12, 14)},
		{report.Half, "2026-H1", d(2025, 12, 15), d(2026, 6, 14)},
		{report.Year, "2026", d(2025, 12, 15), d(2026, 12, 14)},
	}
	for _, c := range cases {
		p, err := report.ParsePeriod(c.kind, c.label, report.DefaultCutoffDay)
		if err != nil || p.From != c.from || p.To != c.to {
			t.Errorf("%s %s = %v–%v, %v; want %v–%v", c.kind, c.label, p.From, p.To, err, c.from, c.to)
		}
	}
	for m := time.January; m <= time.December; m++ {
		got, want := report.MonthOf(2027, m, 15), caseload.MonthPeriod(2027, m)
		if got.From != want.From || got.To != want.To {
			t.Errorf("month %d: %v–%v, caseload %v–%v", m, got.From, got.To, want.From, want.To)
		}
	}
	// The cut-off is a setting: 1 gives calendar periods.
	if p := report.QuarterOf(2026, 2, 1); p.From != d(2026, 4, 1) || p.To != d(2026, 6, 30) {
		t.Errorf("calendar quarter = %v–%v", p.From, p.To)
	}
	if p := report.YearOf(2024, 1); p.From != d(2024, 1, 1) || p.To != d(2024, 12, 31) {
		t.Errorf("calendar year = %v–%v", p.From, p.To)
	}
	// The data month holding a day: 14/06 is June's, 15/06 July's.
	if p := report.Current(report.Month, d(2026, 6, 14), 15); p.Label != "2026-06" {
		t.Errorf("current(14/06) = %s", p.Label)
	}
	if p := report.Current(report.Month, d(2026, 12, 15), 15); p.Label != "2027-01" {
		t.Errorf("current(15/12) = %s", p.Label)
	}
	for _, bad := range []struct {
		kind  report.Kind
		label string
	}{{report.Month, "2026-13"}, {report.Month, "06/2026"}, {report.Quarter, "2026-Q5"}, {report.Half, "2026-H2"},
		{report.Year, "26"}, {"week", "2026"}} {
		if _, err := report.ParsePeriod(bad.kind, bad.label, 15); err == nil {
			t.Errorf("%s %q accepted", bad.kind, bad.label)
		}
	}
	if _, err := report.CustomRange(d(2026, 2, 1), d(2026, 1, 31)); err == nil {
		t.Error("reversed range accepted")
	}
}

func TestCutoffSetting(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	if c := report.CutoffDay(ctx, st.Setting); c != 15 {
		t.Errorf("default cut-off %d", c)
	}
	must(t, st.SetSetting(ctx, report.SettingCutoffDay, "1"))
	if c := report.CutoffDay(ctx, st.Setting); c != 1 {
		t.Errorf("cut-off %d after setting 1", c)
	}
	must(t, st.SetSetting(ctx, report.SettingCutoffDay, "40"))
	if c := report.CutoffDay(ctx, st.Setting); c != 15 {
		t.Errorf("cut-off %d after a bad value", c)
	}
}

func TestLockShowsAmendments(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	p, _ := report.ParsePeriod(report.Month, "2026-06", report.DefaultCutoffDay)
	r, err := report.Compute(ctx, f.st, p)
	must(t, err)
	if am, on, err := report.Amendments(ctx, f.st, r); err != nil || am != nil || on != "" {
		t.Fatalf("before lock: %v %q %v", am, on, err)
	}
	must(t, report.Lock(ctx, f.st, r))
	again, err := report.Compute(ctx, f.st, p)
	must(t, err)
	if am, on, err := report.Amendments(ctx, f.st, again); err != nil || len(am) != 0 || on == "" {
		t.Fatalf("same data: %v %q %v", am, on, err)
	}
	// A late entry: someone who returned on 01/06 is recorded after the report was sent.
	f.person(t, "LATE", caseload.Female, caseload.ReleaseCompleted, "2026-06-01", nil)
	late, err := report.Compute(ctx, f.st, p)
	must(t, err)
	am, _, err := report.Amendments(ctx, f.st, late)
	must(t, err)
	got := map[string][2]float64{}
	for _, a := range am {
		got[a.Key] = [2]float64{a.Old, a.New}
	}
	want := map[string][2]float64{
		"returned": {2, 3}, "returned_completed": {1, 2}, "returned_female": {1, 2},
		"managed_end": {4, 5}, "managed_end_unclassified": {1, 2}, "managed_during": {7, 8},
		"recidivism_rate": {1.0 / 7, 1.0 / 8},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("amendments\n got %v\nwant %v", got, want)
	}
	// Locking the amended report makes it the reference.
	must(t, report.Lock(ctx, f.st, late))
	if am, _, _ := report.Amendments(ctx, f.st, late); len(am) != 0 {
		t.Errorf("after relock: %v", am)
	}
	locks, err := f.st.LockedReports(ctx)
	must(t, err)
	if len(locks) != 1 || locks[0].Ver != 2 || locks[0].Hash != store.FiguresHash([]byte(locks[0].Figures)) {
		t.Errorf("locks %+v", locks)
	}
}

func TestDashboard(t *testing.T) {
	f := newFixture(t)
	d, err := report.ComputeDashboard(context.Background(), f.st, caseload.D(2026, 6, 20))
	must(t, err)
	// Managed now: P1 (classified A), P2 (none), P3 (B on the profile), P4 (none), P10 (classified D on 20/06).
	groups := map[string]float64{}
	for _, b := range d.Groups {
		groups[b.Label] = b.Value
	}
	if groups["A"] != 1 || groups["B"] != 1 || groups["D"] != 1 || groups["?"] != 2 || groups["C"] != 0 {
		t.Errorf("groups %v", groups)
	}
	// Calendar months: June P2, P4 (P12 is deleted); May P1, P3; August 2025 P10.
	if len(d.Returns) != 12 || d.Returns[11].Label != "6" || d.Returns[6].Label != "1/26" || d.Returns[11].Value != 2 || d.Returns[10].Value != 2 ||
		d.Returns[1].Label != "8" || d.Returns[1].Value != 1 {
		t.Errorf("returns %v", d.Returns)
	}
	// 2026 to 20/06: P9 and P10 reoffended among P1–P7, P9, P10 (P8 ended 2023).
	if len(d.Recidivism) != 5 || d.Recidivism[4].Label != "2026" || d.Recidivism[4].Value != 2.0/9 || d.ModelsActive != 2 {
		t.Errorf("recidivism %v, models %d", d.Recidivism, d.ModelsActive)
	}
}

// TestGroupsOfAPeriodNotYetOver: for the running period the group on the
// profile counts (each classification updates it); for a past period, the
// classification in force on its last day.
func TestGroupsOfAPeriodNotYetOver(t *testing.T) {
	st := openStore(t)
	ctx := context.Background()
	today := caseload.Today()
	p := caseload.Person{FullName: "Võ Văn Nhóm", Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1980},
		SentenceKind: caseload.SentencePrison, SentenceMonths: 12, ReleaseKind: caseload.ReleaseCompleted,
		CompletedOn: today.AddYears(-2), ReturnedOn: today.AddYears(-2).AddDays(3), Status: caseload.StatusManaged}
	must(t, st.SavePerson(ctx, &p))
	c := caseload.Classification{PersonID: p.ID, Quarter: "2024-Q1", Group: caseload.GroupC, On: today.AddYears(-1), By: "Hải", Reason: "Báo cáo quý"}
	must(t, st.Classify(ctx, &c))
	got, err := st.Person(ctx, p.ID)
	must(t, err)
	got.Group = caseload.GroupA // the officer moves the person to A on the profile
	must(t, st.SavePerson(ctx, &got))
	cur, err := report.Compute(ctx, st, report.Current(report.Year, today, report.DefaultCutoffDay))
	must(t, err)
	if cur.Indicators.ManagedEndGroupA != 1 || cur.Indicators.ManagedEndGroupC != 0 {
		t.Errorf("running period: A %d, C %d", cur.Indicators.ManagedEndGroupA, cur.Indicators.ManagedEndGroupC)
	}
	past, err := report.CustomRange(today.AddYears(-1).AddDays(-10), today.AddDays(-1))
	must(t, err)
	pr, err := report.Compute(ctx, st, past)
	must(t, err)
	if pr.Indicators.ManagedEndGroupC != 1 || pr.Indicators.ManagedEndGroupA != 0 {
		t.Errorf("past period: A %d, C %d", pr.Indicators.ManagedEndGroupA, pr.Indicators.ManagedEndGroupC)
	}
}
