// Package dues is the Dues tab: members in arrears, collection by unit, one
// member's dues month by month with their payments, and the forms to record
// a payment, a unit's monthly batch, a wage base and a reversal (冲正).
package dues

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

type mode int

const (
	modeArrears mode = iota
	modeUnits
	modeMember
	modePayForm
	modeWageForm
	modeReverseForm
	modeBatchForm
	modeBatchPreview
)

type pickTarget int

const (
	pickMember pickTarget = iota + 1
	pickFormField
)

// Page is the Dues tab.
type Page struct {
	c      *common.Common
	rules  model.DuesRules
	prof   model.Profile
	unitBy map[uint64]string

	mode mode
	back mode // where esc goes from the member view

	arrears      []storage.Arrear
	arrearsNames map[uint64]model.Member
	arrearsTable widget.Table

	year       int
	collection []storage.Collection
	unitTable  widget.Table

	member   model.Member // the member shown in modeMember
	paid     map[model.Month]uint64
	payments []model.DuesPayment
	reversed map[uint64]uint64 // payment -> its reversal
	payTable widget.Table

	form    *form.Form
	picker  *picker.Picker
	pickFor pickTarget

	batch         storage.DuesBatch
	batchNames    map[uint64]model.Member
	batchOn       []bool
	batchTable    widget.Table
	reverseOf     model.DuesPayment
	width, height int
	err           error
	loading       bool // the lists are being computed (Load)
}

// New makes the Dues tab.
func New(c *common.Common) *Page {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, arrearsTable: widget.NewTable(nil, st), unitTable: widget.NewTable(nil, st),
		payTable: widget.NewTable(nil, st), batchTable: widget.NewTable(nil, st), year: c.Today().Year()}
	p.arrearsTable.SetEmptyText(c.T("dues.no_arrears"))
	p.payTable.SetEmptyText(c.T("dues.no_payments"))
	p.batchTable.SetEmptyText(c.T("dues.batch_empty"))
	p.reload()
	p.loading = true // the lists come from Load
	return p
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("tab.dues") }

func (p *Page) reload() {
	p.err = nil
	prof, _, err := p.c.Store.Profile()
	if err != nil {
		p.err = err
		return
	}
	p.prof = prof
	if p.prof.ArrearsMonths <= 0 {
		p.prof.ArrearsMonths = 6
	}
	if p.rules, err = p.c.Store.DuesRules(); err != nil {
		p.err = err
		return
	}
	units, err := p.c.Store.Units()
	if err != nil {
		p.err = err
		return
	}
	p.unitBy = make(map[uint64]string, len(units))
	for _, u := range units {
		p.unitBy[u.ID] = u.Name
	}
	if p.member.ID != 0 {
		p.loadMember(p.member.ID)
	}
}

// loadedMsg carries the arrears and the collection by unit, computed in
// the background: on 100,000 members they take a few hundred milliseconds,
// which the first screen must not wait for.
type loadedMsg struct {
	arrears    []storage.Arrear
	names      map[uint64]model.Member
	year       int
	collection []storage.Collection
	err        error
}

// Load computes the arrears list and the collection by unit in a command.
func (p *Page) Load() tea.Cmd {
	store, asOf, least, year := p.c.Store, model.DueThrough(p.c.Today()), p.prof.ArrearsMonths, p.year
	from, to := p.collectionPeriod()
	return func() tea.Msg {
		var msg loadedMsg
		msg.year = year
		msg.arrears, msg.err = store.Arrears(asOf, least)
		if msg.err != nil {
			return msg
		}
		ids := make([]uint64, len(msg.arrears))
		for i, a := range msg.arrears {
			ids[i] = a.MemberID
		}
		if msg.names, msg.err = store.MembersByID(ids); msg.err != nil {
			return msg
		}
		msg.collection, msg.err = store.CollectionByUnit(from, to)
		return msg
	}
}

func (p *Page) collectionPeriod() (from, to model.Month) {
	from = model.Month(p.year*100 + 1)
	to = model.Month(p.year*100 + 12)
	if today := p.c.Today().Month(); today < to {
		to = today
	}
	return from, to
}

func (p *Page) setArrears(ar []storage.Arrear, names map[uint64]model.Member) {
	p.arrears = ar
	p.arrearsNames = names
	p.arrearsTable.SetColumns([]widget.Column{
		{Title: p.c.T("col.member_no"), Width: 7},
		{Title: p.c.T("col.name"), Width: 10},
		{Title: p.c.T("col.unit"), Width: 12, Flex: 1},
		{Title: p.c.T("dues.col_run"), Width: 8, AlignRight: true},
		{Title: p.c.T("dues.col_months"), Width: 8, AlignRight: true},
		{Title: p.c.T("dues.col_amount"), Width: 11, AlignRight: true},
	})
	p.arrearsTable.SetRows(len(p.arrears), func(row, col int) string {
		a := p.arrears[row]
		m := p.arrearsNames[a.MemberID]
		switch col {
		case 0:
			return m.No
		case 1:
			return m.Name
		case 2:
			return p.unitBy[m.UnitID]
		case 3:
			return fmt.Sprint(a.Consecutive)
		case 4:
			return fmt.Sprint(len(a.Months))
		case 5:
			if a.Amount == 0 && m.BaseFor(model.DueThrough(p.c.Today())) == 0 {
				return "-" // no wage base: the amount is unknown, not zero
			}
			return a.Amount.Display()
		}
		return ""
	})
}

func (p *Page) loadCollection() {
	col, err := p.c.Store.CollectionByUnit(p.collectionPeriod())
	if err != nil {
		p.err = err
		return
	}
	p.setCollection(col)
}

func (p *Page) setCollection(col []storage.Collection) {
	slices.SortFunc(col, func(a, b storage.Collection) int { return strings.Compare(p.unitBy[a.UnitID], p.unitBy[b.UnitID]) })
	p.collection = col
	p.unitTable.SetColumns([]widget.Column{
		{Title: p.c.T("col.unit"), Width: 14, Flex: 1},
		{Title: p.c.T("dues.col_due"), Width: 12, AlignRight: true},
		{Title: p.c.T("dues.col_paid"), Width: 12, AlignRight: true},
		{Title: p.c.T("dues.col_rate"), Width: 8, AlignRight: true},
		{Title: p.c.T("dues.col_people"), Width: 11, AlignRight: true},
	})
	p.unitTable.SetRows(len(col), func(row, c int) string {
		x := col[row]
		switch c {
		case 0:
			return p.unitBy[x.UnitID]
		case 1:
			return x.Due.Display()
		case 2:
			return x.Paid.Display()
		case 3:
			return rate(x.Paid, x.Due)
		case 4:
			return fmt.Sprintf("%d/%d", x.PaidMembers, x.DueMembers)
		}
		return ""
	})
}

func rate(paid, due model.Money) string {
	if due <= 0 {
		return "-"
	}
	bp := int64(paid) * 10000 / int64(due)
	return fmt.Sprintf("%d.%02d%%", bp/100, bp%100)
}

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.arrearsTable.SetSize(w, max(3, h-2))
	p.unitTable.SetSize(w, max(3, h-3))
	p.payTable.SetSize(w, max(3, h-memberHeaderLines))
	p.batchTable.SetSize(w, max(3, h-3))
	if p.form != nil {
		p.form.SetSize(w, h-4)
	}
	if p.picker != nil {
		p.picker.SetSize(w, h)
	}
}

// Capturing reports that text goes to an input.
func (p *Page) Capturing() bool {
	return p.picker != nil || p.form != nil
}

// Dirty reports unsaved changes in a form or a batch being prepared.
func (p *Page) Dirty() bool {
	return (p.form != nil && p.form.Dirty()) || p.mode == modeBatchPreview
}

// ShowMember opens one member's dues (from the Members tab).
func (p *Page) ShowMember(id uint64) {
	p.back = modeArrears
	p.loadMember(id)
	p.mode = modeMember
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		p.reload()
		return p, p.Load()
	case loadedMsg:
		p.loading = false
		if m.err != nil {
			p.err = m.err
			return p, nil
		}
		p.setArrears(m.arrears, m.names)
		if m.year == p.year {
			p.setCollection(m.collection)
		}
		return p, nil
	}
	if p.picker != nil {
		return p, p.updatePicker(msg)
	}
	switch p.mode {
	case modePayForm, modeWageForm, modeReverseForm, modeBatchForm:
		return p, p.updateForm(msg)
	case modeBatchPreview:
		return p, p.updateBatchPreview(msg)
	case modeMember:
		return p, p.updateMember(msg)
	}
	return p, p.updateList(msg)
}

var (
	keyArrears = key.NewBinding(key.WithKeys("a"))
	keyUnits   = key.NewBinding(key.WithKeys("c"))
	keyPay     = key.NewBinding(key.WithKeys("p"))
	keyBatch   = key.NewBinding(key.WithKeys("b"))
	keyWage    = key.NewBinding(key.WithKeys("w"))
	keyReverse = key.NewBinding(key.WithKeys("r"))
	keyPrev    = key.NewBinding(key.WithKeys("["))
	keyNext    = key.NewBinding(key.WithKeys("]"))
	keyAll     = key.NewBinding(key.WithKeys("a"))
)

func (p *Page) help(b key.Binding, keyName, desc string) key.Binding {
	b.SetHelp(keyName, p.c.T(desc))
	return b
}

func (p *Page) updateList(msg tea.Msg) tea.Cmd {
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		switch {
		case key.Matches(km, keyArrears):
			p.mode = modeArrears
			return nil
		case key.Matches(km, keyUnits):
			p.mode = modeUnits
			return nil
		case key.Matches(km, keyBatch):
			return p.openBatchForm()
		case key.Matches(km, keyPay):
			if p.mode == modeArrears && len(p.arrears) > 0 {
				p.back = modeArrears
				p.loadMember(p.arrears[p.arrearsTable.Cursor()].MemberID)
				return p.openPayForm()
			}
			return p.openMemberPicker()
		case key.Matches(km, p.c.Keys.Search):
			return p.openMemberPicker()
		case key.Matches(km, p.c.Keys.Open):
			if p.mode == modeArrears && len(p.arrears) > 0 {
				p.back = modeArrears
				p.loadMember(p.arrears[p.arrearsTable.Cursor()].MemberID)
				p.mode = modeMember
			} else if p.mode == modeUnits && len(p.collection) > 0 {
				id := p.collection[p.unitTable.Cursor()].UnitID
				return func() tea.Msg { return common.ShowUnitMembersMsg{UnitID: id} }
			}
			return nil
		case p.mode == modeUnits && km.String() == "esc": // back to the arrears
			p.mode = modeArrears
			return nil
		case p.mode == modeUnits && key.Matches(km, keyPrev):
			p.year--
			p.loadCollection()
			return nil
		case p.mode == modeUnits && key.Matches(km, keyNext):
			if p.year < p.c.Today().Year() {
				p.year++
				p.loadCollection()
			}
			return nil
		}
	}
	var cmd tea.Cmd
	if p.mode == modeUnits {
		p.unitTable, cmd = p.unitTable.Update(msg)
	} else {
		p.arrearsTable, cmd = p.arrearsTable.Update(msg)
	}
	return cmd
}

// openMemberPicker lets the user choose any member on the roll by name,
// pinyin initials or number.
func (p *Page) openMemberPicker() tea.Cmd {
	ms, err := p.c.Store.Members()
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	opts := make([]form.Option, 0, len(ms))
	for _, m := range ms {
		if m.Status.InUnion() {
			opts = append(opts, form.Option{Label: m.Name + "  " + m.No + "  " + p.unitBy[m.UnitID], Value: m.ID})
		}
	}
	p.openPicker(pickMember, p.c.T("dues.pick_member"), opts, 0)
	return nil
}

func (p *Page) openPicker(target pickTarget, title string, opts []form.Option, current uint64) {
	p.pickFor = target
	p.picker = picker.New(p.c, title, opts, current)
	p.picker.SetSize(p.width, p.height)
}

func (p *Page) updatePicker(msg tea.Msg) tea.Cmd {
	res, v, cmd := p.picker.Update(msg)
	switch res {
	case picker.Chosen:
		p.picker = nil
		switch p.pickFor {
		case pickMember:
			p.back = p.mode
			p.loadMember(v)
			p.mode = modeMember
		case pickFormField:
			p.form.Picked(v)
		}
	case picker.Cancelled:
		p.picker = nil
	}
	return cmd
}

// View draws the current mode.
func (p *Page) View() string {
	st := p.c.Styles
	if p.picker != nil {
		return p.picker.View()
	}
	if p.err != nil {
		return st.Error.Render(p.c.Err(p.err))
	}
	switch p.mode {
	case modeMember:
		return p.memberView()
	case modePayForm, modeWageForm, modeReverseForm, modeBatchForm:
		return p.formView()
	case modeBatchPreview:
		return p.batchView()
	case modeUnits:
		var total storage.Collection
		for _, c := range p.collection {
			total.Due += c.Due
			total.Paid += c.Paid
		}
		head := st.Title.Render(p.c.T("dues.units_title", p.year)) + "  " +
			st.Muted.Render(p.c.T("dues.units_total", total.Due.Display(), total.Paid.Display(), rate(total.Paid, total.Due)))
		return ansi.Truncate(head, p.width, "~") + "\n" + st.Muted.Render(p.c.T("dues.units_hint")) + "\n" + p.unitTable.View()
	}
	count := p.c.T("dues.arrears_count", len(p.arrears))
	if p.loading {
		count = p.c.T("overview.loading")
	}
	head := st.Title.Render(p.c.T("dues.arrears_title", p.prof.ArrearsMonths)) + "  " + st.Muted.Render(count)
	return ansi.Truncate(head, p.width, "~") + "\n" + p.arrearsTable.View()
}

// Cursor is the caret of the open form or picker.
func (p *Page) Cursor() *tea.Cursor {
	if p.picker != nil {
		return p.picker.Cursor()
	}
	if p.form != nil {
		if c := p.form.Cursor(); c != nil {
			c.Y += formHeaderLines
			return c
		}
	}
	return nil
}

// ShortHelp lists the keys of the current mode.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch {
	case p.picker != nil:
		return []key.Binding{k.Open, k.Back}
	case p.form != nil:
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	case p.mode == modeBatchPreview:
		return []key.Binding{p.help(key.NewBinding(key.WithKeys("space")), "space", "dues.key_tick"),
			p.help(keyAll, "a", "dues.key_tick_all"), k.Save, k.Back}
	case p.mode == modeMember:
		keys := []key.Binding{p.help(keyPay, "p", "dues.key_pay"), p.help(keyWage, "w", "dues.key_wage")}
		if _, ok := p.selectedPayment(); ok { // r reverses the payment under the cursor
			keys = append(keys, p.help(keyReverse, "r", "dues.key_reverse"))
		}
		return append(keys, k.Back)
	case p.mode == modeUnits:
		return []key.Binding{p.help(keyArrears, "a", "dues.key_arrears"), p.help(keyPrev, "[ ]", "dues.key_year"),
			p.help(keyBatch, "b", "dues.key_batch"), k.Open, k.Help}
	}
	return []key.Binding{k.Open, p.help(keyPay, "p", "dues.key_pay"), p.help(keyBatch, "b", "dues.key_batch"),
		p.help(keyUnits, "c", "dues.key_units"), p.help(p.c.Keys.Search, "/", "dues.key_find"), k.Help, k.Quit}
}

// FullHelp lists the keys of the mode shown: only keys that work there.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
	nav := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}
	switch {
	case p.picker != nil || p.form != nil || p.mode == modeBatchPreview:
		return [][]key.Binding{p.ShortHelp()}
	case p.mode == modeMember && len(p.payments) > 1: // the keys move in the payments
		return [][]key.Binding{nav, p.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
	case p.mode == modeMember:
		return [][]key.Binding{p.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
	case p.mode == modeUnits:
		return [][]key.Binding{nav, {k.Open, p.help(keyPrev, "[ ]", "dues.key_year"), p.help(keyBatch, "b", "dues.key_batch"),
			p.help(keyPay, "p", "dues.key_pay"), p.help(p.c.Keys.Search, "/", "dues.key_find")},
			{p.help(keyArrears, "a", "dues.key_arrears"), k.Back, k.Tabs, k.Help, k.Quit}}
	}
	return [][]key.Binding{nav, {k.Open, p.help(keyPay, "p", "dues.key_pay"), p.help(keyBatch, "b", "dues.key_batch"),
		p.help(p.c.Keys.Search, "/", "dues.key_find")},
		{p.help(keyUnits, "c", "dues.key_units"), k.Tabs, k.Help, k.Quit}}
}
