package index

import (
	"context"
	"fmt"
	"testing"

	"hoanhap/caseload"
)

func TestDigitsAndPhone(t *testing.T) {
	tests := []struct{ in, digits, national string }{
		{"", "", ""},
		{"0912345678", "0912345678", "0912345678"},
		{"+84 912-345-678", "84912345678", "0912345678"},
		{"84", "84", "84"},
		{"abc", "", ""},
	}
	for _, tt := range tests {
		d := digits(tt.in)
		if d != tt.digits || nationalPhone(d) != tt.national {
			t.Errorf("%q: digits %q national %q", tt.in, d, nationalPhone(d))
		}
	}
}

var testNames = []string{"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em"}

func person(i int, name string) Person {
	return Person{Row: Row{ID: fmt.Sprintf("id-%03d", i), FullName: name, BirthYear: 1970 + i,
		Status: caseload.StatusManaged, Hamlet: "Thôn 1", CitizenID: fmt.Sprintf("0010%08d", i)}}
}

func TestPutManyMatchesPut(t *testing.T) {
	var people []Person
	for i := 0; i < 40; i++ {
		people = append(people, person(i, fmt.Sprintf("%s %d", testNames[i%len(testNames)], i)))
	}
	one, many := New(), New()
	for i := range people[:10] {
		one.Put(people[i])
		many.Put(people[i])
	}
	// Replace two existing people and add the rest, with one id twice
	// (the last occurrence wins).
	people[3].FullName = "Bùi Văn Zũng"
	people[7].FullName = "An Thị Ba"
	dup := people[20]
	dup.FullName = "Cao Văn Khải"
	rest := append(append([]Person{people[3], people[7]}, people[10:]...), dup)
	for i := range rest {
		one.Put(rest[i])
	}
	many.PutMany(rest)
	if len(one.list) != len(many.list) || len(one.byID) != len(many.byID) || len(many.list) != 40 {
		t.Fatalf("sizes: put %d/%d, putMany %d/%d", len(one.list), len(one.byID), len(many.list), len(many.byID))
	}
	for i := range one.list {
		a, b := one.list[i].row, many.list[i].row
		if a.ID != b.ID || a.FullName != b.FullName {
			t.Errorf("entry %d: put %s %q, putMany %s %q", i, a.ID, a.FullName, b.ID, b.FullName)
		}
		if many.byID[b.ID] != many.list[i] {
			t.Errorf("byID[%s] is not the listed entry", b.ID)
		}
	}
}

// TestBuildMatchesPut: an index built in parallel from batches finds and
// orders the same people as one filled by Put, and Remove drops one.
func TestBuildMatchesPut(t *testing.T) {
	var people []Person
	for i := 0; i < 5000; i++ {
		people = append(people, person(i, fmt.Sprintf("%s %d", testNames[i%len(testNames)], i)))
	}
	built, err := Build(context.Background(), func(ctx context.Context, out chan<- []Person) error {
		for i := 0; i < len(people); i += 700 {
			out <- people[i:min(i+700, len(people))]
		}
		return nil
	}, []string{"Thôn 9"})
	if err != nil {
		t.Fatal(err)
	}
	put := New()
	for _, p := range people {
		put.Put(p)
	}
	a, b := built.Find(Filter{Query: "van"}), put.Find(Filter{Query: "van"})
	if len(a) == 0 || len(a) != len(b) {
		t.Fatalf("built finds %d, put finds %d", len(a), len(b))
	}
	for i := range a {
		if a[i].ID != b[i].ID {
			t.Fatalf("row %d: %s vs %s", i, a[i].ID, b[i].ID)
		}
	}
	if h := built.Hamlets(); len(h) != 2 {
		t.Errorf("hamlets %v, want the list's and the people's", h)
	}
	if d := built.Duplicates("", "001000000042", "", 0); len(d) != 1 || d[0].ID != "id-042" {
		t.Errorf("duplicates by citizen id: %v", d)
	}
	built.Remove("id-042")
	if built.Count() != len(people)-1 || len(built.Duplicates("", "001000000042", "", 0)) != 0 {
		t.Errorf("after Remove: count %d", built.Count())
	}
}
