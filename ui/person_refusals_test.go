package ui

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
)

// A court refusal typed in the register form is saved and moves the
// computed date of a court case (BLHS Art. 71: a new petition 1 year after
// the first refusal); removing the row removes it.
func TestCourtRefusalsInPersonForm(t *testing.T) {
	u, st := newTestUI(t)
	v := showCaseload(t, u, "officer")
	f := openNew(t, u, v)
	fillMinimal(f, "Đặng Văn Phúc")
	test.Type(f.offense, "Tuyên truyền chống Nhà nước")
	test.Type(f.chapter, "13")
	f.sentenceKind.SetValue(string(caseload.SentencePrison))
	test.Type(f.sentenceMonths, "48")
	test.Type(f.completedOn.Entry, "10/03/2019")
	f.civilNone.SetChecked(true)
	before := f.panel.expunge.Text
	if !strings.Contains(before, "10/03/2022") { // 3 years by court, Art. 71
		t.Fatalf("court case without refusal: panel = %q", before)
	}

	test.Tap(findButton(f.root, "Thêm lần Tòa án bác đơn"))
	if len(f.refusals) != 1 {
		t.Fatalf("%d refusal rows after add", len(f.refusals))
	}
	test.Type(f.refusals[0].date.Entry, "20/05/2022")
	if err := f.Save(); err != nil {
		t.Fatalf("save: %v", err)
	}
	got, err := st.Person(context.Background(), f.person.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.CourtRefusals) != 1 || got.CourtRefusals[0] != caseload.D(2022, 5, 20) {
		t.Fatalf("stored refusals = %v", got.CourtRefusals)
	}
	if after := f.panel.expunge.Text; !strings.Contains(after, "20/05/2023") {
		t.Errorf("after a refusal on 20/05/2022 the panel = %q, want a new petition from 20/05/2023", after)
	}

	// Reopened, the row is there; removed and saved, it is gone.
	f.load(got)
	if len(f.refusals) != 1 || f.refusals[0].date.Entry.Text != "20/05/2022" {
		t.Fatalf("reloaded refusal rows = %d", len(f.refusals))
	}
	var remove *widget.Button
	for _, o := range f.refusals[0].row.(*fyne.Container).Objects {
		if b, ok := o.(*widget.Button); ok {
			remove = b
		}
	}
	if remove == nil {
		t.Fatal("no remove button on the refusal row")
	}
	test.Tap(remove)
	if len(f.refusals) != 0 || len(f.refusalBox.Objects) != 0 || !f.dirty {
		t.Fatalf("after remove: %d rows, dirty %v", len(f.refusals), f.dirty)
	}
	if err := f.Save(); err != nil {
		t.Fatalf("save without refusal: %v", err)
	}
	if got, _ := st.Person(context.Background(), f.person.ID); len(got.CourtRefusals) != 0 {
		t.Errorf("refusals after removing the row = %v", got.CourtRefusals)
	}
}
