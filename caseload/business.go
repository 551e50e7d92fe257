package caseload

// Business is a partner business that employs or helps returnees, and may
// borrow under QĐ 22/2023 (Art. 3: at least 10 % of its workers are
// returnees with labour contracts).
type Business struct {
	Meta

	Name            string `json:"name"`
	Address         string `json:"address"`
	Representative  string `json:"representative"`
	Phone           string `json:"phone"`
	Workers         int    `json:"workers"`          // total workers
	ReturneeWorkers int    `json:"returnee_workers"` // of whom returnees
	IncomeNotes     string `json:"income_notes"`
	Notes           string `json:"notes"`
}

// Normalize trims the text fields and puts them in NFC.
func (b *Business) Normalize() {
	for _, p := range []*string{&b.Name, &b.Address, &b.Representative, &b.Phone, &b.IncomeNotes, &b.Notes} {
		*p = supportText(*p)
	}
}

// Validate checks the record; errors carry message keys.
func (b Business) Validate() error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(b)...)
	if b.Name == "" {
		v.Add("name", "business.error.name_required")
	}
	if b.Workers < 0 {
		v.Add("workers", "business.error.workers_negative")
	}
	if b.ReturneeWorkers < 0 {
		v.Add("returnee_workers", "business.error.returnees_negative")
	}
	if b.Workers >= 0 && b.ReturneeWorkers > b.Workers {
		v.Add("returnee_workers", "business.error.returnees_exceed", "Returnees", b.ReturneeWorkers, "Workers", b.Workers)
	}
	return v.OrNil()
}

// ReturneePercent returns the share of returnee workers in percent
// (rounded down), 0 when the business has no workers.
func (b Business) ReturneePercent() int {
	if b.Workers <= 0 {
		return 0
	}
	return b.ReturneeWorkers * 100 / b.Workers
}

// LoanFacts returns the facts CheckLoan needs about a borrowing business.
func (b Business) LoanFacts() LoanFacts {
	return LoanFacts{Workers: b.Workers, ReturneeWorkers: b.ReturneeWorkers}
}
