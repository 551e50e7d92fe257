package importxlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// ErrNoHeader is returned when no row of the sheet names the columns.
var ErrNoHeader = errors.New("importxlsx: no header row")

// Message is a problem of one row: a translation key and its arguments.
type Message struct {
	Key  string
	Args map[string]any
}

// Text is the message in the current language.
func (m Message) Text() string { return i18n.TMap(m.Key, m.Args) }

// Row is one data row read from the sheet.
type Row struct {
	Line   int // the row number as the spreadsheet shows it (1-based)
	Person caseload.Person
	Errors []Message // the row cannot be imported
	Warns  []Message // duplicates and doubts: imported unless the user says no
}

// Sheet is a sheet read into text cells, with its header row and mapping.
type Sheet struct {
	Name    string
	Rows    [][]string // raw cell text (dates as serials when typed as dates)
	Header  int        // index in Rows of the header row, -1 if none
	Mapping Mapping
}

// Open reads a workbook and returns its sheet names.
func Open(r io.Reader) (*excelize.File, []string, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, nil, fmt.Errorf("importxlsx: open: %w", err)
	}
	return f, f.GetSheetList(), nil
}

// ReadSheet reads the named sheet ("" = the first) and finds its header.
func ReadSheet(f *excelize.File, name string) (*Sheet, error) {
	if name == "" {
		name = f.GetSheetName(0)
	}
	if idx, err := f.GetSheetIndex(name); err != nil || idx < 0 {
		return nil, fmt.Errorf("importxlsx: sheet %q: %w", name, ErrNoSheet)
	}
	rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("importxlsx: read %q: %w", name, err)
	}
	s := &Sheet{Name: name, Rows: rows, Header: -1}
	h, m, ok := FindHeader(rows)
	if !ok {
		return s, ErrNoHeader
	}
	s.Header, s.Mapping = h, m
	return s, nil
}

// ErrNoSheet is returned for a sheet name the workbook does not have.
var ErrNoSheet = errors.New("no such sheet")

// Parse reads every data row under the header with the sheet's mapping
// (blank rows are skipped), checks each as the store would, and flags
// duplicates inside the file and against st (nil: no store check).
func (s *Sheet) Parse(st *store.Store, today caseload.Date) []Row {
	return s.ParseWith(today, Options{Store: st})
}

func blank(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// parseRow reads one row into a managed person.
func parseRow(cells []string, m Mapping, today caseload.Date) Row {
	var r Row
	cell := func(f Field) string {
		c, ok := m[f]
		if !ok || c < 0 || c >= len(cells) {
			return ""
		}
		return strings.TrimSpace(cells[c])
	}
	bad := func(f Field, key string) {
		r.Errors = append(r.Errors, Message{key, map[string]any{"Column": i18n.T("import.field." + string(f)), "Value": cell(f)}})
	}
	p := caseload.Person{Status: caseload.StatusManaged, ReleaseKind: caseload.ReleaseCompleted,
		FullName: cell(FullName), CitizenID: strings.ReplaceAll(cell(CitizenID), " ", ""), Address: cell(Address),
		Hamlet: cell(Hamlet), Offense: cell(Offense), Phone: cell(Phone), Notes: cell(Notes)}
	if v := cell(BirthDate); v != "" {
		b, err := parseBirth(v, today.Year())
		if err != nil {
			bad(BirthDate, "import.error.date")
		}
		p.BirthDate = b
	}
	if v := cell(Gender); v != "" {
		g, ok := parseGender(v)
		if !ok {
			bad(Gender, "import.error.gender")
		}
		p.Gender = g
	}
	for _, d := range []struct {
		f   Field
		dst *caseload.Date
	}{{CompletedOn, &p.CompletedOn}, {ReturnedOn, &p.ReturnedOn}} {
		if v := cell(d.f); v != "" {
			x, err := parseDate(v, today.Year())
			if err != nil {
				bad(d.f, "import.error.date")
			}
			*d.dst = x
		}
	}
	if v := cell(Sentence); v != "" {
		k, months, ok := parseSentence(v)
		if !ok {
			bad(Sentence, "import.error.sentence")
		}
		p.SentenceKind, p.SentenceMonths = k, months
	}
	if parseYes(cell(Amnesty)) && !strings.Contains(fold(cell(Amnesty)), "chap hanh xong") {
		p.ReleaseKind = caseload.ReleaseAmnesty
	}
	if v := cell(Status); v != "" {
		st, ok := parseStatus(v)
		if !ok {
			bad(Status, "import.error.status")
		}
		p.Status = st
	}
	if v := strings.ToUpper(cell(Group)); v != "" {
		g := caseload.Group(strings.TrimPrefix(v, "NHÓM "))
		if len(g) != 1 || !strings.Contains("ABCD", string(g)) {
			bad(Group, "import.error.group")
		} else {
			p.Group = g
		}
	}
	if len(r.Errors) == 0 {
		caseload.Normalize(&p)
		if err := caseload.ValidatePerson(p, today); err != nil {
			var v *caseload.ValidationError
			if errors.As(err, &v) {
				for _, e := range v.Errors {
					r.Errors = append(r.Errors, Message{e.Key, e.Args})
				}
			} else {
				r.Errors = append(r.Errors, Message{"import.error.invalid", map[string]any{"Detail": err.Error()}})
			}
		}
	}
	r.Person = p
	return r
}

// Result is the outcome of an import.
type Result struct {
	Rows    []Row
	Errors  int // rows with errors
	Saved   int // people written (0 on a dry run or when any row has errors)
	DryRun  bool
	Skipped int // rows left out by the caller (duplicates it chose to skip)
}

// Commit saves the rows' people in one transaction, all or nothing; it
// refuses (writing nothing) when any row has an error. skip leaves out the
// rows whose Line it holds (the duplicates the user chose to drop).
func Commit(ctx context.Context, st *store.Store, rows []Row, skip map[int]bool, dryRun bool) (Result, error) {
	return CommitProgress(ctx, st, rows, skip, dryRun, nil)
}

// RowsError says that some rows have errors, so nothing was written.
type RowsError struct{ N int }

func (e *RowsError) Error() string { return fmt.Sprintf("importxlsx: %d rows with errors", e.N) }

// MessageKey is the translation key of the message.
func (e *RowsError) MessageKey() string { return "import.error.rows" }

// MessageArgs are the template arguments of the message.
func (e *RowsError) MessageArgs() map[string]any { return map[string]any{"Count": e.N} }
