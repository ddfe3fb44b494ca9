package reports

import (
	"testing"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/demo"
	"unionbook/i18n"
	"unionbook/model"
	"unionbook/report"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/stack"
	"unionbook/ui/uitest"
)

// root is the screen under the reports in the tests (the Import/Export
// menu in the program).
type root struct{ common.ScreenBase }

func (root) SetSize(int, int)          {}
func (root) Update(tea.Msg) tea.Cmd    { return nil }
func (root) View() string              { return "menu" }
func (root) ShortHelp() []key.Binding  { return nil }
func (root) FullHelp() [][]key.Binding { return nil }

// fixture is the reports opened on a small demo township as of the UI
// tests' day (2026-11-21), the chooser opening in dir.
type fixture struct {
	hs    *uitest.PageHarness[stack.Tab]
	e     *env
	dir   string
	union string
}

func open(t *testing.T, lang i18n.Lang, w, h int) *fixture {
	t.Helper()
	return openAt(t, lang, w, h, t.TempDir())
}

// openAt is open with the chooser on dir: a fixed path for a golden
// screen that shows it (nothing is written there).
func openAt(t *testing.T, lang i18n.Lang, w, h int, dir string) *fixture {
	t.Helper()
	st := uitest.OpenStore(t, uitest.FixedNow)
	if err := demo.Load(st, demo.Options{Seed: 7, Units: 4, Members: 80, Today: model.DateOf(uitest.FixedNow)}); err != nil {
		t.Fatal(err)
	}
	// Two units the survey's checks fail: more women members than women
	// employees, and a collective contract without its expiry.
	units, err := st.Units()
	if err != nil {
		t.Fatal(err)
	}
	units[0].Women = 0
	units[1].ContractSigned, units[1].ContractExpires = 20250301, 0
	for i := range units[:2] {
		if err := st.UpdateUnit(uitest.Operator, &units[i]); err != nil {
			t.Fatal(err)
		}
	}
	Files = filechooser.NewFake(map[string]string{dir + "/": ""}, uitest.FixedNow, filechooser.Place{Kind: filechooser.PlaceDesktop, Path: dir})
	t.Cleanup(func() { Files = filechooser.OS{} })
	hs := uitest.NewPageHarness(t, uitest.NewCommon(st, lang, uitest.FixedNow), w, h, func(c *common.Common) stack.Tab {
		return stack.NewTab(c, "t", root{})
	})
	e := &env{c: hs.C, st: hs.P.Stack, keys: newKeys(hs.C), now: func() time.Time { return uitest.FixedNow },
		write: func(name string, o report.Options, path string) error { return report.WriteFile(st, name, o, path) }}
	hs.Driver().Run(openWith(e))
	p, _, err := st.Profile()
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{hs: hs, e: e, dir: dir, union: p.UnionName}
}

// holdWriting makes the writing stop half way (step 3 of 7) until it is
// told to stop; the driver shows the step and stops listening there.
func (f *fixture) holdWriting() uitest.Driver {
	f.e.write = func(name string, o report.Options, path string) error {
		o.Progress(3, 7)
		<-o.Ctx.Done()
		return o.Ctx.Err()
	}
	hs := f.hs
	return uitest.Driver{Update: hs.P.Update, Observe: func(m tea.Msg) bool {
		switch m := m.(type) {
		case common.StatusMsg:
			hs.Status = m
			return false
		case progressMsg:
			hs.P.Update(m) // shown; the test listens on when it is ready
			return false
		}
		return true
	}}
}

// writingOnTop is the writing screen on top of the stack.
func (f *fixture) writingOnTop(t *testing.T) *writing {
	t.Helper()
	w, ok := f.hs.P.Top().(*writing)
	if !ok {
		t.Fatalf("not writing:\n%s", f.hs.Screen())
	}
	return w
}
