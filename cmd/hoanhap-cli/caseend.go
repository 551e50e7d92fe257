package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() {
	register(command{name: "case", summary: "supervision.cli.summary.case",
		run: svSimple("end", "supervision.cli.usage.case",
			func(ctx context.Context, st *store.Store, c *caseload.CaseEnd) error { return st.EndCase(ctx, c) },
			func(c *caseload.CaseEnd) string { return c.ID })})
}
