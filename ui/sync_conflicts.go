package ui

import (
	"context"

	"fyne.io/fyne/v2/widget"

	"hoanhap/i18n"
	"hoanhap/store"
)

// showConflicts lists the records received at the version already here
// with other content: both versions are kept (the local one in place) until
// a person decides; the list shows what arrived, from whom, and both
// versions' text for comparison.
func (v *syncView) showConflicts(cs []store.SyncConflict, names map[string]string) {
	v.conflicts.RemoveAll()
	if len(cs) == 0 {
		v.conflicts.Add(syncLabel(i18n.T("sync.ui.no_conflicts")))
		return
	}
	for i, c := range cs {
		if i == 20 {
			v.conflicts.Add(syncLabel(i18n.T("sync.ui.more_conflicts", "Count", len(cs)-20)))
			break
		}
		acc := widget.NewAccordion(widget.NewAccordionItem(
			i18n.T("sync.ui.conflict", "Table", c.Table, "ID", c.RecordID, "Unit", names[c.Peer], "At", c.CreatedAt),
			syncLabel(i18n.T("sync.ui.conflict_versions", "Local", c.Local, "Remote", c.Remote)),
		))
		v.conflicts.Add(acc)
	}
}

func (v *syncView) loadConflicts(names map[string]string) {
	cs, err := v.b.Conflicts(context.Background())
	if err != nil {
		v.conflicts.RemoveAll()
		v.conflicts.Add(syncLabel(i18n.Error(err)))
		return
	}
	v.showConflicts(cs, names)
}
