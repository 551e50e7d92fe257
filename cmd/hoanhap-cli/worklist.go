package main

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

func init() {
	register(command{name: "worklist", summary: "supervision.cli.summary.worklist", run: runWorklist})
}

// worklistRow is one item of "worklist --json": the item plus its rule text
// in the current language.
type worklistRow struct {
	caseload.WorkItem
	Text string `json:"text"`
}

// runWorklist prints everything due or overdue on --on (default today).
func runWorklist(e *env, args []string) error {
	fs := newCmdFlags("worklist", "supervision.cli.usage.worklist")
	asJSON := fs.Bool("json", false, "JSON output")
	on := fs.String("on", "", "date YYYY-MM-DD (default today)")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return usageError{i18n.T("supervision.cli.usage.worklist")}
	}
	today := caseload.Today()
	if *on != "" {
		if today, err = caseload.ParseDate(*on); err != nil {
			return usageError{i18n.T("supervision.cli.bad_date", "Value", *on) + "\n" + i18n.T("supervision.cli.usage.worklist")}
		}
	}
	st, err := e.store()
	if err != nil {
		return err
	}
	items, err := st.Worklist(context.Background(), today)
	if err != nil {
		return err
	}
	rows := make([]worklistRow, len(items))
	for i, it := range items {
		rows[i] = worklistRow{it, i18n.TMap(it.Rule, it.Args.Map())}
	}
	if *asJSON {
		svPrintJSON(e, rows)
		return nil
	}
	for _, r := range rows {
		mark := " "
		if r.Overdue {
			mark = "!"
		}
		fmt.Fprintf(e.stdout, "%s %s  %s\n", mark, i18n.Date(r.Due), r.Text)
	}
	return nil
}
