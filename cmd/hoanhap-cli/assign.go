package main

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "assign", summary: "supervision.cli.summary.assign", run: runAssign})
}

// runAssign reads an assignment (JSON on stdin) and opens it; with
// --reason (and --handover) it reassigns: the active one is closed first.
func runAssign(e *env, args []string) error {
	fs := newCmdFlags("assign", "supervision.cli.usage.assign")
	reason := fs.String("reason", "", "reason for the change (reassign)")
	handover := fs.String("handover", "", "handover note (reassign)")
	rest, err := fs.parse(args)
	if err != nil {
		return err
	}
	if len(rest) != 0 {
		return usageError{i18n.T("supervision.cli.usage.assign")}
	}
	var a caseload.Assignment
	if err := svReadJSON(e, &a); err != nil {
		return err
	}
	return svSave(e, func(ctx context.Context, st *store.Store) error {
		if *reason != "" {
			return st.Reassign(ctx, a.PersonID, &a, *reason, *handover)
		}
		return st.Assign(ctx, &a)
	}, func() { fmt.Fprintln(e.stdout, a.ID) })
}
