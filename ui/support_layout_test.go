package ui

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"hoanhap/caseload"
	"hoanhap/demo"
	"hoanhap/i18n"
)

// fillLayouts returns the fill layouts of the tables shown in o's tree
// (only the selected tab of a tab container is followed).
func fillLayouts(o fyne.CanvasObject) []*fillLayout {
	var out []*fillLayout
	switch x := o.(type) {
	case *fyne.Container:
		if l, ok := x.Layout.(*fillLayout); ok {
			out = append(out, l)
		}
		for _, c := range x.Objects {
			out = append(out, fillLayouts(c)...)
		}
	case *container.AppTabs:
		if it := x.Selected(); it != nil {
			out = append(out, fillLayouts(it.Content)...)
		}
	case *container.Split:
		out = append(out, fillLayouts(x.Leading)...)
		out = append(out, fillLayouts(x.Trailing)...)
	case *container.Scroll:
		out = append(out, fillLayouts(x.Content)...)
	}
	return out
}

// TestSupportTablesFitTheWindow lays out every tab of the support area,
// the models area and a person's support tab on the demo ward in a
// 1280x800 window, in both languages, and checks that every table's
// columns fit its width (no horizontal scroll bar, so no column cut off at
// the right) with each column at least as wide as its header.
func TestSupportTablesFitTheWindow(t *testing.T) {
	for _, lang := range []string{"vi", "en"} {
		t.Run(lang, func(t *testing.T) {
			u, st := newTestUI(t)
			i18n.SetLanguage(lang)
			t.Cleanup(func() { i18n.SetLanguage("vi") })
			if err := demo.Ensure(st); err != nil {
				t.Fatal(err)
			}
			check := func(what string, want int) {
				t.Helper()
				u.win.Resize(fyne.NewSize(1279, 800))
				u.win.Resize(fyne.NewSize(1280, 800))
				ls := fillLayouts(u.content)
				if len(ls) != want {
					t.Fatalf("%s: %d tables on screen, want %d", what, len(ls), want)
				}
				for _, l := range ls {
					total := l.t.Size().Width
					if total <= 0 {
						t.Errorf("%s: table not laid out", what)
					}
					used := supGap()*float32(len(l.widths)-1) + supScrollMargin
					for _, w := range l.widths {
						used += w
					}
					if used > total+0.5 {
						t.Errorf("%s: columns need %.0f px, the table has %.0f", what, used, total)
					}
				}
			}
			u.Open("support")
			tabs := supFindTabs(u.content)
			for i, want := range []int{1, 1, 1, 1} {
				tabs.SelectIndex(i)
				check("support tab "+tabs.Items[i].Text, want)
			}
			u.Open("models")
			tabs = supFindTabs(u.content)
			check("models", 2)
			tabs.SelectIndex(1)
			check("businesses", 1)
			u.Open("person-support")
			check("person support", 1)
		})
	}
}

// supGap is the space a table leaves between columns.
func supGap() float32 { return theme.Padding() }

func TestSupColumnWidthsFitHeaders(t *testing.T) {
	cases := []struct {
		header string
		given  float32
	}{
		{"Thời hạn (tháng)", 80}, // the header that overlapped "Trạng thái"
		{"STT", 200},
	}
	for _, c := range cases {
		min := widget.NewLabelWithStyle(c.header, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}).MinSize().Width
		got := columnWidths([]string{c.header}, []float32{c.given})[0]
		if got < min || (c.given >= min && got != c.given) {
			t.Errorf("%q given %.0f: width %.0f, header needs %.0f", c.header, c.given, got, min)
		}
	}
}

// TestSupportFiltersShowWhatTheyFilter checks that every list filter of
// the support area starts at its "all" choice, which names what it
// filters by, and comes back there.
func TestSupportFiltersShowWhatTheyFilter(t *testing.T) {
	st, _, _ := supTestStore(t)
	w := supTestWindow(t)
	s := newSupportScreen(w, st)
	w.SetContent(s.Root)
	for _, c := range []struct {
		f   *enumSelect
		all string
		val string
	}{
		{s.Loans.Status, "Tất cả trạng thái", string(caseload.LoanDisbursed)},
		{s.Loans.Purpose, "Tất cả mục đích", string(caseload.PurposeTraining)},
		{s.Loans.Kind, "Tất cả người vay", string(caseload.BorrowerBusiness)},
		{s.Supports.Kind, "Tất cả loại hỗ trợ", string(caseload.SupportEmployment)},
	} {
		if c.f.Selected != c.all || c.f.Value() != "" {
			t.Errorf("filter starts at %q (value %q), want %q", c.f.Selected, c.f.Value(), c.all)
		}
		c.f.SetValue(c.val)
		if c.f.Value() != c.val || c.f.Selected == "" || c.f.Selected == c.all {
			t.Errorf("filter set to %q shows %q", c.val, c.f.Selected)
		}
		c.f.SetSelectedIndex(0)
		if c.f.Value() != "" || c.f.Selected != c.all {
			t.Errorf("back to all: %q", c.f.Selected)
		}
	}
	// The filter is wide enough for its longest choice.
	if got, min := s.Loans.Purpose.Select.Size().Width, supSelectWidth(s.Loans.Purpose.Select); got < min-0.5 {
		t.Errorf("purpose filter %.0f px wide, its longest choice needs %.0f", got, min)
	}
}
