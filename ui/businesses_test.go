package ui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// The business detail lists the linked people: a name opens the profile,
// "Bỏ liên kết" asks and unlinks.
func TestBusinessLinkedPeople(t *testing.T) {
	st, duc, binh := supTestStore(t)
	ctx := context.Background()
	b := caseload.Business{Name: "HTX Rau sạch Đồng Xanh", Address: "Thôn Đông", Workers: 20, ReturneeWorkers: 2}
	if err := st.SaveBusiness(ctx, &b); err != nil {
		t.Fatal(err)
	}
	for _, p := range []caseload.Person{duc, binh} {
		l := caseload.Link{Kind: caseload.LinkBusinessPerson, FromID: b.ID, ToID: p.ID, Since: caseload.Today()}
		if err := st.SaveLink(ctx, &l); err != nil {
			t.Fatal(err)
		}
	}
	w := supTestWindow(t)
	s := newModelsScreen(w, st)
	var opened []string
	s.openPerson = func(id string) { opened = append(opened, id) }
	w.SetContent(s.Root)
	v := s.Biz
	if v.PeopleTitle.Text != i18n.T("business.ui.pick") {
		t.Errorf("title before a choice = %q", v.PeopleTitle.Text)
	}
	v.Table.Select(widget.TableCellID{Row: 0, Col: 0})
	if len(v.People) != 2 || len(v.PeopleBox.Objects) != 2 || !strings.Contains(v.PeopleTitle.Text, "2 người") {
		t.Fatalf("people = %d, title %q", len(v.People), v.PeopleTitle.Text)
	}
	test.Tap(findButton(v.PeopleBox, duc.FullName+" — "+duc.Hamlet))
	if !slices.Equal(opened, []string{duc.ID}) {
		t.Errorf("opened = %v", opened)
	}
	// Unlink Bình: asks, then the list, the count and the store follow.
	var row fyne.CanvasObject
	for i, p := range v.People {
		if p.Link.ToID == binh.ID {
			row = v.PeopleBox.Objects[i]
		}
	}
	test.Tap(findButton(row, i18n.T("model.ui.unlink_person")))
	if s.Confirm == nil || len(v.People) != 2 {
		t.Fatal("unlinking did not ask first")
	}
	if findButton(topOverlay(t, w), "Hủy") == nil {
		t.Error("the confirmation has no “Hủy” button")
	}
	s.Confirm.Confirm()
	got, _ := st.LinkedPeople(ctx, caseload.LinkBusinessPerson, b.ID)
	if len(got) != 1 || got[0].Link.ToID != duc.ID {
		t.Fatalf("linked after unlink = %+v", got)
	}
	if len(v.People) != 1 || v.sel != 0 || v.cell(0, 5) != "1" {
		t.Errorf("detail after unlink: %d people, sel %d, count cell %q", len(v.People), v.sel, v.cell(0, 5))
	}
}
