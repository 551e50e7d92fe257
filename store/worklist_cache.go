package store

import (
	"context"
	"encoding/json"
	"fmt"
	"runtime"
	"sync"
	"time"
	"weak"

	"hoanhap/caseload"
)

// The worklist cache keeps one caseload.WorkCase per expected or managed
// person in memory. Triggers (migration 0004_worklist.sql) record in
// worklist_change every person whose worklist input changed, with a number
// from the counter worklist_seq, whatever code or process wrote. Each call
// reads the counter; when it moved, only the people changed since the last
// load are read again, with the same set-based queries as the first load.

// wlFullReloadShare: when more than 1/wlFullReloadShare of the cached people
// changed (a big import), everything is read again instead.
const wlFullReloadShare = 4

// wlCache is the worklist cache of one Store.
type wlCache struct {
	mu     sync.Mutex
	loaded bool
	seq    int64                         // worklist_seq.n covered by cases
	cases  map[string]*caseload.WorkCase // by person id; never changed once published
	list   []*caseload.WorkCase          // the cases as a slice; nil after a change
}

// wlCaches holds the cache of each open Store without keeping the Store
// alive (the Store type lives in store.go, which this file does not own).
var wlCaches sync.Map // weak.Pointer[Store] -> *wlCache

// worklistCache returns the cache of s, creating it on first use.
func (s *Store) worklistCache() *wlCache {
	k := weak.Make(s)
	if c, ok := wlCaches.Load(k); ok {
		return c.(*wlCache)
	}
	c, loaded := wlCaches.LoadOrStore(k, &wlCache{})
	if !loaded {
		runtime.AddCleanup(s, func(k weak.Pointer[Store]) { wlCaches.Delete(k) }, k)
	}
	return c.(*wlCache)
}

// dropWorklistCache forgets the cached cases: the next call reads
// everything (benchmarks of the first load use it).
func (s *Store) dropWorklistCache() {
	c := s.worklistCache()
	c.mu.Lock()
	c.loaded, c.cases, c.list, c.seq = false, nil, nil, 0
	c.mu.Unlock()
}

// worklistCases returns the current cases of the expected and managed
// people. The returned slice and cases must not be changed.
func (s *Store) worklistCases(ctx context.Context) ([]*caseload.WorkCase, error) {
	c := s.worklistCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	var seq int64
	if err := s.db.QueryRowContext(ctx, `SELECT n FROM worklist_seq WHERE id = 1`).Scan(&seq); err != nil {
		return nil, fmt.Errorf("store: worklist: %w", err)
	}
	switch {
	case c.loaded && seq == c.seq:
	case c.loaded && seq > c.seq:
		if err := c.refresh(ctx, s, seq); err != nil {
			return nil, fmt.Errorf("store: worklist: %w", err)
		}
	default: // first load, or the counter went back (database replaced)
		cases, err := loadWorkCases(ctx, s, -1)
		if err != nil {
			return nil, fmt.Errorf("store: worklist: %w", err)
		}
		c.cases, c.list, c.seq, c.loaded = cases, nil, seq, true
	}
	if c.list == nil {
		c.list = make([]*caseload.WorkCase, 0, len(c.cases))
		for _, wc := range c.cases {
			c.list = append(c.list, wc)
		}
	}
	return c.list, nil
}

// refresh reads again the people changed after c.seq, up to seq.
func (c *wlCache) refresh(ctx context.Context, s *Store, seq int64) error {
	var ids []string
	if err := svPairs(ctx, s, `SELECT person_id, '' FROM worklist_change WHERE seq > ?`,
		func(id, _ string) { ids = append(ids, id) }, c.seq); err != nil {
		return err
	}
	var fresh map[string]*caseload.WorkCase
	var err error
	if len(ids)*wlFullReloadShare > len(c.cases)+100 {
		fresh, err = loadWorkCases(ctx, s, -1)
		if err == nil {
			c.cases, c.list, c.seq = fresh, nil, seq
		}
		return err
	}
	if fresh, err = loadWorkCases(ctx, s, c.seq); err != nil {
		return err
	}
	// Copy on write: slices handed out earlier keep their cases.
	next := make(map[string]*caseload.WorkCase, len(c.cases)+len(fresh))
	for id, wc := range c.cases {
		next[id] = wc
	}
	for _, id := range ids {
		delete(next, id)
	}
	for id, wc := range fresh {
		next[id] = wc
	}
	c.cases, c.list, c.seq = next, nil, seq
	return nil
}

// loadWorkCases reads the cases of the live expected and managed people:
// all of them when since < 0, else those changed after the sequence number
// since. Six set-based queries, no query per person.
func loadWorkCases(ctx context.Context, s *Store, since int64) (map[string]*caseload.WorkCase, error) {
	var args []any
	only := func(col string) string {
		if since < 0 {
			return ""
		}
		return ` AND ` + col + ` IN (SELECT person_id FROM worklist_change WHERE seq > ?)`
	}
	if since >= 0 {
		args = []any{since}
	}
	out, err := loadWorkPeople(ctx, s, only("id"), args)
	if err != nil {
		return nil, err
	}
	// Notices: only expected people use them.
	notices, err := svQuery(ctx, s, `SELECT `+noticeCols+` FROM notice WHERE deleted = 0`+only("person_id")+
		` AND person_id IN (SELECT id FROM person WHERE status = 'expected' AND deleted = 0)`, scanNotice, args...)
	if err != nil {
		return nil, err
	}
	for _, n := range notices {
		if wc := out[n.PersonID]; wc != nil {
			wc.Notices = append(wc.Notices, n)
		}
	}
	// The latest reception of each person (latest session, then id).
	type rec struct{ id, session, opened string }
	latest := make(map[string]rec, len(out))
	if err := svRows(ctx, s, `SELECT person_id, id, session_date, file_opened_on FROM reception
		WHERE deleted = 0`+only("person_id"), args, func(v []string) {
		if out[v[0]] == nil {
			return
		}
		old, ok := latest[v[0]]
		if !ok || old.session < v[2] || old.session == v[2] && old.id < v[1] {
			latest[v[0]] = rec{v[1], v[2], v[3]}
		}
	}); err != nil {
		return nil, err
	}
	for id, r := range latest {
		out[id].SetReception(r.id, wlDate(r.session), wlDate(r.opened))
	}
	if err := svRows(ctx, s, `SELECT person_id, mentor_id FROM assignment
		WHERE to_date = '' AND deleted = 0`+only("person_id"), args, func(v []string) {
		if wc := out[v[0]]; wc != nil {
			wc.Mentor = v[1]
		}
	}); err != nil {
		return nil, err
	}
	if err := svRows(ctx, s, `SELECT person_id, last_visit, last_report FROM visit_summary
		WHERE 1`+only("person_id"), args, func(v []string) {
		if wc := out[v[0]]; wc != nil {
			wc.LastVisit, wc.LastReport = wlDate(v[1]), wlDate(v[2])
		}
	}); err != nil {
		return nil, err
	}
	if err := svRows(ctx, s, `SELECT person_id, last_quarter FROM classification_summary
		WHERE 1`+only("person_id"), args, func(v []string) {
		if wc := out[v[0]]; wc != nil {
			wc.LatestQuarter = v[1]
		}
	}); err != nil {
		return nil, err
	}
	return out, nil
}

// worklistPersonCols are the person columns the worklist rules need.
const worklistPersonCols = `id, full_name, status, grp, completed_on, returned_on, reported_on,
	sentence_kind, sentence_months, offense_chapter, offense_severity, negligent, juvenile, age_at_offense,
	supplementary, civil_amount, civil_none, civil_settled_on, expunged_on, court_refusals`

// loadWorkPeople reads the live expected and managed people (restricted
// by the extra condition filter) into new cases with their legal dates.
func loadWorkPeople(ctx context.Context, s *Store, filter string, args []any) (map[string]*caseload.WorkCase, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+worklistPersonCols+` FROM person
		WHERE deleted = 0 AND status IN ('expected', 'managed')`+filter, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]*caseload.WorkCase)
	var status, grp, completed, returned, reported, kind, severity, supp, settled, expunged, refusals string
	for rows.Next() {
		var p caseload.Person
		if err := rows.Scan(&p.ID, &p.FullName, &status, &grp, &completed, &returned, &reported,
			&kind, &p.SentenceMonths, &p.OffenseChapter, &severity, &p.Negligent, &p.Juvenile, &p.AgeAtOffense,
			&supp, &p.CivilObligations.Amount, &p.CivilObligations.None, &settled, &expunged, &refusals); err != nil {
			return nil, err
		}
		p.Status, p.Group = caseload.Status(status), caseload.Group(grp)
		p.CompletedOn, p.ReturnedOn, p.ReportedOn = wlDate(completed), wlDate(returned), wlDate(reported)
		p.SentenceKind, p.OffenseSeverity = caseload.SentenceKind(kind), caseload.Severity(severity)
		p.CivilObligations.SettledOn, p.ExpungedOn = wlDate(settled), wlDate(expunged)
		if supp != "" && supp != "[]" {
			_ = json.Unmarshal([]byte(supp), &p.Supplementary)
		}
		if refusals != "" && refusals != "[]" {
			_ = json.Unmarshal([]byte(refusals), &p.CourtRefusals)
		}
		wc := caseload.NewWorkCase(&p)
		out[p.ID] = &wc
	}
	return out, rows.Err()
}

// svRows runs a query of text columns and calls fn with each row's values
// (the slice is reused between rows).
func svRows(ctx context.Context, s *Store, q string, args []any, fn func(v []string)) error {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	cols, err := rows.Columns()
	if err != nil {
		return err
	}
	v := make([]string, len(cols))
	dst := make([]any, len(cols))
	for i := range v {
		dst[i] = &v[i]
	}
	for rows.Next() {
		if err := rows.Scan(dst...); err != nil {
			return err
		}
		fn(v)
	}
	return rows.Err()
}

// wlDate decodes a stored YYYY-MM-DD date without time.Parse (the first
// load decodes hundreds of thousands of them); anything else goes through
// caseload.ParseDate, and invalid text gives the zero Date.
func wlDate(s string) caseload.Date {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return svDate(s)
	}
	y, ok1 := wlDigits(s[0:4])
	m, ok2 := wlDigits(s[5:7])
	d, ok3 := wlDigits(s[8:10])
	if !ok1 || !ok2 || !ok3 || m < 1 || m > 12 || d < 1 || d > wlMonthDays(y, m) {
		return svDate(s)
	}
	return caseload.D(y, time.Month(m), d)
}

func wlDigits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

// wlMonthDays is the number of days of month m of year y.
func wlMonthDays(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}
