package caseload

import (
	"reflect"
	"testing"
)

func keysOf(ws []LoanWarning) []string {
	var out []string
	for _, w := range ws {
		out = append(out, w.Key+"|"+w.Article)
	}
	return out
}

func TestCheckLoanRules(t *testing.T) {
	completed := D(2021, 3, 15)
	person := func(mod func(*Loan)) Loan {
		l := Loan{BorrowerKind: BorrowerPerson, PersonID: "p", Purpose: PurposeBusiness, Status: LoanRequested,
			Amount: 50_000_000, RequestedOn: D(2024, 1, 10), TermMonths: 60}
		if mod != nil {
			mod(&l)
		}
		return l
	}
	biz := func(mod func(*Loan)) Loan {
		l := Loan{BorrowerKind: BorrowerBusiness, BusinessID: "b", Purpose: PurposeBusiness, Status: LoanRequested,
			Amount: 500_000_000, RequestedOn: D(2024, 1, 10), TermMonths: 60}
		if mod != nil {
			mod(&l)
		}
		return l
	}
	pf := LoanFacts{CompletedOn: completed}
	bf := LoanFacts{Workers: 50, ReturneeWorkers: 10}
	tests := []struct {
		name  string
		loan  Loan
		facts LoanFacts
		want  []string
	}{
		{"individual within every limit", person(nil), pf, nil},
		// Art. 6: individual business loan up to 100,000,000 đ.
		{"Art. 6 individual exactly 100,000,000 đ", person(func(l *Loan) { l.Amount = 100_000_000 }), pf, nil},
		{"Art. 6 individual 100,000,001 đ", person(func(l *Loan) { l.Amount = 100_000_001 }), pf,
			[]string{"loan.warn.individual_ceiling|" + ArticleQD22Art6}},
		// Art. 6: vocational training up to 4,000,000 đ per month.
		{"Art. 6 training 4,000,000 đ/month for 6 months", person(func(l *Loan) {
			l.Purpose, l.TrainingMonths, l.Amount, l.TermMonths = PurposeTraining, 6, 24_000_000, 12
		}), pf, nil},
		{"Art. 6 training above 4,000,000 đ/month", person(func(l *Loan) {
			l.Purpose, l.TrainingMonths, l.Amount, l.TermMonths = PurposeTraining, 6, 24_000_001, 12
		}), pf, []string{"loan.warn.training_ceiling|" + ArticleQD22Art6}},
		{"Art. 6 training without course length", person(func(l *Loan) {
			l.Purpose, l.Amount, l.TermMonths = PurposeTraining, 4_000_000, 0
		}), pf, []string{"loan.warn.training_months_unknown|" + ArticleQD22Art6}},
		// Art. 8: training repayment up to 2x a course of 12 months or less.
		{"Art. 8 training term above twice a short course", person(func(l *Loan) {
			l.Purpose, l.TrainingMonths, l.Amount, l.TermMonths = PurposeTraining, 6, 20_000_000, 13
		}), pf, []string{"loan.warn.training_term_ceiling|" + ArticleQD22Art8}},
		// Art. 8: term up to 120 months.
		{"Art. 8 term exactly 120 months", person(func(l *Loan) { l.TermMonths = 120 }), pf, nil},
		{"Art. 8 term 121 months", person(func(l *Loan) { l.TermMonths = 121 }), pf,
			[]string{"loan.warn.term_ceiling|" + ArticleQD22Art8}},
		// Art. 3: loan date at most 5 years after completing the sentence
		// (completed 15/03/2021: the window ends 15/03/2026, inclusive).
		{"Art. 3 loan the day before the 5-year mark", person(func(l *Loan) { l.RequestedOn = D(2026, 3, 14) }), pf, nil},
		{"Art. 3 loan exactly 5 years after completion", person(func(l *Loan) { l.RequestedOn = D(2026, 3, 15) }), pf, nil},
		{"Art. 3 loan 5 years and a day after completion", person(func(l *Loan) { l.RequestedOn = D(2026, 3, 16) }), pf,
			[]string{"loan.warn.window_passed|" + ArticleQD22Art3}},
		{"Art. 3 disbursement date decides over request date", person(func(l *Loan) {
			l.RequestedOn, l.DisbursedOn, l.Status = D(2026, 3, 1), D(2026, 4, 1), LoanDisbursed
		}), pf, []string{"loan.warn.window_passed|" + ArticleQD22Art3}},
		{"Art. 3 window from a leap day", person(func(l *Loan) { l.RequestedOn = D(2025, 2, 28) }),
			LoanFacts{CompletedOn: D(2020, 2, 29)}, nil},
		// Completed 29/02/2024: 2029 has no 29/02, so the window ends on
		// 28/02/2029 (Date.AddYears keeps the month and clamps the day; it
		// does not roll over to 01/03). A loan on 28/02/2029 is inside, one
		// on 01/03/2029 is outside.
		{"Art. 3 completed 29/02/2024, loan on 28/02/2029", person(func(l *Loan) { l.RequestedOn = D(2029, 2, 28) }),
			LoanFacts{CompletedOn: D(2024, 2, 29)}, nil},
		{"Art. 3 completed 29/02/2024, loan on 01/03/2029", person(func(l *Loan) { l.RequestedOn = D(2029, 3, 1) }),
			LoanFacts{CompletedOn: D(2024, 2, 29)}, []string{"loan.warn.window_passed|" + ArticleQD22Art3}},
		{"Art. 3 completion date unknown", person(nil), LoanFacts{},
			[]string{"loan.warn.completion_unknown|" + ArticleQD22Art3}},
		// Business borrowers.
		{"enterprise within every limit", biz(nil), bf, nil},
		// Art. 6: up to 2,000,000,000 đ per project.
		{"Art. 6 enterprise exactly 2,000,000,000 đ", biz(func(l *Loan) { l.Amount = 2_000_000_000 }),
			LoanFacts{Workers: 100, ReturneeWorkers: 20}, nil},
		{"Art. 6 enterprise above 2,000,000,000 đ", biz(func(l *Loan) { l.Amount = 2_000_000_001 }),
			LoanFacts{Workers: 100, ReturneeWorkers: 30}, []string{"loan.warn.enterprise_project_ceiling|" + ArticleQD22Art6}},
		// Art. 6: up to 100,000,000 đ per returnee worker.
		{"Art. 6 enterprise exactly 100,000,000 đ per returnee", biz(func(l *Loan) { l.Amount = 1_000_000_000 }), bf, nil},
		{"Art. 6 enterprise above 100,000,000 đ per returnee", biz(func(l *Loan) { l.Amount = 1_000_000_001 }), bf,
			[]string{"loan.warn.enterprise_worker_ceiling|" + ArticleQD22Art6}},
		// Art. 3: at least 10 % returnee workers.
		{"Art. 3 enterprise exactly 10 % returnees", biz(func(l *Loan) { l.Amount = 100_000_000 }),
			LoanFacts{Workers: 30, ReturneeWorkers: 3}, nil},
		{"Art. 3 enterprise below 10 % returnees", biz(func(l *Loan) { l.Amount = 100_000_000 }),
			LoanFacts{Workers: 31, ReturneeWorkers: 3}, []string{"loan.warn.returnee_share|" + ArticleQD22Art3}},
		{"Art. 3 and 6 enterprise with no returnees", biz(nil), LoanFacts{Workers: 10},
			[]string{"loan.warn.enterprise_worker_ceiling|" + ArticleQD22Art6, "loan.warn.returnee_share|" + ArticleQD22Art3}},
		{"enterprise loans have no 5-year window", biz(func(l *Loan) { l.RequestedOn = D(2040, 1, 1) }), bf, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.loan.Validate(); err != nil {
				t.Fatalf("test loan invalid: %v", err)
			}
			got := keysOf(CheckLoan(tt.loan, tt.facts))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("CheckLoan = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestCheckLoanWarningArgs(t *testing.T) {
	l := Loan{BorrowerKind: BorrowerPerson, PersonID: "p", Purpose: PurposeBusiness, Status: LoanRequested,
		Amount: 150_000_000, RequestedOn: D(2026, 3, 16)}
	ws := CheckLoan(l, LoanFacts{CompletedOn: D(2021, 3, 15)})
	if len(ws) != 2 {
		t.Fatalf("want 2 warnings, got %v", ws)
	}
	if ws[0].Args["Amount"] != Money(150_000_000) || ws[0].Args["Max"] != Money(LoanMaxIndividualBusiness) {
		t.Errorf("ceiling args = %v", ws[0].Args)
	}
	if ws[1].Args["WindowEnd"] != D(2026, 3, 15) || ws[1].Args["Article"] != ArticleQD22Art3 {
		t.Errorf("window args = %v", ws[1].Args)
	}
	if ws[1].MessageKey() != "loan.warn.window_passed" {
		t.Errorf("key = %s", ws[1].MessageKey())
	}
}

func TestLoanValidate(t *testing.T) {
	ok := Loan{BorrowerKind: BorrowerPerson, PersonID: "p", Purpose: PurposeBusiness, Status: LoanRequested,
		Amount: 1, RequestedOn: D(2024, 1, 1)}
	tests := []struct {
		name   string
		mod    func(*Loan)
		fields []string
	}{
		{"valid", func(*Loan) {}, nil},
		{"no borrower", func(l *Loan) { l.PersonID = "" }, []string{"person_id"}},
		{"business without business", func(l *Loan) { l.BorrowerKind = BorrowerBusiness }, []string{"business_id"}},
		{"unknown borrower kind", func(l *Loan) { l.BorrowerKind = "bank" }, []string{"borrower_kind"}},
		{"zero amount", func(l *Loan) { l.Amount = 0 }, []string{"amount"}},
		{"negative amount", func(l *Loan) { l.Amount = -5 }, []string{"amount"}},
		{"negative term", func(l *Loan) { l.TermMonths = -1 }, []string{"term_months"}},
		{"unknown purpose and status", func(l *Loan) { l.Purpose, l.Status = "x", "y" }, []string{"purpose", "status"}},
		{"disbursed before request", func(l *Loan) { l.DisbursedOn = D(2023, 12, 31) }, []string{"disbursed_on"}},
		{"disbursed without date", func(l *Loan) { l.Status = LoanDisbursed }, []string{"disbursed_on"}},
		{"no request date", func(l *Loan) { l.RequestedOn = Date{} }, []string{"requested_on"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := ok
			tt.mod(&l)
			var got []string
			if err := l.Validate(); err != nil {
				for _, fe := range err.(*ValidationError).Errors {
					got = append(got, fe.Field)
				}
			}
			if !reflect.DeepEqual(got, tt.fields) {
				t.Errorf("fields = %v, want %v", got, tt.fields)
			}
		})
	}
}

func TestMau01(t *testing.T) {
	list := Mau01Date(2026, 3)
	if list != D(2026, 3, 5) {
		t.Fatalf("Mau01Date = %v", list)
	}
	people := map[string]Person{
		"in":    {Meta: Meta{ID: "in"}, FullName: "Nguyễn Văn An", Status: StatusManaged, CompletedOn: D(2021, 3, 5)},
		"late":  {Meta: Meta{ID: "late"}, FullName: "Trần Văn Bình", Status: StatusManaged, CompletedOn: D(2021, 3, 4)},
		"ended": {Meta: Meta{ID: "ended"}, FullName: "Lê Thị Cúc", Status: StatusEnded, CompletedOn: D(2024, 1, 1)},
		"done":  {Meta: Meta{ID: "done"}, FullName: "Phạm Văn Dũng", Status: StatusManaged, CompletedOn: D(2024, 1, 1)},
	}
	req := func(id, person string, mod func(*Loan)) Loan {
		l := Loan{Meta: Meta{ID: id}, BorrowerKind: BorrowerPerson, PersonID: person, Purpose: PurposeBusiness,
			Status: LoanRequested, Amount: 50_000_000, RequestedOn: D(2026, 2, 20)}
		if mod != nil {
			mod(&l)
		}
		return l
	}
	loans := []Loan{
		req("l1", "in", nil),
		req("l2", "late", nil),
		req("l3", "ended", nil),
		req("l4", "done", func(l *Loan) { l.Status = LoanDisbursed; l.DisbursedOn = D(2026, 2, 25) }),
		req("l5", "done", func(l *Loan) { l.ListDate = D(2026, 2, 5) }),    // sent last month
		req("l6", "done", func(l *Loan) { l.RequestedOn = D(2026, 3, 6) }), // after the list date
		req("l7", "nobody", nil),
		req("l8", "done", func(l *Loan) { l.ListDate = list }),
		// QĐ 22/2023 Art. 6: an individual's business loan is capped at
		// 100.000.000 đ; the loans tab warns, so the list must not count
		// it eligible.
		req("l9", "in", func(l *Loan) { l.Amount = 150_000_000 }),
		req("l10", "in", func(l *Loan) { l.Amount = LoanMaxIndividualBusiness }),
	}
	rows := Mau01(list, people, loans)
	got := map[string]bool{}
	for _, r := range rows {
		got[r.Loan.ID] = r.Eligible
	}
	want := map[string]bool{"l1": true, "l2": false, "l3": false, "l8": true, "l9": false, "l10": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Mau01 = %v, want %v", got, want)
	}
	for _, r := range rows {
		if r.Loan.ID == "l1" && r.WindowEnd != D(2026, 3, 5) {
			t.Errorf("window end = %v", r.WindowEnd)
		}
		// The list's reason is the loans tab's warning: one rule check.
		if r.Loan.ID == "l9" {
			tab := CheckLoan(r.Loan, LoanFacts{CompletedOn: r.Person.CompletedOn})
			if len(r.Warnings) != 1 || r.Warnings[0].Key != "loan.warn.individual_ceiling" ||
				len(tab) != 1 || tab[0].Key != r.Warnings[0].Key {
				t.Errorf("150.000.000 đ loan: list warnings %v, loans tab %v", r.Warnings, tab)
			}
		}
	}
}

// TestLoanWindowLeapDay: QĐ 22/2023/QĐ-TTg Art. 3 counts 5 years from the
// completion date. From 29/02/2024 the window ends on 28/02/2029, the last
// day of February of a common year (the rule of Date.AddYears); the worklist
// and Mẫu 01 use the same date.
func TestLoanWindowLeapDay(t *testing.T) {
	completed := D(2024, 2, 29)
	want := D(2029, 2, 28)
	if got := LoanWindowClose(completed); got != want {
		t.Errorf("LoanWindowClose(29/02/2024) = %s, want %s", got, want)
	}
	if got := LoanWindowEnd(Person{CompletedOn: completed}); got != want {
		t.Errorf("LoanWindowEnd(29/02/2024) = %s, want %s", got, want)
	}
	if got := completed.AddYears(LoanWindowYears); got != want {
		t.Errorf("window is not LoanWindowYears (%d) after completion: %s", LoanWindowYears, got)
	}
}
