package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"hoanhap/exchange"
	"hoanhap/i18n"
)

// pendingTarget is the peer the next file goes to: "" for a ward (its
// only peer, the office), the ward chosen for an office; ok is false when
// an office has chosen no ward yet.
func (v *syncView) pendingTarget() (string, bool) {
	if v.b.Kind() != "office" {
		return "", true
	}
	i := v.peerSel.SelectedIndex()
	if i < 0 || i >= len(v.peers) {
		return "", false
	}
	return v.peers[i].NodeID, true
}

// pendingCounts are what the next file will carry, per table, in a
// sentence ("" when nothing can be counted yet).
func (v *syncView) pendingCounts() (string, int, error) {
	to, ok := v.pendingTarget()
	if !ok || len(v.peers) == 0 {
		return "", 0, nil
	}
	counts, err := v.b.Pending(context.Background(), to)
	if err != nil {
		return "", 0, err
	}
	text, total := pendingText(counts)
	return text, total, nil
}

// pendingText lists the counts (in the order of the table registry, as
// exchange.Node.Pending gives them).
func pendingText(counts []exchange.PendingCount) (string, int) {
	parts := make([]string, len(counts))
	total := 0
	for i, c := range counts {
		parts[i] = i18n.T("sync.pending.item", "Table", tableLabel(c.Table), "Count", i18n.Number(c.Records))
		total += c.Records
	}
	if total == 0 {
		return i18n.T("sync.pending.none"), 0
	}
	return i18n.T("sync.pending.some", "Count", i18n.Number(total), "List", strings.Join(parts, "; ")), total
}

// tableLabel is a synchronised table's name for people ("Người", "Lượt
// thăm"); the table's own name when there is no translation.
func tableLabel(name string) string {
	key := "sync.table." + name
	if i18n.Has(key) {
		return i18n.T(key)
	}
	return name
}

// showPending shows what the next file will carry, before it is written.
func (v *syncView) showPending() {
	if v.pending == nil {
		return
	}
	text, _, err := v.pendingCounts()
	if err != nil {
		text = i18n.Error(err)
	}
	v.pending.SetText(text)
	if text == "" {
		v.pending.Hide()
	} else {
		v.pending.Show()
	}
}

// confirmExport shows the counts of the next file and, once the officer
// agrees, asks where to write it.
func (v *syncView) confirmExport() {
	if _, ok := v.pendingTarget(); !ok {
		v.show([]string{i18n.T("sync.ui.choose_ward_first")})
		return
	}
	text, _, err := v.pendingCounts()
	if err != nil {
		v.show([]string{i18n.Error(err)})
		return
	}
	msg := syncLabel(text + "\n\n" + i18n.T("sync.pending.choose_folder"))
	d := dialog.NewCustomConfirm(i18n.T("sync.pending.title"), i18n.T("sync.pending.go"), i18n.T("sync.pending.cancel"), msg,
		func(ok bool) {
			if ok {
				v.chooseExportFolder()
			}
		}, v.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}
