package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// visitFilter is the visit log's search: a person (name without
// diacritics, CCCD or phone), a mentor and a date range; the log shows a
// page at a time and "Xem thêm" reads the next, down to the first visit.
type visitFilter struct {
	Person   *searchBox
	Mentor   *widget.Select
	From, To *DateEntry
	More     *widget.Button
	mentors  []caseload.Mentor // parallel to Mentor.Options after "all"
	bar      fyne.CanvasObject
}

// buildFilter makes the filter bar; every change reloads the log.
func (a *visitsArea) buildFilter() {
	f := &a.f
	f.Person = newSearchBox(i18n.T("visitlog.person"), func(string) { a.load() })
	if list, err := a.src.Mentors(opCtx(), false); err == nil {
		f.mentors = list
	}
	options := []string{i18n.T("visitlog.mentor_all")}
	for _, m := range f.mentors {
		options = append(options, m.Name)
	}
	f.Mentor = widget.NewSelect(options, nil)
	f.Mentor.SetSelectedIndex(0)
	f.Mentor.OnChanged = func(string) { a.load() }
	if a.u.sess.isMentor() {
		f.Mentor.Hide() // a mentor's log is their own already
	}
	f.From, f.To = NewDateEntry(), NewDateEntry()
	f.From.Entry.PlaceHolder, f.To.Entry.PlaceHolder = i18n.T("visitlog.from"), i18n.T("visitlog.to")
	f.From.Entry.OnSubmitted = func(string) { a.load() }
	f.To.Entry.OnSubmitted = func(string) { a.load() }
	f.From.OnChanged = func() { a.reloadOnDate(f.From) }
	f.To.OnChanged = func() { a.reloadOnDate(f.To) }
	f.More = widget.NewButtonWithIcon(i18n.T("visitlog.more"), theme.MoreVerticalIcon(), func() { a.loadPage(true) })
	f.More.Hide()
	// Stacked rather than side by side, so the log and the form fit a
	// 1024-wide window together.
	f.bar = container.NewVBox(f.Person, f.Mentor, container.NewGridWithColumns(2, f.From, f.To))
}

// reloadOnDate reloads once a date field holds a whole date (or is
// emptied), not at every keystroke of one.
func (a *visitsArea) reloadOnDate(d *DateEntry) {
	if d.Err() == nil && (len(nfc(d.Entry.Text)) == 0 || !d.Date().IsZero()) {
		a.load()
	}
}

// query is the store query of the filter; ok is false when the person
// search matches nobody (nothing to read).
func (a *visitsArea) query(only map[string]bool) (q store.VisitQuery, ok bool) {
	f := &a.f
	q = store.VisitQuery{Only: only, From: f.From.Date(), To: f.To.Date(), Limit: recentVisitLimit}
	if f.Mentor != nil {
		if i := f.Mentor.SelectedIndex(); i > 0 && i-1 < len(f.mentors) {
			q.MentorID = f.mentors[i-1].ID
		}
	}
	if text := nfc(f.Person.Text); text != "" {
		rows := a.src.People(store.PersonFilter{Query: text, Statuses: allStatuses, Only: only})
		q.PersonIDs = make([]string, 0, len(rows))
		for _, r := range rows {
			q.PersonIDs = append(q.PersonIDs, r.ID)
		}
		if len(q.PersonIDs) == 0 {
			return q, false
		}
	}
	return q, true
}
