package ui

import (
	"context"

	"hoanhap/caseload"
	"hoanhap/store"
)

// supportData is what the support screens need from the store
// (*store.Store satisfies it).
type supportData interface {
	peopleLister
	Person(ctx context.Context, id string) (caseload.Person, error)
	SaveSupport(ctx context.Context, rec *caseload.Support) error
	Supports(ctx context.Context, f store.SupportFilter) ([]store.SupportRow, error)
	PersonSupports(ctx context.Context, personID string) ([]caseload.Support, error)
	SaveLoan(ctx context.Context, rec *caseload.Loan) error
	Loans(ctx context.Context, f store.LoanFilter) ([]store.LoanRow, error)
	Mau01List(ctx context.Context, listDate caseload.Date) ([]caseload.Mau01Row, error)
	MarkMau01Sent(ctx context.Context, listDate caseload.Date, loanIDs []string) error
	Businesses(ctx context.Context) ([]store.BusinessRow, error)
	SaveExemplary(ctx context.Context, rec *caseload.Exemplary) error
	PersonExemplary(ctx context.Context, personID string) ([]caseload.Exemplary, error)
	Exemplaries(ctx context.Context) ([]store.ExemplaryRow, error)
	PersonLinks(ctx context.Context, personID string) ([]caseload.Link, error)
}

// modelData is what the models screens need from the store
// (*store.Store satisfies it).
type modelData interface {
	peopleLister
	Models(ctx context.Context) ([]store.ModelRow, error)
	SaveModel(ctx context.Context, rec *caseload.Model) error
	ModelMembers(ctx context.Context, modelID string) ([]caseload.ModelMember, error)
	SaveModelMember(ctx context.Context, rec *caseload.ModelMember) error
	DeleteModelMember(ctx context.Context, id string) error
	SaveLink(ctx context.Context, rec *caseload.Link) error
	DeleteLink(ctx context.Context, id string) error
	LinkedPeople(ctx context.Context, kind caseload.LinkKind, fromID string) ([]store.LinkedPerson, error)
	ModelBusinesses(ctx context.Context, modelID string) ([]store.LinkedBusiness, error)
	Businesses(ctx context.Context) ([]store.BusinessRow, error)
	SaveBusiness(ctx context.Context, rec *caseload.Business) error
	ModelTypes(ctx context.Context) ([]string, error)
}

var (
	_ supportData = (*store.Store)(nil)
	_ modelData   = (*store.Store)(nil)
)

// storeLoanFilterPerson selects one person's loans.
func storeLoanFilterPerson(id string) store.LoanFilter { return store.LoanFilter{PersonID: id} }
