package cases

import (
	"runtime"
	"strings"
	"sync"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// memberIndex is the roster as the chooser of a case's workers searches
// it: the members in the union (only what the chooser shows), their
// search keys, and the units' names and keys. Built once per case form, in
// the background: on 100,000 members reading and indexing take a second.
type memberIndex struct {
	members  []model.Member
	keys     []search.Key
	units    map[uint64]string
	unitKeys map[uint64]search.Key
}

// rosterCache holds a case form's memberIndex between the times its
// workers' chooser opens; nil until first read.
type rosterCache struct{ idx *memberIndex }

// loadMemberIndex reads the members in the union and the units and builds
// their search keys on every core.
func loadMemberIndex(c *common.Common) (*memberIndex, error) {
	ms, err := c.Store.MembersToPick()
	if err != nil {
		return nil, err
	}
	units, err := c.Store.Units()
	if err != nil {
		return nil, err
	}
	x := &memberIndex{members: ms, keys: make([]search.Key, len(ms)),
		units: make(map[uint64]string, len(units)), unitKeys: make(map[uint64]search.Key, len(units))}
	for _, u := range units {
		x.units[u.ID] = u.Name
		x.unitKeys[u.ID] = search.NewKey(u.Name, "", "", "")
	}
	workers := min(runtime.NumCPU(), max(1, len(ms)/5000))
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(ms); i += workers {
				m := &ms[i]
				x.keys[i] = search.NewKey(m.Name, m.No, m.Phone, m.IDNumber)
			}
		})
	}
	wg.Wait()
	return x, nil
}

// memberIndexMsg carries a read roster to the chooser that asked for it.
type memberIndexMsg struct {
	to  *memberPicker
	idx *memberIndex
	err error
}

// memberPicker chooses one member of the roster as a worker of a case:
// type a name, its pinyin or initials, a member number, phone or part of
// an ID number; the members of the case's unit come first, and a unit's
// name finds its members after those whose own details match. ID numbers
// are masked. enter (or a second click) chooses; esc is the stack's.
type memberPicker struct {
	common.ScreenBase
	c      *common.Common
	st     *stack.Stack
	cache  *rosterCache
	prefer uint64 // the case's unit, listed first
	input  widget.TextField
	table  widget.Table
	view   []int32 // indexes into the index's members
	moves  key.Binding
	choose func(model.Member) tea.Cmd
	err    error
	w      int
}

func newMemberPicker(c *common.Common, st *stack.Stack, cache *rosterCache, prefer uint64, choose func(model.Member) tea.Cmd) *memberPicker {
	p := &memberPicker{c: c, st: st, cache: cache, prefer: prefer, choose: choose,
		moves: key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"))}
	p.input = widget.NewTextField()
	p.input.SetPlaceholder(c.T("cases.pick_member_hint"))
	p.input.Focus()
	p.table = widget.NewTable([]widget.Column{
		{Title: c.T("field.cs_worker_name"), Width: 8, Flex: 1},
		{Title: c.T("field.cs_worker_member"), Width: 8},
		{Title: c.T("field.cs_unit"), Width: 12, Flex: 3},
		{Title: c.T("field.cs_worker_id"), Width: 18},
	}, c.TableStyles())
	p.table.SetID("cases.members")
	p.table.SetOrigin(0, 1)
	p.table.SetEmptyText(c.T("cases.pick_member_loading"))
	p.filter()
	return p
}

// Init reads the roster unless the form already has it.
func (p *memberPicker) Init() tea.Cmd {
	if p.cache.idx != nil {
		return nil
	}
	c := p.c
	return func() tea.Msg {
		idx, err := loadMemberIndex(c)
		return memberIndexMsg{to: p, idx: idx, err: err}
	}
}

// filter lists the members the query finds, in three ranks: own details
// matching at the case's unit, own details elsewhere, the unit's name.
func (p *memberPicker) filter() {
	x := p.cache.idx
	p.view = p.view[:0]
	if x == nil {
		p.table.SetRows(0, nil)
		return
	}
	q := search.Compile(p.input.Value())
	unitHit := map[uint64]bool{}
	if !q.Empty() {
		for id, k := range x.unitKeys {
			if k.Match(q) {
				unitHit[id] = true
			}
		}
	}
	var later, byUnit []int32
	for i := range x.members {
		m := &x.members[i]
		switch {
		case q.Empty() || x.keys[i].Match(q):
			if p.prefer != 0 && m.UnitID != p.prefer {
				later = append(later, int32(i))
			} else {
				p.view = append(p.view, int32(i))
			}
		case unitHit[m.UnitID]:
			byUnit = append(byUnit, int32(i))
		}
	}
	p.view = append(append(p.view, later...), byUnit...)
	p.table.SetRows(len(p.view), func(row, col int) string {
		m := &x.members[p.view[row]]
		switch col {
		case 0:
			return m.Name
		case 1:
			return m.No
		case 2:
			return x.units[m.UnitID]
		}
		return model.MaskID(m.IDNumber)
	})
	p.table.SetCursor(0)
	if q.Empty() {
		p.table.SetEmptyText(p.c.T("cases.pick_member_empty"))
	} else {
		p.table.SetEmptyText(p.c.T("picker.none"))
	}
}

func (p *memberPicker) SetSize(w, h int) {
	p.w = w
	hint := ansi.StringWidth(p.c.T("cases.pick_member_hint")) + 1 // the hint whole where the screen allows
	p.input.SetWidth(max(10, min(max(40, hint), w-ansi.StringWidth(p.c.T("cases.pick_member"))-2)))
	p.table.SetSize(w, max(2, h-2))
}

func (p *memberPicker) Capturing() bool { return true }

func (p *memberPicker) Cursor() *tea.Cursor {
	return tea.NewCursor(ansi.StringWidth(p.c.T("cases.pick_member"))+2+p.input.CursorColumn(), 0)
}

func (p *memberPicker) chosen() tea.Cmd {
	i := p.table.Cursor()
	if p.cache.idx == nil || i < 0 || i >= len(p.view) {
		return nil
	}
	m := p.cache.idx.members[p.view[i]]
	p.st.Pop()
	return p.choose(m)
}

func (p *memberPicker) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case memberIndexMsg:
		if msg.to == p {
			p.err = msg.err
			if msg.err == nil {
				p.cache.idx = msg.idx
			}
			p.filter()
		}
		return nil
	case widget.RowClickedMsg:
		if p.table.Owns(msg) && msg.Again {
			return p.chosen()
		}
		return nil
	case tea.MouseMsg:
		var cmd tea.Cmd
		p.table, cmd = p.table.Update(msg)
		return cmd
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, p.c.Keys.Open):
			return p.chosen()
		case key.Matches(msg, p.moves):
			var cmd tea.Cmd
			p.table, cmd = p.table.Update(msg)
			return cmd
		}
	}
	if !isTyping(msg) {
		return nil
	}
	before := p.input.Value()
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	if p.input.Value() != before {
		p.filter()
	}
	return cmd
}

func (p *memberPicker) View() string {
	st := p.c.Styles
	head := st.Title.Render(p.c.T("cases.pick_member")) + "  " + st.InputFocus.Render(p.input.View())
	lines := []string{ansi.Truncate(head, p.w, "~")}
	switch {
	case p.err != nil:
		lines = append(lines, st.Error.Render(ansi.Truncate(p.c.Err(p.err), p.w, "~")))
	default:
		lines = append(lines, p.table.View())
		if p.cache.idx != nil {
			count := p.c.T("cases.pick_member_count_all", len(p.view))
			if p.prefer != 0 {
				count = p.c.T("cases.pick_member_count", len(p.view))
			}
			lines = append(lines, st.Muted.Render(ansi.Truncate(count, p.w, "~")))
		}
	}
	return strings.Join(lines, "\n")
}

func (p *memberPicker) ShortHelp() []key.Binding {
	choose := p.c.Keys.Open
	choose.SetHelp("enter", p.c.T("cases.key_choose"))
	return []key.Binding{choose}
}

func (p *memberPicker) FullHelp() [][]key.Binding {
	g := p.c.Keys
	return [][]key.Binding{{g.Up, g.Down, g.PageUp, g.PageDown}, p.ShortHelp()}
}
