package importxlsx

import (
	"context"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/unicode/norm"

	"hoanhap/caseload"
	"hoanhap/store"
)

// Options tune ParseWith.
type Options struct {
	// Store, when not nil, is searched for people the rows may already
	// be (a warning on the row).
	Store *store.Store
	// Limit stops after that many data rows (0: every row): the preview.
	Limit int
	// Progress, when not nil, is told how many rows under the header
	// have been read so far, about every 1% and at the end, from the
	// calling goroutine.
	Progress func(done, total int)
}

// scanRows is how many rows from the top GuessSheet reads of each sheet
// (FindHeader looks no further).
const scanRows = 30

// GuessSheet returns the sheet of f most likely to be the list: the
// first whose header row names the full name and the most other fields;
// "" when no sheet has such a row. Only the top rows of each sheet are
// read.
func GuessSheet(f *excelize.File) string {
	best, most := "", 0
	for _, name := range f.GetSheetList() {
		rows, err := f.Rows(name)
		if err != nil {
			continue
		}
		var top [][]string
		for len(top) < scanRows && rows.Next() {
			cells, err := rows.Columns(excelize.Options{RawCellValue: true})
			if err != nil {
				break
			}
			top = append(top, cells)
		}
		_ = rows.Close()
		if _, m, ok := FindHeader(top); ok && len(m) > most {
			best, most = name, len(m)
		}
	}
	return best
}

// ColumnLetter is the spreadsheet name of the 0-based column c (A, B, …,
// AA).
func ColumnLetter(c int) string {
	s, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return fmt.Sprint(c + 1)
	}
	return s
}

// Columns returns the header text of every column of the sheet (NFC,
// spaces collapsed; "" for a column without one), as many as the widest
// of the header row and the rows under it.
func (s *Sheet) Columns() []string {
	n := 0
	for i := max(s.Header, 0); i < len(s.Rows); i++ {
		n = max(n, len(s.Rows[i]))
	}
	out := make([]string, n)
	if s.Header >= 0 && s.Header < len(s.Rows) {
		for c, text := range s.Rows[s.Header] {
			out[c] = strings.Join(strings.Fields(norm.NFC.String(text)), " ")
		}
	}
	return out
}

// SetHeader makes row (0-based index into Rows) the header row and maps
// the columns from its texts, replacing any correction made before. It
// reports whether a column names the full name.
func (s *Sheet) SetHeader(row int) bool {
	if row < 0 || row >= len(s.Rows) {
		s.Header, s.Mapping = -1, Mapping{}
		return false
	}
	m := Mapping{}
	for c, text := range s.Rows[row] {
		if f := FieldOf(text); f != "" {
			if _, dup := m[f]; !dup {
				m[f] = c
			}
		}
	}
	s.Header, s.Mapping = row, m
	_, ok := m[FullName]
	return ok
}

// tableEnd is the index of the row after the table: rows under the last
// row with a name that a blank row separates from it are the signature
// block ("NGƯỜI LẬP BIỂU", "(Ký, ghi rõ họ tên)") or notes, not people.
// Without a name column every row counts.
func (s *Sheet) tableEnd() int {
	c, ok := s.Mapping[FullName]
	if !ok {
		return len(s.Rows)
	}
	last := -1
	for i := len(s.Rows) - 1; i > s.Header; i-- {
		if c < len(s.Rows[i]) && strings.TrimSpace(s.Rows[i][c]) != "" {
			last = i
			break
		}
	}
	if last < 0 {
		return len(s.Rows)
	}
	for i := last + 1; i < len(s.Rows); i++ {
		if blank(s.Rows[i]) {
			return i
		}
	}
	return len(s.Rows)
}

// DataRows is the number of non-blank rows of the table under the header.
func (s *Sheet) DataRows() int {
	n := 0
	for i, end := s.Header+1, s.tableEnd(); i < end; i++ {
		if !blank(s.Rows[i]) {
			n++
		}
	}
	return n
}

// ParseWith reads the data rows under the header with the sheet's
// mapping as Parse does, with the options o.
func (s *Sheet) ParseWith(today caseload.Date, o Options) []Row {
	var out []Row
	seenID := map[string]int{}
	seenName := map[string]int{}
	end := s.tableEnd()
	total := end - s.Header - 1
	step := max(total/100, 1)
	for i := s.Header + 1; i < end; i++ {
		if o.Progress != nil && (i-s.Header)%step == 0 {
			o.Progress(i-s.Header, total)
		}
		cells := s.Rows[i]
		if blank(cells) {
			continue
		}
		if o.Limit > 0 && len(out) == o.Limit {
			break
		}
		r := parseRow(cells, s.Mapping, today)
		r.Line = i + 1
		p := r.Person
		if p.CitizenID != "" {
			if first, dup := seenID[p.CitizenID]; dup {
				r.Warns = append(r.Warns, Message{"import.dup.file_id", map[string]any{"Line": first, "Value": p.CitizenID}})
			} else {
				seenID[p.CitizenID] = r.Line
			}
		}
		if key := fold(p.FullName) + "|" + fmt.Sprint(p.BirthDate.Year); p.FullName != "" && p.BirthDate.Year != 0 {
			if first, dup := seenName[key]; dup {
				r.Warns = append(r.Warns, Message{"import.dup.file_name", map[string]any{"Line": first}})
			} else {
				seenName[key] = r.Line
			}
		}
		if o.Store != nil && len(r.Errors) == 0 {
			for _, d := range o.Store.Duplicates(p) {
				r.Warns = append(r.Warns, Message{"import.dup.store", map[string]any{"Name": d.FullName, "ID": d.CitizenID}})
			}
		}
		out = append(out, r)
	}
	if o.Progress != nil && total > 0 {
		o.Progress(total, total)
	}
	return out
}

// CommitProgress is Commit reporting, when progress is not nil, how many
// people have been written so far (store.SavePeopleProgress).
func CommitProgress(ctx context.Context, st *store.Store, rows []Row, skip map[int]bool, dryRun bool,
	progress func(done, total int)) (Result, error) {
	res := Result{Rows: rows, DryRun: dryRun}
	var people []caseload.Person
	for _, r := range rows {
		if len(r.Errors) > 0 {
			res.Errors++
			continue
		}
		if skip[r.Line] {
			res.Skipped++
			continue
		}
		people = append(people, r.Person)
	}
	if res.Errors > 0 {
		return res, &RowsError{N: res.Errors}
	}
	if dryRun || len(people) == 0 {
		return res, nil
	}
	if err := st.SavePeopleProgress(ctx, people, progress); err != nil {
		return res, fmt.Errorf("importxlsx: save: %w", err)
	}
	res.Saved = len(people)
	return res, nil
}
