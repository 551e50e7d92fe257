package exchange

import (
	"os"
	"path/filepath"
	"testing"
)

// TestReceivedTellsFilesAlreadyRead: before reading a folder, the files
// this node already read (by the file id in their header) are told from
// the others; a file that is not a sync file is not marked.
func TestReceivedTellsFilesAlreadyRead(t *testing.T) {
	tp := newTopology(t)
	var files []string
	for i, name := range []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"} {
		addPerson(t, tp.a, name)
		files = append(files, export(t, tp.a, tp.office, tp.dir).Path)
		if i != 1 {
			mustImport(t, tp.office, files[i], OutcomeImported)
		}
	}
	junk := filepath.Join(tp.dir, "HN_rac.hnx")
	if err := os.WriteFile(junk, []byte("not a sync file"), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := tp.office.Received(ctx, append(files, junk))
	if err != nil {
		t.Fatal(err)
	}
	if !got[files[0]] || got[files[1]] || !got[files[2]] || got[junk] {
		t.Fatalf("received %v", got)
	}
	if got, _ := tp.a.Received(ctx, files); len(got) != 0 {
		t.Fatalf("the sender marks its own files read: %v", got)
	}
}
