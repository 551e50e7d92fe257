package caseload

// ArticleNewConviction is the rule that restarts the waiting period after
// a new conviction: "Người bị kết án chưa được xóa án tích mà thực hiện hành
// vi phạm tội mới và bị Tòa án kết án bằng bản án có hiệu lực pháp luật thì
// thời hạn để xóa án tích cũ được tính lại kể từ ngày chấp hành xong hình
// phạt chính hoặc thời gian thử thách án treo của bản án mới hoặc từ ngày
// bản án mới hết thời hiệu thi hành."
const ArticleNewConviction = "BLHS 2015 Điều 73 khoản 2"

// newConviction applies Art. 73(2) to a new conviction on the given day
// (zero: none recorded), once EligibleOn holds the date computed for the
// old record. It reports whether the period restarted; EligibleOn and
// Pending are then cleared, because the new date runs from the completion
// of the new main penalty, which is recorded as a new case.
//
// The period restarts when the old record was not cleared yet on that day:
//   - the conviction is on or before EligibleOn (within the period);
//   - court cases (Art. 71): the record is cleared only by a court
//     decision, and none is recorded (ExpungedOn is zero here);
//   - the date is pending (unknown civil obligations or supplementary
//     end): the record cannot be shown to have been cleared before the
//     conviction; entering the missing facts gives the real answer.
//
// Otherwise the old record had already been cleared automatically on
// EligibleOn (Art. 70(2), 107(2)) and the conviction does not touch it.
func (e *Expungement) newConviction(on Date) bool {
	const field = "new_conviction_on"
	if on.IsZero() {
		return false
	}
	old := e.EligibleOn
	var key string
	switch {
	case !on.After(old):
		key = "legal.expunge.blocker.new_conviction"
	case e.Method == ExpungeCourt:
		key = "legal.expunge.blocker.new_conviction_court"
	case e.Pending:
		key = "legal.expunge.blocker.new_conviction_unresolved"
	default:
		e.reason(field, "legal.expunge.reason.new_conviction_after", "Date", on, "Eligible", old)
		return false
	}
	e.EligibleOn, e.Pending = Date{}, false
	e.block(field, key, "Date", on, "Eligible", old, "Article", ArticleNewConviction)
	e.reason(field, "legal.expunge.reason.restarted", "Date", on, "Article", ArticleNewConviction)
	return true
}
