package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// svToday returns the date the supervision screens count from; tests
// replace it to get fixed dates.
var svToday = caseload.Today

// allStatuses selects every person, ended ones included.
var allStatuses = []caseload.Status{caseload.StatusExpected, caseload.StatusManaged, caseload.StatusEnded}

// peopleLister is the part of the store that lists people from the index.
type peopleLister interface {
	People(f store.PersonFilter) []store.PersonRow
}

// personNames maps person id to full name for every person in scope.
func personNames(src peopleLister, only map[string]bool) map[string]string {
	rows := src.People(store.PersonFilter{Statuses: allStatuses, Only: only})
	out := make(map[string]string, len(rows))
	for _, r := range rows {
		out[r.ID] = r.FullName
	}
	return out
}

// fieldLabel is the translated label of a record field for error
// messages ("decision.number" -> "Số quyết định").
func fieldLabel(field string) string {
	key := "svui.field." + field
	if i18n.Has(key) {
		return i18n.T(key)
	}
	return field
}

// errorText is the user-facing text of an error from the store: every
// field error of a validation error on its own line with its field label,
// otherwise the translated message.
func errorText(err error) string {
	if err == nil {
		return ""
	}
	var ve *caseload.ValidationError
	if errors.As(err, &ve) {
		lines := make([]string, 0, len(ve.Errors))
		for _, fe := range ve.Errors {
			lines = append(lines, fieldLabel(fe.Field)+": "+i18n.TMap(fe.Key, fe.Args))
		}
		return strings.Join(lines, "\n")
	}
	return i18n.Error(err)
}

// newStatusLabel is the line under a form that shows what happened: an
// error (red) or a confirmation.
func newStatusLabel() *widget.Label {
	l := widget.NewLabel("")
	l.Wrapping = fyne.TextWrapWord
	return l
}

// setStatus shows err (red) or, when err is nil, the confirmation ok.
func setStatus(l *widget.Label, err error, ok string) {
	if err != nil {
		l.Importance = widget.DangerImportance
		l.SetText(errorText(err))
		return
	}
	l.Importance = widget.SuccessImportance
	l.SetText(ok)
}

// heading is a bold section title.
func heading(key string, kv ...any) *widget.Label {
	return widget.NewLabelWithStyle(i18n.T(key, kv...), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

// wrapLabel is a word-wrapping label.
func wrapLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// decisionText shows a decision as "số 12/QĐ-UBND ngày 05/03/2026".
func decisionText(d caseload.Decision) string {
	if d.Number == "" && d.Date.IsZero() {
		return i18n.T("svui.common.none")
	}
	return i18n.T("svui.common.decision", "Number", d.Number, "Date", showDate(d.Date))
}
