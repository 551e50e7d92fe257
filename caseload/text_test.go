package caseload

import (
	"reflect"
	"testing"
)

func TestTextProblem(t *testing.T) {
	for _, tt := range []struct {
		in, key string
		r       rune
	}{
		{"Nguyễn Văn An", "", 0},
		{"dòng 1\n\tdòng 2", "", 0},
		{"Nguy\xffn", "validation.text.encoding", 0xFFFD},
		{"Nguy\uFFFDn", "validation.text.encoding", 0xFFFD},
		{"Trộm\u0000 cắp", "validation.text.control", 0},
		{"Trộm\u001b[2J cắp", "validation.text.control", 0x1b},
		{"chuông\u0007", "validation.text.control", 7},
		{"xoá\u007f", "validation.text.control", 0x7f},
		{"C1\u0085", "validation.text.control", 0x85},
		{"An \u202eBa", "validation.text.bidi", 0x202e},
		{"\u2066x", "validation.text.bidi", 0x2066},
		{"\u200fx", "validation.text.bidi", 0x200f},
		{"An\u200bBa", "validation.text.invisible", 0x200b},
	} {
		key, r := TextProblem(tt.in)
		if key != tt.key || (key != "" && r != tt.r) {
			t.Errorf("TextProblem(%q) = %q %U, want %q %U", tt.in, key, r, tt.key, tt.r)
		}
	}
}

// TestCheckTextsNamesNestedFields: every text field of a record is
// checked, named by its canonical JSON path; Meta is skipped.
func TestCheckTextsNamesNestedFields(t *testing.T) {
	p := Person{FullName: "Nguyễn Văn An", Judgment: Judgment{Court: "TAND\u0007"},
		Supplementary: []Supplementary{{Kind: "ok"}, {Kind: "cấm\u202ecư trú"}}, Notes: "a\nb"}
	p.UpdatedBy = "\u0000" // the app's own field: not checked
	var got []string
	for _, e := range CheckTexts(p) {
		got = append(got, e.Field+" "+e.Key)
	}
	want := []string{"judgment.court validation.text.control", "supplementary.1.kind validation.text.bidi"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("CheckTexts = %q, want %q", got, want)
	}
	v := Visit{Employment: "thợ\u001bhồ"}
	if errs := CheckTexts(&v); len(errs) != 1 || errs[0].Field != "employment" {
		t.Errorf("CheckTexts(visit) = %v", errs)
	}
}

// TestNormalizeRemovesZeroWidth: zero-width characters pasted into a
// name, a citizen id or notes are removed; InvisibleWarnings names them.
func TestNormalizeRemovesZeroWidth(t *testing.T) {
	p := Person{FullName: "Nguyễn\u200b Văn\ufeff An", CitizenID: "0750\u200b85-001.234", Notes: "a\u200d\r\nb"}
	warn := InvisibleWarnings(p)
	if len(warn) != 3 || warn[0].Field != "full_name" || warn[1].Field != "citizen_id" || warn[2].Field != "notes" {
		t.Errorf("InvisibleWarnings = %v", warn)
	}
	Normalize(&p)
	if p.FullName != "Nguyễn Văn An" || p.CitizenID != "075085001234" || p.Notes != "a\nb" {
		t.Errorf("Normalize = %q %q %q", p.FullName, p.CitizenID, p.Notes)
	}
	if errs := CheckTexts(p); len(errs) != 0 {
		t.Errorf("CheckTexts after Normalize = %v", errs)
	}
}

// TestCitizenIDLetterIsNotADigit: a letter in a citizen id is reported as
// a non-digit, not silently dropped into an 11-digit id.
func TestCitizenIDLetterIsNotADigit(t *testing.T) {
	p := Person{CitizenID: "07508500123A"}
	Normalize(&p)
	errs, _ := CheckCitizenID(p.CitizenID, "", 0)
	if len(errs) != 1 || errs[0].Key != "validation.citizen_id.digits" {
		t.Errorf("CheckCitizenID(%q) = %v", p.CitizenID, errs)
	}
}

// TestDateOrder: birth < judgment ≤ completed_on ≤ returned_on ≤
// reported_on; each contradiction names the later field and the earlier
// date.
func TestDateOrder(t *testing.T) {
	base := Person{FullName: "Nguyễn Văn An", Gender: Male, Status: StatusManaged,
		BirthDate: BirthDate{1985, 6, 1}, Judgment: Judgment{Date: D(2021, 4, 1)},
		CompletedOn: D(2024, 3, 15), ReturnedOn: D(2024, 3, 16), ReportedOn: D(2024, 3, 18)}
	today := D(2026, 12, 4)
	for _, tt := range []struct {
		name   string
		change func(p *Person)
		want   []string // field key
	}{
		{"consistent", func(p *Person) {}, nil},
		{"same day return and report", func(p *Person) { p.ReportedOn = p.ReturnedOn }, nil},
		{"completed before birth", func(p *Person) { p.Judgment.Date = Date{}; p.CompletedOn = D(1980, 1, 1) },
			[]string{"completed_on validation.date.before_birth"}},
		{"judgment on the birth day", func(p *Person) { p.Judgment.Date = D(1985, 6, 1) },
			[]string{"judgment.date validation.date.before_birth"}},
		{"year-only birth after the judgment year", func(p *Person) { p.BirthDate = BirthDate{Year: 1985}; p.Judgment.Date = D(1984, 12, 1) },
			[]string{"judgment.date validation.date.before_birth"}},
		{"year-only birth, judgment the same year", func(p *Person) { p.BirthDate = BirthDate{Year: 1985}; p.Judgment.Date = D(1985, 12, 1) }, nil},
		{"completed before judgment", func(p *Person) {
			p.CompletedOn = D(2021, 3, 1)
			p.ReturnedOn = D(2021, 3, 2)
			p.ReportedOn = D(2021, 3, 3)
		},
			[]string{"completed_on validation.completed_on.before_judgment"}},
		{"returned before completed", func(p *Person) { p.ReturnedOn = D(2024, 3, 1) },
			[]string{"returned_on validation.returned_on.before_completed"}},
		{"reported before returned", func(p *Person) { p.ReportedOn = D(2024, 3, 15) },
			[]string{"reported_on validation.reported_on.before_returned"}},
		{"reported before judgment, nothing between", func(p *Person) {
			p.CompletedOn, p.ReturnedOn, p.ReportedOn = Date{}, Date{}, D(2021, 1, 1)
		}, []string{"reported_on validation.reported_on.before_judgment"}},
	} {
		p := base
		tt.change(&p)
		var got []string
		if v, ok := ValidatePerson(p, today).(*ValidationError); ok {
			for _, e := range v.Errors {
				got = append(got, e.Field+" "+e.Key)
			}
		}
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseDateErrors(t *testing.T) {
	for _, tt := range []struct{ in, key string }{
		{"31/02/1990", "validation.date.iso_syntax"},
		{"1990-02-31", "validation.date.iso_invalid"},
		{"2026-13-01", "validation.date.iso_invalid"},
		{"hôm qua", "validation.date.iso_syntax"},
	} {
		_, err := ParseDate(tt.in)
		de, ok := err.(*DateError)
		if !ok || de.Key != tt.key || de.Value != tt.in {
			t.Errorf("ParseDate(%q) = %v, want %s", tt.in, err, tt.key)
		}
	}
	if _, err := ParseBirthDate("31/02/1990"); err == nil || err.(*DateError).Key != "validation.birth_date.iso_syntax" {
		t.Errorf("ParseBirthDate: %v", err)
	}
}

// BenchmarkCheckTexts: the text rules run on every save (and on each
// record of a batch or demo), so the walk is cached per type and
// allocates only the path buffer.
func BenchmarkCheckTexts(b *testing.B) {
	p := Person{FullName: "Nguyễn Văn An", Offense: "Trộm cắp tài sản", Address: "Số 5 ngõ 12 đường Lê Lợi",
		Notes: "ghi chú", Supplementary: []Supplementary{{Kind: "quản chế"}}}
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if errs := CheckTexts(p); errs != nil {
			b.Fatal(errs)
		}
	}
}
