package caseload

// Money is an amount of đồng given as a message argument: package i18n
// shows it the Vietnamese way, "80.853.000 đ" (i18n.MoneyValue). Records
// keep plain int64 amounts.
type Money int64

// Dong returns the amount.
func (m Money) Dong() int64 { return int64(m) }
