package caseload

import (
	"reflect"
	"testing"
)

func TestSupportValidate(t *testing.T) {
	ok := Support{PersonID: "p", Kind: SupportCounselling, Date: D(2025, 5, 1)}
	tests := []struct {
		name   string
		mod    func(*Support)
		fields []string
	}{
		{"valid", func(*Support) {}, nil},
		{"missing person, kind, date", func(s *Support) { *s = Support{} }, []string{"person_id", "kind", "date"}},
		{"negative amount", func(s *Support) { s.Amount = -1 }, []string{"amount"}},
		{"employment needs employer", func(s *Support) { s.Kind = SupportEmployment }, []string{"employer"}},
		{"employment ends before start", func(s *Support) {
			s.Kind, s.Employer, s.EndedOn = SupportEmployment, "Xưởng mộc Hòa Bình", D(2025, 4, 30)
		}, []string{"ended_on"}},
		{"negative income", func(s *Support) { s.Kind, s.Employer, s.Income = SupportEmployment, "X", -1 }, []string{"income"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := ok
			tt.mod(&s)
			var got []string
			if err := s.Validate(); err != nil {
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

func TestSupportNormalizeNFC(t *testing.T) {
	s := Support{Provider: "  Hội Phu\u0323 nữ  "} // decomposed "ụ"
	s.Normalize()
	if s.Provider != "Hội Phụ nữ" {
		t.Errorf("Normalize = %q", s.Provider)
	}
}

func TestCurrentEmployment(t *testing.T) {
	list := []Support{
		{Meta: Meta{ID: "old"}, Kind: SupportEmployment, Employer: "A", Date: D(2023, 1, 1), EndedOn: D(2024, 6, 30)},
		{Meta: Meta{ID: "now"}, Kind: SupportEmployment, Employer: "B", Date: D(2024, 7, 1)},
		{Meta: Meta{ID: "future"}, Kind: SupportEmployment, Employer: "C", Date: D(2030, 1, 1)},
		{Meta: Meta{ID: "gone", Deleted: true}, Kind: SupportEmployment, Employer: "D", Date: D(2025, 1, 1)},
		{Meta: Meta{ID: "training"}, Kind: SupportTraining, Date: D(2025, 2, 1)},
	}
	tests := []struct {
		day  Date
		want string
	}{
		{D(2022, 1, 1), ""},
		{D(2024, 6, 30), "old"},
		{D(2024, 7, 1), "now"},
		{D(2026, 1, 1), "now"},
		{D(2030, 1, 1), "future"},
	}
	for _, tt := range tests {
		got, ok := CurrentEmployment(list, tt.day)
		if (tt.want == "") == ok || (ok && got.ID != tt.want) {
			t.Errorf("CurrentEmployment(%v) = %q, %v; want %q", tt.day, got.ID, ok, tt.want)
		}
	}
}

func TestModelBusinessExemplaryValidate(t *testing.T) {
	tests := []struct {
		name  string
		err   error
		field string
	}{
		{"model ok", Model{Name: "CLB Hoàn lương", Type: "Câu lạc bộ", Status: ModelActive}.Validate(), ""},
		{"model no name", Model{Type: "4+", Status: ModelActive}.Validate(), "name"},
		{"model bad status", Model{Name: "x", Type: "4+", Status: "paused"}.Validate(), "status"},
		{"model recognised by nobody", Model{Name: "x", Type: "4+", Status: ModelActive, RecognizedOn: D(2025, 1, 1)}.Validate(), "recognized_by"},
		{"member ok", ModelMember{ModelID: "m", Name: "Hà", Role: RoleChair}.Validate(), ""},
		{"member bad role", ModelMember{ModelID: "m", Name: "Hà", Role: "boss"}.Validate(), "role"},
		{"link ok", Link{Kind: LinkModelPerson, FromID: "m", ToID: "p"}.Validate(), ""},
		{"link bad kind", Link{Kind: "x", FromID: "m", ToID: "p"}.Validate(), "kind"},
		{"business ok", Business{Name: "Cty May Hòa Bình", Workers: 40, ReturneeWorkers: 6}.Validate(), ""},
		{"business more returnees than workers", Business{Name: "x", Workers: 3, ReturneeWorkers: 4}.Validate(), "returnee_workers"},
		{"exemplary ok", Exemplary{PersonID: "p", Recognition: "Giấy khen"}.Validate(), ""},
		{"exemplary no recognition", Exemplary{PersonID: "p"}.Validate(), "recognition"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.field == "" {
				if tt.err != nil {
					t.Fatalf("unexpected error %v", tt.err)
				}
				return
			}
			if tt.err == nil || len(tt.err.(*ValidationError).For(tt.field)) == 0 {
				t.Errorf("want an error on %s, got %v", tt.field, tt.err)
			}
		})
	}
}

func TestActiveModelsAndReturneePercent(t *testing.T) {
	ms := []Model{{Status: ModelActive}, {Status: ModelEnded}, {Status: ModelActive, Meta: Meta{Deleted: true}}}
	if n := ActiveModels(ms); n != 1 {
		t.Errorf("ActiveModels = %d", n)
	}
	if p := (Business{Workers: 40, ReturneeWorkers: 6}).ReturneePercent(); p != 15 {
		t.Errorf("ReturneePercent = %d", p)
	}
}
