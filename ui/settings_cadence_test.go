package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
)

func TestSettingsVisitCadence(t *testing.T) {
	u, st := newTestUI(t)
	ctx := context.Background()
	u.sess.Role = "officer"
	c := u.newSettingsView(st).cadence
	if c == nil {
		t.Fatal("the settings have no visit cadence section")
	}
	if c.Days[caseload.GroupA].Text != "90" || c.Days[caseload.GroupB].Text != "30" || c.Days[caseload.GroupC].Text != "14" ||
		!c.DNone.Checked || !c.Days[caseload.GroupD].Disabled() {
		t.Fatalf("defaults shown as A %q B %q C %q D none %v", c.Days[caseload.GroupA].Text, c.Days[caseload.GroupB].Text,
			c.Days[caseload.GroupC].Text, c.DNone.Checked)
	}

	// B to 45: saved, and shown again after a reload.
	c.Days[caseload.GroupB].SetText("")
	test.Type(c.Days[caseload.GroupB], "45")
	test.Tap(c.Save)
	if m, err := st.VisitCadence(ctx); err != nil || m[caseload.GroupB] != 45 || m[caseload.GroupA] != 90 || m[caseload.GroupD] != 0 {
		t.Fatalf("stored cadence = %v, %v (%s)", m, err, c.Status.Text)
	}
	if c.Status.Text != "Đã lưu tần suất thăm gặp." {
		t.Errorf("status after save = %q", c.Status.Text)
	}
	c = u.newSettingsView(st).cadence
	if c.Days[caseload.GroupB].Text != "45" {
		t.Fatalf("after reload B = %q", c.Days[caseload.GroupB].Text)
	}

	// Refused values: a message naming the group, nothing written.
	before, _ := st.Setting(ctx, "visit_cadence")
	for _, tc := range []struct {
		g    caseload.Group
		text string
	}{{caseload.GroupB, "0"}, {caseload.GroupB, "abc"}, {caseload.GroupC, "366"}, {caseload.GroupA, "-5"}, {caseload.GroupA, ""}} {
		c = u.newSettingsView(st).cadence
		c.Days[tc.g].SetText(tc.text)
		if err := c.save(); err == nil {
			t.Errorf("%s = %q accepted", tc.g, tc.text)
		}
		if want := "Nhóm " + string(tc.g) + ": số ngày phải là số nguyên từ 1 đến 365."; c.Status.Text != want {
			t.Errorf("%s = %q: message %q, want %q", tc.g, tc.text, c.Status.Text, want)
		}
		if after, _ := st.Setting(ctx, "visit_cadence"); after != before {
			t.Errorf("%s = %q was written: %s", tc.g, tc.text, after)
		}
	}

	// Group D: regular visits every 60 days, then none again.
	c = u.newSettingsView(st).cadence
	c.DNone.SetChecked(false)
	if c.Days[caseload.GroupD].Disabled() {
		t.Fatal("group D days stay disabled")
	}
	c.Days[caseload.GroupD].SetText("60")
	test.Tap(c.Save)
	if m, _ := st.VisitCadence(ctx); m[caseload.GroupD] != 60 || m[caseload.GroupB] != 45 {
		t.Errorf("after D = 60: %v (%s)", m, c.Status.Text)
	}
	c.DNone.SetChecked(true)
	test.Tap(c.Save)
	if m, _ := st.VisitCadence(ctx); m[caseload.GroupD] != 0 {
		t.Errorf("after D none: %v", m)
	}
}

func TestSettingsVisitCadenceReadOnlyForLeader(t *testing.T) {
	u, st := newTestUI(t)
	u.sess.Role = "leader"
	c := u.newSettingsView(st).cadence
	if !c.Save.Disabled() || !c.Days[caseload.GroupB].Disabled() || !c.DNone.Disabled() {
		t.Error("a leader can edit the visit cadence")
	}
	c.Days[caseload.GroupB].SetText("45")
	if err := c.save(); err != errReadOnly {
		t.Errorf("save = %v, want errReadOnly", err)
	}
	if s, _ := st.Setting(context.Background(), "visit_cadence"); strings.Contains(s, "45") {
		t.Errorf("a leader's cadence was written: %s", s)
	}
}
