package ui

import (
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// slowPeople is a caseload source whose list and hamlets block until
// release is closed, as right after launch at office scale both wait for
// the search index (seconds on a slow office PC).
type slowPeople struct {
	caseloadSource
	release chan struct{}
	calls   atomic.Int32
}

func (s *slowPeople) People(f store.PersonFilter) []store.PersonRow {
	s.calls.Add(1)
	<-s.release
	return s.caseloadSource.People(f)
}

func (s *slowPeople) Hamlets() []string {
	<-s.release
	return s.caseloadSource.Hamlets()
}

// While the caseload list is loading the window answers: the screen is
// built at once, says it is loading, and its search box takes typing;
// the rows appear once the source answers.
func TestLoadKeepsWindowResponsive(t *testing.T) {
	u, st := newTestUI(t)
	seed(t, st, caseload.Person{FullName: "Lê Văn An", Hamlet: "Thôn Đông"}, caseload.Person{FullName: "Trần Thị Bình", Hamlet: "Thôn Tây"})
	loadInline = false
	t.Cleanup(func() { loadInline = true })
	src := &slowPeople{caseloadSource: st, release: make(chan struct{})}
	released := false
	release := func() {
		if !released {
			released = true
			close(src.release)
		}
	}
	t.Cleanup(release)

	u.sess.Role = string(caseload.RoleOfficer)
	built := make(chan *caseloadView, 1)
	go func() { built <- u.newCaseloadView(src) }()
	var v *caseloadView
	select {
	case v = <-built:
	case <-time.After(2 * time.Second):
		release()
		t.Fatal("building the caseload waited for the slow list: the window froze")
	}
	u.content.Objects = []fyne.CanvasObject{v.root}
	u.content.Refresh()

	if len(v.hamlet.Options) != 1 {
		t.Errorf("hamlet filter before the index is ready: %v, want only 'all'", v.hamlet.Options)
	}
	if !v.loads.Busy() || v.count.Text != i18n.T("load.busy") {
		t.Fatalf("while loading: busy %v, count %q, want %q", v.loads.Busy(), v.count.Text, i18n.T("load.busy"))
	}
	v.search.deb.delay = time.Hour // the typing below must not start a second load yet
	test.Type(v.search, "an")
	if v.search.Text != "an" {
		t.Fatalf("the search box took %q while the list loads", v.search.Text)
	}
	typeShortcut(u.win, shortcutFind)
	if u.win.Canvas().Focused() != v.search {
		t.Error("Ctrl+F did not reach the screen while the list loads")
	}

	release()
	deadline := time.Now().Add(5 * time.Second)
	for v.loads.Busy() && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if v.loads.Busy() {
		t.Fatal("the list never finished loading")
	}
	if len(v.rows) != 2 || !strings.Contains(v.count.Text, "2") {
		t.Errorf("after the load: %d rows, count %q", len(v.rows), v.count.Text)
	}
	for deadline := time.Now().Add(5 * time.Second); len(v.hamletValues) == 1 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	if want := len(st.Hamlets()) + 1; want < 3 || len(v.hamletValues) != want || len(v.hamlet.Options) != want {
		t.Errorf("hamlet filter after the load: %d values, %d options, want %d", len(v.hamletValues), len(v.hamlet.Options), want)
	}
}
