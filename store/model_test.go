package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"hoanhap/caseload"
)

func TestModelWith36MembersLinksAndCounts(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	m := caseload.Model{Name: "Mô hình “Tổ dân phố 3 giúp người lầm lỗi”", Type: "4+1", LeadOrg: "Hội Phụ nữ phường",
		Decision: caseload.Decision{Number: "12/QĐ-UBND", Date: caseload.D(2023, 2, 1)}, StartedOn: caseload.D(2023, 2, 15),
		Status: caseload.ModelActive}
	if err := s.SaveModel(ctx, &m); err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 36; i++ {
		role := caseload.RoleMember
		switch i {
		case 35:
			role = caseload.RoleChair
		case 0, 1:
			role = caseload.RoleViceChair
		}
		mm := caseload.ModelMember{ModelID: m.ID, Name: fmt.Sprintf("Thành viên %02d", i), Role: role, Phone: "0912345678"}
		if err := s.SaveModelMember(ctx, &mm); err != nil {
			t.Fatal(err)
		}
	}
	members, err := s.ModelMembers(ctx, m.ID)
	if err != nil || len(members) != 36 {
		t.Fatalf("members = %d, %v", len(members), err)
	}
	if members[0].Role != caseload.RoleChair || members[1].Role != caseload.RoleViceChair || members[3].Role != caseload.RoleMember {
		t.Errorf("order = %v %v %v", members[0].Role, members[1].Role, members[3].Role)
	}
	p := supPerson(t, s, "Vũ Văn Nam", caseload.D(2024, 1, 1))
	b := caseload.Business{Name: "HTX Rau sạch Hòa Bình", Workers: 20, ReturneeWorkers: 4}
	if err := s.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	for _, l := range []caseload.Link{
		{Kind: caseload.LinkModelPerson, FromID: m.ID, ToID: p.ID},
		{Kind: caseload.LinkModelBusiness, FromID: m.ID, ToID: b.ID},
		{Kind: caseload.LinkBusinessPerson, FromID: b.ID, ToID: p.ID},
	} {
		if err := s.SaveLink(ctx, &l); err != nil {
			t.Fatalf("link %s: %v", l.Kind, err)
		}
	}
	dup := caseload.Link{Kind: caseload.LinkModelPerson, FromID: m.ID, ToID: p.ID}
	var v *caseload.ValidationError
	if err := s.SaveLink(ctx, &dup); !errors.As(err, &v) {
		t.Errorf("duplicate link: %v", err)
	}
	wrong := caseload.Link{Kind: caseload.LinkModelBusiness, FromID: m.ID, ToID: p.ID} // a person is not a business
	if err := s.SaveLink(ctx, &wrong); !errors.As(err, &v) || len(v.For("to_id")) == 0 {
		t.Errorf("link to wrong kind: %v", err)
	}
	rows, err := s.Models(ctx)
	if err != nil || len(rows) != 1 {
		t.Fatalf("Models = %v, %v", rows, err)
	}
	if r := rows[0]; r.Members != 36 || r.People != 1 || r.Businesses != 1 {
		t.Errorf("counts = %d %d %d", r.Members, r.People, r.Businesses)
	}
	lp, _ := s.LinkedPeople(ctx, caseload.LinkModelPerson, m.ID)
	if len(lp) != 1 || lp[0].Name != "Vũ Văn Nam" {
		t.Errorf("LinkedPeople = %+v", lp)
	}
	lb, _ := s.ModelBusinesses(ctx, m.ID)
	if len(lb) != 1 || lb[0].Business.Name != b.Name {
		t.Errorf("ModelBusinesses = %+v", lb)
	}
	biz, _ := s.Businesses(ctx)
	if len(biz) != 1 || biz[0].People != 1 || biz[0].Models != 1 {
		t.Errorf("Businesses = %+v", biz)
	}
	if pl, _ := s.PersonLinks(ctx, p.ID); len(pl) != 2 {
		t.Errorf("PersonLinks = %d", len(pl))
	}
	// Unlink.
	if err := s.DeleteLink(ctx, lp[0].Link.ID); err != nil {
		t.Fatal(err)
	}
	if lp, _ := s.LinkedPeople(ctx, caseload.LinkModelPerson, m.ID); len(lp) != 0 {
		t.Errorf("unlinked person still listed")
	}
}

func TestModelValidationAndTypes(t *testing.T) {
	s := supOpen(t)
	ctx := context.Background()
	bad := caseload.Model{Type: "4+", Status: caseload.ModelActive}
	var v *caseload.ValidationError
	if err := s.SaveModel(ctx, &bad); !errors.As(err, &v) || len(v.For("name")) == 0 {
		t.Errorf("nameless model: %v", err)
	}
	orphan := caseload.ModelMember{ModelID: "none", Name: "A", Role: caseload.RoleMember}
	if err := s.SaveModelMember(ctx, &orphan); !errors.As(err, &v) {
		t.Errorf("member of unknown model: %v", err)
	}
	types, err := s.ModelTypes(ctx)
	if err != nil || len(types) != len(caseload.DefaultModelTypes) || types[0] != "4+" {
		t.Fatalf("default types = %v, %v", types, err)
	}
	m := caseload.Model{Name: "Đội xung kích", Type: "Đội hình riêng", Status: caseload.ModelActive}
	if err := s.SaveModel(ctx, &m); err != nil {
		t.Fatal(err)
	}
	types, _ = s.ModelTypes(ctx)
	if types[len(types)-1] != "Đội hình riêng" {
		t.Errorf("type in use not listed: %v", types)
	}
	if err := s.SetModelTypes(ctx, []string{" Câu lạc bộ ", "", "Câu lạc bộ", "4+"}); err != nil {
		t.Fatal(err)
	}
	types, _ = s.ModelTypes(ctx)
	if len(types) != 3 || types[0] != "Câu lạc bộ" || types[1] != "4+" {
		t.Errorf("saved types = %v", types)
	}
}
