package caseload

import (
	"errors"
	"testing"
)

func TestValidateTransfer(t *testing.T) {
	today := D(2026, 12, 4)
	ok := TransferCheck{PersonFound: true, PersonOwner: "ward-a", ToWardKnown: true, FromWardKnown: true}
	order := Transfer{PersonID: "p1", ToWard: "ward-b", OrderedOn: today}
	cases := []struct {
		name  string
		t     Transfer
		c     TransferCheck
		field string // "" when valid
		key   string
	}{
		{"valid", order, ok, "", ""},
		{"no person", Transfer{ToWard: "ward-b", OrderedOn: today}, ok, "person_id", "transfer.validation.person_required"},
		{"unknown person", order, TransferCheck{ToWardKnown: true}, "person_id", "transfer.validation.person_unknown"},
		{"deleted person", order, TransferCheck{PersonFound: true, PersonDeleted: true, ToWardKnown: true, FromWardKnown: true}, "person_id", "transfer.validation.person_unknown"},
		{"owner not a ward", order, TransferCheck{PersonFound: true, PersonOwner: "office", ToWardKnown: true}, "person_id", "transfer.validation.owner_not_ward"},
		{"second order while one is open", order, TransferCheck{PersonFound: true, PersonOwner: "ward-a", ToWardKnown: true, FromWardKnown: true, Open: true}, "person_id", "transfer.validation.already_open"},
		{"no ward", Transfer{PersonID: "p1", OrderedOn: today}, ok, "to_ward", "transfer.validation.ward_required"},
		{"ward not enrolled", order, TransferCheck{PersonFound: true, PersonOwner: "ward-a", FromWardKnown: true}, "to_ward", "transfer.validation.ward_unknown"},
		{"same ward", Transfer{PersonID: "p1", ToWard: "ward-a", OrderedOn: today}, ok, "to_ward", "transfer.validation.same_ward"},
		{"no date", Transfer{PersonID: "p1", ToWard: "ward-b"}, ok, "ordered_on", "transfer.validation.date_required"},
		{"future order", Transfer{PersonID: "p1", ToWard: "ward-b", OrderedOn: today.AddDays(1)}, ok, "ordered_on", "transfer.validation.future"},
		{"moves before the order", Transfer{PersonID: "p1", ToWard: "ward-b", OrderedOn: today, EffectiveOn: today.AddDays(-1)}, ok, "effective_on", "transfer.validation.before_order"},
	}
	for _, c := range cases {
		err := ValidateTransfer(c.t, c.c, today)
		if c.field == "" {
			if err != nil {
				t.Errorf("%s: %v", c.name, err)
			}
			continue
		}
		var v *ValidationError
		if !errors.As(err, &v) || len(v.Errors) != 1 || v.Errors[0].Field != c.field || v.Errors[0].Key != c.key {
			t.Errorf("%s: got %v, want %s %s", c.name, err, c.field, c.key)
		}
	}
}

func TestTransferReady(t *testing.T) {
	rel := TransferRelease{PersonVer: 3, Records: 4, VerSum: 6}
	cases := []struct {
		personVer, records, verSum int
		want                       bool
	}{
		{3, 4, 6, true},
		{2, 4, 6, false}, // the person's late change has not come
		{3, 3, 5, false}, // a record of the case is missing
		{3, 4, 5, false}, // a record is there at an older version
		{4, 4, 6, true},  // never happens at the office, but is not less
	}
	for _, c := range cases {
		if got := TransferReady(rel, c.personVer, c.records, c.verSum); got != c.want {
			t.Errorf("TransferReady(%d, %d, %d) = %v", c.personVer, c.records, c.verSum, got)
		}
	}
	if NextEpoch(0) != 1 || NextEpoch(4) != 5 {
		t.Error("NextEpoch does not increase by one")
	}
}
