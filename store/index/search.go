package index

import (
	"bytes"
	"sort"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
	"golang.org/x/text/unicode/norm"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Row is what lists and search results show about a person; it comes
// from the in-memory index, not from a full record.
type Row struct {
	ID, FullName, CitizenID, Phone, Hamlet, Offense string
	BirthYear                                       int // 0 = unknown
	Gender                                          caseload.Gender
	ReturnedOn                                      caseload.Date
	CompletedOn                                     caseload.Date
	Group                                           caseload.Group
	Status                                          caseload.Status
}

// Filter selects people for Find.
type Filter struct {
	// Query is matched diacritic- and case-insensitively: every word must
	// prefix-match a word of the full name or other names, or match the
	// citizen ID or phone (digits: prefix, or substring from 4 digits on),
	// in any order. A query made only of digit groups ("0912 345 678")
	// also matches as one number.
	Query string
	// Statuses to include; empty means expected and managed, plus ended
	// when Query is not empty.
	Statuses []caseload.Status
	// Group restricts to one group; "" means any.
	Group caseload.Group
	// Hamlet restricts to one hamlet (exact match); "" means any.
	Hamlet string
	// Only restricts to these person ids (a mentor sees only the people
	// assigned to them); nil means everybody.
	Only map[string]bool
}

// minSubstringDigits is the shortest digit query matched anywhere inside a
// citizen ID or phone number (shorter ones match only as a prefix).
const minSubstringDigits = 4

// Find returns the people matching f, in Vietnamese name order (given
// name, middle, family name), ties by id.
func (idx *Index) Find(f Filter) []Row {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	m := newMatcher(idx, f)
	if m.none {
		return nil
	}
	var hits []*entry
	for _, e := range idx.list {
		if m.match(e) {
			hits = append(hits, e)
		}
	}
	if len(hits) == 0 {
		return nil
	}
	out := make([]Row, len(hits))
	for i, e := range hits {
		out[i] = e.row
	}
	return out
}

// Count returns the number of people in the index, whatever their status.
func (idx *Index) Count() int {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	return len(idx.list)
}

// Duplicates returns the people other than the one with id (when id is
// not "") that are probably the same person: the same citizen ID, or the
// same folded full name and the same (known) birth year. In name order.
func (idx *Index) Duplicates(id, citizenID, fullName string, year int) []Row {
	cid := digits(norm.NFC.String(citizenID))
	name := strings.Join(i18n.FoldWords(fullName), " ")
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	var out []Row
	for _, e := range idx.list {
		if e.row.ID == id && id != "" {
			continue
		}
		sameID := cid != "" && e.cid == cid
		sameName := name != "" && year != 0 && e.row.BirthYear == year && e.name == name
		if sameID || sameName {
			out = append(out, e.row)
		}
	}
	return out
}

// Hamlets returns the hamlets in use by the people together with those of
// the hamlet list (SetHamlets), each once, in Vietnamese order.
func (idx *Index) Hamlets() []string {
	idx.mu.RLock()
	seen := make(map[string]bool, len(idx.hamlets)+16)
	var out []string
	add := func(h string) {
		if h != "" && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	for _, h := range idx.hamlets {
		add(h)
	}
	for _, e := range idx.list {
		add(e.row.Hamlet)
	}
	idx.mu.RUnlock()
	sortVietnamese(out)
	return out
}

// sortVietnamese sorts strings with Vietnamese collation, numbers by value
// ("Thôn 2" before "Thôn 10").
func sortVietnamese(list []string) {
	c := collate.New(language.Vietnamese, collate.Numeric)
	sort.SliceStable(list, func(i, j int) bool { return c.CompareString(list[i], list[j]) < 0 })
}

// matcher is a Filter prepared for matching many entries.
type matcher struct {
	f        Filter
	statuses [3]bool // by statusIndex
	words    []string
	// vocab[i] marks the vocabulary words that words[i] is a prefix of.
	vocab  [][]bool
	digits []bool // words[i] is all digits
	joined string // the digits of a query made of several digit groups ("0912 345 678")
	none   bool   // nothing can match
}

// newMatcher prepares f; the caller holds idx.mu.
func newMatcher(idx *Index, f Filter) matcher {
	m := matcher{f: f, words: i18n.FoldWords(f.Query)}
	m.f.Hamlet = strings.TrimSpace(norm.NFC.String(f.Hamlet))
	if len(f.Statuses) == 0 {
		m.statuses = [3]bool{true, true, len(m.words) > 0}
	}
	for _, st := range f.Statuses {
		if i := statusIndex(st); i >= 0 {
			m.statuses[i] = true
		}
	}
	m.digits = make([]bool, len(m.words))
	m.vocab = make([][]bool, len(m.words))
	allDigits := len(m.words) > 1
	for i, q := range m.words {
		m.digits[i] = digits(q) == q
		allDigits = allDigits && m.digits[i]
		set := make([]bool, len(idx.vocab))
		hit := false
		for id, w := range idx.vocab {
			if strings.HasPrefix(w, q) {
				set[id], hit = true, true
			}
		}
		m.vocab[i] = set
		if !hit && !m.digits[i] {
			m.none = true // a word matching no name and no number
		}
	}
	if allDigits {
		m.joined = strings.Join(m.words, "")
		m.none = false
	}
	return m
}

// statusIndex numbers the statuses for matcher.statuses (-1: unknown).
func statusIndex(s caseload.Status) int {
	switch s {
	case caseload.StatusExpected:
		return 0
	case caseload.StatusManaged:
		return 1
	case caseload.StatusEnded:
		return 2
	}
	return -1
}

func (m *matcher) match(e *entry) bool {
	if e.st < 0 || !m.statuses[e.st] {
		return false
	}
	r := &e.row
	if m.f.Group != "" && r.Group != m.f.Group {
		return false
	}
	if m.f.Hamlet != "" && r.Hamlet != m.f.Hamlet {
		return false
	}
	if m.f.Only != nil && !m.f.Only[r.ID] {
		return false
	}
	if m.joined != "" && m.matchDigits(e, m.joined) {
		return true
	}
	for i, set := range m.vocab {
		if !m.matchWord(e, set, m.words[i], m.digits[i]) {
			return false
		}
	}
	return true
}

func (m *matcher) matchWord(e *entry, set []bool, q string, isDigits bool) bool {
	for _, w := range e.words() {
		if set[w] {
			return true
		}
	}
	return isDigits && m.matchDigits(e, q)
}

// matchDigits matches a digit string against the citizen ID and phone:
// as a prefix, or anywhere from minSubstringDigits digits on.
func (m *matcher) matchDigits(e *entry, q string) bool {
	for k := range e.nums {
		num := &e.nums[k]
		var d []byte
		if num.n == 255 {
			d = []byte(e.cid)
			if k == 1 {
				d = []byte(e.phone)
			}
		} else {
			d = num.b[:num.n]
		}
		if len(d) < len(q) {
			continue
		}
		if string(d[:len(q)]) == q {
			return true
		}
		if len(q) >= minSubstringDigits && bytes.Contains(d, []byte(q)) {
			return true
		}
	}
	return false
}

// Identity returns the index's own copies of a person's id and full name,
// so that other in-memory caches (the worklist) share them instead of
// keeping copies of their own; ok is false when the person is not indexed.
func (idx *Index) Identity(id string) (canonID, fullName string, ok bool) {
	idx.mu.RLock()
	defer idx.mu.RUnlock()
	e, ok := idx.byID[id]
	if !ok {
		return "", "", false
	}
	return e.row.ID, e.row.FullName, true
}
