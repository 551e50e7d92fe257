package caseload

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
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
// group (docs/ARCHITECTURE.md section 7); 0 means no visits (D: detained). People not
// classified yet use the B cadence unless the map has an entry for "".
var DefaultVisitCadence = map[Group]int{GroupA: 90, GroupB: 30, GroupC: 14, GroupD: 0}

// WorkItem is one thing due or overdue, with the rule that produced it.
type WorkItem struct {
	Kind     string   `json:"kind"`
	PersonID string   `json:"person_id,omitempty"`
	MentorID string   `json:"mentor_id,omitempty"`
	RecordID string   `json:"record_id,omitempty"` // the notice or reception to act on
	Due      Date     `json:"due"`
	Overdue  bool     `json:"overdue"`
	Rule     string   `json:"rule"` // message key of the rule text, citing the article
	Args     ItemArgs `json:"args"` // template arguments of Rule (Name, Due, Days, ...)
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
	// LoanList is the state of the month's Mẫu 01 list (see Mau01State);
	// nil when unknown: the loan_list item then shows on the 1st–5th.
	LoanList *LoanListState
}

// LoanListState is what the worklist needs to know about the Mẫu 01 list
// of the month (QĐ 22/2023 Art. 14(2)(c)): the loan_list item is due only
// while the list has not been sent and somebody eligible wants a loan.
type LoanListState struct {
	// Sent: the month's list was marked sent (a loan carries its date as
	// its Mẫu 01 list date).
	Sent bool
	// Wanted: a person eligible on the list date has a pending request
	// not yet on a list.
	Wanted bool
}

// Due reports whether the month's list still has to be sent.
func (st LoanListState) Due() bool { return !st.Sent && st.Wanted }

// Mau01State computes the state of the Mẫu 01 list of listDate from the
// loans (at least the live ones carrying listDate and the pending
// requests of people) and the borrowers by id, with the rules of Mau01.
func Mau01State(listDate Date, people map[string]Person, loans []Loan) LoanListState {
	var st LoanListState
	for i := range loans {
		if !loans[i].Deleted && loans[i].ListDate == listDate {
			st.Sent = true
		}
	}
	for _, r := range Mau01(listDate, people, loans) {
		if r.Eligible && r.Loan.ListDate.IsZero() {
			st.Wanted = true
		}
	}
	return st
}

// ApplyLoanList drops the loan_list item from items unless st says the
// month's Mẫu 01 list is due; items is filtered in place and returned.
func ApplyLoanList(items []WorkItem, st LoanListState) []WorkItem {
	if st.Due() {
		return items
	}
	out := items[:0]
	for _, it := range items {
		if it.Kind != WorkLoanList {
			out = append(out, it)
		}
	}
	return out
}

// WorkCase is one person's worklist input, reduced to what the rules read.
// The legal dates (expungement, loan window) do not depend on the day, so
// NewWorkCase computes them once: a store can keep the cases of a whole
// province in memory and compute the worklist of any day from them.
// A WorkCase is not changed after it is built; build a new one instead.
type WorkCase struct {
	ID     string
	Name   string
	Status Status // only expected and managed cases produce items
	Group  Group
	// Mentor is the mentor id of the active assignment ("" when none).
	Mentor string
	// Notices are the person's notices (used while expected).
	Notices []Notice
	// ReceptionID, SessionDate and FileOpenedOn describe the latest
	// reception (ReceptionID "" when there is none).
	ReceptionID  string
	SessionDate  Date
	FileOpenedOn Date
	// Since is when management started: the reception session, else the
	// return or report date (see SetReception).
	Since Date
	// LastVisit is the latest visit of any kind that was not corrected;
	// LastReport the latest quarterly report.
	LastVisit, LastReport Date
	// LatestQuarter is the latest quarter ("2026-Q2") the person was
	// classified for ("" when none is known).
	LatestQuarter string
	// ExpungeOn is the date the record can be expunged (zero when already
	// expunged, when there is no record, while it cannot be computed, or
	// when the person is not managed);
	// ExpungeMethod says whether it is automatic or by the court.
	ExpungeOn     Date
	ExpungeMethod ExpungeMethod
	// LoanWindowEnd is the last day of the 5-year loan window (QĐ 22/2023).
	LoanWindowEnd Date

	returnedOn, reportedOn Date
}

// NewWorkCase builds the case of p with its legal dates; the caller fills
// Mentor, Notices, the visit and classification fields, and calls
// SetReception when the person has a reception.
func NewWorkCase(p *Person) WorkCase {
	c := WorkCase{ID: p.ID, Name: p.FullName, Status: p.Status, Group: p.Group,
		returnedOn: p.ReturnedOn, reportedOn: p.ReportedOn, LoanWindowEnd: LoanWindowEnd(*p)}
	if p.Deleted {
		c.Status = "" // a deleted person produces nothing
	}
	c.Since = c.returnedOn
	if c.Since.IsZero() {
		c.Since = c.reportedOn
	}
	// Only managed people get legal items; an expected person's case is
	// built again when they become managed.
	if p.Status == StatusManaged && p.ExpungedOn.IsZero() && !p.CompletedOn.IsZero() {
		if e := ComputeExpungement(*p); !e.NoRecord && !e.EligibleOn.IsZero() {
			c.ExpungeOn, c.ExpungeMethod = e.EligibleOn, e.Method
		}
	}
	return c
}

// SetReception records the latest reception of the case and the start of
// management that follows from it.
func (c *WorkCase) SetReception(id string, session, fileOpened Date) {
	c.ReceptionID, c.SessionDate, c.FileOpenedOn = id, session, fileOpened
	switch {
	case !session.IsZero():
		c.Since = session
	case !c.returnedOn.IsZero():
		c.Since = c.returnedOn
	default:
		c.Since = c.reportedOn
	}
}

// Cases turns the input into one WorkCase per person (in the order of
// People), keeping the latest reception of each person.
func (in WorklistInput) Cases() []*WorkCase {
	cases := make([]*WorkCase, len(in.People))
	byID := make(map[string]*WorkCase, len(in.People))
	for i := range in.People {
		p := &in.People[i]
		c := NewWorkCase(p)
		c.Mentor = in.ActiveMentor[p.ID]
		c.LastVisit, c.LastReport = in.LastVisit[p.ID], in.LastReport[p.ID]
		c.LatestQuarter = in.LatestQuarter[p.ID]
		cases[i] = &c
		byID[p.ID] = &c
	}
	for _, n := range in.Notices {
		if c := byID[n.PersonID]; c != nil {
			c.Notices = append(c.Notices, n)
		}
	}
	latest := make(map[string]*Reception, len(in.Receptions))
	for i := range in.Receptions {
		r := &in.Receptions[i]
		if r.Deleted {
			continue
		}
		if old, ok := latest[r.PersonID]; !ok || old.SessionDate.Before(r.SessionDate) ||
			old.SessionDate == r.SessionDate && old.ID < r.ID {
			latest[r.PersonID] = r
		}
	}
	for id, r := range latest {
		if c := byID[id]; c != nil {
			c.SetReception(r.ID, r.SessionDate, r.FileOpenedOn)
		}
	}
	return cases
}

// Worklist computes everything due or overdue on today, sorted by due date
// (then kind, then person). cal gives the working days (nil: Monday–Friday);
// cadence gives the days between visits per group (nil: DefaultVisitCadence).
// The Mẫu 01 item follows in.LoanList when it is known.
func Worklist(in WorklistInput, today Date, cal *Calendar, cadence map[Group]int) []WorkItem {
	items := WorklistOf(in.Cases(), today, cal, cadence)
	if in.LoanList != nil {
		items = ApplyLoanList(items, *in.LoanList)
	}
	return items
}

// WorklistOf is Worklist over prepared cases; it reads them and does not
// change them, so several calls may share the same cases. The Mẫu 01 item
// (loan_list) is given on every 1st–5th; ApplyLoanList removes it when the
// month's list was sent or nobody eligible wants a loan.
func WorklistOf(cases []*WorkCase, today Date, cal *Calendar, cadence map[Group]int) []WorkItem {
	cal = svCalendar(cal)
	if cadence == nil {
		cadence = DefaultVisitCadence
	}
	w := worklist{today: today, todayN: dayNumber(today), cal: cal, cadence: cadenceTable(cadence),
		expHorizon: today.AddDays(ExpungementHorizonDays), loanHorizon: today.AddDays(LoanWindowHorizonDays)}
	y, q := QuarterOf(today)
	qStart := QuarterFirstDay(y, q)
	py, pq := PreviousQuarter(y, q)
	prevLabel := QuarterLabel(py, pq)
	prevText := QuarterText(py, pq) // the quarter reported on and classified for
	reportDue := qStart.AddDays(QuarterlyReportDays - 1)
	reportFrom := qStart.AddDays(-ReportEarlyDays)
	classDue := qStart.AddMonths(1).AddDays(-1)
	for _, c := range cases {
		switch c.Status {
		case StatusExpected:
			for _, n := range c.Notices {
				if !n.Deleted {
					w.notice(n, c)
				}
			}
			continue
		case StatusManaged:
		default:
			continue
		}
		if c.ReceptionID != "" {
			w.reception(c)
		}
		w.visit(c)
		current := !c.Since.IsZero() && c.Since.Before(qStart) && c.Group != GroupD
		if current && c.Mentor != "" && (c.LastReport.IsZero() || c.LastReport.Before(reportFrom)) {
			w.add(WorkItem{Kind: WorkQuarterlyReport, PersonID: c.ID, MentorID: c.Mentor,
				Due: reportDue, Rule: "worklist.rule.quarterly_report"}, "Name", c.Name, "Quarter", prevText)
		}
		if current && c.LatestQuarter < prevLabel {
			w.add(WorkItem{Kind: WorkClassification, PersonID: c.ID, MentorID: c.Mentor,
				Due: classDue, Rule: "worklist.rule.classification"},
				"Name", c.Name, "Quarter", prevText)
		}
		w.legal(c)
	}
	if today.Day() <= LoanListDay {
		w.add(WorkItem{Kind: WorkLoanList, Due: D(today.Year(), today.Month(), LoanListDay), Rule: "worklist.rule.loan_list"},
			"Month", fmt.Sprintf("%02d/%04d", int(today.Month()), today.Year()))
	}
	sortItems(w.items)
	return w.items
}

// kindOrder is the position of each kind in WorkKinds.
var kindOrder = func() map[string]int {
	m := make(map[string]int, len(WorkKinds))
	for i, k := range WorkKinds {
		m[k] = i
	}
	return m
}()

// sortItems orders items by due date, kind, person, then record. It sorts
// small keys rather than the items (a province worklist holds ~100,000).
func sortItems(items []WorkItem) {
	type key struct {
		due  int32 // day number of Due
		kind int32 // position in WorkKinds
		idx  int32
	}
	keys := make([]key, len(items))
	for i := range items {
		keys[i] = key{int32(dayNumber(items[i].Due)), int32(kindOrder[items[i].Kind]), int32(i)}
	}
	slices.SortFunc(keys, func(a, b key) int {
		if a.due != b.due {
			return cmp.Compare(a.due, b.due)
		}
		if a.kind != b.kind {
			return cmp.Compare(a.kind, b.kind)
		}
		x, y := &items[a.idx], &items[b.idx]
		if c := strings.Compare(x.PersonID, y.PersonID); c != 0 {
			return c
		}
		return strings.Compare(x.RecordID, y.RecordID)
	})
	sorted := make([]WorkItem, len(items))
	for i, k := range keys {
		sorted[i] = items[k.idx]
	}
	copy(items, sorted)
}

// CompareWorkItems orders two items as Worklist sorts them: by due date,
// kind (in WorkKinds order), person, then record.
func CompareWorkItems(a, b *WorkItem) int {
	if c := a.Due.Compare(b.Due); c != 0 {
		return c
	}
	if a.Kind != b.Kind {
		return cmp.Compare(kindOrder[a.Kind], kindOrder[b.Kind])
	}
	if c := strings.Compare(a.PersonID, b.PersonID); c != 0 {
		return c
	}
	return strings.Compare(a.RecordID, b.RecordID)
}

// dayNumber is the number of days from 01/03/0000 to d in the proleptic
// Gregorian calendar (zero dates give a fixed small number); differences
// of day numbers are differences in days, without time.Time.
func dayNumber(d Date) int {
	y, m := d.Year(), int(d.Month())
	if m <= 2 {
		y--
		m += 12
	}
	era := y / 400
	if y < 0 && y%400 != 0 {
		era--
	}
	yoe := y - era*400
	doy := (153*(m-3)+2)/5 + d.Day() - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	return era*146097 + doe
}

// cadenceTable turns the cadence map into days per group; -1 means no
// entry. People not classified yet use the B cadence unless the map has an
// entry for "".
func cadenceTable(m map[Group]int) map[Group]int {
	t := make(map[Group]int, 5)
	for _, g := range []Group{GroupA, GroupB, GroupC, GroupD, ""} {
		d, ok := m[g]
		if !ok && g == "" {
			d = m[GroupB]
		}
		t[g] = d
	}
	for g, d := range m {
		t[g] = d
	}
	return t
}

type worklist struct {
	today       Date
	todayN      int // dayNumber(today)
	cal         *Calendar
	cadence     map[Group]int
	expHorizon  Date // today + ExpungementHorizonDays
	loanHorizon Date // today + LoanWindowHorizonDays
	items       []WorkItem
}

// add appends an item, computing Overdue and the common arguments; kv are
// pairs of a string key and a value.
func (w *worklist) add(it WorkItem, kv ...any) {
	it.Overdue = it.Due.Before(w.today)
	days := dayNumber(it.Due) - w.todayN
	if days < 0 {
		days = -days
	}
	it.Args = make(ItemArgs, 0, len(kv)/2+2)
	for i := 0; i+1 < len(kv); i += 2 {
		k, ok := kv[i].(string)
		if !ok {
			k = fmt.Sprint(kv[i])
		}
		it.Args = it.Args.with(k, kv[i+1])
	}
	it.Args = it.Args.with("Due", it.Due).with("Days", days)
	w.items = append(w.items, it)
}

func (w *worklist) notice(n Notice, c *WorkCase) {
	if n.AddressCheck == AddressPending {
		w.add(WorkItem{Kind: WorkAddressCheck, PersonID: c.ID, RecordID: n.ID,
			Due: n.AddressCheckDue(w.cal), Rule: "worklist.rule.address_check"}, "Name", c.Name)
	}
	if n.NeedsSenderAnswer() {
		w.add(WorkItem{Kind: WorkSenderAnswer, PersonID: c.ID, RecordID: n.ID,
			Due: w.cal.AddWorkingDays(n.AddressCheckedOn, AddressCheckWorkingDays), Rule: "worklist.rule.sender_answer"},
			"Name", c.Name, "Sender", n.Sender)
	}
	dl := n.ReportDeadline()
	if dl.IsZero() || !w.today.After(dl) || !n.UpwardReportOn.IsZero() {
		return
	}
	if n.FamilyCheckedOn.IsZero() {
		w.add(WorkItem{Kind: WorkNotReported, PersonID: c.ID, RecordID: n.ID, Due: dl,
			Rule: "worklist.rule.not_reported"}, "Name", c.Name)
	} else {
		w.add(WorkItem{Kind: WorkUpwardReport, PersonID: c.ID, RecordID: n.ID, Due: dl,
			Rule: "worklist.rule.upward_report"}, "Name", c.Name)
	}
}

func (w *worklist) reception(c *WorkCase) {
	if c.Mentor != "" && !c.FileOpenedOn.IsZero() {
		return
	}
	r := Reception{Meta: Meta{ID: c.ReceptionID}, PersonID: c.ID, SessionDate: c.SessionDate, FileOpenedOn: c.FileOpenedOn}
	if c.Mentor == "" {
		w.add(WorkItem{Kind: WorkMentorDecision, PersonID: c.ID, RecordID: r.ID,
			Due: r.MentorDecisionDue(w.cal), Rule: "worklist.rule.mentor_decision"}, "Name", c.Name)
	}
	if r.FileOpenedOn.IsZero() {
		w.add(WorkItem{Kind: WorkFileOpen, PersonID: c.ID, MentorID: c.Mentor, RecordID: r.ID,
			Due: r.FileDue(w.cal), Rule: "worklist.rule.file_open"}, "Name", c.Name)
	}
}

func (w *worklist) visit(c *WorkCase) {
	days := w.cadence[c.Group]
	base := c.LastVisit
	if base.IsZero() {
		base = c.Since
	}
	if days <= 0 || base.IsZero() {
		return
	}
	// base + days <= today, without date arithmetic for the many people
	// visited recently: a visit within the last `days` days is never due.
	if base.Year() == w.today.Year() && base.Month() == w.today.Month() && base.Day()+days > w.today.Day() {
		return
	}
	due := base.AddDays(days)
	if due.After(w.today) {
		return
	}
	w.add(WorkItem{Kind: WorkVisitOverdue, PersonID: c.ID, MentorID: c.Mentor, Due: due,
		Rule: "worklist.rule.visit_overdue"}, "Name", c.Name, "Group", string(c.Group),
		"Cadence", days, "Last", c.LastVisit)
}

func (w *worklist) legal(c *WorkCase) {
	if !c.ExpungeOn.IsZero() && !c.ExpungeOn.After(w.expHorizon) {
		rule := "worklist.rule.expungement_automatic"
		if c.ExpungeMethod == ExpungeCourt {
			rule = "worklist.rule.expungement_court"
		}
		w.add(WorkItem{Kind: WorkExpungement, PersonID: c.ID, MentorID: c.Mentor, Due: c.ExpungeOn, Rule: rule},
			"Name", c.Name)
	}
	if end := c.LoanWindowEnd; !end.IsZero() && !end.Before(w.today) && !end.After(w.loanHorizon) {
		w.add(WorkItem{Kind: WorkLoanWindow, PersonID: c.ID, MentorID: c.Mentor, Due: end,
			Rule: "worklist.rule.loan_window"}, "Name", c.Name)
	}
}
