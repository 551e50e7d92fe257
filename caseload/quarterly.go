package caseload

import "sort"

// QuarterMember is what the quarterly list by group (HCD-09) needs to know
// of a person: the status, the day of the reception and the latest group.
type QuarterMember struct {
	ID         string
	Status     Status
	ReturnedOn Date  // zero: unknown
	Group      Group // latest group, "" when never classified
}

// QuarterlyList is the quarterly classification of a quarter over a set of
// people (TT 10/2024 Art. 12): who was classified, with what group, and who
// is still due a classification.
type QuarterlyList struct {
	// Classified holds the quarter's classification of each member who has
	// one, ordered by group and then in the order the members were given.
	Classified []Classification
	// Due holds the members still due a classification for the quarter, in
	// the order they were given.
	Due []QuarterMember
	// Counts is the number of classified members per group.
	Counts map[Group]int
}

// DueForClassification reports whether m, not classified for quarter q of
// year, is due a classification for it: the person is under management and
// was received before the quarter ended (or the day of the reception is not
// known). The classification follows each quarter's report of the mentor
// (TT 10/2024 Art. 12), so a person received after the quarter is not due.
func DueForClassification(year, q int, m QuarterMember) bool {
	if m.Status != StatusManaged {
		return false
	}
	next := QuarterFirstDay(year, q).AddMonths(3)
	return m.ReturnedOn.IsZero() || m.ReturnedOn.Before(next)
}

// Quarterly builds the quarterly list of quarter q of year from the members
// (in the order the list shows people) and the quarter's classifications
// (the latest per person, as the store returns them). Classifications of
// people outside members (out of scope, or deleted) are left out.
func Quarterly(year, q int, members []QuarterMember, classifications []Classification) QuarterlyList {
	rank := make(map[string]int, len(members))
	for i, m := range members {
		if _, seen := rank[m.ID]; !seen {
			rank[m.ID] = i
		}
	}
	out := QuarterlyList{Counts: map[Group]int{}}
	done := make(map[string]bool, len(classifications))
	for _, c := range classifications {
		if _, ok := rank[c.PersonID]; !ok || done[c.PersonID] {
			continue
		}
		done[c.PersonID] = true
		out.Counts[c.Group]++
		out.Classified = append(out.Classified, c)
	}
	sort.SliceStable(out.Classified, func(i, j int) bool {
		a, b := out.Classified[i], out.Classified[j]
		if a.Group != b.Group {
			return a.Group < b.Group
		}
		return rank[a.PersonID] < rank[b.PersonID]
	})
	for _, m := range members {
		if !done[m.ID] && DueForClassification(year, q, m) {
			out.Due = append(out.Due, m)
		}
	}
	return out
}
