package main

import (
	"context"

	"hoanhap/caseload"
)

func init() {
	register(command{name: "model", summary: "support.cli.summary.model", run: runModel})
}

// modelLinkInput is what "model link" reads: a model and either a person
// it helps or a partner business.
type modelLinkInput struct {
	ModelID    string        `json:"model_id"`
	PersonID   string        `json:"person_id"`
	BusinessID string        `json:"business_id"`
	Since      caseload.Date `json:"since"`
	Notes      string        `json:"notes"`
}

// runModel dispatches model add | member add | link.
func runModel(e *env, args []string) error {
	const usage = "support.cli.usage.model"
	return supDispatch(args, usage, map[string]func([]string) error{
		"add": func(a []string) error {
			var rec caseload.Model
			return supAdd(e, a, "model add", usage, &rec, func(ctx context.Context) (string, error) {
				if rec.Status == "" {
					rec.Status = caseload.ModelActive
				}
				st, err := e.store()
				if err != nil {
					return "", err
				}
				err = st.SaveModel(ctx, &rec)
				return rec.ID, err
			})
		},
		"member": func(a []string) error {
			if len(a) == 0 || a[0] != "add" {
				return supDispatch(a, usage, nil)
			}
			var rec caseload.ModelMember
			return supAdd(e, a[1:], "model member add", usage, &rec, func(ctx context.Context) (string, error) {
				if rec.Role == "" {
					rec.Role = caseload.RoleMember
				}
				st, err := e.store()
				if err != nil {
					return "", err
				}
				err = st.SaveModelMember(ctx, &rec)
				return rec.ID, err
			})
		},
		"link": func(a []string) error {
			var in modelLinkInput
			return supAdd(e, a, "model link", usage, &in, func(ctx context.Context) (string, error) {
				l := caseload.Link{Kind: caseload.LinkModelPerson, FromID: in.ModelID, ToID: in.PersonID, Since: in.Since, Notes: in.Notes}
				if in.BusinessID != "" {
					if in.PersonID != "" {
						return "", textError(supT("support.cli.link_one"))
					}
					l.Kind, l.ToID = caseload.LinkModelBusiness, in.BusinessID
				}
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
