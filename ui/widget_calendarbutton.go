package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// calendarButton is the calendar icon at the end of a date field: a click
// opens the calendar. It takes no keyboard focus, so Tab goes from one
// field to the next instead of stopping on every calendar (the dates are
// typed; the calendar is for the mouse).
type calendarButton struct {
	widget.BaseWidget
	OnTapped func()

	disabled bool
	hovered  bool
	icon     *widget.Icon
	bg       *canvas.Rectangle
}

func newCalendarButton(tapped func()) *calendarButton {
	b := &calendarButton{OnTapped: tapped, icon: widget.NewIcon(theme.CalendarIcon())}
	b.bg = canvas.NewRectangle(theme.Color(theme.ColorNameButton))
	b.bg.CornerRadius = theme.InputRadiusSize()
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer draws the icon on a button-coloured background.
func (b *calendarButton) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewStack(b.bg, container.NewPadded(b.icon)))
}

// Tapped opens the calendar unless disabled.
func (b *calendarButton) Tapped(*fyne.PointEvent) {
	if !b.disabled && b.OnTapped != nil {
		b.OnTapped()
	}
}

// Cursor is the pointing hand of a button.
func (b *calendarButton) Cursor() desktop.Cursor {
	if b.disabled {
		return desktop.DefaultCursor
	}
	return desktop.PointerCursor
}

// MouseIn, MouseMoved and MouseOut show the hover colour.
func (b *calendarButton) MouseIn(*fyne.PointEvent)    { b.hovered = true; b.Refresh() }
func (b *calendarButton) MouseMoved(*fyne.PointEvent) {}
func (b *calendarButton) MouseOut()                   { b.hovered = false; b.Refresh() }

// Refresh redraws the colours for the state.
func (b *calendarButton) Refresh() {
	switch {
	case b.disabled:
		b.bg.FillColor = theme.Color(theme.ColorNameDisabledButton)
		b.icon.SetResource(theme.NewDisabledResource(theme.CalendarIcon()))
	case b.hovered:
		b.bg.FillColor = theme.Color(theme.ColorNameHover)
		b.icon.SetResource(theme.CalendarIcon())
	default:
		b.bg.FillColor = theme.Color(theme.ColorNameButton)
		b.icon.SetResource(theme.CalendarIcon())
	}
	b.bg.Refresh()
	b.BaseWidget.Refresh()
}

// Enable, Disable and Disabled make it fyne.Disableable (read-only forms).
func (b *calendarButton) Enable()        { b.disabled = false; b.Refresh() }
func (b *calendarButton) Disable()       { b.disabled = true; b.Refresh() }
func (b *calendarButton) Disabled() bool { return b.disabled }
