package caseload

import (
	"fmt"
	"sort"
)

// Kinds of worklist items ("Việc cần làm").
const (
	WorkAddressCheck    = "address_check"    // verify the address within 3 WD of the notice (TT 10/2024 Art. 8)
	WorkSenderAnswer    = "sender_answer"    // address changed: answer the sender (HCD-03, Art. 8)
	WorkNotReported     = "not_reported"     // past release, not reported: check with the family (Art. 9)
	WorkUpwardReport    = "upward_report"    // family checked, still not reported: report upward (HCD-04, Art. 9)
	WorkMentorDecision  = "mentor_decision"  // mentor decision within 3 WD of the session (HCD-06/07, Art. 10)
	WorkFileOpen        = "file_open"        // management file within 5 WD of the session (HCD-01, Art. 11)
	WorkVisitOverdue    = "visit_overdue"    // visit cadence by group exceeded
	WorkQuarterlyReport = "quarterly_report" // mentor report in the first 5 days of the quarter (HCD-08, Art. 10)
	WorkClassification  = "classification"   // not classified for the previous quarter (Art. 12)
	WorkExpungement     = "expungement"      // expungement date reached or within 30 days (BLHS Art. 70/71, TT 10/2024 Art. 13)
	WorkLoanWindow      = "loan_window"      // 5-year loan window closing within 90 days (QĐ 22/2023)
	WorkLoanList        = "loan_list"        // monthly Mẫu 01 list due on the 5th (QĐ 22/2023 Art. 14(2)(c))
)

// WorkKinds lists the item kinds in display order.
var WorkKinds = []string{WorkAddressCheck, WorkSenderAnswer, WorkNotReported, WorkUpwardReport,
	WorkMentorDecision, WorkFileOpen, WorkVisitOverdue, WorkQuarterlyReport, WorkClassification,
	WorkExpungement, WorkLoanWindow, WorkLoanList}

// Windows of the worklist rules, in days.
const (
	ExpungementHorizonDays = 30 // show expungement dates reached or within 30 days
	LoanWindowHorizonDays  = 90 // show loan windows closing within 90 days
	QuarterlyReportDays    = 5  // mentor reports within the first 5 days of the quarter (Art. 10)
	LoanListDay            = 5  // the Mẫu 01 list goes to the bank on the 5th (QĐ 22/2023 Art. 14(2)(c))
	// ReportEarlyDays accepts a quarterly report made up to this many days
	// before the quarter starts as the report for that quarter.
	ReportEarlyDays = 10
)

// DefaultVisitCadence is the default number of days between visits per
// group (DESIGN.md section 3); 0 means no visits (D: detained). People not
// classified yet use the B cadence unless the map has an entry for "".
var DefaultVisitCadence = map[Group]int{GroupA: 90, GroupB: 30, GroupC: 14, GroupD: 0}

// WorkItem is one thing due or overdue, with the rule that produced it.
type WorkItem struct {
	Kind     string         `json:"kind"`
	PersonID string         `json:"person_id,omitempty"`
	MentorID string         `json:"mentor_id,omitempty"`
	RecordID string         `json:"record_id,omitempty"` // the notice or reception to act on
	Due      Date           `json:"due"`
	Overdue  bool           `json:"overdue"`
	Rule     string         `json:"rule"` // message key of the rule text, citing the article
	Args     map[string]any `json:"args"` // template arguments of Rule (Name, Due, Days, ...)
}

// WorklistInput is what the worklist is computed from; the store loads it in
// bulk.
type WorklistInput struct {
	// People are the expected and managed people with the fields the rules
	// need (identity, status, group, dates, the legal fields of the
	// expungement computation). Ended people are ignored.
	People []Person
	// Notices are the prison notices of expected people.
	Notices []Notice
	// Receptions holds the latest reception of each person.
	Receptions []Reception
	// ActiveMentor maps a person id to the mentor id of the active assignment.
	ActiveMentor map[string]string
	// LastVisit maps a person id to the date of the latest visit of any
	// kind that has not been corrected.
	LastVisit map[string]Date
	// LastReport maps a person id to the date of the latest quarterly report.
	LastReport map[string]Date
	// LatestQuarter maps a person id to the latest quarter ("2026-Q2") the
	// person was classified for.
	LatestQuarter map[string]string
}

// Worklist computes everything due or overdue on today, sorted by due date
// (then kind, then person). cal gives the working days (nil: Monday–Friday);
// cadence gives the days between visits per group (nil: DefaultVisitCadence).
func Worklist(in WorklistInput, today Date, cal *Calendar, cadence map[Group]int) []WorkItem {
	cal = svCalendar(cal)
	if cadence == nil {
		cadence = DefaultVisitCadence
	}
	w := worklist{today: today, cal: cal}
	people := make(map[string]*Person, len(in.People))
	for i := range in.People {
		people[in.People[i].ID] = &in.People[i]
	}
	recByPerson := make(map[string]*Reception, len(in.Receptions))
	for i := range in.Receptions {
		r := &in.Receptions[i]
		if old, ok := recByPerson[r.PersonID]; !ok || old.SessionDate.Before(r.SessionDate) {
			recByPerson[r.PersonID] = r
		}
	}
	for _, n := range in.Notices {
		if p := people[n.PersonID]; p != nil && p.Status == StatusExpected && !n.Deleted {
			w.notice(n, p)
		}
	}
	y, q := QuarterOf(today)
	qStart := QuarterFirstDay(y, q)
	py, pq := PreviousQuarter(y, q)
	prevLabel := QuarterLabel(py, pq)
	for i := range in.People {
		p := &in.People[i]
		if p.Status != StatusManaged || p.Deleted {
			continue
		}
		rec := recByPerson[p.ID]
		mentor := in.ActiveMentor[p.ID]
		since := managedSince(p, rec)
		if rec != nil {
			w.reception(*rec, p, mentor)
		}
		w.visit(p, mentor, since, in.LastVisit[p.ID], cadence)
		if mentor != "" && p.Group != GroupD && !since.IsZero() && since.Before(qStart) {
			w.quarterlyReport(p, mentor, qStart, QuarterLabel(y, q), in.LastReport[p.ID])
		}
		if !since.IsZero() && since.Before(qStart) && p.Group != GroupD && in.LatestQuarter[p.ID] < prevLabel {
			w.add(WorkItem{Kind: WorkClassification, PersonID: p.ID, MentorID: mentor,
				Due: qStart.AddMonths(1).AddDays(-1), Rule: "worklist.rule.classification"},
				"Name", p.FullName, "Quarter", prevLabel)
		}
		w.legal(p, mentor)
	}
	if today.Day <= LoanListDay {
		w.add(WorkItem{Kind: WorkLoanList, Due: D(today.Year, today.Month, LoanListDay), Rule: "worklist.rule.loan_list"},
			"Month", fmt.Sprintf("%02d/%04d", int(today.Month), today.Year))
	}
	order := make(map[string]int, len(WorkKinds))
	for i, k := range WorkKinds {
		order[k] = i
	}
	sort.Slice(w.items, func(i, j int) bool {
		a, b := &w.items[i], &w.items[j]
		if c := a.Due.Compare(b.Due); c != 0 {
			return c < 0
		}
		if a.Kind != b.Kind {
			return order[a.Kind] < order[b.Kind]
		}
		return a.PersonID < b.PersonID
	})
	return w.items
}

// managedSince is when management started: the reception session, else the
// return or report date.
func managedSince(p *Person, rec *Reception) Date {
	if rec != nil && !rec.SessionDate.IsZero() {
		return rec.SessionDate
	}
	if !p.ReturnedOn.IsZero() {
		return p.ReturnedOn
	}
	return p.ReportedOn
}

type worklist struct {
	today Date
	cal   *Calendar
	items []WorkItem
}

// add appends an item, computing Overdue and the common arguments.
func (w *worklist) add(it WorkItem, kv ...any) {
	it.Overdue = it.Due.Before(w.today)
	it.Args = make(map[string]any, len(kv)/2+2)
	for i := 0; i+1 < len(kv); i += 2 {
		it.Args[fmt.Sprint(kv[i])] = kv[i+1]
	}
	it.Args["Due"] = svDMY(it.Due)
	days := w.today.DaysUntil(it.Due)
	if days < 0 {
		days = -days
	}
	it.Args["Days"] = days
	w.items = append(w.items, it)
}

func (w *worklist) notice(n Notice, p *Person) {
	if n.AddressCheck == AddressPending {
		w.add(WorkItem{Kind: WorkAddressCheck, PersonID: p.ID, RecordID: n.ID,
			Due: n.AddressCheckDue(w.cal), Rule: "worklist.rule.address_check"}, "Name", p.FullName)
	}
	if n.NeedsSenderAnswer() {
		w.add(WorkItem{Kind: WorkSenderAnswer, PersonID: p.ID, RecordID: n.ID,
			Due: w.cal.AddWorkingDays(n.AddressCheckedOn, AddressCheckWorkingDays), Rule: "worklist.rule.sender_answer"},
			"Name", p.FullName, "Sender", n.Sender)
	}
	dl := n.ReportDeadline()
	if dl.IsZero() || !w.today.After(dl) || !n.UpwardReportOn.IsZero() {
		return
	}
	if n.FamilyCheckedOn.IsZero() {
		w.add(WorkItem{Kind: WorkNotReported, PersonID: p.ID, RecordID: n.ID, Due: dl,
			Rule: "worklist.rule.not_reported"}, "Name", p.FullName)
	} else {
		w.add(WorkItem{Kind: WorkUpwardReport, PersonID: p.ID, RecordID: n.ID, Due: dl,
			Rule: "worklist.rule.upward_report"}, "Name", p.FullName)
	}
}

func (w *worklist) reception(r Reception, p *Person, mentor string) {
	if mentor == "" {
		w.add(WorkItem{Kind: WorkMentorDecision, PersonID: p.ID, RecordID: r.ID,
			Due: r.MentorDecisionDue(w.cal), Rule: "worklist.rule.mentor_decision"}, "Name", p.FullName)
	}
	if r.FileOpenedOn.IsZero() {
		w.add(WorkItem{Kind: WorkFileOpen, PersonID: p.ID, MentorID: mentor, RecordID: r.ID,
			Due: r.FileDue(w.cal), Rule: "worklist.rule.file_open"}, "Name", p.FullName)
	}
}

func (w *worklist) visit(p *Person, mentor string, since, last Date, cadence map[Group]int) {
	days, ok := cadence[p.Group]
	if !ok && p.Group == "" {
		days = cadence[GroupB]
	}
	base := last
	if base.IsZero() {
		base = since
	}
	if days <= 0 || base.IsZero() {
		return
	}
	due := base.AddDays(days)
	if due.After(w.today) {
		return
	}
	w.add(WorkItem{Kind: WorkVisitOverdue, PersonID: p.ID, MentorID: mentor, Due: due,
		Rule: "worklist.rule.visit_overdue"}, "Name", p.FullName, "Group", string(p.Group),
		"Cadence", days, "Last", svDMY(last))
}

func (w *worklist) quarterlyReport(p *Person, mentor string, qStart Date, label string, last Date) {
	if !last.IsZero() && !last.Before(qStart.AddDays(-ReportEarlyDays)) {
		return // reported for this quarter
	}
	w.add(WorkItem{Kind: WorkQuarterlyReport, PersonID: p.ID, MentorID: mentor,
		Due: qStart.AddDays(QuarterlyReportDays - 1), Rule: "worklist.rule.quarterly_report"},
		"Name", p.FullName, "Quarter", label)
}

func (w *worklist) legal(p *Person, mentor string) {
	// The shortest waiting period is 6 months (BLHS Art. 107): skip the
	// computation for people who cannot be near their date yet.
	if p.ExpungedOn.IsZero() && !p.CompletedOn.IsZero() &&
		!p.CompletedOn.AddMonths(6).After(w.today.AddDays(ExpungementHorizonDays)) {
		e := ComputeExpungement(*p)
		if !e.NoRecord && !e.EligibleOn.IsZero() && !e.EligibleOn.After(w.today.AddDays(ExpungementHorizonDays)) {
			rule := "worklist.rule.expungement_automatic"
			if e.Method == ExpungeCourt {
				rule = "worklist.rule.expungement_court"
			}
			w.add(WorkItem{Kind: WorkExpungement, PersonID: p.ID, MentorID: mentor, Due: e.EligibleOn, Rule: rule},
				"Name", p.FullName)
		}
	}
	if end := LoanWindowEnd(*p); !end.IsZero() && !end.Before(w.today) &&
		!end.After(w.today.AddDays(LoanWindowHorizonDays)) {
		w.add(WorkItem{Kind: WorkLoanWindow, PersonID: p.ID, MentorID: mentor, Due: end,
			Rule: "worklist.rule.loan_window"}, "Name", p.FullName)
	}
}
