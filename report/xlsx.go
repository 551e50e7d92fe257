package report

import (
	"fmt"
	"io"
	"math"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// Font is the typeface of every cell: the one of official documents
// (NĐ 30/2020/NĐ-CP Appendix I).
const Font = "Times New Roman"

// Number formats of the cells. The codes are Excel's locale-neutral ones:
// Excel and LibreOffice show the group and decimal separators of the
// reader's regional settings, so a Vietnamese Windows shows 1.234,
// 80.853.000.000 đ and 3,37%.
const (
	FmtDate    = "dd/mm/yyyy"
	FmtCount   = "#,##0"
	FmtMoney   = `#,##0 "đ"`
	FmtPercent = "0.00%"
)

// ColKind is what a column holds; it chooses the cell style.
type ColKind int

// Column kinds.
const (
	ColText    ColKind = iota
	ColDate            // caseload.Date values, written as real dates
	ColNumber          // whole numbers
	ColMoney           // money in đồng
	ColPercent         // a fraction
	ColCenter          // short text centred (STT, group)
)

// Column is one column of a table.
type Column struct {
	Title string
	Width float64 // in characters
	Kind  ColKind
}

// Doc is the frame of an official document around a table: the unit
// block and the national motto, the number and the place/date line, the
// title, the period line and the signature block.
type Doc struct {
	Superior  string // the unit above ("CÔNG AN QUẬN …"), may be empty
	Unit      string // the unit issuing the document ("CÔNG AN PHƯỜNG …")
	Number    string // "Số: …/BC-CAP"; empty: a blank number to fill in
	Place     string // the place of the date line ("Hà Nội"); empty: the unit
	Date      caseload.Date
	Title     string
	Subtitle  string // the period or the filter, italic under the title
	Landscape bool
	Sheet     string // sheet name
}

// styles are the cell styles of one workbook, created once.
type styles struct {
	unit, unitBold, nation, motto, number, placeDate, title, subtitle              int
	head, section, text, center, date, count, money, percent, sign, signNote, note int
}

func newStyles(f *excelize.File) (*styles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := func(size float64, bold, italic bool, underline string) *excelize.Font {
		return &excelize.Font{Family: Font, Size: size, Bold: bold, Italic: italic, Underline: underline}
	}
	center := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}
	right := &excelize.Alignment{Horizontal: "right", Vertical: "center"}
	var s styles
	var err error
	mk := func(dst *int, st *excelize.Style) {
		if err != nil {
			return
		}
		*dst, err = f.NewStyle(st)
	}
	fmtp := func(v string) *string { return &v }
	mk(&s.unit, &excelize.Style{Font: font(12, false, false, ""), Alignment: center})
	mk(&s.unitBold, &excelize.Style{Font: font(12, true, false, ""), Alignment: center})
	mk(&s.nation, &excelize.Style{Font: font(12, true, false, ""), Alignment: center})
	mk(&s.motto, &excelize.Style{Font: font(13, true, false, "single"), Alignment: center})
	mk(&s.number, &excelize.Style{Font: font(12, false, false, ""), Alignment: center})
	mk(&s.placeDate, &excelize.Style{Font: font(12, false, true, ""), Alignment: center})
	mk(&s.title, &excelize.Style{Font: font(14, true, false, ""), Alignment: center})
	mk(&s.subtitle, &excelize.Style{Font: font(12, false, true, ""), Alignment: center})
	mk(&s.head, &excelize.Style{Font: font(11, true, false, ""), Alignment: center, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}})
	mk(&s.section, &excelize.Style{Font: font(11, true, false, ""), Alignment: left, Border: border})
	mk(&s.text, &excelize.Style{Font: font(11, false, false, ""), Alignment: left, Border: border})
	mk(&s.center, &excelize.Style{Font: font(11, false, false, ""), Alignment: center, Border: border})
	mk(&s.date, &excelize.Style{Font: font(11, false, false, ""), Alignment: center, Border: border, CustomNumFmt: fmtp(FmtDate)})
	mk(&s.count, &excelize.Style{Font: font(11, false, false, ""), Alignment: right, Border: border, CustomNumFmt: fmtp(FmtCount)})
	mk(&s.money, &excelize.Style{Font: font(11, false, false, ""), Alignment: right, Border: border, CustomNumFmt: fmtp(FmtMoney)})
	mk(&s.percent, &excelize.Style{Font: font(11, false, false, ""), Alignment: right, Border: border, CustomNumFmt: fmtp(FmtPercent)})
	mk(&s.sign, &excelize.Style{Font: font(12, true, false, ""), Alignment: center})
	mk(&s.signNote, &excelize.Style{Font: font(11, false, true, ""), Alignment: center})
	mk(&s.note, &excelize.Style{Font: font(11, false, false, ""), Alignment: left})
	return &s, err
}

// cellStyle is the style of a data cell of the given kind.
func (s *styles) cellStyle(k ColKind) int {
	switch k {
	case ColDate:
		return s.date
	case ColNumber:
		return s.count
	case ColMoney:
		return s.money
	case ColPercent:
		return s.percent
	case ColCenter:
		return s.center
	}
	return s.text
}

// sheet writes one sheet top to bottom with excelize's StreamWriter
// (constant memory for long lists).
type sheet struct {
	f      *excelize.File
	sw     *excelize.StreamWriter
	st     *styles
	name   string
	cols   int
	widths []float64
	row    int // the last row written
}

// newSheet creates (or takes, for the first sheet) the named sheet, sets
// its print setup and column widths, and opens its stream writer. The
// print setup must precede the stream writer: excelize copies it into the
// streamed sheet.
func newSheet(f *excelize.File, st *styles, name string, cols []Column, landscape bool, first bool) (*sheet, error) {
	if first {
		if err := f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := f.NewSheet(name); err != nil {
		return nil, err
	}
	size, orient, one, zero := 9, "portrait", 1, 0 // 9 = A4
	if landscape {
		orient = "landscape"
	}
	if err := f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &orient,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return nil, err
	}
	fit := true
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return nil, err
	}
	m := 0.6
	mt := 0.75
	if err := f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &m, Right: &m, Top: &mt, Bottom: &mt}); err != nil {
		return nil, err
	}
	if err := f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{OddFooter: "&C&\"Times New Roman\"&10&P/&N"}); err != nil {
		return nil, err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	widths := make([]float64, len(cols))
	for i, c := range cols {
		widths[i] = c.Width
		if widths[i] == 0 {
			widths[i] = 14
		}
		if err := sw.SetColWidth(i+1, i+1, widths[i]); err != nil {
			return nil, err
		}
	}
	return &sheet{f: f, sw: sw, st: st, name: name, cols: len(cols), widths: widths}, nil
}

// put writes values as the next row with the given style for each cell
// (a style per cell, or one for all).
func (s *sheet) put(height float64, styleIDs []int, values ...any) error {
	s.row++
	cells := make([]any, len(values))
	for i, v := range values {
		id := styleIDs[0]
		if i < len(styleIDs) {
			id = styleIDs[i]
		}
		if d, ok := v.(caseload.Date); ok {
			if d.IsZero() {
				v = nil
			} else {
				v = d.Time()
			}
		}
		cells[i] = excelize.Cell{StyleID: id, Value: v}
	}
	cell, _ := excelize.CoordinatesToCellName(1, s.row)
	opts := []excelize.RowOpts{}
	if height > 0 {
		opts = append(opts, excelize.RowOpts{Height: height})
	}
	return s.sw.SetRow(cell, cells, opts...)
}

// rowHeight is the height a row of wrapped text cells needs (0: the
// default height of one line). Spreadsheets do not grow streamed rows by
// themselves, so the lines are estimated from the column widths.
func (s *sheet) rowHeight(vals []any) float64 {
	lines := 1
	for i, v := range vals {
		t, ok := v.(string)
		if !ok || i >= len(s.widths) {
			continue
		}
		if float64(len(t)) < s.widths[i]-1.5 {
			continue // fits on one line even counting bytes
		}
		n := int(math.Ceil(float64(utf8.RuneCountInString(t)) * 0.95 / (s.widths[i] - 1.5)))
		if n > lines {
			lines = n
		}
	}
	if lines == 1 {
		return 0
	}
	return float64(15 * lines)
}

// merge merges columns c1..c2 (1-based) of the current row.
func (s *sheet) merge(c1, c2 int) error {
	if c2 <= c1 {
		return nil
	}
	a, _ := excelize.CoordinatesToCellName(c1, s.row)
	b, _ := excelize.CoordinatesToCellName(c2, s.row)
	return s.sw.MergeCell(a, b)
}

// span writes one row holding a left and a right text block, each merged
// over its half of the columns.
func (s *sheet) span(height float64, left string, ls int, right string, rs int) error {
	split := s.split()
	vals := make([]any, s.cols)
	ids := make([]int, s.cols)
	vals[0], ids[0] = left, ls
	for i := 1; i < split; i++ {
		ids[i] = ls
	}
	vals[split], ids[split] = right, rs
	for i := split + 1; i < s.cols; i++ {
		ids[i] = rs
	}
	if err := s.put(height, ids, vals...); err != nil {
		return err
	}
	if err := s.merge(1, split); err != nil {
		return err
	}
	return s.merge(split+1, s.cols)
}

// nationWidth is the width (in characters) the national header needs on
// one line in 12-point bold capitals.
const nationWidth = 50

// split is the number of columns of the left block of the header: the
// right block (national header, date line) gets the last columns, enough
// of them to hold the national header on one line.
func (s *sheet) split() int {
	right := 0.0
	k := s.cols
	for k > 1 && right < nationWidth {
		k--
		right += s.widths[k]
	}
	return k
}

// lines estimates how many lines text takes over the whole width at a
// font size (a capital at 14 points is about 1.6 column units).
func (s *sheet) lines(text string, size float64) int {
	total := 0.0
	for _, w := range s.widths {
		total += w
	}
	need := float64(len([]rune(text))) * size / 9
	n := int(need/total) + 1
	return n
}

// line writes one text merged over the whole width.
func (s *sheet) line(height float64, text string, style int) error {
	vals := make([]any, s.cols)
	ids := make([]int, s.cols)
	vals[0] = text
	for i := range ids {
		ids[i] = style
	}
	if err := s.put(height, ids, vals...); err != nil {
		return err
	}
	return s.merge(1, s.cols)
}

// header writes the national header, the unit, the number, the place and
// date, the title and the subtitle, then a blank row.
func (s *sheet) header(d Doc) error {
	st := s.st
	superior := d.Superior
	if superior == "" {
		superior = " "
	}
	if err := s.span(18, upper(superior), st.unit, i18n.T("report.xlsx.nation"), st.nation); err != nil {
		return err
	}
	if err := s.span(18, upper(d.Unit), st.unitBold, i18n.T("report.xlsx.motto"), st.motto); err != nil {
		return err
	}
	number := d.Number
	if number == "" {
		number = i18n.T("report.xlsx.number_blank")
	}
	place := d.Place
	if place == "" {
		place = d.Unit
	}
	date := d.Date
	if date.IsZero() {
		date = caseload.Today()
	}
	placeDate := i18n.T("report.xlsx.place_date", "Place", place, "Day", fmt.Sprintf("%02d", date.Day()),
		"Month", fmt.Sprintf("%02d", int(date.Month())), "Year", date.Year())
	if err := s.span(20, number, st.number, placeDate, st.placeDate); err != nil {
		return err
	}
	if err := s.line(10, "", st.note); err != nil {
		return err
	}
	if err := s.line(float64(20*s.lines(d.Title, 14)), upper(d.Title), st.title); err != nil {
		return err
	}
	if d.Subtitle != "" {
		if err := s.line(18, d.Subtitle, st.subtitle); err != nil {
			return err
		}
	}
	return s.line(10, "", st.note)
}

// tableHead writes the column titles and returns their row, which is
// repeated at the top of every printed page.
func (s *sheet) tableHead(cols []Column) (int, error) {
	titles := make([]any, len(cols))
	for i, c := range cols {
		titles[i] = c.Title
	}
	if err := s.put(32, []int{s.st.head}, titles...); err != nil {
		return 0, err
	}
	return s.row, nil
}

// signature writes the signature block: the person who drew up the form
// on the left, the head of the unit on the right.
func (s *sheet) signature() error {
	if err := s.line(14, "", s.st.note); err != nil {
		return err
	}
	if err := s.span(18, i18n.T("report.xlsx.preparer"), s.st.sign, i18n.T("report.xlsx.head"), s.st.sign); err != nil {
		return err
	}
	if err := s.span(16, i18n.T("report.xlsx.sign_note"), s.st.signNote, i18n.T("report.xlsx.sign_note_seal"), s.st.signNote); err != nil {
		return err
	}
	return s.line(60, "", s.st.note) // room to sign

}

// finish flushes the sheet and makes the head row print on every page.
func (s *sheet) finish(headRow int) error {
	if err := s.sw.Flush(); err != nil {
		return err
	}
	if headRow == 0 {
		return nil
	}
	return s.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", s.name, headRow, headRow), Scope: s.name})
}

// newBook returns an empty workbook in Times New Roman.
func newBook() (*excelize.File, *styles, error) {
	f := excelize.NewFile()
	if err := f.SetDefaultFont(Font); err != nil {
		f.Close()
		return nil, nil, err
	}
	st, err := newStyles(f)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return f, st, nil
}

// RowFunc yields the rows of a list one at a time; it returns the first
// error of yield.
type RowFunc func(yield func(values []any) error) error

// WriteList writes one list as an official document: the frame of doc
// around a table of cols, numbered, with the rows rows gives (a row
// holds one value per column after the STT column; caseload.Date values
// become real dates).
func WriteList(w io.Writer, doc Doc, cols []Column, rows RowFunc) error {
	f, st, err := newBook()
	if err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	defer f.Close()
	all := append([]Column{{Title: i18n.T("report.xlsx.no"), Width: 6, Kind: ColCenter}}, cols...)
	name := doc.Sheet
	if name == "" {
		name = i18n.T("report.xlsx.sheet_list")
	}
	sh, err := newSheet(f, st, name, all, doc.Landscape, true)
	if err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	if err := sh.header(doc); err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	head, err := sh.tableHead(all)
	if err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	ids := make([]int, len(all))
	for i, c := range all {
		ids[i] = st.cellStyle(c.Kind)
	}
	n := 0
	vals := make([]any, len(all))
	err = rows(func(values []any) error {
		n++
		vals[0] = n
		copy(vals[1:], values)
		for i := len(values) + 1; i < len(vals); i++ {
			vals[i] = nil
		}
		return sh.put(sh.rowHeight(vals), ids, vals...)
	})
	if err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	if err := sh.signature(); err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	if err := sh.finish(head); err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	if _, err := f.WriteTo(w); err != nil {
		return fmt.Errorf("report: excel: %w", err)
	}
	return nil
}

// upper is the upper case of a Vietnamese text (the unit block and the
// title are printed in capitals).
func upper(s string) string { return strings.ToUpper(s) }
