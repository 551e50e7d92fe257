package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"sort"
	"strings"

	"hoanhap/i18n"
)

// decodeInto decodes exactly one JSON object b into v, a pointer to a
// record (canonical field names). Unknown fields, wrong types, values a
// field cannot read (an impossible date), input that is not an object and
// trailing data are refused with a Vietnamese sentence that names the
// field.
func decodeInto(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return jsonInputError(b, err, reflect.TypeOf(v).Elem())
	}
	if dec.More() {
		return textError(i18n.T("cli.person.input_trailing"))
	}
	if _, err := dec.Token(); err != io.EOF {
		return textError(i18n.T("cli.person.input_trailing"))
	}
	return nil
}

// jsonInputError translates a JSON decoding error of input b decoded into
// a value of type typ.
func jsonInputError(b []byte, err error, typ reflect.Type) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	msg := err.Error()
	switch {
	case strings.HasPrefix(msg, "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(msg, "json: unknown field "), `"`)
		return textError(i18n.T("cli.person.unknown_field", "Field", name))
	case errors.As(err, &se):
		return textError(i18n.T("cli.person.bad_json", "Offset", se.Offset))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return textError(i18n.T("cli.person.bad_json_end"))
	case errors.As(err, &te) && te.Field == "":
		return textError(i18n.T("cliinput.json.not_object", "Kind", i18n.T("cliinput.json.kind."+jsonKind(te.Value))))
	case errors.As(err, &te):
		return textError(i18n.T("cliinput.json.bad_type", "Field", fieldLabel(te.Field)))
	}
	// A field's own decoder refused the value (dates): find which field.
	if field, ferr := badField(b, typ); field != "" {
		if _, ok := ferr.(i18n.Message); ok {
			return textError(fieldLabel(field) + ": " + i18n.Error(ferr))
		}
		return textError(i18n.T("cliinput.json.bad_value", "Field", fieldLabel(field)))
	}
	return textError(i18n.T("cli.person.bad_value", "Detail", msg))
}

// jsonKind names the JSON kind of a value that is not an object.
func jsonKind(v string) string {
	switch v {
	case "array", "string", "number", "bool":
		return v
	}
	return "other"
}

// badField finds the first field (dotted path, in name order) of the JSON
// object b whose value alone cannot be decoded into a typ, and that error.
// It returns "" when b is not an object or no single field fails.
func badField(b []byte, typ reflect.Type) (string, error) {
	var m map[string]json.RawMessage
	if json.Unmarshal(b, &m) != nil {
		return "", nil
	}
	return badFieldIn(m, nil, typ)
}

func badFieldIn(m map[string]json.RawMessage, path []string, typ reflect.Type) (string, error) {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		p := append(append([]string(nil), path...), k)
		err := json.Unmarshal(nest(p, m[k]), reflect.New(typ).Interface())
		if err == nil {
			continue
		}
		var sub map[string]json.RawMessage
		if json.Unmarshal(m[k], &sub) == nil {
			if f, ferr := badFieldIn(sub, p, typ); f != "" {
				return f, ferr
			}
		}
		return strings.Join(p, "."), err
	}
	return "", nil
}

// nest writes {"a":{"b":v}} for the path a.b.
func nest(path []string, v json.RawMessage) []byte {
	var b bytes.Buffer
	for _, k := range path {
		kb, _ := json.Marshal(k)
		b.WriteByte('{')
		b.Write(kb)
		b.WriteByte(':')
	}
	b.Write(v)
	for range path {
		b.WriteByte('}')
	}
	return b.Bytes()
}
