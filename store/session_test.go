package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"hoanhap/caseload"
)

func TestMayWrite(t *testing.T) {
	kinds := []writeKind{writePersons, writeSupervision, writeVisits, writeSupport, writeSettings, writeUsers, writePreference}
	// allowed[role] lists, in the order of kinds, whether the role may write.
	allowed := map[caseload.Role][]bool{
		caseload.RoleAdmin:   {true, true, true, true, true, true, true},
		caseload.RoleOfficer: {true, true, true, true, true, false, true},
		caseload.RoleLeader:  {false, false, false, false, false, false, true},
		caseload.RoleMentor:  {false, false, true, false, false, false, true},
		"":                   {false, false, false, false, false, false, false},
		"superuser":          {false, false, false, false, false, false, false},
	}
	for role, want := range allowed {
		for i, k := range kinds {
			if got := mayWrite(role, k); got != want[i] {
				t.Errorf("mayWrite(%q, %d) = %v, want %v", role, k, got, want[i])
			}
		}
	}
}

// roleCase is one store write, run under several sessions.
type roleCase struct {
	name   string
	leader bool // a leader session may do it
	mentor bool // a mentor session may do it
	op     func() error
}

// roleFixture fills a store (without a session) with one record of every
// family, and returns the writes to try plus the mentor the test logs in
// as. Every op builds its record afresh, so it can run once refused and
// once allowed.
func roleFixture(t *testing.T, s *Store) ([]roleCase, caseload.Mentor) {
	t.Helper()
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	base := svManaged(t, s, "Nguyễn Văn Đức", caseload.D(2026, 6, 1))
	victim := svManaged(t, s, "Trần Thị Mai", caseload.D(2026, 6, 1))
	free := svManaged(t, s, "Hoàng Văn Tâm", caseload.D(2026, 6, 1)) // no mentor yet: for AssignMany
	m := svMentor(t, s, "Chị Lý Thị Hạnh")
	svAssign(t, s, base, m, caseload.D(2026, 6, 2))

	sup := caseload.Support{PersonID: base.ID, Kind: caseload.SupportCounselling, Date: caseload.D(2026, 6, 3), Provider: "Hội Phụ nữ"}
	must(s.SaveSupport(ctx, &sup))
	newLoan := func() caseload.Loan {
		return caseload.Loan{BorrowerKind: caseload.BorrowerPerson, PersonID: base.ID, Purpose: caseload.PurposeBusiness,
			Amount: 50_000_000, RequestedOn: caseload.D(2026, 7, 1), TermMonths: 36, Status: caseload.LoanRequested,
			BankBranch: "NHCSXH Hòa Bình"}
	}
	loan0, loan1 := newLoan(), newLoan()
	must(s.SaveLoan(ctx, &loan0))
	must(s.SaveLoan(ctx, &loan1))
	newModel := func(name string) caseload.Model {
		return caseload.Model{Name: name, Type: "4+1", LeadOrg: "Hội Phụ nữ phường", StartedOn: caseload.D(2023, 2, 15),
			Status: caseload.ModelActive}
	}
	model0, model1 := newModel("Mô hình “Tổ 3”"), newModel("Mô hình “Tổ 5”")
	must(s.SaveModel(ctx, &model0))
	must(s.SaveModel(ctx, &model1))
	member := caseload.ModelMember{ModelID: model1.ID, Name: "Thành viên 01", Role: caseload.RoleMember}
	must(s.SaveModelMember(ctx, &member))
	link := caseload.Link{Kind: caseload.LinkModelPerson, FromID: model1.ID, ToID: victim.ID}
	must(s.SaveLink(ctx, &link))
	biz := caseload.Business{Name: "HTX Rau sạch", Workers: 20, ReturneeWorkers: 4}
	must(s.SaveBusiness(ctx, &biz))
	ex := caseload.Exemplary{PersonID: victim.ID, Recognition: "Giấy khen", RecognizedBy: "UBND phường", RecognizedOn: caseload.D(2025, 9, 2)}
	must(s.SaveExemplary(ctx, &ex))

	n := 0
	fresh := func() caseload.Person {
		n++
		return testPerson(fmt.Sprintf("Phạm Văn Bình %d", n), caseload.Male, 1980, "")
	}
	cases := []roleCase{
		// persons
		{name: "SavePerson new", op: func() error { p := fresh(); return s.SavePerson(ctx, &p) }},
		{name: "SavePerson update", op: func() error {
			q, err := s.Person(ctx, base.ID)
			if err != nil {
				return err
			}
			q.Notes += "x"
			return s.SavePerson(ctx, &q)
		}},
		{name: "SavePeople", op: func() error { return s.SavePeople(ctx, []caseload.Person{fresh(), fresh()}) }},
		// batch writers (imports, demo): the same role checks as their single-record methods
		{name: "RecordReceptions", op: func() error {
			r := caseload.Reception{PersonID: base.ID, SessionDate: caseload.D(2026, 6, 1), Officer: "Thượng úy Lê Văn Hải",
				CounsellingDone: true}
			return s.RecordReceptions(ctx, []caseload.Reception{r})
		}},
		{name: "AssignMany", op: func() error {
			a := caseload.Assignment{PersonID: free.ID, MentorID: m.ID, From: caseload.D(2026, 6, 3),
				Decision: caseload.Decision{Number: "14/QĐ-UBND", Date: caseload.D(2026, 6, 3)}}
			return s.AssignMany(ctx, []caseload.Assignment{a})
		}},
		{name: "AddNotices", op: func() error {
			n := caseload.Notice{PersonID: base.ID, Sender: "Trại giam Ba Sao", NoticeDate: caseload.D(2026, 5, 1),
				ExpectedRelease: caseload.D(2026, 6, 1)}
			return s.AddNotices(ctx, []caseload.Notice{n})
		}},
		{name: "AddVisits own person", mentor: true, op: func() error {
			return s.AddVisits(ctx, []caseload.Visit{svVisit(base, caseload.D(2026, 7, 2), caseload.VisitPhone)})
		}},
		{name: "ClassifyMany", op: func() error {
			c := caseload.Classification{PersonID: base.ID, Quarter: "2026-Q2", Group: caseload.GroupA, Reason: "chấp hành tốt",
				On: caseload.D(2026, 7, 6)}
			return s.ClassifyMany(ctx, []caseload.Classification{c})
		}},
		{name: "SaveSupports", op: func() error {
			r := caseload.Support{PersonID: base.ID, Kind: caseload.SupportJobReferral, Date: caseload.D(2026, 7, 4)}
			return s.SaveSupports(ctx, []caseload.Support{r})
		}},
		{name: "SaveLoans", op: func() error { return s.SaveLoans(ctx, []caseload.Loan{newLoan(), newLoan()}) }},
		{name: "DeletePerson", op: func() error { return s.DeletePerson(ctx, victim.ID) }},
		// settings
		{name: "SetSetting", op: func() error { return s.SetSetting(ctx, "report.recipient", "Phòng PC10") }},
		{name: "SetHamletList", op: func() error { return s.SetHamletList(ctx, []string{"Tổ 1", "Tổ 2"}) }},
		{name: "SetUnit", op: func() error { return s.SetUnit(ctx, "Phường Hòa Bình", "ward") }},
		{name: "SetHoliday", op: func() error {
			return s.SetHoliday(ctx, caseload.Holiday{Date: caseload.D(2027, 7, 27), Name: "Nghỉ"})
		}},
		{name: "DeleteHoliday", op: func() error { return s.DeleteHoliday(ctx, caseload.D(2027, 1, 1)) }},
		{name: "SetLanguage", leader: true, mentor: true, op: func() error { return s.SetLanguage(ctx, "en") }},
		// support, loans, models, businesses, exemplary people
		{name: "SaveSupport", op: func() error {
			r := caseload.Support{PersonID: base.ID, Kind: caseload.SupportLegalAid, Date: caseload.D(2026, 7, 3)}
			return s.SaveSupport(ctx, &r)
		}},
		{name: "DeleteSupport", op: func() error { return s.DeleteSupport(ctx, sup.ID) }},
		{name: "SaveLoan", op: func() error { l := newLoan(); return s.SaveLoan(ctx, &l) }},
		{name: "DeleteLoan", op: func() error { return s.DeleteLoan(ctx, loan0.ID) }},
		{name: "MarkMau01Sent", op: func() error { return s.MarkMau01Sent(ctx, caseload.D(2026, 8, 5), []string{loan1.ID}) }},
		{name: "SaveModel", op: func() error { x := newModel("Câu lạc bộ"); return s.SaveModel(ctx, &x) }},
		{name: "DeleteModel", op: func() error { return s.DeleteModel(ctx, model0.ID) }},
		{name: "SaveModelMember", op: func() error {
			x := caseload.ModelMember{ModelID: model1.ID, Name: "Thành viên 02", Role: caseload.RoleMember}
			return s.SaveModelMember(ctx, &x)
		}},
		{name: "DeleteModelMember", op: func() error { return s.DeleteModelMember(ctx, member.ID) }},
		{name: "SaveLink", op: func() error {
			x := caseload.Link{Kind: caseload.LinkModelPerson, FromID: model1.ID, ToID: base.ID}
			return s.SaveLink(ctx, &x)
		}},
		{name: "DeleteLink", op: func() error { return s.DeleteLink(ctx, link.ID) }},
		{name: "SetModelTypes", op: func() error { return s.SetModelTypes(ctx, []string{"4+", "4+1"}) }},
		{name: "SaveBusiness", op: func() error {
			x := caseload.Business{Name: "Xưởng mộc", Workers: 5}
			return s.SaveBusiness(ctx, &x)
		}},
		{name: "DeleteBusiness", op: func() error { return s.DeleteBusiness(ctx, biz.ID) }},
		{name: "SaveExemplary", op: func() error {
			x := caseload.Exemplary{PersonID: base.ID, Recognition: "Bằng khen", RecognizedOn: caseload.D(2026, 9, 2)}
			return s.SaveExemplary(ctx, &x)
		}},
		{name: "DeleteExemplary", op: func() error { return s.DeleteExemplary(ctx, ex.ID) }},
		// supervision and users
		{name: "SaveMentor", op: func() error {
			x := caseload.Mentor{Kind: caseload.MentorPerson, Name: "Anh Vũ Văn Nam", Organisation: caseload.OrgVeterans, Active: true}
			return s.SaveMentor(ctx, &x)
		}},
		{name: "Classify", op: func() error {
			c := caseload.Classification{PersonID: base.ID, Quarter: "2026-Q3", Group: caseload.GroupB, Reason: "chưa có việc làm",
				On: caseload.D(2026, 10, 5)}
			return s.Classify(ctx, &c)
		}},
		{name: "AddVisit own person", mentor: true, op: func() error {
			v := svVisit(base, caseload.D(2026, 7, 1), caseload.VisitHome)
			return s.AddVisit(ctx, &v)
		}},
		{name: "CreateUser", op: func() error {
			u := caseload.User{Name: fmt.Sprintf("canbo%d", n), DisplayName: "Cán bộ", Role: caseload.RoleOfficer, Active: true}
			n++
			return s.CreateUser(ctx, &u, "matkhau-123")
		}},
	}
	return cases, m
}

// TestRolesOnEveryWrite runs every write family as a leader, as a mentor
// and without a session: refused writes return ErrReadOnly and write
// nothing (no audit row); without a session every write succeeds, which
// shows the refused records were valid.
func TestRolesOnEveryWrite(t *testing.T) {
	svLightArgon(t)
	s := svOpen(t)
	cases, m := roleFixture(t, s)
	sessions := []struct {
		name  string
		user  *caseload.User
		allow func(c roleCase) bool
	}{
		{"leader", &caseload.User{Name: "chutich", DisplayName: "Chủ tịch", Role: caseload.RoleLeader},
			func(c roleCase) bool { return c.leader }},
		{"mentor", &caseload.User{Name: "hanh", DisplayName: "Lý Thị Hạnh", Role: caseload.RoleMentor, MentorID: m.ID},
			func(c roleCase) bool { return c.mentor }},
		{"no session", nil, func(roleCase) bool { return true }},
	}
	for _, sess := range sessions {
		if sess.user != nil {
			s.SetSession(*sess.user)
		} else {
			s.ClearSession()
		}
		for _, c := range cases {
			before := svCount(t, s, `SELECT count(*) FROM audit`)
			err := c.op()
			if sess.allow(c) {
				if err != nil {
					t.Errorf("%s: %s: %v", sess.name, c.name, err)
				}
				continue
			}
			if !errors.Is(err, ErrReadOnly) {
				t.Errorf("%s: %s: err = %v, want ErrReadOnly", sess.name, c.name, err)
			}
			if after := svCount(t, s, `SELECT count(*) FROM audit`); after != before {
				t.Errorf("%s: %s: %d audit rows written", sess.name, c.name, after-before)
			}
		}
	}
	s.ClearSession()
}

func TestOfficerMayNotManageUsers(t *testing.T) {
	svLightArgon(t)
	s := svOpen(t)
	ctx := context.Background()
	s.SetSession(caseload.User{Name: "canbo", DisplayName: "Cán bộ", Role: caseload.RoleOfficer})
	defer s.ClearSession()
	p := testPerson("Đỗ Văn Long", caseload.Male, 1979, "")
	if err := s.SavePerson(ctx, &p); err != nil {
		t.Fatalf("officer save person: %v", err)
	}
	if p.UpdatedBy != "canbo" {
		t.Errorf("updated_by = %q", p.UpdatedBy)
	}
	u := caseload.User{Name: "moi", DisplayName: "Người mới", Role: caseload.RoleOfficer, Active: true}
	if err := s.CreateUser(ctx, &u, "matkhau-123"); !errors.Is(err, ErrReadOnly) {
		t.Errorf("officer create user: %v", err)
	}
}

func TestSessionPerStore(t *testing.T) {
	a, b := svOpen(t), svOpen(t)
	a.SetSession(caseload.User{Name: "chutich", Role: caseload.RoleLeader})
	if u, ok := a.Session(); !ok || u.Name != "chutich" || a.Actor() != "chutich" {
		t.Errorf("session = %+v, %v; actor %q", u, ok, a.Actor())
	}
	if _, ok := b.Session(); ok {
		t.Error("the session of one store leaked into another")
	}
	p := testPerson("Đỗ Văn Long", caseload.Male, 1979, "")
	if err := b.SavePerson(context.Background(), &p); err != nil {
		t.Errorf("other store: %v", err)
	}
	a.ClearSession()
	if _, ok := a.Session(); ok {
		t.Error("session still set after ClearSession")
	}
	q := testPerson("Đỗ Thị Hằng", caseload.Female, 1982, "")
	if err := a.SavePerson(context.Background(), &q); err != nil {
		t.Errorf("after logout: %v", err)
	}
}
