package caseload

// LoanWindowEnd returns the last day on which p may still take a loan
// under QĐ 22/2023/QĐ-TTg (Art. 3: "≤ 5 years from completing the sentence
// to the loan date"): the completion date (CompletedOn) plus
// LoanWindowYears, or the zero Date when the completion date is unknown.
// A completion on 29/02 ends on 28/02 five years later (Date.AddYears). It
// agrees with LoanWindowClose(p.CompletedOn).
func LoanWindowEnd(p Person) Date {
	return LoanWindowClose(p.CompletedOn)
}
