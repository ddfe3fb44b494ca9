// Package honour is the list of a member's or a unit's honours (荣誉) with
// the form that adds, corrects or removes one: a screen the Members and
// Units tabs both push from their detail.
package honour

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// Holder is whose honours a screen shows: a member or a unit.
type Holder struct {
	MemberID, UnitID uint64
	Name             string // shown in the title
}

// Screen lists the holder's honours, newest first.
type Screen struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	holder Holder
	hs     []model.Honour
	table  widget.Table
	err    error
	width  int
}

// titleLines are the lines above the table: the title and a blank line.
const titleLines = 2

// NewScreen shows the honours of holder on st.
func NewScreen(c *common.Common, st *stack.Stack, holder Holder) *Screen {
	s := &Screen{c: c, st: st, holder: holder,
		table: widget.NewTable(nil, c.TableStyles())}
	s.table.SetOrigin(0, titleLines)
	s.table.SetEmptyText(c.T("honour.none"))
	s.table.SetColumns([]widget.Column{
		{Title: c.T("field.honour_year"), Width: 6},
		{Title: c.T("field.honour_title"), Width: 14, Flex: 1},
		{Title: c.T("field.honour_level"), Width: 10},
		{Title: c.T("field.honour_body"), Width: 16, Flex: 1},
	})
	s.load()
	return s
}

func (s *Screen) load() {
	var err error
	if s.holder.MemberID != 0 {
		s.hs, err = s.c.Store.MemberHonours(s.holder.MemberID)
	} else {
		s.hs, err = s.c.Store.UnitHonours(s.holder.UnitID)
	}
	s.err = err
	s.table.SetRows(len(s.hs), func(row, col int) string {
		h := s.hs[row]
		return [...]string{strconv.Itoa(h.Year), Name(s.c, &h), s.c.T(h.Level.Key()), h.Body}[col]
	})
}

// Name is the honour as it reads: its own name, or its title's.
func Name(c *common.Common, h *model.Honour) string {
	if h.Name != "" {
		return h.Name
	}
	return c.T(h.Title.Key())
}

func (s *Screen) SetSize(w, h int) {
	s.width = w
	s.table.SetSize(w, max(3, h-titleLines))
}

func (s *Screen) selected() (model.Honour, bool) {
	i := s.table.Cursor()
	if i < 0 || i >= len(s.hs) {
		return model.Honour{}, false
	}
	return s.hs[i], true
}

func (s *Screen) Update(msg tea.Msg) tea.Cmd {
	k := s.c.Keys
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		s.load()
		return nil
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.New):
			return s.st.Push(newForm(s.c, s.st, s.holder, nil))
		case key.Matches(msg, k.Edit), key.Matches(msg, k.Open):
			if h, ok := s.selected(); ok {
				return s.st.Push(newForm(s.c, s.st, s.holder, &h))
			}
			return nil
		case key.Matches(msg, k.Delete):
			h, ok := s.selected()
			if !ok {
				return nil
			}
			return s.st.Ask(s.c.T("honour.confirm_delete", Name(s.c, &h), h.Year), func() tea.Cmd {
				if err := s.c.Store.DeleteHonour(s.c.OperatorName(), h.ID); err != nil {
					return common.SetStatus(s.c.Err(err), true)
				}
				s.load()
				return tea.Batch(common.SetStatus(s.c.T("honour.deleted"), false), common.Changed(model.EntityHonour, h.ID))
			})
		}
	}
	var cmd tea.Cmd
	s.table, cmd = s.table.Update(msg)
	return cmd
}

func (s *Screen) View() string {
	st := s.c.Styles
	head := st.Title.Render(s.c.T("honour.title", s.holder.Name))
	if s.err != nil {
		head += "  " + st.Error.Render(s.c.Err(s.err))
	}
	return ansi.Truncate(head, s.width, "~") + "\n\n" + s.table.View()
}

func (s *Screen) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.New, k.Edit, k.Delete, k.Back}
}

func (s *Screen) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down}, s.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}

// newForm adds an honour to holder (edit nil) or corrects edit.
func newForm(c *common.Common, st *stack.Stack, holder Holder, edit *model.Honour) *form.Screen {
	var titles []form.Option
	for _, t := range model.HonourTitles {
		if holder.MemberID != 0 && t.ForMember() || holder.UnitID != 0 && t.ForUnit() {
			titles = append(titles, form.Option{Label: c.T(t.Key()), Value: uint64(t)})
		}
	}
	levels := make([]form.Option, len(model.HonourLevels))
	for i, l := range model.HonourLevels {
		levels[i] = form.Option{Label: c.T(l.Key()), Value: uint64(l)}
	}
	f := form.New(c,
		form.ChoiceField("honour_title", true, titles),
		form.TextField("honour_name", false, c.T("honour.hint_name")),
		form.ChoiceField("honour_level", true, levels),
		form.TextField("honour_year", true, ""),
		form.TextField("honour_body", false, c.T("honour.hint_body")),
		form.TextField("notes", false, ""),
	)
	if edit != nil {
		f.SetChoice("honour_title", uint64(edit.Title))
		f.SetValue("honour_name", edit.Name)
		f.SetChoice("honour_level", uint64(edit.Level))
		f.SetValue("honour_year", strconv.Itoa(edit.Year))
		f.SetValue("honour_body", edit.Body)
		f.SetValue("notes", edit.Notes)
	} else {
		f.SetChoice("honour_level", uint64(model.LevelCity))
		f.SetDefault("honour_year", strconv.Itoa(c.Today().Year()))
	}
	f.MarkClean()
	read := func() (model.Honour, model.Problems) {
		r := form.Reader{F: f}
		var h model.Honour
		if edit != nil {
			h = *edit
		}
		h.MemberID, h.UnitID = holder.MemberID, holder.UnitID
		h.Title = model.HonourTitle(r.Choice("honour_title"))
		h.Name = f.Value("honour_name")
		h.Level = model.HonourLevel(r.Choice("honour_level"))
		h.Year = r.Int("honour_year")
		h.Body = f.Value("honour_body")
		h.Notes = f.Value("notes")
		h.Normalize()
		return h, r.Merge(h.Validate(c.Today()))
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	title := c.T("honour.new_title", holder.Name)
	if edit != nil {
		title = c.T("honour.edit_title", holder.Name)
	}
	return form.NewScreen(c, st, title, f, func() tea.Cmd {
		h, _ := read()
		var err error
		if edit != nil {
			err = c.Store.UpdateHonour(c.OperatorName(), &h)
		} else {
			err = c.Store.CreateHonour(c.OperatorName(), &h)
		}
		if err != nil {
			return f.SaveError(err, nil)
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("honour.saved", Name(c, &h), h.Year), false), common.Changed(model.EntityHonour, h.ID))
	})
}
