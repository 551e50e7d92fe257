package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

func TestSearchBoxDebouncesAndFlushes(t *testing.T) {
	a := test.NewTempApp(t)
	var got []string
	s := newSearchBox("", func(q string) { got = append(got, q) })
	s.deb.delay = time.Hour // never fires by itself in this test
	w := a.NewWindow("")
	w.SetContent(s)
	test.Type(s, "Nguyễn")
	if len(got) != 0 {
		t.Fatalf("searched while typing: %v", got)
	}
	s.Flush()
	if len(got) != 1 || got[0] != "Nguyễn" {
		t.Errorf("flush searched %v", got)
	}
	s.deb.delay = 0
	s.SetText(" nguyen van  ")
	if got[len(got)-1] != "nguyen van" {
		t.Errorf("search text not trimmed/normalised: %q", got[len(got)-1])
	}
}
