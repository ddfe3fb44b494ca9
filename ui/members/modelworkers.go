package members

import (
	"strconv"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// modelWorkers lists the members with a model-worker honour (劳模), the
// highest first, with the care the union gave them this year (aid and
// consolation visits) and whether their household is on file in hardship
// (困难劳模); enter opens the member.
type modelWorkers struct {
	common.ScreenBase
	c     *common.Common
	st    *stack.Stack
	open  func(id uint64) tea.Cmd
	care  []storage.ModelWorkerCare
	table widget.Table
	err   error
	width int
}

func newModelWorkers(c *common.Common, st *stack.Stack, open func(uint64) tea.Cmd) *modelWorkers {
	s := &modelWorkers{c: c, st: st, open: open,
		table: widget.NewTable(nil, c.TableStyles())}
	s.table.SetOrigin(0, 2)
	s.table.SetEmptyText(c.T("members.no_model_workers"))
	s.table.SetColumns([]widget.Column{
		{Title: c.T("col.member_no"), Width: 7},
		{Title: c.T("col.name"), Width: 8},
		{Title: c.T("field.hs_model_worker"), Width: 12}, // the level, said short under its title
		{Title: c.T("members.col_care"), Width: 16, AlignRight: true},
		{Title: c.T("members.col_consolations"), Width: 8, AlignRight: true},
		{Title: c.T("members.col_last_care"), Width: 10},
		{Title: c.T("members.col_hardship"), Width: 11, Flex: 1},
	})
	s.load()
	return s
}

func (s *modelWorkers) load() {
	s.care, s.err = s.c.Store.ModelWorkers(s.c.Today().Year())
	s.table.SetRows(len(s.care), func(row, col int) string {
		w := s.care[row]
		switch col {
		case 0:
			return w.Member.No
		case 1:
			return w.Member.Name
		case 2:
			return s.c.T(shortLevelKey(w.Level))
		case 3:
			return s.c.T("members.care_line", w.AidCount, w.AidValue.Display())
		case 4:
			return strconv.Itoa(w.Consolations)
		case 5:
			return w.LastCare.String()
		}
		if w.InHardship {
			return s.c.T("members.in_hardship")
		}
		return ""
	})
}

func (s *modelWorkers) SetSize(w, h int) {
	s.width = w
	s.table.SetSize(w, max(3, h-2))
}

func (s *modelWorkers) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		s.load()
		return nil
	case tea.KeyPressMsg:
		if key.Matches(msg, s.c.Keys.Open) {
			if i := s.table.Cursor(); i >= 0 && i < len(s.care) {
				return s.open(s.care[i].Member.ID)
			}
			return nil
		}
	}
	var cmd tea.Cmd
	s.table, cmd = s.table.Update(msg)
	return cmd
}

func (s *modelWorkers) View() string {
	st := s.c.Styles
	head := st.Title.Render(s.c.T("members.model_workers_title", len(s.care), s.c.Today().Year()))
	if s.err != nil {
		head += "  " + st.Error.Render(s.c.Err(s.err))
	}
	return ansi.Truncate(head, s.width, "~") + "\n\n" + s.table.View()
}

func (s *modelWorkers) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{k.Open, k.Back}
}

func (s *modelWorkers) FullHelp() [][]key.Binding {
	k := s.c.Keys
	return [][]key.Binding{{k.Up, k.Down, k.PageUp, k.PageDown}, s.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}

// shortLevelKey names a model worker's level as the list's column says it,
// under its title: 省部级劳模, provincial.
func shortLevelKey(l model.ModelWorkerLevel) string { return "members.mw_" + l.Key() }
