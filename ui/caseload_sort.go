package ui

import (
	"bytes"
	"sort"
	"strconv"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// yearText is a birth year as the list shows it (blank when unknown).
func yearText(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// sortBy sorts by col; tapping the sorted column again reverses it.
func (v *caseloadView) sortBy(col int) {
	if col == v.sortCol {
		v.sortDesc = !v.sortDesc
	} else {
		v.sortCol, v.sortDesc = col, false
	}
	v.applySort()
	v.table.Refresh()
}

// applySort orders v.rows by the sort column, ties in name order. The
// name column is the store's Vietnamese name order.
func (v *caseloadView) applySort() {
	rows, col, desc := v.rows, v.sortCol, v.sortDesc
	var less func(a, b *listRow) int
	switch col {
	case colName:
		less = func(a, b *listRow) int { return 0 }
	case colBirthYear:
		less = func(a, b *listRow) int { return a.row.BirthYear - b.row.BirthYear }
	case colReturned:
		less = func(a, b *listRow) int { return a.row.ReturnedOn.Compare(b.row.ReturnedOn) }
	default:
		keys := make(map[string][]byte, 64)
		c := collate.New(language.Vietnamese, collate.IgnoreCase)
		var buf collate.Buffer
		key := func(s string) []byte {
			k, ok := keys[s]
			if !ok {
				k = append([]byte(nil), c.KeyFromString(&buf, s)...)
				buf.Reset()
				keys[s] = k
			}
			return k
		}
		less = func(a, b *listRow) int { return bytes.Compare(key(a.cells[col]), key(b.cells[col])) }
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := &rows[i], &rows[j]
		c := less(a, b)
		if c == 0 {
			c = a.order - b.order
		}
		if desc {
			return c > 0
		}
		return c < 0
	})
}
