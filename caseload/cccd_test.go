package caseload

import (
	"fmt"
	"reflect"
	"sort"
	"testing"
)

func TestCheckCitizenID(t *testing.T) {
	tests := []struct {
		name     string
		id       string
		g        Gender
		year     int
		errs     []string // message keys
		warnings []string
	}{
		{"empty is allowed", "", Male, 1985, nil, nil},
		{"valid male 1985 Hà Nội", "001085012345", Male, 1985, nil, nil},
		{"valid female 1992 Bắc Ninh", "027192000123", Female, 1992, nil, nil},
		{"valid male 2003 Hồ Chí Minh", "079203004567", Male, 2003, nil, nil},
		{"valid female 2005 Cà Mau", "096305000001", Female, 2005, nil, nil},
		{"unknown birth year and gender: only the province is checked", "001085012345", "", 0, nil, nil},
		{"11 digits", "00108501234", Male, 1985, []string{"validation.citizen_id.length"}, nil},
		{"13 digits", "0010850123456", Male, 1985, []string{"validation.citizen_id.length"}, nil},
		{"letters", "00108501234A", Male, 1985, []string{"validation.citizen_id.digits"}, nil},
		{"unknown province 003", "003085012345", Male, 1985, nil, []string{"validation.citizen_id.province"}},
		{"unknown province 097", "097085012345", Male, 1985, nil, []string{"validation.citizen_id.province"}},
		{"female digit for a man", "001185012345", Male, 1985, nil, []string{"validation.citizen_id.gender"}},
		{"male digit for a woman", "001085012345", Female, 1985, nil, []string{"validation.citizen_id.gender"}},
		{"2000s digit for a 1985 birth", "001285012345", Male, 1985, nil, []string{"validation.citizen_id.century"}},
		{"1900s digit for a 2001 birth", "001001012345", Male, 2001, nil, []string{"validation.citizen_id.century"}},
		{"year digits differ", "001086012345", Male, 1985, nil, []string{"validation.citizen_id.birth_year"}},
		{"everything wrong", "099386012345", Male, 1985, nil, []string{"validation.citizen_id.birth_year",
			"validation.citizen_id.century", "validation.citizen_id.gender", "validation.citizen_id.province"}},
	}
	for _, tt := range tests {
		errs, warns := CheckCitizenID(tt.id, tt.g, tt.year)
		if got := fieldKeys(errs); !reflect.DeepEqual(got, tt.errs) {
			t.Errorf("%s: errors %v, want %v", tt.name, got, tt.errs)
		}
		if got := fieldKeys(warns); !reflect.DeepEqual(got, tt.warnings) {
			t.Errorf("%s: warnings %v, want %v", tt.name, got, tt.warnings)
		}
		for _, e := range append(errs, warns...) {
			if e.Field != "citizen_id" {
				t.Errorf("%s: field %q, want citizen_id", tt.name, e.Field)
			}
		}
	}
}

func TestProvinceCodes(t *testing.T) {
	if len(ProvinceCodes) != 63 {
		t.Errorf("%d province codes, want the 63 pre-2025 provinces", len(ProvinceCodes))
	}
	for code := range ProvinceCodes {
		if len(code) != 3 || code < "001" || code > "096" {
			t.Errorf("bad province code %q", code)
		}
	}
}

func TestCitizenIDCentury(t *testing.T) {
	tests := []struct {
		digit byte
		g     Gender
		from  int
	}{
		{'0', Male, 1900}, {'1', Female, 1900}, {'2', Male, 2000}, {'3', Female, 2000},
		{'4', Male, 2100}, {'5', Female, 2100}, {'9', Female, 2300},
	}
	for _, tt := range tests {
		if g, from := CitizenIDCentury(tt.digit); g != tt.g || from != tt.from {
			t.Errorf("CitizenIDCentury(%c) = %s, %d; want %s, %d", tt.digit, g, from, tt.g, tt.from)
		}
	}
}

// fieldKeys returns the sorted message keys of es (nil when empty).
func fieldKeys(es []FieldError) []string {
	var out []string
	for _, e := range es {
		out = append(out, e.Key)
	}
	sort.Strings(out)
	return out
}

func ExampleCheckCitizenID() {
	_, warns := CheckCitizenID("001185012345", Male, 1985)
	for _, w := range warns {
		fmt.Println(w.Field, w.Key)
	}
	// Output: citizen_id validation.citizen_id.gender
}
