package store

import (
	"context"
	"encoding/json"
	"fmt"

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
// read again, so the cost is the rules, not the reading.
func (s *Store) Worklist(ctx context.Context, today caseload.Date) ([]caseload.WorkItem, error) {
	cases, err := s.worklistCases(ctx)
	if err != nil {
		return nil, err
	}
	return s.worklistOf(ctx, cases, today)
}

// WorklistFor is Worklist restricted to the items of one mentor's people.
func (s *Store) WorklistFor(ctx context.Context, today caseload.Date, mentorID string) ([]caseload.WorkItem, error) {
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
	items, err := s.worklistOf(ctx, mine, today)
	if err != nil {
		return nil, err
	}
	out := items[:0]
	for _, it := range items {
		if it.MentorID == mentorID && it.MentorID != "" {
			out = append(out, it)
		}
	}
	return out, nil
}

// worklistOf runs the rules over cases with the holiday table and the
// visit cadence setting.
func (s *Store) worklistOf(ctx context.Context, cases []*caseload.WorkCase, today caseload.Date) ([]caseload.WorkItem, error) {
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	cadence, err := s.VisitCadence(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	return caseload.WorklistOf(cases, today, cal, cadence), nil
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
