package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// The prison-notice form works like the person form: the hamlet from the
// unit's list, the gender "— Chưa chọn —", and a refused save says what is
// wrong under each field, not in a list at the bottom.
func TestNoticeFormLikePersonForm(t *testing.T) {
	i18n.SetLanguage("vi")
	st := svStore(t)
	seed(t, st, caseload.Person{FullName: "Lê Văn An", Hamlet: "Tổ 7"})
	u := svApp(t, st)
	u.sess.Role = string(caseload.RoleOfficer)
	v := u.newNoticeView(nil, "")
	w := test.NewWindow(v.content)
	defer w.Close()
	found := false
	for _, o := range v.hamlets {
		found = found || o == "Tổ 7"
	}
	if !found {
		t.Errorf("hamlet choices %v lack the unit's hamlets", v.hamlets)
	}
	if v.Gender.Selected != i18n.T("ui.choice.none") {
		t.Errorf("gender shows %q, want %q as in the person form", v.Gender.Selected, i18n.T("ui.choice.none"))
	}
	test.Type(v.BirthDate.Entry, "31/02/1990")
	v.saveNew()
	if l := v.errs["birth_date"]; l == nil || !l.Visible() || l.Text == "" {
		t.Fatal("a bad birth date is not reported under its field")
	}
	v.BirthDate.Entry.SetText("1990")
	v.saveNew()
	if l := v.errs["full_name"]; !l.Visible() || l.Text == "" {
		t.Errorf("a missing name is not reported under the name (status %q)", v.Status.Text)
	}
	if strings.Contains(v.Status.Text, i18n.T("svui.field.full_name")) {
		t.Errorf("the field messages are listed at the bottom: %q", v.Status.Text)
	}
	if n := len(st.People(store.PersonFilter{Statuses: allStatuses})); n != 1 {
		t.Errorf("a refused notice stored a person (%d people)", n)
	}
}

// An income typed as a bare number shows as money in the visit log.
func TestVisitIncomeShownAsMoney(t *testing.T) {
	i18n.SetLanguage("vi")
	if got := visitSummary(caseload.Visit{Income: "3000000"}); !strings.Contains(got, "3.000.000 đ") {
		t.Errorf("income shown as %q", got)
	}
	if got := moneyOrText("khoảng 3 triệu"); got != "khoảng 3 triệu" {
		t.Errorf("free text changed to %q", got)
	}
}
