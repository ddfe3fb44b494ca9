package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"

	"unionbook/demo"
	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// setup is the first screen of an empty database: enter the union's
// profile, or load the demo township to look around first.
type setup struct {
	c       *common.Common
	form    *form.Form // the profile form, once chosen
	loading bool
	spin    spinner.Model
	err     error
	width   int
	height  int
}

type setupDoneMsg struct{ text string }
type demoLoadedMsg struct{ err error }

func newSetup(c *common.Common) *setup {
	s := &setup{c: c, spin: spinner.New(spinner.WithSpinner(spinner.Line))}
	return s
}

func (s *setup) SetSize(w, h int) {
	s.width, s.height = w, h
	if s.form != nil {
		s.form.SetSize(w, h-4)
	}
}

func (s *setup) Dirty() bool { return s.form != nil && s.form.Dirty() }

func (s *setup) openProfileForm() {
	f := form.New(s.c,
		form.TextField("union_name", true, s.c.T("hint.union_name")),
		form.TextField("union_code", false, ""),
		form.TextField("higher_union", false, s.c.T("hint.higher_union")),
		form.TextField("operator", false, s.c.T("hint.operator")),
	)
	f.Validate = func(f *form.Form) model.Problems {
		p := s.profileFromForm(f)
		return p.Validate()
	}
	f.Revalidate()
	s.form = f
	s.form.SetSize(s.width, s.height-4)
}

func (s *setup) profileFromForm(f *form.Form) model.Profile {
	p := model.DefaultProfile()
	p.UnionName = f.Value("union_name")
	p.Code = f.Value("union_code")
	p.HigherUnion = f.Value("higher_union")
	p.Operator = f.Value("operator")
	// dues are kept from this month on: earlier months were kept on paper
	p.DuesSince = s.c.Today().Month()
	p.Normalize()
	return p
}

func (s *setup) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case demoLoadedMsg:
		s.loading = false
		if msg.err != nil {
			s.err = msg.err
			return nil
		}
		return func() tea.Msg { return setupDoneMsg{text: s.c.T("setup.demo_loaded")} }
	case spinner.TickMsg:
		if !s.loading {
			return nil
		}
		var cmd tea.Cmd
		s.spin, cmd = s.spin.Update(msg)
		return cmd
	}
	if s.loading {
		return nil
	}
	if s.form != nil {
		act, cmd := s.form.Update(msg)
		switch act {
		case form.Cancel:
			s.form = nil
		case form.Submit:
			if len(s.form.Problems()) > 0 {
				return common.SetStatus(s.c.T("form.has_problems", len(s.form.Problems())), true)
			}
			p := s.profileFromForm(s.form)
			if err := s.c.Store.SaveProfile(p.Operator, p); err != nil {
				var ps model.Problems
				if errors.As(err, &ps) {
					s.form.SetProblems(ps)
				}
				return common.SetStatus(s.c.Err(err), true)
			}
			return func() tea.Msg { return setupDoneMsg{text: s.c.T("setup.profile_saved", p.UnionName)} }
		}
		return cmd
	}
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch km.String() {
	case "1":
		s.openProfileForm()
	case "2":
		s.loading = true
		s.err = nil
		store := s.c.Store
		return tea.Batch(s.spin.Tick, func() tea.Msg {
			return demoLoadedMsg{err: demo.Load(store, demo.Options{})}
		})
	case "q", "esc":
		return tea.Quit
	}
	return nil
}

func (s *setup) View() string {
	st := s.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(s.c.T("setup.welcome")) + "\n\n")
	if s.form != nil {
		b.WriteString(st.Muted.Render(s.c.T("setup.profile_intro")) + "\n\n")
		b.WriteString(s.form.View())
		return b.String()
	}
	b.WriteString(s.c.T("setup.new_db", s.c.Store.Path()) + "\n\n")
	b.WriteString("  " + st.Key.Render("1") + "  " + s.c.T("setup.choice_profile") + "\n")
	b.WriteString("  " + st.Key.Render("2") + "  " + s.c.T("setup.choice_demo") + "\n")
	b.WriteString("  " + st.Key.Render("q") + "  " + s.c.T("key.quit") + "\n")
	if s.loading {
		b.WriteString("\n" + s.spin.View() + " " + s.c.T("setup.loading_demo"))
	}
	if s.err != nil {
		b.WriteString("\n" + st.Error.Render(s.c.Err(s.err)))
	}
	return b.String()
}

func (s *setup) Cursor() *tea.Cursor {
	if s.form == nil {
		return nil
	}
	c := s.form.Cursor()
	if c != nil {
		c.Y += 4
	}
	return c
}

func (s *setup) ShortHelp() []key.Binding {
	k := s.c.Keys
	if s.form != nil {
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	}
	return []key.Binding{k.Quit}
}
