package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"hoanhap/i18n"
	"hoanhap/store"
)

// watchIndex tells the user when the search index, which the store builds
// in the background while the window opens (store.OpenDeferred), could not
// be built: lists and search are then empty, and the user must know why.
func (u *App) watchIndex(st *store.Store) {
	go func() {
		<-st.IndexReady()
		if st.IndexErr() == nil {
			return
		}
		fyne.Do(func() {
			dialog.ShowInformation(i18n.T("startup.index_failed.title"), i18n.T("startup.index_failed.body"), u.win)
		})
	}()
}
