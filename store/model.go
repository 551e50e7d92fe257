package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"

	"hoanhap/caseload"
)

var modelTable = supTable[caseload.Model]{
	name: "model",
	cols: columnNames(modelColumns),
	meta: func(r *caseload.Model) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.Model) []any {
		return []any{r.Name, r.Type, r.LeadOrg, r.Decision.Number, r.Decision.Date.String(), r.StartedOn.String(),
			string(r.Status), r.RecognizedBy, r.RecognizedOn.String(), r.Notes}
	},
	dest: func(r *caseload.Model) ([]any, func() error) {
		dd, f1 := supDate(&r.Decision.Date)
		so, f2 := supDate(&r.StartedOn)
		ro, f3 := supDate(&r.RecognizedOn)
		return []any{&r.Name, &r.Type, &r.LeadOrg, &r.Decision.Number, dd, so, (*string)(&r.Status), &r.RecognizedBy, ro, &r.Notes},
			supFinish(f1, f2, f3)
	},
}

var memberTable = supTable[caseload.ModelMember]{
	name: "model_member",
	cols: columnNames(memberColumns),
	meta: func(r *caseload.ModelMember) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.ModelMember) []any {
		return []any{r.ModelID, r.Name, string(r.Role), r.Organisation, r.Phone}
	},
	dest: func(r *caseload.ModelMember) ([]any, func() error) {
		return []any{&r.ModelID, &r.Name, (*string)(&r.Role), &r.Organisation, &r.Phone}, func() error { return nil }
	},
}

var linkTable = supTable[caseload.Link]{
	name: "model_link",
	cols: columnNames(linkColumns),
	meta: func(r *caseload.Link) *caseload.Meta { return &r.Meta },
	args: func(r *caseload.Link) []any {
		return []any{string(r.Kind), r.FromID, r.ToID, r.Since.String(), r.Notes}
	},
	dest: func(r *caseload.Link) ([]any, func() error) {
		d, fd := supDate(&r.Since)
		return []any{(*string)(&r.Kind), &r.FromID, &r.ToID, d, &r.Notes}, fd
	},
}

// SaveModel normalises and validates a reintegration model, then inserts
// or updates it with its audit row.
func (s *Store) SaveModel(ctx context.Context, rec *caseload.Model) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save model: %w", err)
	}
	q := *rec
	q.Normalize()
	if err := q.Validate(); err != nil {
		return err
	}
	if err := supSave(ctx, s, modelTable, &q, nil); err != nil {
		return err
	}
	*rec = q
	return nil
}

// Model returns one live model, or ErrNotFound.
func (s *Store) Model(ctx context.Context, id string) (caseload.Model, error) {
	return supLive(ctx, s, modelTable, id)
}

// DeleteModel marks a model deleted.
func (s *Store) DeleteModel(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete model: %w", err)
	}
	return supDelete(ctx, s, modelTable, id)
}

// ModelRow is a model with its counts of members, people helped and
// partner businesses, for the roster.
type ModelRow struct {
	caseload.Model
	Members    int
	People     int
	Businesses int
}

// Models returns the live models ordered by name, with their counts.
func (s *Store) Models(ctx context.Context) ([]ModelRow, error) {
	recs, err := supList(ctx, s, modelTable, `WHERE deleted = 0 ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	members := map[string]int{}
	rows, err := s.db.QueryContext(ctx, `SELECT model_id, count(*) FROM model_member WHERE deleted = 0 GROUP BY model_id`)
	if err != nil {
		return nil, fmt.Errorf("store: models: %w", err)
	}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: models: %w", err)
		}
		members[id] = n
	}
	rows.Close()
	people, err := s.supLinkCounts(ctx, caseload.LinkModelPerson, true)
	if err != nil {
		return nil, fmt.Errorf("store: models: %w", err)
	}
	biz, err := s.supLinkCounts(ctx, caseload.LinkModelBusiness, true)
	if err != nil {
		return nil, fmt.Errorf("store: models: %w", err)
	}
	out := make([]ModelRow, len(recs))
	for i, m := range recs {
		out[i] = ModelRow{Model: m, Members: members[m.ID], People: people[m.ID], Businesses: biz[m.ID]}
	}
	return out, nil
}

// SaveModelMember normalises and validates a member, then inserts or
// updates it with its audit row. The model must exist.
func (s *Store) SaveModelMember(ctx context.Context, rec *caseload.ModelMember) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save model member: %w", err)
	}
	q := *rec
	q.Normalize()
	if err := q.Validate(); err != nil {
		return err
	}
	if err := supSave(ctx, s, memberTable, &q, func(tx *sql.Tx) error {
		return supRefCheck(ctx, tx, "model", q.ModelID, "model_id", "model.error.model_unknown")
	}); err != nil {
		return err
	}
	*rec = q
	return nil
}

// DeleteModelMember marks a member deleted.
func (s *Store) DeleteModelMember(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete model member: %w", err)
	}
	return supDelete(ctx, s, memberTable, id)
}

// ModelMembers returns a model's live members: chair first, then vice
// chairs, then members, each by name.
func (s *Store) ModelMembers(ctx context.Context, modelID string) ([]caseload.ModelMember, error) {
	return supList(ctx, s, memberTable, `WHERE model_id = ? AND deleted = 0
		ORDER BY CASE role WHEN 'chair' THEN 0 WHEN 'vice_chair' THEN 1 ELSE 2 END, name, id`, modelID)
}

// SaveLink normalises and validates a link (model → person, model →
// business, business → person), checks both ends exist and that the same
// live link does not exist yet, then writes it with its audit row.
func (s *Store) SaveLink(ctx context.Context, rec *caseload.Link) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: save link: %w", err)
	}
	q := *rec
	q.Normalize()
	if err := q.Validate(); err != nil {
		return err
	}
	from, to := "model", "person"
	switch q.Kind {
	case caseload.LinkModelBusiness:
		to = "business"
	case caseload.LinkBusinessPerson:
		from = "business"
	}
	if err := supSave(ctx, s, linkTable, &q, func(tx *sql.Tx) error {
		if err := supRefCheck(ctx, tx, from, q.FromID, "from_id", "model.error.link_from_unknown"); err != nil {
			return err
		}
		if err := supRefCheck(ctx, tx, to, q.ToID, "to_id", "model.error.link_to_unknown"); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM model_link WHERE kind = ? AND from_id = ? AND to_id = ? AND deleted = 0 AND id <> ?`,
			string(q.Kind), q.FromID, q.ToID, q.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			v := &caseload.ValidationError{}
			v.Add("to_id", "model.error.link_exists")
			return v
		}
		return nil
	}); err != nil {
		return err
	}
	*rec = q
	return nil
}

// DeleteLink marks a link deleted (unlinks).
func (s *Store) DeleteLink(ctx context.Context, id string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: delete link: %w", err)
	}
	return supDelete(ctx, s, linkTable, id)
}

// LinkedPerson is a person linked to a model or business.
type LinkedPerson struct {
	Link   caseload.Link
	Name   string
	Hamlet string
}

// LinkedPeople returns the people linked from a model (kind model_person)
// or a business (kind business_person), by name.
func (s *Store) LinkedPeople(ctx context.Context, kind caseload.LinkKind, fromID string) ([]LinkedPerson, error) {
	links, err := supList(ctx, s, linkTable, `WHERE kind = ? AND from_id = ? AND deleted = 0 ORDER BY id`, string(kind), fromID)
	if err != nil {
		return nil, err
	}
	out := make([]LinkedPerson, 0, len(links))
	for _, l := range links {
		lp := LinkedPerson{Link: l}
		_ = s.db.QueryRowContext(ctx, `SELECT full_name, hamlet FROM person WHERE id = ?`, l.ToID).Scan(&lp.Name, &lp.Hamlet)
		out = append(out, lp)
	}
	return out, nil
}

// LinkedBusiness is a partner business of a model.
type LinkedBusiness struct {
	Link     caseload.Link
	Business caseload.Business
}

// ModelBusinesses returns the partner businesses of a model.
func (s *Store) ModelBusinesses(ctx context.Context, modelID string) ([]LinkedBusiness, error) {
	links, err := supList(ctx, s, linkTable, `WHERE kind = 'model_business' AND from_id = ? AND deleted = 0 ORDER BY id`, modelID)
	if err != nil {
		return nil, err
	}
	var out []LinkedBusiness
	for _, l := range links {
		b, err := s.Business(ctx, l.ToID)
		if err != nil {
			continue // business deleted since
		}
		out = append(out, LinkedBusiness{Link: l, Business: b})
	}
	return out, nil
}

// PersonLinks returns the live links that point at a person (the models
// that help them and the businesses that employ them).
func (s *Store) PersonLinks(ctx context.Context, personID string) ([]caseload.Link, error) {
	return supList(ctx, s, linkTable, `WHERE to_id = ? AND kind IN ('model_person', 'business_person') AND deleted = 0 ORDER BY id`, personID)
}

const modelTypesKey = "model.types"

// ModelTypes returns the editable list of model types: the saved list, or
// caseload.DefaultModelTypes when none was saved, plus any type in use by
// a model that is missing from it.
func (s *Store) ModelTypes(ctx context.Context) ([]string, error) {
	types := append([]string(nil), caseload.DefaultModelTypes...)
	raw, err := s.Setting(ctx, modelTypesKey)
	if err != nil {
		return nil, err
	}
	var saved []string
	if raw != "" && json.Unmarshal([]byte(raw), &saved) == nil && len(saved) > 0 {
		types = saved
	}
	seen := map[string]bool{}
	for _, t := range types {
		seen[t] = true
	}
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT type FROM model WHERE deleted = 0 ORDER BY type`)
	if err != nil {
		return nil, fmt.Errorf("store: model types: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		if err := rows.Scan(&t); err != nil {
			return nil, fmt.Errorf("store: model types: %w", err)
		}
		if !seen[t] {
			types, seen[t] = append(types, t), true
		}
	}
	return types, rows.Err()
}

// SetModelTypes saves the editable list of model types (trimmed, NFC,
// blank and duplicate entries dropped); the change is audited.
func (s *Store) SetModelTypes(ctx context.Context, types []string) error {
	if err := s.requireWrite(writeSupport); err != nil {
		return fmt.Errorf("store: set model types: %w", err)
	}
	clean := []string{}
	seen := map[string]bool{}
	for _, t := range types {
		m := caseload.Model{Type: t}
		m.Normalize()
		if m.Type != "" && !seen[m.Type] {
			clean, seen[m.Type] = append(clean, m.Type), true
		}
	}
	b, err := json.Marshal(clean)
	if err != nil {
		return fmt.Errorf("store: set model types: %w", err)
	}
	return s.SetSetting(ctx, modelTypesKey, string(b))
}
