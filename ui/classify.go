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
)

// classifySource is what the "Phân loại" tab needs from the store.
type classifySource interface {
	Classify(ctx context.Context, c *caseload.Classification) error
	Classifications(ctx context.Context, personID string) ([]caseload.Classification, error)
}

// classifyTab is the "Phân loại" tab: group A/B/C/D with the TT 10/2024
// Art. 12 definitions shown, the quarter, a reason, and the history.
type classifyTab struct {
	src      classifySource
	sess     session
	personID string

	Current *widget.Label
	Group   *widget.RadioGroup
	Quarter *keyEntry
	Reason  *keyEntry
	Save    *widget.Button
	Status  *widget.Label
	History *fyne.Container
	groups  []caseload.Group
	content fyne.CanvasObject
}

// groupOption is the radio label of a group: "Nhóm A — definition".
func groupOption(g caseload.Group) string {
	return i18n.T("svui.group.name", "Group", string(g))
}

// groupDefinitions is the wrapped text of the four definitions (TT 10/2024
// Art. 12), shown beside the choice: radio labels do not wrap.
func groupDefinitions() *widget.Label {
	var lines []string
	for _, g := range caseload.Groups {
		lines = append(lines, "• "+groupOption(g)+": "+i18n.T("svui.group.def."+string(g)))
	}
	return wrapLabel(strings.Join(lines, "\n"))
}

func (u *App) newClassifyTab(personID string) *classifyTab {
	t := &classifyTab{src: u.st, sess: u.sess, personID: personID, groups: caseload.Groups}
	opts := make([]string, len(t.groups))
	for i, g := range t.groups {
		opts[i] = groupOption(g)
	}
	t.Current = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	t.Group = widget.NewRadioGroup(opts, nil)
	t.Quarter = newKeyEntry()
	y, q := caseload.QuarterOf(svToday())
	t.Quarter.SetText(caseload.QuarterLabel(caseload.PreviousQuarter(y, q)))
	t.Reason = newKeyMultiLine()
	t.Status = newStatusLabel()
	t.Save = widget.NewButtonWithIcon(i18n.T("svui.classify.save"), theme.DocumentSaveIcon(), t.save)
	t.Save.Importance = widget.HighImportance
	if u.sess.readOnly() || u.sess.isMentor() {
		t.Save.Disable()
	}
	t.History = container.NewVBox()
	rule := wrapLabel(i18n.T("svui.classify.rule"))
	rule.Importance = widget.LowImportance
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.quarter"), t.Quarter),
		widget.NewFormItem(i18n.T("svui.field.group"), container.NewVBox(t.Group, groupDefinitions())),
		widget.NewFormItem(i18n.T("svui.field.reason"), t.Reason),
	)
	t.content = container.NewVScroll(container.NewVBox(t.Current, rule, form, container.NewHBox(t.Save), t.Status,
		widget.NewSeparator(), heading("svui.classify.history"), t.History))
	t.load()
	return t
}

// choose selects a group (for keyboard users and tests).
func (t *classifyTab) choose(g caseload.Group) { t.Group.SetSelected(groupOption(g)) }

// selected returns the chosen group, "" when none.
func (t *classifyTab) selected() caseload.Group {
	for _, g := range t.groups {
		if t.Group.Selected == groupOption(g) {
			return g
		}
	}
	return ""
}

// save records the classification; the person's current group follows.
func (t *classifyTab) save() {
	c := caseload.Classification{PersonID: t.personID, Quarter: t.Quarter.Value(), Group: t.selected(),
		Reason: t.Reason.Value(), By: t.sess.UserName, On: svToday()}
	if err := t.src.Classify(opCtx(), &c); err != nil {
		setStatus(t.Status, err, "")
		return
	}
	t.Reason.SetText("")
	setStatus(t.Status, nil, i18n.T("svui.classify.saved", "Group", string(c.Group), "Quarter", c.Quarter))
	t.load()
}

// load reads the history; the newest entry is the current group.
func (t *classifyTab) load() {
	list, err := t.src.Classifications(opCtx(), t.personID)
	t.History.RemoveAll()
	if err != nil {
		t.History.Add(wrapLabel(errorText(err)))
		return
	}
	t.Current.SetText(i18n.T("svui.classify.none"))
	if len(list) > 0 {
		t.Current.SetText(i18n.T("svui.classify.current", "Group", string(list[0].Group), "Quarter", list[0].Quarter))
	}
	for _, c := range list {
		t.History.Add(wrapLabel(i18n.T("svui.classify.history_line", "Quarter", c.Quarter, "Group", string(c.Group),
			"Date", showDate(c.On), "By", c.By, "Reason", c.Reason)))
	}
	if len(list) == 0 {
		t.History.Add(widget.NewLabel(i18n.T("svui.common.empty")))
	}
}
