package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/store"
)

// recidivismInput is a recidivism record and, optionally under "end", the
// decision ending management (ground new_sentence).
type recidivismInput struct {
	caseload.Recidivism
	End *caseload.CaseEnd `json:"end"`
}

func init() {
	register(command{name: "recidivism", summary: "supervision.cli.summary.recidivism",
		run: svSimple("add", "supervision.cli.usage.recidivism",
			func(ctx context.Context, st *store.Store, r *recidivismInput) error {
				return st.AddRecidivism(ctx, &r.Recidivism, r.End)
			},
			func(r *recidivismInput) string { return r.ID })})
}
