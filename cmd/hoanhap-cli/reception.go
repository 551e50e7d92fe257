package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "reception", summary: "supervision.cli.summary.reception", run: runReception})
}

// recordReception is "reception record": the session read as JSON on
// stdin; it prints the new reception's id.
var recordReception = svSimple("record", "cliinput.usage.reception",
	func(ctx context.Context, st *store.Store, r *caseload.Reception) error {
		return st.RecordReception(ctx, r)
	},
	func(r *caseload.Reception) string { return r.ID })

// runReception dispatches "reception record" and "reception update ID".
func runReception(e *env, args []string) error {
	if len(args) > 0 && args[0] == "update" {
		return runReceptionUpdate(e, args[1:])
	}
	if len(args) != 1 || args[0] != "record" {
		return usageError{i18n.T("cliinput.usage.reception")}
	}
	return recordReception(e, args)
}
