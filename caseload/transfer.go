package caseload

// Transfers of a person between wards (docs/ARCHITECTURE.md, sync): the
// office orders the transfer; the order travels to the old ward, which
// freezes the person's record and answers with a release carrying the
// final state it handed over; once the office holds that final state it
// gives the records to the new ward with the next ownership epoch.

// TransferState is where a transfer order stands.
type TransferState string

// Transfer states.
const (
	TransferOrdered TransferState = "ordered" // sent to the old ward, waiting for its final state
	TransferDone    TransferState = "done"    // the new ward owns the records
)

// TransferStates lists the states in order.
var TransferStates = []TransferState{TransferOrdered, TransferDone}

// Transfer is the office's order moving a person from one ward to another.
// Only the office writes it; it travels to both wards.
type Transfer struct {
	Meta

	PersonID    string        `json:"person_id"`
	FromWard    string        `json:"from_ward"`    // node id of the ward owning the person when ordered
	ToWard      string        `json:"to_ward"`      // node id of the ward that becomes owner
	OrderedOn   Date          `json:"ordered_on"`   // date of the order
	EffectiveOn Date          `json:"effective_on"` // date the person moves, optional
	Number      string        `json:"number"`       // decision number, optional
	State       TransferState `json:"state"`
	Epoch       int           `json:"epoch"`   // the ownership epoch the records get at the new ward
	DoneOn      Date          `json:"done_on"` // date the office handed the records to the new ward
	Notes       string        `json:"notes"`
}

// TransferRelease is the old ward's answer to a transfer order: the
// person's record is frozen here and this is the final state handed over
// (the version of the person, how many other records of the person's case
// it owns and the sum of their versions). The ward writes it; it travels
// to the office.
type TransferRelease struct {
	Meta

	TransferID string `json:"transfer_id"`
	PersonID   string `json:"person_id"`
	ReleasedOn Date   `json:"released_on"`
	PersonVer  int    `json:"person_ver"` // version of the person in the final state (0: not held here)
	Records    int    `json:"records"`    // records of the person's case owned by the ward, person excluded
	VerSum     int    `json:"ver_sum"`    // the sum of those records' versions
}

// TransferCheck is what a transfer order is checked against: the person
// as the office holds it and the office's knowledge of the wards.
type TransferCheck struct {
	PersonFound   bool
	PersonDeleted bool
	PersonOwner   string // node id owning the person now
	Open          bool   // another transfer of the person is not done
	ToWardKnown   bool   // the new ward is an enrolled, active ward
	FromWardKnown bool   // the owner is an enrolled ward
}

// ValidateTransfer checks a new transfer order; it returns a
// *ValidationError or nil. Two orders for one person cannot be open at
// once (the second is refused until the first is done), and a person moves
// only from the ward that owns it.
func ValidateTransfer(t Transfer, c TransferCheck, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(t)...)
	switch {
	case t.PersonID == "":
		v.Add("person_id", "transfer.validation.person_required")
	case !c.PersonFound || c.PersonDeleted:
		v.Add("person_id", "transfer.validation.person_unknown")
	case !c.FromWardKnown:
		v.Add("person_id", "transfer.validation.owner_not_ward")
	case c.Open:
		v.Add("person_id", "transfer.validation.already_open")
	}
	switch {
	case t.ToWard == "":
		v.Add("to_ward", "transfer.validation.ward_required")
	case !c.ToWardKnown:
		v.Add("to_ward", "transfer.validation.ward_unknown")
	case t.ToWard == c.PersonOwner:
		v.Add("to_ward", "transfer.validation.same_ward")
	}
	if t.OrderedOn.IsZero() {
		v.Add("ordered_on", "transfer.validation.date_required")
	} else if t.OrderedOn.After(today) {
		v.Add("ordered_on", "transfer.validation.future")
	}
	if !t.EffectiveOn.IsZero() && !t.OrderedOn.IsZero() && t.EffectiveOn.Before(t.OrderedOn) {
		v.Add("effective_on", "transfer.validation.before_order", "Date", t.OrderedOn)
	}
	return v.OrNil()
}

// NormalizeTransfer trims and NFC-normalises the text fields.
func NormalizeTransfer(t *Transfer) {
	t.Number, t.Notes = svText(t.Number), svText(t.Notes)
}

// TransferReady reports whether the office holds the final state the old
// ward released: the person at (at least) the released version, and the
// other records of the case all there at their released versions (as many
// records, versions summing as high: the office never holds a version the
// ward has not written, so equal sums mean equal versions). Until then the
// transfer waits for the ward's earlier files, so that no late change is
// lost.
func TransferReady(r TransferRelease, personVer, records, verSum int) bool {
	return personVer >= r.PersonVer && records >= r.Records && verSum >= r.VerSum
}

// NextEpoch is the ownership epoch after a transfer of records whose
// highest epoch is cur: strictly greater, so that the (epoch, ver) gate of
// the merge accepts the new owner's versions over any older owner's.
func NextEpoch(cur int) int { return cur + 1 }
