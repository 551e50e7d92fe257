package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// newTestUI opens a real store in a temporary directory and builds the
// main window over it, headless.
func newTestUI(t *testing.T) (*App, *store.Store) {
	t.Helper()
	i18n.SetLanguage("vi")
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "hoanhap.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, st)
	u.win.Resize(fyne.NewSize(1280, 800))
	return u, st
}

// showCaseload builds the caseload view with the given role and puts it
// on screen, with its debouncers off (tests call the synchronous methods).
func showCaseload(t *testing.T, u *App, role string) *caseloadView {
	t.Helper()
	u.sess.Role = role
	v := u.newCaseloadView(u.st)
	v.search.deb.delay = 0
	u.content.Objects = []fyne.CanvasObject{v.root}
	u.content.Refresh()
	return v
}

// seed saves people directly through the store.
func seed(t *testing.T, st *store.Store, people ...caseload.Person) []string {
	t.Helper()
	var ids []string
	for i := range people {
		p := people[i]
		if p.Status == "" {
			p.Status = caseload.StatusManaged
		}
		if p.Gender == "" {
			p.Gender = caseload.Male
		}
		if p.BirthDate.IsZero() {
			p.BirthDate = caseload.BirthDate{Year: 1985}
		}
		if err := st.SavePerson(context.Background(), &p); err != nil {
			t.Fatalf("seed %s: %v", p.FullName, err)
		}
		ids = append(ids, p.ID)
	}
	return ids
}

func names(v *caseloadView) []string {
	out := make([]string, len(v.rows))
	for i, r := range v.rows {
		out[i] = r.cells[colName]
	}
	return out
}

func TestCaseloadVietnameseOrder(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st,
		caseload.Person{FullName: "Trần Văn Bình", Hamlet: "Thôn Đông"},
		caseload.Person{FullName: "Nguyễn Thị Ánh", Gender: caseload.Female},
		caseload.Person{FullName: "Lê Văn An"},
		caseload.Person{FullName: "Phạm Đức Đạt"},
	)
	v := showCaseload(t, u, "officer")
	got := strings.Join(names(v), ", ")
	want := "Lê Văn An, Nguyễn Thị Ánh, Trần Văn Bình, Phạm Đức Đạt"
	if got != want {
		t.Errorf("order = %s, want %s", got, want)
	}
	if v.count.Text != "4 người" {
		t.Errorf("count = %q", v.count.Text)
	}
	if v.rows[1].cells[colGender] != "Nữ" || v.rows[1].cells[colStatus] != "Đang quản lý" {
		t.Errorf("row not translated: %v", v.rows[1].cells)
	}
}

func TestCaseloadSearchAndFilters(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st,
		caseload.Person{FullName: "Nguyễn Văn Đức", Hamlet: "Thôn Đông", Group: caseload.GroupA, CitizenID: "001085012345"},
		caseload.Person{FullName: "Nguyễn Thị Hoa", Gender: caseload.Female, Hamlet: "Thôn Tây", Group: caseload.GroupB},
		caseload.Person{FullName: "Trần Văn Cường", Hamlet: "Thôn Tây", Status: caseload.StatusExpected},
		caseload.Person{FullName: "Lê Văn Dũng", Status: caseload.StatusEnded, EndReason: caseload.EndDead},
	)
	v := showCaseload(t, u, "officer")
	if len(v.rows) != 3 {
		t.Fatalf("default list shows %d, want 3 (ended hidden): %v", len(v.rows), names(v))
	}

	test.Type(v.search, "duc nguyen")
	if got := names(v); len(got) != 1 || got[0] != "Nguyễn Văn Đức" {
		t.Errorf("search 'duc nguyen' = %v", got)
	}
	v.search.SetText("0010850")
	if got := names(v); len(got) != 1 || got[0] != "Nguyễn Văn Đức" {
		t.Errorf("search by CCCD = %v", got)
	}
	v.search.SetText("")

	v.status.SetSelectedIndex(4) // ended
	if got := names(v); len(got) != 1 || got[0] != "Lê Văn Dũng" {
		t.Errorf("status ended = %v", got)
	}
	v.status.SetSelectedIndex(1) // all
	if len(v.rows) != 4 {
		t.Errorf("status all = %v", names(v))
	}
	v.group.SetSelectedIndex(2) // B
	if got := names(v); len(got) != 1 || got[0] != "Nguyễn Thị Hoa" {
		t.Errorf("group B = %v", got)
	}
	v.group.SetSelectedIndex(0)
	v.hamlet.SetSelected("Thôn Tây")
	if got := strings.Join(names(v), ", "); got != "Trần Văn Cường, Nguyễn Thị Hoa" {
		t.Errorf("hamlet Thôn Tây = %s", got)
	}
	if v.count.Text != "2 người" {
		t.Errorf("count = %q", v.count.Text)
	}
}

func TestCaseloadHeaderSort(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st,
		caseload.Person{FullName: "Lê Văn An", BirthDate: caseload.BirthDate{Year: 1990}, Hamlet: "Tổ 2"},
		caseload.Person{FullName: "Trần Văn Bình", BirthDate: caseload.BirthDate{Year: 1970}, Hamlet: "Thôn Đông"},
		caseload.Person{FullName: "Phạm Văn Cường", BirthDate: caseload.BirthDate{Year: 1980}, Hamlet: "Thôn An"},
	)
	v := showCaseload(t, u, "officer")
	if h, ic := v.headerText(colName), v.headerIcon(colName); h != "Họ tên" || ic != theme.MenuDropUpIcon() {
		t.Errorf("default header = %q", h)
	}
	v.sortBy(colBirthYear)
	if got := strings.Join(names(v), ", "); got != "Trần Văn Bình, Phạm Văn Cường, Lê Văn An" {
		t.Errorf("by year asc = %s", got)
	}
	if h := v.headerText(colBirthYear); h != "Năm sinh" || v.headerIcon(colBirthYear) != theme.MenuDropUpIcon() || v.headerIcon(colName) != nil {
		t.Errorf("headers = %q, %q", h, v.headerText(colName))
	}
	v.sortBy(colBirthYear)
	if got := strings.Join(names(v), ", "); got != "Lê Văn An, Phạm Văn Cường, Trần Văn Bình" {
		t.Errorf("by year desc = %s", got)
	}
	if h := v.headerText(colBirthYear); h != "Năm sinh" || v.headerIcon(colBirthYear) != theme.MenuDropDownIcon() {
		t.Errorf("desc header = %q", h)
	}
	// The header draws the arrow as a theme icon: no arrow character a
	// font may lack (Wine showed "▲" as "�").
	b := v.table.CreateHeader().(*widget.Button)
	v.table.UpdateHeader(widget.TableCellID{Row: -1, Col: colBirthYear}, b)
	if b.Icon != theme.MenuDropDownIcon() || strings.ContainsAny(b.Text, "▲▼△▽↑↓") {
		t.Errorf("sorted header: text %q, icon %v", b.Text, b.Icon)
	}
	v.sortBy(colHamlet) // Vietnamese collation: Thôn An < Thôn Đông < Tổ 2
	if got := strings.Join(names(v), ", "); got != "Phạm Văn Cường, Trần Văn Bình, Lê Văn An" {
		t.Errorf("by hamlet = %s", got)
	}
	v.sortBy(colName)
	if got := strings.Join(names(v), ", "); got != "Lê Văn An, Trần Văn Bình, Phạm Văn Cường" {
		t.Errorf("back to name order = %s", got)
	}
	v.sortBy(colName)
	if got := strings.Join(names(v), ", "); got != "Phạm Văn Cường, Trần Văn Bình, Lê Văn An" {
		t.Errorf("name desc = %s", got)
	}

	// Tapping the real header button sorts too.
	u.win.SetContent(v.root)
	u.win.Resize(fyne.NewSize(1280, 800))
	var yearHeader *widget.Button
	for _, o := range test.LaidOutObjects(v.table) {
		if b, ok := o.(*widget.Button); ok && strings.HasPrefix(b.Text, "Năm sinh") {
			yearHeader = b
		}
	}
	if yearHeader == nil {
		t.Fatal("no 'Năm sinh' header button")
	}
	test.Tap(yearHeader)
	if got := strings.Join(names(v), ", "); got != "Trần Văn Bình, Phạm Văn Cường, Lê Văn An" || v.sortCol != colBirthYear {
		t.Errorf("after tapping the header = %s", got)
	}
}

// fixtureRows makes n list rows in name order.
func fixtureRows(n int) []store.PersonRow {
	rows := make([]store.PersonRow, n)
	for i := range rows {
		rows[i] = store.PersonRow{ID: fmt.Sprint(i), FullName: fmt.Sprintf("Nguyễn Văn %06d", i), BirthYear: 1950 + i%50,
			Gender: caseload.Male, Hamlet: "Thôn Đông", Offense: "Trộm cắp tài sản", ReturnedOn: caseload.D(2024, 1, 1+i%28),
			Group: caseload.GroupA, Status: caseload.StatusManaged}
	}
	return rows
}

// scrollThrough jumps through the whole table in steps and returns the
// time taken and the number of cells created meanwhile.
func scrollThrough(v *caseloadView, steps int) (time.Duration, int) {
	n := len(v.rows)
	v.table.ScrollToTop()
	created := v.cellsCreated
	start := time.Now()
	for i := 1; i <= steps; i++ {
		v.table.ScrollTo(widget.TableCellID{Row: i * (n - 1) / steps, Col: 0})
	}
	return time.Since(start), v.cellsCreated - created
}

// TestCaseloadLargeListIsVirtual loads 100,000 rows and scrolls through
// the whole table: the table makes only a screenful of cells, reuses them,
// and a jump costs the same with 100,000 rows as with 1,000 (cell updates
// are slice lookups of pre-formatted text).
func TestCaseloadLargeListIsVirtual(t *testing.T) {
	u, _ := newTestUI(t)
	v := showCaseload(t, u, "officer")
	u.win.SetContent(v.root)
	u.win.Resize(fyne.NewSize(1280, 800))
	const steps = 20

	v.setRows(fixtureRows(1000))
	scrollThrough(v, 2) // lay the table out once
	small, _ := scrollThrough(v, steps)

	start := time.Now()
	v.setRows(fixtureRows(100_000))
	load := time.Since(start)
	if v.count.Text != "100.000 người" {
		t.Errorf("count = %q", v.count.Text)
	}
	large, created := scrollThrough(v, steps)
	t.Logf("load 100k %v; %d jumps: 1k rows %v, 100k rows %v; cells %d", load, steps, small, large, v.cellsCreated)
	if v.cellsCreated > 1500 {
		t.Errorf("table created %d cells: not virtualised", v.cellsCreated)
	}
	if created > 200 {
		t.Errorf("scrolling created %d new cells; cells should be recycled", created)
	}
	if large > 4*small+2*time.Second {
		t.Errorf("scrolling 100,000 rows took %v against %v for 1,000: cell updates are not O(1)", large, small)
	}
	if load > 3*time.Second {
		t.Errorf("loading 100,000 rows took %v", load)
	}
}

func TestCaseloadOpenProfileLogsView(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Lê Văn An", Phone: "0912345678"})
	v := showCaseload(t, u, "officer")
	v.table.Select(widget.TableCellID{Row: 0, Col: 2})
	if v.form == nil {
		t.Fatal("selecting a row did not open the profile")
	}
	if v.form.person.ID != ids[0] || v.form.phone.Text != "0912345678" {
		t.Errorf("opened %q with phone %q", v.form.person.ID, v.form.phone.Text)
	}
	v.form.RequestClose()
	if v.form != nil {
		t.Error("closing a clean profile did not return to the list")
	}
}

// Closing a profile reads the list again: a reception recorded while the
// profile was open (in its "Giúp đỡ" tab) shows as "Đang quản lý", not the
// stale "Chờ về".
func TestListReloadedWhenProfileCloses(t *testing.T) {
	u, st := newTestUI(t)
	ids := seed(t, st, caseload.Person{FullName: "Tạ Văn Lực", Status: caseload.StatusExpected,
		ReleaseKind: caseload.ReleaseCompleted, CompletedOn: caseload.D(2026, 3, 2)})
	v := showCaseload(t, u, "officer")
	v.openPerson(ids[0])
	if v.form == nil {
		t.Fatal("profile not opened")
	}
	r := caseload.Reception{PersonID: ids[0], SessionDate: caseload.D(2026, 3, 4), Officer: "Thượng úy Lê Văn Hải",
		MinutesDone: true, InfoSheetDone: true, CounsellingDone: true}
	if err := st.RecordReception(context.Background(), &r); err != nil {
		t.Fatal(err)
	}
	v.form.close()
	if len(v.rows) != 1 || v.rows[0].row.Status != caseload.StatusManaged {
		t.Fatalf("list after closing the profile = %+v", v.rows)
	}
}
