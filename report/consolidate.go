package report

import (
	"context"
	"fmt"

	"hoanhap/caseload"
	"hoanhap/store"
)

// Ward is one column of a consolidated report: the owner whose records it
// counts (a ward's node id) and the name shown.
type Ward struct {
	Owner string
	Name  string
}

// Consolidated is an office's report for a period: the same figures as a
// ward's report, per ward and for the whole office (the province).
type Consolidated struct {
	Period Period
	Unit   string    // the office
	Wards  []Ward    // in column order
	Each   []*Report // Each[i] counts Wards[i]'s records
	// Other counts the records of owners that are not among Wards (the
	// office's own, a ward no longer listed); nil when there are none.
	Other *Report
	Total *Report // every record of the store
}

// Consolidate counts the report of period p for each ward and for the
// whole store. progress, when not nil, is called after each column with
// the columns done and the columns in all.
func Consolidate(ctx context.Context, st *store.Store, p Period, wards []Ward, progress func(done, all int)) (*Consolidated, error) {
	c := &Consolidated{Period: p, Unit: st.Node().UnitName, Wards: wards}
	owners, err := st.RecordOwners(ctx)
	if err != nil {
		return nil, fmt.Errorf("report: consolidate: %w", err)
	}
	listed := map[string]bool{}
	for _, w := range wards {
		listed[w.Owner] = true
	}
	var others []string
	for _, o := range owners {
		if !listed[o] {
			others = append(others, o)
		}
	}
	all := len(wards) + 1
	if len(others) > 0 {
		all++
	}
	done := 0
	step := func() {
		done++
		if progress != nil {
			progress(done, all)
		}
	}
	of := func(owner string) func(ctx context.Context, from, to caseload.Date) (store.ReportFigures, error) {
		return func(ctx context.Context, from, to caseload.Date) (store.ReportFigures, error) {
			return st.ReportFiguresOf(ctx, from, to, owner)
		}
	}
	yearOf := func(owner string) func(ctx context.Context, from, to caseload.Date) (store.ReportYear, error) {
		return func(ctx context.Context, from, to caseload.Date) (store.ReportYear, error) {
			return st.ReportYearFiguresOf(ctx, from, to, owner)
		}
	}
	for _, w := range wards {
		r, err := compute(ctx, w.Name, p, of(w.Owner), yearOf(w.Owner))
		if err != nil {
			return nil, err
		}
		c.Each = append(c.Each, r)
		step()
	}
	if len(others) > 0 {
		var parts []*Report
		for _, o := range others {
			r, err := compute(ctx, "", p, of(o), yearOf(o))
			if err != nil {
				return nil, err
			}
			parts = append(parts, r)
		}
		c.Other = Sum("", p, parts)
		step()
	}
	if c.Total, err = Compute(ctx, st, p); err != nil {
		return nil, err
	}
	step()
	return c, nil
}

// Sum adds reports of the same period figure by figure; the rates are
// computed again from the summed counts.
func Sum(unit string, p Period, rs []*Report) *Report {
	out := &Report{Unit: unit, Period: p, Indicators: Indicators{Supports: map[string]int{}, Ended: map[string]int{}}}
	years := map[int]*YearRow{}
	var order []int
	for _, r := range rs {
		addIndicators(&out.Indicators, r.Indicators)
		for _, y := range r.Years {
			row, ok := years[y.Year]
			if !ok {
				row = &YearRow{Year: y.Year}
				years[y.Year] = row
				order = append(order, y.Year)
			}
			row.Returned += y.Returned
			row.ManagedDuring += y.ManagedDuring
			row.Recidivism += y.Recidivism
		}
	}
	out.Indicators.RecidivismRate = Rate(out.Indicators.Recidivism, out.Indicators.ManagedDuring)
	for _, y := range order {
		row := years[y]
		row.RecidivismRate = Rate(row.Recidivism, row.ManagedDuring)
		out.Years = append(out.Years, *row)
	}
	for _, k := range caseload.SupportKinds {
		out.Indicators.Supports[string(k)] += 0
	}
	for _, r := range caseload.EndReasons {
		out.Indicators.Ended[string(r)] += 0
	}
	return out
}

func addIndicators(to *Indicators, in Indicators) {
	to.Returned += in.Returned
	to.ReturnedCompleted += in.ReturnedCompleted
	to.ReturnedAmnesty += in.ReturnedAmnesty
	to.ReturnedConditionalRelease += in.ReturnedConditionalRelease
	to.ReturnedMale += in.ReturnedMale
	to.ReturnedFemale += in.ReturnedFemale
	to.ReturnedEmployedBefore += in.ReturnedEmployedBefore
	to.Expunged += in.Expunged
	to.ExpungedCumulative += in.ExpungedCumulative
	to.ManagedEnd += in.ManagedEnd
	to.ManagedEndGroupA += in.ManagedEndGroupA
	to.ManagedEndGroupB += in.ManagedEndGroupB
	to.ManagedEndGroupC += in.ManagedEndGroupC
	to.ManagedEndGroupD += in.ManagedEndGroupD
	to.ManagedEndUnclassified += in.ManagedEndUnclassified
	to.ManagedDuring += in.ManagedDuring
	to.Recidivism += in.Recidivism
	to.Loans += in.Loans
	to.LoansAmount += in.LoansAmount
	to.LoansCumulative += in.LoansCumulative
	to.LoansAmountCumulative += in.LoansAmountCumulative
	for k, v := range in.Supports {
		to.Supports[k] += v
	}
	to.EmployedEnd += in.EmployedEnd
	to.Visits += in.Visits
	to.MentorsActive += in.MentorsActive
	for k, v := range in.Ended {
		to.Ended[k] += v
	}
	to.ModelsActive += in.ModelsActive
	to.ModelsStarted += in.ModelsStarted
	to.ModelMembers += in.ModelMembers
	to.ModelsRecognised += in.ModelsRecognised
	to.Businesses += in.Businesses
	to.BusinessReturneeWorkers += in.BusinessReturneeWorkers
	to.Exemplary += in.Exemplary
}
