package report

import (
	"fmt"
	"io"

	"hoanhap/i18n"
)

// WriteConsolidated writes an office's consolidated report as an Excel
// workbook: the figures by section, one column per ward, then the records
// of other owners (when any) and the total of the office, and the notes
// sheet with the definition of every figure. totalTitle and otherTitle
// name the last columns.
func WriteConsolidated(w io.Writer, c *Consolidated, doc Doc, totalTitle, otherTitle string) error {
	if err := writeConsolidated(w, c, doc, totalTitle, otherTitle); err != nil {
		return fmt.Errorf("report: consolidated excel: %w", err)
	}
	return nil
}

func writeConsolidated(w io.Writer, c *Consolidated, doc Doc, totalTitle, otherTitle string) error {
	f, st, err := newBook()
	if err != nil {
		return err
	}
	defer f.Close()
	if doc.Unit == "" {
		doc.Unit = c.Unit
	}
	if doc.Title == "" {
		doc.Title = Title(c.Period)
	}
	if doc.Subtitle == "" {
		doc.Subtitle = "(" + PeriodText(c.Period) + ")"
	}
	doc.Landscape = true
	reports := append([]*Report(nil), c.Each...)
	titles := make([]string, 0, len(c.Each)+2)
	for _, wd := range c.Wards {
		titles = append(titles, wd.Name)
	}
	if c.Other != nil {
		reports = append(reports, c.Other)
		titles = append(titles, otherTitle)
	}
	reports = append(reports, c.Total)
	titles = append(titles, totalTitle)

	cols := []Column{
		{Title: i18n.T("report.xlsx.no"), Width: 6, Kind: ColCenter},
		{Title: i18n.T("report.xlsx.indicator"), Width: 44},
		{Title: i18n.T("report.xlsx.unit"), Width: 10, Kind: ColCenter},
	}
	for _, t := range titles {
		cols = append(cols, Column{Title: t, Width: 16, Kind: ColNumber})
	}
	sh, err := newSheet(f, st, Form(c.Period.Kind), cols, true, true)
	if err != nil {
		return err
	}
	if err := sh.header(doc); err != nil {
		return err
	}
	head, err := sh.tableHead(cols)
	if err != nil {
		return err
	}
	lines := make([][]Line, len(reports))
	for i, r := range reports {
		lines[i] = Lines(r.Indicators)
	}
	section, n := "", 0
	for j, l := range lines[len(lines)-1] {
		if l.Section != section {
			section, n = l.Section, 0
			if err := sh.line(20, SectionTitle(section), st.section); err != nil {
				return err
			}
		}
		n++
		style, unit := st.count, i18n.T("report.xlsx.unit_people")
		switch l.Unit {
		case Money:
			style, unit = st.money, i18n.T("report.xlsx.unit_money")
		case Ratio:
			style, unit = st.percent, "%"
		}
		if u := i18n.T("report.unit." + l.Key); u != "report.unit."+l.Key {
			unit = u
		}
		vals := []any{n, l.Label(), unit}
		ids := []int{st.center, st.text, st.center}
		for i := range reports {
			var v any = int64(lines[i][j].Value)
			if l.Unit == Ratio {
				v = lines[i][j].Value
			}
			vals = append(vals, v)
			ids = append(ids, style)
		}
		if err := sh.put(0, ids, vals...); err != nil {
			return err
		}
	}
	if err := sh.signature(); err != nil {
		return err
	}
	if err := sh.finish(head); err != nil {
		return err
	}
	if err := notesSheet(f, st, c.Total); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}
