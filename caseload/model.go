package caseload

// DefaultModelTypes seeds the editable list of reintegration model types
// (mô hình THNCĐ).
var DefaultModelTypes = []string{"4+", "4+1", "3+1", "Doanh nghiệp với công tác THNCĐ", "Câu lạc bộ", "Tổ tự quản"}

// ModelStatus is whether a model is running.
type ModelStatus string

// Model statuses.
const (
	ModelActive    ModelStatus = "active"
	ModelSuspended ModelStatus = "suspended"
	ModelEnded     ModelStatus = "ended"
)

// ModelStatuses lists the statuses.
var ModelStatuses = []ModelStatus{ModelActive, ModelSuspended, ModelEnded}

// Valid reports whether s is a known status.
func (s ModelStatus) Valid() bool { return s == ModelActive || s == ModelSuspended || s == ModelEnded }

// Model is a local reintegration model (mô hình THNCĐ): a programme with
// a lead organisation, members, the people it helps and partner
// businesses. RecognizedBy/RecognizedOn record its recognition as an
// exemplary model (điển hình tiên tiến).
type Model struct {
	Meta

	Name         string      `json:"name"`
	Type         string      `json:"type"`
	LeadOrg      string      `json:"lead_org"`
	Decision     Decision    `json:"decision"`
	StartedOn    Date        `json:"started_on"`
	Status       ModelStatus `json:"status"`
	RecognizedBy string      `json:"recognized_by"`
	RecognizedOn Date        `json:"recognized_on"`
	Notes        string      `json:"notes"`
}

// Normalize trims the text fields and puts them in NFC.
func (m *Model) Normalize() {
	for _, p := range []*string{&m.Name, &m.Type, &m.LeadOrg, &m.Decision.Number, &m.RecognizedBy, &m.Notes} {
		*p = supportText(*p)
	}
}

// Validate checks the record; errors carry message keys.
func (m Model) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(m)...)
	if m.Name == "" {
		v.Add("name", "model.error.name_required")
	}
	if m.Type == "" {
		v.Add("type", "model.error.type_required")
	}
	if !m.Status.Valid() {
		v.Add("status", "model.error.status_invalid", "Value", string(m.Status))
	}
	if !m.RecognizedOn.IsZero() && m.RecognizedBy == "" {
		v.Add("recognized_by", "model.error.recognized_by_required")
	}
	return v.OrNil()
}

// MemberRole is a member's role in a model.
type MemberRole string

// Member roles.
const (
	RoleChair     MemberRole = "chair"      // chủ nhiệm
	RoleViceChair MemberRole = "vice_chair" // phó chủ nhiệm
	RoleMember    MemberRole = "member"     // thành viên
)

// MemberRoles lists the roles in display order.
var MemberRoles = []MemberRole{RoleChair, RoleViceChair, RoleMember}

// Valid reports whether r is a known role.
func (r MemberRole) Valid() bool { return r == RoleChair || r == RoleViceChair || r == RoleMember }

// ModelMember is a member of a model's board or team.
type ModelMember struct {
	Meta

	ModelID      string     `json:"model_id"`
	Name         string     `json:"name"`
	Role         MemberRole `json:"role"`
	Organisation string     `json:"organisation"`
	Phone        string     `json:"phone"`
}

// Normalize trims the text fields and puts them in NFC.
func (m *ModelMember) Normalize() {
	for _, p := range []*string{&m.ModelID, &m.Name, &m.Organisation, &m.Phone} {
		*p = supportText(*p)
	}
}

// Validate checks the record; errors carry message keys.
func (m ModelMember) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(m)...)
	if m.ModelID == "" {
		v.Add("model_id", "model.error.model_required")
	}
	if m.Name == "" {
		v.Add("name", "model.error.member_name_required")
	}
	if !m.Role.Valid() {
		v.Add("role", "model.error.role_invalid", "Value", string(m.Role))
	}
	return v.OrNil()
}

// LinkKind says what a Link joins.
type LinkKind string

// Link kinds.
const (
	LinkModelPerson    LinkKind = "model_person"    // a person the model helps
	LinkModelBusiness  LinkKind = "model_business"  // a partner business of the model
	LinkBusinessPerson LinkKind = "business_person" // a person the business employs or helps
)

// LinkKinds lists the link kinds.
var LinkKinds = []LinkKind{LinkModelPerson, LinkModelBusiness, LinkBusinessPerson}

// Valid reports whether k is a known link kind.
func (k LinkKind) Valid() bool {
	return k == LinkModelPerson || k == LinkModelBusiness || k == LinkBusinessPerson
}

// Link joins a model to a person or a business, or a business to a person.
// FromID is the model (or business for business_person); ToID the person
// or business.
type Link struct {
	Meta

	Kind   LinkKind `json:"kind"`
	FromID string   `json:"from_id"`
	ToID   string   `json:"to_id"`
	Since  Date     `json:"since"`
	Notes  string   `json:"notes"`
}

// Normalize trims the text fields and puts them in NFC.
func (l *Link) Normalize() {
	for _, p := range []*string{&l.FromID, &l.ToID, &l.Notes} {
		*p = supportText(*p)
	}
}

// Validate checks the record; errors carry message keys.
func (l Link) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(l)...)
	if !l.Kind.Valid() {
		v.Add("kind", "model.error.link_kind_invalid", "Value", string(l.Kind))
	}
	if l.FromID == "" {
		v.Add("from_id", "model.error.link_from_required")
	}
	if l.ToID == "" {
		v.Add("to_id", "model.error.link_to_required")
	}
	return v.OrNil()
}

// ActiveModels counts the active models, for the ward target "at least
// one active model".
func ActiveModels(models []Model) int {
	n := 0
	for _, m := range models {
		if !m.Deleted && m.Status == ModelActive {
			n++
		}
	}
	return n
}
