package ui

import (
	"context"
	"errors"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// panelMinWidth keeps the legal summary beside the form readable (dates
// on one line) when the window is 1024 wide.
const panelMinWidth = 230

// personSource is what the person form needs from the store.
type personSource interface {
	Person(ctx context.Context, id string) (caseload.Person, error)
	SavePerson(ctx context.Context, p *caseload.Person) error
	// SavePersonConfirmed saves a person whose citizen ID another record
	// holds, once the officer confirmed it is another person.
	SavePersonConfirmed(ctx context.Context, p *caseload.Person) error
	Duplicates(p caseload.Person) []store.PersonRow
	Hamlets() []string
	LogView(ctx context.Context, table, id string) error
}

// errReadOnly is returned by Save when the user may not write.
var errReadOnly = errors.New("ui: read-only session")

// personForm is the register form of one person ("Hồ sơ"): sections of
// fields, inline validation messages, the duplicate banner and the legal
// side panel. Its widgets are fields so tests reach them.
type personForm struct {
	src      personSource
	win      fyne.Window
	person   caseload.Person // as loaded or last saved; keeps the sync fields
	readOnly bool
	loading  bool
	dirty    bool
	// live: messages are on screen after a refused save, so every change
	// checks the form again and they follow what is typed.
	live  bool
	today func() caseload.Date

	// identity
	fullName, otherNames, citizenID, ethnicity, phone *keyEntry
	education, occupation                             *keyEntry
	gender                                            *enumSelect
	birth                                             *DateEntry
	employedBefore                                    *widget.Check
	// address
	hamlet  *widget.SelectEntry
	address *keyEntry
	// judgment and sentence
	offense, articles             *keyEntry
	chapter, ageAtOffense         *intEntry
	severity                      *enumSelect
	negligent, juvenile           *widget.Check
	judgmentNumber, judgmentCourt *keyEntry
	judgmentDate                  *DateEntry
	sentenceKind                  *enumSelect
	sentenceMonths                *intEntry
	supp                          []*suppRow
	suppBox                       *fyne.Container
	civilAmount                   *moneyEntry
	civilNone                     *widget.Check
	civilSettled                  *DateEntry
	// release
	facility, certificateNo             *keyEntry
	releaseKind                         *enumSelect
	completedOn, returnedOn, reportedOn *DateEntry
	status, group, endReason, expMethod *enumSelect
	groupHint                           *widget.Label
	endDecisionNumber                   *keyEntry
	endDecisionDate, expungedOn         *DateEntry
	refusals                            []*refusalRow // court refusals (person_refusals.go)
	refusalBox                          *fyne.Container
	notes                               *keyEntry

	errLabels  map[string]*widget.Label // canonical field -> its message
	fieldKeys  map[string]string        // canonical field -> label key
	generalErr *widget.Label
	inputs     []fyne.Disableable

	title      *widget.Label
	saveBtn    *widget.Button
	closeBtn   *widget.Button
	dupBanner  *fyne.Container
	dupLabel   *widget.Label
	dupOpenBtn *widget.Button
	dupID      string
	dupDeb     debouncer
	panel      *personPanel
	closeAsk   *dialog.ConfirmDialog
	sections   *fyne.Container
	root       *fyne.Container

	// OnSaved is called after a successful save with the person's id.
	OnSaved func(id string)
	// OnClose is called when the form is closed.
	OnClose func()
	// OnOpen is called, after this form closed, to open another person's
	// profile (duplicate banner).
	OnOpen func(id string)
	// OpenElsewhere opens another person's profile without closing this
	// form (its own window); set by App.personProfile.
	OpenElsewhere func(id string)

	// dupAsk is the confirmation asked before saving a possible duplicate
	// (same citizen ID, or same name and birth year); nil when none.
	dupAsk *dialog.ConfirmDialog
	// savedNote says the last save succeeded; notice holds it or the
	// duplicate banner in a space kept for them, so the form below never
	// moves while typing.
	savedNote *fyne.Container
	savedText *widget.Label
	notice    *fyne.Container
}

// suppRow is one supplementary penalty line.
type suppRow struct {
	kind   *keyEntry
	months *intEntry
	endsOn *DateEntry
	row    fyne.CanvasObject
}

// newPersonForm builds the form for p (a zero Person for a new record).
func newPersonForm(src personSource, win fyne.Window, p caseload.Person, readOnly bool) *personForm {
	f := &personForm{src: src, win: win, readOnly: readOnly, today: caseload.Today,
		errLabels: map[string]*widget.Label{}, fieldKeys: map[string]string{},
		dupDeb: debouncer{delay: dupCheckDelay}}
	f.build()
	f.load(p)
	return f
}

func (f *personForm) entry() *keyEntry {
	e := newKeyEntry()
	e.OnChanged = func(string) { f.changed() }
	f.inputs = append(f.inputs, e)
	return e
}

// intEntry returns a whole-number entry of the form.
func (f *personForm) intEntry() *intEntry {
	e := newIntEntry()
	e.OnChanged = func(string) { f.changed() }
	f.inputs = append(f.inputs, e)
	return e
}

// moneyEntry returns an entry of the form for an amount of đồng.
func (f *personForm) moneyEntry() *moneyEntry {
	e := newMoneyEntry()
	e.OnChanged = func(string) { f.changed() }
	f.inputs = append(f.inputs, e)
	return e
}

func (f *personForm) dateEntry(birth bool) *DateEntry {
	d := NewDateEntry()
	if birth {
		d = NewBirthDateEntry()
	}
	d.OnChanged = f.changed
	f.inputs = append(f.inputs, d.Entry, d.Button)
	return d
}

func (f *personForm) check(key string) *widget.Check {
	c := widget.NewCheck(i18n.T(key), func(bool) { f.changed() })
	f.inputs = append(f.inputs, c)
	return c
}

func (f *personForm) enum(prefix string, values []string, allowEmpty bool) *enumSelect {
	s := newEnumSelect(prefix, values, allowEmpty, func(string) { f.changed() })
	f.inputs = append(f.inputs, s)
	return s
}

// item makes a form row for field with its inline error label under it.
func (f *personForm) item(field, labelKey string, w fyne.CanvasObject) *widget.FormItem {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	f.errLabels[field] = l
	f.fieldKeys[field] = labelKey
	if d, ok := w.(*DateEntry); ok {
		d.Check = f.fieldCheck(field)
	}
	return widget.NewFormItem(i18n.T(labelKey), container.NewVBox(w, l))
}

func section(titleKey string, items ...*widget.FormItem) fyne.CanvasObject {
	return widget.NewCard(i18n.T(titleKey), "", widget.NewForm(items...))
}

func (f *personForm) build() {
	f.fullName, f.otherNames, f.citizenID = f.entry(), f.entry(), f.entry()
	f.ethnicity, f.phone, f.education, f.occupation = f.entry(), f.entry(), f.entry(), f.entry()
	f.fullName.PlaceHolder = i18n.T("person.placeholder.full_name")
	f.citizenID.PlaceHolder = i18n.T("person.placeholder.citizen_id")
	f.gender = f.enum("person.gender", enumValues(caseload.Genders), true)
	f.birth = f.dateEntry(true)
	f.employedBefore = f.check("person.field.employed_before")
	f.hamlet = widget.NewSelectEntry(f.src.Hamlets())
	f.hamlet.OnChanged = func(string) { f.changed() }
	f.inputs = append(f.inputs, f.hamlet)
	f.address = f.entry()

	f.offense, f.articles, f.chapter, f.ageAtOffense = f.entry(), f.entry(), f.intEntry(), f.intEntry()
	f.severity = f.enum("person.severity", enumValues(caseload.Severities), true)
	f.negligent = f.check("person.field.negligent")
	f.juvenile = f.check("person.field.juvenile")
	f.judgmentNumber, f.judgmentCourt = f.entry(), f.entry()
	f.judgmentDate = f.dateEntry(false)
	f.sentenceKind = f.enum("person.sentence", enumValues(caseload.SentenceKinds), true)
	f.sentenceMonths = f.intEntry()
	f.suppBox = container.NewVBox()
	addSupp := widget.NewButtonWithIcon(i18n.T("ui.person.add_supplementary"), theme.ContentAddIcon(), func() {
		f.addSupp(caseload.Supplementary{})
		f.changed()
	})
	f.inputs = append(f.inputs, addSupp)
	f.civilAmount = f.moneyEntry()
	f.civilAmount.PlaceHolder = i18n.T("person.placeholder.money")
	f.civilNone = f.check("person.field.civil_none")
	f.civilSettled = f.dateEntry(false)

	f.facility, f.certificateNo = f.entry(), f.entry()
	f.releaseKind = f.enum("person.release", enumValues(caseload.ReleaseKinds), true)
	f.completedOn, f.returnedOn, f.reportedOn = f.dateEntry(false), f.dateEntry(false), f.dateEntry(false)
	f.status = f.enum("person.status", enumValues(caseload.Statuses), false)
	f.groupHint = widget.NewLabel("")
	f.groupHint.Wrapping = fyne.TextWrapWord
	f.groupHint.TextStyle = fyne.TextStyle{Italic: true}
	f.group = newEnumSelect("person.group", enumValues(caseload.Groups), true, func(g string) {
		f.showGroupHint(g)
		f.changed()
	})
	f.inputs = append(f.inputs, f.group)
	f.endReason = f.enum("person.end_reason", enumValues(caseload.EndReasons), true)
	f.endDecisionNumber = f.entry()
	f.endDecisionDate, f.expungedOn = f.dateEntry(false), f.dateEntry(false)
	f.expMethod = f.enum("person.expunge_method", []string{string(caseload.ExpungeAutomatic), string(caseload.ExpungeCourt)}, true)
	refusals := f.newRefusalsEditor()
	f.notes = newKeyMultiLine()
	f.notes.OnChanged = func(string) { f.changed() }
	f.inputs = append(f.inputs, f.notes)

	f.sections = container.NewVBox(
		section("person.section.identity",
			f.item("full_name", "person.field.full_name", f.fullName),
			f.item("other_names", "person.field.other_names", f.otherNames),
			f.item("gender", "person.field.gender", f.gender),
			f.item("birth_date", "person.field.birth_date", f.birth),
			f.item("citizen_id", "person.field.citizen_id", f.citizenID),
			f.item("ethnicity", "person.field.ethnicity", f.ethnicity),
			f.item("phone", "person.field.phone", f.phone),
			f.item("education", "person.field.education", f.education),
			f.item("occupation", "person.field.occupation", f.occupation),
			f.item("employed_before", "person.field.employed_before_row", f.employedBefore),
		),
		section("person.section.address",
			f.item("hamlet", "person.field.hamlet", f.hamlet),
			f.item("address", "person.field.address", f.address),
		),
		section("person.section.judgment",
			f.item("offense", "person.field.offense", f.offense),
			f.item("criminal_code_articles", "person.field.criminal_code_articles", f.articles),
			f.item("offense_chapter", "person.field.offense_chapter", f.chapter),
			f.item("offense_severity", "person.field.offense_severity", f.severity),
			f.item("negligent", "person.field.circumstances", container.NewVBox(f.negligent, f.juvenile)),
			f.item("age_at_offense", "person.field.age_at_offense", f.ageAtOffense),
			f.item("judgment.number", "person.field.judgment_number", f.judgmentNumber),
			f.item("judgment.date", "person.field.judgment_date", f.judgmentDate),
			f.item("judgment.court", "person.field.judgment_court", f.judgmentCourt),
			f.item("sentence_kind", "person.field.sentence_kind", f.sentenceKind),
			f.item("sentence_months", "person.field.sentence_months", f.sentenceMonths),
			f.item("supplementary", "person.field.supplementary", container.NewVBox(f.suppBox, container.NewHBox(addSupp))),
			f.item("civil_obligations.amount", "person.field.civil_amount", container.NewVBox(f.civilAmount, f.civilNone)),
			f.item("civil_obligations.settled_on", "person.field.civil_settled_on", f.civilSettled),
		),
		section("person.section.release",
			f.item("facility", "person.field.facility", f.facility),
			f.item("release_kind", "person.field.release_kind", f.releaseKind),
			f.item("certificate_no", "person.field.certificate_no", f.certificateNo),
			f.item("completed_on", "person.field.completed_on", f.completedOn),
			f.item("returned_on", "person.field.returned_on", f.returnedOn),
			f.item("reported_on", "person.field.reported_on", f.reportedOn),
		),
		section("person.section.management",
			f.item("status", "person.field.status", f.status),
			f.item("group", "person.field.group", container.NewVBox(f.group, f.groupHint)),
			f.item("end_reason", "person.field.end_reason", f.endReason),
			f.item("end_decision.number", "person.field.end_decision_number", f.endDecisionNumber),
			f.item("end_decision.date", "person.field.end_decision_date", f.endDecisionDate),
			f.item("expunged_on", "person.field.expunged_on", f.expungedOn),
			f.item("expunge_method", "person.field.expunge_method", f.expMethod),
			f.item("court_refusals", "person.field.court_refusals", refusals),
		),
		section("person.section.notes",
			f.item("notes", "person.field.notes", f.notes),
		),
	)

	f.generalErr = widget.NewLabel("")
	f.generalErr.Importance = widget.DangerImportance
	f.generalErr.Wrapping = fyne.TextWrapWord
	f.generalErr.Hide()

	f.dupLabel = widget.NewLabel("")
	f.dupLabel.Truncation = fyne.TextTruncateEllipsis
	f.dupLabel.Importance = widget.WarningImportance
	f.dupOpenBtn = widget.NewButtonWithIcon(i18n.T("ui.person.open_duplicate"), theme.VisibilityIcon(), func() {
		if id := f.dupID; id != "" && f.OnOpen != nil {
			f.closeThen(func() { f.OnOpen(id) })
		}
	})
	f.dupBanner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), f.dupOpenBtn, f.dupLabel)
	f.dupBanner.Hide()
	f.savedText = widget.NewLabel("")
	f.savedText.Truncation = fyne.TextTruncateEllipsis
	f.savedNote = container.NewBorder(nil, nil, widget.NewIcon(theme.ConfirmIcon()), nil, f.savedText)
	f.savedNote.Hide()
	// The space of one banner line is kept whether a banner shows or not.
	keep := canvas.NewRectangle(color.Transparent)
	keep.SetMinSize(fyne.NewSize(1, f.dupOpenBtn.MinSize().Height))
	f.notice = container.NewStack(keep, f.dupBanner, f.savedNote)

	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.saveBtn = widget.NewButtonWithIcon(i18n.T("ui.action.save"), theme.DocumentSaveIcon(), func() { _ = f.Save() })
	f.saveBtn.Importance = widget.HighImportance
	f.closeBtn = widget.NewButtonWithIcon(i18n.T("ui.action.close"), theme.CancelIcon(), f.RequestClose)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(f.saveBtn, f.closeBtn), f.title)

	f.panel = newPersonPanel(f.src)
	split := container.NewHSplit(container.NewVScroll(f.sections), minWidth(panelMinWidth, f.panel.root))
	split.Offset = 0.62
	f.root = container.NewBorder(container.NewVBox(bar, f.notice, f.generalErr), nil, nil, nil, split)

	if f.readOnly {
		f.saveBtn.Disable()
		for _, in := range f.inputs {
			in.Disable()
		}
	}
}

func (f *personForm) addSupp(s caseload.Supplementary) {
	r := &suppRow{kind: f.entry(), months: f.intEntry(), endsOn: f.dateEntry(false)}
	r.kind.PlaceHolder = i18n.T("person.placeholder.supp_kind")
	r.months.PlaceHolder = i18n.T("person.placeholder.supp_months")
	r.kind.SetText(s.Kind)
	if s.Months > 0 {
		r.months.SetInt(s.Months)
	}
	r.endsOn.SetDate(s.EndsOn)
	r.endsOn.Entry.PlaceHolder = i18n.T("person.placeholder.supp_ends_on")
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.row = container.NewBorder(nil, nil, nil, remove, container.NewVBox(container.NewGridWithColumns(2, r.kind, r.months), r.endsOn))
	remove.OnTapped = func() {
		for i, x := range f.supp {
			if x == r {
				f.supp = append(f.supp[:i], f.supp[i+1:]...)
				break
			}
		}
		f.suppBox.Remove(r.row)
		f.changed()
	}
	if f.readOnly {
		for _, in := range []fyne.Disableable{r.kind, r.months, remove} {
			in.Disable()
		}
		r.endsOn.SetReadOnly(true)
	}
	f.supp = append(f.supp, r)
	f.suppBox.Add(r.row)
}

func (f *personForm) showGroupHint(g string) {
	if g == "" {
		f.groupHint.SetText("")
		f.groupHint.Hide()
		return
	}
	f.groupHint.SetText(i18n.T("person.group_def." + g))
	f.groupHint.Show()
}
