package report

import (
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"hoanhap/i18n"
)

// Form is the official form of a report kind: HCD-12 for the monthly
// statistics, HCD-13 for the quarterly, 6-month and annual reports
// (TT 10/2024 Art. 5).
func Form(k Kind) string {
	if k == Month {
		return "HCD-12"
	}
	return "HCD-13"
}

// Title is the title of the report of period p in the current language.
func Title(p Period) string {
	args := []any{"From", i18n.FormatDMY(p.From.Year(), p.From.Month(), p.From.Day()),
		"To", i18n.FormatDMY(p.To.Year(), p.To.Month(), p.To.Day()), "Year", p.To.Year()}
	switch p.Kind {
	case Month:
		args = append(args, "Month", fmt.Sprintf("%d/%d", int(p.To.Month()), p.To.Year()))
	case Quarter:
		args = append(args, "Quarter", fmt.Sprintf("%d/%d", (int(p.To.Month())-1)/3+1, p.To.Year()))
	}
	return i18n.T("report.title."+string(p.Kind), args...)
}

// PeriodText is the data period as a sentence: "Số liệu từ ngày
// 15/05/2026 đến ngày 14/06/2026".
func PeriodText(p Period) string {
	return i18n.T("report.period_text", "From", i18n.FormatDMY(p.From.Year(), p.From.Month(), p.From.Day()),
		"To", i18n.FormatDMY(p.To.Year(), p.To.Month(), p.To.Day()))
}

// WriteReport writes the periodic report r as an Excel workbook: the
// report sheet (figures by section, then the year table and, when the
// period was locked before, the amendments), and a notes sheet with the
// written definition of every figure.
func WriteReport(w io.Writer, r *Report, doc Doc, amendments []Amendment) error {
	if err := writeReport(w, r, doc, amendments); err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	return nil
}

func writeReport(w io.Writer, r *Report, doc Doc, amendments []Amendment) error {
	f, st, err := newBook()
	if err != nil {
		return err
	}
	defer f.Close()
	if doc.Unit == "" {
		doc.Unit = r.Unit
	}
	if doc.Title == "" {
		doc.Title = Title(r.Period)
	}
	if doc.Subtitle == "" {
		doc.Subtitle = "(" + PeriodText(r.Period) + ")"
	}
	cols := []Column{
		{Title: i18n.T("report.xlsx.no"), Width: 7, Kind: ColCenter},
		{Title: i18n.T("report.xlsx.indicator"), Width: 50},
		{Title: i18n.T("report.xlsx.unit"), Width: 14, Kind: ColCenter},
		{Title: i18n.T("report.xlsx.value"), Width: 20, Kind: ColNumber},
		{Title: i18n.T("report.xlsx.notes"), Width: 16},
	}
	sh, err := newSheet(f, st, Form(r.Period.Kind), cols, false, true)
	if err != nil {
		return err
	}
	if err := sh.put(16, []int{st.signNote}, nil, nil, nil, nil, i18n.T("report.xlsx.form", "Form", Form(r.Period.Kind))); err != nil {
		return err
	}
	if err := sh.header(doc); err != nil {
		return err
	}
	head, err := sh.tableHead(cols)
	if err != nil {
		return err
	}
	section, n := "", 0
	for _, l := range Lines(r.Indicators) {
		if l.Section != section {
			section, n = l.Section, 0
			if err := sh.line(20, SectionTitle(section), st.section); err != nil {
				return err
			}
		}
		n++
		var v any = int64(l.Value)
		style, unit := st.count, i18n.T("report.xlsx.unit_people")
		switch l.Unit {
		case Money:
			style, unit = st.money, i18n.T("report.xlsx.unit_money")
		case Ratio:
			v, style, unit = l.Value, st.percent, "%"
		}
		if u := i18n.T("report.unit." + l.Key); u != "report.unit."+l.Key {
			unit = u
		}
		if err := sh.put(0, []int{st.center, st.text, st.center, style, st.text}, n, l.Label(), unit, v, nil); err != nil {
			return err
		}
	}
	if err := yearTable(sh, r.Years); err != nil {
		return err
	}
	if err := amendmentTable(sh, amendments); err != nil {
		return err
	}
	if err := sh.signature(); err != nil {
		return err
	}
	if err := sh.finish(head); err != nil {
		return err
	}
	if err := notesSheet(f, st, r); err != nil {
		return err
	}
	_, err = f.WriteTo(w)
	return err
}

// yearTable writes one row per calendar year the period touches.
func yearTable(sh *sheet, years []YearRow) error {
	st := sh.st
	if err := sh.line(12, "", st.note); err != nil {
		return err
	}
	if err := sh.line(20, i18n.T("report.xlsx.years"), st.section); err != nil {
		return err
	}
	if err := sh.put(32, []int{st.head}, i18n.T("report.xlsx.year"), i18n.T("report.xlsx.y.returned"),
		i18n.T("report.xlsx.y.managed_during"), i18n.T("report.xlsx.y.recidivism"), i18n.T("report.xlsx.y.rate")); err != nil {
		return err
	}
	for _, y := range years {
		if err := sh.put(0, []int{st.center, st.count, st.count, st.count, st.percent},
			y.Year, y.Returned, y.ManagedDuring, y.Recidivism, y.RecidivismRate); err != nil {
			return err
		}
	}
	return nil
}

// amendmentTable lists the figures that changed since the period was
// locked (chốt số liệu).
func amendmentTable(sh *sheet, am []Amendment) error {
	if len(am) == 0 {
		return nil
	}
	st := sh.st
	if err := sh.line(12, "", st.note); err != nil {
		return err
	}
	if err := sh.line(20, i18n.T("report.xlsx.amendments"), st.section); err != nil {
		return err
	}
	if err := sh.put(32, []int{st.head}, i18n.T("report.xlsx.no"), i18n.T("report.xlsx.indicator"),
		i18n.T("report.xlsx.locked_value"), i18n.T("report.xlsx.value"), i18n.T("report.xlsx.change")); err != nil {
		return err
	}
	for i, a := range am {
		style := st.count
		switch a.Unit {
		case Money:
			style = st.money
		case Ratio:
			style = st.percent
		}
		if err := sh.put(0, []int{st.center, st.text, style, style, style}, i+1, a.Label(), a.Old, a.New, a.New-a.Old); err != nil {
			return err
		}
	}
	return nil
}

// notesSheet writes the written definition of every figure, with the
// data period and the cut-off rule it follows.
func notesSheet(f *excelize.File, st *styles, r *Report) error {
	cols := []Column{
		{Title: i18n.T("report.xlsx.no"), Width: 6, Kind: ColCenter},
		{Title: i18n.T("report.xlsx.indicator"), Width: 40},
		{Title: i18n.T("report.xlsx.definition"), Width: 70},
	}
	sh, err := newSheet(f, st, i18n.T("report.xlsx.sheet_notes"), cols, false, false)
	if err != nil {
		return err
	}
	if err := sh.line(22, upper(i18n.T("report.xlsx.notes_title")), st.title); err != nil {
		return err
	}
	if err := sh.line(18, PeriodText(r.Period), st.subtitle); err != nil {
		return err
	}
	if err := sh.line(32, i18n.T("report.xlsx.notes_rule"), st.note); err != nil {
		return err
	}
	head, err := sh.tableHead(cols)
	if err != nil {
		return err
	}
	for i, l := range Lines(r.Indicators) {
		if err := sh.put(0, []int{st.center, st.text, st.text}, i+1, l.Label(), l.Definition()); err != nil {
			return err
		}
	}
	return sh.finish(head)
}
