package ui

import (
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// AskRemoveMember asks, then removes the selected member from the model.
func (s *modelsScreen) AskRemoveMember() {
	m, ok := s.current()
	if s.readOnly || !ok || s.selMember < 0 || s.selMember >= len(s.Members) {
		return
	}
	mem := s.Members[s.selMember]
	s.confirm("model.ui.remove_member", i18n.T("model.ui.remove_member_ask", "Name", mem.Name, "Model", m.Name),
		"support.ui.remove", func() {
			if err := s.data.DeleteModelMember(opCtx(), mem.ID); err != nil {
				s.failed(err)
				return
			}
			s.Reload()
		})
}

// AskUnlinkPerson asks, then unlinks the selected person from the model
// (the person's record is not touched).
func (s *modelsScreen) AskUnlinkPerson() {
	m, ok := s.current()
	if s.readOnly || !ok || s.selPerson < 0 || s.selPerson >= len(s.People) {
		return
	}
	p := s.People[s.selPerson]
	s.confirm("model.ui.unlink_person", i18n.T("model.ui.unlink_person_ask", "Name", p.Name, "Model", m.Name),
		"model.ui.unlink_person", func() { s.deleteLink(p.Link.ID) })
}

// AskUnlinkBusiness asks, then unlinks a partner business from the
// selected model (the business's record is not touched).
func (s *modelsScreen) AskUnlinkBusiness(b store.LinkedBusiness) {
	m, ok := s.current()
	if s.readOnly || !ok {
		return
	}
	s.confirm("model.ui.unlink_person", i18n.T("model.ui.unlink_business_ask", "Business", b.Business.Name, "Model", m.Name),
		"model.ui.unlink_person", func() { s.deleteLink(b.Link.ID) })
}

// deleteLink removes a link and shows the lists again.
func (s *modelsScreen) deleteLink(id string) {
	if err := s.data.DeleteLink(opCtx(), id); err != nil {
		s.failed(err)
		return
	}
	s.Reload()
}

// linkPersonForm links a person to a model or a business.
type linkPersonForm struct {
	*formFrame
	Person *personPicker
	Since  *DateEntry
}

func (s *modelsScreen) openLinkPerson(kind caseload.LinkKind, fromID string) *linkPersonForm {
	f := &linkPersonForm{Person: newPersonPicker(s.data, nil), Since: NewDateEntry()}
	f.Since.SetDate(caseload.Today())
	f.formFrame = newFormFrame(s.win, i18n.T("model.ui.link_person"), []*widget.FormItem{
		formItem("model.field.person", f.Person.Object()),
		formItem("model.field.since", f.Since),
	}, "model.field.", func() error {
		l := caseload.Link{Kind: kind, FromID: fromID, ToID: f.Person.ID(), Since: f.Since.Date()}
		if l.ToID == "" {
			return supUserError{i18n.T("model.error.person_required")}
		}
		return s.data.SaveLink(opCtx(), &l)
	})
	f.onSaved = s.Reload
	s.show(f.formFrame)
	return f
}

// linkBusinessForm links a partner business to the selected model.
type linkBusinessForm struct {
	*formFrame
	Business *widget.Select
	biz      []store.BusinessRow
}

func (s *modelsScreen) openLinkBusiness() {
	m, ok := s.current()
	if !ok {
		return
	}
	s.linkBusinessForm(m.ID)
}

func (s *modelsScreen) linkBusinessForm(modelID string) *linkBusinessForm {
	f := &linkBusinessForm{}
	f.biz, _ = s.data.Businesses(opCtx())
	names := make([]string, len(f.biz))
	for i, b := range f.biz {
		names[i] = b.Name
	}
	f.Business = widget.NewSelect(names, nil)
	f.Business.PlaceHolder = i18n.T("support.ui.business_choose")
	f.formFrame = newFormFrame(s.win, i18n.T("model.ui.link_business"), []*widget.FormItem{
		formItem("model.field.business", f.Business),
	}, "model.field.", func() error {
		i := f.Business.SelectedIndex()
		if i < 0 || i >= len(f.biz) {
			return supUserError{i18n.T("model.error.business_required")}
		}
		l := caseload.Link{Kind: caseload.LinkModelBusiness, FromID: modelID, ToID: f.biz[i].ID, Since: caseload.Today()}
		return s.data.SaveLink(opCtx(), &l)
	})
	f.onSaved = s.Reload
	s.show(f.formFrame)
	return f
}
