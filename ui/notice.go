package ui

import (
	"context"
	"errors"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// noticeSource is what the prison-notice screens need from the store.
type noticeSource interface {
	AddNotice(ctx context.Context, n *caseload.Notice, p *caseload.Person) error
	UpdateNotice(ctx context.Context, n *caseload.Notice) error
	Notice(ctx context.Context, id string) (caseload.Notice, error)
	Notices(ctx context.Context, openOnly bool) ([]caseload.Notice, error)
	Person(ctx context.Context, id string) (caseload.Person, error)
	Calendar(ctx context.Context) (*caseload.Calendar, error)
}

// noticeView enters a prison notice (which creates an expected person)
// and then tracks it: the 3-working-day address check (TT 10/2024 Art. 8)
// and its result, the answer to the sender when the address changed
// (HCD-03), and, when the person has not reported after release, the check
// with the family and the upward report (HCD-04).
type noticeView struct {
	u    *App
	src  noticeSource
	back *overviewArea
	n    caseload.Notice

	// The notice and the person (new notice only).
	Sender, Number       *keyEntry
	NoticeDate, Release  *DateEntry
	ReportBy             *DateEntry
	FullName, CitizenID  *keyEntry
	Gender               *enumSelect
	BirthDate            *DateEntry
	Hamlet               *widget.SelectEntry // the unit's hamlet list, as in the person form
	Address              *keyEntry
	Offense, Facility    *keyEntry
	Save                 *widget.Button
	Status               *widget.Label
	Summary, DueLine     *widget.Label
	Check                *enumSelect
	CheckedOn            *DateEntry
	NewAddress           *keyEntry
	AnsweredOn           *DateEntry
	FamilyOn             *DateEntry
	FamilyNote           *keyEntry
	UpwardOn             *DateEntry
	SaveCheck, Reception *widget.Button
	CheckStatus          *widget.Label

	errs             map[string]*widget.Label // message under each field of the new notice
	hamlets          []string                 // the choices of Hamlet
	newBox, checkBox *fyne.Container
	content          fyne.CanvasObject
}

// newNoticeView opens the notice with id, or a blank notice when id is "".
func (u *App) newNoticeView(back *overviewArea, id string) *noticeView {
	v := &noticeView{u: u, src: u.st, back: back}
	v.Sender, v.Number, v.FullName, v.CitizenID = newKeyEntry(), newKeyEntry(), newKeyEntry(), newKeyEntry()
	v.Address, v.Offense, v.Facility = newKeyEntry(), newKeyEntry(), newKeyEntry()
	v.hamlets = u.st.Hamlets()
	v.Hamlet = widget.NewSelectEntry(v.hamlets)
	v.NoticeDate, v.Release, v.ReportBy = NewDateEntry(), NewDateEntry(), NewDateEntry()
	v.NoticeDate.SetDate(svToday())
	v.BirthDate = NewBirthDateEntry()
	v.Gender = newEnumSelect("svui.gender", enumValues(caseload.Genders), true, nil)
	v.Gender.SetValue("") // "— Chưa chọn —", as in the person form
	v.Save = widget.NewButtonWithIcon(i18n.T("svui.notice.save"), theme.DocumentSaveIcon(), v.saveNew)
	v.Save.Importance = widget.HighImportance
	v.Status, v.CheckStatus = newStatusLabel(), newStatusLabel()
	v.Summary, v.DueLine = wrapLabel(""), wrapLabel("")
	v.DueLine.TextStyle.Bold = true
	v.Check = newEnumSelect("svui.notice.check", enumValues(caseload.AddressChecks), true, nil)
	v.CheckedOn, v.AnsweredOn, v.FamilyOn, v.UpwardOn = NewDateEntry(), NewDateEntry(), NewDateEntry(), NewDateEntry()
	v.NewAddress, v.FamilyNote = newKeyEntry(), newKeyEntry()
	v.SaveCheck = widget.NewButtonWithIcon(i18n.T("svui.common.save"), theme.DocumentSaveIcon(), v.saveCheck)
	v.SaveCheck.Importance = widget.HighImportance
	v.Reception = widget.NewButtonWithIcon(i18n.T("svui.reception.open"), theme.AccountIcon(), func() {
		if v.back != nil {
			v.back.push(u.newReceptionView(v.back, v.n.PersonID).content)
		}
	})
	if u.sess.readOnly() || u.sess.isMentor() {
		v.Save.Disable()
		v.SaveCheck.Disable()
		v.Reception.Disable()
	}
	v.errs = map[string]*widget.Label{}
	item := func(key, field string, w fyne.CanvasObject) *widget.FormItem {
		return widget.NewFormItem(i18n.T(key), fieldWithError(v.errs, field, w))
	}
	newForm := widget.NewForm(
		item("svui.field.sender", "sender", v.Sender),
		item("svui.field.number", "number", v.Number),
		item("svui.field.notice_date", "notice_date", v.NoticeDate),
		item("svui.field.expected_release", "expected_release", v.Release),
		item("svui.field.report_by", "report_by", v.ReportBy),
		item("svui.field.full_name", "full_name", v.FullName),
		item("svui.field.gender", "gender", v.Gender),
		item("svui.field.birth_date", "birth_date", v.BirthDate),
		item("svui.field.citizen_id", "citizen_id", v.CitizenID),
		item("svui.field.hamlet", "hamlet", v.Hamlet),
		item("svui.field.address", "address", v.Address),
		item("svui.field.offense", "offense", v.Offense),
	)
	v.newBox = container.NewVBox(heading("svui.notice.new"), wrapLabel(i18n.T("svui.notice.intro")), newForm,
		container.NewHBox(v.Save), v.Status)
	checkForm := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.address_check"), v.Check),
		widget.NewFormItem(i18n.T("svui.field.address_checked_on"), v.CheckedOn),
		widget.NewFormItem(i18n.T("svui.field.new_address"), v.NewAddress),
		widget.NewFormItem(i18n.T("svui.field.sender_answered_on"), v.AnsweredOn),
		widget.NewFormItem(i18n.T("svui.field.family_checked_on"), v.FamilyOn),
		widget.NewFormItem(i18n.T("svui.field.family_check_note"), v.FamilyNote),
		widget.NewFormItem(i18n.T("svui.field.upward_report_on"), v.UpwardOn),
	)
	v.checkBox = container.NewVBox(heading("svui.notice.check_title"), v.Summary, v.DueLine, checkForm,
		container.NewHBox(v.SaveCheck, v.Reception), v.CheckStatus)
	v.content = container.NewVScroll(container.NewVBox(v.newBox, v.checkBox))
	if id == "" {
		v.checkBox.Hide()
	} else if n, err := u.st.Notice(opCtx(), id); err != nil {
		setStatus(v.Status, err, "")
		v.checkBox.Hide()
	} else if !u.inScope(n.PersonID) {
		v.content = outOfScope()
	} else {
		v.showNotice(n)
	}
	return v
}

// saveNew records the notice and the expected person in one step.
func (v *noticeView) saveNew() {
	local := &caseload.ValidationError{}
	for field, d := range map[string]*DateEntry{"notice_date": v.NoticeDate, "expected_release": v.Release,
		"report_by": v.ReportBy, "birth_date": v.BirthDate} {
		if err := d.Err(); err != nil {
			addErr(local, field, err)
		}
	}
	if showFieldErrors(v.errs, local, v.Status) {
		return
	}
	n := caseload.Notice{Sender: v.Sender.Value(), Number: v.Number.Value(), NoticeDate: v.NoticeDate.Date(),
		ExpectedRelease: v.Release.Date(), ReportBy: v.ReportBy.Date()}
	p := caseload.Person{FullName: v.FullName.Value(), Gender: caseload.Gender(v.Gender.Value()),
		BirthDate: v.BirthDate.BirthDate(), CitizenID: v.CitizenID.Value(), Hamlet: nfc(v.Hamlet.Text),
		Address: v.Address.Value(), Offense: v.Offense.Value(), Facility: v.Sender.Value(),
		Status: caseload.StatusExpected, ReleaseKind: caseload.ReleaseCompleted}
	if err := v.src.AddNotice(opCtx(), &n, &p); err != nil {
		var verr *caseload.ValidationError
		if errors.As(err, &verr) && showFieldErrors(v.errs, verr, v.Status) {
			return
		}
		setStatus(v.Status, err, "")
		return
	}
	showFieldErrors(v.errs, nil, v.Status)
	setStatus(v.Status, nil, i18n.T("svui.notice.saved", "Name", p.FullName))
	v.showNotice(n)
}

// showNotice switches to tracking an existing notice.
func (v *noticeView) showNotice(n caseload.Notice) {
	v.n = n
	v.newBox.Hide()
	v.checkBox.Show()
	ctx := opCtx()
	name := ""
	status := caseload.Status("")
	if p, err := v.src.Person(ctx, n.PersonID); err == nil {
		name, status = p.FullName, p.Status
	}
	v.Summary.SetText(i18n.T("svui.notice.summary", "Name", name, "Sender", n.Sender,
		"Date", showDate(n.NoticeDate), "Release", showDate(n.ExpectedRelease)))
	cal, err := v.src.Calendar(ctx)
	if err != nil {
		cal = nil
	}
	v.DueLine.SetText(i18n.T("svui.notice.check_due", "Due", showDate(n.AddressCheckDue(cal))))
	v.Check.SetValue(string(n.AddressCheck))
	v.CheckedOn.SetDate(n.AddressCheckedOn)
	if n.AddressCheckedOn.IsZero() {
		v.CheckedOn.SetDate(svToday())
	}
	v.NewAddress.SetText(n.NewAddress)
	v.AnsweredOn.SetDate(n.SenderAnsweredOn)
	v.FamilyOn.SetDate(n.FamilyCheckedOn)
	v.FamilyNote.SetText(n.FamilyCheckNote)
	v.UpwardOn.SetDate(n.UpwardReportOn)
	if status != caseload.StatusExpected {
		v.Reception.Hide()
	}
}

// saveCheck records the address check, the answer to the sender and the
// family check / upward report.
func (v *noticeView) saveCheck() {
	for _, d := range []*DateEntry{v.CheckedOn, v.AnsweredOn, v.FamilyOn, v.UpwardOn} {
		if err := d.Err(); err != nil {
			setStatus(v.CheckStatus, err, "")
			return
		}
	}
	n := v.n
	n.AddressCheck = caseload.AddressCheck(v.Check.Value())
	n.AddressCheckedOn = v.CheckedOn.Date()
	if n.AddressCheck == caseload.AddressPending {
		n.AddressCheckedOn = caseload.Date{}
	}
	n.NewAddress, n.FamilyCheckNote = v.NewAddress.Value(), v.FamilyNote.Value()
	n.SenderAnsweredOn, n.FamilyCheckedOn, n.UpwardReportOn = v.AnsweredOn.Date(), v.FamilyOn.Date(), v.UpwardOn.Date()
	if err := v.src.UpdateNotice(opCtx(), &n); err != nil {
		setStatus(v.CheckStatus, err, "")
		return
	}
	v.showNotice(n)
	msg := i18n.T("svui.notice.check_saved")
	if n.NeedsSenderAnswer() {
		msg = i18n.T("svui.notice.answer_sender")
	}
	setStatus(v.CheckStatus, nil, msg)
}

// noticeList lists the open notices (people still expected).
type noticeList struct {
	List    *widget.List
	rows    []caseload.Notice
	names   map[string]string
	content fyne.CanvasObject
}

// newNoticeList lists the open notices the user may see: all of them,
// except for a mentor, who sees only those of people assigned to them.
func (u *App) newNoticeList(back *overviewArea) *noticeList {
	l := &noticeList{}
	list, err := u.st.Notices(opCtx(), true)
	status := newStatusLabel()
	if err != nil {
		setStatus(status, err, "")
	}
	scope := u.personScope()
	l.names = personNames(u.st, scope)
	for _, n := range list {
		if scope == nil || scope[n.PersonID] {
			l.rows = append(l.rows, n)
		}
	}
	l.List = widget.NewList(func() int { return len(l.rows) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(l.rows) {
				n := l.rows[id]
				o.(*widget.Label).SetText(i18n.T("svui.notice.summary", "Name", l.names[n.PersonID], "Sender", n.Sender,
					"Date", showDate(n.NoticeDate), "Release", showDate(n.ExpectedRelease)))
			}
		})
	l.List.OnSelected = func(id widget.ListItemID) {
		if id >= 0 && id < len(l.rows) {
			back.push(u.newNoticeView(back, l.rows[id].ID).content)
		}
	}
	l.content = container.NewBorder(container.NewVBox(heading("svui.notice.list"), status), nil, nil, nil, l.List)
	return l
}

// outOfScope is shown instead of a record the user may not see.
func outOfScope() fyne.CanvasObject {
	l := wrapLabel(i18n.T("scope.denied"))
	l.Importance = widget.WarningImportance
	return container.NewVBox(l)
}
