package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "person", summary: "cli.summary.person", run: runPerson})
}

// runPerson dispatches person add | show | list.
func runPerson(e *env, args []string) error {
	usage := usageError{i18n.T("cli.usage.person")}
	if len(args) == 0 {
		return usage
	}
	switch args[0] {
	case "add":
		return runPersonAdd(e, args[1:])
	case "update":
		return runPersonUpdate(e, args[1:])
	case "show":
		return runPersonShow(e, args[1:])
	case "list":
		return runList(e, args[1:], "person list", "cli.usage.person_list", false)
	case "-h", "--help", "-help":
		return usage
	}
	return usageError{i18n.T("cli.error.unknown_subcommand", "Name", args[0]) + "\n" + usage.msg}
}

// runPersonAdd reads one person as a JSON object on stdin, saves it and
// prints the new id. A citizen id another person holds is refused unless
// --allow-duplicate.
func runPersonAdd(e *env, args []string) error {
	fs := newCmdFlags("person add", "cli.usage.person_add")
	allowDup := fs.Bool("allow-duplicate", false, "")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	p, err := decodePerson(e.stdin)
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	removed := caseload.InvisibleWarnings(p)
	if err := savePerson(st, &p, *allowDup); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, p.ID)
	printWarnings(e, removed)
	printPersonWarnings(e, p)
	return nil
}

// printPersonWarnings writes on stderr, one line each, the problems of a
// saved person that do not block the save (caseload.PersonWarnings: the
// citizen-ID cross-checks of gender, century and birth year, missing legal
// dates...), the same the profile's side panel shows. The command still
// succeeds.
func printPersonWarnings(e *env, p caseload.Person) { printWarnings(e, caseload.PersonWarnings(p)) }

// printWarnings writes each warning on stderr, naming its field.
func printWarnings(e *env, warns []caseload.FieldError) {
	for _, w := range warns {
		fmt.Fprintln(e.stderr, i18n.T("cliinput.person.warning", "Field", fieldLabel(w.Field), "Text", i18n.Error(w)))
	}
}

// decodePerson reads exactly one JSON object with canonical field names;
// unknown fields, wrong types, trailing data and sync fields (the app
// assigns them) are errors, each naming the field. Text is normalised to
// NFC.
func decodePerson(r io.Reader) (caseload.Person, error) {
	var p caseload.Person
	b, err := readInput(r, i18n.T("cli.person.input_empty"))
	if err != nil {
		return p, err
	}
	if err := decodeInto(b, &p); err != nil {
		return p, err
	}
	if p.Meta != (caseload.Meta{}) {
		return p, textError(i18n.T("cli.person.input_meta"))
	}
	return p, nil
}

// validationText renders a validation failure: one line per field error,
// the field's name then the translated message.
func validationText(ve *caseload.ValidationError) error {
	lines := make([]string, 0, len(ve.Errors))
	for _, fe := range ve.Errors {
		lines = append(lines, fieldLabel(fe.Field)+": "+i18n.Error(fe))
	}
	return textError(strings.Join(lines, "\n"))
}

// fieldLabel names a field for the user: its translation and, in
// brackets, its canonical JSON name, which is what "person add" reads.
func fieldLabel(field string) string {
	for _, key := range []string{"person.field." + field, "cli.field." + field, "cliinput.field." + field} {
		if i18n.Has(key) {
			return i18n.T(key) + " (" + field + ")"
		}
	}
	return field
}

// personByID reads one person; an unknown id is a plain "không tìm thấy"
// naming it.
func personByID(ctx context.Context, st *store.Store, id string) (caseload.Person, error) {
	p, err := st.Person(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return p, textError(i18n.T("cli.person.not_found", "ID", id))
	}
	return p, err
}

// textError is an error whose user-facing text is already translated:
// i18n.Error shows it as is (through the "cli.text" message).
type textError string

func (t textError) Error() string { return string(t) }

// MessageKey returns the pass-through message key.
func (t textError) MessageKey() string { return "cli.text" }

// MessageArgs returns the text as the template argument.
func (t textError) MessageArgs() map[string]any { return map[string]any{"Text": string(t)} }

// runPersonShow prints one person: person show ID [--json].
func runPersonShow(e *env, args []string) error {
	fs := newCmdFlags("person show", "cli.usage.person_show")
	asJSON := fs.Bool("json", false, "")
	id, err := oneID(fs, args)
	if err != nil {
		return err
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	p, err := personByID(ctx, st, id)
	if err != nil {
		return err
	}
	// Opening a profile is audited (docs/ARCHITECTURE.md section 11).
	if err := st.LogView(ctx, "person", p.ID); err != nil {
		return err
	}
	if *asJSON {
		b, err := personJSON(p)
		if err != nil {
			return err
		}
		_, err = e.stdout.Write(b)
		return err
	}
	_, err = io.WriteString(e.stdout, personSummary(p))
	return err
}

// personJSON is the person's canonical JSON with the computed fields
// added, indented, keys sorted, ending with a newline.
func personJSON(p caseload.Person) ([]byte, error) {
	raw, err := json.Marshal(p)
	if err != nil {
		return nil, err
	}
	var m map[string]any
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&m); err != nil {
		return nil, err
	}
	x := caseload.ComputeExpungement(p)
	m["expungement_eligible_on"] = x.EligibleOn
	m["expungement_rule"] = x.Rule
	m["expungement_article"] = x.Article
	m["expungement_pending"] = x.Pending
	m["expungement_method_computed"] = x.Method
	m["expungement_no_record"] = x.NoRecord
	m["loan_window_ends_on"] = caseload.LoanWindowEnd(p)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// personSummary is the readable profile of "person show": one labelled
// line per known fact, dates dd/mm/yyyy, then the computed dates.
func personSummary(p caseload.Person) string {
	var b strings.Builder
	line := func(key, value string) {
		if strings.TrimSpace(value) != "" {
			fmt.Fprintf(&b, "%s: %s\n", i18n.T(key), value)
		}
	}
	line("cli.show.full_name", p.FullName)
	line("cli.show.other_names", p.OtherNames)
	line("cli.show.gender", enumLabel("cli.gender.", string(p.Gender)))
	line("cli.show.birth_date", i18n.Date(p.BirthDate))
	line("cli.show.citizen_id", p.CitizenID)
	line("cli.show.ethnicity", p.Ethnicity)
	line("cli.show.phone", p.Phone)
	line("cli.show.hamlet", p.Hamlet)
	line("cli.show.address", p.Address)
	line("cli.show.occupation", p.Occupation)
	offense := p.Offense
	if p.CriminalCodeArticles != "" {
		offense += " (" + p.CriminalCodeArticles + ")"
	}
	line("cli.show.offense", strings.TrimSpace(offense))
	if p.Judgment != (caseload.Judgment{}) {
		line("cli.show.judgment", i18n.T("cli.show.judgment_value", "Number", p.Judgment.Number,
			"Date", i18n.Date(p.Judgment.Date), "Court", p.Judgment.Court))
	}
	if p.SentenceKind != "" {
		s := enumLabel("cli.sentence.", string(p.SentenceKind))
		if p.SentenceMonths > 0 {
			s = i18n.T("cli.show.sentence_months", "Kind", s, "Months", p.SentenceMonths)
		}
		line("cli.show.sentence", s)
	}
	for _, sp := range p.Supplementary {
		v := sp.Kind
		if sp.Months > 0 {
			v = i18n.T("cli.show.sentence_months", "Kind", v, "Months", sp.Months)
		}
		if !sp.EndsOn.IsZero() {
			v += " — " + i18n.T("cli.show.ends_on", "Date", i18n.Date(sp.EndsOn))
		}
		line("cli.show.supplementary", v)
	}
	line("cli.show.civil", civilText(p.CivilObligations))
	line("cli.show.facility", p.Facility)
	line("cli.show.release_kind", enumLabel("cli.release.", string(p.ReleaseKind)))
	line("cli.show.completed_on", i18n.Date(p.CompletedOn))
	line("cli.show.returned_on", i18n.Date(p.ReturnedOn))
	line("cli.show.status", enumLabel("cli.status.", string(p.Status)))
	line("cli.show.group", string(p.Group))
	if p.Status == caseload.StatusEnded {
		line("cli.show.end_reason", enumLabel("cli.end_reason.", string(p.EndReason)))
	}
	line("cli.show.expunged_on", i18n.Date(p.ExpungedOn))
	line("cli.show.expungement", expungementText(caseload.ComputeExpungement(p)))
	line("cli.show.loan_window", i18n.Date(caseload.LoanWindowEnd(p)))
	line("cli.show.notes", p.Notes)
	return b.String()
}

// expungementText explains the computed expungement in one line.
func expungementText(x caseload.Expungement) string {
	var s string
	switch {
	case x.NoRecord:
		s = i18n.T("cli.show.expunge_no_record")
	case x.EligibleOn.IsZero() && !x.Pending:
		return ""
	case x.Pending:
		s = i18n.T("cli.show.expunge_pending", "Date", i18n.Date(x.EligibleOn))
	default:
		s = i18n.T("cli.show.expunge_on", "Date", i18n.Date(x.EligibleOn),
			"Method", enumLabel("cli.expunge_method.", string(x.Method)))
	}
	if x.Article != "" {
		s += " [" + x.Article + "]"
	}
	return s
}

// civilText describes the civil obligations and court fees.
func civilText(c caseload.CivilObligations) string {
	switch {
	case c.None:
		return i18n.T("cli.show.civil_none")
	case !c.SettledOn.IsZero():
		return i18n.T("cli.show.civil_settled", "Amount", i18n.Money(c.Amount), "Date", i18n.Date(c.SettledOn))
	case c.Amount > 0:
		return i18n.T("cli.show.civil_owed", "Amount", i18n.Money(c.Amount))
	}
	return i18n.T("cli.show.civil_unknown")
}

// enumLabel translates an enum value through prefix+value, falling back to
// the value itself.
func enumLabel(prefix, value string) string {
	if value == "" {
		return ""
	}
	if i18n.Has(prefix + value) {
		return i18n.T(prefix + value)
	}
	return value
}

// nfcText normalises text typed on the command line to NFC.
func nfcText(s string) string { return norm.NFC.String(s) }
