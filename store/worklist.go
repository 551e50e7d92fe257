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

// Worklist computes the items due or overdue on today ("Việc cần làm") with
// a handful of bulk queries (no query per person) and caseload.Worklist.
func (s *Store) Worklist(ctx context.Context, today caseload.Date) ([]caseload.WorkItem, error) {
	in, err := s.WorklistInput(ctx, today)
	if err != nil {
		return nil, err
	}
	cal, err := s.Calendar(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	cadence, err := s.VisitCadence(ctx)
	if err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	return caseload.Worklist(in, today, cal, cadence), nil
}

// WorklistFor is Worklist restricted to the items of one mentor's people.
func (s *Store) WorklistFor(ctx context.Context, today caseload.Date, mentorID string) ([]caseload.WorkItem, error) {
	all, err := s.Worklist(ctx, today)
	if err != nil {
		return nil, err
	}
	var out []caseload.WorkItem
	for _, it := range all {
		if it.MentorID == mentorID && it.MentorID != "" {
			out = append(out, it)
		}
	}
	return out, nil
}

// worklistPersonCols are the person columns the worklist rules need.
const worklistPersonCols = `id, full_name, status, grp, completed_on, returned_on, reported_on,
	sentence_kind, sentence_months, offense_chapter, offense_severity, negligent, juvenile, age_at_offense,
	supplementary, civil_amount, civil_none, civil_settled_on, expunged_on, court_refusals`

// WorklistInput loads what caseload.Worklist needs, in bulk: the expected
// and managed people, the open notices, the latest receptions, the active
// assignments, the visit summary and the recent classifications.
func (s *Store) WorklistInput(ctx context.Context, today caseload.Date) (caseload.WorklistInput, error) {
	var in caseload.WorklistInput
	fail := func(err error) (caseload.WorklistInput, error) {
		return caseload.WorklistInput{}, fmt.Errorf("store: worklist: %w", err)
	}
	rows, err := s.db.QueryContext(ctx, `SELECT `+worklistPersonCols+` FROM person
		WHERE deleted = 0 AND status IN ('expected', 'managed')`)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var p caseload.Person
		var status, grp, completed, returned, reported, kind, severity, supp, settled, expunged, refusals string
		if err := rows.Scan(&p.ID, &p.FullName, &status, &grp, &completed, &returned, &reported,
			&kind, &p.SentenceMonths, &p.OffenseChapter, &severity, &p.Negligent, &p.Juvenile, &p.AgeAtOffense,
			&supp, &p.CivilObligations.Amount, &p.CivilObligations.None, &settled, &expunged, &refusals); err != nil {
			rows.Close()
			return fail(err)
		}
		p.Status, p.Group = caseload.Status(status), caseload.Group(grp)
		p.CompletedOn, p.ReturnedOn, p.ReportedOn = svDate(completed), svDate(returned), svDate(reported)
		p.SentenceKind, p.OffenseSeverity = caseload.SentenceKind(kind), caseload.Severity(severity)
		p.CivilObligations.SettledOn, p.ExpungedOn = svDate(settled), svDate(expunged)
		if supp != "" && supp != "[]" {
			_ = json.Unmarshal([]byte(supp), &p.Supplementary)
		}
		if refusals != "" && refusals != "[]" {
			_ = json.Unmarshal([]byte(refusals), &p.CourtRefusals)
		}
		in.People = append(in.People, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}

	if in.Notices, err = svQuery(ctx, s, `SELECT `+svPrefix("n.", noticeCols)+` FROM notice n
		JOIN person p ON p.id = n.person_id AND p.status = 'expected' AND p.deleted = 0
		WHERE n.deleted = 0`, scanNotice); err != nil {
		return fail(err)
	}
	// The latest reception of each managed person whose file or mentor is
	// still missing (the others produce no item).
	if in.Receptions, err = svQuery(ctx, s, `SELECT `+svPrefix("r.", receptionCols)+` FROM reception r
		JOIN person p ON p.id = r.person_id AND p.status = 'managed' AND p.deleted = 0
		WHERE r.deleted = 0
		AND (r.file_opened_on = '' OR NOT EXISTS (SELECT 1 FROM assignment a WHERE a.person_id = r.person_id
			AND a.to_date = '' AND a.deleted = 0))
		AND NOT EXISTS (SELECT 1 FROM reception r2 WHERE r2.person_id = r.person_id
			AND r2.deleted = 0 AND (r2.session_date > r.session_date OR (r2.session_date = r.session_date AND r2.id > r.id)))`,
		scanReception); err != nil {
		return fail(err)
	}
	in.ActiveMentor = map[string]string{}
	if err := svPairs(ctx, s, `SELECT person_id, mentor_id FROM assignment WHERE to_date = '' AND deleted = 0`,
		func(a, b string) { in.ActiveMentor[a] = b }); err != nil {
		return fail(err)
	}
	in.LastVisit, in.LastReport = map[string]caseload.Date{}, map[string]caseload.Date{}
	rows, err = s.db.QueryContext(ctx, `SELECT person_id, last_visit, last_report FROM visit_summary`)
	if err != nil {
		return fail(err)
	}
	for rows.Next() {
		var id, lv, lr string
		if err := rows.Scan(&id, &lv, &lr); err != nil {
			rows.Close()
			return fail(err)
		}
		if lv != "" {
			in.LastVisit[id] = svDate(lv)
		}
		if lr != "" {
			in.LastReport[id] = svDate(lr)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fail(err)
	}
	y, q := caseload.QuarterOf(today)
	py, pq := caseload.PreviousQuarter(y, q)
	in.LatestQuarter = map[string]string{}
	if err := svPairs(ctx, s, `SELECT person_id, max(quarter) FROM classification
		WHERE quarter >= ? AND deleted = 0 GROUP BY person_id`,
		func(a, b string) { in.LatestQuarter[a] = b }, caseload.QuarterLabel(py, pq)); err != nil {
		return fail(err)
	}
	return in, nil
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
