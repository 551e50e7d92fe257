package demo

import (
	"bufio"
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"strconv"
	"strings"

	"hoanhap/assets"
)

// weighted is a list of entries drawn with probability proportional to
// their weight. Each entry keeps the extra "|"-separated columns of its line.
type weighted struct {
	items []entry
	cum   []float64 // cumulative weights
}

type entry struct {
	name string
	cols []string // the columns after the name
}

// pick draws one entry.
func (w *weighted) pick(r *rand.Rand) entry {
	total := w.cum[len(w.cum)-1]
	x := r.Float64() * total
	lo, hi := 0, len(w.cum)-1
	for lo < hi {
		mid := (lo + hi) / 2
		if w.cum[mid] > x {
			hi = mid
		} else {
			lo = mid + 1
		}
	}
	return w.items[lo]
}

// names returns the entry names in file order.
func (w *weighted) names() []string {
	out := make([]string, len(w.items))
	for i, e := range w.items {
		out[i] = e.name
	}
	return out
}

// readList parses one assets/demo file. weightCol is the index (in the
// columns after the name) of the weight, or -1 when every entry weighs 1.
func readList(fsys fs.FS, name string, weightCol int) (*weighted, error) {
	b, err := fs.ReadFile(fsys, "demo/"+name)
	if err != nil {
		return nil, fmt.Errorf("demo: read %s: %w", name, err)
	}
	w := &weighted{}
	sc := bufio.NewScanner(bytes.NewReader(b))
	line := 0
	total := 0.0
	for sc.Scan() {
		line++
		s := strings.TrimSpace(sc.Text())
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		parts := strings.Split(s, "|")
		e := entry{name: strings.TrimSpace(parts[0])}
		for _, p := range parts[1:] {
			e.cols = append(e.cols, strings.TrimSpace(p))
		}
		wt := 1.0
		if weightCol >= 0 {
			if weightCol >= len(e.cols) {
				return nil, fmt.Errorf("demo: %s line %d: missing weight", name, line)
			}
			wt, err = strconv.ParseFloat(e.cols[weightCol], 64)
			if err != nil || wt < 0 {
				return nil, fmt.Errorf("demo: %s line %d: bad weight %q", name, line, e.cols[weightCol])
			}
		}
		total += wt
		w.items = append(w.items, e)
		w.cum = append(w.cum, total)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("demo: read %s: %w", name, err)
	}
	if len(w.items) == 0 || total <= 0 {
		return nil, fmt.Errorf("demo: %s is empty", name)
	}
	return w, nil
}

// offense is one row of offenses.txt.
type offense struct {
	name      string
	articles  string
	chapter   int
	negligent bool
	minMonths int
	maxMonths int
}

// lists holds every table the generator draws from.
type lists struct {
	family, maleMiddle, femaleMiddle, maleGiven, femaleGiven *weighted
	hamlets, streets, facilities, occupations, ethnicities   *weighted
	districts                                                *weighted // of the home province
	courts                                                   *weighted // province|citizen-ID code
	offenses                                                 *weighted
	offenseRows                                              map[string]offense
}

// loadLists reads the embedded assets/demo files.
func loadLists() (*lists, error) {
	return loadListsFS(assets.Demo)
}

func loadListsFS(fsys fs.FS) (*lists, error) {
	l := &lists{offenseRows: map[string]offense{}}
	specs := []struct {
		dst  **weighted
		file string
		col  int
	}{
		{&l.family, "family_names.txt", 0},
		{&l.maleMiddle, "male_middle.txt", 0},
		{&l.femaleMiddle, "female_middle.txt", 0},
		{&l.maleGiven, "male_given.txt", 0},
		{&l.femaleGiven, "female_given.txt", 0},
		{&l.hamlets, "hamlets.txt", 0},
		{&l.streets, "streets.txt", -1},
		{&l.facilities, "facilities.txt", 0},
		{&l.occupations, "occupations.txt", 0},
		{&l.ethnicities, "ethnicities.txt", 0},
		{&l.courts, "courts.txt", -1},
		{&l.districts, "districts.txt", 0},
		{&l.offenses, "offenses.txt", 3},
	}
	for _, s := range specs {
		w, err := readList(fsys, s.file, s.col)
		if err != nil {
			return nil, err
		}
		*s.dst = w
	}
	for _, e := range l.courts.items {
		if len(e.cols) < 1 || len(e.cols[0]) != 3 {
			return nil, fmt.Errorf("demo: courts.txt: %s: bad province code", e.name)
		}
	}
	for _, e := range l.offenses.items {
		if len(e.cols) != 6 {
			return nil, fmt.Errorf("demo: offenses.txt: %s: want 7 columns", e.name)
		}
		ch, err1 := strconv.Atoi(e.cols[1])
		lo, err2 := strconv.Atoi(e.cols[4])
		hi, err3 := strconv.Atoi(e.cols[5])
		if err1 != nil || err2 != nil || err3 != nil || lo <= 0 || hi < lo {
			return nil, fmt.Errorf("demo: offenses.txt: %s: bad numbers", e.name)
		}
		l.offenseRows[e.name] = offense{name: e.name, articles: e.cols[0], chapter: ch,
			negligent: e.cols[2] == "1", minMonths: lo, maxMonths: hi}
	}
	return l, nil
}
