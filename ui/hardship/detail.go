package hardship

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

type pane int

const (
	paneSummary pane = iota
	paneHousehold
	paneReviews
	paneAid
	numPanes
)

var paneKeys = []string{"hardship.pane_summary", "hardship.pane_household", "hardship.pane_reviews", "hardship.pane_aid"}

// detailHeaderLines: the title, the pane line and a blank line.
const detailHeaderLines = 3

// fileData is one file as its detail shows it, read from the store.
type fileData struct {
	f        model.HardshipFile
	m        model.Member
	unit     string
	rules    model.HardshipRules
	aid      []model.AidRecord // newest first
	reversed map[uint64]uint64 // aid ID -> the ID of its reversal
	years    []model.AidYear
}

func loadFile(c *common.Common, id uint64) (fileData, error) {
	d := fileData{reversed: map[uint64]uint64{}}
	var err error
	if d.f, err = c.Store.HardshipFile(id); err != nil {
		return d, err
	}
	if d.m, err = c.Store.Member(d.f.MemberID); err != nil {
		return d, err
	}
	if d.rules, err = c.Store.HardshipRules(); err != nil {
		return d, err
	}
	if d.m.UnitID != 0 {
		if u, err := c.Store.Unit(d.m.UnitID); err == nil {
			d.unit = u.Name
		}
	}
	as, err := c.Store.FileAid(id)
	if err != nil {
		return d, err
	}
	for i := len(as) - 1; i >= 0; i-- {
		d.aid = append(d.aid, as[i])
		if as[i].ReversalOf != 0 {
			d.reversed[as[i].ReversalOf] = as[i].ID
		}
	}
	d.years = model.AidTotalsByYear(as)
	return d, nil
}

// detail is one file: its summary (the only screen that shows its health,
// disability and bank fields), household, reviews and aid, one pane at a
// time, and the keys that open the forms acting on it.
type detail struct {
	common.ScreenBase
	c  *common.Common
	st *stack.Stack
	k  *keys
	id uint64
	d  fileData

	pane   pane
	offset int // first line of a text pane
	aidSel int
	hhSel  int // the selected household member
	w, h   int
	err    error
}

func newDetail(c *common.Common, st *stack.Stack, k *keys, id uint64) *detail {
	d := &detail{c: c, st: st, k: k, id: id}
	d.reload()
	return d
}

// reload reads the file again, keeping the pane and the selections.
func (d *detail) reload() {
	d.d, d.err = loadFile(d.c, d.id)
	d.hhSel = min(d.hhSel, max(0, len(d.d.f.Household)-1))
	d.aidSel = min(d.aidSel, max(0, len(d.d.aid)-1))
}

// showPane is a form's next step once saved: the file read again, the
// pane the record went to in front.
func (d *detail) showPane(p pane) func(uint64) tea.Cmd {
	return func(uint64) tea.Cmd {
		d.pane = p
		d.reload()
		return nil
	}
}

func (d *detail) SetSize(w, h int) { d.w, d.h = w, h }

func (d *detail) Update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		d.reload()
	case tea.KeyPressMsg:
		if d.err != nil {
			return nil
		}
		if d.move(msg) {
			return nil
		}
		return d.act(msg)
	}
	return nil
}

// move handles the keys that change what is shown.
func (d *detail) move(km tea.KeyPressMsg) bool {
	k := d.c.Keys
	switch {
	case key.Matches(km, d.k.Pane):
		d.pane, d.offset = (d.pane+1)%numPanes, 0
	case key.Matches(km, d.k.PaneBack):
		d.pane, d.offset = (d.pane+numPanes-1)%numPanes, 0
	case key.Matches(km, k.Up):
		switch {
		case d.pane == paneAid:
			d.aidSel = max(0, d.aidSel-1)
		case d.householdSelectable():
			d.hhSel = max(0, d.hhSel-1)
		default:
			d.offset = max(0, d.offset-1)
		}
	case key.Matches(km, k.Down):
		switch {
		case d.pane == paneAid:
			d.aidSel = min(max(0, len(d.d.aid)-1), d.aidSel+1)
		case d.householdSelectable():
			d.hhSel = min(len(d.d.f.Household)-1, d.hhSel+1)
		default:
			d.offset++
		}
	case key.Matches(km, k.PageDown):
		d.offset += max(1, d.h-4)
	case key.Matches(km, k.PageUp):
		d.offset = max(0, d.offset-max(1, d.h-4))
	default:
		return false
	}
	return true
}

// act handles the keys that open a form or ask a question; each says why
// when the file's status does not allow it.
func (d *detail) act(km tea.KeyPressMsg) tea.Cmd {
	f := &d.d.f
	closed := f.Status == model.HardshipClosed
	refuse := func(k string, args ...any) tea.Cmd { return common.SetStatus(d.c.T(k, args...), true) }
	push := func(s common.Screen) tea.Cmd { return d.st.Push(s) }
	switch {
	case key.Matches(km, d.k.Aid):
		if closed {
			return refuse("aid.file_closed")
		}
		return d.openAid()
	case key.Matches(km, d.k.Review):
		if closed {
			return refuse("hardship.file_closed")
		}
		return push(newReviewForm(d.c, d.st, d.d.m.Name, *f, d.showPane(paneReviews)))
	case key.Matches(km, d.k.Approve):
		if f.Status != model.HardshipApplied {
			return refuse("hardship.approve_not_applied", d.c.T(f.Status.Key()))
		}
		return push(newApproveForm(d.c, d.st, d.d.m.Name, f.ID, d.showPane(d.pane)))
	case key.Matches(km, d.k.Lift):
		if f.Status != model.HardshipActive {
			return refuse("hardship.lift_not_active", d.c.T(f.Status.Key()))
		}
		return push(newLiftForm(d.c, d.st, d.d.m.Name, *f, d.showPane(d.pane)))
	case key.Matches(km, d.k.Close):
		if closed {
			return refuse("hardship.file_closed")
		}
		return push(newCloseForm(d.c, d.st, d.d.m.Name, f.ID, d.showPane(d.pane)))
	case key.Matches(km, d.c.Keys.Edit):
		if closed {
			return refuse("hardship.file_closed")
		}
		if d.pane == paneHousehold && len(f.Household) > 0 {
			return d.openHousehold(d.hhSel)
		}
		ff, err := newFileForm(d.c, d.st, d.d.m.Name, f, false, d.showPane(d.pane))
		return pushOr(d.c, d.st, ff, err)
	case key.Matches(km, d.c.Keys.Delete):
		if d.pane != paneHousehold || len(f.Household) == 0 {
			return nil
		}
		if closed {
			return refuse("hardship.file_closed")
		}
		h := f.Household[d.hhSel]
		return d.st.Ask(d.c.T("hardship.household_confirm_remove", h.Name, h.Relation, f.ID), d.removeMember)
	case key.Matches(km, d.k.Household):
		if closed {
			return refuse("hardship.file_closed")
		}
		return d.openHousehold(-1)
	case key.Matches(km, d.k.Refile):
		if f.Status.Open() {
			return refuse("hardship.already_open", d.d.m.Name, f.ID)
		}
		// the new file in place of this one
		ff, err := newFileForm(d.c, d.st, d.d.m.Name, f, true, func(id uint64) tea.Cmd {
			return d.st.Replace(newDetail(d.c, d.st, d.k, id))
		})
		return pushOr(d.c, d.st, ff, err)
	case key.Matches(km, d.k.Reverse):
		if d.pane != paneAid || len(d.d.aid) == 0 {
			return nil
		}
		a := d.d.aid[min(d.aidSel, len(d.d.aid)-1)]
		switch {
		case a.ReversalOf != 0:
			return refuse("aid.cannot_reverse_reversal")
		case d.d.reversed[a.ID] != 0:
			return refuse("aid.already_reversed", a.Date.String())
		}
		return push(newReverseForm(d.c, d.st, a, d.showPane(paneAid)))
	}
	return nil
}

// openAid pushes the aid form for the file; once saved the aid pane shows.
func (d *detail) openAid() tea.Cmd {
	return d.st.Push(newAidForm(d.c, d.st, d.d.m, d.id, d.showPane(paneAid)))
}

// openHousehold pushes the form that adds a household member (idx < 0) or
// edits member idx; once saved the household pane shows it selected.
func (d *detail) openHousehold(idx int) tea.Cmd {
	return d.st.Push(newHouseholdForm(d.c, d.st, d.d.m.Name, d.d.f, idx, func(uint64) tea.Cmd {
		d.pane = paneHousehold
		d.reload()
		if idx < 0 {
			d.hhSel = max(0, len(d.d.f.Household)-1)
		}
		return nil
	}))
}

// removeMember removes the selected household member, once the user said
// yes; the household size stays.
func (d *detail) removeMember() tea.Cmd {
	if d.hhSel >= len(d.d.f.Household) {
		return nil
	}
	f := d.d.f.Clone()
	h := f.Household[d.hhSel]
	f.Household = append(f.Household[:d.hhSel:d.hhSel], f.Household[d.hhSel+1:]...)
	if err := d.c.Store.UpdateHardshipFile(d.c.OperatorName(), &f); err != nil {
		return common.SetStatus(d.c.Err(err), true)
	}
	d.reload()
	return tea.Batch(common.SetStatus(d.c.T("hardship.household_removed", h.Name, f.HouseholdSize), false),
		common.Changed(model.EntityHardship, f.ID))
}

// householdSelectable reports a household pane whose members can be
// selected to edit or remove: a file not closed with members listed.
func (d *detail) householdSelectable() bool {
	return d.err == nil && d.pane == paneHousehold && d.d.f.Status != model.HardshipClosed && len(d.d.f.Household) > 0
}

func (d *detail) View() string {
	st := d.c.Styles
	if d.err != nil {
		return st.Error.Render(d.c.Err(d.err))
	}
	f := &d.d.f
	title := st.Title.Render(d.c.T("hardship.detail_title", d.d.m.Name, d.d.m.No, f.ID)) + "  " + st.Muted.Render(d.d.unit)
	var panes []string
	for i, k := range paneKeys {
		label := d.c.T(k)
		if pane(i) == paneAid {
			label += fmt.Sprintf(" %d", len(d.d.aid))
		}
		if pane(i) == d.pane {
			panes = append(panes, st.TableSelected.Render(" "+label+" "))
		} else {
			panes = append(panes, st.Muted.Render(" "+label+" "))
		}
	}
	body, sel := d.body()
	room := d.room()
	if sel >= 0 {
		d.offset = max(0, sel-room+1)
	}
	d.offset = min(d.offset, max(0, len(body)-room))
	body = body[d.offset:min(len(body), d.offset+room)]
	out := []string{ansi.Truncate(title, d.w, "~"), ansi.Truncate(strings.Join(panes, " "), d.w, "~"), ""}
	for _, l := range body {
		out = append(out, ansi.Truncate(l, d.w, "~"))
	}
	return strings.Join(out, "\n")
}

// body is the pane's lines; sel is the line of the selected row, -1 for
// none.
func (d *detail) body() (lines []string, sel int) {
	switch d.pane {
	case paneHousehold:
		return d.householdLines()
	case paneReviews:
		return d.reviewLines(), -1
	case paneAid:
		return d.aidLines()
	}
	return d.summaryLines(), -1
}

// scrolls reports a pane with more lines than the screen shows.
func (d *detail) scrolls() bool {
	body, _ := d.body()
	return len(body) > d.room()
}

// room is the number of the pane's lines shown.
func (d *detail) room() int { return max(1, d.h-detailHeaderLines) }

// ShortHelp lists the keys the file's status allows.
func (d *detail) ShortHelp() []key.Binding {
	k := d.c.Keys
	if d.err != nil {
		return []key.Binding{k.Back}
	}
	keys := append([]key.Binding{d.k.Pane}, d.actions()...)
	return append(keys, k.Back)
}

// actions are the keys of what may be done to the file in its status.
func (d *detail) actions() []key.Binding {
	k := d.c.Keys
	f := &d.d.f
	var keys []key.Binding
	if f.Status != model.HardshipClosed {
		keys = append(keys, d.k.Aid, d.k.Review)
	}
	if f.Status == model.HardshipApplied {
		keys = append(keys, d.k.Approve)
	}
	if f.Status == model.HardshipActive {
		keys = append(keys, d.k.Lift)
	}
	if f.Status != model.HardshipClosed {
		if d.householdSelectable() {
			// on the household pane e and d act on the selected member
			keys = append(keys, d.k.EditMember, d.k.RemoveMember)
		} else {
			keys = append(keys, k.Edit)
		}
		keys = append(keys, d.k.Household, d.k.Close)
	} else {
		keys = append(keys, d.k.Refile)
	}
	if f.Status == model.HardshipLifted {
		keys = append(keys, d.k.Refile)
	}
	if d.pane == paneAid {
		keys = append(keys, d.k.Reverse)
	}
	return keys
}

// FullHelp adds the keys that move: the panes, and the selection or the
// lines where there is somewhere to move to.
func (d *detail) FullHelp() [][]key.Binding {
	k := d.c.Keys
	if d.err != nil {
		return [][]key.Binding{d.ShortHelp()}
	}
	moves := []key.Binding{d.k.Pane, d.k.PaneBack}
	switch {
	case d.pane == paneAid:
		if len(d.d.aid) > 1 {
			moves = append(moves, k.Up, k.Down)
		}
	case d.householdSelectable():
		if len(d.d.f.Household) > 1 {
			moves = append(moves, k.Up, k.Down)
		}
	case d.scrolls():
		moves = append(moves, k.Up, k.Down, k.PageUp, k.PageDown)
	}
	return [][]key.Binding{moves, append(d.actions(), k.Back)}
}
