package caseload

import (
	"fmt"
	"strings"
	"testing"
)

func wlPerson(id string, st Status, g Group) Person {
	return Person{Meta: Meta{ID: id}, FullName: "Người " + id, Status: st, Group: g}
}

// find returns the items of one kind, as "person:due:overdue".
func find(items []WorkItem, kind string) []string {
	var out []string
	for _, it := range items {
		if it.Kind == kind {
			out = append(out, fmt.Sprintf("%s:%s:%v", it.PersonID, it.Due, it.Overdue))
		}
	}
	return out
}

func TestWorklistRules(t *testing.T) {
	cal := NewCalendar(BuiltinHolidays())
	expected := wlPerson("exp", StatusExpected, "")
	late := wlPerson("late", StatusExpected, "")
	fam := wlPerson("fam", StatusExpected, "")
	recv := wlPerson("recv", StatusManaged, "") // received during Tết week 2026
	a := wlPerson("a", StatusManaged, GroupA)
	a.ReturnedOn = D(2025, 1, 10)
	c := wlPerson("c", StatusManaged, GroupC)
	c.ReturnedOn = D(2025, 1, 10)
	d := wlPerson("d", StatusManaged, GroupD)
	d.ReturnedOn = D(2025, 1, 10)
	ended := wlPerson("ended", StatusEnded, GroupA)
	exp := wlPerson("expg", StatusManaged, GroupA) // prison ≤ 5 years, completed 2024-03-10 -> eligible 2026-03-10
	exp.ReturnedOn, exp.CompletedOn = D(2024, 3, 12), D(2024, 3, 10)
	exp.SentenceKind, exp.SentenceMonths = SentencePrison, 24
	exp.CivilObligations.None = true
	loan := wlPerson("loan", StatusManaged, GroupA) // completed 2021-04-20 -> loan window ends 2026-04-20
	loan.ReturnedOn, loan.CompletedOn = D(2021, 4, 25), D(2021, 4, 20)
	loan.ExpungedOn = D(2023, 4, 20)

	in := WorklistInput{
		People: []Person{expected, late, fam, recv, a, c, d, ended, exp, loan},
		Notices: []Notice{
			// Notice on Thursday 12/02/2026, before Tết: 3 WD skip the holiday -> 24/02/2026.
			{Meta: Meta{ID: "n1"}, PersonID: "exp", Sender: "Trại giam Ba Sao", NoticeDate: D(2026, 2, 12), ExpectedRelease: D(2026, 4, 12)},
			{Meta: Meta{ID: "n2"}, PersonID: "late", NoticeDate: D(2025, 12, 1), ExpectedRelease: D(2026, 2, 1),
				AddressCheck: AddressChanged, AddressCheckedOn: D(2025, 12, 3), NewAddress: "x"},
			{Meta: Meta{ID: "n3"}, PersonID: "fam", NoticeDate: D(2025, 12, 1), ExpectedRelease: D(2026, 1, 20),
				AddressCheck: AddressConfirmed, AddressCheckedOn: D(2025, 12, 2), FamilyCheckedOn: D(2026, 1, 25)},
			{Meta: Meta{ID: "n4"}, PersonID: "ended", NoticeDate: D(2026, 2, 1), ExpectedRelease: D(2026, 2, 2)},
		},
		// Reception on Friday 13/02/2026, the last working day before Tết.
		Receptions:    []Reception{{Meta: Meta{ID: "r1"}, PersonID: "recv", SessionDate: D(2026, 2, 13)}},
		ActiveMentor:  map[string]string{"a": "m1", "c": "m2", "d": "m2", "expg": "m1", "loan": "m1"},
		LastVisit:     map[string]Date{"a": D(2025, 11, 1), "c": D(2026, 1, 20), "d": D(2025, 1, 1), "expg": D(2026, 2, 1), "loan": D(2026, 2, 1)},
		LastReport:    map[string]Date{"a": D(2026, 1, 3), "c": D(2026, 1, 4), "expg": D(2026, 1, 5), "loan": D(2026, 1, 5)},
		LatestQuarter: map[string]string{"a": "2025-Q4", "c": "2025-Q3", "expg": "2025-Q4", "loan": "2025-Q4"},
	}
	today := D(2026, 2, 26)
	items := Worklist(in, today, cal, nil)

	cases := []struct {
		kind string
		want []string
		law  string
	}{
		{WorkAddressCheck, []string{"exp:2026-02-24:true"}, "TT 10/2024 Art. 8: 3 WD, Tết 2026 skipped"},
		{WorkSenderAnswer, []string{"late:2025-12-08:true"}, "TT 10/2024 Art. 8 (HCD-03)"},
		{WorkNotReported, []string{"late:2026-02-01:true"}, "TT 10/2024 Art. 9"},
		{WorkUpwardReport, []string{"fam:2026-01-20:true"}, "TT 10/2024 Art. 9 (HCD-04)"},
		{WorkMentorDecision, []string{"recv:2026-02-25:true"}, "TT 10/2024 Art. 10: 3 WD over Tết"},
		{WorkFileOpen, []string{"recv:2026-02-27:false"}, "TT 10/2024 Art. 11: 5 WD over Tết"},
		// a: A every 90 days from 01/11/2025 = 30/01/2026; c: C every 14 days from 20/01 = 03/02;
		// recv: not classified, B cadence from the session 13/02 -> 15/03 (not yet); d: D none.
		{WorkVisitOverdue, []string{"a:2026-01-30:true", "c:2026-02-03:true"}, "cadence A 90 / C 14 / D none"},
		{WorkQuarterlyReport, nil, "reports in for 2026-Q1 (made 03–05/01)"},
		// c last classified for 2025-Q3 -> due for 2025-Q4 by the end of January; recv managed only since Q1.
		{WorkClassification, []string{"c:2026-01-31:true"}, "TT 10/2024 Art. 12"},
		{WorkExpungement, []string{"expg:2026-03-10:false"}, "BLHS 2015 Art. 70(2)(b): prison ≤ 5 years, 2 years"},
		{WorkLoanWindow, []string{"loan:2026-04-20:false"}, "QĐ 22/2023: 5 years from completion, within 90 days"},
		{WorkLoanList, nil, "QĐ 22/2023 Art. 14(2)(c): only the 1st–5th"},
	}
	for _, tc := range cases {
		got := find(items, tc.kind)
		if strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%s (%s): got %v, want %v", tc.kind, tc.law, got, tc.want)
		}
	}
	for i := 1; i < len(items); i++ {
		if items[i].Due.Before(items[i-1].Due) {
			t.Fatalf("not sorted by due date at %d", i)
		}
	}
	for _, it := range items {
		if it.PersonID == "ended" || it.PersonID == "d" && it.Kind == WorkVisitOverdue {
			t.Errorf("unexpected item %+v", it)
		}
		if it.Rule == "" || it.Args.Get("Due") == nil {
			t.Errorf("item without rule text: %+v", it)
		}
	}
}

func TestWorklistQuarterBoundary(t *testing.T) {
	cal := NewCalendar(BuiltinHolidays())
	p := wlPerson("p", StatusManaged, GroupB)
	p.ReturnedOn = D(2026, 5, 4)
	late := wlPerson("new", StatusManaged, GroupB) // managed since the new quarter: nothing due yet
	late.ReturnedOn = D(2026, 7, 1)
	in := WorklistInput{
		People:        []Person{p, late},
		ActiveMentor:  map[string]string{"p": "m", "new": "m"},
		LastVisit:     map[string]Date{"p": D(2026, 6, 20), "new": D(2026, 7, 1)},
		LastReport:    map[string]Date{},
		LatestQuarter: map[string]string{},
	}
	// Last day of Q2: no quarterly report or classification due yet.
	q2 := Worklist(in, D(2026, 6, 30), cal, nil)
	if k := find(q2, WorkQuarterlyReport); len(k) != 0 {
		t.Errorf("30/06: report items %v", k)
	}
	if k := find(q2, WorkClassification); len(k) != 0 {
		t.Errorf("30/06: classification items %v", k)
	}
	// 1st of Q3: the report (by 05/07, Art. 10), the Q2 classification and the Mẫu 01 list are due.
	q3 := Worklist(in, D(2026, 7, 1), cal, nil)
	if k := find(q3, WorkQuarterlyReport); strings.Join(k, ",") != "p:2026-07-05:false" {
		t.Errorf("01/07 report = %v", k)
	}
	if k := find(q3, WorkClassification); strings.Join(k, ",") != "p:2026-07-31:false" {
		t.Errorf("01/07 classification = %v", k)
	}
	if k := find(q3, WorkLoanList); strings.Join(k, ",") != ":2026-07-05:false" {
		t.Errorf("01/07 loan list = %v", k)
	}
	// 6th: the report is late; an early report (25/06) would have counted.
	if k := find(Worklist(in, D(2026, 7, 6), cal, nil), WorkQuarterlyReport); strings.Join(k, ",") != "p:2026-07-05:true" {
		t.Errorf("06/07 report = %v", k)
	}
	in.LastReport["p"] = D(2026, 6, 25)
	in.LatestQuarter["p"] = "2026-Q2"
	q3b := Worklist(in, D(2026, 7, 6), cal, nil)
	if k := append(find(q3b, WorkQuarterlyReport), find(q3b, WorkClassification)...); len(k) != 0 {
		t.Errorf("after report and classification: %v", k)
	}
	// Year boundary: Q1 asks for the Q4 classification of the previous year.
	in.LatestQuarter["p"] = "2026-Q3"
	if k := find(Worklist(in, D(2027, 1, 2), cal, nil), WorkClassification); strings.Join(k, ",") != "new:2027-01-31:false,p:2027-01-31:false" {
		t.Errorf("02/01/2027 classification = %v", k)
	}
}

func TestWorklistCadenceSetting(t *testing.T) {
	p := wlPerson("p", StatusManaged, GroupA)
	in := WorklistInput{People: []Person{p}, LastVisit: map[string]Date{"p": D(2026, 9, 1)}}
	today := D(2026, 9, 20)
	if k := find(Worklist(in, today, nil, nil), WorkVisitOverdue); len(k) != 0 {
		t.Errorf("default A cadence: %v", k)
	}
	k := find(Worklist(in, today, nil, map[Group]int{GroupA: 7}), WorkVisitOverdue)
	if strings.Join(k, ",") != "p:2026-09-08:true" {
		t.Errorf("A every 7 days: %v", k)
	}
}

// TestWorklistCases: the latest reception wins and starts management; a
// deleted person produces nothing; WorklistOf over the cases gives the
// same items as Worklist; two notices with the same due date are ordered
// by record id.
func TestWorklistCases(t *testing.T) {
	p := wlPerson("p", StatusManaged, GroupB)
	p.ReturnedOn = D(2026, 1, 5)
	gone := wlPerson("gone", StatusExpected, "")
	gone.Deleted = true
	twice := wlPerson("twice", StatusExpected, "")
	in := WorklistInput{
		People: []Person{p, gone, twice},
		Receptions: []Reception{
			{Meta: Meta{ID: "old"}, PersonID: "p", SessionDate: D(2026, 1, 6), FileOpenedOn: D(2026, 1, 7)},
			{Meta: Meta{ID: "new"}, PersonID: "p", SessionDate: D(2026, 5, 4)},
			{Meta: Meta{ID: "del", Deleted: true}, PersonID: "p", SessionDate: D(2026, 6, 1)},
		},
		Notices: []Notice{
			{Meta: Meta{ID: "n-gone"}, PersonID: "gone", NoticeDate: D(2026, 5, 4), ExpectedRelease: D(2026, 7, 4)},
			{Meta: Meta{ID: "n-b"}, PersonID: "twice", NoticeDate: D(2026, 5, 4), ExpectedRelease: D(2026, 7, 4)},
			{Meta: Meta{ID: "n-a"}, PersonID: "twice", NoticeDate: D(2026, 5, 4), ExpectedRelease: D(2026, 7, 4)},
		},
	}
	cases := in.Cases()
	if cases[0].ReceptionID != "new" || cases[0].Since != D(2026, 5, 4) {
		t.Fatalf("latest reception: %+v", cases[0])
	}
	today := D(2026, 5, 20)
	items := Worklist(in, today, nil, nil)
	if got := find(items, WorkFileOpen); strings.Join(got, ",") != "p:2026-05-11:true" {
		t.Errorf("file due from the latest session (5 WD from 04/05/2026): %v", got)
	}
	if got := find(items, WorkVisitOverdue); len(got) != 0 {
		t.Errorf("B cadence runs from the latest session 04/05, not the return: %v", got)
	}
	var order []string
	for _, it := range items {
		if it.PersonID == "gone" {
			t.Errorf("deleted person has an item: %+v", it)
		}
		if it.Kind == WorkAddressCheck {
			order = append(order, it.RecordID)
		}
	}
	if strings.Join(order, ",") != "n-a,n-b" {
		t.Errorf("address checks ordered %v, want by record id", order)
	}
	if again := WorklistOf(cases, today, nil, nil); fmt.Sprint(again) != fmt.Sprint(items) {
		t.Errorf("WorklistOf differs from Worklist:\n%v\n%v", again, items)
	}
}

// TestNewWorkCaseLegal: the legal dates are computed once, without a day.
func TestNewWorkCaseLegal(t *testing.T) {
	p := wlPerson("p", StatusManaged, GroupA)
	p.CompletedOn, p.SentenceKind, p.SentenceMonths = D(2024, 3, 10), SentencePrison, 24
	p.CivilObligations.None = true
	c := NewWorkCase(&p)
	if c.ExpungeOn != D(2026, 3, 10) || c.ExpungeMethod != ExpungeAutomatic || c.LoanWindowEnd != D(2029, 3, 10) {
		t.Errorf("prison 24 months completed 10/03/2024 (BLHS Art. 70(2)(b)): %+v", c)
	}
	p.ExpungedOn = D(2026, 4, 1)
	if c := NewWorkCase(&p); !c.ExpungeOn.IsZero() {
		t.Errorf("already expunged: %v", c.ExpungeOn)
	}
	p.ExpungedOn, p.Negligent, p.OffenseSeverity = Date{}, true, SeverityLessSerious // Art. 69(2): no record
	if c := NewWorkCase(&p); !c.ExpungeOn.IsZero() {
		t.Errorf("no record to expunge: %v", c.ExpungeOn)
	}
}

// TestDayNumber checks the fast day number against time.Time.
func TestDayNumber(t *testing.T) {
	base := D(1899, 12, 25)
	for i := 0; i < 60000; i += 7 {
		d := base.AddDays(i)
		if got, want := dayNumber(d)-dayNumber(base), base.DaysUntil(d); got != want {
			t.Fatalf("dayNumber(%v) - dayNumber(%v) = %d, want %d", d, base, got, want)
		}
	}
}

// TestCompareWorkItems: the exported order is the order of Worklist.
func TestCompareWorkItems(t *testing.T) {
	items := []WorkItem{
		{Kind: WorkLoanWindow, PersonID: "b", Due: D(2026, 7, 5)},
		{Kind: WorkAddressCheck, PersonID: "z", Due: D(2026, 7, 5)},
		{Kind: WorkLoanWindow, PersonID: "a", RecordID: "2", Due: D(2026, 7, 5)},
		{Kind: WorkLoanWindow, PersonID: "a", RecordID: "1", Due: D(2026, 7, 5)},
		{Kind: WorkLoanList, Due: D(2026, 7, 4)},
	}
	sortItems(items)
	var got []string
	for i := range items {
		got = append(got, items[i].Kind+":"+items[i].PersonID+":"+items[i].RecordID)
		if i > 0 && CompareWorkItems(&items[i-1], &items[i]) >= 0 {
			t.Errorf("CompareWorkItems disagrees with the sort at %d", i)
		}
	}
	want := "loan_list::,address_check:z:,loan_window:a:1,loan_window:a:2,loan_window:b:"
	if strings.Join(got, ",") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

// TestWorklistLegalRules checks the expungement, loan-window and visit
// rules on a fixed day, one person per rule; each case names the rule it
// covers. Today is Monday 15/06/2026: the expungement horizon ends on
// 15/07/2026 (ExpungementHorizonDays = 30), the loan horizon on 13/09/2026
// (LoanWindowHorizonDays = 90).
func TestWorklistLegalRules(t *testing.T) {
	today := D(2026, 6, 15)
	managed := func(id string, g Group, mod func(p *Person)) Person {
		p := wlPerson(id, StatusManaged, g)
		p.ReturnedOn = D(2025, 1, 10)
		p.SentenceKind, p.SentenceMonths = SentencePrison, 24
		p.CivilObligations.None = true
		p.ExpungedOn = D(2025, 1, 1) // no expungement item unless mod clears it
		mod(&p)
		return p
	}
	completed := func(d Date) func(p *Person) {
		return func(p *Person) { p.CompletedOn, p.ExpungedOn = d, Date{} }
	}
	people := []Person{
		managed("overdue", GroupA, completed(D(2024, 3, 10))),
		managed("court", GroupA, func(p *Person) {
			completed(D(2023, 6, 20))(p)
			p.OffenseChapter = 13
		}),
		managed("edge30", GroupA, completed(D(2024, 7, 15))),
		managed("far", GroupA, completed(D(2024, 7, 16))),
		managed("restart", GroupA, func(p *Person) {
			completed(D(2024, 3, 10))(p)
			p.NewConvictionOn = D(2025, 12, 1)
		}),
		managed("convicted_late", GroupA, func(p *Person) {
			completed(D(2024, 3, 10))(p)
			p.NewConvictionOn = D(2026, 4, 1)
		}),
		managed("loan90", GroupA, func(p *Person) { p.CompletedOn = D(2021, 9, 13) }),
		managed("loan91", GroupA, func(p *Person) { p.CompletedOn = D(2021, 9, 14) }),
		managed("b_late", GroupB, func(*Person) {}),
		managed("b_ok", GroupB, func(*Person) {}),
	}
	in := WorklistInput{People: people, LastVisit: map[string]Date{
		"b_late": D(2026, 5, 1), "b_ok": D(2026, 5, 20),
	}}
	items := Worklist(in, today, nil, nil)
	rules := map[string]string{}
	for _, it := range items {
		if it.Kind == WorkExpungement {
			rules[it.PersonID] = it.Rule
		}
	}
	only := func(kind string, ids ...string) []string {
		var out []string
		for _, s := range find(items, kind) {
			for _, id := range ids {
				if strings.HasPrefix(s, id+":") {
					out = append(out, s)
				}
			}
		}
		return out
	}
	cases := []struct {
		rule string
		kind string
		id   string
		want string // "" = no item
	}{
		{"BLHS 2015 Art. 70(2)(b), TT 10/2024 Art. 13: prison ≤ 5 years completed 10/03/2024, date 10/03/2026 " +
			"reached and not yet recorded as expunged: an overdue item",
			WorkExpungement, "overdue", "overdue:2026-03-10:true"},
		{"BLHS 2015 Art. 71(2)(b): Chapter XIII, by court after 3 years, 20/06/2026 within 30 days",
			WorkExpungement, "court", "court:2026-06-20:false"},
		{"worklist horizon: 15/07/2026 is exactly 30 days ahead, still shown",
			WorkExpungement, "edge30", "edge30:2026-07-15:false"},
		{"worklist horizon: 16/07/2026 is 31 days ahead, no item",
			WorkExpungement, "far", ""},
		{"BLHS 2015 Art. 73(2): new conviction 01/12/2025 within the period restarts the clock, no item",
			WorkExpungement, "restart", ""},
		{"BLHS 2015 Art. 70(2): conviction 01/04/2026 after the automatic clearing of 10/03/2026 changes nothing",
			WorkExpungement, "convicted_late", "convicted_late:2026-03-10:true"},
		{"QĐ 22/2023 Art. 3: window ends 13/09/2026, exactly 90 days ahead, shown",
			WorkLoanWindow, "loan90", "loan90:2026-09-13:false"},
		{"QĐ 22/2023 Art. 3: window ends 14/09/2026, beyond 90 days, no item",
			WorkLoanWindow, "loan91", ""},
		{"docs/ARCHITECTURE.md §7 cadence B every 30 days: last visit 01/05/2026, due 31/05/2026, overdue",
			WorkVisitOverdue, "b_late", "b_late:2026-05-31:true"},
		{"docs/ARCHITECTURE.md §7 cadence B every 30 days: last visit 20/05/2026, due 19/06/2026, not yet",
			WorkVisitOverdue, "b_ok", ""},
	}
	for _, c := range cases {
		got := strings.Join(only(c.kind, c.id), ",")
		if got != c.want {
			t.Errorf("%s\n%s for %s: got %q, want %q", c.rule, c.kind, c.id, got, c.want)
		}
	}
	if rules["court"] != "worklist.rule.expungement_court" || rules["overdue"] != "worklist.rule.expungement_automatic" {
		t.Errorf("expungement rule texts: %v", rules)
	}
	// The restarted person has no expungement date at all on the case.
	for _, p := range people {
		if p.ID == "restart" {
			if c := NewWorkCase(&p); !c.ExpungeOn.IsZero() {
				t.Errorf("BLHS 2015 Art. 73(2): restarted case keeps ExpungeOn %s", c.ExpungeOn)
			}
		}
	}
}
