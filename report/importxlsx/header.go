// Package importxlsx reads the Excel lists a ward kept before the app
// (how a ward starts): it finds the header row under any merged title
// rows, maps the columns by their Vietnamese names, reads every row into a
// person with its row number and Vietnamese messages, flags duplicates in
// the file and against the store, and saves all rows or none.
package importxlsx

import (
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoanhap/i18n"
)

// Field is a person field a column can fill.
type Field string

// The fields an imported list can fill.
const (
	FullName    Field = "full_name"
	BirthDate   Field = "birth_date"
	Gender      Field = "gender"
	CitizenID   Field = "citizen_id"
	Address     Field = "address"
	Hamlet      Field = "hamlet"
	Offense     Field = "offense"
	Sentence    Field = "sentence"
	CompletedOn Field = "completed_on"
	ReturnedOn  Field = "returned_on"
	Amnesty     Field = "amnesty"
	Group       Field = "group"
	Phone       Field = "phone"
	Notes       Field = "notes"
	Status      Field = "status"
)

// Fields lists the fields in the order the mapping screen shows them.
var Fields = []Field{FullName, BirthDate, Gender, CitizenID, Address, Hamlet, Offense, Sentence,
	CompletedOn, ReturnedOn, Amnesty, Group, Status, Phone, Notes}

// synonyms are the header texts of each field, folded (no diacritics,
// lower case, single spaces): the names wards use in their own lists.
var synonyms = map[Field][]string{
	FullName:    {"ho va ten", "ho ten", "ten", "ho, ten", "ho va ten nguoi chxa", "ho ten nguoi chxa"},
	BirthDate:   {"ngay sinh", "nam sinh", "ngay thang nam sinh", "sinh ngay", "ngay, thang, nam sinh"},
	Gender:      {"gioi tinh", "gioi", "nam/nu", "nam, nu"},
	CitizenID:   {"so cccd", "cccd", "so dinh danh", "so ddcn", "ddcn", "so dinh danh ca nhan", "cmnd", "so cmnd", "so cmnd/cccd", "cmnd/cccd", "so cccd/cmnd", "cccd/cmnd"},
	Address:     {"noi cu tru", "dia chi", "noi o", "cho o", "noi thuong tru", "dia chi cu tru", "noi o hien nay"},
	Hamlet:      {"thon", "to dan pho", "thon/to dan pho", "thon, to dan pho", "to", "khu pho", "thon/to"},
	Offense:     {"toi danh", "toi", "toi pham"},
	Sentence:    {"muc an", "an phat", "hinh phat", "muc hinh phat", "thoi han tu"},
	CompletedOn: {"ngay chap hanh xong", "ngay chxa", "ngay ra trai", "ngay chap hanh xong an", "ngay chap hanh xong an phat tu"},
	ReturnedOn:  {"ngay ve dia phuong", "ngay ve", "ngay tro ve", "ngay ve noi cu tru"},
	Amnesty:     {"dac xa", "duoc dac xa", "hinh thuc ra trai"},
	Group:       {"nhom", "phan loai", "xep loai", "nhom (a,b,c,d)"},
	Phone:       {"dien thoai", "so dien thoai", "sdt"},
	Notes:       {"ghi chu"},
	Status:      {"tinh trang", "trang thai", "tinh trang quan ly"},
}

// fold is the comparison form of a header: NFC, diacritics removed, lower
// case, spaces collapsed, a trailing colon or asterisk dropped.
func fold(s string) string {
	s = i18n.Fold(norm.NFC.String(s))
	s = strings.Join(strings.Fields(s), " ")
	s = strings.ReplaceAll(strings.ReplaceAll(s, " /", "/"), "/ ", "/")
	return strings.TrimRight(s, ":* ")
}

// FieldOf returns the field whose synonyms hold the header text, "" when
// none does.
func FieldOf(header string) Field {
	h := fold(header)
	if h == "" {
		return ""
	}
	for _, f := range Fields {
		for _, s := range synonyms[f] {
			if h == s {
				return f
			}
		}
	}
	return ""
}

// Mapping is the column (0-based) of each field; a field absent from the
// map is not imported. The user may correct it before the import.
type Mapping map[Field]int

// FindHeader returns the index of the header row among the first rows
// and the mapping its texts give: the first row where at least two cells
// name a field (a merged title row has one cell, a blank row none). ok is
// false when no row qualifies or the full name column is missing.
func FindHeader(rows [][]string) (row int, m Mapping, ok bool) {
	limit := len(rows)
	if limit > 30 {
		limit = 30
	}
	for i := 0; i < limit; i++ {
		mm := Mapping{}
		for c, text := range rows[i] {
			if f := FieldOf(text); f != "" {
				if _, dup := mm[f]; !dup {
					mm[f] = c
				}
			}
		}
		if len(mm) >= 2 {
			_, hasName := mm[FullName]
			return i, mm, hasName
		}
	}
	return -1, nil, false
}
