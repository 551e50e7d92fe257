package main

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

func init() {
	register(command{name: "user", summary: "supervision.cli.summary.user", run: runUser})
}

// userInput is a user and the initial password.
type userInput struct {
	caseload.User
	Password string `json:"password"`
}

// runUser handles "user add" (JSON on stdin with "password", prints the
// id) and "user list [--json]".
func runUser(e *env, args []string) error {
	if len(args) == 0 {
		return usageError{i18n.T("supervision.cli.usage.user")}
	}
	switch args[0] {
	case "add":
		return svSimple("", "supervision.cli.usage.user",
			func(ctx context.Context, st *store.Store, u *userInput) error {
				return st.CreateUser(ctx, &u.User, u.Password)
			},
			func(u *userInput) string { return u.ID })(e, args[1:])
	case "list":
		fs := newCmdFlags("user list", "supervision.cli.usage.user")
		asJSON := fs.Bool("json", false, "JSON output")
		if _, err := fs.parse(args[1:]); err != nil {
			return err
		}
		st, err := e.store()
		if err != nil {
			return err
		}
		list, err := st.Users(context.Background())
		if err != nil {
			return err
		}
		if *asJSON {
			if list == nil {
				list = []caseload.User{}
			}
			svPrintJSON(e, list)
			return nil
		}
		for _, u := range list {
			fmt.Fprintf(e.stdout, "%s\t%s\t%s\n", u.Name, u.DisplayName, i18n.T("supervision.role."+string(u.Role)))
		}
		return nil
	}
	return usageError{i18n.T("supervision.cli.usage.user")}
}
