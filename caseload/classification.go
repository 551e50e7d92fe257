package caseload

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Classification is the A/B/C/D group given to a person for a quarter after
// the mentor's report (TT 10/2024 Art. 12). The latest one is the person's
// current group.
type Classification struct {
	Meta

	PersonID string `json:"person_id"`
	Quarter  string `json:"quarter"` // "2026-Q3"
	Group    Group  `json:"group"`
	Reason   string `json:"reason"`
	By       string `json:"by"` // officer who classified
	On       Date   `json:"on"` // date of the classification
}

// GroupDefinitionKey returns the message key of the Art. 12 definition of g.
func GroupDefinitionKey(g Group) string { return "supervision.group.def." + string(g) }

// ParseQuarter parses "2026-Q3" into year and quarter.
func ParseQuarter(s string) (year, q int, err error) {
	y, qs, ok := strings.Cut(strings.TrimSpace(s), "-Q")
	if ok {
		year, err = strconv.Atoi(y)
		if err == nil {
			q, err = strconv.Atoi(qs)
		}
	}
	if !ok || err != nil || q < 1 || q > 4 || year < 1900 || year > 9999 {
		return 0, 0, fmt.Errorf("invalid quarter %q", s)
	}
	return year, q, nil
}

// QuarterFirstDay returns the first day of quarter q of year.
func QuarterFirstDay(year, q int) Date { return D(year, time.Month(3*(q-1)+1), 1) }

// PreviousQuarter returns the quarter before (year, q).
func PreviousQuarter(year, q int) (int, int) {
	if q == 1 {
		return year - 1, 4
	}
	return year, q - 1
}

// NormalizeClassification trims and NFC-normalises the text fields.
func NormalizeClassification(c *Classification) {
	c.Quarter = strings.ToUpper(strings.TrimSpace(c.Quarter))
	c.Reason = svText(c.Reason)
	c.By = svText(c.By)
}

// ValidateClassification checks a classification; it returns a
// *ValidationError or nil.
func ValidateClassification(c Classification, today Date) error {
	v := &ValidationError{}
	v.Errors = append(v.Errors, CheckTexts(c)...)
	if c.PersonID == "" {
		v.Add("person_id", "supervision.validation.required")
	}
	if c.Quarter == "" {
		v.Add("quarter", "supervision.validation.required")
	} else if y, q, err := ParseQuarter(c.Quarter); err != nil {
		v.Add("quarter", "supervision.validation.quarter", "Value", c.Quarter)
	} else if !today.IsZero() && QuarterFirstDay(y, q).After(today) {
		v.Add("quarter", "supervision.validation.future")
	}
	switch c.Group {
	case GroupA, GroupB, GroupC, GroupD:
	case "":
		v.Add("group", "supervision.validation.required")
	default:
		v.Add("group", "supervision.validation.invalid_value", "Value", string(c.Group))
	}
	if c.Reason == "" {
		v.Add("reason", "supervision.validation.required")
	}
	if c.On.IsZero() {
		v.Add("on", "supervision.validation.required")
	}
	svNotFuture(v, today, map[string]Date{"on": c.On})
	return v.OrNil()
}
