package main

import (
	"strings"
	"testing"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// FuzzPersonInput: whatever bytes arrive on standard input, decoding never
// panics, a refusal is a translated sentence (no Go error string), and a
// person that decodes, normalises and validates holds no character the
// text rules refuse.
func FuzzPersonInput(f *testing.F) {
	for _, s := range []string{basePerson, `[]`, `{"birth_date":"31/02/1990"}`, `{"judgment":{"date":"2026-13-01"}}`,
		`{"full_name":"Nguy\u001bn"}`, "{\"full_name\":\"\xff\"}", `{"citizen_id":12}`, `"x"`, `{"a":1}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		var p caseload.Person
		err := decodeInto(b, &p)
		if err != nil {
			msg := i18n.Error(err)
			for _, bad := range []string{"json:", "parsing time", "Đã xảy ra lỗi không mong muốn"} {
				if strings.Contains(msg, bad) && !strings.Contains(string(b), bad) {
					t.Fatalf("input %q: message %q shows %q", b, msg, bad)
				}
			}
			return
		}
		caseload.Normalize(&p)
		if caseload.ValidatePerson(p, caseload.D(2026, 12, 4)) == nil {
			if errs := caseload.CheckTexts(p); len(errs) != 0 {
				t.Fatalf("valid person with bad text: %v", errs)
			}
		}
	})
}
