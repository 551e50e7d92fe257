package demo

import (
	"context"
	"fmt"
	"math/rand/v2"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() { Register(supportStep) }

// Made-up partner businesses, employers and providers of the demo ward.
var (
	demoBusinesses = []caseload.Business{
		{Name: "Công ty TNHH May mặc Hòa Bình", Address: "Số 12 đường Trần Phú, Tổ dân phố 4", Representative: "Nguyễn Thị Hạnh",
			Phone: "0912 345 678", Workers: 48, ReturneeWorkers: 7, IncomeNotes: "Bình quân 7–8 triệu đồng/tháng, có bảo hiểm xã hội"},
		{Name: "Hợp tác xã Rau sạch Đồng Xanh", Address: "Thôn Đông, xã ven phường", Representative: "Trần Văn Lợi",
			Phone: "0987 112 233", Workers: 22, ReturneeWorkers: 4, IncomeNotes: "5–6 triệu đồng/tháng theo sản lượng"},
		{Name: "Xưởng mộc Phúc Lâm (hộ kinh doanh)", Address: "Tổ dân phố 7", Representative: "Lê Văn Phúc",
			Phone: "0905 667 889", Workers: 9, ReturneeWorkers: 3, IncomeNotes: "Khoảng 6,5 triệu đồng/tháng"},
	}
	demoEmployers  = []string{"Công ty TNHH May mặc Hòa Bình", "Hợp tác xã Rau sạch Đồng Xanh", "Xưởng mộc Phúc Lâm", "Garage ô tô Minh Khang", "Cơ sở xây dựng Thành Đạt", "Quán cơm Bà Tư"}
	demoProviders  = []string{"Công an phường", "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường", "Hội Cựu chiến binh phường", "Trung tâm Dịch vụ việc làm tỉnh", "Trung tâm Trợ giúp pháp lý nhà nước"}
	demoMemberOrgs = []string{"Hội Phụ nữ", "Đoàn Thanh niên", "Hội Cựu chiến binh", "Mặt trận Tổ quốc", "Công an phường", "Tổ dân phố", "Hội Nông dân"}
)

// supportStep adds support measures, jobs, loans (with a pending Mẫu 01
// list), three reintegration models (one with 36 members), partner
// businesses and two exemplary people to the demo ward.
func supportStep(ctx context.Context, st *store.Store, r *rand.Rand, people []caseload.Person) error {
	var managed []caseload.Person
	for _, p := range people {
		if p.Status == caseload.StatusManaged && !p.CompletedOn.IsZero() {
			managed = append(managed, p)
		}
	}
	if len(managed) == 0 {
		return nil
	}
	today := caseload.Today()
	pick := func(list []string) string { return list[r.IntN(len(list))] }
	day := func(from caseload.Date) caseload.Date {
		span := from.DaysUntil(today)
		if span <= 1 {
			return from
		}
		return from.AddDays(1 + r.IntN(span-1))
	}

	// Businesses.
	var biz []caseload.Business
	for _, b := range demoBusinesses {
		if err := st.SaveBusiness(ctx, &b); err != nil {
			return fmt.Errorf("support demo: business: %w", err)
		}
		biz = append(biz, b)
	}

	// Support measures and jobs, collected and then written batchSize at a
	// time (one transaction per batch).
	var sups []caseload.Support
	for i, p := range managed {
		start := p.ReturnedOn
		if start.IsZero() {
			start = p.CompletedOn
		}
		sups = append(sups, caseload.Support{PersonID: p.ID, Kind: caseload.SupportCounselling, Date: day(start),
			Provider: "Công an phường", Outcome: "Đã tư vấn tâm lý, pháp luật khi tiếp nhận"})
		kinds := []caseload.SupportKind{caseload.SupportIDCard, caseload.SupportResidence, caseload.SupportTraining,
			caseload.SupportJobReferral, caseload.SupportLegalAid, caseload.SupportFundPayment}
		for n := r.IntN(3); n > 0; n-- {
			s := caseload.Support{PersonID: p.ID, Kind: kinds[r.IntN(len(kinds))], Date: day(start), Provider: pick(demoProviders),
				Outcome: "Hoàn thành"}
			switch s.Kind {
			case caseload.SupportTraining:
				s.Amount, s.Outcome = int64(2+r.IntN(6))*1_000_000, "Học nghề may công nghiệp 3 tháng, đã cấp chứng chỉ"
			case caseload.SupportFundPayment:
				s.Amount, s.Outcome = int64(1+r.IntN(3))*1_000_000, "Hỗ trợ khó khăn ban đầu khi trở về"
			}
			sups = append(sups, s)
		}
		if i%5 < 3 { // about 60 % have a job
			job := caseload.Support{PersonID: p.ID, Kind: caseload.SupportEmployment, Date: day(start), Employer: pick(demoEmployers),
				Income: int64(45+r.IntN(50)) * 100_000, Provider: "Tổ công tác THNCĐ phường", Outcome: "Có hợp đồng lao động"}
			sups = append(sups, job)
		}
	}
	if err := saveBatches(ctx, sups, st.SaveSupports); err != nil {
		return fmt.Errorf("support demo: support: %w", err)
	}
	sups = sups[:0]

	// Loans: about one person in six, with a support measure for each loan
	// past the request; written in batches like the supports.
	var loans []caseload.Loan
	statuses := []caseload.LoanStatus{caseload.LoanRequested, caseload.LoanApproved, caseload.LoanDisbursed, caseload.LoanDisbursed,
		caseload.LoanRepaid, caseload.LoanOverdue}
	for i, p := range managed {
		if i%6 != 1 {
			continue
		}
		l := caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: p.ID, Purpose: caseload.PurposeBusiness,
			Amount: int64(3+r.IntN(8)) * 10_000_000, TermMonths: 36 + 12*r.IntN(4), BankBranch: "Phòng giao dịch NHCSXH thành phố",
			Status: statuses[r.IntN(len(statuses))]}
		if r.IntN(4) == 0 {
			l.Purpose, l.TrainingMonths = caseload.PurposeTraining, 3+r.IntN(4)
			l.Amount, l.TermMonths = int64(l.TrainingMonths)*4_000_000, 2*l.TrainingMonths
		}
		l.RequestedOn = day(p.CompletedOn)
		if l.Status == caseload.LoanRequested {
			l.RequestedOn = today.AddDays(-r.IntN(20))
			if l.RequestedOn.Before(p.CompletedOn) {
				l.RequestedOn = p.CompletedOn
			}
		} else {
			l.ListDate = caseload.Mau01Date(l.RequestedOn.Year(), int(l.RequestedOn.Month())).AddMonths(1)
			if l.ListDate.After(today) {
				// The Mẫu 01 list carrying this request has not gone to
				// the bank yet: still a request.
				l.Status, l.ListDate = caseload.LoanRequested, caseload.Date{}
			} else if l.Status != caseload.LoanApproved {
				l.DisbursedOn = l.ListDate.AddDays(10 + r.IntN(20))
				if l.DisbursedOn.After(today) {
					l.DisbursedOn = today
				}
			}
		}
		settleLoanStatus(&l, today)
		loans = append(loans, l)
		if l.Status != caseload.LoanRequested {
			sups = append(sups, caseload.Support{PersonID: p.ID, Kind: caseload.SupportLoan, Date: l.RequestedOn, Amount: l.Amount,
				Provider: "Ngân hàng Chính sách xã hội", Outcome: "Vay vốn theo QĐ 22/2023/QĐ-TTg"})
		}
	}
	// One request the rules warn about (QĐ 22/2023 Art. 6: over the
	// 100,000,000 đ ceiling; Art. 3 when the 5-year window has closed), from
	// the managed person who completed their sentence longest ago: the
	// officer sees the warnings rather than a silent acceptance.
	if len(managed) > 0 {
		oldest := managed[0]
		for _, p := range managed {
			if !p.CompletedOn.IsZero() && p.CompletedOn.Before(oldest.CompletedOn) {
				oldest = p
			}
		}
		loans = append(loans, caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: oldest.ID,
			Purpose: caseload.PurposeBusiness, Amount: 150_000_000, TermMonths: 60,
			BankBranch: "Phòng giao dịch NHCSXH thành phố", Status: caseload.LoanRequested, RequestedOn: today.AddDays(-3),
			Notes: "Mở xưởng mộc gia đình"})
	}
	if err := saveBatches(ctx, loans, st.SaveLoans); err != nil {
		return fmt.Errorf("support demo: loan: %w", err)
	}
	if err := saveBatches(ctx, sups, st.SaveSupports); err != nil {
		return fmt.Errorf("support demo: loan support: %w", err)
	}
	bl := caseload.Loan{BorrowerKind: caseload.BorrowerBusiness, BusinessID: biz[0].ID, Purpose: caseload.PurposeBusiness,
		Amount: 600_000_000, TermMonths: 60, BankBranch: "Phòng giao dịch NHCSXH thành phố", Status: caseload.LoanDisbursed,
		RequestedOn: today.AddMonths(-8), DisbursedOn: today.AddMonths(-7)}
	if err := st.SaveLoan(ctx, &bl); err != nil {
		return fmt.Errorf("support demo: business loan: %w", err)
	}

	// Models, with members whose names are all different (and differ from
	// the returnees' names).
	names, err := newMemberNames(r, people)
	if err != nil {
		return fmt.Errorf("support demo: member names: %w", err)
	}
	models := []struct {
		m       caseload.Model
		members int
	}{
		{caseload.Model{Name: "Mô hình “Phường Hòa Bình chung tay giúp người lầm lỗi hoàn lương”", Type: "4+1",
			LeadOrg: "Công an phường", Decision: caseload.Decision{Number: "125/QĐ-UBND", Date: today.AddYears(-3)},
			StartedOn: today.AddYears(-3).AddDays(15), Status: caseload.ModelActive, RecognizedBy: "UBND tỉnh",
			RecognizedOn: today.AddYears(-1)}, 36},
		{caseload.Model{Name: "Câu lạc bộ “Vòng tay nhân ái”", Type: "Câu lạc bộ", LeadOrg: "Hội Liên hiệp Phụ nữ phường",
			Decision: caseload.Decision{Number: "42/QĐ-UBND", Date: today.AddYears(-2)}, StartedOn: today.AddYears(-2),
			Status: caseload.ModelActive}, 11},
		{caseload.Model{Name: "Doanh nghiệp May Hòa Bình đồng hành tái hòa nhập", Type: "Doanh nghiệp với công tác THNCĐ",
			LeadOrg: "Công ty TNHH May mặc Hòa Bình", StartedOn: today.AddYears(-1), Status: caseload.ModelActive}, 5},
		{caseload.Model{Name: "Tổ tự quản Tổ dân phố 2", Type: "Tổ tự quản", LeadOrg: "Tổ dân phố 2",
			StartedOn: today.AddYears(-5), Status: caseload.ModelEnded}, 4},
	}
	for mi, x := range models {
		m := x.m
		if err := st.SaveModel(ctx, &m); err != nil {
			return fmt.Errorf("support demo: model: %w", err)
		}
		for j := 0; j < x.members; j++ {
			role := caseload.RoleMember
			switch {
			case j == 0:
				role = caseload.RoleChair
			case j <= 2:
				role = caseload.RoleViceChair
			}
			name := names.next()
			mm := caseload.ModelMember{ModelID: m.ID, Name: name, Role: role, Organisation: demoMemberOrgs[j%len(demoMemberOrgs)],
				Phone: fmt.Sprintf("09%08d", r.IntN(100_000_000))}
			if err := st.SaveModelMember(ctx, &mm); err != nil {
				return fmt.Errorf("support demo: member: %w", err)
			}
		}
		for j, p := range managed {
			if j%len(models) != mi || j/len(models) >= 12 {
				continue
			}
			l := caseload.Link{Kind: caseload.LinkModelPerson, FromID: m.ID, ToID: p.ID, Since: m.StartedOn}
			if err := st.SaveLink(ctx, &l); err != nil {
				return fmt.Errorf("support demo: link: %w", err)
			}
		}
		if mi < len(biz) {
			for _, b := range biz[:mi+1] {
				l := caseload.Link{Kind: caseload.LinkModelBusiness, FromID: m.ID, ToID: b.ID, Since: m.StartedOn}
				if err := st.SaveLink(ctx, &l); err != nil {
					return fmt.Errorf("support demo: partner: %w", err)
				}
			}
		}
	}
	for j, p := range managed {
		if j%7 != 0 || j/7 >= len(biz)*3 {
			continue
		}
		l := caseload.Link{Kind: caseload.LinkBusinessPerson, FromID: biz[(j/7)%len(biz)].ID, ToID: p.ID, Since: p.CompletedOn.AddMonths(2)}
		if err := st.SaveLink(ctx, &l); err != nil {
			return fmt.Errorf("support demo: worker: %w", err)
		}
	}

	// Exemplary people.
	stories := []string{
		"Sau khi chấp hành xong án, anh vay vốn mở xưởng sửa xe máy, nay nhận 3 người cùng hoàn cảnh vào làm và tích cực tham gia tuyên truyền pháp luật ở tổ dân phố.",
		"Chị học nghề may, làm tổ trưởng tại Công ty May mặc Hòa Bình, thường xuyên giúp đỡ người mới trở về ổn định cuộc sống.",
	}
	for i, s := range stories {
		if i*9 >= len(managed) {
			break
		}
		e := caseload.Exemplary{PersonID: managed[i*9].ID, Recognition: "Giấy khen “Gương người tốt, việc tốt” trong tái hòa nhập cộng đồng",
			RecognizedBy: "Chủ tịch UBND phường", RecognizedOn: today.AddMonths(-3 - 5*i), Story: s}
		if err := st.SaveExemplary(ctx, &e); err != nil {
			return fmt.Errorf("support demo: exemplary: %w", err)
		}
	}
	return nil
}

// saveBatches writes items with the store's batch writer save, batchSize
// at a time (one transaction each).
func saveBatches[T any](ctx context.Context, items []T, save func(context.Context, []T) error) error {
	for start := 0; start < len(items); start += batchSize {
		if err := save(ctx, items[start:min(start+batchSize, len(items))]); err != nil {
			return err
		}
	}
	return nil
}

// memberNames draws realistic Vietnamese full names, never the same twice.
type memberNames struct {
	l    *lists
	r    *rand.Rand
	used map[string]bool
}

// newMemberNames reads the name lists; the names of people are taken as
// used already.
func newMemberNames(r *rand.Rand, people []caseload.Person) (*memberNames, error) {
	l, err := loadLists()
	if err != nil {
		return nil, err
	}
	n := &memberNames{l: l, r: r, used: make(map[string]bool, len(people))}
	for _, p := range people {
		n.used[p.FullName] = true
	}
	return n, nil
}

// next returns a name not returned before: a woman or a man with equal
// chance, family + middle + given name drawn from the weighted lists.
func (n *memberNames) next() string {
	for {
		family := n.l.family.pick(n.r).name
		var name string
		if n.r.IntN(2) == 0 {
			name = family + " " + n.l.femaleMiddle.pick(n.r).name + " " + n.l.femaleGiven.pick(n.r).name
		} else {
			name = family + " " + n.l.maleMiddle.pick(n.r).name + " " + n.l.maleGiven.pick(n.r).name
		}
		if !n.used[name] {
			n.used[name] = true
			return name
		}
	}
}

// settleLoanStatus keeps a drawn status believable for the loan's dates: a
// loan is repaid only after its term, overdue only after a year of
// repayments, and an approval older than three months has been disbursed.
func settleLoanStatus(l *caseload.Loan, today caseload.Date) {
	switch l.Status {
	case caseload.LoanRepaid:
		if l.DisbursedOn.AddMonths(l.TermMonths).After(today) {
			l.Status = caseload.LoanDisbursed
		}
	case caseload.LoanOverdue:
		if l.DisbursedOn.AddYears(1).After(today) {
			l.Status = caseload.LoanDisbursed
		}
	case caseload.LoanApproved:
		if l.ListDate.AddMonths(3).Before(today) {
			l.Status = caseload.LoanDisbursed
			l.DisbursedOn = l.ListDate.AddDays(15)
		}
	}
}
