// Package caseload is the domain of Hòa Nhập: the records a ward
// reintegration team keeps about people who have completed a prison
// sentence, their validation, and the legal computations (expungement
// dates, loan windows, working-day deadlines, report periods) that drive the
// team's work.
//
// The package is pure: it performs no I/O and imports nothing of ours.
// Validation errors carry message keys and arguments, never display text;
// the user interface translates them through package i18n.
package caseload
