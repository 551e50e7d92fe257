package store

import "errors"

// NotFoundError is ErrNotFound about one record, with the kind of record
// ("person", "mentor", "visit"...) and the id that was asked for, so that
// the user reads "không tìm thấy người có mã …" rather than a technical
// error. errors.Is(err, ErrNotFound) holds.
type NotFoundError struct {
	Kind string
	ID   string
}

// Error renders the error for logs.
func (e *NotFoundError) Error() string { return e.Kind + " " + e.ID + ": record not found" }

// Is makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Is(target error) bool { return target == ErrNotFound }

// MessageKey returns the i18n key of the message for the kind of record.
func (e *NotFoundError) MessageKey() string {
	switch e.Kind {
	case "person":
		return "notfound.person"
	case "mentor":
		return "notfound.mentor"
	case "visit":
		return "notfound.visit"
	}
	return "notfound.record"
}

// MessageArgs returns the template arguments: ID and Kind.
func (e *NotFoundError) MessageArgs() map[string]any {
	return map[string]any{"ID": e.ID, "Kind": e.Kind}
}

// notFound returns a *NotFoundError when err is (or wraps) ErrNotFound,
// else err unchanged.
func notFound(kind, id string, err error) error {
	if errors.Is(err, ErrNotFound) {
		return &NotFoundError{Kind: kind, ID: id}
	}
	return err
}
