package ui

import (
	"os"
	"testing"
)

// TestMain runs the screens' loads inline (see loadInline): a test reads
// a screen right after building or reloading it. TestLoadKeepsWindowResponsive
// turns it off to load in the background as the application does.
func TestMain(m *testing.M) {
	loadInline = true
	dupCheckDelay = 0
	os.Exit(m.Run())
}
