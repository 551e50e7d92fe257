package ui

import (
	"context"
	"errors"
	"maps"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/report/importxlsx"
)

// importCheck is the outcome of a check or an import of every row.
type importCheck struct {
	rows  []importxlsx.Row
	res   importxlsx.Result
	dry   bool
	saved int
	bad   error // *importxlsx.RowsError: rows with errors, nothing written
}

// importCtx is the context of imports started from the screen.
func importCtx() context.Context { return context.Background() }

// start shows that background work began: the progress bar at zero and
// what is being done; the controls wait.
func (v *importView) start(phase string) {
	v.busy = true
	v.progress.SetValue(0)
	v.progressRow.Show()
	v.phase.SetText(phase)
	v.update()
}

// finish ends the background work shown by start.
func (v *importView) finish() {
	v.busy = false
	v.progressRow.Hide()
	v.phase.SetText("")
	v.update()
}

// failed ends the background work with err's message; nothing changed.
func (v *importView) failed(err error) {
	v.finish()
	text := i18n.Error(err)
	v.say(text, widget.DangerImportance)
	showMessage(i18n.T("import.ui.failed"), text, v.win)
}

// progressTo returns a progress callback for background work: it moves
// the bar and says "key" with Done and Total, through fyne.Do (the
// library calls it about every 1%).
func (v *importView) progressTo(key string) func(done, total int) {
	return func(done, total int) {
		if total <= 0 {
			return
		}
		fyne.Do(func() {
			v.progress.SetValue(float64(done) / float64(total))
			v.phase.SetText(i18n.T(key, "Done", i18n.Number(done), "Total", i18n.Number(total)))
		})
	}
}

// run checks every row (dry: writing nothing) or imports them all, in
// one transaction or not at all, in the background.
func (v *importView) run(dry bool) {
	if v.busy || v.sheet == nil || v.sheet.Header < 0 {
		return
	}
	if !v.hasName() {
		v.say(i18n.T("import.ui.need_name"), widget.DangerImportance)
		showMessage(i18n.T("import.ui.failed"), i18n.T("import.ui.need_name"), v.win)
		return
	}
	// What the work reads, copied now: the screen's state is the UI's.
	s := *v.sheet
	s.Mapping = maps.Clone(v.sheet.Mapping)
	skipDup, st, today := v.skipDup.Checked, v.st, caseload.Today()
	check, write := v.progressTo("import.ui.phase.check"), v.progressTo("import.ui.phase.write")
	v.start(i18n.T("import.ui.phase.check", "Done", 0, "Total", i18n.Number(s.DataRows())))
	runLoad(&v.loads, func() (*importCheck, error) {
		rows := s.ParseWith(today, importxlsx.Options{Store: st, Progress: check})
		skip := map[int]bool{}
		if skipDup {
			for _, r := range rows {
				if len(r.Errors) == 0 && len(r.Warns) > 0 {
					skip[r.Line] = true
				}
			}
		}
		res, err := importxlsx.CommitProgress(importCtx(), st, rows, skip, dry, write)
		c := &importCheck{rows: rows, res: res, dry: dry, saved: res.Saved}
		var re *importxlsx.RowsError
		switch {
		case errors.As(err, &re):
			c.bad = err
		case err != nil:
			return nil, importMessage{"import.ui.write_failed", map[string]any{"Detail": i18n.Error(err)}}
		}
		return c, nil
	}, v.failed, v.showCheck)
}

// showCheck shows the outcome of run.
func (v *importView) showCheck(c *importCheck) {
	v.checked = c
	v.finish()
	v.showProblems()
	people := len(c.rows) - c.res.Errors - c.res.Skipped
	warns := 0
	for _, r := range c.rows {
		if len(r.Errors) == 0 && len(r.Warns) > 0 {
			warns++
		}
	}
	switch {
	case c.bad != nil:
		first := 0
		for _, r := range c.rows {
			if len(r.Errors) > 0 {
				first = r.Line
				break
			}
		}
		v.say(i18n.T("import.ui.bad_rows", "Count", i18n.Number(c.res.Errors), "Line", first), widget.DangerImportance)
	case c.dry:
		text := i18n.T("import.ui.dry_ok", "Rows", i18n.Number(len(c.rows)), "People", i18n.Number(people))
		if c.res.Skipped > 0 {
			text += " " + i18n.T("import.ui.dry_skipped", "Count", i18n.Number(c.res.Skipped))
		}
		if n := warns - c.res.Skipped; n > 0 {
			text += " " + i18n.T("import.ui.dry_warns", "Count", i18n.Number(n))
		}
		v.say(text, widget.MediumImportance)
	default:
		text := i18n.T("import.ui.saved", "Saved", i18n.Number(c.saved), "File", v.fileName, "Sheet", v.sheet.Name)
		if c.res.Skipped > 0 {
			text += " " + i18n.T("import.ui.dry_skipped", "Count", i18n.Number(c.res.Skipped))
		}
		v.say(text, widget.SuccessImportance)
	}
	v.update()
}

// say shows text as the screen's summary, in the colour of its
// importance (danger: nothing was written).
func (v *importView) say(text string, imp widget.Importance) {
	v.summary.Importance = imp
	v.summary.SetText(text)
}
