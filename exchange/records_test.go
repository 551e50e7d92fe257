package exchange

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/exchange/payload"
	"hoanhap/store"
)

func TestEveryExchangedTableHasAFlow(t *testing.T) {
	seen := map[string]bool{}
	for _, tb := range store.Tables() {
		if !tb.Exchanged() {
			continue
		}
		seen[tb.Name] = true
		f, ok := tableFlows[tb.Name]
		if !ok {
			t.Errorf("synchronised table %s has no sync flow in tableFlows: decide which way it travels", tb.Name)
		}
		if f.flow == held && f.why == "" {
			t.Errorf("table %s is held back without a reason", tb.Name)
		}
	}
	for name := range tableFlows {
		if !seen[name] {
			t.Errorf("tableFlows names %s, which the registry does not exchange", name)
		}
	}
}

func addPerson(t testing.TB, n *Node, name string) caseload.Person {
	t.Helper()
	p := caseload.Person{FullName: name, Gender: caseload.Male, BirthDate: caseload.BirthDate{Year: 1985}, Status: caseload.StatusManaged}
	if err := n.St.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func addVisit(t testing.TB, n *Node, personID string, day int) caseload.Visit {
	t.Helper()
	v := caseload.Visit{PersonID: personID, Date: caseload.D(2026, 11, day), AuthorKind: caseload.AuthorOfficer, AuthorName: "Thượng úy Lê Văn Hải", Kind: caseload.VisitHome}
	if err := n.St.AddVisit(ctx, &v); err != nil {
		t.Fatal(err)
	}
	return v
}

// records returns the records of every table that travels from wards,
// as canonical JSON, for comparing two stores.
func records(t testing.TB, n *Node, owner string) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for _, tb := range store.Tables() {
		if tableFlows[tb.Name].flow != fromWard {
			continue
		}
		recs, err := tb.Records(ctx, n.St)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			b, _ := json.Marshal(r)
			if owner == "" || strings.Contains(string(b), `"owner":"`+owner+`"`) {
				out[tb.Name] = append(out[tb.Name], string(b))
			}
		}
	}
	return out
}

func sameRecords(a, b map[string][]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if !slices.Equal(v, b[k]) {
			return false
		}
	}
	return true
}

func TestRecordsTravelAndAckMovesExportedToAcked(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Nguyễn Văn Đức")
	addPerson(t, tp.a, "Trần Thị Mai")
	addVisit(t, tp.a, p.ID, 3)
	m := caseload.Mentor{Kind: caseload.MentorPerson, Name: "Hội Cựu chiến binh", Organisation: caseload.OrgVeterans, Active: true}
	if err := tp.a.St.SaveMentor(ctx, &m); err != nil {
		t.Fatal(err)
	}
	res := export(t, tp.a, tp.office, tp.dir)
	if res.Records != 4 {
		t.Fatalf("exported %d records, want 4", res.Records)
	}
	r := mustImport(t, tp.office, res.Path, OutcomeImported)
	if r.Records != 4 {
		t.Fatalf("imported %d records", r.Records)
	}
	got, err := tp.office.St.Person(ctx, p.ID)
	if err != nil || got.FullName != "Nguyễn Văn Đức" || got.Owner != tp.a.ID.NodeID {
		t.Fatalf("office's copy: %+v %v", got, err)
	}
	if hits := tp.office.St.People(store.PersonFilter{Query: "nguyen van duc"}); len(hits) == 0 {
		t.Fatal("imported person not in the office's search index")
	}
	if !sameRecords(records(t, tp.a, ""), records(t, tp.office, tp.a.ID.NodeID)) {
		t.Fatal("office's copy differs from the ward's records")
	}
	exp, ack, _ := tp.a.St.SyncExportStates(ctx, tp.office.ID.NodeID)
	if exp != 4 || ack != 0 {
		t.Fatalf("before the ack: exported %d acked %d", exp, ack)
	}
	mustImport(t, tp.a, export(t, tp.office, tp.a, tp.dir).Path, OutcomeImported)
	exp, ack, _ = tp.a.St.SyncExportStates(ctx, tp.office.ID.NodeID)
	if exp != 0 || ack != 4 {
		t.Fatalf("after the ack: exported %d acked %d", exp, ack)
	}
	// Nothing new: the next file carries no record; a change carries one.
	if res := export(t, tp.a, tp.office, t.TempDir()); res.Records != 0 {
		t.Fatalf("unchanged register exported %d records", res.Records)
	}
	p.Notes = "Đã có việc làm"
	if err := tp.a.St.SavePerson(ctx, &p); err != nil {
		t.Fatal(err)
	}
	res = export(t, tp.a, tp.office, t.TempDir())
	if res.Records != 1 {
		t.Fatalf("one change exported %d records", res.Records)
	}
}

func TestStaleVersionIgnoredAndConflictQueued(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Lê Văn Tám")
	f1 := export(t, tp.a, tp.office, t.TempDir()).Path
	p.Notes = "phiên bản 2"
	tp.a.St.SavePerson(ctx, &p)
	f2 := export(t, tp.a, tp.office, t.TempDir()).Path
	mustImport(t, tp.office, f2, OutcomeImported)
	mustImport(t, tp.office, f1, OutcomeImported) // applies, but version 1 is stale
	got, _ := tp.office.St.Person(ctx, p.ID)
	if got.Notes != "phiên bản 2" || got.Ver != 2 {
		t.Fatalf("stale version overwrote: %+v", got)
	}
	// Same version, other content (another write at the same ver).
	data, _ := json.Marshal(got)
	var m map[string]any
	json.Unmarshal(data, &m)
	m["notes"] = "sửa khác"
	m["hlc"] = "1999999999999-00000-" + tp.a.ID.NodeID
	other, _ := json.Marshal(m)
	op := payload.Op{Op: "person.upsert", Table: "person", ID: p.ID, Owner: tp.a.ID.NodeID, Ver: 2, Data: other}
	f3 := craft(t, tp.a, tp.office, craftOpts{seq: 3, ops: []payload.Op{op}, prev: sha(t, f2)})
	mustImportBytes(t, tp.office, f3, OutcomeImported)
	got, _ = tp.office.St.Person(ctx, p.ID)
	if got.Notes != "phiên bản 2" {
		t.Fatal("a conflicting version replaced the local one")
	}
	cs, _ := tp.office.St.SyncConflicts(ctx)
	if len(cs) != 1 || !strings.Contains(cs[0].Remote, "sửa khác") || !strings.Contains(cs[0].Local, "phiên bản 2") {
		t.Fatalf("conflict queue: %+v", cs)
	}
}

func TestOwnerRules(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Phạm Văn Hùng")
	mustImport(t, tp.office, export(t, tp.a, tp.office, tp.dir).Path, OutcomeImported)
	// Ward b sends a's person as its own write.
	got, _ := tp.office.St.Person(ctx, p.ID)
	got.Ver, got.Notes = 5, "b sửa"
	data, _ := json.Marshal(got)
	op := payload.Op{Op: "person.upsert", Table: "person", ID: p.ID, Owner: tp.a.ID.NodeID, Ver: 5, Data: data}
	rejectUnchanged(t, tp.office, craft(t, tp.b, tp.office, craftOpts{ops: []payload.Op{op}}), "not_owner")
	// ... or claiming to own it.
	got.Owner = tp.b.ID.NodeID
	data, _ = json.Marshal(got)
	op = payload.Op{Op: "person.upsert", Table: "person", ID: p.ID, Owner: tp.b.ID.NodeID, Ver: 5, Data: data}
	rejectUnchanged(t, tp.office, craft(t, tp.b, tp.office, craftOpts{ops: []payload.Op{op}}), "not_owner")
	// A ward may not write the office's tables.
	h := `{"date":"2026-12-24","name":"x","owner":"` + tp.a.ID.NodeID + `","ver":1,"updated_at":"2026-01-01T00:00:00Z","updated_by":"x","hlc":"1"}`
	op = payload.Op{Op: "holiday.upsert", Table: "holiday", ID: "2026-12-24", Owner: tp.a.ID.NodeID, Ver: 1, Data: json.RawMessage(h)}
	rejectUnchanged(t, tp.office, craft(t, tp.a, tp.office, craftOpts{seq: 2, ops: []payload.Op{op}, prev: officeInSHA(t, tp)}), "not_owner")
	// Sync fields beside the record must match those inside it.
	got.Owner = tp.a.ID.NodeID
	data, _ = json.Marshal(got)
	op = payload.Op{Op: "person.upsert", Table: "person", ID: p.ID, Owner: tp.a.ID.NodeID, Ver: 9, Data: data}
	rejectUnchanged(t, tp.office, craft(t, tp.a, tp.office, craftOpts{seq: 2, ops: []payload.Op{op}, prev: officeInSHA(t, tp)}), "payload_malformed")
}

func TestReferenceWaitsForItsRecord(t *testing.T) {
	tp := newTopology(t)
	p := addPerson(t, tp.a, "Võ Văn Kiệt")
	f1 := export(t, tp.a, tp.office, t.TempDir()).Path
	v := addVisit(t, tp.a, p.ID, 5)
	f2 := export(t, tp.a, tp.office, t.TempDir()).Path
	mustImport(t, tp.office, f2, OutcomeImported)
	if n, _ := tp.office.St.SyncPendingCount(ctx); n != 1 {
		t.Fatalf("pending after the visit alone: %d", n)
	}
	mustImport(t, tp.office, f1, OutcomeImported)
	if n, _ := tp.office.St.SyncPendingCount(ctx); n != 0 {
		t.Fatalf("pending after its person came: %d", n)
	}
	if !sameRecords(records(t, tp.a, ""), records(t, tp.office, tp.a.ID.NodeID)) {
		t.Fatal("office differs from the ward once the person came")
	}
	_ = v
}

// TestEveryPermutationOfFourFilesConverges: four files of one ward (new
// people, a visit before... an update, a deletion) imported in each of the
// 24 orders end in the same office records, equal to the ward's.
func TestEveryPermutationOfFourFilesConverges(t *testing.T) {
	ward := newNode(t, "Phường Hòa Bình", "ward")
	usb := t.TempDir()
	first := newNode(t, "Công an tỉnh", "office")
	enrolPair(t, ward, first)
	var files []string
	p := addPerson(t, ward, "Nguyễn Văn An")
	files = append(files, export(t, ward, first, usb).Path)
	addVisit(t, ward, p.ID, 1)
	q := addPerson(t, ward, "Đỗ Thị Bình")
	files = append(files, export(t, ward, first, usb).Path)
	p.Notes = "đổi lần 1"
	ward.St.SavePerson(ctx, &p)
	addVisit(t, ward, q.ID, 2)
	files = append(files, export(t, ward, first, usb).Path)
	if err := ward.St.DeletePerson(ctx, q.ID); err != nil {
		t.Fatal(err)
	}
	p.Notes = "đổi lần 2"
	ward.St.SavePerson(ctx, &p)
	files = append(files, export(t, ward, first, usb).Path)
	want := records(t, ward, "")

	req, _ := ward.EnrolRequest()
	for _, order := range permutations([]int{0, 1, 2, 3}) {
		office := newNode(t, "Công an tỉnh", "office")
		if _, _, err := office.EnrolAccept(ctx, req, ward.Fingerprint()); err != nil {
			t.Fatal(err)
		}
		// The files were encrypted to the first office: re-address them by
		// giving this office the first office's keys.
		office.ID = first.ID
		for _, i := range order {
			if r := office.Import(ctx, files[i]); r.Outcome != OutcomeImported {
				t.Fatalf("order %v file %d: %s %v", order, i, r.Outcome, r.Err)
			}
		}
		if got := records(t, office, ""); !sameRecords(got, want) {
			t.Fatalf("order %v ends with other records:\n%v\nwant\n%v", order, got, want)
		}
		if n, _ := office.St.SyncPendingCount(ctx); n != 0 {
			t.Fatalf("order %v leaves %d records waiting", order, n)
		}
	}
}

func permutations(a []int) [][]int {
	if len(a) <= 1 {
		return [][]int{slices.Clone(a)}
	}
	var out [][]int
	for i := range a {
		rest := append(slices.Clone(a[:i]), a[i+1:]...)
		for _, p := range permutations(rest) {
			out = append(out, append([]int{a[i]}, p...))
		}
	}
	return out
}

// TestTwoWardsAndOfficeOverSeveralRounds: both wards work and exchange
// through one folder for four rounds; in the end the office holds each
// ward's records exactly as the ward does and every file is acknowledged.
func TestTwoWardsAndOfficeOverSeveralRounds(t *testing.T) {
	tp := newTopology(t)
	people := map[*Node][]caseload.Person{}
	for round := 1; round <= 4; round++ {
		usb := t.TempDir()
		for _, w := range []*Node{tp.a, tp.b} {
			p := addPerson(t, w, w.Unit().Code+" người "+string(rune('A'+round)))
			people[w] = append(people[w], p)
			addVisit(t, w, p.ID, round)
			if round > 1 {
				old := people[w][0]
				old.Notes = "vòng " + string(rune('0'+round))
				if err := w.St.SavePerson(ctx, &old); err != nil {
					t.Fatal(err)
				}
				people[w][0] = old
			}
			export(t, w, tp.office, usb)
		}
		for _, f := range hnx(t, usb) {
			mustImport(t, tp.office, f, OutcomeImported)
		}
		back := t.TempDir()
		for _, w := range []*Node{tp.a, tp.b} {
			mustImport(t, w, export(t, tp.office, w, back).Path, OutcomeImported)
		}
	}
	for _, w := range []*Node{tp.a, tp.b} {
		if !sameRecords(records(t, w, ""), records(t, tp.office, w.ID.NodeID)) {
			t.Errorf("office's copy of %s differs", w.Unit().Name)
		}
		c := channel(t, w, tp.office)
		if c.AckedUpto != 4 || len(c.Unacked) != 0 {
			t.Errorf("%s channel: %+v", w.Unit().Name, c)
		}
		if exp, _, _ := w.St.SyncExportStates(ctx, tp.office.ID.NodeID); exp != 0 {
			t.Errorf("%s: %d records still EXPORTED, not ACKED", w.Unit().Name, exp)
		}
	}
	// Ward a's records never reach ward b.
	if got := records(t, tp.b, tp.a.ID.NodeID); len(got) != 0 {
		t.Fatalf("ward b holds ward a's records: %v", got)
	}
}

func hnx(t testing.TB, dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "*.hnx"))
	slices.Sort(m)
	return m
}
