package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/exchange"
	"hoanhap/i18n"
	"hoanhap/store"
)

// syncBackend is what the sync screen needs: this node's identity, its
// channels and the exchange operations (exchange.Node through nodeSync).
type syncBackend interface {
	Kind() string // ward or office
	Fingerprint() string
	Channels(ctx context.Context) ([]store.SyncChannel, error)
	Alerts(ctx context.Context) ([]store.SyncAlert, error)
	Export(ctx context.Context, to, dir string, opts ...exchange.ExportOption) (exchange.ExportResult, error)
	Import(ctx context.Context, path string) exchange.ImportReport
	EnrolRequest() ([]byte, error)
	EnrolAccept(ctx context.Context, request []byte, typed string) ([]byte, store.SyncPeer, error)
	EnrolFinish(ctx context.Context, reply []byte, typed string) (store.SyncPeer, error)
	UnitCode() string
	Conflicts(ctx context.Context) ([]store.SyncConflict, error)
	// Pending counts per table what the next file to the peer (to, or
	// the only one) would carry.
	Pending(ctx context.Context, to string) ([]exchange.PendingCount, error)
	// Received tells which files were already read (by their file id).
	Received(ctx context.Context, paths []string) (map[string]bool, error)
}

// nodeSync adapts exchange.Node to syncBackend.
type nodeSync struct{ *exchange.Node }

func (n nodeSync) Kind() string { return n.St.Node().UnitKind }
func (n nodeSync) Channels(ctx context.Context) ([]store.SyncChannel, error) {
	return n.St.SyncChannels(ctx)
}
func (n nodeSync) Alerts(ctx context.Context) ([]store.SyncAlert, error) { return n.St.SyncAlerts(ctx) }
func (n nodeSync) UnitCode() string                                      { return n.Unit().Code }
func (n nodeSync) Conflicts(ctx context.Context) ([]store.SyncConflict, error) {
	return n.St.SyncConflicts(ctx)
}

// newSyncArea builds the "Đồng bộ" area over this installation's node.
func (u *App) newSyncArea() fyne.CanvasObject {
	n, err := exchange.Open(u.st)
	if err != nil {
		return comingSoonText("nav.sync", i18n.Error(err))
	}
	// A leader reads, a mentor never sees sync: neither creates nor reads files.
	canWrite := !u.sess.readOnly() && !u.sess.isMentor()
	return newSyncView(nodeSync{n}, u.win, canWrite).content
}

func comingSoonText(titleKey, body string) fyne.CanvasObject {
	title := widget.NewLabelWithStyle(i18n.T(titleKey), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l := widget.NewLabel(body)
	l.Wrapping = fyne.TextWrapWord
	return container.NewPadded(container.NewVBox(title, widget.NewSeparator(), l))
}

// syncView is the sync screen: fingerprint, the two actions (create the
// file, read files), what each file read did, every channel's state, the
// alerts and enrolment.
type syncView struct {
	b        syncBackend
	win      fyne.Window
	canWrite bool // false: the state is shown, no action offered

	content   fyne.CanvasObject
	fp        []*canvas.Text      // the fingerprint, two lines
	busy      *widget.ProgressBar // the export: records written of those due
	done, all int                 // the export's progress, as last reported
	exportBtn *widget.Button
	readBtn   *widget.Button
	folderBtn *widget.Button
	someBtn   *widget.Button // choose the files of a folder (sync_choose.go)
	reader    *fileReader    // reads one file or a folder, with a progress bar (office_read.go)
	pending   *widget.Label  // what the next file will carry, before it is written
	peerSel   *widget.Select
	peers     []store.SyncPeer

	results   *fyne.Container // one label per file read or written
	channels  *fyne.Container
	alerts    *fyne.Container
	conflicts *fyne.Container
	enrolBox  *fyne.Container
}

func newSyncView(b syncBackend, win fyne.Window, canWrite bool) *syncView {
	v := &syncView{b: b, win: win, canWrite: canWrite}
	// Twelve groups of five digits on two lines of six: large enough to
	// read aloud, narrow enough for a 1024-pixel screen.
	groups := strings.Fields(b.Fingerprint())
	half := (len(groups) + 1) / 2
	for _, part := range [][]string{groups[:half], groups[half:]} {
		t := canvas.NewText(strings.Join(part, "  "), theme.Color(theme.ColorNameForeground))
		t.TextSize = 26
		t.TextStyle = fyne.TextStyle{Monospace: true}
		v.fp = append(v.fp, t)
	}
	v.busy = widget.NewProgressBar()
	v.busy.TextFormatter = func() string {
		return i18n.T("sync.ui.export_progress", "Done", i18n.Number(v.done), "All", i18n.Number(v.all))
	}
	v.busy.Hide()
	exportKey := "sync.ui.export_ward"
	if b.Kind() == "office" {
		exportKey = "sync.ui.export_office"
	}
	v.exportBtn = widget.NewButtonWithIcon(i18n.T(exportKey), theme.UploadIcon(), v.confirmExport)
	v.exportBtn.Importance = widget.HighImportance
	v.reader = newFileReader(b.Import, win)
	v.reader.OnDone = v.refresh
	v.reader.Received = b.Received
	v.readBtn, v.folderBtn, v.someBtn = v.reader.ReadFile, v.reader.ReadFolder, v.reader.ReadSome
	v.results = v.reader.Results
	v.pending = syncLabel("")
	v.peerSel = widget.NewSelect(nil, func(string) { v.showPending() })
	v.peerSel.PlaceHolder = i18n.T("sync.ui.choose_ward")
	v.channels = container.NewVBox()
	v.alerts = container.NewVBox()
	v.conflicts = container.NewVBox()
	v.enrolBox = container.NewVBox()

	fpTitle := syncLabel(i18n.T("sync.ui.fingerprint"))
	fpTitle.TextStyle = fyne.TextStyle{Bold: true}
	// The digits line up with the labels' text.
	fpBox := container.NewVBox(fpTitle, container.New(layout.NewCustomPaddedLayout(0, 0, theme.InnerPadding(), 0),
		container.NewVBox(v.fp[0], v.fp[1])))
	var actions fyne.CanvasObject = container.NewVBox(container.NewHBox(v.exportBtn), container.NewHBox(v.readBtn, v.folderBtn, v.someBtn))
	if b.Kind() == "office" {
		actions = container.NewVBox(container.NewHBox(v.peerSel, v.exportBtn), container.NewHBox(v.readBtn, v.folderBtn, v.someBtn))
	}
	var top fyne.CanvasObject = actions
	if !canWrite {
		top = syncLabel(i18n.T("sync.ui.read_only"))
	}
	body := container.NewVBox(
		fpBox,
		widget.NewSeparator(),
		top,
		v.pending,
		v.busy,
		v.reader.Progress,
		v.reader.Status,
		syncHeading("sync.ui.results"), v.results,
		syncHeading("sync.ui.channels"), v.channels,
		syncHeading("sync.ui.alerts"), v.alerts,
		syncHeading("sync.ui.conflicts"), v.conflicts,
		syncHeading("sync.ui.enrol"), v.enrolBox,
	)
	if chans, err := b.Channels(context.Background()); err == nil && len(chans) == 0 && canWrite {
		// Not enrolled yet: enrolment is the only thing to do, first.
		body = container.NewVBox(fpBox, widget.NewSeparator(), syncHeading("sync.ui.enrol"), v.enrolBox,
			widget.NewSeparator(), top, v.pending, v.busy, v.reader.Progress, v.reader.Status,
			syncHeading("sync.ui.results"), v.results, syncHeading("sync.ui.channels"), v.channels,
			syncHeading("sync.ui.alerts"), v.alerts, syncHeading("sync.ui.conflicts"), v.conflicts)
	}
	v.content = container.NewVScroll(container.NewPadded(body))
	if canWrite {
		v.buildEnrol()
	}
	v.refresh()
	return v
}

func syncHeading(key string) fyne.CanvasObject {
	return widget.NewLabelWithStyle(i18n.T(key), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
}

func syncLabel(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// refresh reloads the channels and alerts.
func (v *syncView) refresh() {
	ctx := context.Background()
	chans, err := v.b.Channels(ctx)
	v.channels.RemoveAll()
	v.peers = v.peers[:0]
	var names []string
	if err != nil {
		v.channels.Add(syncLabel(i18n.Error(err)))
	}
	if err == nil && len(chans) == 0 {
		v.channels.Add(syncLabel(i18n.T("exchange.error.no_peer")))
	}
	for _, c := range chans {
		v.channels.Add(syncLabel(channelText(c)))
		if c.Peer.Status == "active" {
			v.peers = append(v.peers, c.Peer)
			names = append(names, c.Peer.UnitName)
		}
	}
	v.peerSel.Options = names
	v.peerSel.Refresh()
	can := len(v.peers) > 0
	setEnabled(v.exportBtn, can)
	setEnabled(v.readBtn, can)
	setEnabled(v.folderBtn, can)
	setEnabled(v.someBtn, can)
	v.showPending()
	alerts, err := v.b.Alerts(ctx)
	v.alerts.RemoveAll()
	if err != nil {
		v.alerts.Add(syncLabel(i18n.Error(err)))
	}
	if err == nil && len(alerts) == 0 {
		v.alerts.Add(syncLabel(i18n.T("sync.ui.no_alerts")))
	}
	names2 := map[string]string{}
	for _, c := range chans {
		names2[c.Peer.NodeID] = c.Peer.UnitName
	}
	v.loadConflicts(names2)
	for i, a := range alerts {
		if i == 20 {
			v.alerts.Add(syncLabel(i18n.T("sync.ui.more_alerts", "Count", len(alerts)-20)))
			break
		}
		v.alerts.Add(syncLabel(i18n.T("sync.ui.alert", "At", a.CreatedAt, "Unit", names2[a.Peer], "Seq", a.Seq,
			"Reason", i18n.T(a.Detail, "Unit", names2[a.Peer], "Seq", a.Seq))))
	}
}

func setEnabled(b *widget.Button, on bool) {
	if on {
		b.Enable()
	} else {
		b.Disable()
	}
}

// channelText is one channel in a sentence.
func channelText(c store.SyncChannel) string {
	s := i18n.T("sync.ui.channel", "Unit", c.Peer.UnitName, "Out", c.OutSeq, "Acked", c.AckedUpto, "In", c.InUpto)
	if c.Peer.Status != "active" {
		s += " " + i18n.T("exchange.error.peer_revoked", "Unit", c.Peer.UnitName)
	}
	if len(c.Unacked) > 0 {
		s += "\n" + i18n.T("exchange.cli.status.unacked", "Seqs", seqText(c.Unacked))
	}
	if len(c.PeerMissing) > 0 {
		s += "\n" + i18n.T("sync.ui.peer_missing", "Seqs", seqText(c.PeerMissing))
	}
	if len(c.InMissing) > 0 {
		s += "\n" + i18n.T("exchange.cli.status.missing", "Seqs", seqText(c.InMissing))
	}
	if c.Deferred > 0 {
		s += "\n" + i18n.T("sync.ui.deferred_count", "Count", c.Deferred)
	}
	return s
}

func seqText(s []uint64) string {
	parts := make([]string, len(s))
	for i, v := range s {
		parts[i] = fmt.Sprint(v)
	}
	return strings.Join(parts, ", ")
}

// reportText is what one file read did, in a sentence with what to do.
func reportText(r exchange.ImportReport) string {
	name := filepath.Base(r.Path)
	switch r.Outcome {
	case exchange.OutcomeImported:
		s := i18n.T("sync.ui.imported", "File", name, "Unit", r.PeerName, "Seq", r.Seq, "Count", r.Records)
		if len(r.Gap) > 0 {
			s += " " + i18n.T("sync.ui.gap", "Seqs", seqText(r.Gap))
		}
		return s
	case exchange.OutcomeAlready:
		return i18n.T("sync.ui.already", "File", name)
	case exchange.OutcomeDeferred:
		return i18n.T("sync.ui.deferred", "File", name)
	}
	return i18n.T("sync.ui.rejected", "File", name, "Reason", i18n.Error(r.Err))
}

// exportTo writes the file for the peer (synchronously; the button runs
// it in a goroutine) and returns the sentence shown.
func (v *syncView) exportTo(dir string) string {
	to := ""
	if v.b.Kind() == "office" {
		i := v.peerSel.SelectedIndex()
		if i < 0 || i >= len(v.peers) {
			return i18n.T("sync.ui.choose_ward_first")
		}
		to = v.peers[i].NodeID
	}
	res, err := v.b.Export(context.Background(), to, dir, exchange.WithProgress(v.exportProgress))
	if err != nil {
		return i18n.T("sync.ui.export_failed", "Reason", i18n.Error(err))
	}
	s := i18n.T("sync.ui.exported", "Path", res.Path, "Count", res.Records)
	for _, p := range res.Resent {
		s += "\n" + i18n.T("exchange.cli.sync.resent", "Path", p)
	}
	return s
}

// exportProgress shows how many records of the file are written (called
// on the export's goroutine, every 1,000 records).
func (v *syncView) exportProgress(done, all int) {
	set := func() {
		v.done, v.all = done, all
		v.busy.Max = float64(max(all, 1))
		v.busy.SetValue(float64(min(done, max(all, 1))))
		if all == 0 { // nothing but the ack: the bar is full at once
			v.busy.SetValue(1)
		}
	}
	if loadInline { // tests: the export runs on the calling goroutine
		set()
		return
	}
	fyne.Do(set)
}

// readFiles imports the files in order and returns one sentence each.
func (v *syncView) readFiles(paths []string) []string {
	out := make([]string, 0, len(paths))
	for _, p := range paths {
		r := v.b.Import(context.Background(), p)
		r.Path = p
		out = append(out, reportText(r))
	}
	return out
}

// run does work off the UI thread with the busy bar shown, then shows its
// sentences.
func (v *syncView) run(work func() []string) {
	v.done, v.all = 0, 0
	v.busy.SetValue(0)
	v.busy.Show()
	v.exportBtn.Disable()
	v.readBtn.Disable()
	v.folderBtn.Disable()
	v.someBtn.Disable()
	var lines []string
	inBackground(nil, func() error { lines = work(); return nil }, func(error) { v.show(lines) })
}

// show replaces the results with lines and refreshes the channels.
func (v *syncView) show(lines []string) {
	v.busy.Hide()
	v.results.RemoveAll()
	for _, l := range lines {
		v.results.Add(syncLabel(l))
	}
	v.refresh()
}

func (v *syncView) chooseExportFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		dir := u.Path()
		v.run(func() []string { return []string{v.exportTo(dir)} })
	}, v.win)
	d.Resize(dialogSize(v.win))
	d.Show()
}

// hnxFiles lists the .hnx files of a folder, by name (the names carry the
// sequence numbers, so a channel's files come in order).
func hnxFiles(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		if !e.IsDir() && strings.EqualFold(filepath.Ext(e.Name()), ".hnx") {
			out = append(out, filepath.Join(dir, e.Name()))
		}
	}
	sort.Strings(out)
	return out
}
