package exchange

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"hoanhap/store"
)

// TestKilledMidImportLeavesStoreAsBefore imports a file of 300 people in a
// child process that stops after the 100th record, inside the import
// transaction, and is killed there: the office's store reads as before,
// and the same file then imports whole.
func TestKilledMidImportLeavesStoreAsBefore(t *testing.T) {
	if db := os.Getenv("HOANHAP_KILL_DB"); db != "" {
		killChild(t, db, os.Getenv("HOANHAP_KILL_FILE"))
		return
	}
	tp := newTopology(t)
	for i := 0; i < 300; i++ {
		addPerson(t, tp.a, fmt.Sprintf("Người thứ %d", i))
	}
	path := export(t, tp.a, tp.office, tp.dir).Path
	before := snapshot(t, tp.office)

	cmd := exec.Command(os.Args[0], "-test.run=^TestKilledMidImportLeavesStoreAsBefore$")
	cmd.Env = append(os.Environ(), "HOANHAP_KILL_DB="+tp.office.St.Path(), "HOANHAP_KILL_FILE="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	mid := make(chan bool, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.TrimSpace(sc.Text()) == "mid-import" {
				mid <- true
				return
			}
		}
		mid <- false
	}()
	select {
	case ok := <-mid:
		if !ok {
			cmd.Wait()
			t.Fatal("the child ended without reaching the middle of the import")
		}
	case <-time.After(60 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the child did not reach the middle of the import")
	}
	if err := cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	if snapshot(t, tp.office) != before {
		t.Fatal("a process killed mid-import changed the store")
	}
	r := mustImport(t, tp.office, path, OutcomeImported)
	if r.Records != 300 {
		t.Fatalf("after the kill the file imported %d records", r.Records)
	}
}

func killChild(t *testing.T, db, file string) {
	st, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	n, err := Open(st)
	if err != nil {
		t.Fatal(err)
	}
	importHook = func(records int) {
		if records == 100 {
			fmt.Println("mid-import")
			os.Stdout.Sync()
			time.Sleep(time.Hour) // killed here, inside the transaction
		}
	}
	r := n.Import(ctx, file)
	t.Fatalf("the child finished the import: %s %v", r.Outcome, r.Err)
}
