package ui

import (
	"errors"
	"strings"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Texts shared by the support, loan, model, business and exemplary
// screens: searches, loan warnings and save errors.

// supMatch reports whether every folded word of query prefixes a folded
// word of one of texts (diacritic- and case-insensitive, any order).
// matching keeps the rows whose texts match query (see supMatch), in
// order; an empty query keeps them all.
func matching[T any](rows []T, query string, texts func(T) []string) []T {
	out := make([]T, 0, len(rows))
	for _, r := range rows {
		if supMatch(query, texts(r)...) {
			out = append(out, r)
		}
	}
	return out
}

func supMatch(query string, texts ...string) bool {
	q := i18n.FoldWords(query)
	if len(q) == 0 {
		return true
	}
	var words []string
	for _, t := range texts {
		words = append(words, i18n.FoldWords(t)...)
	}
	for _, w := range q {
		found := false
		for _, x := range words {
			if strings.HasPrefix(x, w) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// supWarningText translates a loan warning; i18n shows its money and
// dates ("1.000.000 đ", dd/mm/yyyy).
func supWarningText(w caseload.LoanWarning) string { return i18n.Error(w) }

// supWarningShort is the short form of a loan warning for a table cell
// ("Vượt mức vay tối đa"); the full text shows when the row is selected.
func supWarningShort(w caseload.LoanWarning) string {
	if k := strings.Replace(w.Key, "loan.warn.", "loan.warn_short.", 1); k != w.Key && i18n.Has(k) {
		return i18n.T(k)
	}
	return supWarningText(w)
}

// supWarningsJoin joins the short forms of the warnings with "; ".
func supWarningsJoin(ws []caseload.LoanWarning) string {
	parts := make([]string, len(ws))
	for i, w := range ws {
		parts[i] = supWarningShort(w)
	}
	return strings.Join(parts, "; ")
}

// supWarningsShort is a table cell for a loan's warnings: "" when there
// are none, else "⚠ " and their short forms.
func supWarningsShort(ws []caseload.LoanWarning) string {
	if len(ws) == 0 {
		return ""
	}
	return "⚠ " + supWarningsJoin(ws)
}

// supWarningsText joins the translated warnings, one per line.
func supWarningsText(ws []caseload.LoanWarning) string {
	lines := make([]string, len(ws))
	for i, w := range ws {
		lines[i] = "⚠ " + supWarningText(w)
	}
	return strings.Join(lines, "\n")
}

// supErrorText renders a save error for a form: one line per field for a
// validation error (the field's label from prefix+field, then the
// message), else the translated error.
func supErrorText(err error, prefix string) string {
	var ve *caseload.ValidationError
	if !errors.As(err, &ve) {
		return i18n.Error(err)
	}
	lines := make([]string, 0, len(ve.Errors))
	for _, fe := range ve.Errors {
		label := fe.Field
		if i18n.Has(prefix + fe.Field) {
			label = i18n.T(prefix + fe.Field)
		}
		lines = append(lines, label+": "+i18n.Error(fe))
	}
	return strings.Join(lines, "\n")
}

// supScrollMargin keeps the last column clear of the vertical scroll bar.
const supScrollMargin = 12
