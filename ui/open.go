package ui

import "strings"

// Open shows a screen by name: an area ("overview", "caseload", "visits",
// "mentors", "models", "support", "reports", "sync", "settings") or one of
// the profile screens ("person-new", "person-first", "person-support",
// "reception"). The command line's --screen flag uses it, so that
// make screenshots can photograph every main screen of the real GUI.
func (u *App) Open(screen string) {
	switch screen {
	default:
		u.ShowArea("nav." + strings.TrimPrefix(screen, "nav."))
	}
}
