package ui

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// A new conviction recorded in the "Kết thúc" tab keeps the day of the
// offence (BLHS 2015 Art. 73(2)) and, with "ends management" ticked, ends
// the case as serving a new sentence in the same step; a refused record
// says why in Vietnamese and writes nothing.
func TestRecidivismFromCaseEndTab(t *testing.T) {
	u, st := newTestUI(t)
	u.sess.Role = "officer"
	ctx := context.Background()
	ids := seed(t, st, caseload.Person{FullName: "Hồ Văn Lợi", CompletedOn: caseload.D(2023, 3, 10)})
	tab := u.newCaseEndTab(ids[0])

	// Judged before the offence: refused, nothing written.
	test.Type(tab.RDate.Entry, "01/01/2025")
	test.Type(tab.ROffenseOn.Entry, "01/02/2025")
	test.Type(tab.ROffense, "Cố ý gây thương tích")
	tab.REnds.SetChecked(false)
	test.Tap(tab.Record)
	if recs, _ := st.Recidivisms(ctx, ids[0]); len(recs) != 0 {
		t.Fatalf("refused record written: %+v", recs)
	}
	if tab.RStatus.Text == i18n.T("svui.recid.saved") {
		t.Fatalf("status says saved for a refused record")
	}

	tab.RDate.Entry.SetText("")
	test.Type(tab.RDate.Entry, "20/09/2025")
	tab.ROffenseOn.Entry.SetText("")
	test.Type(tab.ROffenseOn.Entry, "05/01/2025")
	tab.REnds.SetChecked(true)
	test.Type(tab.ProposalNo, "15/ĐX-CAP")
	test.Type(tab.ProposalDate.Entry, "22/09/2025")
	test.Type(tab.DecisionNo, "88/QĐ-UBND")
	test.Type(tab.DecisionDate.Entry, "25/09/2025")
	test.Tap(tab.Record)
	if tab.RStatus.Text != i18n.T("svui.recid.saved") {
		t.Fatalf("status = %q", tab.RStatus.Text)
	}
	recs, err := st.Recidivisms(ctx, ids[0])
	if err != nil || len(recs) != 1 || recs[0].OffenseOn != caseload.D(2025, 1, 5) || recs[0].Date != caseload.D(2025, 9, 20) {
		t.Fatalf("stored = %+v, %v", recs, err)
	}
	p, _ := st.Person(ctx, ids[0])
	if p.Status != caseload.StatusEnded || p.EndReason != caseload.EndNewSentence || p.NewConvictionOn != caseload.D(2025, 1, 5) {
		t.Errorf("person after the conviction: %s %s new conviction %s", p.Status, p.EndReason, p.NewConvictionOn)
	}
}
