package store

// Language returns the UI language chosen in settings ("vi" by default).
func (s *Store) Language() string { return "vi" }
