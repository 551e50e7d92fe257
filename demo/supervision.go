package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() { Register(supervisionStep) }

// demoMentors is the demo ward's mentor roster.
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
	{Kind: caseload.MentorPerson, Name: "Hoàng Văn Nông", Organisation: caseload.OrgFarmers, Position: "Chi hội trưởng Nông dân", Phone: "0912345610", Active: false},
}

var demoVisitNotes = struct{ employment, income, family, health, attitude, risks, needed, given []string }{
	employment: []string{"Làm phụ hồ", "Chạy xe ôm công nghệ", "Làm công nhân cơ khí", "Chưa có việc làm", "Bán hàng ăn sáng cùng vợ"},
	income:     []string{"khoảng 5 triệu đồng/tháng", "khoảng 7 triệu đồng/tháng", "không ổn định", "chưa có thu nhập"},
	family:     []string{"Sống cùng bố mẹ, gia đình quan tâm", "Đã lập gia đình, có 2 con", "Sống một mình", "Gia đình khó khăn"},
	health:     []string{"Bình thường", "Sức khỏe tốt", "Đau lưng, đang điều trị"},
	attitude:   []string{"Chấp hành tốt, tham gia sinh hoạt tổ dân phố", "Chấp hành, còn mặc cảm", "Chưa chấp hành đầy đủ việc trình báo"},
	risks:      []string{"", "", "Hay tụ tập với đối tượng xấu", "Nợ nần"},
	needed:     []string{"", "Cần hỗ trợ vay vốn", "Cần giới thiệu việc làm", "Cần làm lại căn cước"},
	given:      []string{"", "Đã giới thiệu đến Trung tâm dịch vụ việc làm", "Đã hướng dẫn thủ tục vay vốn NHCSXH"},
}

// supervisionStep adds mentors, receptions, assignments, visits, quarterly
// reports and classifications for the managed demo persons, and prison
// notices with expected persons, so that every worklist rule shows up.
func supervisionStep(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person) error {
	today := caseload.Today()
	var mentors []caseload.Mentor
	for i, m := range demoMentors {
		m.Active = i != len(demoMentors)-1
		if err := st.SaveMentor(ctx, &m); err != nil {
			return fmt.Errorf("demo mentor: %w", err)
		}
		mentors = append(mentors, m)
	}
	active := mentors[:len(mentors)-1]
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	y, q := caseload.QuarterOf(today)
	py, pq := caseload.PreviousQuarter(y, q)
	prevLabel := caseload.QuarterLabel(py, pq)
	n := 0
	for _, p := range people {
		if p.Status != caseload.StatusManaged {
			continue
		}
		n++
		session := caseload.MaxDate(p.ReturnedOn, p.CompletedOn)
		if session.IsZero() || session.After(today) {
			session = today.AddDays(-30 - r.IntN(300))
		}
		rec := caseload.Reception{PersonID: p.ID, SessionDate: session, Officer: "Thượng úy Vũ Văn Hải",
			MinutesDone: true, InfoSheetDone: true, CounsellingDone: true,
			Guidance: []caseload.GuidanceTopic{caseload.GuidanceResidence, caseload.GuidanceIDCard, caseload.GuidanceJobs}}
		if r.IntN(2) == 0 {
			rec.Guidance = append(rec.Guidance, caseload.GuidanceLoans)
		}
		if n%17 != 0 { // a few files not opened yet
			rec.FileOpenedOn = svMinDate(session.AddDays(3), today)
		}
		if err := st.RecordReception(ctx, &rec); err != nil {
			return fmt.Errorf("demo reception: %w", err)
		}
		if n%13 == 0 {
			continue // no mentor decided yet
		}
		m := active[r.IntN(len(active))]
		from := svMinDate(session.AddDays(2), today)
		a := caseload.Assignment{PersonID: p.ID, MentorID: m.ID, From: from,
			Decision: caseload.Decision{Number: fmt.Sprintf("%d/QĐ-UBND", 100+n), Date: from}}
		if err := st.Assign(ctx, &a); err != nil {
			return fmt.Errorf("demo assignment: %w", err)
		}
		// Visits every few weeks since the assignment; some people fall behind.
		step := 20 + r.IntN(40)
		last := today.AddDays(-r.IntN(25))
		if n%6 == 0 {
			last = today.AddDays(-60 - r.IntN(60))
		}
		for d, k := last, 0; !d.Before(from) && k < 6; d, k = d.AddDays(-step), k+1 {
			v := caseload.Visit{PersonID: p.ID, Date: d, AuthorKind: caseload.AuthorMentor, AuthorName: m.Name,
				MentorID: m.ID, Kind: caseload.VisitHome, Employment: pick(demoVisitNotes.employment),
				Income: pick(demoVisitNotes.income), Family: pick(demoVisitNotes.family), Health: pick(demoVisitNotes.health),
				Attitude: pick(demoVisitNotes.attitude), Risks: pick(demoVisitNotes.risks),
				HelpNeeded: pick(demoVisitNotes.needed), HelpGiven: pick(demoVisitNotes.given)}
			if r.IntN(4) == 0 {
				v.Kind = caseload.VisitPhone
			}
			if err := st.AddVisit(ctx, &v); err != nil {
				return fmt.Errorf("demo visit: %w", err)
			}
		}
		// Quarterly report and classification for the previous quarter.
		qStart := caseload.QuarterFirstDay(y, q)
		if from.Before(qStart) && n%5 != 0 {
			rd := svMinDate(qStart.AddDays(r.IntN(5)), today)
			rep := caseload.Visit{PersonID: p.ID, Date: rd, AuthorKind: caseload.AuthorMentor, AuthorName: m.Name,
				MentorID: m.ID, Kind: caseload.VisitQuarterlyReport, Employment: pick(demoVisitNotes.employment),
				Attitude: pick(demoVisitNotes.attitude)}
			if err := st.AddVisit(ctx, &rep); err != nil {
				return fmt.Errorf("demo report: %w", err)
			}
			g := p.Group
			if g == "" {
				g = caseload.GroupB
			}
			c := caseload.Classification{PersonID: p.ID, Quarter: prevLabel, Group: g, On: rd,
				Reason: caseload.GroupDefinitionKey(g)[len("supervision.group.def."):] + ": " + pick(demoVisitNotes.attitude),
				By:     "Thượng úy Vũ Văn Hải"}
			if err := st.Classify(ctx, &c); err != nil {
				return fmt.Errorf("demo classification: %w", err)
			}
		}
	}
	return demoNotices(ctx, st, r, people, today)
}

// demoNotices records prison notices for the expected demo persons: one
// just arrived, one with a changed address, one past release not reported.
func demoNotices(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person, today caseload.Date) error {
	senders := []string{"Trại giam Ba Sao", "Trại giam Xuân Lộc", "Trại giam Phú Sơn 4", "Trại giam Thanh Xuân"}
	i := 0
	for _, p := range people {
		if p.Status != caseload.StatusExpected {
			continue
		}
		days := []int{1, 20, 75, 40}[i%4]
		nd := today.AddDays(-days)
		n := caseload.Notice{PersonID: p.ID, Sender: senders[i%4], Number: fmt.Sprintf("%d/TB-TG", 200+i),
			NoticeDate: nd, ExpectedRelease: nd.AddMonths(2)}
		switch i % 4 {
		case 1:
			n.AddressCheck, n.AddressCheckedOn, n.NewAddress = caseload.AddressChanged, nd.AddDays(2), "Thôn Đông, xã An Bình"
		case 2:
			n.ExpectedRelease = today.AddDays(-10)
			n.AddressCheck, n.AddressCheckedOn = caseload.AddressConfirmed, nd.AddDays(2)
		case 3:
			n.AddressCheck, n.AddressCheckedOn = caseload.AddressConfirmed, nd.AddDays(1)
		}
		if err := st.AddNoticeFor(ctx, &n); err != nil {
			return fmt.Errorf("demo notice: %w", err)
		}
		i++
	}
	_ = r
	return nil
}

// svMinDate returns the earlier of two dates.
func svMinDate(a, b caseload.Date) caseload.Date {
	if a.Before(b) {
		return a
	}
	return b
}
