package caseload

import "time"

// Loans for people who have completed a prison sentence and for the
// businesses that employ them, under QĐ 22/2023/QĐ-TTg (Social Policy Bank).
// The legal limits are checked by CheckLoan and reported as warnings that
// cite the article: the officer decides, the app explains.

// Ceilings and limits of QĐ 22/2023/QĐ-TTg.
const (
	// LoanMaxIndividualBusiness is the ceiling of a business loan to an
	// individual (Art. 6).
	LoanMaxIndividualBusiness int64 = 100_000_000
	// LoanMaxTrainingPerMonth is the ceiling of a vocational-training loan
	// per month of training (Art. 6).
	LoanMaxTrainingPerMonth int64 = 4_000_000
	// LoanMaxEnterpriseProject is the ceiling of a loan to a business per
	// project (Art. 6).
	LoanMaxEnterpriseProject int64 = 2_000_000_000
	// LoanMaxEnterprisePerWorker is the ceiling per returnee worker of a
	// loan to a business (Art. 6).
	LoanMaxEnterprisePerWorker int64 = 100_000_000
	// LoanMinReturneePercent is the minimum share of returnee workers in a
	// borrowing business (Art. 3).
	LoanMinReturneePercent = 10
	// LoanMaxTermMonths is the longest term of a business loan (Art. 8).
	LoanMaxTermMonths = 120
	// LoanWindowYears is the number of years after completing the sentence
	// during which an individual may borrow (Art. 3).
	LoanWindowYears = 5
	// Mau01Day is the day of the month on which the ward police send the
	// Mẫu 01 list to the Social Policy Bank (Art. 14(2)(c)).
	Mau01Day = 5
)

// Article citations used in warnings.
const (
	ArticleQD22Art3  = "QĐ 22/2023/QĐ-TTg, Điều 3"
	ArticleQD22Art6  = "QĐ 22/2023/QĐ-TTg, Điều 6"
	ArticleQD22Art8  = "QĐ 22/2023/QĐ-TTg, Điều 8"
	ArticleQD22Art14 = "QĐ 22/2023/QĐ-TTg, Điều 14"
)

// BorrowerKind says who borrows: a person on the caseload or a business.
type BorrowerKind string

// Borrower kinds.
const (
	BorrowerPerson   BorrowerKind = "person"
	BorrowerBusiness BorrowerKind = "business"
)

// BorrowerKinds lists the borrower kinds.
var BorrowerKinds = []BorrowerKind{BorrowerPerson, BorrowerBusiness}

// LoanPurpose is what the loan is for (Art. 2).
type LoanPurpose string

// Loan purposes.
const (
	PurposeBusiness LoanPurpose = "business" // production and business
	PurposeTraining LoanPurpose = "training" // vocational training
)

// LoanPurposes lists the purposes.
var LoanPurposes = []LoanPurpose{PurposeBusiness, PurposeTraining}

// LoanStatus is where a loan stands, from request to repayment.
type LoanStatus string

// Loan statuses.
const (
	LoanRequested LoanStatus = "requested"
	LoanApproved  LoanStatus = "approved"
	LoanDisbursed LoanStatus = "disbursed"
	LoanRepaid    LoanStatus = "repaid"
	LoanOverdue   LoanStatus = "overdue"
)

// LoanStatuses lists the statuses in order.
var LoanStatuses = []LoanStatus{LoanRequested, LoanApproved, LoanDisbursed, LoanRepaid, LoanOverdue}

// Loan is a loan request or loan under QĐ 22/2023. Amounts are in đồng.
type Loan struct {
	Meta

	BorrowerKind   BorrowerKind `json:"borrower_kind"`
	PersonID       string       `json:"person_id"`   // when BorrowerKind is person
	BusinessID     string       `json:"business_id"` // when BorrowerKind is business
	Amount         int64        `json:"amount"`
	Purpose        LoanPurpose  `json:"purpose"`
	TrainingMonths int          `json:"training_months"` // length of the course, for training loans
	BankBranch     string       `json:"bank_branch"`
	RequestedOn    Date         `json:"requested_on"`
	ListDate       Date         `json:"list_date"` // date of the Mẫu 01 list that carried the request
	DisbursedOn    Date         `json:"disbursed_on"`
	TermMonths     int          `json:"term_months"`
	Status         LoanStatus   `json:"status"`
	Notes          string       `json:"notes"`
}

// Normalize trims the text fields and puts them in NFC.
func (l *Loan) Normalize() {
	for _, p := range []*string{&l.PersonID, &l.BusinessID, &l.BankBranch, &l.Notes} {
		*p = supportText(*p)
	}
}

// Valid reports whether k is a known borrower kind.
func (k BorrowerKind) Valid() bool { return k == BorrowerPerson || k == BorrowerBusiness }

// Valid reports whether p is a known purpose.
func (p LoanPurpose) Valid() bool { return p == PurposeBusiness || p == PurposeTraining }

// Valid reports whether s is a known status.
func (s LoanStatus) Valid() bool {
	for _, v := range LoanStatuses {
		if v == s {
			return true
		}
	}
	return false
}

// Validate rejects only impossible records (unknown codes, no borrower,
// negative or zero amounts, dates out of order). What the law limits is
// checked by CheckLoan as warnings.
func (l Loan) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(l)...)
	switch l.BorrowerKind {
	case BorrowerPerson:
		if l.PersonID == "" {
			v.Add("person_id", "loan.error.person_required")
		}
	case BorrowerBusiness:
		if l.BusinessID == "" {
			v.Add("business_id", "loan.error.business_required")
		}
	default:
		v.Add("borrower_kind", "loan.error.borrower_kind_invalid", "Value", string(l.BorrowerKind))
	}
	if !l.Purpose.Valid() {
		v.Add("purpose", "loan.error.purpose_invalid", "Value", string(l.Purpose))
	}
	if !l.Status.Valid() {
		v.Add("status", "loan.error.status_invalid", "Value", string(l.Status))
	}
	if l.Amount <= 0 {
		v.Add("amount", "loan.error.amount_positive")
	}
	if l.TermMonths < 0 {
		v.Add("term_months", "loan.error.term_negative")
	}
	if l.TrainingMonths < 0 {
		v.Add("training_months", "loan.error.training_months_negative")
	}
	if l.RequestedOn.IsZero() {
		v.Add("requested_on", "loan.error.requested_on_required")
	}
	if !l.DisbursedOn.IsZero() && !l.RequestedOn.IsZero() && l.DisbursedOn.Before(l.RequestedOn) {
		v.Add("disbursed_on", "loan.error.disbursed_before_request")
	}
	switch l.Status {
	case LoanDisbursed, LoanRepaid, LoanOverdue:
		if l.DisbursedOn.IsZero() {
			v.Add("disbursed_on", "loan.error.disbursed_on_required")
		}
	}
	return v.OrNil()
}

// LoanDate is the date the law's conditions are judged at: the
// disbursement date when known, else the Mẫu 01 list date, else the
// request date.
func (l Loan) LoanDate() Date {
	switch {
	case !l.DisbursedOn.IsZero():
		return l.DisbursedOn
	case !l.ListDate.IsZero():
		return l.ListDate
	}
	return l.RequestedOn
}

// LoanFacts are the facts about the borrower that the rules need.
type LoanFacts struct {
	// CompletedOn is the date the borrower (a person) completed the
	// sentence; zero when unknown.
	CompletedOn Date
	// Workers and ReturneeWorkers describe a borrowing business.
	Workers         int
	ReturneeWorkers int
}

// LoanWarning is a rule of QĐ 22/2023 that a loan does not meet: the field
// concerned, a message key with its arguments, and the article. It
// implements the i18n Message interface.
type LoanWarning struct {
	Field   string
	Key     string
	Args    map[string]any
	Article string
}

// MessageKey returns the i18n key.
func (w LoanWarning) MessageKey() string { return w.Key }

// MessageArgs returns the template arguments, including Article.
func (w LoanWarning) MessageArgs() map[string]any { return w.Args }

// Error renders the warning for logs.
func (w LoanWarning) Error() string { return w.Field + ": " + w.Key + " [" + w.Article + "]" }

func loanWarn(field, key, article string, kv ...any) LoanWarning {
	args := map[string]any{"Article": article}
	for i := 0; i+1 < len(kv); i += 2 {
		args[kv[i].(string)] = kv[i+1]
	}
	return LoanWarning{Field: field, Key: key, Args: args, Article: article}
}

// LoanWindowClose returns the last day on which a person who completed
// the sentence on completed may receive a loan: completed + 5 years
// (Art. 3; exactly five years is still inside). Zero when completed is.
func LoanWindowClose(completed Date) Date {
	if completed.IsZero() {
		return Date{}
	}
	return completed.AddYears(LoanWindowYears)
}

// CheckLoan checks a loan against QĐ 22/2023 and returns one warning per
// rule it does not meet, in a stable order. It never rejects: impossible
// values are Validate's job. Money arguments are int64 đồng; the UI formats
// them.
func CheckLoan(l Loan, f LoanFacts) []LoanWarning {
	var out []LoanWarning
	switch l.BorrowerKind {
	case BorrowerPerson:
		out = append(out, checkPersonLoan(l, f)...)
	case BorrowerBusiness:
		out = append(out, checkBusinessLoan(l, f)...)
	}
	out = append(out, checkTerm(l)...)
	return out
}

func checkPersonLoan(l Loan, f LoanFacts) []LoanWarning {
	var out []LoanWarning
	switch l.Purpose {
	case PurposeBusiness:
		if l.Amount > LoanMaxIndividualBusiness {
			out = append(out, loanWarn("amount", "loan.warn.individual_ceiling", ArticleQD22Art6,
				"Amount", Money(l.Amount), "Max", Money(LoanMaxIndividualBusiness)))
		}
	case PurposeTraining:
		if l.TrainingMonths <= 0 {
			out = append(out, loanWarn("training_months", "loan.warn.training_months_unknown", ArticleQD22Art6))
		} else if max := LoanMaxTrainingPerMonth * int64(l.TrainingMonths); l.Amount > max {
			out = append(out, loanWarn("amount", "loan.warn.training_ceiling", ArticleQD22Art6,
				"Amount", Money(l.Amount), "Max", Money(max), "Months", l.TrainingMonths, "PerMonth", Money(LoanMaxTrainingPerMonth)))
		}
	}
	if f.CompletedOn.IsZero() {
		out = append(out, loanWarn("person_id", "loan.warn.completion_unknown", ArticleQD22Art3))
		return out
	}
	end := LoanWindowClose(f.CompletedOn)
	if at := l.LoanDate(); !at.IsZero() && at.After(end) {
		out = append(out, loanWarn("requested_on", "loan.warn.window_passed", ArticleQD22Art3,
			"Completed", f.CompletedOn, "WindowEnd", end, "LoanDate", at))
	}
	return out
}

func checkBusinessLoan(l Loan, f LoanFacts) []LoanWarning {
	var out []LoanWarning
	if l.Amount > LoanMaxEnterpriseProject {
		out = append(out, loanWarn("amount", "loan.warn.enterprise_project_ceiling", ArticleQD22Art6,
			"Amount", Money(l.Amount), "Max", Money(LoanMaxEnterpriseProject)))
	}
	if max := LoanMaxEnterprisePerWorker * int64(f.ReturneeWorkers); l.Amount > max {
		out = append(out, loanWarn("amount", "loan.warn.enterprise_worker_ceiling", ArticleQD22Art6,
			"Amount", Money(l.Amount), "Max", Money(max), "Workers", f.ReturneeWorkers, "PerWorker", Money(LoanMaxEnterprisePerWorker)))
	}
	// ≥ 10 % without floating point: returnees*100 >= workers*10.
	if f.Workers <= 0 || f.ReturneeWorkers*100 < f.Workers*LoanMinReturneePercent {
		out = append(out, loanWarn("business_id", "loan.warn.returnee_share", ArticleQD22Art3,
			"Returnees", f.ReturneeWorkers, "Workers", f.Workers, "Min", LoanMinReturneePercent))
	}
	return out
}

func checkTerm(l Loan) []LoanWarning {
	if l.TermMonths == 0 {
		return nil
	}
	max := LoanMaxTermMonths
	key := "loan.warn.term_ceiling"
	if l.Purpose == PurposeTraining && l.TrainingMonths > 0 {
		// Vocational loans: up to twice the course for courses of a year
		// or less, otherwise the length of the course (Art. 8).
		key = "loan.warn.training_term_ceiling"
		max = l.TrainingMonths
		if l.TrainingMonths <= 12 {
			max = 2 * l.TrainingMonths
		}
	}
	if l.TermMonths > max {
		return []LoanWarning{loanWarn("term_months", key, ArticleQD22Art8, "Term", l.TermMonths, "Max", max)}
	}
	return nil
}

// Mau01Date returns the date of the month's Mẫu 01 list: the 5th
// (Art. 14(2)(c)).
func Mau01Date(year int, month int) Date {
	return D(year, time.Month(month), Mau01Day)
}

// Mau01Row is one line of the Mẫu 01 list: a person who wants a loan, the
// request, the last day of their loan window, whether they are eligible on
// the list date and, if not, why.
type Mau01Row struct {
	Person    Person
	Loan      Loan
	WindowEnd Date
	Eligible  bool
	Warnings  []LoanWarning
}

// LoanEligible is the one rule that decides whether a loan request is
// eligible, from the warnings of CheckLoan (the same the loans tab shows):
// a request is eligible only when it meets every rule of QĐ 22/2023 that
// CheckLoan checks — the borrower's 5-year window and known completion
// (Art. 3), the loan ceilings (Art. 6: a 150.000.000 đ business loan to an
// individual is over the 100.000.000 đ ceiling) and the term (Art. 8) —
// and, on the Mẫu 01 list, the person is still under management.
func LoanEligible(warnings []LoanWarning) bool { return len(warnings) == 0 }

// Mau01 builds the Mẫu 01 list for listDate (the 5th of a month): every
// pending request (status requested) of a person, not yet sent on an
// earlier list, with the person's eligibility judged at listDate by
// LoanEligible. A person whose management has ended, or whose 5-year
// window has closed by listDate, or whose completion date is unknown, or
// whose request is over a ceiling of QĐ 22/2023, is not eligible. People
// are looked up in people by id; requests of unknown people are skipped.
func Mau01(listDate Date, people map[string]Person, loans []Loan) []Mau01Row {
	var rows []Mau01Row
	for _, l := range loans {
		if l.Deleted || l.BorrowerKind != BorrowerPerson || l.Status != LoanRequested {
			continue
		}
		if !l.ListDate.IsZero() && l.ListDate.Compare(listDate) != 0 {
			continue
		}
		if !l.RequestedOn.IsZero() && l.RequestedOn.After(listDate) {
			continue
		}
		p, ok := people[l.PersonID]
		if !ok || p.Deleted {
			continue
		}
		judged := l
		judged.ListDate, judged.DisbursedOn = listDate, Date{}
		row := Mau01Row{Person: p, Loan: l, WindowEnd: LoanWindowClose(p.CompletedOn)}
		row.Warnings = CheckLoan(judged, LoanFacts{CompletedOn: p.CompletedOn})
		if p.Status == StatusEnded {
			row.Warnings = append(row.Warnings, loanWarn("person_id", "loan.warn.management_ended", ArticleQD22Art14))
		}
		row.Eligible = LoanEligible(row.Warnings)
		rows = append(rows, row)
	}
	return rows
}
