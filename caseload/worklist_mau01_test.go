package caseload

import (
	"strings"
	"testing"
)

// mau01Fixture: on the list of 05/07/2026, "ok" (completed 10/01/2024,
// inside the 5-year window of QĐ 22/2023 Art. 3) is eligible; "old"
// (completed 01/03/2021, window closed 01/03/2026) and "ended" (management
// ended, Art. 14) are not.
func mau01Fixture() (Date, map[string]Person) {
	ok := wlPerson("ok", StatusManaged, GroupB)
	ok.CompletedOn = D(2024, 1, 10)
	old := wlPerson("old", StatusManaged, GroupB)
	old.CompletedOn = D(2021, 3, 1)
	ended := wlPerson("ended", StatusEnded, "")
	ended.CompletedOn = D(2024, 1, 10)
	return Mau01Date(2026, 7), map[string]Person{"ok": ok, "old": old, "ended": ended}
}

func mau01Request(id, person string, requested Date) Loan {
	return Loan{Meta: Meta{ID: id}, BorrowerKind: BorrowerPerson, PersonID: person, Purpose: PurposeBusiness,
		Amount: 50_000_000, RequestedOn: requested, TermMonths: 36, Status: LoanRequested}
}

func TestMau01State(t *testing.T) {
	list, people := mau01Fixture()
	sentReq := mau01Request("s", "ok", D(2026, 6, 20))
	sentReq.ListDate = list
	earlier := mau01Request("e", "ok", D(2026, 5, 20))
	earlier.ListDate = Mau01Date(2026, 6) // on June's list, waiting for the bank
	deletedSent := mau01Request("d", "ok", D(2026, 6, 20))
	deletedSent.ListDate, deletedSent.Deleted = list, true
	approved := mau01Request("a", "old", D(2026, 6, 1))
	approved.Status, approved.ListDate = LoanApproved, list // sent, then approved: still sent
	deletedPending := mau01Request("x", "ok", D(2026, 6, 1))
	deletedPending.Deleted = true
	for _, c := range []struct {
		name  string
		loans []Loan
		want  LoanListState
	}{
		{"nobody asks", nil, LoanListState{}},
		{"eligible request", []Loan{mau01Request("1", "ok", D(2026, 6, 20))}, LoanListState{Wanted: true}},
		{"request on the list day", []Loan{mau01Request("1", "ok", list)}, LoanListState{Wanted: true}},
		{"request after the list day", []Loan{mau01Request("1", "ok", list.AddDays(1))}, LoanListState{}},
		{"only ineligible people (Art. 3, Art. 14)", []Loan{mau01Request("1", "old", D(2026, 6, 20)),
			mau01Request("2", "ended", D(2026, 6, 20))}, LoanListState{}},
		{"unknown person", []Loan{mau01Request("1", "nobody", D(2026, 6, 20))}, LoanListState{}},
		{"already on an earlier list", []Loan{earlier}, LoanListState{}},
		{"deleted request", []Loan{deletedPending}, LoanListState{}},
		{"marked sent", []Loan{sentReq}, LoanListState{Sent: true}},
		{"marked sent, another request came later", []Loan{sentReq, mau01Request("2", "ok", D(2026, 7, 2))},
			LoanListState{Sent: true, Wanted: true}},
		{"sent, then approved", []Loan{approved}, LoanListState{Sent: true}},
		{"a deleted loan does not mark the list sent", []Loan{deletedSent, mau01Request("1", "ok", D(2026, 6, 20))},
			LoanListState{Wanted: true}},
	} {
		got := Mau01State(list, people, c.loans)
		if got != c.want {
			t.Errorf("%s: state %+v, want %+v", c.name, got, c.want)
		}
		if due := c.want.Due(); got.Due() != due {
			t.Errorf("%s: due %v, want %v", c.name, got.Due(), due)
		}
	}
}

// TestWorklistMau01Item: the loan_list item (QĐ 22/2023 Art. 14(2)(c),
// list due on the 5th) shows on the 1st–5th only while the month's list
// has not been sent and somebody eligible wants a loan.
func TestWorklistMau01Item(t *testing.T) {
	p := wlPerson("p", StatusManaged, GroupB)
	p.ReturnedOn = D(2026, 5, 4)
	base := WorklistInput{People: []Person{p}, ActiveMentor: map[string]string{"p": "m"},
		LastVisit: map[string]Date{"p": D(2026, 6, 20)}}
	today := D(2026, 7, 3)
	for _, c := range []struct {
		name  string
		state *LoanListState
		want  string
	}{
		{"state unknown: shown as before", nil, ":2026-07-05:false"},
		{"eligible request, not sent", &LoanListState{Wanted: true}, ":2026-07-05:false"},
		{"already marked sent", &LoanListState{Sent: true, Wanted: true}, ""},
		{"sent, nobody else", &LoanListState{Sent: true}, ""},
		{"no eligible borrower wants a loan", &LoanListState{}, ""},
	} {
		in := base
		in.LoanList = c.state
		items := Worklist(in, today, nil, nil)
		if got := strings.Join(find(items, WorkLoanList), ","); got != c.want {
			t.Errorf("%s: loan list item %q, want %q", c.name, got, c.want)
		}
		// The other items are untouched.
		if got := strings.Join(find(items, WorkQuarterlyReport), ","); got != "p:2026-07-05:false" {
			t.Errorf("%s: quarterly report items %q", c.name, got)
		}
	}
	// After the 5th there is no item whatever the state.
	in := base
	in.LoanList = &LoanListState{Wanted: true}
	if k := find(Worklist(in, D(2026, 7, 6), nil, nil), WorkLoanList); len(k) != 0 {
		t.Errorf("06/07: loan list items %v", k)
	}
}

func TestApplyLoanListKeepsOrder(t *testing.T) {
	items := []WorkItem{
		{Kind: WorkAddressCheck, PersonID: "a", Due: D(2026, 7, 1)},
		{Kind: WorkLoanList, Due: D(2026, 7, 5)},
		{Kind: WorkVisitOverdue, PersonID: "b", Due: D(2026, 7, 5)},
	}
	if got := ApplyLoanList(append([]WorkItem(nil), items...), LoanListState{Wanted: true}); len(got) != 3 {
		t.Errorf("due list: %d items", len(got))
	}
	got := ApplyLoanList(append([]WorkItem(nil), items...), LoanListState{Sent: true})
	if len(got) != 2 || got[0].Kind != WorkAddressCheck || got[1].Kind != WorkVisitOverdue {
		t.Errorf("sent list: %+v", got)
	}
}
