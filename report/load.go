package report

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// LoadProblem is one record of a dump that cannot be loaded.
type LoadProblem struct {
	Table  string
	Record int    // 1-based position in its table
	ID     string // the record id, when it has one
	Text   string // what is wrong, in the current language
}

// LoadError lists every record refused; nothing was written.
type LoadError struct{ Problems []LoadProblem }

func (e *LoadError) Error() string {
	return fmt.Sprintf("report: load: %d invalid records", len(e.Problems))
}

// MessageKey is the translation key of the message.
func (e *LoadError) MessageKey() string { return "load.error.invalid" }

// MessageArgs are the template arguments of the message.
func (e *LoadError) MessageArgs() map[string]any { return map[string]any{"Count": len(e.Problems)} }

// syncFields are the sync fields a loaded record may omit, with how each
// is filled in.
var syncFields = []string{"id", "owner", "ver", "hlc", "updated_at", "updated_by"}

// Load reads a dump (the object of tables "dump" prints), fills in the
// sync fields a record omits (a new id, this installation as owner,
// version 1, a fresh clock, now, "load"), checks every live record with
// the rules a save applies, and writes everything in one transaction
// (store.Load) or, when any record is refused, nothing. The store must
// be freshly initialised. It returns the number of records written.
func Load(ctx context.Context, st *store.Store, r io.Reader) (int, error) {
	var dump map[string][]json.RawMessage
	dec := json.NewDecoder(r)
	dec.UseNumber()
	if err := dec.Decode(&dump); err != nil {
		return 0, &LoadError{Problems: []LoadProblem{{Text: i18n.T("load.error.json", "Detail", err.Error())}}}
	}
	names := make([]string, 0, len(dump))
	for name := range dump {
		names = append(names, name)
	}
	sort.Strings(names)
	clock := store.NewClock(st.Node().ID, time.Now)
	now := time.Now().UTC().Truncate(time.Millisecond).Format(time.RFC3339Nano)
	today := caseload.Today()
	var problems []LoadProblem
	n := 0
	for _, name := range names {
		t := store.TableNamed(name)
		if t == nil {
			problems = append(problems, LoadProblem{Table: name, Text: i18n.T("load.error.table", "Table", name)})
			continue
		}
		if name == "node" {
			continue // this installation keeps its own identity
		}
		has := map[string]bool{}
		for _, c := range t.Columns {
			has[c.JSON] = true
		}
		for i, raw := range dump[name] {
			p := LoadProblem{Table: name, Record: i + 1}
			var m map[string]json.RawMessage
			if err := json.Unmarshal(raw, &m); err != nil || m == nil {
				p.Text = i18n.T("load.error.not_object")
				problems = append(problems, p)
				continue
			}
			fill := map[string]any{"owner": st.Node().ID, "ver": 1, "updated_at": now, "updated_by": "load"}
			for _, f := range syncFields {
				if !has[f] || (f == "id" && t.Key != "id") {
					continue
				}
				if v, ok := m[f]; ok && string(v) != `""` && string(v) != "null" {
					continue
				}
				var val any
				switch f {
				case "id":
					val = store.NewID()
				case "hlc":
					val = clock.Next()
				default:
					val = fill[f]
				}
				b, _ := json.Marshal(val)
				m[f] = b
			}
			_ = json.Unmarshal(m["id"], &p.ID)
			full, err := json.Marshal(m)
			if err != nil {
				p.Text = err.Error()
				problems = append(problems, p)
				continue
			}
			rec, err := t.Decode(full)
			if err != nil {
				p.Text = i18n.T("load.error.decode", "Detail", unwrapAll(err))
				problems = append(problems, p)
				continue
			}
			if string(m["deleted"]) != "true" {
				if err := validateRecord(rec, today); err != nil {
					p.Text = validationText(err)
					problems = append(problems, p)
					continue
				}
			}
			dump[name][i] = full
			n++
		}
	}
	if len(problems) > 0 {
		return 0, &LoadError{Problems: problems}
	}
	if err := st.LoadTables(ctx, dump); err != nil {
		return 0, fmt.Errorf("report: load: %w", err)
	}
	return n, nil
}

// validateRecord applies the rules a save of the record's kind applies.
func validateRecord(rec any, today caseload.Date) error {
	switch r := rec.(type) {
	case caseload.Person:
		caseload.Normalize(&r)
		return caseload.ValidatePerson(r, today)
	case caseload.Visit:
		return caseload.ValidateVisit(r, today)
	case caseload.Mentor:
		return caseload.ValidateMentor(r)
	case caseload.Assignment:
		return caseload.ValidateAssignment(r, today)
	case caseload.Classification:
		return caseload.ValidateClassification(r, today)
	case caseload.Notice:
		return caseload.ValidateNotice(r, today)
	case caseload.Reception:
		return caseload.ValidateReception(r, today)
	case caseload.CaseEnd:
		return caseload.ValidateCaseEnd(r, today)
	case caseload.Recidivism:
		return caseload.ValidateRecidivism(r, today)
	case caseload.Support:
		return r.Validate()
	case caseload.Loan:
		return r.Validate()
	case caseload.Model:
		return r.Validate()
	case caseload.ModelMember:
		return r.Validate()
	case caseload.Link:
		return r.Validate()
	case caseload.Business:
		return r.Validate()
	case caseload.Exemplary:
		return r.Validate()
	}
	return nil
}

// validationText is a validation error in the current language, field by
// field.
func validationText(err error) string {
	var v *caseload.ValidationError
	if errors.As(err, &v) {
		parts := make([]string, len(v.Errors))
		for i, fe := range v.Errors {
			parts[i] = fe.Field + ": " + i18n.TMap(fe.Key, fe.Args)
		}
		return strings.Join(parts, "; ")
	}
	return i18n.Error(err)
}

// unwrapAll is the innermost message of err (the JSON decoder's).
func unwrapAll(err error) string {
	for {
		next := errors.Unwrap(err)
		if next == nil {
			return err.Error()
		}
		err = next
	}
}
