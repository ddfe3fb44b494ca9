// Package hardship is the Hardship tab (帮扶): the hardship files by status
// and category with search like the member list, a file's detail (the
// only screen that shows its health, disability and bank fields) with its
// household, reviews and aid history, and the forms to file a household,
// add, edit and remove family members, record and reverse aid (warning of
// the yearly caps as the user types), review, approve, lift out and close
// a file. It also gives the overview and the member detail their
// hardship sections (sections.go).
package hardship

import (
	"fmt"
	"slices"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/picker"
	"unionbook/ui/widget"
)

type mode int

const (
	modeList mode = iota
	modeDetail
	modeFileForm
	modeHouseholdForm
	modeAidForm
	modeReviewForm
	modeApproveForm
	modeLiftForm
	modeCloseForm
	modeReverseForm
)

// listView is which files the list shows.
type listView int

const (
	viewOpen listView = iota // applied and active
	viewApplied
	viewActive
	viewOverdue
	viewLifted
	viewClosed
	viewAll
	numViews
)

var viewKeys = []string{"hardship.view_open", "hardship.view_applied", "hardship.view_active", "hardship.view_overdue",
	"hardship.view_lifted", "hardship.view_closed", "hardship.view_all"}

type pickTarget int

const (
	pickFormField pickTarget = iota + 1
	pickAidMember
)

// row is one file with what the list shows and searches.
type row struct {
	f      model.HardshipFile
	m      model.Member
	unit   string
	key    search.Key
	pc     model.Money
	review model.Date
}

// Page is the Hardship tab.
type Page struct {
	c      *common.Common
	rules  model.HardshipRules
	unitBy map[uint64]string
	rows   []*row
	view   []*row
	byID   map[uint64]*row

	table     widget.Table
	search    widget.SearchBox
	listView  listView
	catFilter model.HardshipCategory

	mode    mode
	current uint64 // file shown in detail
	det     *detail

	form      *form.Form
	formBack  mode   // where the form goes back to
	editing   bool   // the file form edits the current file
	refileOf  uint64 // the file form files again the household of this file
	hhIndex   int    // the household member the household form edits, -1 to add one
	aidMember model.Member
	aidFile   uint64
	// aidEarlier and aidCat are the aid form's household's aid and file
	// category, for the yearly-cap warning as the user types.
	aidEarlier []model.AidRecord
	aidCat     model.HardshipCategory
	reverseOf  model.AidRecord
	picker     *picker.Picker
	pickFor    pickTarget

	width, height int
	err           error
}

// New makes the Hardship tab and loads the files.
func New(c *common.Common) *Page {
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, table: widget.NewTable(nil, st)}
	p.search = widget.NewSearchBox(c.T("hardship.search_hint"), widget.SearchBoxStyles{
		Label: c.Styles.Label, Box: c.Styles.Input, Focus: c.Styles.InputFocus, Prompt: c.Styles.Muted})
	p.table.SetEmptyText(c.T("hardship.empty"))
	p.reload()
	return p
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("hardship.tab") }

func (p *Page) reload() {
	p.err = nil
	rules, err := p.c.Store.HardshipRules()
	if err != nil {
		p.err = err
		return
	}
	p.rules = rules
	units, err := p.c.Store.Units()
	if err != nil {
		p.err = err
		return
	}
	p.unitBy = make(map[uint64]string, len(units))
	for _, u := range units {
		p.unitBy[u.ID] = u.Name
	}
	files, err := p.c.Store.HardshipFiles()
	if err != nil {
		p.err = err
		return
	}
	p.rows = p.rows[:0]
	p.byID = make(map[uint64]*row, len(files))
	for _, f := range files {
		m, err := p.c.Store.Member(f.MemberID)
		if err != nil {
			m = model.Member{ID: f.MemberID, Name: "?"}
		}
		r := &row{f: f, m: m, unit: p.unitBy[m.UnitID], key: search.NewKey(m.Name, m.No, m.Phone, m.IDNumber),
			pc: f.PerCapita(), review: f.LastReviewed()}
		p.rows = append(p.rows, r)
		p.byID[f.ID] = r
	}
	// Newest files first.
	slices.SortFunc(p.rows, func(a, b *row) int { return int(int64(b.f.ID) - int64(a.f.ID)) })
	p.filter()
	if p.current != 0 && p.mode == modeDetail {
		p.openDetail(p.current)
	}
}

// shows reports whether the list view and category filter select r.
func (p *Page) shows(r *row) bool {
	today := p.c.Today()
	ok := false
	switch p.listView {
	case viewOpen:
		ok = r.f.Status.Open()
	case viewApplied:
		ok = r.f.Status == model.HardshipApplied
	case viewActive:
		ok = r.f.Status == model.HardshipActive
	case viewOverdue:
		ok = r.f.ReviewOverdue(today)
	case viewLifted:
		ok = r.f.Status == model.HardshipLifted
	case viewClosed:
		ok = r.f.Status == model.HardshipClosed
	case viewAll:
		ok = true
	}
	return ok && (p.catFilter == 0 || r.f.Category == p.catFilter)
}

func (p *Page) filter() {
	q := search.Compile(p.search.Value())
	p.view = p.view[:0]
	for _, r := range p.rows {
		if p.shows(r) && (q.Empty() || r.key.Match(q)) {
			p.view = append(p.view, r)
		}
	}
	p.refreshTable()
}

func (p *Page) labelWidth(least int, keys ...string) int {
	w := least
	for _, k := range keys {
		w = max(w, ansi.StringWidth(p.c.T(k)))
	}
	return min(w, 14)
}

func (p *Page) refreshTable() {
	cols := []widget.Column{
		{Title: p.c.T("hardship.col_file"), Width: 5, AlignRight: true},
		{Title: p.c.T("col.name"), Width: 8},
		{Title: p.c.T("col.unit"), Width: 10, Flex: 1},
		{Title: p.c.T("hardship.col_category"), Width: p.labelWidth(6, "hardship.cat_deep", "hardship.cat_relative", "hardship.cat_sudden")},
		{Title: p.c.T("hardship.col_status"), Width: p.labelWidth(4, "hardship.st_applied", "hardship.st_active", "hardship.st_lifted", "hardship.st_closed")},
		{Title: p.c.T("hardship.col_per_capita"), Width: 10, AlignRight: true},
	}
	wide := p.width >= 100
	if wide {
		cols = append(cols,
			widget.Column{Title: p.c.T("hardship.col_size"), Width: 4, AlignRight: true},
			widget.Column{Title: p.c.T("hardship.col_reviewed"), Width: 10})
	}
	p.table.SetColumns(cols)
	today := p.c.Today()
	p.table.SetRows(len(p.view), func(i, col int) string {
		r := p.view[i]
		switch col {
		case 0:
			return fmt.Sprint(r.f.ID)
		case 1:
			return r.m.Name
		case 2:
			return r.unit
		case 3:
			return p.c.T(r.f.Category.Key())
		case 4:
			s := p.c.T(r.f.Status.Key())
			if r.f.ReviewOverdue(today) {
				s += "!"
			}
			return s
		case 5:
			return r.pc.Display()
		case 6:
			return fmt.Sprint(r.f.HouseholdSize)
		case 7:
			return r.review.String()
		}
		return ""
	})
}

// listHeaderLines: the filter line and the search line above the table.
const listHeaderLines = 2

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.search.SetWidth(max(10, min(40, w-30)))
	p.table.SetSize(w, max(3, h-listHeaderLines))
	p.refreshTable()
	if p.form != nil {
		p.form.SetSize(w, h-formHeaderLines-1)
	}
	if p.picker != nil {
		p.picker.SetSize(w, h)
	}
}

// Capturing reports that typed text goes to an input.
func (p *Page) Capturing() bool { return p.search.Active() || p.form != nil || p.picker != nil }

// Dirty reports a form with unsaved changes.
func (p *Page) Dirty() bool { return p.form != nil && p.form.Dirty() }

// ShowFile opens a file's detail (from the member detail).
func (p *Page) ShowFile(id uint64) {
	p.reload()
	p.openDetail(id)
}

var (
	keyView      = key.NewBinding(key.WithKeys("s"))
	keyCategory  = key.NewBinding(key.WithKeys("c"))
	keyAid       = key.NewBinding(key.WithKeys("a"))
	keyHousehold = key.NewBinding(key.WithKeys("h"))
	keyReview    = key.NewBinding(key.WithKeys("v"))
	keyApprove   = key.NewBinding(key.WithKeys("p"))
	keyLift      = key.NewBinding(key.WithKeys("l"))
	keyClose     = key.NewBinding(key.WithKeys("x"))
	keyRefile    = key.NewBinding(key.WithKeys("f"))
	keyReverse   = key.NewBinding(key.WithKeys("r"))
	keyPane      = key.NewBinding(key.WithKeys("tab"))
	keyPaneBack  = key.NewBinding(key.WithKeys("shift+tab"))
)

func (p *Page) help(b key.Binding, keyName, desc string) key.Binding {
	b.SetHelp(keyName, p.c.T(desc))
	return b
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		p.reload()
		return p, nil
	}
	if p.picker != nil {
		return p, p.updatePicker(msg)
	}
	if p.form != nil {
		return p, p.updateForm(msg)
	}
	if p.mode == modeDetail {
		return p, p.updateDetail(msg)
	}
	return p, p.updateList(msg)
}

func (p *Page) updateList(msg tea.Msg) tea.Cmd {
	if ev, cmd := p.search.Update(msg); ev != widget.SearchIgnored {
		if ev != widget.SearchHandled {
			p.filter()
		}
		return cmd
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if isKey {
		switch {
		case key.Matches(km, p.c.Keys.Search):
			p.search.Focus()
			return nil
		case key.Matches(km, p.c.Keys.Back):
			if p.search.Value() != "" {
				p.search.SetValue("")
				p.filter()
			}
			return nil
		case key.Matches(km, keyView):
			p.listView = (p.listView + 1) % numViews
			p.filter()
			return nil
		case key.Matches(km, keyCategory):
			p.catFilter = (p.catFilter + 1) % 4
			p.filter()
			return nil
		case key.Matches(km, p.c.Keys.New):
			return p.openFileForm(nil, 0)
		case key.Matches(km, keyAid):
			return p.openMemberPicker()
		case key.Matches(km, p.c.Keys.Open):
			if len(p.view) > 0 {
				p.openDetail(p.view[p.table.Cursor()].f.ID)
			}
			return nil
		}
	}
	if rc, ok := msg.(widget.RowClickedMsg); ok && rc.Again && rc.Row < len(p.view) {
		p.openDetail(p.view[rc.Row].f.ID)
		return nil
	}
	var cmd tea.Cmd
	p.table, cmd = p.table.Update(msg)
	return cmd
}

// openMemberPicker chooses a member to give aid to without a file.
func (p *Page) openMemberPicker() tea.Cmd {
	opts, err := p.memberOptions()
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	p.openPicker(pickAidMember, p.c.T("hardship.pick_aid_member"), opts, 0)
	return nil
}

func (p *Page) openPicker(target pickTarget, title string, opts []form.Option, current uint64) {
	p.pickFor = target
	p.picker = picker.New(p.c, title, opts, current)
	p.picker.SetSize(p.width, p.height)
}

func (p *Page) memberOptions() ([]form.Option, error) {
	ms, err := p.c.Store.Members()
	if err != nil {
		return nil, err
	}
	opts := make([]form.Option, 0, len(ms))
	for _, m := range ms {
		if m.Status.InUnion() {
			opts = append(opts, form.Option{Label: m.Name + "  " + m.No + "  " + p.unitBy[m.UnitID], Value: m.ID})
		}
	}
	return opts, nil
}

func (p *Page) updatePicker(msg tea.Msg) tea.Cmd {
	res, v, cmd := p.picker.Update(msg)
	switch res {
	case picker.Chosen:
		p.picker = nil
		switch p.pickFor {
		case pickFormField:
			p.form.Picked(v)
		case pickAidMember:
			m, err := p.c.Store.Member(v)
			if err != nil {
				return common.SetStatus(p.c.Err(err), true)
			}
			if f, ok, err := p.c.Store.OpenHardshipFile(v); err == nil && ok {
				// A filed member's aid goes on the file.
				p.openDetail(f.ID)
				return p.openAidForm(m, f.ID)
			}
			return p.openAidForm(m, 0)
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
	if p.form != nil {
		return p.formView()
	}
	if p.mode == modeDetail {
		return p.detailView()
	}
	cat := p.c.T("hardship.cat_all")
	if p.catFilter != 0 {
		cat = p.c.T(p.catFilter.Key())
	}
	head := st.Title.Render(p.c.T(viewKeys[p.listView])) + "  " +
		st.Muted.Render(p.c.T("hardship.list_line", cat, len(p.view), len(p.rows)))
	searchLine := p.search.View(p.c.T("hardship.search"), p.c.T("hardship.list_hint"))
	return ansi.Truncate(head, p.width, "~") + "\n" + ansi.Truncate(searchLine, p.width, "~") + "\n" + p.table.View()
}

// Cursor is the caret of the search box, form or picker.
func (p *Page) Cursor() *tea.Cursor {
	if p.picker != nil {
		return p.picker.Cursor()
	}
	if p.form != nil {
		if c := p.form.Cursor(); c != nil {
			c.Y += formHeaderLines
			return c
		}
		return nil
	}
	if p.mode == modeList {
		return p.search.Cursor(p.c.T("hardship.search"), 0, 1, p.width)
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
	case p.search.Active():
		return []key.Binding{k.SearchDone, k.SearchClear}
	case p.mode == modeDetail && p.det != nil && p.det.confirm:
		return []key.Binding{k.Confirm, k.Cancel}
	case p.mode == modeDetail:
		return p.detailKeys()
	}
	return []key.Binding{k.Open, k.New, p.help(keyAid, "a", "hardship.key_aid_member"),
		p.help(keyView, "s", "hardship.key_view"), p.help(keyCategory, "c", "hardship.key_category"),
		p.help(k.Search, "/", "key.search"), k.Help, k.Quit}
}

func (p *Page) detailKeys() []key.Binding {
	k := p.c.Keys
	keys := []key.Binding{p.help(keyPane, "tab", "hardship.key_pane")}
	if r := p.byID[p.current]; r != nil {
		f := r.f
		if f.Status != model.HardshipClosed {
			keys = append(keys, p.help(keyAid, "a", "hardship.key_aid"), p.help(keyReview, "v", "hardship.key_review"))
		}
		if f.Status == model.HardshipApplied {
			keys = append(keys, p.help(keyApprove, "p", "hardship.key_approve"))
		}
		if f.Status == model.HardshipActive {
			keys = append(keys, p.help(keyLift, "l", "hardship.key_lift"))
		}
		if f.Status != model.HardshipClosed {
			if p.householdSelectable() {
				// on the household pane e and d act on the selected member
				keys = append(keys, p.help(k.Edit, "e", "hardship.key_edit_member"), p.help(k.Delete, "d", "hardship.key_remove_member"))
			} else {
				keys = append(keys, p.help(k.Edit, "e", "key.edit"))
			}
			keys = append(keys, p.help(keyHousehold, "h", "hardship.key_household"), p.help(keyClose, "x", "hardship.key_close"))
		} else {
			keys = append(keys, p.help(keyRefile, "f", "hardship.key_refile"))
		}
		if f.Status == model.HardshipLifted {
			keys = append(keys, p.help(keyRefile, "f", "hardship.key_refile"))
		}
		if p.det != nil && p.det.pane == paneAid {
			keys = append(keys, p.help(keyReverse, "r", "hardship.key_reverse"))
		}
	}
	return append(keys, k.Back)
}

// FullHelp lists the keys of the mode shown: only keys that work there.
func (p *Page) FullHelp() [][]key.Binding {
	k := p.c.Keys
	if p.picker != nil || p.form != nil || p.search.Active() || p.mode == modeDetail {
		return [][]key.Binding{p.ShortHelp()}
	}
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Home, k.End},
		{k.Open, k.New, p.help(keyAid, "a", "hardship.key_aid_member"), p.help(keyView, "s", "hardship.key_view"),
			p.help(keyCategory, "c", "hardship.key_category"), p.help(k.Search, "/", "key.search")},
		{k.Tabs, k.Help, k.Quit},
	}
}

// catOrNone is a category's name, or "-" for none.
func (p *Page) catName(c model.HardshipCategory) string {
	if c == 0 {
		return "-"
	}
	return p.c.T(c.Key())
}

func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}
