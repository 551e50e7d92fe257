package ui

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// officeNoticeSource is what the office's notices and transfers need from
// the store.
type officeNoticeSource interface {
	peopleLister
	AddNotice(ctx context.Context, n *caseload.Notice, p *caseload.Person) error
	Notices(ctx context.Context, openOnly bool) ([]caseload.Notice, error)
	OrderTransfer(ctx context.Context, t *caseload.Transfer) error
	Transfers(ctx context.Context, f store.TransferFilter) ([]caseload.Transfer, error)
	PersonOwners(ctx context.Context) (map[string]string, error)
	Person(ctx context.Context, id string) (caseload.Person, error)
}

// officeNotices is the office's "Thông báo, điều chuyển": a prison notice
// entered for the ward where the person will live (the ward then owns the
// expected person, and both travel in that ward's next file), and orders
// moving a person from one ward to another (the order travels to both).
type officeNotices struct {
	src      officeNoticeSource
	canWrite bool
	wards    []store.SyncPeer // active wards, in name order
	names    map[string]string
	self     store.Node

	// The notice.
	NoticeWard          *widget.Select
	Sender, Number      *widget.Entry
	NoticeDate, Release *DateEntry
	FullName, CitizenID *widget.Entry
	BirthDate           *DateEntry
	Gender              *widget.Select
	Address, Offense    *widget.Entry
	SaveNotice          *widget.Button
	NoticeStatus        *widget.Label
	NoticeList          *fyne.Container

	// The transfer.
	Person       *personPicker
	From         *widget.Label
	ToWard       *widget.Select
	OrderedOn    *DateEntry
	OrderNumber  *widget.Entry
	Order        *widget.Button
	OrderStatus  *widget.Label
	TransferList *fyne.Container

	Tabs *container.AppTabs
}

func (u *App) newOfficeNoticesArea() fyne.CanvasObject {
	return u.buildOfficeNotices().Tabs
}

func (u *App) buildOfficeNotices() *officeNotices {
	v := &officeNotices{src: u.st, canWrite: !u.sess.readOnly() && !u.sess.isMentor(), names: u.wardNames(), self: u.st.Node()}
	if peers, err := u.st.SyncPeers(opCtx()); err == nil {
		for _, p := range peers {
			if p.UnitKind == "ward" && p.Status == "active" {
				v.wards = append(v.wards, p)
			}
		}
	}
	wardNames := make([]string, len(v.wards))
	for i, w := range v.wards {
		wardNames[i] = w.UnitName
	}
	v.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(i18n.T("office.notices.tab_notice"), theme.MailComposeIcon(), v.buildNotice(wardNames)),
		container.NewTabItemWithIcon(i18n.T("office.notices.tab_transfer"), theme.MailForwardIcon(), v.buildTransfer(wardNames)),
	)
	v.listNotices()
	v.listTransfers()
	return v
}

func (v *officeNotices) buildNotice(wardNames []string) fyne.CanvasObject {
	v.NoticeWard = widget.NewSelect(wardNames, nil)
	v.NoticeWard.PlaceHolder = i18n.T("sync.ui.choose_ward")
	v.Sender, v.Number = widget.NewEntry(), widget.NewEntry()
	v.NoticeDate, v.Release = NewDateEntry(), NewDateEntry()
	v.NoticeDate.SetDate(caseload.Today())
	v.FullName, v.CitizenID = widget.NewEntry(), widget.NewEntry()
	v.BirthDate = NewBirthDateEntry()
	genders := []string{enumLabel("person.gender", string(caseload.Male)), enumLabel("person.gender", string(caseload.Female))}
	v.Gender = widget.NewSelect(genders, nil)
	v.Address, v.Offense = widget.NewEntry(), widget.NewEntry()
	v.SaveNotice = widget.NewButtonWithIcon(i18n.T("office.notices.save"), theme.MailSendIcon(), v.saveNotice)
	v.SaveNotice.Importance = widget.HighImportance
	v.NoticeStatus = newStatusLabel()
	v.NoticeList = container.NewVBox()
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("office.notices.ward"), v.NoticeWard),
		widget.NewFormItem(fieldLabel("sender"), v.Sender),
		widget.NewFormItem(i18n.T("office.notices.number"), v.Number),
		widget.NewFormItem(fieldLabel("notice_date"), v.NoticeDate),
		widget.NewFormItem(i18n.T("office.notices.release"), v.Release),
		widget.NewFormItem(fieldLabel("full_name"), v.FullName),
		widget.NewFormItem(i18n.T("office.notices.birth"), v.BirthDate),
		widget.NewFormItem(i18n.T("office.notices.gender"), v.Gender),
		widget.NewFormItem(i18n.T("office.notices.citizen_id"), v.CitizenID),
		widget.NewFormItem(i18n.T("office.notices.address"), v.Address),
		widget.NewFormItem(i18n.T("office.notices.offense"), v.Offense),
	)
	if !v.canWrite || len(v.wards) == 0 {
		v.SaveNotice.Disable()
	}
	help := widget.NewLabel(i18n.T("office.notices.notice_help"))
	help.Wrapping = fyne.TextWrapWord
	left := container.NewVScroll(container.NewVBox(help, form, container.NewHBox(v.SaveNotice), v.NoticeStatus))
	right := container.NewBorder(heading("office.notices.list"), nil, nil, nil, container.NewVScroll(v.NoticeList))
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	return container.NewPadded(split)
}

func (v *officeNotices) buildTransfer(wardNames []string) fyne.CanvasObject {
	v.Person = newPersonPicker(v.src, nil)
	v.From = widget.NewLabel("")
	v.From.Wrapping = fyne.TextWrapWord
	v.Person.OnChanged = func(r store.PersonRow) { v.showFrom(r.ID) }
	v.ToWard = widget.NewSelect(wardNames, nil)
	v.ToWard.PlaceHolder = i18n.T("sync.ui.choose_ward")
	v.OrderedOn = NewDateEntry()
	v.OrderedOn.SetDate(caseload.Today())
	v.OrderNumber = widget.NewEntry()
	v.Order = widget.NewButtonWithIcon(i18n.T("office.transfer.order"), theme.MailForwardIcon(), v.orderTransfer)
	v.Order.Importance = widget.HighImportance
	v.OrderStatus = newStatusLabel()
	v.TransferList = container.NewVBox()
	if !v.canWrite || len(v.wards) < 2 {
		v.Order.Disable()
	}
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("office.transfer.person"), v.Person.Object()),
		widget.NewFormItem(i18n.T("office.transfer.from"), v.From),
		widget.NewFormItem(i18n.T("office.transfer.to"), v.ToWard),
		widget.NewFormItem(i18n.T("office.transfer.ordered_on"), v.OrderedOn),
		widget.NewFormItem(i18n.T("office.transfer.number"), v.OrderNumber),
	)
	help := widget.NewLabel(i18n.T("office.transfer.help"))
	help.Wrapping = fyne.TextWrapWord
	left := container.NewVScroll(container.NewVBox(help, form, container.NewHBox(v.Order), v.OrderStatus))
	right := container.NewBorder(heading("office.transfer.list"), nil, nil, nil, container.NewVScroll(v.TransferList))
	split := container.NewHSplit(left, right)
	split.Offset = 0.62
	return container.NewPadded(split)
}

// wardName is the name of a ward (or of this office, or "unknown").
func (v *officeNotices) wardName(id string) string { return ownerName(id, v.names, v.self) }

// showFrom shows the ward that manages the person chosen.
func (v *officeNotices) showFrom(id string) {
	if id == "" {
		v.From.SetText("")
		return
	}
	p, err := v.src.Person(opCtx(), id)
	if err != nil {
		v.From.SetText(errorText(err))
		return
	}
	v.From.SetText(v.wardName(p.Owner))
}

func (v *officeNotices) selectedWard(s *widget.Select) string {
	i := s.SelectedIndex()
	if i < 0 || i >= len(v.wards) {
		return ""
	}
	return v.wards[i].NodeID
}

func (v *officeNotices) saveNotice() {
	ward := v.selectedWard(v.NoticeWard)
	if ward == "" {
		v.NoticeStatus.Importance = widget.DangerImportance
		v.NoticeStatus.SetText(i18n.T("office.notices.choose_ward"))
		return
	}
	for _, d := range []*DateEntry{v.NoticeDate, v.Release, v.BirthDate} {
		if err := d.Err(); err != nil {
			setStatus(v.NoticeStatus, err, "")
			return
		}
	}
	n := caseload.Notice{Ward: ward, Sender: nfc(v.Sender.Text), Number: nfc(v.Number.Text),
		NoticeDate: v.NoticeDate.Date(), ExpectedRelease: v.Release.Date(), AddressCheck: caseload.AddressPending}
	p := caseload.Person{FullName: nfc(v.FullName.Text), CitizenID: strings.TrimSpace(v.CitizenID.Text),
		BirthDate: v.BirthDate.BirthDate(), Address: nfc(v.Address.Text), Offense: nfc(v.Offense.Text)}
	if v.Gender.SelectedIndex() == 1 {
		p.Gender = caseload.Female
	} else if v.Gender.SelectedIndex() == 0 {
		p.Gender = caseload.Male
	}
	if err := v.src.AddNotice(opCtx(), &n, &p); err != nil {
		setStatus(v.NoticeStatus, err, "")
		return
	}
	setStatus(v.NoticeStatus, nil, i18n.T("office.notices.saved", "Name", p.FullName, "Ward", v.wardName(ward)))
	for _, e := range []*widget.Entry{v.Number, v.FullName, v.CitizenID, v.Address, v.Offense} {
		e.SetText("")
	}
	v.Release.SetDate(caseload.Date{})
	v.BirthDate.SetDate(caseload.Date{})
	v.listNotices()
}

func (v *officeNotices) orderTransfer() {
	if err := v.OrderedOn.Err(); err != nil {
		setStatus(v.OrderStatus, err, "")
		return
	}
	t := caseload.Transfer{PersonID: v.Person.ID(), ToWard: v.selectedWard(v.ToWard),
		OrderedOn: v.OrderedOn.Date(), Number: nfc(v.OrderNumber.Text)}
	if err := v.src.OrderTransfer(opCtx(), &t); err != nil {
		setStatus(v.OrderStatus, err, "")
		return
	}
	setStatus(v.OrderStatus, nil, i18n.T("office.transfer.ordered", "Name", v.Person.Name(),
		"From", v.wardName(t.FromWard), "To", v.wardName(t.ToWard)))
	v.OrderNumber.SetText("")
	v.listTransfers()
}

// listNotices lists the notices held here, newest first, with their ward.
func (v *officeNotices) listNotices() {
	v.NoticeList.RemoveAll()
	ns, err := v.src.Notices(opCtx(), false)
	if err != nil {
		v.NoticeList.Add(syncLabel(errorText(err)))
		return
	}
	if len(ns) == 0 {
		v.NoticeList.Add(syncLabel(i18n.T("office.notices.none")))
	}
	names := personNames(v.src, nil)
	for i, n := range ns {
		if i == 200 {
			v.NoticeList.Add(syncLabel(i18n.T("office.notices.more", "Count", len(ns)-200)))
			break
		}
		ward := i18n.T("office.notices.own")
		if n.Ward != "" {
			ward = v.wardName(n.Ward)
		}
		v.NoticeList.Add(syncLabel(i18n.T("office.notices.line", "Date", showDate(n.NoticeDate), "Name", names[n.PersonID],
			"Sender", n.Sender, "Ward", ward, "Release", showDate(n.ExpectedRelease))))
	}
}

// listTransfers lists the transfer orders, newest first, with their state.
func (v *officeNotices) listTransfers() {
	v.TransferList.RemoveAll()
	ts, err := v.src.Transfers(opCtx(), store.TransferFilter{})
	if err != nil {
		v.TransferList.Add(syncLabel(errorText(err)))
		return
	}
	if len(ts) == 0 {
		v.TransferList.Add(syncLabel(i18n.T("office.transfer.none")))
	}
	names := personNames(v.src, nil)
	for _, t := range ts {
		l := syncLabel(i18n.T("office.transfer.line", "Date", showDate(t.OrderedOn), "Name", names[t.PersonID],
			"From", v.wardName(t.FromWard), "To", v.wardName(t.ToWard), "State", i18n.T("transfer.state."+string(t.State))))
		if t.State == caseload.TransferDone {
			l.Importance = widget.SuccessImportance
		}
		v.TransferList.Add(l)
	}
}
