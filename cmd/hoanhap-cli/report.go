package main

import (
	"context"
	"fmt"
	"io"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report"
)

func init() {
	register(command{name: "report", summary: "report.cli.summary.report", run: runReport})
}

// runReport computes the periodic report of a period and prints it as
// JSON (--json) or writes the Excel workbook (--out FILE.xlsx); --lock
// marks it as sent (chốt số liệu).
func runReport(e *env, args []string) error {
	fs := newCmdFlags("report", "report.cli.usage.report")
	kind := fs.String("kind", "", "month|quarter|half|year|custom")
	label := fs.String("period", "", "2026-06, 2026-Q2, 2026-H1 or 2026")
	from := fs.String("from", "", "YYYY-MM-DD")
	to := fs.String("to", "", "YYYY-MM-DD")
	asJSON := fs.Bool("json", false, "JSON output")
	out := fs.String("out", "", "Excel file to write")
	number := fs.String("number", "", "document number")
	place := fs.String("place", "", "place of the date line")
	superior := fs.String("superior", "", "the unit above")
	lock := fs.Bool("lock", false, "mark the report as sent")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if err := fs.noArgs(rest); err != nil {
		return err
	}
	if *asJSON == (*out != "") {
		return fs.usageErr("report.cli.json_or_out")
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	ctx := context.Background()
	p, err := cliPeriod(ctx, fs, st.Setting, report.Kind(*kind), *label, *from, *to)
	if err != nil {
		return err
	}
	r, err := report.Compute(ctx, st, p)
	if err != nil {
		return err
	}
	am, lockedAt, err := report.Amendments(ctx, st, r)
	if err != nil {
		return err
	}
	if *lock {
		if err := report.Lock(ctx, st, r); err != nil {
			return err
		}
	}
	if *asJSON {
		svPrintJSON(e, struct {
			*report.Report
			Amendments []report.Amendment `json:"amendments,omitempty"`
			LockedAt   string             `json:"locked_at,omitempty"`
		}{r, am, lockedAt})
		return nil
	}
	doc := report.Doc{Superior: *superior, Number: *number, Place: *place}
	if err := report.SaveFile(*out, func(w io.Writer) error { return report.WriteReport(w, r, doc, am) }); err != nil {
		return err
	}
	fmt.Fprintln(e.stdout, i18n.T("report.cli.written", "File", *out))
	return nil
}

// cliPeriod reads the period flags.
func cliPeriod(ctx context.Context, fs *cmdFlags, setting func(context.Context, string) (string, error),
	kind report.Kind, label, from, to string) (report.Period, error) {
	if kind == "" {
		return report.Period{}, fs.usageErr("report.cli.kind_required")
	}
	if kind != report.Custom {
		if label == "" {
			return report.Period{}, fs.usageErr("report.cli.period_required")
		}
		p, err := report.ParsePeriod(kind, label, report.CutoffDay(ctx, setting))
		if err != nil {
			return p, usageError{i18n.Error(err) + "\n" + fs.usage()}
		}
		return p, nil
	}
	a, errA := caseload.ParseDate(from)
	b, errB := caseload.ParseDate(to)
	if errA != nil || errB != nil {
		return report.Period{}, fs.usageErr("report.error.period.custom")
	}
	p, err := report.CustomRange(a, b)
	if err != nil {
		return p, usageError{i18n.Error(err) + "\n" + fs.usage()}
	}
	return p, nil
}
