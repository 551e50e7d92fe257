package report

import "hoanhap/i18n"

// Amendment is a figure that changed since its period was locked.
type Amendment struct {
	Key  string
	Unit Unit
	Old  float64
	New  float64
}

// Label is the figure's name in the current language.
func (a Amendment) Label() string { return i18n.T("report.ind." + a.Key) }
