package report

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// List names: every list the app shows can be exported.
var ListNames = []string{"caseload", "worklist", "visits", "mentors", "hcd09", "mau01", "loans", "supports", "models", "exemplary"}

// Filter narrows a list as the screen that shows it does. Fields a list
// does not use are ignored.
type Filter struct {
	Person   store.PersonFilter   // caseload
	Today    caseload.Date        // worklist (default today)
	MentorID string               // worklist of one mentor
	From, To caseload.Date        // visits, supports
	PersonID string               // visits of one person
	Quarter  string               // hcd09: "2026-Q3" (default the current quarter)
	ListDate caseload.Date        // mau01: the 5th of a month (default the next list)
	Loans    store.LoanFilter     // loans
	Support  caseload.SupportKind // supports
	Subtitle string               // the filter in words, printed under the title
}

// ErrUnknownList is returned for a list name not in ListNames.
type ErrUnknownList struct{ Name string }

func (e ErrUnknownList) Error() string { return "report: unknown list " + e.Name }

// MessageKey is the translation key of the message.
func (e ErrUnknownList) MessageKey() string { return "report.error.list" }

// MessageArgs are the template arguments of the message.
func (e ErrUnknownList) MessageArgs() map[string]any {
	return map[string]any{"Name": e.Name, "Names": strings.Join(ListNames, ", ")}
}

// list is how one list is exported: its columns and its rows.
type list struct {
	cols      []Column
	landscape bool
	rows      func(ctx context.Context, st *store.Store, f *Filter) RowFunc
}

func col(key string, width float64, k ColKind) Column {
	return Column{Title: i18n.T("report.col." + key), Width: width, Kind: k}
}

// ExportList writes the named list, filtered by f, as an official Excel
// document.
func ExportList(ctx context.Context, w io.Writer, st *store.Store, name string, f Filter, doc Doc) error {
	l, ok := lists[name]
	if !ok {
		return ErrUnknownList{name}
	}
	if doc.Unit == "" {
		doc.Unit = st.Node().UnitName
	}
	if doc.Title == "" {
		doc.Title = i18n.T("report.list." + name)
	}
	if doc.Subtitle == "" {
		doc.Subtitle = f.Subtitle
	}
	if doc.Sheet == "" {
		doc.Sheet = i18n.T("report.xlsx.sheet_list")
	}
	doc.Landscape = doc.Landscape || l.landscape
	if f.Today.IsZero() {
		f.Today = caseload.Today()
	}
	return WriteList(w, doc, l.cols, l.rows(ctx, st, &f))
}

// enumCache holds the translations of enumerated values by language and
// key: a list of 100,000 rows translates the same few values again and
// again, and a lookup in the message bundle costs microseconds.
var enumCache sync.Map

// enum is the translation of an enumerated value, "" for none.
func enum(prefix, v string) string {
	if v == "" {
		return ""
	}
	key := i18n.Language() + "\x00" + prefix + v
	if t, ok := enumCache.Load(key); ok {
		return t.(string)
	}
	t := i18n.T(prefix + v)
	enumCache.Store(key, t)
	return t
}

var lists = map[string]list{
	"caseload": {landscape: true, cols: []Column{
		col("full_name", 26, ColText), col("birth_year", 8, ColCenter), col("gender", 7, ColCenter),
		col("citizen_id", 15, ColCenter), col("hamlet", 14, ColText), col("offense", 22, ColText),
		col("completed_on", 12, ColDate), col("returned_on", 12, ColDate), col("group", 7, ColCenter),
		col("status", 13, ColText)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				for _, p := range st.People(f.Person) {
					var by any
					if p.BirthYear != 0 {
						by = p.BirthYear
					}
					if err := yield([]any{p.FullName, by, enum("person.gender.", string(p.Gender)), p.CitizenID, p.Hamlet,
						p.Offense, p.CompletedOn, p.ReturnedOn, string(p.Group), enum("person.status.", string(p.Status))}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
	"worklist": {cols: []Column{col("due", 12, ColDate), col("overdue", 9, ColCenter), col("full_name", 24, ColText),
		col("task", 60, ColText)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				var items []caseload.WorkItem
				var err error
				if f.MentorID != "" {
					items, err = st.WorklistFor(ctx, f.Today, f.MentorID)
				} else {
					items, err = st.Worklist(ctx, f.Today)
				}
				if err != nil {
					return err
				}
				for _, it := range items {
					over := ""
					if it.Overdue {
						over = i18n.T("report.yes")
					}
					name, _ := it.Args.Get("Name").(string)
					if err := yield([]any{it.Due, over, name, i18n.TMap(it.Rule, it.Args.Map())}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
	"visits": {landscape: true, cols: []Column{col("date", 12, ColDate), col("full_name", 22, ColText),
		col("hamlet", 12, ColText), col("visit_kind", 14, ColText), col("author", 18, ColText),
		col("employment", 18, ColText), col("attitude", 18, ColText), col("risks", 18, ColText),
		col("help_given", 18, ColText), col("next_planned", 12, ColDate), col("corrected", 9, ColCenter)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				yes := i18n.T("report.yes")
				return st.EachVisit(ctx, f.From, f.To, f.PersonID, func(v store.VisitExportRow) error {
					corr := ""
					if v.Corrected {
						corr = yes
					}
					return yield([]any{v.Date, v.PersonName, v.Hamlet, enum("supervision.visit_kind.", string(v.Kind)),
						v.AuthorName, v.Employment, v.Attitude, v.Risks, v.HelpGiven, v.NextPlanned, corr})
				})
			}
		}},
	"mentors": {cols: []Column{col("mentor_name", 24, ColText), col("organisation", 20, ColText), col("position", 16, ColText),
		col("phone", 14, ColCenter), col("address", 22, ColText), col("people", 10, ColNumber), col("active", 10, ColCenter)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				ms, err := st.Mentors(ctx, false)
				if err != nil {
					return err
				}
				loads, err := st.MentorLoads(ctx)
				if err != nil {
					return err
				}
				for _, m := range ms {
					active := i18n.T("report.no")
					if m.Active {
						active = i18n.T("report.yes")
					}
					if err := yield([]any{m.Name, enum("supervision.org.", string(m.Organisation)), m.Position, m.Phone,
						m.Address, loads[m.ID], active}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
	"hcd09": {cols: []Column{col("full_name", 24, ColText), col("birth_year", 8, ColCenter), col("hamlet", 14, ColText),
		col("group", 7, ColCenter), col("reason", 36, ColText), col("classified_on", 12, ColDate), col("classified_by", 16, ColText)},
		rows: hcd09Rows},
	"mau01": {landscape: true, cols: []Column{col("full_name", 24, ColText), col("birth_year", 8, ColCenter),
		col("citizen_id", 15, ColCenter), col("hamlet", 14, ColText), col("completed_on", 12, ColDate),
		col("window_end", 12, ColDate), col("purpose", 14, ColText), col("amount", 16, ColMoney),
		col("term_months", 9, ColNumber), col("eligible", 10, ColCenter)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				d := f.ListDate
				if d.IsZero() {
					d = nextMau01(f.Today)
				}
				rows, err := st.Mau01List(ctx, d)
				if err != nil {
					return err
				}
				for _, r := range rows {
					el := i18n.T("report.no")
					if r.Eligible {
						el = i18n.T("report.yes")
					}
					var by any
					if r.Person.BirthDate.Year != 0 {
						by = r.Person.BirthDate.Year
					}
					if err := yield([]any{r.Person.FullName, by, r.Person.CitizenID, r.Person.Hamlet, r.Person.CompletedOn,
						r.WindowEnd, enum("support.loan.purpose.", string(r.Loan.Purpose)), r.Loan.Amount,
						r.Loan.TermMonths, el}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
	"loans": {landscape: true, cols: []Column{col("borrower", 24, ColText), col("hamlet", 12, ColText), col("purpose", 14, ColText),
		col("amount", 16, ColMoney), col("bank_branch", 16, ColText), col("requested_on", 12, ColDate),
		col("disbursed_on", 12, ColDate), col("term_months", 9, ColNumber), col("loan_status", 12, ColText)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				rows, err := st.Loans(ctx, f.Loans)
				if err != nil {
					return err
				}
				for _, l := range rows {
					if err := yield([]any{l.BorrowerName, l.Hamlet, enum("support.loan.purpose.", string(l.Purpose)), l.Amount,
						l.BankBranch, l.RequestedOn, l.DisbursedOn, l.TermMonths, enum("support.loan.status.", string(l.Status))}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
	"supports": {landscape: true, cols: []Column{col("date", 12, ColDate), col("full_name", 24, ColText),
		col("support_kind", 20, ColText), col("provider", 20, ColText), col("outcome", 26, ColText),
		col("amount", 14, ColMoney), col("ended_on", 12, ColDate)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				rows, err := st.Supports(ctx, store.SupportFilter{Kind: f.Support, From: f.From, To: f.To})
				if err != nil {
					return err
				}
				for _, s := range rows {
					var amount any
					if s.Amount != 0 {
						amount = s.Amount
					}
					if err := yield([]any{s.Date, s.PersonName, enum("support.kind.", string(s.Kind)), s.Provider,
						s.Outcome, amount, s.EndedOn}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
	"models": {landscape: true, cols: []Column{col("model_name", 24, ColText), col("model_type", 14, ColText),
		col("lead_org", 16, ColText), col("started_on", 12, ColDate), col("model_status", 12, ColText),
		col("members", 30, ColText), col("businesses", 22, ColText), col("people", 10, ColNumber),
		col("recognized_on", 12, ColDate)},
		rows: modelRows},
	"exemplary": {cols: []Column{col("full_name", 24, ColText), col("recognition", 26, ColText),
		col("recognized_by", 18, ColText), col("recognized_on", 12, ColDate), col("story", 40, ColText)},
		rows: func(ctx context.Context, st *store.Store, f *Filter) RowFunc {
			return func(yield func([]any) error) error {
				rows, err := st.Exemplaries(ctx)
				if err != nil {
					return err
				}
				for _, e := range rows {
					if err := yield([]any{e.PersonName, e.Recognition, e.RecognizedBy, e.RecognizedOn, e.Story}); err != nil {
						return err
					}
				}
				return nil
			}
		}},
}

// nextMau01 is the date of the next Mẫu 01 list (the 5th of a month) on or
// after today.
func nextMau01(today caseload.Date) caseload.Date {
	d := caseload.Mau01Date(today.Year(), int(today.Month()))
	if d.Before(today) {
		n := today.AddMonths(1)
		d = caseload.Mau01Date(n.Year(), int(n.Month()))
	}
	return d
}

// hcd09Rows lists the quarter's classifications by group, then the people
// still due one (caseload.Quarterly, the rule the HCD-09 screen uses).
func hcd09Rows(ctx context.Context, st *store.Store, f *Filter) RowFunc {
	return func(yield func([]any) error) error {
		quarter := f.Quarter
		if quarter == "" {
			y, q := caseload.QuarterOf(f.Today)
			quarter = caseload.QuarterLabel(y, q)
		}
		year, q, err := caseload.ParseQuarter(quarter)
		if err != nil {
			return err
		}
		list, err := st.QuarterList(ctx, quarter)
		if err != nil {
			return err
		}
		people := st.People(store.PersonFilter{Statuses: caseload.Statuses, Only: f.Person.Only})
		byID := make(map[string]store.PersonRow, len(people))
		members := make([]caseload.QuarterMember, len(people))
		for i, p := range people {
			byID[p.ID] = p
			members[i] = caseload.QuarterMember{ID: p.ID, Status: p.Status, ReturnedOn: p.ReturnedOn, Group: p.Group}
		}
		ql := caseload.Quarterly(year, q, members, list)
		birth := func(p store.PersonRow) any {
			if p.BirthYear == 0 {
				return nil
			}
			return p.BirthYear
		}
		for _, c := range ql.Classified {
			p := byID[c.PersonID]
			if err := yield([]any{p.FullName, birth(p), p.Hamlet, string(c.Group), c.Reason, c.On, c.By}); err != nil {
				return err
			}
		}
		for _, m := range ql.Due {
			p := byID[m.ID]
			if err := yield([]any{p.FullName, birth(p), p.Hamlet, "", i18n.T("report.hcd09.due"), nil, nil}); err != nil {
				return err
			}
		}
		return nil
	}
}

// modelRows lists the models with their members and partner businesses.
func modelRows(ctx context.Context, st *store.Store, f *Filter) RowFunc {
	return func(yield func([]any) error) error {
		models, err := st.Models(ctx)
		if err != nil {
			return err
		}
		for _, m := range models {
			members, err := st.ModelMembers(ctx, m.ID)
			if err != nil {
				return err
			}
			var ms []string
			for _, mm := range members {
				ms = append(ms, fmt.Sprintf("%s (%s)", mm.Name, enum("model.role.", string(mm.Role))))
			}
			biz, err := st.ModelBusinesses(ctx, m.ID)
			if err != nil {
				return err
			}
			var bs []string
			for _, b := range biz {
				bs = append(bs, b.Business.Name)
			}
			if err := yield([]any{m.Name, m.Type, m.LeadOrg, m.StartedOn, enum("model.status.", string(m.Status)),
				strings.Join(ms, "; "), strings.Join(bs, "; "), m.People, m.RecognizedOn}); err != nil {
				return err
			}
		}
		return nil
	}
}
