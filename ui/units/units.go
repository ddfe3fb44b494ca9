// Package units is the Units tab: the grassroots unions with their member
// counts, a unit's details and members, and the form to add or edit one.
package units

import (
	"slices"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/widget"
)

type mode int

const (
	modeList mode = iota
	modeDetail
	modeForm
	modeConfirmDelete
)

type unitRow struct {
	u       model.Unit
	key     search.Key
	sortKey string
}

// Page is the Units tab.
type Page struct {
	c      *common.Common
	all    []*unitRow
	view   []*unitRow
	counts map[uint64]int

	table  widget.Table
	search widget.SearchBox

	mode    mode
	current uint64
	form    *form.Form
	editing bool

	members     []model.Member // of the unit shown in detail
	memberTable widget.Table
	width       int
	height      int
	err         error
}

// New loads the units.
func New(c *common.Common) *Page {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, table: widget.NewTable(nil, st), memberTable: widget.NewTable(nil, st)}
	p.search = widget.NewSearchBox(c.T("units.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	p.table.SetEmptyText(c.T("units.empty"))
	p.memberTable.SetEmptyText(c.T("units.no_members"))
	p.reload()
	return p
}

func (p *Page) reload() {
	us, err := p.c.Store.Units()
	if err != nil {
		p.err = err
		return
	}
	counts, err := p.c.Store.UnitMemberCounts()
	if err != nil {
		p.err = err
		return
	}
	p.counts = counts
	p.all = make([]*unitRow, len(us))
	for i, u := range us {
		p.all[i] = &unitRow{u: u, key: search.NewKey(u.Name, "", u.Phone, u.CreditCode), sortKey: search.NameSortKey(u.Name)}
	}
	slices.SortFunc(p.all, func(a, b *unitRow) int { return strings.Compare(a.sortKey, b.sortKey) })
	p.refilter()
}

func (p *Page) refilter() {
	q := search.Compile(p.search.Value())
	p.view = p.view[:0]
	for _, r := range p.all {
		if q.Empty() || r.key.Match(q) {
			p.view = append(p.view, r)
		}
	}
	p.refreshTable()
}

func (p *Page) refreshTable() {
	cols := []widget.Column{
		{Title: p.c.T("col.unit_name"), Width: 16, Flex: 1},
		{Title: p.c.T("col.unit_kind"), Width: 10},
		{Title: p.c.T("col.members"), Width: 6, AlignRight: true},
		{Title: p.c.T("col.employees"), Width: 6, AlignRight: true},
		{Title: p.c.T("col.chair"), Width: 8},
	}
	wide := p.width >= 110
	if wide {
		cols = append(cols,
			widget.Column{Title: p.c.T("col.phone"), Width: 13},
			widget.Column{Title: p.c.T("col.contract"), Width: 10})
	}
	p.table.SetColumns(cols)
	p.table.SetRows(len(p.view), func(row, col int) string {
		u := p.view[row].u
		switch col {
		case 0:
			return u.Name
		case 1:
			return p.c.T(u.Kind.Key())
		case 2:
			return strconv.Itoa(p.counts[u.ID])
		case 3:
			return strconv.Itoa(u.Employees)
		case 4:
			return u.Chair
		case 5:
			return u.Phone
		case 6:
			return u.ContractExpires.String()
		}
		return ""
	})
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("tab.units") }

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.search.SetWidth(max(10, min(30, w-30)))
	p.table.SetSize(w, max(3, h-2))
	p.refreshTable()
	p.memberTable.SetSize(w, max(3, h-detailLines-3))
	if p.form != nil {
		p.form.SetSize(w, h-2)
	}
}

// Capturing reports that typed text goes to an input.
func (p *Page) Capturing() bool { return p.search.Active() || p.mode == modeForm }

// Dirty reports unsaved changes.
func (p *Page) Dirty() bool { return p.mode == modeForm && p.form != nil && p.form.Dirty() }

func (p *Page) selected() (*unitRow, bool) {
	i := p.table.Cursor()
	if i < 0 || i >= len(p.view) {
		return nil, false
	}
	return p.view[i], true
}

func (p *Page) unit(id uint64) (model.Unit, bool) {
	for _, r := range p.all {
		if r.u.ID == id {
			return r.u, true
		}
	}
	return model.Unit{}, false
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		p.reload()
		if p.mode == modeDetail {
			p.loadMembers()
		}
		return p, nil
	}
	switch p.mode {
	case modeForm:
		return p, p.updateForm(msg)
	case modeDetail:
		return p, p.updateDetail(msg)
	case modeConfirmDelete:
		return p, p.updateConfirm(msg)
	}
	return p, p.updateList(msg)
}

func (p *Page) updateList(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if ev, cmd := p.search.Update(msg); ev != widget.SearchIgnored {
		if ev != widget.SearchHandled {
			p.refilter()
			if ev == widget.SearchChanged {
				p.table.SetCursor(0)
			}
		}
		return cmd
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		switch {
		case key.Matches(km, k.Search):
			p.search.Focus()
			return nil
		case key.Matches(km, k.Open):
			if r, ok := p.selected(); ok {
				p.current = r.u.ID
				p.mode = modeDetail
				p.loadMembers()
			}
			return nil
		case key.Matches(km, k.New):
			return p.openForm(nil)
		case key.Matches(km, k.Edit):
			if r, ok := p.selected(); ok {
				u := r.u
				return p.openForm(&u)
			}
			return nil
		case key.Matches(km, k.Members):
			if r, ok := p.selected(); ok {
				id := r.u.ID
				return func() tea.Msg { return common.ShowUnitMembersMsg{UnitID: id} }
			}
			return nil
		}
	}
	var cmd tea.Cmd
	p.table, cmd = p.table.Update(msg)
	return cmd
}

func (p *Page) loadMembers() {
	p.members = p.members[:0]
	ids, err := p.c.Store.MemberIDsOfUnit(p.current)
	if err != nil {
		p.err = err
		return
	}
	for _, id := range ids {
		if m, err := p.c.Store.Member(id); err == nil {
			p.members = append(p.members, m)
		}
	}
	slices.SortFunc(p.members, func(a, b model.Member) int { return strings.Compare(a.No, b.No) })
	p.memberTable.SetColumns([]widget.Column{
		{Title: p.c.T("col.member_no"), Width: 7},
		{Title: p.c.T("col.name"), Width: 10},
		{Title: p.c.T("col.gender"), Width: 4},
		{Title: p.c.T("col.id_number"), Width: 18},
		{Title: p.c.T("col.phone"), Width: 11, Flex: 1},
		{Title: p.c.T("col.status"), Width: 8},
	})
	p.memberTable.SetRows(len(p.members), func(row, col int) string {
		m := p.members[row]
		return [...]string{m.No, m.Name, p.c.T(m.Gender.Key()), model.MaskID(m.IDNumber), m.Phone, p.c.T(m.Status.Key())}[col]
	})
	p.memberTable.SetCursor(0)
}

func (p *Page) updateDetail(msg tea.Msg) tea.Cmd {
	k := p.c.Keys
	if km, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case km.String() == "esc":
			p.mode = modeList
			return nil
		case key.Matches(km, k.Edit):
			if u, ok := p.unit(p.current); ok {
				return p.openForm(&u)
			}
			return nil
		case key.Matches(km, k.Delete):
			p.mode = modeConfirmDelete
			return nil
		case key.Matches(km, k.Members), key.Matches(km, k.Open):
			id := p.current
			return func() tea.Msg { return common.ShowUnitMembersMsg{UnitID: id} }
		}
	}
	var cmd tea.Cmd
	p.memberTable, cmd = p.memberTable.Update(msg)
	return cmd
}

func (p *Page) updateConfirm(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch km.String() {
	case "y", "Y":
		u, _ := p.unit(p.current)
		if err := p.c.Store.DeleteUnit(p.c.Operator, p.current); err != nil {
			p.mode = modeDetail
			return common.SetStatus(p.c.Err(err), true)
		}
		p.mode = modeList
		return tea.Batch(common.SetStatus(p.c.T("units.deleted", u.Name), false), common.Changed(model.EntityUnit, u.ID))
	case "n", "N", "esc":
		p.mode = modeDetail
	}
	return nil
}

// detailLines is the height of the unit's facts above its member list.
const detailLines = 9

func (p *Page) detailView() string {
	st := p.c.Styles
	u, ok := p.unit(p.current)
	if !ok {
		return ""
	}
	yesNo := func(b bool) string {
		if b {
			return p.c.T("form.yes")
		}
		return p.c.T("form.no")
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	lab := func(k string) string {
		l := p.c.T("field." + k)
		return st.Label.Render(l+strings.Repeat(" ", max(0, 16-ansi.StringWidth(l)))) + " "
	}
	contract := dash(u.ContractSigned.String())
	if u.ContractExpires != 0 {
		contract += " ~ " + u.ContractExpires.String()
	}
	pairs := []string{
		lab("credit_code") + dash(u.CreditCode),
		lab("unit_kind") + p.c.T(u.Kind.Key()),
		lab("union_type") + p.c.T(u.UnionType.Key()),
		lab("employees") + p.c.T("units.staff_counts", u.Employees, u.Women, u.MigrantWorkers),
		lab("chair") + dash(u.Chair) + "  " + dash(u.Phone),
		lab("contract_signed") + contract,
		lab("workers_congress") + yesNo(u.WorkersCongress) + "   " + lab("open_affairs") + yesNo(u.OpenAffairs),
		lab("unit_status") + p.c.T(u.Status.Key()),
	}
	var b strings.Builder
	b.WriteString(ansi.Truncate(st.Title.Render(u.Name)+"  "+st.Muted.Render(p.c.T("units.member_count", p.counts[u.ID])), p.width, "~") + "\n")
	for _, l := range pairs {
		b.WriteString(ansi.Truncate(l, p.width, "~") + "\n")
	}
	if p.mode == modeConfirmDelete {
		// one line: the footer repeats the keys (y, n) a narrow screen cuts
		b.WriteString(ansi.Truncate(st.Warning.Render(p.c.T("units.confirm_delete", u.Name)), p.width, "~") + "\n")
	} else {
		b.WriteString(st.Title.Render(p.c.T("units.members_title")) + "\n")
	}
	b.WriteString(p.memberTable.View())
	return b.String()
}

func (p *Page) openForm(u *model.Unit) tea.Cmd {
	kindOpts := make([]form.Option, len(model.UnitKinds))
	for i, k := range model.UnitKinds {
		kindOpts[i] = form.Option{Label: strconv.Itoa(int(k)) + " " + p.c.T(k.Key()), Value: uint64(k)}
	}
	typeOpts := []form.Option{
		{Label: p.c.T(model.UnionSingle.Key()), Value: uint64(model.UnionSingle)},
		{Label: p.c.T(model.UnionJoint.Key()), Value: uint64(model.UnionJoint)},
	}
	statusOpts := []form.Option{
		{Label: p.c.T(model.UnitActive.Key()), Value: uint64(model.UnitActive)},
		{Label: p.c.T(model.UnitDissolved.Key()), Value: uint64(model.UnitDissolved)},
	}
	f := form.New(p.c,
		form.TextField("unit_name", true, p.c.T("hint.unit_name")),
		form.TextField("credit_code", false, p.c.T("hint.credit_code")),
		form.ChoiceField("unit_kind", true, kindOpts),
		form.ChoiceField("union_type", true, typeOpts),
		form.TextField("employees", false, "0"),
		form.TextField("women", false, "0"),
		form.TextField("migrant_workers", false, "0"),
		form.TextField("chair", false, ""),
		form.TextField("unit_phone", false, p.c.T("hint.unit_phone")),
		form.TextField("contract_signed", false, p.c.T("hint.date")),
		form.TextField("contract_expires", false, p.c.T("hint.date")),
		form.CheckField("workers_congress"),
		form.CheckField("open_affairs"),
		form.TextField("address", false, ""),
		form.ChoiceField("unit_status", true, statusOpts),
		form.TextField("notes", false, ""),
	)
	p.editing = u != nil
	if u != nil {
		p.current = u.ID
		f.SetValue("unit_name", u.Name)
		f.SetValue("credit_code", u.CreditCode)
		f.SetChoice("unit_kind", uint64(u.Kind))
		f.SetChoice("union_type", uint64(u.UnionType))
		f.SetValue("employees", strconv.Itoa(u.Employees))
		f.SetValue("women", strconv.Itoa(u.Women))
		f.SetValue("migrant_workers", strconv.Itoa(u.MigrantWorkers))
		f.SetValue("chair", u.Chair)
		f.SetValue("unit_phone", u.Phone)
		f.SetValue("contract_signed", u.ContractSigned.String())
		f.SetValue("contract_expires", u.ContractExpires.String())
		f.SetChecked("workers_congress", u.WorkersCongress)
		f.SetChecked("open_affairs", u.OpenAffairs)
		f.SetValue("address", u.Address)
		f.SetChoice("unit_status", uint64(u.Status))
		f.SetValue("notes", u.Notes)
	} else {
		f.SetChoice("unit_kind", 170)
	}
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems {
		_, ps := p.unitFromForm(f)
		return ps
	}
	f.Revalidate()
	p.form = f
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeForm
	return nil
}

func (p *Page) unitFromForm(f *form.Form) (model.Unit, model.Problems) {
	var u model.Unit
	var ps model.Problems
	if p.editing {
		u, _ = p.unit(p.current)
	}
	num := func(field string) int {
		v := model.Clean(f.Value(field))
		if v == "" {
			return 0
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			ps = append(ps, model.Problem{Field: field, Key: "problem.whole_number"})
		}
		return n
	}
	date := func(field string) model.Date {
		v := f.Value(field)
		if strings.TrimSpace(v) == "" {
			return 0
		}
		d, err := model.ParseDate(v)
		if err != nil {
			ps = append(ps, form.ProblemOf(field, err))
		}
		return d
	}
	u.Name = f.Value("unit_name")
	u.CreditCode = f.Value("credit_code")
	k, _ := f.Choice("unit_kind")
	u.Kind = model.UnitKind(k)
	t, _ := f.Choice("union_type")
	u.UnionType = model.UnionType(t)
	u.Employees = num("employees")
	u.Women = num("women")
	u.MigrantWorkers = num("migrant_workers")
	u.Chair = f.Value("chair")
	u.Phone = f.Value("unit_phone")
	u.ContractSigned = date("contract_signed")
	u.ContractExpires = date("contract_expires")
	u.WorkersCongress = f.Checked("workers_congress")
	u.OpenAffairs = f.Checked("open_affairs")
	u.Address = f.Value("address")
	s, _ := f.Choice("unit_status")
	u.Status = model.UnitStatus(s)
	u.Notes = f.Value("notes")
	u.Normalize()
	for _, q := range u.Validate(p.c.Today()) {
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return u, ps
}

func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	switch act {
	case form.Cancel:
		p.form = nil
		p.mode = modeList
		if p.editing {
			p.mode = modeDetail
		}
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		u, _ := p.unitFromForm(p.form)
		var err error
		msgKey := "units.updated"
		if p.editing {
			err = p.c.Store.UpdateUnit(p.c.Operator, &u)
		} else {
			err = p.c.Store.CreateUnit(p.c.Operator, &u)
			msgKey = "units.created"
		}
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		p.form = nil
		p.current = u.ID
		p.reload()
		p.mode = modeDetail
		p.loadMembers()
		return tea.Batch(common.SetStatus(p.c.T(msgKey, u.Name), false), common.Changed(model.EntityUnit, u.ID))
	}
	return cmd
}

// View draws the current mode.
func (p *Page) View() string {
	st := p.c.Styles
	switch p.mode {
	case modeDetail, modeConfirmDelete:
		return p.detailView()
	case modeForm:
		title := p.c.T("units.new_title")
		if p.editing {
			title = p.c.T("units.edit_title")
		}
		return st.Title.Render(title) + "\n\n" + p.form.View()
	}
	bar := p.search.View(p.c.T("members.search"), p.c.T("units.search_prompt")) + "  " +
		st.Muted.Render(p.c.T("units.count", len(p.view), len(p.all)))
	if p.err != nil {
		bar = st.Error.Render(p.c.Err(p.err))
	}
	return ansi.Truncate(bar, p.width, "~") + "\n" + p.table.View()
}

// Cursor is the real cursor position for the focused input.
func (p *Page) Cursor() *tea.Cursor {
	switch {
	case p.mode == modeForm:
		if c := p.form.Cursor(); c != nil {
			c.Y += 2
			return c
		}
	case p.search.Active():
		return p.search.Cursor(p.c.T("members.search"), 0, 0, p.width)
	}
	return nil
}

// ShortHelp lists the keys of the current mode.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch p.mode {
	case modeForm:
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	case modeDetail:
		return []key.Binding{k.Edit, k.Members, k.Delete, k.Back}
	case modeConfirmDelete:
		return []key.Binding{k.Confirm, k.Cancel}
	}
	if p.search.Active() { // typing: ? and q are text
		return []key.Binding{k.SearchDone, k.SearchClear}
	}
	return []key.Binding{k.Search, k.Open, k.New, k.Edit, k.Members, k.Help, k.Quit}
}

// FullHelp lists the keys of the mode shown: only keys that work there.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
	nav := []key.Binding{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End}
	switch {
	case p.mode == modeDetail: // the keys move in the unit's members
		return [][]key.Binding{nav, p.ShortHelp(), {k.Tabs, k.Help, k.Quit}}
	case p.mode != modeList || p.search.Active():
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{nav, {k.Search, k.Open, k.New, k.Edit, k.Members}, {k.Tabs, k.Help, k.Quit}}
}
