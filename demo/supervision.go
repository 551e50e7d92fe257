package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() { Register(supervisionStep) }

// demoOfficer is the ward police officer in charge of the demo caseload.
const demoOfficer = "Thượng úy Vũ Văn Hải"

// demoMentors is the demo ward's mentor roster; the last one is inactive.
var demoMentors = []caseload.Mentor{
	{Kind: caseload.MentorOrganisation, Name: "Chi hội Phụ nữ Tổ dân phố 1", Organisation: caseload.OrgWomenUnion, Position: "Chi hội trưởng", Phone: "0912345601"},
	{Kind: caseload.MentorPerson, Name: "Nguyễn Thị Hồng", Organisation: caseload.OrgWomenUnion, Position: "Hội viên", Phone: "0912345602"},
	{Kind: caseload.MentorPerson, Name: "Trần Văn Quang", Organisation: caseload.OrgVeterans, Position: "Chi hội trưởng Cựu chiến binh", Phone: "0912345603"},
	{Kind: caseload.MentorPerson, Name: "Lê Minh Tuấn", Organisation: caseload.OrgYouthUnion, Position: "Bí thư Chi đoàn", Phone: "0912345604"},
	{Kind: caseload.MentorPerson, Name: "Phạm Văn Thắng", Organisation: caseload.OrgResidentialGroup, Position: "Tổ trưởng tổ dân phố", Phone: "0912345605"},
	{Kind: caseload.MentorOrganisation, Name: "Ban công tác Mặt trận Tổ dân phố 4", Organisation: caseload.OrgFront, Position: "Trưởng ban", Phone: "0912345606"},
	{Kind: caseload.MentorPerson, Name: "Đỗ Thị Lan", Organisation: caseload.OrgFamily, Position: "Mẹ đẻ", Phone: "0912345607"},
	{Kind: caseload.MentorOrganisation, Name: "Công ty TNHH Cơ khí Hòa Bình", Organisation: caseload.OrgBusiness, Position: "Giám đốc", Phone: "0912345608"},
	{Kind: caseload.MentorPerson, Name: "Vũ Văn Hải", Organisation: caseload.OrgPolice, Position: "Công an khu vực", Phone: "0912345609"},
	{Kind: caseload.MentorPerson, Name: "Hoàng Văn Nông", Organisation: caseload.OrgFarmers, Position: "Chi hội trưởng Nông dân", Phone: "0912345610"},
}

// supervisionStep adds the demo ward's supervision: mentors, a reception
// and a mentor decision for every managed person, visits at the group
// cadence, quarterly reports and classifications, and prison notices for
// the expected persons. The records are those of a ward that keeps up with
// its work: the worklist shows a few dozen items at most, a minority of
// them overdue (see planSupervision).
func supervisionStep(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person) error {
	today := refDate(r)
	cal, err := st.Calendar(ctx)
	if err != nil {
		return fmt.Errorf("demo supervision: %w", err)
	}
	cadence, err := st.VisitCadence(ctx)
	if err != nil {
		return fmt.Errorf("demo supervision: %w", err)
	}
	var active []caseload.Mentor
	for i, m := range demoMentors {
		m.Active = i != len(demoMentors)-1
		if err := st.SaveMentor(ctx, &m); err != nil {
			return fmt.Errorf("demo mentor: %w", err)
		}
		if m.Active {
			active = append(active, m)
		}
	}
	plan := planSupervision(r, people, active, today, cal, cadence)
	if !batchesAll(st) {
		plan = plan.limit(fallbackPersons)
	}
	return plan.write(ctx, st)
}

// fallbackPersons bounds the managed (and expected) persons given
// supervision records when the store has no batch writers: one transaction
// per record costs milliseconds, so an office-scale demo (100,000 persons)
// supervises only the first ones rather than run for hours.
const fallbackPersons = 3000

// batchesAll reports whether the store offers every batch writer the plan
// needs for an office-scale demo.
func batchesAll(st any) bool {
	_, r := st.(receptionBatcher)
	_, a := st.(assignmentBatcher)
	_, v := st.(visitBatcher)
	_, c := st.(classificationBatcher)
	return r && a && v && c
}

// limit keeps the records of the first n managed persons (in the order of
// the receptions) and the first n notices.
func (sp supervisionPlan) limit(n int) supervisionPlan {
	if len(sp.Receptions) <= n && len(sp.Notices) <= n {
		return sp
	}
	keep := make(map[string]bool, n)
	for _, r := range sp.Receptions[:min(n, len(sp.Receptions))] {
		keep[r.PersonID] = true
	}
	return supervisionPlan{
		Receptions:      sp.Receptions[:min(n, len(sp.Receptions))],
		Assignments:     keepFor(sp.Assignments, keep, func(a caseload.Assignment) string { return a.PersonID }),
		Notices:         sp.Notices[:min(n, len(sp.Notices))],
		Visits:          keepFor(sp.Visits, keep, func(v caseload.Visit) string { return v.PersonID }),
		Classifications: keepFor(sp.Classifications, keep, func(c caseload.Classification) string { return c.PersonID }),
	}
}

// keepFor returns the items whose person is in keep, in order.
func keepFor[T any](items []T, keep map[string]bool, person func(T) string) []T {
	var out []T
	for _, it := range items {
		if keep[person(it)] {
			out = append(out, it)
		}
	}
	return out
}

// supervisionPlan is every supervision record of the demo ward, in the
// order they are written.
type supervisionPlan struct {
	Receptions      []caseload.Reception
	Assignments     []caseload.Assignment
	Notices         []caseload.Notice
	Visits          []caseload.Visit
	Classifications []caseload.Classification // oldest first for each person
}

// Shares of the managed persons in a special situation, each with a
// minimum so that a small ward shows every kind of worklist item.
const (
	overdueVisitShare, overdueVisitMin = 0.03, 3 // visit overdue by days or weeks
	dueTodayShare, dueTodayMin         = 0.02, 2 // visit due today
	missingReportShare, missingMin     = 0.01, 1 // no quarterly report nor classification
	largeWard                          = 1000    // managed persons above which history is shortened
	fullHistoryQuarters, fullVisits    = 3, 8    // quarters of reports/classifications, visits kept
	shortHistoryQuarters, shortVisits  = 0, 2    // the same at office scale
	reportEarlyDays                    = -9      // mentors report from 9 days before the quarter ends
)

// supervised is the plan for one managed person, before the quotas.
type supervised struct {
	p          *caseload.Person
	session    caseload.Date
	mentor     caseload.Mentor // zero while no mentor is decided
	from       caseload.Date   // the mentor decision
	cadence    int             // days between visits, 0 = none
	report     caseload.Date   // this quarter's report (zero: none yet)
	classified caseload.Date   // classification for last quarter (zero: none yet)
	history    []caseload.Date // earlier report dates, newest first
	contact    caseload.Date   // the latest report (this quarter's or an earlier one)
	visit      visitState
}

type visitState int

const (
	visitCurrent visitState = iota
	visitOverdue
	visitDueToday
)

// planner draws the plan. It is deterministic for a random source.
type planner struct {
	r       *rand.Rand
	today   caseload.Date
	cal     *caseload.Calendar
	cadence map[caseload.Group]int
	mentors []caseload.Mentor
	qStart  caseload.Date // first day of today's quarter
	plan    supervisionPlan
	decided int // mentor decisions so far (their numbers)
}

func (pl *planner) between(lo, hi int) int {
	if hi <= lo {
		return lo
	}
	return lo + pl.r.IntN(hi-lo+1)
}

func (pl *planner) pick(list []string) string { return list[pl.r.IntN(len(list))] }

// planSupervision draws the supervision records of the demo persons on
// today, a ward that keeps up with its work:
//   - every managed person had a reception session on the day they
//     reported; the mentor was decided within 3 working days and the file
//     opened within 5 (TT 10/2024 Art. 10, 11), except the newest arrivals
//     whose deadlines have not passed;
//   - visits follow the group cadence, with a few people overdue by days or
//     weeks and a couple due today;
//   - mentors report for the quarter from 9 days before it ends to a few
//     days into the next (HCD-08), the officer classifies within 2 days, a
//     few reports late and about 1 % missing;
//   - each expected person has a notice at its stage: address check due,
//     confirmed, changed and answered, or released and not reported.
func planSupervision(r *rand.Rand, people []caseload.Person, mentors []caseload.Mentor,
	today caseload.Date, cal *caseload.Calendar, cadence map[caseload.Group]int) supervisionPlan {
	y, q := caseload.QuarterOf(today)
	pl := &planner{r: r, today: today, cal: cal, cadence: cadence, mentors: mentors,
		qStart: caseload.QuarterFirstDay(y, q)}
	var cases []supervised
	expected := 0
	for i := range people {
		switch people[i].Status {
		case caseload.StatusManaged:
			cases = append(cases, pl.draw(&people[i]))
		case caseload.StatusExpected:
			pl.notice(&people[i], expected)
			expected++
		}
	}
	quarters, visits := fullHistoryQuarters, fullVisits
	if len(cases) > largeWard {
		quarters, visits = shortHistoryQuarters, shortVisits
	}
	pl.quotas(cases)
	for i := range cases {
		pl.emit(&cases[i], quarters, visits)
	}
	return pl.plan
}

// draw decides the reception, mentor and quarterly report of one managed
// person.
func (pl *planner) draw(p *caseload.Person) supervised {
	c := supervised{p: p, session: p.ReportedOn, cadence: pl.cadence[p.Group]}
	if c.session.IsZero() {
		c.session = caseload.MaxDate(p.ReturnedOn, p.CompletedOn)
	}
	c.session = svMinDate(c.session, pl.today)
	if d := pl.cal.AddWorkingDays(c.session, pl.between(1, 3)); !d.After(pl.today) && len(pl.mentors) > 0 {
		c.from = d
		c.mentor = pl.mentors[pl.r.IntN(len(pl.mentors))]
	}
	if !c.session.Before(pl.qStart) {
		return c // arrived this quarter: nothing to report or classify yet
	}
	// The report for the quarter now ending, and the classification of
	// that quarter which follows it.
	var rd caseload.Date
	switch u := pl.r.Float64(); {
	case u < 0.90:
		rd = pl.qStart.AddDays(pl.between(reportEarlyDays, -1))
	case u < 0.98:
		rd = pl.qStart.AddDays(pl.between(0, caseload.QuarterlyReportDays-1))
	default: // late
		rd = pl.qStart.AddDays(pl.between(caseload.QuarterlyReportDays, 25))
	}
	rd = caseload.MaxDate(rd, c.session, c.from)
	cd := rd.AddDays(pl.between(0, 2))
	if p.Group == caseload.GroupD || c.mentor.ID == "" {
		rd = caseload.Date{} // no report while detained or without a mentor
	}
	if !rd.After(pl.today) {
		c.report = rd
	}
	if !cd.After(pl.today) {
		c.classified = cd
	}
	if c.mentor.ID == "" {
		return c
	}
	// Earlier quarters, newest first, while the person was managed.
	qs := pl.qStart
	for k := 0; k < fullHistoryQuarters; k++ {
		qs = qs.AddMonths(-3)
		if !c.session.Before(qs) || !c.from.Before(qs.AddDays(reportEarlyDays)) {
			break
		}
		c.history = append(c.history, qs.AddDays(pl.between(reportEarlyDays, caseload.QuarterlyReportDays-1)))
	}
	return c
}

// quotas picks the few persons with an overdue visit, a visit due today or
// a missing quarterly report, among those where the state can hold.
func (pl *planner) quotas(cases []supervised) {
	n := len(cases)
	order := pl.r.Perm(n)
	overdue := max(overdueVisitMin, int(overdueVisitShare*float64(n)+0.5))
	dueToday := max(dueTodayMin, int(dueTodayShare*float64(n)+0.5))
	missing := max(missingMin, int(missingReportShare*float64(n)+0.5))
	for _, i := range order {
		c := &cases[i]
		if c.mentor.ID == "" || c.cadence <= 0 {
			continue
		}
		c.contact = c.report
		if c.contact.IsZero() && len(c.history) > 0 {
			c.contact = c.history[0]
		}
		// The visit base is the latest contact, reports included: it must
		// be old enough for the visit to be due.
		feasible := func(base caseload.Date) bool {
			return !base.Before(c.from) && !c.contact.After(base)
		}
		switch {
		case overdue > 0 && feasible(pl.today.AddDays(-c.cadence-3)):
			c.visit, overdue = visitOverdue, overdue-1
		case dueToday > 0 && feasible(pl.today.AddDays(-c.cadence)):
			c.visit, dueToday = visitDueToday, dueToday-1
		case missing > 0 && !c.report.IsZero() && !c.classified.IsZero():
			c.report, c.classified, missing = caseload.Date{}, caseload.Date{}, missing-1
		}
	}
}

// emit appends the records of one managed person to the plan.
func (pl *planner) emit(c *supervised, quarters, maxVisits int) {
	p := c.p
	rec := caseload.Reception{PersonID: p.ID, SessionDate: c.session, Officer: demoOfficer,
		MinutesDone: true, InfoSheetDone: true, CounsellingDone: true,
		Guidance: []caseload.GuidanceTopic{caseload.GuidanceResidence, caseload.GuidanceIDCard}}
	if pl.r.IntN(3) > 0 {
		rec.Guidance = append(rec.Guidance, caseload.GuidanceJobs)
	}
	if pl.r.IntN(2) == 0 {
		rec.Guidance = append(rec.Guidance, caseload.GuidanceLoans)
	}
	if d := pl.cal.AddWorkingDays(c.session, pl.between(2, caseload.FileOpenWorkingDays)); !d.After(pl.today) {
		rec.FileOpenedOn = d
	}
	pl.plan.Receptions = append(pl.plan.Receptions, rec)
	if c.mentor.ID == "" {
		return
	}
	pl.decided++
	pl.plan.Assignments = append(pl.plan.Assignments, caseload.Assignment{PersonID: p.ID, MentorID: c.mentor.ID,
		From: c.from, Decision: caseload.Decision{Number: fmt.Sprintf("%d/QĐ-UBND", 100+pl.decided%900), Date: c.from}})

	// Visits, newest first from the last one the state asks for.
	if c.cadence > 0 {
		var last caseload.Date
		switch c.visit {
		case visitOverdue: // by 3 to 30 days, never before the mentor or the latest report
			base := pl.today.AddDays(-c.cadence - 3)
			room := c.from.DaysUntil(base)
			if !c.contact.IsZero() {
				room = min(room, c.contact.DaysUntil(base))
			}
			last = base.AddDays(-pl.between(0, min(27, room)))
		case visitDueToday:
			last = pl.today.AddDays(-c.cadence)
		default:
			last = caseload.MaxDate(pl.today.AddDays(-pl.between(0, c.cadence-1)), c.from)
		}
		for d, k := last, 0; !d.Before(c.from) && k < maxVisits; k++ {
			pl.plan.Visits = append(pl.plan.Visits, pl.visit(c, d))
			d = d.AddDays(-c.cadence + pl.between(0, c.cadence/4))
		}
	}

	// Quarterly reports and classifications, oldest first so that the
	// latest classification sets the person's group.
	hist := c.history
	if len(hist) > quarters {
		hist = hist[:quarters]
	}
	y, q := caseload.QuarterOf(pl.qStart)
	type quarterly struct {
		report, classified caseload.Date
		label              string
	}
	var rows []quarterly
	for k := len(hist) - 1; k >= 0; k-- {
		qy, qq := caseload.QuarterOf(pl.qStart.AddMonths(-3 * (k + 2)))
		rows = append(rows, quarterly{hist[k], hist[k].AddDays(pl.between(0, 2)), caseload.QuarterLabel(qy, qq)})
	}
	py, pq := caseload.PreviousQuarter(y, q)
	rows = append(rows, quarterly{c.report, c.classified, caseload.QuarterLabel(py, pq)})
	for i, row := range rows {
		if !row.report.IsZero() && p.Group != caseload.GroupD {
			pl.plan.Visits = append(pl.plan.Visits, pl.quarterlyReport(c, row.report))
		}
		if row.classified.IsZero() || row.classified.After(pl.today) {
			continue
		}
		g := p.Group
		if i == 0 && i < len(rows)-1 && pl.r.IntN(3) == 0 {
			g = worseGroup(g) // improved since
		}
		pl.plan.Classifications = append(pl.plan.Classifications, caseload.Classification{PersonID: p.ID,
			Quarter: row.label, Group: g, On: row.classified, Reason: pl.pick(groupReasons[g]), By: demoOfficer})
	}
	// The stored group follows the latest classification: keep it p.Group.
	if n := len(pl.plan.Classifications); n > 0 && pl.plan.Classifications[n-1].PersonID == p.ID {
		last := &pl.plan.Classifications[n-1]
		if last.Group != p.Group {
			last.Group, last.Reason = p.Group, pl.pick(groupReasons[p.Group])
		}
	}
}

// visit draws one contact by the mentor (sometimes the officer).
func (pl *planner) visit(c *supervised, d caseload.Date) caseload.Visit {
	n := demoVisitNotes
	v := caseload.Visit{PersonID: c.p.ID, Date: d, AuthorKind: caseload.AuthorMentor, AuthorName: c.mentor.Name,
		MentorID: c.mentor.ID, Kind: caseload.VisitHome, Employment: pl.pick(n.employment),
		Income: pl.pick(n.income), Family: pl.pick(n.family), Health: pl.pick(n.health),
		Attitude: pl.pick(n.attitude), Risks: pl.pick(n.risks),
		HelpNeeded: pl.pick(n.needed), HelpGiven: pl.pick(n.given), NextPlanned: d.AddDays(c.cadence)}
	switch u := pl.r.IntN(10); {
	case u < 2:
		v.Kind = caseload.VisitPhone
	case u < 3:
		v.Kind, v.AuthorKind, v.AuthorName, v.MentorID = caseload.VisitOffice, caseload.AuthorOfficer, demoOfficer, ""
	}
	return v
}

// quarterlyReport draws the mentor's quarterly report (HCD-08).
func (pl *planner) quarterlyReport(c *supervised, d caseload.Date) caseload.Visit {
	n := demoVisitNotes
	return caseload.Visit{PersonID: c.p.ID, Date: d, AuthorKind: caseload.AuthorMentor, AuthorName: c.mentor.Name,
		MentorID: c.mentor.ID, Kind: caseload.VisitQuarterlyReport, Employment: pl.pick(n.employment),
		Income: pl.pick(n.income), Family: pl.pick(n.family), Attitude: pl.pick(n.attitude),
		HelpNeeded: pl.pick(n.needed)}
}

// notice draws the prison notice of the i-th expected person: received two
// months before the release (Luật THAHS 2019 Art. 46), the address checked
// within 3 working days (TT 10/2024 Art. 8), a changed address answered to
// the sender (HCD-03).
func (pl *planner) notice(p *caseload.Person, i int) {
	senders := []string{"Trại giam Xuân Lộc", "Trại giam Thủ Đức", "Trại giam Ba Sao", "Trại giam Phú Sơn 4", "Trại giam Thanh Xuân"}
	nd := svMinDate(p.CompletedOn.AddMonths(-2), pl.today)
	n := caseload.Notice{PersonID: p.ID, Sender: senders[i%len(senders)],
		Number: fmt.Sprintf("%d/TB-TG", pl.between(100, 999)), NoticeDate: nd, ExpectedRelease: p.CompletedOn}
	if checked := pl.cal.AddWorkingDays(nd, pl.between(1, caseload.AddressCheckWorkingDays)); !checked.After(pl.today) {
		n.AddressCheck, n.AddressCheckedOn = caseload.AddressConfirmed, checked
		if i%5 == 2 {
			n.AddressCheck, n.NewAddress = caseload.AddressChanged, demoNewAddresses[i%len(demoNewAddresses)]
			if answered := pl.cal.AddWorkingDays(checked, pl.between(1, 2)); !answered.After(pl.today) {
				n.SenderAnsweredOn = answered
			}
		}
	}
	pl.plan.Notices = append(pl.plan.Notices, n)
}

// worseGroup is the group one step below g (A→B→C); C and D stay.
func worseGroup(g caseload.Group) caseload.Group {
	switch g {
	case caseload.GroupA:
		return caseload.GroupB
	case caseload.GroupB:
		return caseload.GroupC
	}
	return g
}

// svMinDate returns the earlier of two dates.
func svMinDate(a, b caseload.Date) caseload.Date {
	if a.Before(b) {
		return a
	}
	return b
}

// demoNewAddresses are the addresses a family gives when the person will
// live elsewhere.
var demoNewAddresses = []string{"Thôn Đông, xã An Bình", "Số 45 đường Lê Lợi, phường Tân Mai", "Ấp 3, xã Phú Hữu"}

// groupReasons are the officer's reasons for each group (TT 10/2024 Art. 12).
var groupReasons = map[caseload.Group][]string{
	caseload.GroupA: {"Chấp hành tốt quy định, có việc làm ổn định, gia đình quan tâm",
		"Tích cực lao động, tham gia sinh hoạt tổ dân phố đầy đủ",
		"Chấp hành tốt, không vi phạm, quan hệ tốt với hàng xóm"},
	caseload.GroupB: {"Chấp hành tương đối tốt, việc làm chưa ổn định",
		"Còn mặc cảm, ít tham gia hoạt động ở khu dân cư",
		"Chấp hành quy định nhưng thu nhập bấp bênh, cần hỗ trợ việc làm"},
	caseload.GroupC: {"Chưa chấp hành đầy đủ việc trình báo, còn tụ tập với đối tượng xấu",
		"Có biểu hiện sử dụng rượu bia thường xuyên, gây mất trật tự",
		"Không có việc làm, nợ nần, nguy cơ tái phạm cao"},
	caseload.GroupD: {"Đang bị tạm giữ, tạm giam, không thể gặp trực tiếp",
		"Đang chấp hành biện pháp xử lý vi phạm hành chính tại cơ sở"},
}

// demoVisitNotes are what mentors write after a visit.
var demoVisitNotes = struct{ employment, income, family, health, attitude, risks, needed, given []string }{
	employment: []string{"Làm phụ hồ", "Chạy xe ôm công nghệ", "Làm công nhân cơ khí", "Chưa có việc làm", "Bán hàng ăn sáng cùng vợ", "Làm thuê theo mùa vụ"},
	income:     []string{"khoảng 5 triệu đồng/tháng", "khoảng 7 triệu đồng/tháng", "không ổn định", "chưa có thu nhập"},
	family:     []string{"Sống cùng bố mẹ, gia đình quan tâm", "Đã lập gia đình, có 2 con", "Sống một mình", "Gia đình khó khăn"},
	health:     []string{"Bình thường", "Sức khỏe tốt", "Đau lưng, đang điều trị"},
	attitude:   []string{"Chấp hành tốt, tham gia sinh hoạt tổ dân phố", "Chấp hành, còn mặc cảm", "Chấp hành tốt, thái độ cởi mở"},
	risks:      []string{"", "", "", "Hay tụ tập với đối tượng xấu", "Nợ nần"},
	needed:     []string{"", "", "Cần hỗ trợ vay vốn", "Cần giới thiệu việc làm", "Cần làm lại căn cước"},
	given:      []string{"", "Đã giới thiệu đến Trung tâm dịch vụ việc làm", "Đã hướng dẫn thủ tục vay vốn NHCSXH"},
}

// Batch writers the store may offer; the demo uses each one it finds
// (chunks of batchSize records in one transaction each) and falls back to
// one call per record, which is much slower at office scale.
type (
	receptionBatcher interface {
		RecordReceptions(ctx context.Context, rs []caseload.Reception) error
	}
	assignmentBatcher interface {
		AssignMany(ctx context.Context, as []caseload.Assignment) error
	}
	noticeBatcher interface {
		AddNotices(ctx context.Context, ns []caseload.Notice) error
	}
	visitBatcher interface {
		AddVisits(ctx context.Context, vs []caseload.Visit) error
	}
	classificationBatcher interface {
		ClassifyMany(ctx context.Context, cs []caseload.Classification) error
	}
)

// write saves the plan: receptions, mentor decisions, notices, visits and
// reports, then classifications (which set the persons' groups).
func (sp supervisionPlan) write(ctx context.Context, st *store.Store) error {
	var s any = st
	steps := []struct {
		name string
		run  func() error
	}{
		{"reception", func() error {
			return writeAll(ctx, sp.Receptions, s, func(x *caseload.Reception) error { return st.RecordReception(ctx, x) })
		}},
		{"assignment", func() error {
			return writeAll(ctx, sp.Assignments, s, func(x *caseload.Assignment) error { return st.Assign(ctx, x) })
		}},
		{"notice", func() error {
			return writeAll(ctx, sp.Notices, s, func(x *caseload.Notice) error { return st.AddNoticeFor(ctx, x) })
		}},
		{"visit", func() error {
			return writeAll(ctx, sp.Visits, s, func(x *caseload.Visit) error { return st.AddVisit(ctx, x) })
		}},
		{"classification", func() error {
			return writeAll(ctx, sp.Classifications, s, func(x *caseload.Classification) error { return st.Classify(ctx, x) })
		}},
	}
	for _, step := range steps {
		if err := step.run(); err != nil {
			return fmt.Errorf("demo %s: %w", step.name, err)
		}
	}
	return nil
}

// writeAll saves items through the store's batch writer for T when it has
// one, else one by one.
func writeAll[T any](ctx context.Context, items []T, st any, one func(*T) error) error {
	batch := batchFunc[T](st)
	for start := 0; start < len(items); {
		if err := ctx.Err(); err != nil {
			return err
		}
		if batch != nil {
			end := min(start+batchSize, len(items))
			if err := batch(ctx, items[start:end]); err != nil {
				return err
			}
			start = end
			continue
		}
		if err := one(&items[start]); err != nil {
			return err
		}
		start++
	}
	return nil
}

// batchFunc returns the store's batch method for items of type T, or nil.
func batchFunc[T any](st any) func(context.Context, []T) error {
	var fs []any
	if b, ok := st.(receptionBatcher); ok {
		fs = append(fs, b.RecordReceptions)
	}
	if b, ok := st.(assignmentBatcher); ok {
		fs = append(fs, b.AssignMany)
	}
	if b, ok := st.(noticeBatcher); ok {
		fs = append(fs, b.AddNotices)
	}
	if b, ok := st.(visitBatcher); ok {
		fs = append(fs, b.AddVisits)
	}
	if b, ok := st.(classificationBatcher); ok {
		fs = append(fs, b.ClassifyMany)
	}
	for _, f := range fs {
		if fn, ok := f.(func(context.Context, []T) error); ok {
			return fn
		}
	}
	return nil
}
