package caseload

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	decomposed := norm.NFD.String("Nguyễn Văn Đức")
	p := Person{
		FullName:      "  " + decomposed + "  ",
		OtherNames:    "Đức\t\t“Béo”",
		CitizenID:     " 001 085.012-345 ",
		Phone:         "+84 (912) 345-678",
		Address:       "Số 5,\u00a0ngõ 12,  phường  Hoàn Kiếm",
		Hamlet:        norm.NFD.String("Tổ dân phố số 3"),
		Notes:         "  dòng 1\n" + norm.NFD.String("dòng  hai") + "  ",
		Judgment:      Judgment{Court: norm.NFD.String(" Tòa án nhân dân   tỉnh Bắc Ninh ")},
		Supplementary: []Supplementary{{Kind: norm.NFD.String("  quản   chế ")}},
		EndDecision:   Decision{Number: " 12/QĐ-UBND "},
		Gender:        " male ",
		Group:         " b ",
	}
	Normalize(&p)
	tests := []struct{ field, got, want string }{
		{"full_name", p.FullName, "Nguyễn Văn Đức"},
		{"other_names", p.OtherNames, "Đức “Béo”"},
		{"citizen_id", p.CitizenID, "001085012345"},
		{"phone", p.Phone, "+84912345678"},
		{"address", p.Address, "Số 5, ngõ 12, phường Hoàn Kiếm"},
		{"hamlet", p.Hamlet, "Tổ dân phố số 3"},
		{"notes", p.Notes, "dòng 1\ndòng  hai"},
		{"judgment.court", p.Judgment.Court, "Tòa án nhân dân tỉnh Bắc Ninh"},
		{"supplementary.0.kind", p.Supplementary[0].Kind, "quản chế"},
		{"end_decision.number", p.EndDecision.Number, "12/QĐ-UBND"},
		{"gender", string(p.Gender), "male"},
		{"group", string(p.Group), "B"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %q, want %q", tt.field, tt.got, tt.want)
		}
		if !norm.NFC.IsNormalString(tt.got) {
			t.Errorf("%s is not NFC", tt.field)
		}
	}
	Normalize(nil) // must not panic
}

func TestNormalizePhone(t *testing.T) {
	tests := []struct{ in, want string }{
		{"0912 345 678", "0912345678"},
		{"+84 912.345.678", "+84912345678"},
		{"  +  ", ""},
		{"090-1+23", "090123"},
	}
	for _, tt := range tests {
		if got := NormalizePhone(tt.in); got != tt.want {
			t.Errorf("NormalizePhone(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNameCase(t *testing.T) {
	for in, want := range map[string]string{
		"nguyễn văn đức":   "Nguyễn Văn Đức",
		"NGUYỄN VĂN ĐỨC":   "Nguyễn Văn Đức",
		"  trần  thị  ánh": "Trần Thị Ánh",
		"Lê Quốc An":       "Lê Quốc An",
		"ĐẶNG ỨC":          "Đặng Ức",
		"":                 "",
	} {
		if got := NameCase(in); got != want {
			t.Errorf("NameCase(%q) = %q, want %q", in, got, want)
		}
	}
	p := Person{FullName: "  nguyễn   văn  an "}
	Normalize(&p)
	if p.FullName != "Nguyễn Văn An" {
		t.Errorf("Normalize full name = %q", p.FullName)
	}
}
