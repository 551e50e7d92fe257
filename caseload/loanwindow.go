package caseload

// LoanWindowEnd returns the last day on which p may still take a loan
// under QĐ 22/2023/QĐ-TTg (Art. 3, 4: "≤ 5 years from completing the
// sentence to the loan date"): the completion date (CompletedOn) plus 5
// years, or the zero Date when the completion date is unknown. It agrees
// with LoanWindowClose(p.CompletedOn).
func LoanWindowEnd(p Person) Date {
	if p.CompletedOn.IsZero() {
		return Date{}
	}
	return p.CompletedOn.AddYears(5)
}
