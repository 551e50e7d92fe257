// Package report computes the periodic statistics of a ward (HCD-12 monthly,
// HCD-13 quarterly, 6-month and annual; TT 10/2024 Art. 5) for any data
// period, writes them and every list of the app to Excel in the layout
// officials print and sign, keeps the figures of a report that was sent
// (chốt số liệu) and reads existing Excel lists in.
//
// The counts are SQL aggregates in the store (store.ReportFigures); this
// package names them with the fixed JSON keys other tools read, defines
// each one (Definitions, printed in the Excel notes) and shapes the output.
package report

import (
	"context"
	"fmt"
	"time"

	"hoanhap/caseload"
	"hoanhap/store"
)

// Report is the output of a periodic report. Its JSON form is fixed:
//
//	{"unit", "period": {"kind", "from", "to"}, "indicators": {...},
//	 "years": [{"year", "returned", "managed_during", "recidivism", "recidivism_rate"}, ...]}
type Report struct {
	Unit       string     `json:"unit"`
	Period     Period     `json:"period"`
	Indicators Indicators `json:"indicators"`
	Years      []YearRow  `json:"years"`
}

// Indicators are the figures of a period. Counts are of people unless the
// definition says otherwise; see Definitions for the exact rule of each.
type Indicators struct {
	Returned                   int            `json:"returned"`
	ReturnedCompleted          int            `json:"returned_completed"`
	ReturnedAmnesty            int            `json:"returned_amnesty"`
	ReturnedConditionalRelease int            `json:"returned_conditional_release"`
	ReturnedMale               int            `json:"returned_male"`
	ReturnedFemale             int            `json:"returned_female"`
	ReturnedEmployedBefore     int            `json:"returned_employed_before"`
	Expunged                   int            `json:"expunged"`
	ExpungedCumulative         int            `json:"expunged_cumulative"`
	ManagedEnd                 int            `json:"managed_end"`
	ManagedEndGroupA           int            `json:"managed_end_group_a"`
	ManagedEndGroupB           int            `json:"managed_end_group_b"`
	ManagedEndGroupC           int            `json:"managed_end_group_c"`
	ManagedEndGroupD           int            `json:"managed_end_group_d"`
	ManagedEndUnclassified     int            `json:"managed_end_unclassified"`
	ManagedDuring              int            `json:"managed_during"`
	Recidivism                 int            `json:"recidivism"`
	RecidivismRate             float64        `json:"recidivism_rate"`
	Loans                      int            `json:"loans"`
	LoansAmount                int64          `json:"loans_amount"`
	LoansCumulative            int            `json:"loans_cumulative"`
	LoansAmountCumulative      int64          `json:"loans_amount_cumulative"`
	Supports                   map[string]int `json:"supports"`
	EmployedEnd                int            `json:"employed_end"`
	Visits                     int            `json:"visits"`
	MentorsActive              int            `json:"mentors_active"`
	Ended                      map[string]int `json:"ended"`
	ModelsActive               int            `json:"models_active"`
	ModelsStarted              int            `json:"models_started"`
	ModelMembers               int            `json:"model_members"`
	ModelsRecognised           int            `json:"models_recognised"`
	Businesses                 int            `json:"businesses"`
	BusinessReturneeWorkers    int            `json:"business_returnee_workers"`
	Exemplary                  int            `json:"exemplary"`
}

// YearRow is one calendar year of the range: the part of the period that
// falls in that year.
type YearRow struct {
	Year           int     `json:"year"`
	Returned       int     `json:"returned"`
	ManagedDuring  int     `json:"managed_during"`
	Recidivism     int     `json:"recidivism"`
	RecidivismRate float64 `json:"recidivism_rate"`
}

// Rate is n/of as a fraction, 0 when of is 0.
func Rate(n, of int) float64 {
	if of == 0 {
		return 0
	}
	return float64(n) / float64(of)
}

// Compute counts the report of period p from the store.
func Compute(ctx context.Context, st *store.Store, p Period) (*Report, error) {
	return compute(ctx, st.Node().UnitName, p, st.ReportFigures, st.ReportYearFigures)
}

// compute counts a report through the given figure queries (the whole
// store's, or one owner's: consolidate.go).
func compute(ctx context.Context, unit string, p Period,
	figures func(ctx context.Context, from, to caseload.Date) (store.ReportFigures, error),
	yearFigures func(ctx context.Context, from, to caseload.Date) (store.ReportYear, error)) (*Report, error) {
	f, err := figures(ctx, p.From, p.To)
	if err != nil {
		return nil, fmt.Errorf("report: %w", err)
	}
	r := &Report{Unit: unit, Period: p, Indicators: fromFigures(f)}
	for y := p.From.Year(); y <= p.To.Year(); y++ {
		from := caseload.MaxDate(p.From, caseload.D(y, time.January, 1))
		to := caseload.D(y, time.December, 31)
		if p.To.Before(to) {
			to = p.To
		}
		yf, err := yearFigures(ctx, from, to)
		if err != nil {
			return nil, fmt.Errorf("report: %w", err)
		}
		r.Years = append(r.Years, YearRow{Year: y, Returned: yf.Returned, ManagedDuring: yf.ManagedDuring,
			Recidivism: yf.Recidivism, RecidivismRate: Rate(yf.Recidivism, yf.ManagedDuring)})
	}
	return r, nil
}

// fromFigures names the store's counts; supports and ends list every kind
// and reason, zero included, so that the keys never vary.
func fromFigures(f store.ReportFigures) Indicators {
	in := Indicators{
		Returned: f.Returned, ReturnedCompleted: f.ReturnedCompleted, ReturnedAmnesty: f.ReturnedAmnesty,
		ReturnedConditionalRelease: f.ReturnedConditional, ReturnedMale: f.ReturnedMale,
		ReturnedFemale: f.ReturnedFemale, ReturnedEmployedBefore: f.ReturnedEmployedBefore,
		Expunged: f.Expunged, ExpungedCumulative: f.ExpungedCumulative,
		ManagedEnd:       f.ManagedEnd,
		ManagedEndGroupA: f.ManagedEndGroup["A"], ManagedEndGroupB: f.ManagedEndGroup["B"],
		ManagedEndGroupC: f.ManagedEndGroup["C"], ManagedEndGroupD: f.ManagedEndGroup["D"],
		ManagedEndUnclassified: f.ManagedEndGroup[""],
		ManagedDuring:          f.ManagedDuring, Recidivism: f.Recidivism,
		RecidivismRate: Rate(f.Recidivism, f.ManagedDuring),
		Loans:          f.Loans, LoansAmount: f.LoansAmount, LoansCumulative: f.LoansCumulative,
		LoansAmountCumulative: f.LoansAmountCumulative,
		Supports:              map[string]int{}, EmployedEnd: f.EmployedEnd, Visits: f.Visits,
		MentorsActive: f.Mentors, Ended: map[string]int{},
		ModelsActive: f.ModelsActive, ModelsStarted: f.ModelsStarted, ModelMembers: f.ModelMembers,
		ModelsRecognised: f.ModelsRecognised, Businesses: f.Businesses,
		BusinessReturneeWorkers: f.BusinessReturneeWorkers, Exemplary: f.Exemplary,
	}
	for _, k := range caseload.SupportKinds {
		in.Supports[string(k)] = f.Supports[string(k)]
	}
	for _, r := range caseload.EndReasons {
		in.Ended[string(r)] = f.Ended[string(r)]
	}
	return in
}
