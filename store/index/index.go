// Package index is the in-memory person search index of the store: one
// entry per live person with the columns lists show, the folded words of
// the names, the digits of the citizen ID and phone, and the Vietnamese
// name-order sort key. Searching never touches SQL; the store feeds the
// index (Build at open, Put/PutMany/Remove after each committed write).
//
// It is the one place of the program that holds every person's name in
// clear, so that the database can later keep names sealed: its input is
// Person, its output Row, and nothing else of a record enters it.
package index

import (
	"bytes"
	"context"
	"runtime"
	"sort"
	"strings"
	"sync"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Index is the in-memory person search index: one entry per live person
// with the columns lists show, the folded words of the names, the digits
// of the citizen ID and phone, and the Vietnamese name-order sort key.
// Entries are kept sorted by (sort key, id), so a list needs no sorting.
//
// It is built by Build and kept current by Put, PutMany and Remove.
type Index struct {
	mu      sync.RWMutex
	list    []*entry          // sorted by (key, id)
	byID    map[string]*entry // the same entries by person id
	hamlets []string          // hamlets from the "hamlets" setting
	intern  map[string]string // shared copies of repeated values (hamlet, offense, ...)

	// The vocabulary of folded name words: entries hold word numbers, and
	// a query word is first matched against the (small) vocabulary.
	vocab   []string
	vocabID map[string]uint32
}

// entry is one person in the index.
//
// Searching scans every entry, so the fields it reads (status, word
// numbers) sit inside the entry, and at Open the entries are laid out
// contiguously in list order.
type entry struct {
	st     int8                // statusIndex(row.Status)
	n      uint8               // number of word numbers in inline
	inline [inlineWords]uint32 // vocabulary numbers of the folded name words (full_name, then other_names)
	more   []uint32            // all word numbers when they do not fit inline
	nums   [2]inlineDigits     // citizen ID and phone digits, for digit queries
	row    Row
	name   string // folded full name, words joined by one space
	cid    string // digits of the citizen ID
	phone  string // digits of the phone, national form (0...)
}

// inlineDigits holds up to 12 digits inside the entry, so that a digit
// query does not follow a pointer per person; longer numbers use the
// string field.
type inlineDigits struct {
	n uint8
	b [12]byte
}

func makeInlineDigits(d string) inlineDigits {
	var x inlineDigits
	if len(d) <= len(x.b) {
		x.n = uint8(copy(x.b[:], d))
	} else {
		x.n = 255 // too long: use the string
	}
	return x
}

// inlineWords is how many name words an entry holds without allocating.
const inlineWords = 7

// words returns the vocabulary numbers of the entry's name words.
func (e *entry) words() []uint32 {
	if e.more != nil {
		return e.more
	}
	return e.inline[:e.n]
}

// Person is what the index needs of a person record.
type Person struct {
	Row
	OtherNames string
}

// Build makes an index from the people that source sends in batches (source
// runs in its own goroutine and closes nothing: it returns when done) and
// the hamlet list. Folding names and computing sort keys, the expensive
// part, runs on every CPU; the vocabulary is numbered, sorted and packed
// here.
func Build(ctx context.Context, source func(ctx context.Context, out chan<- []Person) error, hamlets []string) (*Index, error) {
	idx := New()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()

	batches := make(chan []Person, 4)
	scanErr := make(chan error, 1)
	go func() {
		defer close(batches)
		scanErr <- source(ctx, batches)
	}()
	workers := runtime.GOMAXPROCS(0)
	results := make(chan []prepared, 4)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for batch := range batches {
				out := make([]prepared, len(batch))
				for i := range batch {
					out[i] = prepareEntry(batch[i].Row, batch[i].OtherNames)
				}
				results <- out
			}
		}()
	}
	go func() { wg.Wait(); close(results) }()

	var slab []keyed
	for batch := range results {
		for _, p := range batch {
			r := &p.e.row
			r.Gender = caseload.Gender(idx.share(string(r.Gender)))
			r.Group = caseload.Group(idx.share(string(r.Group)))
			r.Status = caseload.Status(idx.share(string(r.Status)))
			r.Hamlet = idx.share(r.Hamlet)
			r.Offense = idx.share(r.Offense)
			slab = append(slab, keyed{idx.number(p), p.key})
		}
	}
	if err := <-scanErr; err != nil {
		return nil, err
	}
	sort.Slice(slab, func(i, j int) bool { return slab[i].less(slab[j]) })
	// Copy the entries into one array in list order, so that a search
	// reads memory sequentially. The sort keys are dropped: kept, they
	// would be a tenth of the index; a later Put recomputes the few it
	// compares with.
	packed := make([]entry, len(slab))
	idx.list = make([]*entry, len(slab))
	for i, k := range slab {
		packed[i] = *k.e
		idx.list[i] = &packed[i]
		idx.byID[k.e.row.ID] = &packed[i]
	}
	idx.hamlets = hamlets
	return idx, nil
}

// New returns an empty index.
func New() *Index {
	return &Index{byID: map[string]*entry{}, intern: map[string]string{}, vocabID: map[string]uint32{}}
}

// Replace takes the content of fresh (a rebuilt index).
func (idx *Index) Replace(fresh *Index) {
	fresh.mu.RLock()
	defer fresh.mu.RUnlock()
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.list, idx.byID, idx.hamlets, idx.intern = fresh.list, fresh.byID, fresh.hamlets, fresh.intern
	idx.vocab, idx.vocabID = fresh.vocab, fresh.vocabID
}

// prepared is an entry whose name words are not numbered yet.
type prepared struct {
	e     *entry
	words []string // folded words of full_name, then other_names
	key   []byte   // i18n.NameSortKey(full name), kept only while sorting
}

// prepareEntry builds everything of an entry that does not need the
// index (safe to run concurrently).
func prepareEntry(r Row, otherNames string) prepared {
	nameWords := i18n.FoldWords(r.FullName)
	e := &entry{st: int8(statusIndex(r.Status)), row: r}
	e.name = strings.Join(nameWords, " ")
	e.cid = digits(r.CitizenID)
	e.phone = nationalPhone(digits(r.Phone))
	e.nums = [2]inlineDigits{makeInlineDigits(e.cid), makeInlineDigits(e.phone)}
	return prepared{e: e, words: append(nameWords, i18n.FoldWords(otherNames)...), key: i18n.NameSortKey(r.FullName)}
}

// number gives the entry its vocabulary word numbers. The caller holds
// idx.mu for writing (or owns idx exclusively).
func (idx *Index) number(p prepared) *entry {
	e := p.e
	if len(p.words) > inlineWords {
		e.more = make([]uint32, len(p.words))
		for i, w := range p.words {
			e.more[i] = idx.word(w)
		}
		return e
	}
	for _, w := range p.words {
		e.inline[e.n] = idx.word(w)
		e.n++
	}
	return e
}

// word returns the vocabulary number of a folded word, adding it when new.
func (idx *Index) word(w string) uint32 {
	if id, ok := idx.vocabID[w]; ok {
		return id
	}
	id := uint32(len(idx.vocab))
	idx.vocab = append(idx.vocab, w)
	idx.vocabID[w] = id
	return id
}

// share returns one shared copy of a value that many people have in
// common (hamlet, offense, status, ...), to keep the index small.
func (idx *Index) share(v string) string {
	if c, ok := idx.intern[v]; ok {
		return c
	}
	idx.intern[v] = v
	return v
}

// Put adds or replaces the entry of a live person.
func (idx *Index) Put(p Person) {
	r := p.Row
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.removeLocked(p.ID)
	r.Hamlet, r.Offense = idx.share(r.Hamlet), idx.share(r.Offense)
	pe := prepareEntry(r, p.OtherNames)
	e := idx.number(pe)
	i := idx.position(idx.list, keyed{e, pe.key})
	idx.list = append(idx.list, nil)
	copy(idx.list[i+1:], idx.list[i:])
	idx.list[i] = e
	idx.byID[r.ID] = e
}

// Remove drops the entry of a person (no-op when absent).
func (idx *Index) Remove(id string) {
	idx.mu.Lock()
	defer idx.mu.Unlock()
	idx.removeLocked(id)
}

func (idx *Index) removeLocked(id string) {
	old, ok := idx.byID[id]
	if !ok {
		return
	}
	delete(idx.byID, id)
	i := idx.position(idx.list, keyed{old, sortKey(old)})
	for ; i < len(idx.list); i++ { // equal keys: find the very entry
		if idx.list[i] == old {
			idx.list = append(idx.list[:i], idx.list[i+1:]...)
			return
		}
	}
}

// SetHamlets replaces the hamlet list from settings.
func (idx *Index) SetHamlets(h []string) {
	idx.mu.Lock()
	idx.hamlets = h
	idx.mu.Unlock()
}

// keyed is an entry with its sort key.
type keyed struct {
	e   *entry
	key []byte
}

// less orders entries by Vietnamese name order, ties by id.
func (a keyed) less(b keyed) bool {
	if c := bytes.Compare(a.key, b.key); c != 0 {
		return c < 0
	}
	return a.e.row.ID < b.e.row.ID
}

// sortKey computes the sort key of an entry (entries do not keep it).
func sortKey(e *entry) []byte { return i18n.NameSortKey(e.row.FullName) }

// position returns where k goes in list (sorted): the first entry not
// before it. It computes the sort keys of the O(log n) entries it visits.
func (idx *Index) position(list []*entry, k keyed) int {
	return sort.Search(len(list), func(i int) bool { return !(keyed{list[i], sortKey(list[i])}).less(k) })
}

// digits keeps the ASCII digits of s.
func digits(s string) string {
	var b []byte
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= '0' && c <= '9' {
			if b == nil {
				b = make([]byte, 0, len(s))
			}
			b = append(b, c)
		}
	}
	if len(b) == len(s) {
		return s
	}
	return string(b)
}

// nationalPhone turns an international Vietnamese number (84...) into its
// national form (0...), so "0912" finds "+84 912 ...".
func nationalPhone(d string) string {
	if len(d) >= 11 && strings.HasPrefix(d, "84") {
		return "0" + d[2:]
	}
	return d
}

// atoi parses a non-negative decimal number, 0 when it is not one.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return 0
		}
		n = n*10 + int(c-'0')
	}
	return n
}

// PutMany adds or replaces the entries of many live persons at once: the
// new entries are sorted and merged into the list in one pass, instead of
// one insertion (a copy of the list) per person. When an id occurs more
// than once, the last occurrence wins.
func (idx *Index) PutMany(ps []Person) {
	last := make(map[string]int, len(ps))
	for i := range ps {
		last[ps[i].ID] = i
	}
	prep := make([]prepared, 0, len(last))
	for i := range ps {
		if last[ps[i].ID] == i {
			prep = append(prep, prepareEntry(ps[i].Row, ps[i].OtherNames))
		}
	}

	idx.mu.Lock()
	defer idx.mu.Unlock()
	replaced := map[*entry]bool{}
	for id := range last {
		if old, ok := idx.byID[id]; ok {
			replaced[old] = true
		}
	}
	fresh := make([]keyed, len(prep))
	for i, p := range prep {
		r := &p.e.row
		r.Hamlet, r.Offense = idx.share(r.Hamlet), idx.share(r.Offense)
		fresh[i] = keyed{idx.number(p), p.key}
	}
	sort.Slice(fresh, func(i, j int) bool { return fresh[i].less(fresh[j]) })

	kept := idx.list
	if len(replaced) > 0 {
		kept = make([]*entry, 0, len(idx.list))
		for _, e := range idx.list {
			if !replaced[e] {
				kept = append(kept, e)
			}
		}
	}
	// Each fresh entry's place among the kept ones (non-decreasing, as
	// fresh is sorted), then one merge by those places.
	merged := make([]*entry, 0, len(kept)+len(fresh))
	from := 0
	for _, f := range fresh {
		at := from + idx.position(kept[from:], f)
		merged = append(merged, kept[from:at]...)
		merged = append(merged, f.e)
		from = at
	}
	merged = append(merged, kept[from:]...)
	idx.list = merged
	for _, f := range fresh {
		idx.byID[f.e.row.ID] = f.e
	}
}
