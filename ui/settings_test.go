package ui

import (
	"context"
	"slices"
	"testing"

	"hoanhap/i18n"
)

func TestSettingsUnitAndHamlets(t *testing.T) {
	u, st := newTestUI(t)
	u.sess.Role = "admin"
	v := u.newSettingsView(st)
	v.unitName.SetText("Công an phường Hòa Bình")
	v.unitKind.SetValue("ward")
	if err := v.SaveUnit(); err != nil {
		t.Fatal(err)
	}
	if n := st.Node(); n.UnitName != "Công an phường Hòa Bình" || n.UnitKind != "ward" {
		t.Errorf("node = %+v", n)
	}

	for _, h := range []string{"Thôn Đông", "Thôn Tây", "Tổ 3"} {
		v.hamletEntry.SetText(h)
		v.AddHamlet()
	}
	v.hamletEntry.SetText("Thôn Đông")
	v.AddHamlet() // already listed: ignored
	v.hamletList.Select(1)
	v.hamletEntry.SetText("Thôn Tây Bắc")
	v.RenameHamlet()
	v.hamletList.Select(2)
	v.RemoveHamlet()
	if err := v.SaveHamlets(); err != nil {
		t.Fatal(err)
	}
	got, err := st.HamletList(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got, []string{"Thôn Đông", "Thôn Tây Bắc"}) {
		t.Errorf("hamlets = %v", got)
	}
	if !v.message.Visible() || v.message.Text != "Đã lưu." {
		t.Errorf("message = %q", v.message.Text)
	}
}

func TestSettingsLanguageSwitch(t *testing.T) {
	u, st := newTestUI(t)
	t.Cleanup(func() { i18n.SetLanguage("vi") })
	v := u.newSettingsView(st)
	v.language.SetSelected(v.language.Options[1])
	if i18n.Language() != "en" {
		t.Fatalf("language = %q", i18n.Language())
	}
	if s, _ := st.Setting(context.Background(), "language"); s != "en" {
		t.Errorf("stored language = %q", s)
	}
	if u.win.Title() != i18n.T("app.name") {
		t.Errorf("title = %q", u.win.Title())
	}
	// The rebuilt area speaks English.
	v2 := u.newSettingsView(st)
	if v2.saveHamlets.Text != "Save list" {
		t.Errorf("rebuilt button = %q", v2.saveHamlets.Text)
	}
}

func TestSettingsReadOnlyForLeader(t *testing.T) {
	u, st := newTestUI(t)
	u.sess.Role = "leader"
	v := u.newSettingsView(st)
	if !v.saveHamlets.Disabled() || !v.unitName.Disabled() {
		t.Error("leader can edit settings")
	}
	if err := v.SaveHamlets(); err != errReadOnly {
		t.Errorf("SaveHamlets = %v", err)
	}
}
