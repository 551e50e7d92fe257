package caseload

// MentorKind says whether the mentor is a person or an organisation.
type MentorKind string

// Mentor kinds.
const (
	MentorPerson       MentorKind = "person"
	MentorOrganisation MentorKind = "organisation"
)

// MentorKinds lists the mentor kinds.
var MentorKinds = []MentorKind{MentorPerson, MentorOrganisation}

// OrgType is the organisation a mentor belongs to or is (docs/ARCHITECTURE.md section 5).
type OrgType string

// Organisation types.
const (
	OrgWomenUnion       OrgType = "women_union"       // Hội Liên hiệp Phụ nữ
	OrgYouthUnion       OrgType = "youth_union"       // Đoàn Thanh niên
	OrgVeterans         OrgType = "veterans"          // Hội Cựu chiến binh
	OrgFarmers          OrgType = "farmers"           // Hội Nông dân
	OrgFront            OrgType = "front"             // Mặt trận Tổ quốc
	OrgResidentialGroup OrgType = "residential_group" // tổ dân phố / thôn
	OrgPolice           OrgType = "police"
	OrgFamily           OrgType = "family"
	OrgBusiness         OrgType = "business"
	OrgOther            OrgType = "other"
)

// OrgTypes lists the organisation types in display order.
var OrgTypes = []OrgType{OrgWomenUnion, OrgYouthUnion, OrgVeterans, OrgFarmers, OrgFront,
	OrgResidentialGroup, OrgPolice, OrgFamily, OrgBusiness, OrgOther}

// Mentor is a person or organisation that can be assigned to manage,
// educate and help a returnee (TT 10/2024 Art. 10).
type Mentor struct {
	Meta

	Kind         MentorKind `json:"kind"`
	Name         string     `json:"name"`
	Organisation OrgType    `json:"organisation"`
	Position     string     `json:"position"`
	Phone        string     `json:"phone"`
	Address      string     `json:"address"`
	Active       bool       `json:"active"`
	Notes        string     `json:"notes"`
}

// NormalizeMentor trims and NFC-normalises the text fields; the phone keeps
// digits and a leading +.
func NormalizeMentor(m *Mentor) {
	m.Name = svText(m.Name)
	m.Position = svText(m.Position)
	m.Address = svText(m.Address)
	m.Notes = svText(m.Notes)
	m.Phone = svPhone(m.Phone)
}

// ValidateMentor checks a mentor; it returns a *ValidationError or nil.
func ValidateMentor(m Mentor) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(m)...)
	switch m.Kind {
	case MentorPerson, MentorOrganisation:
	case "":
		v.Add("kind", "supervision.validation.required")
	default:
		v.Add("kind", "supervision.validation.invalid_value", "Value", string(m.Kind))
	}
	if m.Name == "" {
		v.Add("name", "supervision.validation.required")
	}
	if m.Organisation == "" {
		v.Add("organisation", "supervision.validation.required")
	} else if !validOrg(m.Organisation) {
		v.Add("organisation", "supervision.validation.invalid_value", "Value", string(m.Organisation))
	}
	if p := m.Phone; p != "" {
		n := len(p)
		if p[0] == '+' {
			n--
		}
		if n < 9 || n > 12 {
			v.Add("phone", "supervision.validation.phone")
		}
	}
	return v.OrNil()
}

func validOrg(o OrgType) bool {
	for _, x := range OrgTypes {
		if x == o {
			return true
		}
	}
	return false
}

// svPhone keeps the digits of a phone number and a leading +.
func svPhone(s string) string {
	out := make([]byte, 0, len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' || c == '+' && len(out) == 0 {
			out = append(out, c)
		}
	}
	return string(out)
}
