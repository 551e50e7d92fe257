// Package exchange is sync between a ward and its office: it ties the
// node's identity (exchange/identity), enrolment messages (exchange/enrol),
// the .hnx container (exchange/container) and its payload
// (exchange/payload) to the store's channels, inbox and outbox.
//
// Every refusal is an *Error carrying a message key, so the CLI and the
// sync screen say in Vietnamese what happened and what to do.
package exchange

import (
	"errors"
	"fmt"
)

// Error is a refusal with a translatable message (i18n.Message).
type Error struct {
	Key  string         // i18n key, exchange.error.*
	Args map[string]any // template arguments
	Err  error          // the technical cause
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("exchange: %s: %v", e.Key, e.Err)
	}
	return "exchange: " + e.Key
}

// Unwrap returns the technical cause.
func (e *Error) Unwrap() error { return e.Err }

// MessageKey is the i18n key of the message.
func (e *Error) MessageKey() string { return e.Key }

// MessageArgs are the message's template arguments.
func (e *Error) MessageArgs() map[string]any { return e.Args }

func fail(key string, cause error, kv ...any) *Error {
	e := &Error{Key: "exchange.error." + key, Err: cause}
	if len(kv) > 0 {
		e.Args = map[string]any{}
		for i := 0; i+1 < len(kv); i += 2 {
			e.Args[fmt.Sprint(kv[i])] = kv[i+1]
		}
	}
	return e
}

// Reason returns the message key of a refusal ("" when err is not one):
// tests and the sync status use it to tell refusals apart.
func Reason(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return e.Key
	}
	return ""
}
