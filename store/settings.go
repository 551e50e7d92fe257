package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// Setting keys used by the store itself.
const (
	settingLanguage = "language" // "vi" or "en"
	settingHamlets  = "hamlets"  // JSON list of hamlet names
)

// settingValue is how a setting appears in the audit log.
type settingValue struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Setting returns the value of a setting, "" if it is not set.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("store: setting %s: %w", key, err)
	}
	return v, nil
}

// SetSetting stores a setting (value normalised to NFC) and audits the
// change. Setting "hamlets" must hold a JSON list of strings; prefer
// SetHamletList. Only admins and officers may change settings
// (ErrReadOnly otherwise), except the UI language, which every user may
// choose.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	kind := writeSettings
	if key == settingLanguage {
		kind = writePreference // every user may choose the UI language
	}
	if err := s.requireWrite(kind); err != nil {
		return fmt.Errorf("store: set setting %s: %w", key, err)
	}
	value = norm.NFC.String(value)
	var hamlets []string
	if key == settingHamlets {
		var err error
		if hamlets, err = decodeHamlets(value); err != nil {
			return fmt.Errorf("store: set setting %s: %w", key, err)
		}
	}
	err := s.tx(ctx, func(tx *sql.Tx) error { return s.setSettingTx(ctx, tx, key, value) })
	if err != nil {
		return fmt.Errorf("store: set setting %s: %w", key, err)
	}
	if key == settingHamlets {
		s.index().setHamlets(hamlets)
	}
	return nil
}

// setSettingTx writes one setting and its audit row inside tx; nothing is
// written when the value is unchanged.
func (s *Store) setSettingTx(ctx context.Context, tx *sql.Tx, key, value string) error {
	var old string
	err := tx.QueryRowContext(ctx, `SELECT value FROM setting WHERE key = ?`, key).Scan(&old)
	exists := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return err
	}
	if exists && old == value {
		return nil
	}
	m := s.rowMeta()
	if _, err := tx.ExecContext(ctx, `INSERT INTO setting (key, value, updated_at, owner, ver, updated_by, hlc)
		VALUES (?, ?, ?, ?, 1, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at,
			ver = setting.ver + 1, updated_by = excluded.updated_by, hlc = excluded.hlc, deleted = 0`,
		key, value, m.at, m.owner, m.by, m.hlc); err != nil {
		return err
	}
	if !exists {
		return s.audit(tx, "insert", "setting", key, nil, settingValue{key, value})
	}
	return s.audit(tx, "update", "setting", key, settingValue{key, old}, settingValue{key, value})
}

// Language returns the UI language chosen in settings: "en" or, by
// default and for anything else, "vi".
func (s *Store) Language() string {
	v, err := s.Setting(context.Background(), settingLanguage)
	if err != nil || v != "en" {
		return "vi"
	}
	return v
}

// SetLanguage stores the UI language ("vi" or "en"; anything else is "vi").
func (s *Store) SetLanguage(ctx context.Context, lang string) error {
	if lang != "en" {
		lang = "vi"
	}
	return s.SetSetting(ctx, settingLanguage, lang)
}

// HamletList returns the hamlets (thôn / tổ dân phố) configured in settings,
// in the order they were saved.
func (s *Store) HamletList(ctx context.Context) ([]string, error) {
	v, err := s.Setting(ctx, settingHamlets)
	if err != nil {
		return nil, err
	}
	list, err := decodeHamlets(v)
	if err != nil {
		return nil, fmt.Errorf("store: setting %s: %w", settingHamlets, err)
	}
	return list, nil
}

// SetHamletList stores the configured hamlets: each trimmed and NFC,
// blanks and repeats dropped, order kept.
func (s *Store) SetHamletList(ctx context.Context, hamlets []string) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: set hamlets: %w", err)
	}
	clean := cleanHamlets(hamlets)
	b, err := json.Marshal(clean)
	if err != nil {
		return fmt.Errorf("store: set hamlets: %w", err)
	}
	return s.SetSetting(ctx, settingHamlets, string(b))
}

// decodeHamlets parses the "hamlets" setting ("" is an empty list).
func decodeHamlets(v string) ([]string, error) {
	if strings.TrimSpace(v) == "" {
		return nil, nil
	}
	var list []string
	if err := json.Unmarshal([]byte(v), &list); err != nil {
		return nil, fmt.Errorf("hamlet list is not a JSON list of names: %w", err)
	}
	return cleanHamlets(list), nil
}

func cleanHamlets(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, h := range in {
		h = strings.Join(strings.Fields(norm.NFC.String(h)), " ")
		if h != "" && !seen[h] {
			seen[h] = true
			out = append(out, h)
		}
	}
	return out
}
