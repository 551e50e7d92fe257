package ui

import (
	"context"
	"sort"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"hoanhap/exchange"
	"hoanhap/i18n"
	"hoanhap/store"
)

// wardsSource is what the office's ward list needs: the wards' health
// and reading their files.
type wardsSource interface {
	OfficeWards(ctx context.Context, now time.Time) ([]store.WardHealth, error)
	Import(ctx context.Context, path string) exchange.ImportReport
}

// officeWards adapts the store and the exchange node to wardsSource.
type officeWards struct {
	st *store.Store
	n  *exchange.Node
}

func (o officeWards) OfficeWards(ctx context.Context, now time.Time) ([]store.WardHealth, error) {
	return o.st.OfficeWards(ctx, now)
}

func (o officeWards) Import(ctx context.Context, path string) exchange.ImportReport {
	return o.n.Import(ctx, path)
}

// Received tells which of the files were already read (the "đã đọc"
// column when the officer chooses the files of a folder).
func (o officeWards) Received(ctx context.Context, paths []string) (map[string]bool, error) {
	return o.n.Received(ctx, paths)
}

// Columns of the ward list.
const (
	wcName = iota
	wcHealth
	wcLastFile
	wcLastAt
	wcDays
	wcMissing
	wcRejected
	wcPeople
	wcCount
)

var (
	wardColKeys = [wcCount]string{"office.wards.col.name", "office.wards.col.health", "office.wards.col.last_file",
		"office.wards.col.last_at", "office.wards.col.days", "office.wards.col.missing", "office.wards.col.rejected",
		"office.wards.col.people"}
	// wardColWidths fit 1024×700; the name takes what a wider window leaves.
	wardColWidths = [wcCount]float32{135, 150, 70, 100, 70, 80, 70, 80}
)

// healthOrder sorts the health column worst first.
var healthOrder = map[string]int{store.WardAlert: 0, store.WardRevoked: 1, store.WardGap: 2, store.WardLate: 3, store.WardOK: 4}

// wardsView is the office's "Phường, xã" area: every enrolled ward with
// its last file and its health, sortable, and reading the wards' files.
type wardsView struct {
	src  wardsSource
	now  func() time.Time
	rows []store.WardHealth

	sortCol  int
	sortDesc bool
	loads    loader // the health read off the UI thread (load.go)

	Table  *widget.Table
	Count  *widget.Label
	Legend *widget.Label
	Reader *fileReader
	// OnOpen, when set, opens a ward's people (a tap on its row).
	OnOpen func(node string)
	root   fyne.CanvasObject
}

// newWardsArea builds the "Phường, xã" area of an office.
func (u *App) newWardsArea() fyne.CanvasObject {
	n, err := exchange.Open(u.st)
	if err != nil {
		return comingSoonText("office.nav.wards", i18n.Error(err))
	}
	canRead := !u.sess.readOnly() && !u.sess.isMentor()
	v := newWardsView(officeWards{st: u.st, n: n}, u.win, canRead)
	// A tap on a ward shows its people: the caseload, filtered to it.
	v.OnOpen = func(node string) {
		u.ShowArea("nav.caseload")
		if u.list != nil && u.list.office != nil {
			u.list.office.SelectWard(node)
		}
	}
	return v.root
}

func newWardsView(src wardsSource, win fyne.Window, canRead bool) *wardsView {
	v := &wardsView{src: src, now: time.Now, sortCol: wcHealth}
	v.Count = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v.Legend = widget.NewLabel(i18n.T("office.wards.legend", "Days", store.WardLateDays))
	v.Legend.Wrapping = fyne.TextWrapWord
	v.Reader = newFileReader(src.Import, win)
	v.Reader.OnDone = v.reload
	if r, ok := src.(interface {
		Received(ctx context.Context, paths []string) (map[string]bool, error)
	}); ok {
		v.Reader.Received = r.Received
	}
	v.Table = &widget.Table{
		Length:        func() (int, int) { return len(v.rows), wcCount },
		CreateCell:    func() fyne.CanvasObject { return widget.NewLabel("") },
		UpdateCell:    v.updateCell,
		ShowHeaderRow: true,
		CreateHeader: func() fyne.CanvasObject {
			b := widget.NewButton("", nil)
			b.Importance = widget.LowImportance
			b.Alignment = widget.ButtonAlignLeading
			b.IconPlacement = widget.ButtonIconTrailingText
			return b
		},
		UpdateHeader: func(id widget.TableCellID, o fyne.CanvasObject) {
			b := o.(*widget.Button)
			col := id.Col
			if col < 0 || col >= wcCount {
				return
			}
			b.SetText(i18n.T(wardColKeys[col]))
			var icon fyne.Resource
			if col == v.sortCol {
				icon = theme.MenuDropUpIcon()
				if v.sortDesc {
					icon = theme.MenuDropDownIcon()
				}
			}
			b.SetIcon(icon)
			b.OnTapped = func() { v.SortBy(col) }
		},
	}
	v.Table.ExtendBaseWidget(v.Table)
	for c, w := range wardColWidths {
		v.Table.SetColumnWidth(c, w)
	}
	table := container.New(&growFirst{t: v.Table, widths: wardColWidths[:]}, v.Table)
	v.Table.OnSelected = func(id widget.TableCellID) {
		v.Table.UnselectAll()
		if v.OnOpen != nil && id.Row >= 0 && id.Row < len(v.rows) {
			v.OnOpen(v.rows[id.Row].Peer.NodeID)
		}
	}

	var actions fyne.CanvasObject = container.NewHBox(v.Reader.ReadFile, v.Reader.ReadFolder, v.Reader.ReadSome)
	if !canRead {
		actions = widget.NewLabel(i18n.T("sync.ui.read_only"))
	}
	title := container.NewBorder(nil, nil, heading("office.wards.title"), v.Count)
	top := container.NewVBox(title, actions, v.Reader.Progress, v.Reader.Status)
	results := container.NewBorder(heading("sync.ui.results"), nil, nil, nil, container.NewVScroll(v.Reader.Results))
	split := container.NewVSplit(table, results)
	split.Offset = 0.62
	v.root = container.NewPadded(container.NewBorder(top, v.Legend, nil, nil, split))
	v.reload()
	return v
}

// reload reads the wards' health again, in the background (a province
// has a hundred wards and a hundred thousand people).
func (v *wardsView) reload() {
	v.loads.status = v.Count
	now := v.now()
	runLoad(&v.loads, func() ([]store.WardHealth, error) { return v.src.OfficeWards(opCtx(), now) },
		func(err error) { v.Count.SetText(i18n.Error(err)) },
		func(rows []store.WardHealth) {
			v.rows = rows
			v.applySort()
			v.Count.SetText(i18n.T("office.wards.count", "Count", len(rows), "Late", countLevels(rows)))
			v.Table.Refresh()
		})
}

// countLevels counts the wards that need a look (anything but ok).
func countLevels(rows []store.WardHealth) int {
	n := 0
	for _, r := range rows {
		if r.Level() != store.WardOK {
			n++
		}
	}
	return n
}

// SortBy sorts by col; the sorted column again reverses the order.
func (v *wardsView) SortBy(col int) {
	if col == v.sortCol {
		v.sortDesc = !v.sortDesc
	} else {
		v.sortCol, v.sortDesc = col, false
	}
	v.applySort()
	v.Table.Refresh()
}

func (v *wardsView) applySort() {
	c := collate.New(language.Vietnamese, collate.IgnoreCase)
	byName := func(a, b store.WardHealth) int { return c.CompareString(a.Peer.UnitName, b.Peer.UnitName) }
	var cmp func(a, b store.WardHealth) int
	switch v.sortCol {
	case wcLastFile:
		cmp = func(a, b store.WardHealth) int { return int(a.LastSeq) - int(b.LastSeq) }
	case wcLastAt:
		cmp = func(a, b store.WardHealth) int { return compareText(a.LastAt, b.LastAt) }
	case wcDays:
		cmp = func(a, b store.WardHealth) int { return a.DaysSince - b.DaysSince }
	case wcMissing:
		cmp = func(a, b store.WardHealth) int { return len(a.Missing) - len(b.Missing) }
	case wcRejected:
		cmp = func(a, b store.WardHealth) int { return a.Rejections - b.Rejections }
	case wcPeople:
		cmp = func(a, b store.WardHealth) int { return a.People - b.People }
	case wcHealth:
		cmp = func(a, b store.WardHealth) int { return healthOrder[a.Level()] - healthOrder[b.Level()] }
	default:
		cmp = byName
	}
	desc := v.sortDesc
	sort.SliceStable(v.rows, func(i, j int) bool {
		d := cmp(v.rows[i], v.rows[j])
		if desc {
			d = -d
		}
		if d == 0 {
			return byName(v.rows[i], v.rows[j]) < 0
		}
		return d < 0
	})
}

func compareText(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// Cell is the text of a cell (tests read it).
func (v *wardsView) Cell(row, col int) string {
	if row < 0 || row >= len(v.rows) {
		return ""
	}
	w := v.rows[row]
	switch col {
	case wcName:
		return w.Peer.UnitName
	case wcLastFile:
		if w.LastSeq == 0 {
			return i18n.T("office.wards.none")
		}
		return i18n.T("office.wards.file_no", "Seq", w.LastSeq)
	case wcLastAt:
		return showDay(w.LastAt)
	case wcDays:
		if w.DaysSince < 0 {
			return ""
		}
		return strconv.Itoa(w.DaysSince)
	case wcMissing:
		if len(w.Missing) == 0 {
			return "—"
		}
		return seqText(w.Missing)
	case wcRejected:
		if w.Rejections == 0 {
			return "—"
		}
		return strconv.Itoa(w.Rejections)
	case wcPeople:
		return i18n.Number(w.People)
	case wcHealth:
		return i18n.T("office.health." + w.Level())
	}
	return ""
}

func (v *wardsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	l := o.(*widget.Label)
	l.Truncation = fyne.TextTruncateEllipsis
	l.Importance = widget.MediumImportance
	l.TextStyle = fyne.TextStyle{}
	if id.Row >= 0 && id.Row < len(v.rows) && id.Col == wcHealth {
		l.Importance = healthImportance(v.rows[id.Row].Level())
		l.TextStyle.Bold = true
	}
	l.SetText(v.Cell(id.Row, id.Col))
}

// healthImportance is the colour of a health level.
func healthImportance(level string) widget.Importance {
	switch level {
	case store.WardOK:
		return widget.SuccessImportance
	case store.WardLate, store.WardGap:
		return widget.WarningImportance
	case store.WardAlert:
		return widget.DangerImportance
	}
	return widget.LowImportance
}

// showDay shows the day of an RFC 3339 time as dd/mm/yyyy, local time.
func showDay(s string) string {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return ""
	}
	t = t.Local()
	return i18n.FormatDMY(t.Year(), t.Month(), t.Day())
}

// growFirst lays a table over its whole space and gives its first column
// the width the others leave (never less than its base width).
type growFirst struct {
	t      *widget.Table
	widths []float32
	last   float32
}

func (g *growFirst) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	rest := theme.Padding() * float32(len(g.widths)) // the gaps and the scroll bar's margin
	for _, w := range g.widths[1:] {
		rest += w
	}
	w := max(g.widths[0], size.Width-rest)
	if w != g.last {
		g.last = w
		g.t.SetColumnWidth(0, w)
	}
}

func (g *growFirst) MinSize(objs []fyne.CanvasObject) fyne.Size {
	if len(objs) == 0 {
		return fyne.Size{}
	}
	return objs[0].MinSize()
}
