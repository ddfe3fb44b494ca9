// Package dues is the Dues tab: members in arrears, collection by unit, one
// member's dues month by month with their payments, and the forms to record
// a payment, a unit's monthly batch, a wage base and a reversal (冲正).
//
// The tab is a stack (ui/stack) of screens, each in its own file: the
// arrears at the bottom; the collection by unit, a member's dues, the forms,
// a batch's preview and the member picker pushed over it. A new form is a
// new screen and one key on the screen that opens it (keys.go).
package dues

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// Page is the Dues tab.
type Page struct {
	stack.Tab
	data *data // settings, unit names, arrears and collection: every screen reads them
}

// New makes the Dues tab; its lists come from Load.
func New(c *common.Common) *Page {
	d := newData(c)
	return &Page{data: d, Tab: stack.NewTabFunc(c, c.T("tab.dues"), func(st *stack.Stack) common.Screen { return newArrears(d, st) })}
}

// Load computes the arrears and the collection by unit in the background.
func (p *Page) Load() tea.Cmd { return p.data.Load() }

// ShowMember opens one member's dues (from the Members tab), over the
// arrears, or over what is open when it holds unsaved changes.
func (p *Page) ShowMember(id uint64) {
	if !p.Dirty() {
		p.PopTo(1)
	}
	p.Push(newMember(p.data, p.Stack, id))
}

// ShowWage opens one member's dues with the wage-base form over them (w
// on the member's detail in the Members tab).
func (p *Page) ShowWage(id uint64) {
	p.ShowMember(id)
	if s, ok := p.Top().(*member); ok && s.err == nil && s.info != nil {
		p.Push(newWageForm(p.data, p.Stack, s.info.Member))
	}
}

// Update refreshes the shared data before the screens see a change or a
// result, and computes the lists again after a change.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	var cmd tea.Cmd
	switch m := msg.(type) {
	case common.DataChangedMsg:
		// the list says it is counting again until Load answers (on the
		// demo it showed the figures from before a batch for a second)
		p.data.loading = true
		p.data.reload()
		cmd = p.data.Load()
	case loadedMsg:
		p.data.loaded(m)
	}
	return tea.Batch(cmd, p.Tab.Update(msg))
}
