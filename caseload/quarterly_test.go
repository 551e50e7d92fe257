package caseload

import (
	"reflect"
	"testing"
)

// TestDueForClassification: the quarterly classification follows the
// mentor's report of each quarter (TT 10/2024 Art. 12): a person under
// management and received before the quarter ended is due one.
func TestDueForClassification(t *testing.T) {
	tests := []struct {
		name string
		m    QuarterMember
		want bool
	}{
		{"managed, received during the quarter", QuarterMember{Status: StatusManaged, ReturnedOn: D(2026, 8, 15)}, true},
		{"managed, received on the quarter's last day", QuarterMember{Status: StatusManaged, ReturnedOn: D(2026, 9, 30)}, true},
		{"managed, received before the quarter", QuarterMember{Status: StatusManaged, ReturnedOn: D(2025, 1, 2)}, true},
		{"managed, reception day unknown", QuarterMember{Status: StatusManaged}, true},
		{"managed, received the day after the quarter", QuarterMember{Status: StatusManaged, ReturnedOn: D(2026, 10, 1)}, false},
		{"expected, not yet returned", QuarterMember{Status: StatusExpected, ReturnedOn: D(2026, 8, 1)}, false},
		{"management ended", QuarterMember{Status: StatusEnded, ReturnedOn: D(2026, 8, 1)}, false},
	}
	for _, tt := range tests {
		if got := DueForClassification(2026, 3, tt.m); got != tt.want {
			t.Errorf("%s: DueForClassification(2026-Q3) = %v, want %v", tt.name, got, tt.want)
		}
	}
	// Q4 ends on 31/12: a reception on 31/12 is inside, 01/01 of the next year outside.
	if !DueForClassification(2026, 4, QuarterMember{Status: StatusManaged, ReturnedOn: D(2026, 12, 31)}) {
		t.Error("received 31/12/2026 is due for 2026-Q4")
	}
	if DueForClassification(2026, 4, QuarterMember{Status: StatusManaged, ReturnedOn: D(2027, 1, 1)}) {
		t.Error("received 01/01/2027 is not due for 2026-Q4")
	}
}

// TestQuarterly: counts per group, classified ordered by group then by the
// members' order, and the managed people still due (TT 10/2024 Art. 12).
func TestQuarterly(t *testing.T) {
	m := func(id string, st Status, ret Date, g Group) QuarterMember {
		return QuarterMember{ID: id, Status: st, ReturnedOn: ret, Group: g}
	}
	early := D(2026, 3, 2)
	members := []QuarterMember{
		m("an", StatusManaged, early, GroupA),
		m("binh", StatusManaged, early, GroupA),
		m("cuong", StatusManaged, early, GroupB),
		m("dung", StatusManaged, early, GroupC),
		m("em", StatusManaged, early, GroupB),        // classified only for Q2
		m("giang", StatusManaged, Date{}, ""),        // reception day unknown
		m("hai", StatusManaged, D(2026, 10, 20), ""), // received after Q3
		m("khoa", StatusExpected, Date{}, ""),
		m("lan", StatusEnded, early, GroupD),
	}
	c := func(id string, g Group) Classification {
		return Classification{PersonID: id, Quarter: "2026-Q3", Group: g}
	}
	list := []Classification{c("binh", GroupA), c("an", GroupA), c("cuong", GroupB), c("dung", GroupC),
		c("lan", GroupD), c("outside", GroupB)}

	got := Quarterly(2026, 3, members, list)

	var order []string
	for _, x := range got.Classified {
		order = append(order, x.PersonID)
	}
	if want := []string{"an", "binh", "cuong", "dung", "lan"}; !reflect.DeepEqual(order, want) {
		t.Errorf("classified = %v, want %v (group, then members' order; people outside left out)", order, want)
	}
	if want := map[Group]int{GroupA: 2, GroupB: 1, GroupC: 1, GroupD: 1}; !reflect.DeepEqual(got.Counts, want) {
		t.Errorf("counts = %v, want %v", got.Counts, want)
	}
	var due []string
	for _, x := range got.Due {
		due = append(due, x.ID)
	}
	if want := []string{"em", "giang"}; !reflect.DeepEqual(due, want) {
		t.Errorf("due = %v, want %v", due, want)
	}

	empty := Quarterly(2026, 3, nil, list)
	if len(empty.Classified) != 0 || len(empty.Due) != 0 || len(empty.Counts) != 0 {
		t.Errorf("no members: got %+v, want an empty list", empty)
	}
}
