package report

import (
	"context"
	"fmt"
	"time"

	"hoanhap/caseload"
	"hoanhap/store"
)

// Bar is one bar of a dashboard chart.
type Bar struct {
	Label string
	Value float64
}

// Dashboard is what the overview shows beside the worklist.
type Dashboard struct {
	Groups        []Bar // people under management now, by group (A–D, then unclassified)
	Returns       []Bar // people returned per calendar month, the last 12 months
	Recidivism    []Bar // recidivism rate per calendar year, the last 5 years
	VisitsOverdue int   // people whose visit is overdue (worklist)
	ModelsActive  int
}

// ComputeDashboard counts the dashboard for day today.
func ComputeDashboard(ctx context.Context, st *store.Store, today caseload.Date) (*Dashboard, error) {
	d := &Dashboard{}
	counts := map[caseload.Group]int{}
	for _, p := range st.People(store.PersonFilter{Statuses: []caseload.Status{caseload.StatusManaged}}) {
		counts[p.Group]++
	}
	for _, g := range caseload.Groups {
		d.Groups = append(d.Groups, Bar{Label: string(g), Value: float64(counts[g])})
	}
	d.Groups = append(d.Groups, Bar{Label: "?", Value: float64(counts[""])})

	first := caseload.D(today.Year(), today.Month(), 1).AddMonths(-11)
	byMonth, err := st.ReturnsByMonth(ctx, first, today)
	if err != nil {
		return nil, fmt.Errorf("report: dashboard: %w", err)
	}
	for i := 0; i < 12; i++ {
		m := first.AddMonths(i)
		label := fmt.Sprint(int(m.Month())) // the chart is narrow: the month, and the year at January
		if m.Month() == time.January {
			label = fmt.Sprintf("1/%02d", m.Year()%100)
		}
		d.Returns = append(d.Returns, Bar{Label: label,
			Value: float64(byMonth[fmt.Sprintf("%04d-%02d", m.Year(), int(m.Month()))])})
	}
	for y := today.Year() - 4; y <= today.Year(); y++ {
		to := caseload.D(y, time.December, 31)
		if today.Before(to) {
			to = today
		}
		f, err := st.ReportYearFigures(ctx, caseload.D(y, time.January, 1), to)
		if err != nil {
			return nil, fmt.Errorf("report: dashboard: %w", err)
		}
		d.Recidivism = append(d.Recidivism, Bar{Label: fmt.Sprint(y), Value: Rate(f.Recidivism, f.ManagedDuring)})
	}
	items, err := st.Worklist(ctx, today)
	if err != nil {
		return nil, fmt.Errorf("report: dashboard: %w", err)
	}
	for _, it := range items {
		if it.Kind == caseload.WorkVisitOverdue {
			d.VisitsOverdue++
		}
	}
	if d.ModelsActive, err = st.ActiveModels(ctx); err != nil {
		return nil, fmt.Errorf("report: dashboard: %w", err)
	}
	return d, nil
}
