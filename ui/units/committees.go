package units

import (
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
	"unionbook/ui/widget"
)

// committees lists the five committees a union may set up, each with the
// day it was set up, its chair and members; enter records or corrects
// one, d removes one set up by mistake.
type committees struct {
	common.ScreenBase
	c     *common.Common
	st    *stack.Stack
	b     *book
	id    uint64
	table widget.Table
	width int
}

func newCommittees(c *common.Common, st *stack.Stack, b *book, id uint64) *committees {
	cs := &committees{c: c, st: st, b: b, id: id, table: widget.NewTable(nil, c.TableStyles())}
	cs.table.SetOrigin(0, 2)
	cs.table.SetColumns([]widget.Column{
		{Title: c.T("field.committee"), Width: 20, Flex: 1},
		{Title: c.T("field.committee_formed"), Width: 10},
		{Title: c.T("field.committee_chair"), Width: 8},
		{Title: c.T("field.committee_members"), Width: 8, AlignRight: true},
	})
	cs.table.SetRows(len(model.CommitteeKinds), func(row, col int) string {
		k := model.CommitteeKinds[row]
		u, _ := cs.b.unit(cs.id)
		cm, ok := u.Committee(k)
		switch {
		case col == 0:
			return c.T(k.Key())
		case !ok && col == 1:
			return c.T("units.not_set_up")
		case !ok:
			return ""
		case col == 1:
			return dash(cm.Formed.String())
		case col == 2:
			return cm.Chair
		}
		return form.IntText(cm.Members)
	})
	return cs
}

func (cs *committees) SetSize(w, h int) {
	cs.width = w
	cs.table.SetSize(w, max(3, h-2))
}

func (cs *committees) Update(msg tea.Msg) tea.Cmd {
	k := cs.c.Keys
	if km, ok := msg.(tea.KeyPressMsg); ok {
		kind := model.CommitteeKinds[max(0, cs.table.Cursor())]
		switch {
		case key.Matches(km, k.Open), key.Matches(km, k.Edit), key.Matches(km, k.New):
			return cs.st.Push(committeeForm(cs.c, cs.st, cs.b, cs.id, kind))
		case key.Matches(km, k.Delete):
			u, _ := cs.b.unit(cs.id)
			if _, ok := u.Committee(kind); !ok {
				return nil
			}
			return cs.st.Ask(cs.c.T("units.confirm_remove_committee", cs.c.T(kind.Key())), func() tea.Cmd {
				u.Committees = slices.DeleteFunc(slices.Clone(u.Committees), func(c model.Committee) bool { return c.Kind == kind })
				return saveUnit(cs.c, cs.b, &u, nil)
			})
		}
	}
	var cmd tea.Cmd
	cs.table, cmd = cs.table.Update(msg)
	return cmd
}

func (cs *committees) View() string {
	u, _ := cs.b.unit(cs.id)
	title := cs.c.Styles.Title.Render(cs.c.T("sections.committees") + cs.c.T("units.title_sep") + u.Name)
	return ansi.Truncate(title, cs.width, "~") + "\n\n" + cs.table.View()
}

func (cs *committees) ShortHelp() []key.Binding {
	k := cs.c.Keys
	return []key.Binding{k.Open, k.Delete, k.Back}
}

func (cs *committees) FullHelp() [][]key.Binding {
	k := cs.c.Keys
	return [][]key.Binding{{k.Up, k.Down}, cs.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
}

// committeeForm records or corrects the unit's committee of kind k.
func committeeForm(c *common.Common, st *stack.Stack, b *book, id uint64, k model.CommitteeKind) *form.Screen {
	u, _ := b.unit(id)
	f := form.New(c,
		form.TextField("committee_formed", false, c.T("hint.date")),
		form.TextField("committee_chair", false, ""),
		form.TextField("committee_members", false, ""),
		form.TextField("notes", false, ""),
	)
	if cm, ok := u.Committee(k); ok {
		f.SetValue("committee_formed", form.DateText(cm.Formed))
		f.SetValue("committee_chair", cm.Chair)
		f.SetValue("committee_members", form.IntText(cm.Members))
		f.SetValue("notes", cm.Notes)
	}
	f.MarkClean()
	read := func() (model.Unit, model.Problems) {
		r := form.Reader{F: f}
		cm := model.Committee{Kind: k, Formed: r.Date("committee_formed"), Chair: f.Value("committee_chair"),
			Members: r.Int("committee_members"), Notes: f.Value("notes")}
		v := u
		v.Committees = append(slices.DeleteFunc(slices.Clone(u.Committees), func(x model.Committee) bool { return x.Kind == k }), cm)
		v.Normalize()
		var own model.Problems
		for _, p := range v.Validate(c.Today()) {
			if p.Field == "committees" {
				// said against the form's fields: the nested problem's field
				if q, ok := nested(p); ok {
					own = append(own, q)
				}
			}
		}
		return v, r.Merge(own)
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	title := capitalised(c.T(k.Key())) + c.T("units.title_sep") + u.Name
	return form.NewScreen(c, st, title, f, func() tea.Cmd {
		v, _ := read()
		return saveUnit(c, b, &v, func() { st.Pop() })
	})
}

// nested is the committee's own problem inside a "committees" problem
// (org.committee_bad carries it as its last argument).
func nested(p model.Problem) (model.Problem, bool) {
	if len(p.Args) == 0 {
		return model.Problem{}, false
	}
	q, ok := p.Args[len(p.Args)-1].(model.Problem)
	return q, ok
}

// saveUnit writes u, reloads the book and, on success, calls done.
func saveUnit(c *common.Common, b *book, u *model.Unit, done func()) tea.Cmd {
	if err := c.Store.UpdateUnit(c.OperatorName(), u); err != nil {
		return common.SetStatus(c.Err(err), true)
	}
	b.reload()
	if done != nil {
		done()
	}
	return tea.Batch(common.SetStatus(c.T("units.updated", u.Name), false), common.Changed(model.EntityUnit, u.ID))
}

// committeesText lists the committees set up, for the detail.
func committeesText(c *common.Common, u *model.Unit) string {
	if len(u.Committees) == 0 {
		return c.T("units.none")
	}
	s := c.T("units.committee_count", len(u.Committees))
	for i, cm := range u.Committees {
		if i > 0 {
			s += c.T("units.list_sep")
		}
		s += c.T("committee_short." + strconv.Itoa(int(cm.Kind)))
	}
	return s
}

// capitalised begins a title with a capital letter: the committees' names
// are written to stand inside a sentence (women workers' committee);
// Chinese is as it is.
func capitalised(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
