package caseload

import (
	"fmt"
	"sort"
	"strings"
)

// FieldError is one validation failure: the field it concerns (the
// canonical JSON name), a message key for package i18n, and the template
// arguments of that message.
type FieldError struct {
	Field string
	Key   string
	Args  map[string]any
}

// Error renders the error for logs; users see the translated Key.
func (e FieldError) Error() string {
	if len(e.Args) == 0 {
		return e.Field + ": " + e.Key
	}
	keys := make([]string, 0, len(e.Args))
	for k := range e.Args {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	parts := make([]string, len(keys))
	for i, k := range keys {
		parts[i] = fmt.Sprintf("%s=%v", k, e.Args[k])
	}
	return e.Field + ": " + e.Key + " (" + strings.Join(parts, ", ") + ")"
}

// MessageKey returns the i18n key of the message.
func (e FieldError) MessageKey() string { return e.Key }

// MessageArgs returns the template arguments of the message.
func (e FieldError) MessageArgs() map[string]any { return e.Args }

// ValidationError collects every FieldError found in one record, so a form
// can show all of them at once.
type ValidationError struct {
	Errors []FieldError
}

// Error joins the field errors for logs.
func (v *ValidationError) Error() string {
	parts := make([]string, len(v.Errors))
	for i, e := range v.Errors {
		parts[i] = e.Error()
	}
	return "invalid record: " + strings.Join(parts, "; ")
}

// Add records a failure of field with the message key and optional
// arguments given as alternating name, value pairs.
func (v *ValidationError) Add(field, key string, kv ...any) {
	var args map[string]any
	if len(kv) > 0 {
		args = make(map[string]any, len(kv)/2)
		for i := 0; i+1 < len(kv); i += 2 {
			args[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	v.Errors = append(v.Errors, FieldError{Field: field, Key: key, Args: args})
}

// For returns the errors about one field.
func (v *ValidationError) For(field string) []FieldError {
	var out []FieldError
	for _, e := range v.Errors {
		if e.Field == field {
			out = append(out, e)
		}
	}
	return out
}

// OrNil returns v when it holds at least one error, otherwise nil, so that
// validators can end with `return v.OrNil()`.
func (v *ValidationError) OrNil() error {
	if v == nil || len(v.Errors) == 0 {
		return nil
	}
	return v
}
