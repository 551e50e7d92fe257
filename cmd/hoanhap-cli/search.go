package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "search", summary: "cli.summary.search", run: func(e *env, args []string) error {
		return runList(e, args, "search", "cli.usage.search", true)
	}})
}

// listRow is one person of "person list --json", with canonical names.
type listRow struct {
	ID         string          `json:"id"`
	FullName   string          `json:"full_name"`
	BirthYear  int             `json:"birth_year"`
	Gender     caseload.Gender `json:"gender"`
	Hamlet     string          `json:"hamlet"`
	Offense    string          `json:"offense"`
	ReturnedOn caseload.Date   `json:"returned_on"`
	Group      caseload.Group  `json:"group"`
	Status     caseload.Status `json:"status"`
	CitizenID  string          `json:"citizen_id"`
	Phone      string          `json:"phone"`
}

// runList is "person list" and, with queryArgs, "search QUERY": the
// positional arguments are then the query words.
//
//	person list [--json] [--q QUERY] [--status S[,S]|all] [--group G] [--hamlet H]
func runList(e *env, args []string, name, usageKey string, queryArgs bool) error {
	fs := newCmdFlags(name, usageKey)
	asJSON := fs.Bool("json", false, "")
	q := fs.String("q", "", "")
	status := fs.String("status", "", "")
	group := fs.String("group", "", "")
	hamlet := fs.String("hamlet", "", "")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	query := *q
	switch {
	case queryArgs && len(rest) == 0 && strings.TrimSpace(query) == "":
		return fs.usageErr("cli.error.missing_arg", "Name", "QUERY")
	case queryArgs:
		query = strings.TrimSpace(strings.Join(append([]string{query}, rest...), " "))
	case len(rest) > 0:
		return fs.usageErr("cli.error.extra_args", "Args", strings.Join(rest, " "))
	}
	f := store.PersonFilter{Query: nfcText(query), Hamlet: nfcText(strings.TrimSpace(*hamlet))}
	if f.Statuses, err = parseStatuses(*status); err != nil {
		return fs.usageErr("cli.error.bad_flag_value", "Flag", "--status", "Value", *status)
	}
	if *group != "" {
		f.Group = caseload.Group(strings.ToUpper(*group))
		if !validGroup(f.Group) {
			return fs.usageErr("cli.error.bad_flag_value", "Flag", "--group", "Value", *group)
		}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	rows := st.People(f)
	if *asJSON {
		return writeRowsJSON(e, rows)
	}
	return writeRowsTable(e, rows)
}

// parseStatuses reads "--status": a comma-separated list of statuses, or
// "all"; "" keeps the store's default.
func parseStatuses(s string) ([]caseload.Status, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if s == "all" {
		return append([]caseload.Status(nil), caseload.Statuses...), nil
	}
	var out []caseload.Status
	for _, part := range strings.Split(s, ",") {
		st := caseload.Status(strings.TrimSpace(part))
		ok := false
		for _, v := range caseload.Statuses {
			ok = ok || v == st
		}
		if !ok {
			return nil, fmt.Errorf("unknown status %q", part)
		}
		out = append(out, st)
	}
	return out, nil
}

func validGroup(g caseload.Group) bool {
	for _, v := range caseload.Groups {
		if v == g {
			return true
		}
	}
	return false
}

// writeRowsJSON prints the rows as an indented JSON array ("[]" when none).
func writeRowsJSON(e *env, rows []store.PersonRow) error {
	out := make([]listRow, len(rows))
	for i, r := range rows {
		out[i] = listRow{ID: r.ID, FullName: r.FullName, BirthYear: r.BirthYear, Gender: r.Gender,
			Hamlet: r.Hamlet, Offense: r.Offense, ReturnedOn: r.ReturnedOn, Group: r.Group,
			Status: r.Status, CitizenID: r.CitizenID, Phone: r.Phone}
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return err
	}
	_, err := e.stdout.Write(buf.Bytes())
	return err
}

// writeRowsTable prints the rows as an aligned table with a count line.
func writeRowsTable(e *env, rows []store.PersonRow) error {
	tw := tabwriter.NewWriter(e.stdout, 0, 0, 2, ' ', 0)
	cols := []string{"no", "full_name", "birth_year", "gender", "hamlet", "offense", "returned_on", "group", "status", "citizen_id"}
	head := make([]string, len(cols))
	for i, c := range cols {
		head[i] = i18n.T("cli.list.col." + c)
	}
	fmt.Fprintln(tw, strings.Join(head, "\t"))
	for i, r := range rows {
		year := ""
		if r.BirthYear > 0 {
			year = strconv.Itoa(r.BirthYear)
		}
		fmt.Fprintln(tw, strings.Join([]string{strconv.Itoa(i + 1), r.FullName, year,
			enumLabel("cli.gender.", string(r.Gender)), r.Hamlet, shorten(r.Offense, 40), i18n.Date(r.ReturnedOn),
			string(r.Group), enumLabel("cli.status.", string(r.Status)), r.CitizenID}, "\t"))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(e.stdout, i18n.T("cli.list.count", "Count", len(rows)))
	return err
}

// shorten cuts s to at most n letters, ending with "…" when cut.
func shorten(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return strings.TrimSpace(string(r[:n-1])) + "…"
}
