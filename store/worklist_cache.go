package store

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

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

	// The items computed from cases for key (hasItems false: none yet).
	hasItems bool
	key      wlItemsKey
	items    []caseload.WorkItem
}

// wlItemsKey is what the items depend on besides the cases: the day, and
// a fingerprint of the holiday table and the visit cadence.
type wlItemsKey struct {
	today caseload.Date
	cfg   uint64
}

// worklistCache returns the cache of s.
func (s *Store) worklistCache() *wlCache { return &s.wl }

// dropWorklistCache forgets the cached cases: the next call reads
// everything (benchmarks of the first load use it).
func (s *Store) dropWorklistCache() {
	c := s.worklistCache()
	c.mu.Lock()
	c.loaded, c.cases, c.list, c.seq = false, nil, nil, 0
	c.hasItems, c.items = false, nil
	c.mu.Unlock()
}

// worklistCases returns the current cases of the expected and managed
// people. The returned slice and cases must not be changed.
func (s *Store) worklistCases(ctx context.Context) ([]*caseload.WorkCase, error) {
	c := s.worklistCache()
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, _, err := c.sync(ctx, s); err != nil {
		return nil, err
	}
	return c.listLocked(), nil
}

// sync brings the cases up to date with the database (c.mu held). It
// returns the ids of the people read again, or full = true when everything
// was read.
func (c *wlCache) sync(ctx context.Context, s *Store) (changed []string, full bool, err error) {
	var seq int64
	if err := s.db.QueryRowContext(ctx, `SELECT n FROM worklist_seq WHERE id = 1`).Scan(&seq); err != nil {
		return nil, false, fmt.Errorf("store: worklist: %w", err)
	}
	if c.loaded && seq == c.seq {
		return nil, false, nil
	}
	if c.loaded && seq > c.seq {
		if err := svPairs(ctx, s, `SELECT person_id, '' FROM worklist_change WHERE seq > ?`,
			func(id, _ string) { changed = append(changed, id) }, c.seq); err != nil {
			return nil, false, fmt.Errorf("store: worklist: %w", err)
		}
		if len(changed)*wlFullReloadShare <= len(c.cases)+100 {
			fresh, err := loadWorkCases(ctx, s, c.seq)
			if err != nil {
				return nil, false, fmt.Errorf("store: worklist: %w", err)
			}
			// Copy on write: slices handed out earlier keep their cases.
			next := make(map[string]*caseload.WorkCase, len(c.cases)+len(fresh))
			for id, wc := range c.cases {
				next[id] = wc
			}
			for _, id := range changed {
				delete(next, id)
			}
			for id, wc := range fresh {
				next[id] = wc
			}
			c.cases, c.list, c.seq = next, nil, seq
			return changed, false, nil
		}
	}
	// First load, a big batch of changes, or the counter went back (the
	// database file was replaced): read everything.
	cases, err := loadWorkCases(ctx, s, -1)
	if err != nil {
		return nil, false, fmt.Errorf("store: worklist: %w", err)
	}
	c.cases, c.list, c.seq, c.loaded = cases, nil, seq, true
	return nil, true, nil
}

// listLocked returns the cases as a slice (c.mu held).
func (c *wlCache) listLocked() []*caseload.WorkCase {
	if c.list == nil {
		c.list = make([]*caseload.WorkCase, 0, len(c.cases))
		for _, wc := range c.cases {
			c.list = append(c.list, wc)
		}
	}
	return c.list
}

// mergeChanged returns c.items with the items of the changed people
// computed again (c.mu held): the other items are kept in order, the new
// ones sorted and merged in.
func (c *wlCache) mergeChanged(changed []string, today caseload.Date, cal *caseload.Calendar,
	cadence map[caseload.Group]int) []caseload.WorkItem {
	drop := make(map[string]bool, len(changed))
	var sub []*caseload.WorkCase
	for _, id := range changed {
		if !drop[id] {
			drop[id] = true
			if wc := c.cases[id]; wc != nil {
				sub = append(sub, wc)
			}
		}
	}
	var fresh []caseload.WorkItem
	for _, it := range caseload.WorklistOf(sub, today, cal, cadence) {
		if it.PersonID != "" { // the person-less items (Mẫu 01 list) are kept from before
			fresh = append(fresh, it)
		}
	}
	out := make([]caseload.WorkItem, 0, len(c.items)+len(fresh))
	i := 0
	for _, it := range c.items {
		if it.PersonID != "" && drop[it.PersonID] {
			continue
		}
		for i < len(fresh) && caseload.CompareWorkItems(&fresh[i], &it) < 0 {
			out = append(out, fresh[i])
			i++
		}
		out = append(out, it)
	}
	return append(out, fresh[i:]...)
}

// loadWorkCases reads the cases of the live expected and managed people:
// all of them when since < 0, else those changed after the sequence number
// since. Three set-based queries, no query per person.
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
	out, err := loadWorkPeople(ctx, s, only("p.id"), args)
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
	return out, nil
}

// worklistPersonCols are the person columns the worklist rules need, as
// they are read: the identity, then the legal fields joined by the unit
// separator U+001F into one text (the driver's cost is per value, and
// U+001F appears in none of these values: dates, enums, numbers, and JSON,
// which escapes control characters), then the active mentor, the visit and
// the classification summaries of the person.
const worklistPersonCols = `p.id, p.full_name, p.status, p.grp,
	p.completed_on || x'1f' || p.returned_on || x'1f' || p.reported_on || x'1f' || p.sentence_kind || x'1f' ||
	p.sentence_months || x'1f' || p.offense_chapter || x'1f' || p.offense_severity || x'1f' || p.negligent || x'1f' ||
	p.juvenile || x'1f' || p.age_at_offense || x'1f' || p.supplementary || x'1f' || p.civil_amount || x'1f' ||
	p.civil_none || x'1f' || p.civil_settled_on || x'1f' || p.expunged_on || x'1f' || p.court_refusals || x'1f' ||
	p.new_conviction_on || x'1f' || ifnull(a.mentor_id, '') || x'1f' || ifnull(v.last_visit, '') || x'1f' || ifnull(v.last_report, '') || x'1f' ||
	ifnull(c.last_quarter, '')`

// worklistPersonFrom joins the person with its active assignment and
// summaries (at most one row each).
const worklistPersonFrom = ` FROM person p
	LEFT JOIN assignment a ON a.person_id = p.id AND a.to_date = '' AND a.deleted = 0
	LEFT JOIN visit_summary v ON v.person_id = p.id
	LEFT JOIN classification_summary c ON c.person_id = p.id
	WHERE p.deleted = 0 AND p.status IN ('expected', 'managed')`

// wlFields is the number of fields of the joined text of worklistPersonCols.
const wlFields = 21

// loadWorkPeople reads the live expected and managed people (restricted
// by the extra condition filter) into new cases with their legal dates,
// active mentor, visit and classification summaries.
func loadWorkPeople(ctx context.Context, s *Store, filter string, args []any) (map[string]*caseload.WorkCase, error) {
	// The index first: while it is being built (OpenDeferred) its reader
	// holds the store's one connection, which the query below would take.
	idx := s.index()
	rows, err := s.db.QueryContext(ctx, `SELECT `+worklistPersonCols+worklistPersonFrom+filter, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make(map[string]*caseload.WorkCase)
	var status, grp, joined string
	var f [wlFields]string
	var p caseload.Person // reused: Scan makes it escape, and a Person is large
	shared := map[string]string{}
	share := func(v string) string {
		if c, ok := shared[v]; ok {
			return c
		}
		c := strings.Clone(v)
		shared[c] = c
		return c
	}
	for rows.Next() {
		p = caseload.Person{}
		if err := rows.Scan(&p.ID, &p.FullName, &status, &grp, &joined); err != nil {
			return nil, err
		}
		n := 0
		for part := range strings.SplitSeq(joined, "\x1f") {
			if n < wlFields {
				f[n] = part
			}
			n++
		}
		if n != wlFields {
			return nil, fmt.Errorf("person %s: %d worklist fields, want %d", p.ID, n, wlFields)
		}
		p.Status, p.Group = caseload.Status(status), caseload.Group(grp)
		p.CompletedOn, p.ReturnedOn, p.ReportedOn = wlDate(f[0]), wlDate(f[1]), wlDate(f[2])
		p.SentenceKind, p.SentenceMonths, p.OffenseChapter = caseload.SentenceKind(f[3]), atoi(f[4]), atoi(f[5])
		p.OffenseSeverity, p.Negligent, p.Juvenile = caseload.Severity(f[6]), f[7] == "1", f[8] == "1"
		p.AgeAtOffense = atoi(f[9])
		if f[10] != "" && f[10] != "[]" {
			_ = json.Unmarshal([]byte(f[10]), &p.Supplementary)
		}
		p.CivilObligations.Amount, _ = strconv.ParseInt(f[11], 10, 64)
		p.CivilObligations.None = f[12] == "1"
		p.CivilObligations.SettledOn, p.ExpungedOn = wlDate(f[13]), wlDate(f[14])
		if f[15] != "" && f[15] != "[]" {
			_ = json.Unmarshal([]byte(f[15]), &p.CourtRefusals)
		}
		p.NewConvictionOn = wlDate(f[16])
		// Share the index's copies of the id and name, and one copy of
		// each mentor id and quarter: at office scale the cases are most
		// of the worklist's memory.
		if id, name, ok := idx.Identity(p.ID); ok && name == p.FullName {
			p.ID, p.FullName = id, name
		}
		wc := caseload.NewWorkCase(&p)
		wc.Mentor = share(f[17])
		wc.LastVisit, wc.LastReport = wlDate(f[18]), wlDate(f[19])
		wc.LatestQuarter = share(f[20])
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
