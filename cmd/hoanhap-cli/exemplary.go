package main

import (
	"context"

	"hoanhap/caseload"
)

func init() {
	register(command{name: "exemplary", summary: "support.cli.summary.exemplary", run: runExemplary})
}

// runExemplary dispatches exemplary add.
func runExemplary(e *env, args []string) error {
	const usage = "support.cli.usage.exemplary"
	return supDispatch(args, usage, map[string]func([]string) error{
		"add": func(a []string) error {
			var rec caseload.Exemplary
			return supAdd(e, a, "exemplary add", usage, &rec, func(ctx context.Context) (string, error) {
				st, err := e.store()
				if err != nil {
					return "", err
				}
				err = st.SaveExemplary(ctx, &rec)
				return rec.ID, err
			})
		},
	})
}
