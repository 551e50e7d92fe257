package caseload

// Exemplary is the recognition of a person as an example of successful
// reintegration (gương hoàn lương): who recognised them, when, and their
// story.
type Exemplary struct {
	Meta

	PersonID     string `json:"person_id"`
	Recognition  string `json:"recognition"` // e.g. "Giấy khen của UBND phường"
	RecognizedBy string `json:"recognized_by"`
	RecognizedOn Date   `json:"recognized_on"`
	Story        string `json:"story"`
}

// Normalize trims the text fields and puts them in NFC.
func (e *Exemplary) Normalize() {
	for _, p := range []*string{&e.PersonID, &e.Recognition, &e.RecognizedBy, &e.Story} {
		*p = supportText(*p)
	}
}

// Validate checks the record; errors carry message keys.
func (e Exemplary) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(e)...)
	if e.PersonID == "" {
		v.Add("person_id", "exemplary.error.person_required")
	}
	if e.Recognition == "" {
		v.Add("recognition", "exemplary.error.recognition_required")
	}
	return v.OrNil()
}
