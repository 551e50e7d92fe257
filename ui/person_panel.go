package ui

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"weak"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// personPanel is the read-only side panel of a profile: what the law says
// about the person as typed so far (expungement date and why, loan window,
// status, warnings). It is recomputed from the form on every change; the
// computations are pure (package caseload).
type personPanel struct {
	status     *widget.Label
	job        *widget.Label
	jobBox     *fyne.Container
	expunge    *widget.Label
	expungeWhy *widget.Label
	loan       *widget.Label
	warnings   *widget.Label
	warningBox *fyne.Container
	root       fyne.CanvasObject

	jobs   panelJobSource // nil: no job line
	jobFor string         // the person whose job is shown
	today  caseload.Date  // as of the last update
}

// panelJobSource gives the panel a person's support records, from which
// it shows the current job (the same source and rule as the "Hỗ trợ"
// tab: caseload.CurrentEmployment). *store.Store satisfies it.
type panelJobSource interface {
	PersonSupports(ctx context.Context, personID string) ([]caseload.Support, error)
}

// newPersonPanel builds an empty panel. When src can also give support
// records (panelJobSource), the panel shows the current job of a saved
// person.
func newPersonPanel(src personSource) *personPanel {
	wrap := func(l *widget.Label) *widget.Label { l.Wrapping = fyne.TextWrapWord; return l }
	p := &personPanel{
		status:     wrap(widget.NewLabel("")),
		job:        wrap(widget.NewLabel("")),
		expunge:    wrap(widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})),
		expungeWhy: wrap(widget.NewLabel("")),
		loan:       wrap(widget.NewLabel("")),
		warnings:   wrap(widget.NewLabel("")),
	}
	p.jobs, _ = src.(panelJobSource)
	p.warnings.Importance = widget.WarningImportance
	heading := func(key string) *widget.Label {
		l := widget.NewLabelWithStyle(i18n.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Importance = widget.HighImportance
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	p.warningBox = container.NewVBox(widget.NewSeparator(), heading("ui.panel.warnings"), p.warnings)
	p.jobBox = container.NewVBox(widget.NewSeparator(), heading("support.ui.employment_now"), p.job)
	p.jobBox.Hide()
	p.root = container.NewVScroll(container.NewVBox(
		heading("ui.panel.status"), p.status,
		p.jobBox,
		widget.NewSeparator(), heading("ui.panel.expungement"), p.expunge, p.expungeWhy,
		widget.NewSeparator(), heading("ui.panel.loan"), p.loan,
		p.warningBox,
	))
	return p
}

// update recomputes the panel for p as of today.
func (p *personPanel) update(person caseload.Person, today caseload.Date) {
	st := enumLabel("person.status", string(person.Status))
	if person.Group != "" {
		st += " — " + i18n.T("ui.panel.group", "Group", string(person.Group))
	}
	if person.Status == caseload.StatusEnded && person.EndReason != "" {
		st += " (" + enumLabel("person.end_reason", string(person.EndReason)) + ")"
	}
	p.status.SetText(st)

	p.today = today
	if person.ID != p.jobFor {
		p.jobFor = person.ID
		if p.jobs != nil && person.ID != "" {
			watchPanelJobs(person.ID, p)
		}
		p.reloadJob()
	}

	headline, why := expungementText(person)
	p.expunge.SetText(headline)
	p.expungeWhy.SetText(why)

	p.loan.SetText(loanText(caseload.LoanWindowEnd(person), today))

	var warns []string
	for _, w := range caseload.PersonWarnings(person) {
		warns = append(warns, "• "+i18n.Error(w))
	}
	if len(warns) == 0 {
		p.warningBox.Hide()
		p.warnings.SetText("")
	} else {
		p.warnings.SetText(strings.Join(warns, "\n"))
		p.warningBox.Show()
	}
}

// reloadJob reads the person's support records again and shows the
// current job; the line is hidden for a person not saved yet.
func (p *personPanel) reloadJob() {
	if p.jobs == nil || p.jobFor == "" {
		p.jobBox.Hide()
		return
	}
	day := p.today
	if day.IsZero() {
		day = caseload.Today()
	}
	if list, err := p.jobs.PersonSupports(opCtx(), p.jobFor); err != nil {
		p.job.SetText(i18n.Error(err))
	} else {
		p.job.SetText(supEmploymentText(list, day))
	}
	p.jobBox.Show()
}

// panelJobs are the panels showing a person's current job, by person id,
// held weakly (a closed profile's panel goes away with it), so that a job
// saved in the "Hỗ trợ" tab or the support area shows at once.
var panelJobs = struct {
	sync.Mutex
	m map[string][]weak.Pointer[personPanel]
}{m: map[string][]weak.Pointer[personPanel]{}}

// watchPanelJobs registers p as showing the job of personID.
func watchPanelJobs(personID string, p *personPanel) {
	panelJobs.Lock()
	defer panelJobs.Unlock()
	panelJobs.m[personID] = append(livePanels(panelJobs.m[personID]), weak.Make(p))
}

// livePanels drops the pointers whose panel is gone.
func livePanels(ps []weak.Pointer[personPanel]) []weak.Pointer[personPanel] {
	out := ps[:0]
	for _, w := range ps {
		if w.Value() != nil {
			out = append(out, w)
		}
	}
	return out
}

// panelJobsChanged refreshes the job line of the panels showing personID
// (call it on the UI goroutine after saving a support record).
func panelJobsChanged(personID string) {
	panelJobs.Lock()
	live := livePanels(panelJobs.m[personID])
	if len(live) == 0 {
		delete(panelJobs.m, personID)
	} else {
		panelJobs.m[personID] = live
	}
	var ps []*personPanel
	for _, w := range live {
		if p := w.Value(); p != nil {
			ps = append(ps, p)
		}
	}
	panelJobs.Unlock()
	for _, p := range ps {
		if p.jobFor == personID {
			p.reloadJob()
		}
	}
}

// expungementText explains the computed expungement: a headline (the date
// or "no record") and the reasoning, translated.
func expungementText(person caseload.Person) (headline, why string) {
	if !person.ExpungedOn.IsZero() {
		return i18n.T("ui.panel.expunged_on", "Date", showDate(person.ExpungedOn)), ""
	}
	e := caseload.ComputeExpungement(person)
	var lines []string
	switch {
	case e.NoRecord:
		headline = i18n.T("ui.panel.no_record")
	case !e.EligibleOn.IsZero() && e.Pending:
		headline = i18n.T("ui.panel.eligible_pending", "Date", showDate(e.EligibleOn))
	case !e.EligibleOn.IsZero():
		headline = i18n.T("ui.panel.eligible_on", "Date", showDate(e.EligibleOn))
	default:
		headline = i18n.T("ui.panel.eligible_unknown")
	}
	if m := fmt.Sprint(e.Method); m != "" {
		lines = append(lines, i18n.T("ui.panel.method", "Method", enumLabel("person.expunge_method", m)))
	}
	if len(e.Reasons) > 0 {
		for _, r := range e.Reasons {
			lines = append(lines, "• "+i18n.Error(r))
		}
	} else {
		if line := ruleText(e.Rule, e.Article); line != "" {
			lines = append(lines, line)
		}
		if !e.Start.IsZero() {
			lines = append(lines, i18n.T("ui.panel.start", "Date", showDate(e.Start)))
		}
		if e.Period > 0 {
			lines = append(lines, i18n.T("ui.panel.period", "Period", periodText(e.Period)))
		}
	}
	for _, b := range e.Blockers {
		lines = append(lines, "⚠ "+i18n.Error(b))
	}
	return headline, strings.Join(lines, "\n")
}

// ruleText cites the rule applied: its translation when one exists
// ("expunge.rule.<id>"), and the article.
func ruleText(rule, article string) string {
	for _, k := range []string{"legal.expunge.rule." + rule, "expunge.rule." + rule, rule} {
		if rule != "" && i18n.Has(k) {
			return i18n.T("ui.panel.rule", "Rule", i18n.T(k), "Article", article)
		}
	}
	if article == "" {
		return ""
	}
	return i18n.T("ui.panel.article", "Article", article)
}

// periodText shows a number of months as "2 năm" or "6 tháng".
func periodText(months int) string {
	if months%12 == 0 {
		return i18n.T("ui.panel.years", "Count", months/12)
	}
	return i18n.T("ui.panel.months", "Count", months)
}

// loanText explains the QĐ 22/2023 loan window.
func loanText(end, today caseload.Date) string {
	switch {
	case end.IsZero():
		return i18n.T("ui.panel.loan_unknown")
	case end.Before(today):
		return i18n.T("ui.panel.loan_closed", "Date", showDate(end))
	}
	return i18n.T("ui.panel.loan_open", "Date", showDate(end))
}
