package store

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/text/unicode/norm"

	"hoanhap/caseload"
)

// settingHolidaySeed records which version of caseload's built-in holiday
// table was last seeded (a hash of it).
const settingHolidaySeed = "holidays.builtin_seed"

// Holidays returns the public holidays and make-up working days in force,
// ordered by date: the built-in table as edited by the user.
func (s *Store) Holidays(ctx context.Context) ([]caseload.Holiday, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT date, name, kind FROM holiday WHERE deleted = 0 ORDER BY date`)
	if err != nil {
		return nil, fmt.Errorf("store: holidays: %w", err)
	}
	defer rows.Close()
	var out []caseload.Holiday
	for rows.Next() {
		var d string
		var h caseload.Holiday
		if err := rows.Scan(&d, &h.Name, &h.Kind); err != nil {
			return nil, fmt.Errorf("store: holidays: %w", err)
		}
		if h.Date, err = caseload.ParseDate(d); err != nil {
			return nil, fmt.Errorf("store: holidays: %w", err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: holidays: %w", err)
	}
	return out, nil
}

// SetHoliday adds or replaces the holiday of h.Date (Kind "off" by
// default, or "work"); the change is audited and survives later updates of
// the built-in table. Invalid input gives a *caseload.ValidationError.
func (s *Store) SetHoliday(ctx context.Context, h caseload.Holiday) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: set holiday: %w", err)
	}
	h.Name = strings.TrimSpace(norm.NFC.String(h.Name))
	if h.Kind == "" {
		h.Kind = caseload.HolidayOff
	}
	v := &caseload.ValidationError{}
	if h.Date.IsZero() {
		v.Add("date", "validation.required")
	}
	if h.Kind != caseload.HolidayOff && h.Kind != caseload.HolidayWork {
		v.Add("kind", "validation.enum", "Value", h.Kind)
	}
	if err := v.OrNil(); err != nil {
		return err
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, found, err := holidayTx(ctx, tx, h.Date)
		if err != nil {
			return err
		}
		m := s.rowMeta()
		if _, err := tx.ExecContext(ctx, `INSERT INTO holiday (date, name, kind, source, deleted, owner, ver, updated_at, updated_by, hlc)
			VALUES (?, ?, ?, 'user', 0, ?, 1, ?, ?, ?)
			ON CONFLICT (date) DO UPDATE SET name = excluded.name, kind = excluded.kind, source = 'user', deleted = 0,
				ver = holiday.ver + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by, hlc = excluded.hlc`,
			h.Date.String(), h.Name, h.Kind, m.owner, m.at, m.by, m.hlc); err != nil {
			return err
		}
		if !found {
			return s.audit(tx, "insert", "holiday", h.Date.String(), nil, h)
		}
		return s.audit(tx, "update", "holiday", h.Date.String(), old, h)
	})
	if err != nil {
		return fmt.Errorf("store: set holiday: %w", err)
	}
	return nil
}

// DeleteHoliday removes the holiday of day d (a built-in one stays removed
// when the built-in table is seeded again). ErrNotFound if there is none.
func (s *Store) DeleteHoliday(ctx context.Context, d caseload.Date) error {
	if err := s.requireWrite(writeSettings); err != nil {
		return fmt.Errorf("store: delete holiday: %w", err)
	}
	err := s.tx(ctx, func(tx *sql.Tx) error {
		old, found, err := holidayTx(ctx, tx, d)
		if err != nil {
			return err
		}
		if !found {
			return ErrNotFound
		}
		m := s.rowMeta()
		if _, err := tx.ExecContext(ctx, `UPDATE holiday SET deleted = 1, source = 'user', ver = ver + 1, updated_at = ?,
			updated_by = ?, hlc = ? WHERE date = ?`, m.at, m.by, m.hlc, d.String()); err != nil {
			return err
		}
		return s.audit(tx, "delete", "holiday", d.String(), old, nil)
	})
	if err != nil {
		return fmt.Errorf("store: delete holiday: %w", err)
	}
	return nil
}

// Calendar returns the working-day calendar built from Holidays.
func (s *Store) Calendar(ctx context.Context) (*caseload.Calendar, error) {
	hs, err := s.Holidays(ctx)
	if err != nil {
		return nil, err
	}
	return caseload.NewCalendar(hs), nil
}

// holidayTx reads the live holiday of day d inside tx.
func holidayTx(ctx context.Context, tx *sql.Tx, d caseload.Date) (caseload.Holiday, bool, error) {
	h := caseload.Holiday{Date: d}
	err := tx.QueryRowContext(ctx, `SELECT name, kind FROM holiday WHERE date = ? AND deleted = 0`, d.String()).Scan(&h.Name, &h.Kind)
	if errors.Is(err, sql.ErrNoRows) {
		return h, false, nil
	}
	return h, err == nil, err
}

// seedHolidays brings the built-in rows of the holiday table in line with
// caseload.BuiltinHolidays when that table changed since the last seed
// (always on a new database). Rows the user added, edited or deleted are
// left alone.
func (s *Store) seedHolidays(ctx context.Context) error {
	builtin := caseload.BuiltinHolidays()
	b, err := json.Marshal(builtin)
	if err != nil {
		return fmt.Errorf("seed holidays: %w", err)
	}
	sum := sha256.Sum256(b)
	hash := hex.EncodeToString(sum[:])
	done, err := s.Setting(ctx, settingHolidaySeed)
	if err != nil {
		return err
	}
	if done == hash {
		return nil
	}
	err = s.tx(ctx, func(tx *sql.Tx) error {
		m := s.rowMeta()
		ins, err := tx.PrepareContext(ctx, `INSERT INTO holiday (date, name, kind, source, deleted, owner, ver, updated_at, updated_by, hlc)
			VALUES (?, ?, ?, 'builtin', 0, ?, 1, ?, ?, ?)
			ON CONFLICT (date) DO UPDATE SET name = excluded.name, kind = excluded.kind, ver = holiday.ver + 1,
				updated_at = excluded.updated_at, updated_by = excluded.updated_by, hlc = excluded.hlc
			WHERE holiday.source = 'builtin' AND (holiday.name <> excluded.name OR holiday.kind <> excluded.kind)`)
		if err != nil {
			return err
		}
		defer ins.Close()
		listed := make(map[string]bool, len(builtin))
		for _, h := range builtin {
			listed[h.Date.String()] = true
			if _, err := ins.ExecContext(ctx, h.Date.String(), norm.NFC.String(h.Name), h.Kind, m.owner, m.at, m.by, m.hlc); err != nil {
				return fmt.Errorf("holiday %s: %w", h.Date, err)
			}
		}
		// Built-in rows that the new table no longer lists are dropped.
		var stale []string
		rows, err := tx.QueryContext(ctx, `SELECT date FROM holiday WHERE source = 'builtin'`)
		if err != nil {
			return err
		}
		for rows.Next() {
			var d string
			if err := rows.Scan(&d); err != nil {
				rows.Close()
				return err
			}
			if !listed[d] {
				stale = append(stale, d)
			}
		}
		rows.Close()
		for _, d := range stale {
			if _, err := tx.ExecContext(ctx, `DELETE FROM holiday WHERE date = ?`, d); err != nil {
				return err
			}
		}
		if err := s.audit(tx, "update", "holiday", "builtin", nil, map[string]any{"seed": hash, "count": len(builtin)}); err != nil {
			return err
		}
		return s.setSettingTx(ctx, tx, settingHolidaySeed, hash)
	})
	if err != nil {
		return fmt.Errorf("seed holidays: %w", err)
	}
	return nil
}
