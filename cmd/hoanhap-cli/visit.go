package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() {
	register(command{name: "visit", summary: "supervision.cli.summary.visit",
		run: svSimple("add", "supervision.cli.usage.visit",
			func(ctx context.Context, st *store.Store, v *caseload.Visit) error {
				if v.Supersedes != "" {
					return st.CorrectVisit(ctx, v.Supersedes, v)
				}
				return st.AddVisit(ctx, v)
			},
			func(v *caseload.Visit) string { return v.ID })})
}
