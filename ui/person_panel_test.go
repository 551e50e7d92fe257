package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// The profile's side panel shows the current job, from the same records
// as the "Hỗ trợ" tab, and follows a job saved there.
func TestPanelShowsCurrentJob(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Vũ Văn Long"})
	v := showCaseload(t, u, "officer")
	v.openPerson(ids[0])
	p := v.form.panel
	if !p.jobBox.Visible() || p.job.Text != i18n.T("support.ui.employment_none") {
		t.Fatalf("job line = %q (visible %v)", p.job.Text, p.jobBox.Visible())
	}
	sv := newPersonSupportView(u.win, st, ids[0])
	f := sv.openSupport(caseload.Support{PersonID: ids[0]})
	f.Kind.SetValue(string(caseload.SupportEmployment))
	test.Type(f.Employer, "Xưởng mộc Phúc Lâm")
	f.Date.SetDate(caseload.D(2025, 2, 1))
	f.Income.SetText("5100000")
	f.Submit()
	if !f.closed {
		t.Fatalf("not saved: %q", f.errors.Text)
	}
	for _, want := range []string{"Xưởng mộc Phúc Lâm", "01/02/2025", "5.100.000 đ"} {
		if !strings.Contains(p.job.Text, want) {
			t.Errorf("job line %q lacks %q", p.job.Text, want)
		}
	}
	if p.job.Text != sv.Employment.Text {
		t.Errorf("panel %q differs from the tab %q", p.job.Text, sv.Employment.Text)
	}
	// A new person (not saved) has no job line.
	v.closeForm()
	nf := openNew(t, u, v)
	if nf.panel.jobBox.Visible() {
		t.Error("a new person shows a job line")
	}
}
