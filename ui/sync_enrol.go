package ui

import (
	"context"
	"os"
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
)

// buildEnrol fills the enrolment part of the sync screen. A ward writes
// its request and later reads the office's reply, typing the office's
// fingerprint; the office reads a ward's request, typing the ward's
// fingerprint, and its reply is written beside the request.
func (v *syncView) buildEnrol() {
	v.enrolBox.RemoveAll()
	typed := widget.NewEntry()
	msg := syncLabel("")
	if v.b.Kind() == "office" {
		typed.SetPlaceHolder(i18n.T("sync.ui.ward_fingerprint"))
		pick := widget.NewButton(i18n.T("sync.ui.enrol_accept"), func() {
			v.pickEnrolFile(func(p string) { msg.SetText(v.enrolAccept(p, typed.Text)) })
		})
		v.enrolBox.Add(syncLabel(i18n.T("sync.ui.enrol_office_help")))
		v.enrolBox.Add(typed)
		v.enrolBox.Add(pick)
		v.enrolBox.Add(msg)
		return
	}
	request := widget.NewButton(i18n.T("sync.ui.enrol_request"), func() {
		dialog.ShowFolderOpen(func(u fyne.ListableURI, err error) {
			if err == nil && u != nil {
				msg.SetText(v.enrolRequestTo(u.Path()))
			}
		}, v.win)
	})
	typed.SetPlaceHolder(i18n.T("sync.ui.office_fingerprint"))
	finish := widget.NewButton(i18n.T("sync.ui.enrol_finish"), func() {
		v.pickEnrolFile(func(p string) { msg.SetText(v.enrolFinish(p, typed.Text)) })
	})
	v.enrolBox.Add(syncLabel(i18n.T("sync.ui.enrol_ward_help")))
	v.enrolBox.Add(request)
	v.enrolBox.Add(typed)
	v.enrolBox.Add(finish)
	v.enrolBox.Add(msg)
}

func (v *syncView) pickEnrolFile(then func(path string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			return
		}
		p := r.URI().Path()
		r.Close()
		then(p)
	}, v.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".hne"}))
	d.Show()
}

// enrolRequestTo writes the ward's enrolment file into dir.
func (v *syncView) enrolRequestTo(dir string) string {
	data, err := v.b.EnrolRequest()
	if err != nil {
		return i18n.Error(err)
	}
	p := filepath.Join(dir, "HN_"+v.b.UnitCode()+"_dang_ky.hne")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		return i18n.T("exchange.error.write_file", "Path", p)
	}
	return i18n.T("sync.ui.enrol_requested", "Path", p)
}

// enrolAccept reads a ward's request, checks the typed fingerprint and
// writes the reply beside the request.
func (v *syncView) enrolAccept(path, typed string) string {
	data, err := readEnrolFile(path)
	if err != nil {
		return i18n.T("exchange.error.read_file", "Path", path)
	}
	reply, peer, err := v.b.EnrolAccept(context.Background(), data, typed)
	if err != nil {
		return i18n.Error(err)
	}
	out := filepath.Join(filepath.Dir(path), "HN_"+v.b.UnitCode()+"_tra_loi_"+peer.Code+".hne")
	if err := os.WriteFile(out, reply, 0o644); err != nil {
		return i18n.T("exchange.error.write_file", "Path", out)
	}
	v.refresh()
	return i18n.T("sync.ui.enrol_accepted", "Unit", peer.UnitName, "Path", out)
}

// enrolFinish reads the office's reply and pins the office.
func (v *syncView) enrolFinish(path, typed string) string {
	data, err := readEnrolFile(path)
	if err != nil {
		return i18n.T("exchange.error.read_file", "Path", path)
	}
	peer, err := v.b.EnrolFinish(context.Background(), data, typed)
	if err != nil {
		return i18n.Error(err)
	}
	v.refresh()
	return i18n.T("exchange.cli.enrol.finished", "Unit", peer.UnitName)
}

func readEnrolFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if st.Size() > 1<<20 {
		return nil, os.ErrInvalid
	}
	return os.ReadFile(path)
}
