package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// SelectModel selects the model with id in the roster and shows it.
func (s *modelsScreen) SelectModel(id string) {
	for i, m := range s.shownM {
		if m.ID == id {
			s.ModelTbl.Select(widget.TableCellID{Row: i, Col: 0})
			// Select scrolls the cell into view; before the table's first
			// layout (its size is still zero) that scrolls everything out
			// of sight, so go back to the top left corner then.
			if s.ModelTbl.Size().Height < 1 {
				s.ModelTbl.ScrollToTop()
			}
			s.ModelTbl.ScrollToLeading()
			s.selectModel(i)
			return
		}
	}
}

func (s *modelsScreen) selectModel(row int) {
	s.selModel = row
	s.showDetail()
}

func (s *modelsScreen) current() (store.ModelRow, bool) {
	if s.selModel < 0 || s.selModel >= len(s.shownM) {
		return store.ModelRow{}, false
	}
	return s.shownM[s.selModel], true
}

// showDetail fills the detail side for the selected model.
func (s *modelsScreen) showDetail() {
	s.selMember, s.selPerson = -1, -1
	m, ok := s.current()
	if !ok {
		s.Info.SetText(i18n.T("model.ui.pick"))
		s.Members, s.People, s.Partners = nil, nil, nil
		s.MemberTbl.Refresh()
		s.PeopleList.Refresh()
		s.PartnerLbl.SetText("")
		s.PartnerBox.RemoveAll()
		s.tabTitles(0, 0, 0)
		return
	}
	ctx := opCtx()
	info := i18n.T("model.ui.info", "Name", m.Name, "Type", m.Type, "Lead", m.LeadOrg,
		"Status", enumLabel("model.status", string(m.Status)), "Started", showDate(m.StartedOn))
	if m.Decision.Number != "" {
		info += "\n" + i18n.T("model.ui.decision", "Number", m.Decision.Number, "Date", showDate(m.Decision.Date))
	}
	if m.RecognizedBy != "" {
		info += "\n" + i18n.T("model.ui.recognized", "By", m.RecognizedBy, "Date", showDate(m.RecognizedOn))
	}
	info += "\n" + i18n.T("model.ui.counts", "Members", m.Members, "People", m.People, "Businesses", m.Businesses)
	s.Info.SetText(info)
	s.Members, _ = s.data.ModelMembers(ctx, m.ID)
	s.People, _ = s.data.LinkedPeople(ctx, caseload.LinkModelPerson, m.ID)
	s.Partners, _ = s.data.ModelBusinesses(ctx, m.ID)
	s.MemberTbl.UnselectAll()
	s.MemberTbl.Refresh()
	s.PeopleList.UnselectAll()
	s.PeopleList.Refresh()
	s.PartnerBox.RemoveAll()
	for _, p := range s.Partners {
		line := widget.NewLabel(i18n.T("model.ui.partner_line", "Name", p.Business.Name, "Address", p.Business.Address,
			"Returnees", p.Business.ReturneeWorkers, "Workers", p.Business.Workers))
		line.Wrapping = fyne.TextWrapWord
		unlink := widget.NewButtonWithIcon(i18n.T("model.ui.unlink_person"), theme.ContentRemoveIcon(), func() { s.AskUnlinkBusiness(p) })
		if s.readOnly {
			unlink.Disable()
		}
		s.PartnerBox.Add(container.NewBorder(nil, nil, nil, unlink, line))
	}
	if len(s.Partners) == 0 {
		s.PartnerLbl.SetText(i18n.T("model.ui.partners_none"))
		s.PartnerLbl.Show()
	} else {
		s.PartnerLbl.SetText("")
		s.PartnerLbl.Hide()
	}
	s.tabTitles(len(s.Members), len(s.People), len(s.Partners))
}

// tabTitles shows the counts in the detail tabs' titles.
func (s *modelsScreen) tabTitles(members, people, partners int) {
	for i, t := range []string{
		i18n.T("model.ui.members_n", "Count", members),
		i18n.T("model.ui.people_n", "Count", people),
		i18n.T("model.ui.partners_n", "Count", partners),
	} {
		s.DetailTabs.Items[i].Text = t
	}
	s.DetailTabs.Refresh()
}

func (s *modelsScreen) memberCell(row, col int) string {
	m := s.Members[row]
	switch col {
	case 0:
		return m.Name
	case 1:
		return enumLabel("model.role", string(m.Role))
	case 2:
		return m.Organisation
	case 3:
		return m.Phone
	}
	return ""
}
