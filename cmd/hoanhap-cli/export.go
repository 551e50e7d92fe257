package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report"
)

func init() {
	register(command{name: "export", summary: "report.cli.summary.export", run: runExport})
}

// runExport writes one list of the app as an official Excel document.
func runExport(e *env, args []string) error {
	fs := newCmdFlags("export", "report.cli.usage.export")
	out := fs.String("out", "", "Excel file to write")
	query := fs.String("query", "", "caseload: search text")
	status := fs.String("status", "", "caseload: expected|managed|ended|all")
	group := fs.String("group", "", "caseload: A|B|C|D")
	hamlet := fs.String("hamlet", "", "caseload: hamlet")
	from := fs.String("from", "", "visits, supports: from YYYY-MM-DD")
	to := fs.String("to", "", "visits, supports: to YYYY-MM-DD")
	person := fs.String("person", "", "visits: person id")
	quarter := fs.String("quarter", "", "hcd09: 2026-Q3")
	listDate := fs.String("list-date", "", "mau01: YYYY-MM-05")
	on := fs.String("on", "", "worklist: day YYYY-MM-DD")
	kind := fs.String("kind", "", "supports: support kind")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fs.usageErr("report.cli.export_list")
	}
	name := rest[0]
	if !slices.Contains(report.ListNames, name) {
		return usageError{i18n.Error(report.ErrUnknownList{Name: name}) + "\n" + fs.usage()}
	}
	if *out == "" {
		return fs.usageErr("report.cli.out_required")
	}
	var f report.Filter
	date := func(flag, v string, dst *caseload.Date) error {
		if v == "" {
			return nil
		}
		d, err := caseload.ParseDate(v)
		if err != nil {
			return fs.usageErr("report.cli.bad_date", "Flag", flag, "Value", v)
		}
		*dst = d
		return nil
	}
	for _, d := range []struct {
		flag, v string
		dst     *caseload.Date
	}{{"--from", *from, &f.From}, {"--to", *to, &f.To}, {"--list-date", *listDate, &f.ListDate}, {"--on", *on, &f.Today}} {
		if err := date(d.flag, d.v, d.dst); err != nil {
			return err
		}
	}
	f.Person.Query, f.Person.Hamlet, f.Person.Group = *query, *hamlet, caseload.Group(strings.ToUpper(*group))
	switch *status {
	case "":
	case "all":
		f.Person.Statuses = caseload.Statuses
	default:
		if !slices.Contains(caseload.Statuses, caseload.Status(*status)) {
			return fs.usageErr("report.cli.bad_value", "Flag", "--status", "Value", *status)
		}
		f.Person.Statuses = []caseload.Status{caseload.Status(*status)}
	}
	if f.Person.Group != "" && !slices.Contains(caseload.Groups, f.Person.Group) {
		return fs.usageErr("report.cli.bad_value", "Flag", "--group", "Value", *group)
	}
	if *kind != "" && !caseload.SupportKind(*kind).Valid() {
		return fs.usageErr("report.cli.bad_value", "Flag", "--kind", "Value", *kind)
	}
	if *quarter != "" {
		if _, _, err := caseload.ParseQuarter(*quarter); err != nil {
			return fs.usageErr("report.cli.bad_value", "Flag", "--quarter", "Value", *quarter)
		}
	}
	f.Support, f.PersonID, f.Quarter = caseload.SupportKind(*kind), *person, *quarter
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	err = report.SaveFile(*out, func(w io.Writer) error { return report.ExportList(ctx, w, st, name, f, report.Doc{}) })
	if err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, i18n.T("report.cli.written", "File", *out))
	return nil
}
