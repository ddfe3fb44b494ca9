package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/spinner"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/demo"
	"unionbook/model"
	"unionbook/ui/bookui"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/keymap"
	"unionbook/ui/stack"
)

// setup is the first screen of a database without the union's profile:
// enter the profile, or (on an empty database) load the demo township to
// look around first. It is a stack like a tab: the welcome screen, and the
// profile form above it. A roster imported on the command line before the
// first start leaves members but no profile: the profile, with the first
// dues month, is still asked for.
type setup struct {
	*stack.Stack
}

type setupDoneMsg struct{ text string }
type demoLoadedMsg struct{ err error }

// newSetup builds the first screen; hasData says the database already
// holds units or members, when the demo cannot be loaded into it.
func newSetup(c *common.Common, hasData bool) *setup {
	return &setup{Stack: stack.NewFunc(c, func(st *stack.Stack) common.Screen {
		w := &welcome{c: c, st: st, spin: spinner.New(spinner.WithSpinner(spinner.Line)), hasData: hasData, keys: setupKeys{
			Profile: keymap.Binding(c.Lang, "setup.choice_profile", "1"),
			Demo:    keymap.Binding(c.Lang, "setup.choice_demo", "2"),
			Quit:    keymap.Binding(c.Lang, "key.quit", "q", "esc"),
		}}
		w.keys.Demo.SetEnabled(!hasData)
		return w
	})}
}

// setupKeys are the welcome screen's choices.
type setupKeys struct {
	Profile, Demo, Quit key.Binding
}

// welcome offers the two ways to start.
type welcome struct {
	common.ScreenBase
	c       *common.Common
	st      *stack.Stack
	keys    setupKeys
	hasData bool // units or members are in already: no demo
	width   int
	loading bool
	spin    spinner.Model
	err     error
}

func (w *welcome) SetSize(width, _ int) { w.width = width }

func (w *welcome) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case demoLoadedMsg:
		w.loading = false
		if msg.err != nil {
			w.err = msg.err
			return nil
		}
		return func() tea.Msg { return setupDoneMsg{text: w.c.T("setup.demo_loaded")} }
	case spinner.TickMsg:
		if !w.loading {
			return nil
		}
		var cmd tea.Cmd
		w.spin, cmd = w.spin.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		if w.loading {
			return nil
		}
		switch {
		case key.Matches(msg, w.keys.Profile):
			return w.st.Push(newProfileForm(w.c, w.st))
		case key.Matches(msg, w.keys.Demo):
			w.loading = true
			w.err = nil
			store := w.c.Store
			return tea.Batch(w.spin.Tick, func() tea.Msg {
				return demoLoadedMsg{err: demo.Load(store, demo.Options{})}
			})
		case key.Matches(msg, w.keys.Quit):
			return tea.Quit
		}
	}
	return nil
}

func (w *welcome) View() string {
	st := w.c.Styles
	var b strings.Builder
	b.WriteString(st.Title.Render(w.c.T("setup.welcome")) + "\n\n")
	intro := w.c.T("setup.new_db", w.c.Store.Path())
	if w.hasData {
		intro = w.c.T("setup.no_profile", w.c.Store.Path())
	}
	// wrapped: a long path, or the longer line after an import, was cut
	b.WriteString(ansi.Wrap(intro, max(w.width, 20), "/\\") + "\n\n")
	for _, k := range []key.Binding{w.keys.Profile, w.keys.Demo, w.keys.Quit} {
		if !k.Enabled() {
			continue
		}
		b.WriteString("  " + st.Key.Render(k.Help().Key) + "  " + k.Help().Desc + "\n")
	}
	if w.loading {
		b.WriteString("\n" + w.spin.View() + " " + w.c.T("setup.loading_demo"))
	}
	if w.err != nil {
		b.WriteString("\n" + st.Error.Render(w.c.Err(w.err)))
	}
	return b.String()
}

func (w *welcome) ShortHelp() []key.Binding  { return []key.Binding{w.c.Keys.Quit} }
func (w *welcome) FullHelp() [][]key.Binding { return [][]key.Binding{w.ShortHelp()} }

// newProfileForm asks for the union's name and the operator's; saving
// opens the tabs.
func newProfileForm(c *common.Common, st *stack.Stack) *form.Screen {
	f := form.New(c,
		form.TextField("union_name", true, c.T("hint.union_name")),
		form.TextField("union_code", false, c.T("hint.union_code")),
		form.TextField("higher_union", false, c.T("hint.higher_union")),
		form.TextField("operator", false, c.T("hint.operator")),
		form.TextField("dues_since", true, c.T("hint.dues_since")),
	)
	// dues are kept in the program from a month the secretary chooses:
	// January of this year unless she says otherwise
	f.SetDefault("dues_since", model.Month(c.Today().Year()*100+1).String())
	read := func() (model.Profile, model.Problems) {
		p := model.DefaultProfile()
		p.UnionName = f.Value("union_name")
		p.Code = f.Value("union_code")
		p.HigherUnion = f.Value("higher_union")
		p.Operator = f.Value("operator")
		p.Normalize()
		since, err := model.ParseMonth(f.Value("dues_since"))
		if err != nil {
			return p, model.Problems{form.ProblemOf("dues_since", err)}
		}
		if since > c.Today().Month() {
			return p, model.Problems{{Field: "dues_since", Key: "problem.future"}}
		}
		p.DuesSince = since
		return p, p.Validate()
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	save := func() tea.Cmd {
		p, _ := read()
		if err := c.Store.SaveProfile(p.Operator, p); err != nil {
			return f.SaveError(err, nil)
		}
		// Then what the cash box and the bank hold as the books start.
		return st.Push(bookui.NewOpenings(c, st, func() tea.Cmd {
			return func() tea.Msg { return setupDoneMsg{text: c.T("setup.profile_saved", p.UnionName)} }
		}))
	}
	return form.NewScreen(c, st, c.T("setup.welcome"), f, save).WithIntro(c.T("setup.profile_intro") + "\n" + c.T("setup.dues_since_intro"))
}
