package store

import (
	"context"
	"reflect"
	"testing"
)

func TestSettingsRoundTrip(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if v, err := s.Setting(ctx, "unit.leader"); err != nil || v != "" {
		t.Fatalf("unset setting = %q, %v", v, err)
	}
	nfd := "Nguye\u0302\u0303n Va\u0306n A"
	if err := s.SetSetting(ctx, "unit.leader", nfd); err != nil {
		t.Fatal(err)
	}
	if v, _ := s.Setting(ctx, "unit.leader"); v != "Nguyễn Văn A" {
		t.Errorf("setting = %q, want NFC", v)
	}
	if err := s.SetSetting(ctx, "unit.leader", "Lê Văn B"); err != nil {
		t.Fatal(err)
	}
	// Unchanged value: no new audit row.
	if err := s.SetSetting(ctx, "unit.leader", "Lê Văn B"); err != nil {
		t.Fatal(err)
	}
	audit, _ := s.Audit(ctx, "setting", "unit.leader")
	if len(audit) != 2 || audit[0].Action != "insert" || audit[1].Action != "update" ||
		audit[1].Old != `{"key":"unit.leader","value":"Nguyễn Văn A"}` {
		t.Errorf("audit = %+v", audit)
	}
	// Survives reopening.
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if v, _ := s2.Setting(ctx, "unit.leader"); v != "Lê Văn B" {
		t.Errorf("after reopen = %q", v)
	}
}

func TestLanguage(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if s.Language() != "vi" {
		t.Errorf("default language %q", s.Language())
	}
	for _, tt := range []struct{ set, want string }{{"en", "en"}, {"fr", "vi"}, {"vi", "vi"}} {
		if err := s.SetLanguage(ctx, tt.set); err != nil {
			t.Fatal(err)
		}
		if got := s.Language(); got != tt.want {
			t.Errorf("SetLanguage(%q): Language = %q, want %q", tt.set, got, tt.want)
		}
	}
	if err := s.SetSetting(ctx, "language", "xx"); err != nil {
		t.Fatal(err)
	}
	if s.Language() != "vi" {
		t.Errorf("bad stored language gives %q", s.Language())
	}
}

func TestHamletList(t *testing.T) {
	s := openTest(t)
	ctx := context.Background()
	if l, err := s.HamletList(ctx); err != nil || len(l) != 0 {
		t.Fatalf("empty list = %q, %v", l, err)
	}
	in := []string{" Thôn  Đông ", "", "Tho\u0302n Đông", "Tổ 5"}
	if err := s.SetHamletList(ctx, in); err != nil {
		t.Fatal(err)
	}
	got, err := s.HamletList(ctx)
	if want := []string{"Thôn Đông", "Tổ 5"}; err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("HamletList = %q, %v; want %q", got, err, want)
	}
	if err := s.SetSetting(ctx, "hamlets", "not json"); err == nil {
		t.Errorf("invalid hamlet JSON accepted")
	}
	if !reflect.DeepEqual(s.Hamlets(), []string{"Thôn Đông", "Tổ 5"}) {
		t.Errorf("Hamlets = %q", s.Hamlets())
	}
}
