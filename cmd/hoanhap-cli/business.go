package main

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

func init() {
	register(command{name: "business", summary: "support.cli.summary.business", run: runBusiness})
}

// businessLinkInput is what "business link" reads: a business and a person
// it employs or helps.
type businessLinkInput struct {
	BusinessID string        `json:"business_id"`
	PersonID   string        `json:"person_id"`
	Since      caseload.Date `json:"since"`
	Notes      string        `json:"notes"`
}

// runBusiness dispatches business add | link.
func runBusiness(e *env, args []string) error {
	const usage = "support.cli.usage.business"
	return supDispatch(args, usage, map[string]func([]string) error{
		"add": func(a []string) error {
			var rec caseload.Business
			return supAdd(e, a, "business add", usage, &rec, func(ctx context.Context) (string, error) {
				st, err := e.store()
				if err != nil {
					return "", err
				}
				err = st.SaveBusiness(ctx, &rec)
				return rec.ID, err
			})
		},
		"link": func(a []string) error {
			var in businessLinkInput
			return supAdd(e, a, "business link", usage, &in, func(ctx context.Context) (string, error) {
				l := caseload.Link{Kind: caseload.LinkBusinessPerson, FromID: in.BusinessID, ToID: in.PersonID, Since: in.Since, Notes: in.Notes}
				st, err := e.store()
				if err != nil {
					return "", err
				}
				err = st.SaveLink(ctx, &l)
				return l.ID, err
			})
		},
	})
}

// supT is i18n.T, short for the support commands.
func supT(key string, kv ...any) string { return i18n.T(key, kv...) }
