package store

import (
	"context"
	"reflect"
	"testing"

	"hoanhap/caseload"
)

// searchFixture saves a small caseload and returns the store and the ids
// by full name.
func searchFixture(t *testing.T) (*Store, map[string]string) {
	t.Helper()
	s := openTest(t)
	ids := map[string]string{}
	add := func(name string, g caseload.Gender, year int, cid, phone, hamlet string, st caseload.Status, grp caseload.Group) {
		p := testPerson(name, g, year, cid)
		p.Phone, p.Hamlet, p.Status, p.Group = phone, hamlet, st, grp
		if st == caseload.StatusEnded {
			p.EndReason = caseload.EndMovedAway
		}
		if st == caseload.StatusExpected {
			p.ReturnedOn = caseload.Date{}
		}
		mustSave(t, s, &p)
		ids[name] = p.ID
	}
	add("Nguyễn Văn Đức", caseload.Male, 1985, "001085012345", "0912345678", "Thôn 1", caseload.StatusManaged, caseload.GroupA)
	add("Trần Thị Hoa", caseload.Female, 1990, "001190054321", "+84 987 654 321", "Thôn 2", caseload.StatusManaged, caseload.GroupB)
	add("Lê Văn Bình", caseload.Male, 1978, "", "", "Thôn 10", caseload.StatusExpected, "")
	add("Nguyễn Văn Bình", caseload.Male, 1980, "", "", "Thôn 1", caseload.StatusManaged, caseload.GroupC)
	add("Trần Thị Anh", caseload.Female, 1995, "", "", "Thôn 2", caseload.StatusManaged, caseload.GroupA)
	add("Phạm Đức Dũng", caseload.Male, 1970, "", "", "Thôn 1", caseload.StatusEnded, "")
	return s, ids
}

func names(rows []PersonRow) []string {
	out := make([]string, len(rows))
	for i, r := range rows {
		out[i] = r.FullName
	}
	return out
}

func TestPeopleSearch(t *testing.T) {
	s, _ := searchFixture(t)
	nfd := "Nguye\u0302\u0303n" // "Nguyễn" typed in Unikey's combining mode
	tests := []struct {
		name string
		f    PersonFilter
		want []string
	}{
		{"default list: expected+managed, name order", PersonFilter{},
			[]string{"Trần Thị Anh", "Lê Văn Bình", "Nguyễn Văn Bình", "Nguyễn Văn Đức", "Trần Thị Hoa"}},
		{"folded query", PersonFilter{Query: "nguyen van duc"}, []string{"Nguyễn Văn Đức"}},
		{"any word order", PersonFilter{Query: "duc nguyen"}, []string{"Nguyễn Văn Đức"}},
		{"prefixes", PersonFilter{Query: "ng v d"}, []string{"Nguyễn Văn Đức"}},
		{"upper case with marks", PersonFilter{Query: "NGUYỄN VĂN ĐỨC"}, []string{"Nguyễn Văn Đức"}},
		{"decomposed input", PersonFilter{Query: nfd + " Văn"}, []string{"Nguyễn Văn Bình", "Nguyễn Văn Đức"}},
		{"ended found by query", PersonFilter{Query: "dung"}, []string{"Phạm Đức Dũng"}},
		{"ended found with shared word, d before đ", PersonFilter{Query: "đức"}, []string{"Phạm Đức Dũng", "Nguyễn Văn Đức"}},
		{"citizen id prefix", PersonFilter{Query: "001085"}, []string{"Nguyễn Văn Đức"}},
		{"citizen id substring", PersonFilter{Query: "54321"}, []string{"Trần Thị Hoa"}},
		{"short digits only as prefix", PersonFilter{Query: "321"}, nil},
		{"phone prefix", PersonFilter{Query: "0912"}, []string{"Nguyễn Văn Đức"}},
		{"international phone by national prefix", PersonFilter{Query: "0987"}, []string{"Trần Thị Hoa"}},
		{"phone with spaces typed", PersonFilter{Query: "0912 345"}, []string{"Nguyễn Văn Đức"}},
		{"no match", PersonFilter{Query: "xyz"}, nil},
		{"words must all match", PersonFilter{Query: "nguyen hoa"}, nil},
		{"status filter ended only", PersonFilter{Statuses: []caseload.Status{caseload.StatusEnded}}, []string{"Phạm Đức Dũng"}},
		{"group filter", PersonFilter{Group: caseload.GroupA}, []string{"Trần Thị Anh", "Nguyễn Văn Đức"}},
		{"hamlet filter", PersonFilter{Hamlet: "Thôn 1"}, []string{"Nguyễn Văn Bình", "Nguyễn Văn Đức"}},
		{"hamlet filter with query", PersonFilter{Hamlet: "Thôn 1", Query: "duc"}, []string{"Phạm Đức Dũng", "Nguyễn Văn Đức"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(s.People(tt.f))
			if len(got) == 0 && len(tt.want) == 0 {
				return
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("People(%+v) = %q, want %q", tt.f, got, tt.want)
			}
		})
	}
}

func TestPeopleOnly(t *testing.T) {
	s, ids := searchFixture(t)
	got := names(s.People(PersonFilter{Only: map[string]bool{ids["Trần Thị Hoa"]: true, ids["Phạm Đức Dũng"]: true}}))
	if !reflect.DeepEqual(got, []string{"Trần Thị Hoa"}) {
		t.Errorf("Only = %q", got)
	}
	if got := s.People(PersonFilter{Only: map[string]bool{}}); len(got) != 0 {
		t.Errorf("empty Only gave %d rows", len(got))
	}
}

func TestPeopleRowFields(t *testing.T) {
	s, ids := searchFixture(t)
	rows := s.People(PersonFilter{Query: "0912"})
	if len(rows) != 1 {
		t.Fatalf("rows = %d", len(rows))
	}
	want := PersonRow{ID: ids["Nguyễn Văn Đức"], FullName: "Nguyễn Văn Đức", CitizenID: "001085012345",
		Phone: "0912345678", Hamlet: "Thôn 1", Offense: "Trộm cắp tài sản", BirthYear: 1985,
		Gender: caseload.Male, ReturnedOn: caseload.D(2024, 3, 2), CompletedOn: caseload.D(2024, 3, 1),
		Group: caseload.GroupA, Status: caseload.StatusManaged}
	if rows[0] != want {
		t.Errorf("row = %+v\nwant %+v", rows[0], want)
	}
	// The rebuilt index (reopen) gives the same rows as the live one.
	before := s.People(PersonFilter{Statuses: caseload.Statuses})
	path := s.Path()
	s.Close()
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if after := s2.People(PersonFilter{Statuses: caseload.Statuses}); !reflect.DeepEqual(before, after) {
		t.Errorf("reopened index differs:\n%+v\n%+v", before, after)
	}
}

func TestIndexFollowsUpdates(t *testing.T) {
	s, ids := searchFixture(t)
	ctx := context.Background()
	p, err := s.Person(ctx, ids["Trần Thị Anh"])
	if err != nil {
		t.Fatal(err)
	}
	p.FullName = "Trần Thị Yến"
	mustSave(t, s, &p)
	if len(s.People(PersonFilter{Query: "anh"})) != 0 {
		t.Errorf("old name still found")
	}
	got := names(s.People(PersonFilter{}))
	want := []string{"Lê Văn Bình", "Nguyễn Văn Bình", "Nguyễn Văn Đức", "Trần Thị Hoa", "Trần Thị Yến"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("after rename = %q", got)
	}
	if s.PeopleCount() != 6 {
		t.Errorf("count = %d", s.PeopleCount())
	}
}

func TestDuplicates(t *testing.T) {
	s, ids := searchFixture(t)
	tests := []struct {
		name string
		p    caseload.Person
		want []string
	}{
		{"same citizen id", testPerson("Ai Đó", caseload.Male, 1960, "001 085 012345"), []string{"Nguyễn Văn Đức"}},
		{"same folded name and year", testPerson("nguyen van  DUC", caseload.Male, 1985, ""), []string{"Nguyễn Văn Đức"}},
		{"same name other year", testPerson("Nguyễn Văn Đức", caseload.Male, 1986, ""), nil},
		{"same name unknown year", testPerson("Nguyễn Văn Đức", caseload.Male, 0, ""), nil},
		{"ended person found too", testPerson("Phạm Đức Dũng", caseload.Male, 1970, ""), []string{"Phạm Đức Dũng"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := names(s.Duplicates(tt.p))
			if len(got) != len(tt.want) || (len(got) > 0 && !reflect.DeepEqual(got, tt.want)) {
				t.Errorf("Duplicates = %q, want %q", got, tt.want)
			}
		})
	}
	// A person is not its own duplicate.
	self, _ := s.Person(context.Background(), ids["Nguyễn Văn Đức"])
	if got := s.Duplicates(self); len(got) != 0 {
		t.Errorf("self duplicate: %q", names(got))
	}
}

func TestHamlets(t *testing.T) {
	s, _ := searchFixture(t)
	if err := s.SetHamletList(context.Background(), []string{" Tổ dân phố  3 ", "Thôn 2", "Ấp Bắc"}); err != nil {
		t.Fatal(err)
	}
	got := s.Hamlets()
	want := []string{"Ấp Bắc", "Thôn 1", "Thôn 2", "Thôn 10", "Tổ dân phố 3"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Hamlets = %q, want %q", got, want)
	}
}

func TestSearchOtherNames(t *testing.T) {
	s := openTest(t)
	p := testPerson("Nguyễn Văn Tèo", caseload.Male, 1980, "")
	p.OtherNames = "Tí, Cu Tý; Ba Mập Đen Nhỏ Út" // more words than an entry holds inline
	mustSave(t, s, &p)
	q := testPerson("Lê Văn Út", caseload.Male, 1981, "")
	q.Phone = "0203 4567 8901 234" // longer than the inline digits
	mustSave(t, s, &q)
	for query, want := range map[string]int{"0203456": 1, "78901": 1, "mập": 1, "ut": 2, "teo ti": 1, "cu ty": 1, "den teo": 1, "ut le": 1} {
		if got := len(s.People(PersonFilter{Query: query})); got != want {
			t.Errorf("%q: %d rows, want %d", query, got, want)
		}
	}
}
