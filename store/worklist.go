package store

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"hash/fnv"
	"slices"

	"hoanhap/caseload"
)

// settingVisitCadence is the setting holding the days between visits per
// group as JSON, e.g. {"A":90,"B":30,"C":14,"D":0}.
const settingVisitCadence = "visit_cadence"

// VisitCadence returns the days between visits per group: the setting
// "visit_cadence" over caseload.DefaultVisitCadence.
func (s *Store) VisitCadence(ctx context.Context) (map[caseload.Group]int, error) {
	out := make(map[caseload.Group]int, len(caseload.DefaultVisitCadence))
	for g, d := range caseload.DefaultVisitCadence {
		out[g] = d
	}
	v, err := s.Setting(ctx, settingVisitCadence)
	if err != nil || v == "" {
		return out, err
	}
	var m map[caseload.Group]int
	if err := json.Unmarshal([]byte(v), &m); err != nil {
		return out, fmt.Errorf("store: visit cadence: %w", err)
	}
	for g, d := range m {
		out[g] = d
	}
	return out, nil
}

// SetVisitCadence stores the days between visits per group (0 = no
// visits; negative or above 366 days is refused).
func (s *Store) SetVisitCadence(ctx context.Context, m map[caseload.Group]int) error {
	v := &caseload.ValidationError{}
	for g, d := range m {
		switch g {
		case caseload.GroupA, caseload.GroupB, caseload.GroupC, caseload.GroupD:
		default:
			v.Add("visit_cadence", "supervision.validation.invalid_value", "Value", string(g))
		}
		if d < 0 || d > 366 {
			v.Add("visit_cadence", "supervision.validation.cadence", "Group", string(g))
		}
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("store: set visit cadence: %w", err)
	}
	return s.SetSetting(ctx, settingVisitCadence, string(b))
}

// Worklist computes the items due or overdue on today ("Việc cần làm").
// The per-person inputs come from the worklist cache (see worklistCases):
// after the first call only the people changed since the previous call are
// read again, and, for the same day and settings, only their items are
// computed again and merged into the previous result. The items' Args
// are shared between calls and must not be changed.
func (s *Store) Worklist(ctx context.Context, today caseload.Date) ([]caseload.WorkItem, error) {
	cal, cadence, cfg, err := s.worklistConfig(ctx)
	if err != nil {
		return nil, err
	}
	c := s.worklistCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	changed, full, err := c.sync(ctx, s)
	if err != nil {
		return nil, err
	}
	key := wlItemsKey{today: today, cfg: cfg}
	switch {
	case !c.hasItems || full || c.key != key:
		c.items = caseload.WorklistOf(c.listLocked(), today, cal, cadence)
	case len(changed) > 0:
		c.items = c.mergeChanged(changed, today, cal, cadence)
	}
	c.key, c.hasItems = key, true
	items, err := s.withLoanList(ctx, today, slices.Clone(c.items))
	if err != nil {
		return nil, err
	}
	return s.withoutFrozen(ctx, items)
}

// withoutFrozen drops the items of the people frozen here by a transfer
// order (store.FrozenPeople): nothing can be saved for them at this ward,
// so they are no task. Items without a person (the loan list) stay.
func (s *Store) withoutFrozen(ctx context.Context, items []caseload.WorkItem) ([]caseload.WorkItem, error) {
	frozen, err := s.FrozenPeople(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	if len(frozen) == 0 {
		return items, nil
	}
	return slices.DeleteFunc(items, func(it caseload.WorkItem) bool { return frozen[it.PersonID] }), nil
}

// withLoanList applies the state of the month's Mẫu 01 list to items (see
// caseload.ApplyLoanList): on the 1st–5th the loan_list item stays only
// while the list has not been sent and somebody eligible wants a loan.
// Loans are not part of the worklist cache; they are read each time, and
// only on those days.
func (s *Store) withLoanList(ctx context.Context, today caseload.Date, items []caseload.WorkItem) ([]caseload.WorkItem, error) {
	if today.Day() > caseload.LoanListDay {
		return items, nil
	}
	st, err := s.loanListState(ctx, caseload.Mau01Date(today.Year(), int(today.Month())))
	if err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	return caseload.ApplyLoanList(items, st), nil
}

// loanListState reads the state of the Mẫu 01 list of listDate: sent when
// a live loan carries that list date, else whether an eligible person has
// a pending request (caseload.Mau01State over the data of Mau01List).
func (s *Store) loanListState(ctx context.Context, listDate caseload.Date) (caseload.LoanListState, error) {
	var sent bool
	if err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM loan WHERE list_date = ? AND deleted = 0)`,
		listDate.String()).Scan(&sent); err != nil {
		return caseload.LoanListState{}, err
	}
	if sent {
		return caseload.LoanListState{Sent: true}, nil
	}
	loans, err := supList(ctx, s, loanTable, `WHERE deleted = 0 AND borrower_kind = 'person' AND status = 'requested' ORDER BY requested_on, id`)
	if err != nil {
		return caseload.LoanListState{}, err
	}
	people := map[string]caseload.Person{}
	for _, l := range loans {
		if _, ok := people[l.PersonID]; ok {
			continue
		}
		p, err := s.Person(ctx, l.PersonID)
		if errors.Is(err, ErrNotFound) {
			continue // deleted person: not on the list
		}
		if err != nil {
			return caseload.LoanListState{}, err
		}
		people[l.PersonID] = p
	}
	return caseload.Mau01State(listDate, people, loans), nil
}

// WorklistFor is Worklist restricted to the items of one mentor's people.
func (s *Store) WorklistFor(ctx context.Context, today caseload.Date, mentorID string) ([]caseload.WorkItem, error) {
	cal, cadence, _, err := s.worklistConfig(ctx)
	if err != nil {
		return nil, err
	}
	all, err := s.worklistCases(ctx)
	if err != nil {
		return nil, err
	}
	var mine []*caseload.WorkCase
	for _, c := range all {
		if c.Mentor == mentorID && mentorID != "" {
			mine = append(mine, c)
		}
	}
	items := caseload.WorklistOf(mine, today, cal, cadence)
	out := items[:0]
	for _, it := range items {
		if it.MentorID == mentorID && it.MentorID != "" {
			out = append(out, it)
		}
	}
	return s.withoutFrozen(ctx, out)
}

// worklistConfig reads the holiday calendar and the visit cadence, with
// a fingerprint of both (the cached items are valid for one fingerprint).
func (s *Store) worklistConfig(ctx context.Context) (*caseload.Calendar, map[caseload.Group]int, uint64, error) {
	hs, err := s.Holidays(ctx)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("store: worklist: %w", err)
	}
	cadence, err := s.VisitCadence(ctx)
	if err != nil {
		return nil, nil, 0, fmt.Errorf("store: worklist: %w", err)
	}
	h := fnv.New64a()
	fmt.Fprint(h, cadence, hs) // fmt prints maps sorted by key
	return caseload.NewCalendar(hs), cadence, h.Sum64(), nil
}

// svPairs runs a two-string-column query and calls fn for each row.
func svPairs(ctx context.Context, s *Store, q string, fn func(a, b string), args ...any) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var a, b string
		if err := rows.Scan(&a, &b); err != nil {
			return err
		}
		fn(a, b)
	}
	return rows.Err()
}

// WarmWorklist reads the worklist inputs of every expected and managed
// person into the worklist cache, so that the first Worklist call does not
// pay for it; a GUI may run it in the background after Open.
func (s *Store) WarmWorklist(ctx context.Context) error {
	_, err := s.worklistCases(ctx)
	return err
}
