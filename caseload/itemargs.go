package caseload

import "encoding/json"

// ItemArgs are the template arguments of a worklist item's rule text, in
// the order they were given. A list of pairs and not a map: an office
// worklist holds tens of thousands of items for the whole session, and a
// map of four entries takes three times the memory of four pairs. Its JSON
// form is an object, as a map's.
type ItemArgs []ItemArg

// ItemArg is one named argument.
type ItemArg struct {
	Key   string
	Value any
}

// Get returns the value of key (nil when absent).
func (a ItemArgs) Get(key string) any {
	for _, x := range a {
		if x.Key == key {
			return x.Value
		}
	}
	return nil
}

// Map returns the arguments as a map, for message templates.
func (a ItemArgs) Map() map[string]any {
	m := make(map[string]any, len(a))
	for _, x := range a {
		m[x.Key] = x.Value
	}
	return m
}

// with sets key to v, replacing an earlier value of key.
func (a ItemArgs) with(key string, v any) ItemArgs {
	for i := range a {
		if a[i].Key == key {
			a[i].Value = v
			return a
		}
	}
	return append(a, ItemArg{key, v})
}

// MarshalJSON writes the arguments as one JSON object.
func (a ItemArgs) MarshalJSON() ([]byte, error) {
	if a == nil {
		return []byte("null"), nil
	}
	return json.Marshal(a.Map())
}
