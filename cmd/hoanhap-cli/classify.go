package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/store"
)

func init() {
	register(command{name: "classify", summary: "supervision.cli.summary.classify",
		run: svSimple("", "supervision.cli.usage.classify",
			func(ctx context.Context, st *store.Store, c *caseload.Classification) error {
				return st.Classify(ctx, c)
			},
			func(c *caseload.Classification) string { return c.ID })})
}
