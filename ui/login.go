package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/i18n"
)

// loginView is the login form shown over the whole window before anything
// else: user name, password, Enter submits, a Vietnamese message on failure.
type loginView struct {
	widget.BaseWidget

	src      sessionSource
	Name     *widget.Entry
	Password *widget.Entry
	Submit   *widget.Button
	Message  *widget.Label
	onLogin  func(caseload.User)
}

// newLoginView builds the form; onLogin runs after a successful login.
func newLoginView(src sessionSource, onLogin func(caseload.User)) *loginView {
	v := &loginView{src: src, onLogin: onLogin}
	v.Name = widget.NewEntry()
	v.Name.PlaceHolder = i18n.T("svui.login.name")
	v.Password = widget.NewPasswordEntry()
	v.Password.PlaceHolder = i18n.T("svui.login.password")
	v.Message = widget.NewLabel("")
	v.Message.Importance = widget.DangerImportance
	v.Message.Wrapping = fyne.TextWrapWord
	v.Submit = widget.NewButtonWithIcon(i18n.T("svui.login.submit"), theme.LoginIcon(), v.submit)
	v.Submit.Importance = widget.HighImportance
	v.Name.OnSubmitted = func(string) {
		if c := canvasOf(v); c != nil {
			c.Focus(v.Password)
		}
	}
	v.Password.OnSubmitted = func(string) { v.submit() }
	v.ExtendBaseWidget(v)
	return v
}

// CreateRenderer centres a card with the application name and the fields.
func (v *loginView) CreateRenderer() fyne.WidgetRenderer {
	title := canvas.NewText(i18n.T("app.name"), theme.Color(theme.ColorNamePrimary))
	title.TextSize = 28
	title.TextStyle.Bold = true
	title.Alignment = fyne.TextAlignCenter
	sub := widget.NewLabelWithStyle(i18n.T("svui.login.title"), fyne.TextAlignCenter, fyne.TextStyle{})
	form := widget.NewForm(
		widget.NewFormItem(i18n.T("svui.login.name"), v.Name),
		widget.NewFormItem(i18n.T("svui.login.password"), v.Password),
	)
	card := container.NewVBox(title, sub, widget.NewSeparator(), form, v.Submit, v.Message)
	return widget.NewSimpleRenderer(container.NewCenter(container.NewGridWrap(fyne.NewSize(440, 320), card)))
}

// submit checks the name and password; on failure it shows a generic
// message and clears the password.
func (v *loginView) submit() {
	usr, err := v.src.Authenticate(opCtx(), nfc(v.Name.Text), v.Password.Text)
	if err != nil {
		v.Message.SetText(i18n.T("svui.login.failed"))
		v.Password.SetText("")
		if c := canvasOf(v); c != nil {
			c.Focus(v.Password)
		}
		return
	}
	v.Message.SetText("")
	v.src.SetSession(usr)
	v.onLogin(usr)
}

// login asks who is using the app, then calls done. When the store has no
// users yet, it goes straight on as the administrator; otherwise the login
// form replaces the window content until a user logs in. The store's
// session is set so that writes are attributed and mentor and leader
// restrictions apply.
func (u *App) login(done func(session)) {
	ctx := opCtx()
	has, err := u.st.HasUsers(ctx)
	if err == nil && !has {
		admin := caseload.User{Name: "admin", DisplayName: "admin", Role: caseload.RoleAdmin, Active: true}
		u.st.SetSession(admin)
		done(sessionOf(admin))
		return
	}
	main := u.win.Content()
	view := newLoginView(u.st, func(usr caseload.User) {
		u.win.SetContent(main)
		done(sessionOf(usr))
	})
	u.win.SetContent(view)
	u.win.Canvas().Focus(view.Name)
}
