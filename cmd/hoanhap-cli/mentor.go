package main

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "mentor", summary: "supervision.cli.summary.mentor", run: runMentor})
}

// runMentor handles "mentor add" (JSON on stdin, prints the id) and
// "mentor list [--json] [--active]".
func runMentor(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{i18n.T("supervision.cli.usage.mentor")}
	}
	switch args[0] {
	case "add":
		return svSimple("", "supervision.cli.usage.mentor",
			func(ctx context.Context, st *store.Store, m *caseload.Mentor) error { return st.SaveMentor(ctx, m) },
			func(m *caseload.Mentor) string { return m.ID })(e, args[1:])
	case "list":
		fs := newCmdFlags("mentor list", "supervision.cli.usage.mentor")
		asJSON := fs.Bool("json", false, "JSON output")
		active := fs.Bool("active", false, "active mentors only")
		if _, err := fs.parse(args[1:]); err != nil {
			return err
		}
		st, err := e.store()
		if err != nil {
			return err
		}
		ctx := context.Background()
		list, err := st.Mentors(ctx, *active)
		if err != nil {
			return err
		}
		loads, err := st.MentorLoads(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			if list == nil {
				list = []caseload.Mentor{}
			}
			svPrintJSON(e, list)
			return nil
		}
		for _, m := range list {
			state := i18n.T("supervision.cli.active")
			if !m.Active {
				state = i18n.T("supervision.cli.inactive")
			}
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\t%s\t%s\n", m.ID, m.Name, i18n.T("supervision.org."+string(m.Organisation)),
				state, i18n.T("supervision.cli.people", "Count", loads[m.ID]))
		}
		return nil
	}
	return usageError{i18n.T("supervision.cli.usage.mentor")}
}
