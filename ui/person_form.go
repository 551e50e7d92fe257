package ui

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
	"hoanhap/store"
)

// personSource is what the person form needs from the store.
type personSource interface {
	Person(ctx context.Context, id string) (caseload.Person, error)
	SavePerson(ctx context.Context, p *caseload.Person) error
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
	offense, articles, chapter, ageAtOffense *keyEntry
	severity                                 *enumSelect
	negligent, juvenile                      *widget.Check
	judgmentNumber, judgmentCourt            *keyEntry
	judgmentDate                             *DateEntry
	sentenceKind                             *enumSelect
	sentenceMonths                           *keyEntry
	supp                                     []*suppRow
	suppBox                                  *fyne.Container
	civilAmount                              *keyEntry
	civilNone                                *widget.Check
	civilSettled                             *DateEntry
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
}

// suppRow is one supplementary penalty line.
type suppRow struct {
	kind, months *keyEntry
	endsOn       *DateEntry
	row          fyne.CanvasObject
}

// newPersonForm builds the form for p (a zero Person for a new record).
func newPersonForm(src personSource, win fyne.Window, p caseload.Person, readOnly bool) *personForm {
	f := &personForm{src: src, win: win, readOnly: readOnly, today: caseload.Today,
		errLabels: map[string]*widget.Label{}, fieldKeys: map[string]string{},
		dupDeb: debouncer{delay: searchDelay}}
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

	f.offense, f.articles, f.chapter, f.ageAtOffense = f.entry(), f.entry(), f.entry(), f.entry()
	f.severity = f.enum("person.severity", enumValues(caseload.Severities), true)
	f.negligent = f.check("person.field.negligent")
	f.juvenile = f.check("person.field.juvenile")
	f.judgmentNumber, f.judgmentCourt = f.entry(), f.entry()
	f.judgmentDate = f.dateEntry(false)
	f.sentenceKind = f.enum("person.sentence", enumValues(caseload.SentenceKinds), true)
	f.sentenceMonths = f.entry()
	f.suppBox = container.NewVBox()
	addSupp := widget.NewButtonWithIcon(i18n.T("ui.person.add_supplementary"), theme.ContentAddIcon(), func() {
		f.addSupp(caseload.Supplementary{})
		f.changed()
	})
	f.inputs = append(f.inputs, addSupp)
	f.civilAmount = f.entry()
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
			f.item("negligent", "person.field.circumstances", container.NewHBox(f.negligent, f.juvenile)),
			f.item("age_at_offense", "person.field.age_at_offense", f.ageAtOffense),
			f.item("judgment.number", "person.field.judgment_number", f.judgmentNumber),
			f.item("judgment.date", "person.field.judgment_date", f.judgmentDate),
			f.item("judgment.court", "person.field.judgment_court", f.judgmentCourt),
			f.item("sentence_kind", "person.field.sentence_kind", f.sentenceKind),
			f.item("sentence_months", "person.field.sentence_months", f.sentenceMonths),
			f.item("supplementary", "person.field.supplementary", container.NewVBox(f.suppBox, container.NewHBox(addSupp))),
			f.item("civil_obligations.amount", "person.field.civil_amount", container.NewBorder(nil, nil, nil, f.civilNone, f.civilAmount)),
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
	f.dupLabel.Wrapping = fyne.TextWrapWord
	f.dupLabel.Importance = widget.WarningImportance
	f.dupOpenBtn = widget.NewButtonWithIcon(i18n.T("ui.person.open_duplicate"), theme.VisibilityIcon(), func() {
		if id := f.dupID; id != "" && f.OnOpen != nil {
			f.closeThen(func() { f.OnOpen(id) })
		}
	})
	f.dupBanner = container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), f.dupOpenBtn, f.dupLabel)
	f.dupBanner.Hide()

	f.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.saveBtn = widget.NewButtonWithIcon(i18n.T("ui.action.save"), theme.DocumentSaveIcon(), func() { _ = f.Save() })
	f.saveBtn.Importance = widget.HighImportance
	f.closeBtn = widget.NewButtonWithIcon(i18n.T("ui.action.close"), theme.CancelIcon(), f.RequestClose)
	bar := container.NewBorder(nil, nil, nil, container.NewHBox(f.saveBtn, f.closeBtn), f.title)

	f.panel = newPersonPanel(f.src)
	split := container.NewHSplit(container.NewVScroll(f.sections), f.panel.root)
	split.Offset = 0.66
	f.root = container.NewBorder(container.NewVBox(bar, f.dupBanner, f.generalErr), nil, nil, nil, split)

	if f.readOnly {
		f.saveBtn.Disable()
		for _, in := range f.inputs {
			in.Disable()
		}
	}
}

func (f *personForm) addSupp(s caseload.Supplementary) {
	r := &suppRow{kind: f.entry(), months: f.entry(), endsOn: f.dateEntry(false)}
	r.kind.PlaceHolder = i18n.T("person.placeholder.supp_kind")
	r.months.PlaceHolder = i18n.T("person.placeholder.supp_months")
	r.kind.SetText(s.Kind)
	if s.Months > 0 {
		r.months.SetText(strconv.Itoa(s.Months))
	}
	r.endsOn.SetDate(s.EndsOn)
	r.endsOn.Entry.PlaceHolder = i18n.T("person.placeholder.supp_ends_on")
	remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), nil)
	r.row = container.NewBorder(nil, nil, nil, remove, container.NewGridWithColumns(3, r.kind, r.months, r.endsOn))
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

// load fills the widgets from p without marking the form dirty.
func (f *personForm) load(p caseload.Person) {
	f.loading = true
	defer func() { f.loading = false }()
	f.live = false
	if p.Status == "" {
		p.Status = caseload.StatusManaged
	}
	f.person = p
	f.fullName.SetText(p.FullName)
	f.otherNames.SetText(p.OtherNames)
	f.gender.SetValue(string(p.Gender))
	f.birth.SetBirthDate(p.BirthDate)
	f.citizenID.SetText(p.CitizenID)
	f.ethnicity.SetText(p.Ethnicity)
	f.phone.SetText(p.Phone)
	f.education.SetText(p.Education)
	f.occupation.SetText(p.Occupation)
	f.employedBefore.SetChecked(p.EmployedBefore)
	f.hamlet.SetText(p.Hamlet)
	f.address.SetText(p.Address)
	f.offense.SetText(p.Offense)
	f.articles.SetText(p.CriminalCodeArticles)
	f.chapter.SetText(intText(p.OffenseChapter))
	f.severity.SetValue(string(p.OffenseSeverity))
	f.negligent.SetChecked(p.Negligent)
	f.juvenile.SetChecked(p.Juvenile)
	f.ageAtOffense.SetText(intText(p.AgeAtOffense))
	f.judgmentNumber.SetText(p.Judgment.Number)
	f.judgmentDate.SetDate(p.Judgment.Date)
	f.judgmentCourt.SetText(p.Judgment.Court)
	f.sentenceKind.SetValue(string(p.SentenceKind))
	f.sentenceMonths.SetText(intText(p.SentenceMonths))
	f.supp = nil
	f.suppBox.RemoveAll()
	for _, s := range p.Supplementary {
		f.addSupp(s)
	}
	f.civilAmount.SetText(moneyText(p.CivilObligations.Amount))
	f.civilNone.SetChecked(p.CivilObligations.None)
	f.civilSettled.SetDate(p.CivilObligations.SettledOn)
	f.facility.SetText(p.Facility)
	f.releaseKind.SetValue(string(p.ReleaseKind))
	f.certificateNo.SetText(p.CertificateNo)
	f.completedOn.SetDate(p.CompletedOn)
	f.returnedOn.SetDate(p.ReturnedOn)
	f.reportedOn.SetDate(p.ReportedOn)
	f.status.SetValue(string(p.Status))
	f.group.SetValue(string(p.Group))
	f.showGroupHint(string(p.Group))
	f.endReason.SetValue(string(p.EndReason))
	f.endDecisionNumber.SetText(p.EndDecision.Number)
	f.endDecisionDate.SetDate(p.EndDecision.Date)
	f.expungedOn.SetDate(p.ExpungedOn)
	f.expMethod.SetValue(string(p.ExpungeMethod))
	f.loadRefusals(p.CourtRefusals)
	f.notes.SetText(p.Notes)
	f.dirty = false
	f.updateTitle()
	f.refreshPanel()
}

func (f *personForm) updateTitle() {
	if f.person.ID == "" {
		f.title.SetText(i18n.T("ui.person.new_title"))
		return
	}
	f.title.SetText(f.person.FullName)
}

// changed marks the form dirty and refreshes what depends on the input.
func (f *personForm) changed() {
	if f.loading {
		return
	}
	f.dirty = true
	f.refreshPanel()
	f.dupDeb.call(f.checkDuplicates)
	if f.live {
		f.revalidate()
	}
}

// revalidate checks the form as a save would, without saving, and shows
// the messages that remain (none: the messages go away).
func (f *personForm) revalidate() {
	p, local := f.collect()
	err := local.OrNil()
	if err == nil {
		caseload.Normalize(&p)
		err = caseload.ValidatePerson(p, f.today())
	}
	var verr *caseload.ValidationError
	if errors.As(err, &verr) {
		f.showErrors(verr)
		return
	}
	f.clearErrors()
}

func (f *personForm) refreshPanel() {
	p, _ := f.collect()
	f.panel.update(p, f.today())
}

// collect reads the widgets into a Person (keeping the loaded sync
// fields) and reports input that cannot be read at all (bad dates or
// numbers).
func (f *personForm) collect() (caseload.Person, *caseload.ValidationError) {
	v := &caseload.ValidationError{}
	p := f.person
	p.FullName = f.fullName.Value()
	p.OtherNames = f.otherNames.Value()
	p.Gender = caseload.Gender(f.gender.Value())
	p.BirthDate = f.readBirth(v, "birth_date", f.birth)
	p.CitizenID = strings.ReplaceAll(f.citizenID.Value(), " ", "")
	p.Ethnicity = f.ethnicity.Value()
	p.Phone = f.phone.Value()
	p.Education = f.education.Value()
	p.Occupation = f.occupation.Value()
	p.EmployedBefore = f.employedBefore.Checked
	p.Hamlet = nfc(f.hamlet.Text)
	p.Address = f.address.Value()
	p.Offense = f.offense.Value()
	p.CriminalCodeArticles = f.articles.Value()
	p.OffenseChapter = readInt(v, "offense_chapter", f.chapter)
	p.OffenseSeverity = caseload.Severity(f.severity.Value())
	p.Negligent = f.negligent.Checked
	p.Juvenile = f.juvenile.Checked
	p.AgeAtOffense = readInt(v, "age_at_offense", f.ageAtOffense)
	p.Judgment = caseload.Judgment{Number: f.judgmentNumber.Value(), Court: f.judgmentCourt.Value(),
		Date: readDate(v, "judgment.date", f.judgmentDate)}
	p.SentenceKind = caseload.SentenceKind(f.sentenceKind.Value())
	p.SentenceMonths = readInt(v, "sentence_months", f.sentenceMonths)
	p.Supplementary = nil
	for _, r := range f.supp {
		s := caseload.Supplementary{Kind: r.kind.Value(), Months: readInt(v, "supplementary", r.months),
			EndsOn: readDate(v, "supplementary", r.endsOn)}
		if s.Kind != "" || s.Months != 0 || !s.EndsOn.IsZero() {
			p.Supplementary = append(p.Supplementary, s)
		}
	}
	p.CivilObligations = caseload.CivilObligations{
		Amount: readMoney(v, "civil_obligations.amount", f.civilAmount), None: f.civilNone.Checked,
		SettledOn: readDate(v, "civil_obligations.settled_on", f.civilSettled)}
	p.Facility = f.facility.Value()
	p.ReleaseKind = caseload.ReleaseKind(f.releaseKind.Value())
	p.CertificateNo = f.certificateNo.Value()
	p.CompletedOn = readDate(v, "completed_on", f.completedOn)
	p.ReturnedOn = readDate(v, "returned_on", f.returnedOn)
	p.ReportedOn = readDate(v, "reported_on", f.reportedOn)
	p.Status = caseload.Status(f.status.Value())
	p.Group = caseload.Group(f.group.Value())
	p.EndReason = caseload.EndReason(f.endReason.Value())
	p.EndDecision = caseload.Decision{Number: f.endDecisionNumber.Value(), Date: readDate(v, "end_decision.date", f.endDecisionDate)}
	p.ExpungedOn = readDate(v, "expunged_on", f.expungedOn)
	p.ExpungeMethod = caseload.ExpungeMethod(f.expMethod.Value())
	p.CourtRefusals = f.collectRefusals(v)
	p.Notes = nfc(f.notes.Text)
	return p, v
}

func (f *personForm) readBirth(v *caseload.ValidationError, field string, d *DateEntry) caseload.BirthDate {
	if err := d.Err(); err != nil {
		addErr(v, field, err)
	}
	return d.BirthDate()
}

func readDate(v *caseload.ValidationError, field string, d *DateEntry) caseload.Date {
	if err := d.Err(); err != nil {
		addErr(v, field, err)
	}
	return d.Date()
}

// addErr records a translatable error (or a generic one) for field.
func addErr(v *caseload.ValidationError, field string, err error) {
	var m i18n.Message
	if errors.As(err, &m) {
		v.Errors = append(v.Errors, caseload.FieldError{Field: field, Key: m.MessageKey(), Args: m.MessageArgs()})
		return
	}
	v.Add(field, "ui.error.date_invalid")
}

func readInt(v *caseload.ValidationError, field string, e *keyEntry) int {
	s := e.Value()
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		v.Add(field, "ui.error.not_a_number", "Value", s)
		return 0
	}
	return n
}

// readMoney reads an amount in đồng typed as "80.853.000", "80853000" or
// "80.853.000 đ".
func readMoney(v *caseload.ValidationError, field string, e *keyEntry) int64 {
	if e.Value() == "" {
		return 0
	}
	n, err := i18n.ParseMoney(e.Value())
	if err != nil {
		addErr(v, field, err)
		return 0
	}
	return n
}

func intText(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func moneyText(n int64) string {
	if n == 0 {
		return ""
	}
	return i18n.Money(n)
}

// clearErrors hides every inline message.
func (f *personForm) clearErrors() {
	for _, l := range f.errLabels {
		l.SetText("")
		l.Hide()
	}
	f.generalErr.SetText("")
	f.generalErr.Hide()
	f.relayout()
}

// relayout lays the form out again after messages appeared or vanished.
func (f *personForm) relayout() {
	for _, o := range f.sections.Objects {
		o.Refresh()
	}
	f.sections.Refresh()
	f.root.Refresh()
}

// labelFor finds the inline label of a field name as the validator gives
// it: exact ("citizen_id"), dotted or underscored ("judgment_date"), or by
// its prefix ("supplementary[0].ends_on").
func (f *personForm) labelFor(field string) (*widget.Label, string) {
	cands := []string{field, strings.Replace(field, "_", ".", 1)}
	if i := strings.IndexAny(field, ".["); i > 0 {
		cands = append(cands, field[:i])
	}
	for _, c := range cands {
		if l, ok := f.errLabels[c]; ok {
			return l, c
		}
	}
	return nil, ""
}

// showErrors puts each message under its field (unknown fields go to the
// general line at the top) and returns the summary lines.
func (f *personForm) showErrors(v *caseload.ValidationError) []string {
	f.clearErrors()
	var summary, general []string
	for _, e := range v.Errors {
		msg := i18n.Error(e)
		l, field := f.labelFor(e.Field)
		if l == nil {
			general = append(general, msg)
			summary = append(summary, "• "+msg)
			continue
		}
		if l.Text != "" {
			msg = l.Text + "\n" + msg
		}
		l.SetText(msg)
		l.Show()
		summary = append(summary, "• "+i18n.T(f.fieldKeys[field])+": "+i18n.Error(e))
	}
	if len(general) > 0 {
		f.generalErr.SetText(strings.Join(general, "\n"))
		f.generalErr.Show()
	}
	f.relayout()
	return summary
}

// Save validates and saves the form with one store call, synchronously.
// On failure everything typed stays and the messages are shown.
func (f *personForm) Save() error {
	if f.readOnly {
		return errReadOnly
	}
	p, local := f.collect()
	if err := local.OrNil(); err != nil {
		f.live = true
		f.showSummary(f.showErrors(local))
		return err
	}
	f.clearErrors()
	err := f.src.SavePerson(context.Background(), &p)
	var verr *caseload.ValidationError
	switch {
	case errors.As(err, &verr):
		f.live = true
		f.showSummary(f.showErrors(verr))
		return err
	case errors.Is(err, store.ErrConflict):
		dialog.ShowInformation(i18n.T("ui.error.title"), i18n.T("ui.error.conflict"), f.win)
		return err
	case err != nil:
		dialog.ShowInformation(i18n.T("ui.error.title"), i18n.Error(err), f.win)
		return err
	}
	f.dupDeb.cancel()
	f.live = false
	f.load(p)
	if f.OnSaved != nil {
		f.OnSaved(p.ID)
	}
	return nil
}

func (f *personForm) showSummary(lines []string) {
	if f.win == nil || len(lines) == 0 {
		return
	}
	msg := widget.NewLabel(i18n.T("ui.error.fix_fields") + "\n" + strings.Join(lines, "\n"))
	msg.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustom(i18n.T("ui.error.title"), i18n.T("ui.action.ok"), msg, f.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// checkDuplicates looks for people who may be this one (same CCCD, or
// same folded name and birth year) and shows or hides the banner.
func (f *personForm) checkDuplicates() {
	p, _ := f.collect()
	f.dupID = ""
	if p.FullName == "" && p.CitizenID == "" {
		f.dupBanner.Hide()
		f.root.Refresh()
		return
	}
	var others []store.PersonRow
	for _, r := range f.src.Duplicates(p) {
		if r.ID != f.person.ID || f.person.ID == "" {
			others = append(others, r)
		}
	}
	if len(others) == 0 {
		f.dupBanner.Hide()
		f.root.Refresh()
		return
	}
	r := others[0]
	f.dupID = r.ID
	who := r.FullName
	var facts []string
	if r.BirthYear != 0 {
		facts = append(facts, strconv.Itoa(r.BirthYear))
	}
	if r.CitizenID != "" {
		facts = append(facts, i18n.T("ui.person.cccd", "Number", r.CitizenID))
	}
	if len(facts) > 0 {
		who += " (" + strings.Join(facts, ", ") + ")"
	}
	text := i18n.T("ui.person.duplicate", "Who", who)
	if len(others) > 1 {
		text += " " + i18n.T("ui.person.duplicate_more", "Count", len(others)-1)
	}
	f.dupLabel.SetText(text)
	f.dupBanner.Show()
	f.root.Refresh()
}

// RequestClose closes the form, asking first when there are unsaved
// changes.
func (f *personForm) RequestClose() { f.closeThen(nil) }

// closeThen closes the form (asking first when there are unsaved changes)
// and then runs next, if any.
func (f *personForm) closeThen(next func()) {
	done := func() {
		f.close()
		if next != nil {
			next()
		}
	}
	if !f.dirty || f.readOnly || f.win == nil {
		done()
		return
	}
	f.closeAsk = dialog.NewConfirm(i18n.T("ui.person.unsaved_title"), i18n.T("ui.person.unsaved_body"),
		func(discard bool) {
			if discard {
				done()
			}
		}, f.win)
	f.closeAsk.SetConfirmText(i18n.T("ui.person.discard"))
	f.closeAsk.SetDismissText(i18n.T("ui.person.keep_editing"))
	f.closeAsk.Show()
}

func (f *personForm) close() {
	f.dupDeb.cancel()
	if f.OnClose != nil {
		f.OnClose()
	}
}

// personProfile wraps the form in the profile tabs: "Hồ sơ" then the tabs
// other areas add (supervision, support) for a saved person.
func (u *App) personProfile(f *personForm) fyne.CanvasObject {
	tabs := container.NewAppTabs(container.NewTabItemWithIcon(i18n.T("ui.person.tab_register"), theme.AccountIcon(), f.root))
	if f.person.ID != "" {
		for _, t := range u.personTabs(f.person.ID) {
			tabs.Append(t)
		}
	}
	register := tabs.Items[0]
	tabs.OnSelected = func(t *container.TabItem) {
		if t == register {
			f.reloadIfStale() // another tab may have changed the person
		}
	}
	return tabs
}
