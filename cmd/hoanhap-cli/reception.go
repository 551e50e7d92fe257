package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() {
	register(command{name: "reception", summary: "supervision.cli.summary.reception",
		run: svSimple("record", "supervision.cli.usage.reception",
			func(ctx context.Context, st *store.Store, r *caseload.Reception) error {
				return st.RecordReception(ctx, r)
			},
			func(r *caseload.Reception) string { return r.ID })})
}
