package ui

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// userSource is what the user list needs from the store.
type userSource interface {
	Users(ctx context.Context) ([]caseload.User, error)
	CreateUser(ctx context.Context, u *caseload.User, password string) error
	UpdateUser(ctx context.Context, u *caseload.User) error
	SetPassword(ctx context.Context, userID, password string) error
	Mentors(ctx context.Context, activeOnly bool) ([]caseload.Mentor, error)
}

// usersView is the user list for administrators: add a user with a role
// and, for mentors, their roster entry; change role or activity; reset a
// password.
type usersView struct {
	src   userSource
	users []caseload.User

	List        *widget.List
	Name        *keyEntry
	DisplayName *keyEntry
	Role        *enumSelect
	Mentor      *widget.Select
	Active      *widget.Check
	Password    *widget.Entry
	Save        *widget.Button
	New         *widget.Button
	ResetPwd    *widget.Button
	Status      *widget.Label

	mentors  []caseload.Mentor
	selected int // index in users, -1 for a new user
	content  fyne.CanvasObject
}

// usersSection is the user list shown as a section of the settings for
// administrators (nil for other users).
func (u *App) usersSection() fyne.CanvasObject {
	if !u.sess.isAdmin() {
		return nil
	}
	return newUsersView(u.st).content
}

func newUsersView(src userSource) *usersView {
	v := &usersView{src: src, selected: -1}
	v.Name, v.DisplayName = newKeyEntry(), newKeyEntry()
	v.Role = newEnumSelect("svui.role", enumValues(caseload.Roles), false, func(r string) {
		if r == string(caseload.RoleMentor) {
			v.Mentor.Enable()
		} else {
			v.Mentor.Disable()
		}
	})
	v.Mentor = widget.NewSelect(nil, nil)
	v.Mentor.PlaceHolder = i18n.T("svui.assign.choose_mentor")
	v.Active = widget.NewCheck(i18n.T("svui.users.active"), nil)
	v.Password = widget.NewPasswordEntry()
	v.Status = newStatusLabel()
	v.Save = widget.NewButtonWithIcon(i18n.T("svui.common.save"), theme.DocumentSaveIcon(), v.save)
	v.Save.Importance = widget.HighImportance
	v.New = widget.NewButtonWithIcon(i18n.T("svui.users.add"), theme.ContentAddIcon(), v.startNew)
	v.ResetPwd = widget.NewButtonWithIcon(i18n.T("svui.users.reset_password"), theme.ViewRefreshIcon(), v.resetPassword)
	v.List = widget.NewList(func() int { return len(v.users) },
		func() fyne.CanvasObject { return widget.NewLabel("") },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			if id >= 0 && id < len(v.users) {
				x := v.users[id]
				s := x.DisplayName + " (" + x.Name + ") · " + enumLabel("svui.role", string(x.Role))
				if !x.Active {
					s += " · " + i18n.T("svui.users.inactive")
				}
				o.(*widget.Label).SetText(s)
			}
		})
	v.List.OnSelected = func(id widget.ListItemID) { v.edit(id) }
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.field.user_name"), v.Name),
		widget.NewFormItem(i18n.T("svui.field.display_name"), v.DisplayName),
		widget.NewFormItem(i18n.T("svui.field.role"), v.Role),
		widget.NewFormItem(i18n.T("svui.field.mentor_id"), v.Mentor),
		widget.NewFormItem("", v.Active),
		widget.NewFormItem(i18n.T("svui.field.password"), v.Password),
	)
	right := container.NewVBox(form, container.NewHBox(v.Save, v.ResetPwd), v.Status)
	left := container.NewBorder(nil, nil, nil, nil, container.NewGridWrap(fyne.NewSize(420, 220), v.List))
	v.content = container.NewVBox(container.NewBorder(nil, nil, heading("svui.users.title"), v.New),
		container.NewGridWithColumns(2, left, right))
	v.load()
	v.startNew()
	return v
}

// load reads the users and the active mentors.
func (v *usersView) load() {
	ctx := opCtx()
	users, err := v.src.Users(ctx)
	if err != nil {
		setStatus(v.Status, err, "")
	}
	v.users = users
	ms, err := v.src.Mentors(ctx, true)
	if err != nil {
		setStatus(v.Status, err, "")
	}
	v.mentors = ms
	opts := make([]string, len(ms))
	for i, m := range ms {
		opts[i] = m.Name
	}
	v.Mentor.Options = opts
	v.Mentor.Refresh()
	v.List.Refresh()
}

// startNew clears the form for a new user.
func (v *usersView) startNew() {
	v.selected = -1
	v.List.UnselectAll()
	v.Name.Enable()
	v.Name.SetText("")
	v.DisplayName.SetText("")
	v.Role.SetValue(string(caseload.RoleOfficer))
	v.Mentor.ClearSelected()
	v.Active.SetChecked(true)
	v.Password.SetText("")
	v.ResetPwd.Disable()
}

// edit shows a user in the form.
func (v *usersView) edit(i int) {
	if i < 0 || i >= len(v.users) {
		return
	}
	x := v.users[i]
	v.selected = i
	v.Name.SetText(x.Name)
	v.Name.Disable()
	v.DisplayName.SetText(x.DisplayName)
	v.Role.SetValue(string(x.Role))
	v.Mentor.ClearSelected()
	for j, m := range v.mentors {
		if m.ID == x.MentorID {
			v.Mentor.SetSelectedIndex(j)
		}
	}
	v.Active.SetChecked(x.Active)
	v.Password.SetText("")
	v.ResetPwd.Enable()
}

// formUser builds the user from the form.
func (v *usersView) formUser() caseload.User {
	var x caseload.User
	if v.selected >= 0 {
		x = v.users[v.selected]
	}
	x.Name, x.DisplayName = v.Name.Value(), v.DisplayName.Value()
	x.Role, x.Active = caseload.Role(v.Role.Value()), v.Active.Checked
	x.MentorID = ""
	if i := v.Mentor.SelectedIndex(); x.Role == caseload.RoleMentor && i >= 0 && i < len(v.mentors) {
		x.MentorID = v.mentors[i].ID
	}
	return x
}

// save creates the user (with the typed password) or updates it.
func (v *usersView) save() {
	x := v.formUser()
	var err error
	if x.ID == "" {
		err = v.src.CreateUser(opCtx(), &x, v.Password.Text)
	} else {
		err = v.src.UpdateUser(opCtx(), &x)
	}
	if err != nil {
		setStatus(v.Status, err, "")
		return
	}
	v.load()
	v.startNew()
	setStatus(v.Status, nil, i18n.T("svui.users.saved", "Name", x.Name))
}

// resetPassword sets the typed password for the selected user.
func (v *usersView) resetPassword() {
	if v.selected < 0 {
		return
	}
	x := v.users[v.selected]
	if err := v.src.SetPassword(opCtx(), x.ID, v.Password.Text); err != nil {
		setStatus(v.Status, err, "")
		return
	}
	v.Password.SetText("")
	setStatus(v.Status, nil, i18n.T("svui.users.password_set", "Name", x.Name))
}
