package caseload

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize cleans a person's text fields in place before validation and
// saving: every text field (including the judgment, decision and
// supplementary-penalty texts) is put in Unicode NFC and trimmed;
// single-line fields have inner runs of white space collapsed to one
// space ("  Nguyễn   Văn  An " -> "Nguyễn Văn An") and the full name is
// written with capital initials (NameCase); notes keep their line
// breaks. The citizen ID loses its separators (spaces, dots, dashes);
// the phone number keeps its digits and a leading "+". Zero-width
// characters are removed from every field (see text.go). Enumerated
// fields are trimmed.
func Normalize(p *Person) {
	if p == nil {
		return
	}
	for _, f := range []*string{
		&p.FullName, &p.OtherNames, &p.Ethnicity, &p.Hamlet, &p.Address,
		&p.Education, &p.Occupation, &p.Offense, &p.CriminalCodeArticles,
		&p.Judgment.Number, &p.Judgment.Court, &p.Facility, &p.CertificateNo,
		&p.EndDecision.Number,
	} {
		*f = NormalizeLine(*f)
	}
	p.FullName = NameCase(p.FullName)
	p.Notes = NormalizeText(p.Notes)
	p.CitizenID = normalizeCitizenID(p.CitizenID)
	p.Phone = NormalizePhone(p.Phone)
	for i := range p.Supplementary {
		p.Supplementary[i].Kind = NormalizeLine(p.Supplementary[i].Kind)
	}
	p.Gender = Gender(strings.TrimSpace(string(p.Gender)))
	p.SentenceKind = SentenceKind(strings.TrimSpace(string(p.SentenceKind)))
	p.ReleaseKind = ReleaseKind(strings.TrimSpace(string(p.ReleaseKind)))
	p.Status = Status(strings.TrimSpace(string(p.Status)))
	p.EndReason = EndReason(strings.TrimSpace(string(p.EndReason)))
	p.Group = Group(strings.ToUpper(strings.TrimSpace(string(p.Group))))
	p.ExpungeMethod = ExpungeMethod(strings.TrimSpace(string(p.ExpungeMethod)))
	p.OffenseSeverity = Severity(strings.TrimSpace(string(p.OffenseSeverity)))
}

// NameCase writes a personal name the Vietnamese way, each word with a
// capital first letter and the rest in lower case ("nguyễn văn đức" and
// "NGUYỄN VĂN ĐỨC" -> "Nguyễn Văn Đức"). Officers often type names in
// lower case or copy them in capitals from a prison notice.
func NameCase(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		r := []rune(strings.ToLower(w))
		r[0] = unicode.ToUpper(r[0])
		words[i] = string(r)
	}
	return strings.Join(words, " ")
}

// NormalizeLine returns s in NFC with leading and trailing white space
// removed and every inner run of white space (tabs, line breaks,
// non-breaking spaces) replaced by one space, and zero-width characters
// removed.
func NormalizeLine(s string) string {
	return strings.Join(strings.Fields(norm.NFC.String(dropInvisible(s))), " ")
}

// normalizeCitizenID drops the separators people type in a citizen ID
// (spaces, dots, dashes) and zero-width characters, but keeps anything
// else, so that a letter is reported as a non-digit rather than silently
// dropped ("00108501234a" is not an 11-digit id).
func normalizeCitizenID(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '.' || r == '-' || isInvisible(r) {
			return -1
		}
		return r
	}, norm.NFC.String(s))
}

// DigitsOnly returns the ASCII digits of s, dropping spaces, dots and any
// other character ("001 085.012345" -> "001085012345").
func DigitsOnly(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// NormalizePhone keeps the digits of a phone number and a leading "+"
// ("+84 912-345-678" -> "+84912345678").
func NormalizePhone(s string) string {
	s = strings.TrimSpace(s)
	d := DigitsOnly(s)
	if strings.HasPrefix(s, "+") && d != "" {
		return "+" + d
	}
	return d
}
