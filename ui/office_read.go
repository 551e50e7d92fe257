package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/exchange"
	"hoanhap/i18n"
)

// fileReader reads sync files, one or a whole folder of them (a USB stick
// with every ward's files), off the UI thread: a progress bar counts the
// files, and each file's result appears as it is read, coloured by
// outcome, in plain Vietnamese with what to do. The ward's sync screen
// and the office's ward list share it.
type fileReader struct {
	importFile func(ctx context.Context, path string) exchange.ImportReport
	win        fyne.Window

	ReadFile   *widget.Button
	ReadFolder *widget.Button
	ReadSome   *widget.Button // choose the files of a folder to read (sync_choose.go)
	Progress   *widget.ProgressBar
	Status     *widget.Label
	Results    *fyne.Container // one label per file

	// Reports are the results of the last reading, in file order.
	Reports []exchange.ImportReport
	// OnDone runs on the UI thread when a reading ends.
	OnDone func()
	// Received, when set, tells which files were already read (the
	// "đã đọc" column of the choice of files; exchange.Node.Received).
	Received func(ctx context.Context, paths []string) (map[string]bool, error)
}

func newFileReader(importFile func(ctx context.Context, path string) exchange.ImportReport, win fyne.Window) *fileReader {
	r := &fileReader{importFile: importFile, win: win}
	r.ReadFile = widget.NewButtonWithIcon(i18n.T("sync.ui.read_file"), theme.DownloadIcon(), r.chooseFile)
	r.ReadFolder = widget.NewButtonWithIcon(i18n.T("sync.ui.read_folder"), theme.FolderOpenIcon(), r.chooseFolder)
	r.ReadSome = widget.NewButtonWithIcon(i18n.T("sync.ui.read_some"), theme.CheckButtonCheckedIcon(), r.chooseSome)
	r.Progress = widget.NewProgressBar()
	r.Progress.TextFormatter = func() string {
		return i18n.T("office.read.progress", "Done", int(r.Progress.Value), "All", int(r.Progress.Max))
	}
	r.Progress.Hide()
	r.Status = widget.NewLabel("")
	r.Status.Wrapping = fyne.TextWrapWord
	r.Status.Hide()
	r.Results = container.NewVBox(resultLabel(i18n.T("office.read.hint"), widget.LowImportance))
	return r
}

// SetEnabled turns the reading buttons on or off.
func (r *fileReader) SetEnabled(on bool) {
	setEnabled(r.ReadFile, on)
	setEnabled(r.ReadFolder, on)
	setEnabled(r.ReadSome, on)
}

func (r *fileReader) chooseFile() {
	d := dialog.NewFileOpen(func(rc fyne.URIReadCloser, err error) {
		if err != nil || rc == nil {
			return
		}
		p := rc.URI().Path()
		rc.Close()
		r.Read([]string{p})
	}, r.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".hnx"}))
	d.Resize(dialogSize(r.win))
	d.Show()
}

func (r *fileReader) chooseFolder() {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		r.ReadDir(u.Path())
	}, r.win)
	d.Resize(dialogSize(r.win))
	d.Show()
}

// ReadDir reads every .hnx file of dir, in name order (a channel's
// files then come in sequence; out-of-order files are applied anyway and
// the gap reported).
func (r *fileReader) ReadDir(dir string) {
	files := hnxFiles(dir)
	if len(files) == 0 {
		r.Results.RemoveAll()
		r.Results.Add(resultLabel(i18n.T("sync.ui.no_files", "Path", dir), widget.WarningImportance))
		return
	}
	r.Read(files)
}

// Read imports paths one after the other in the background, showing each
// result as it comes and the count on the progress bar.
func (r *fileReader) Read(paths []string) {
	r.Results.RemoveAll()
	r.Reports = nil
	r.Progress.Max = float64(len(paths))
	r.Progress.SetValue(0)
	r.Progress.Show()
	r.Status.SetText(i18n.T("office.read.reading", "Count", len(paths)))
	r.Status.Show()
	r.SetEnabled(false)
	one := func(i int, rep exchange.ImportReport) {
		r.Reports = append(r.Reports, rep)
		r.Results.Add(resultLabel(reportText(rep), outcomeImportance(rep)))
		r.Progress.SetValue(float64(i + 1))
	}
	finish := func() {
		r.SetEnabled(true)
		r.Status.SetText(readSummary(r.Reports))
		if r.OnDone != nil {
			r.OnDone()
		}
	}
	if loadInline { // tests: read before the call returns
		for i, p := range paths {
			one(i, r.read(p))
		}
		finish()
		return
	}
	go func() {
		for i, p := range paths {
			rep := r.read(p)
			fyne.Do(func() { one(i, rep) })
		}
		fyne.Do(finish)
	}()
}

func (r *fileReader) read(p string) exchange.ImportReport {
	rep := r.importFile(context.Background(), p)
	rep.Path = p
	return rep
}

// readSummary counts the outcomes of a reading in one sentence.
func readSummary(reps []exchange.ImportReport) string {
	var imported, already, rejected, deferred, records int
	for _, r := range reps {
		switch r.Outcome {
		case exchange.OutcomeImported:
			imported++
			records += r.Records
		case exchange.OutcomeAlready:
			already++
		case exchange.OutcomeDeferred:
			deferred++
		default:
			rejected++
		}
	}
	return i18n.T("office.read.summary", "Files", len(reps), "Imported", imported, "Records", i18n.Number(records),
		"Already", already, "Rejected", rejected, "Deferred", deferred)
}

// outcomeImportance colours a file's result: green imported, grey already
// imported, orange imported with a gap or kept for later, red rejected.
func outcomeImportance(r exchange.ImportReport) widget.Importance {
	switch r.Outcome {
	case exchange.OutcomeImported:
		if len(r.Gap) > 0 {
			return widget.WarningImportance
		}
		return widget.SuccessImportance
	case exchange.OutcomeAlready:
		return widget.LowImportance
	case exchange.OutcomeDeferred:
		return widget.WarningImportance
	}
	return widget.DangerImportance
}

func resultLabel(text string, imp widget.Importance) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// dialogSize is a file dialog's size: most of the window, so that long
// folder names on a USB stick are readable.
func dialogSize(win fyne.Window) fyne.Size {
	s := win.Canvas().Size()
	return fyne.NewSize(max(600, s.Width*0.85), max(420, s.Height*0.85))
}
