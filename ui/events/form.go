package events

import (
	"os"
	"slices"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// Form field keys; their labels are "field.<key>", and the store names
// its problems by the same keys.
const (
	fTitle       = "ev_title"
	fType        = "ev_type"
	fStart       = "ev_start"
	fEnd         = "ev_end"
	fPlace       = "ev_place"
	fUnit        = "ev_unit"
	fMembers     = "ev_members"
	fOthers      = "ev_others"
	fCost        = "ev_cost"
	fAccount     = "ev_account"
	fSummary     = "ev_summary"
	fAttachments = "ev_attachments"
	fReason      = "ev_reason"
)

// loadAccounts lists the accounts an event may pay from: the sub-accounts
// of 501 (the union's own too) and 50205 送温暖费.
func (p *Page) loadAccounts() {
	chart, err := p.c.Store.Chart()
	if err != nil {
		p.err = err
		return
	}
	p.accounts = p.accounts[:0]
	for _, a := range chart {
		if model.EventAccountAllowed(a.Code) && model.IsSubAccount(a.Code) {
			p.accounts = append(p.accounts, a)
		}
	}
}

func (p *Page) accountOptions() []form.Option {
	opts := make([]form.Option, len(p.accounts))
	for i, a := range p.accounts {
		opts[i] = form.Option{Label: a.Label(p.english()), Value: uint64(i + 1)}
	}
	return opts
}

func (p *Page) accountValue(code string) uint64 {
	for i, a := range p.accounts {
		if a.Code == code {
			return uint64(i + 1)
		}
	}
	return 0
}

func (p *Page) accountLabel(code string) string {
	for _, a := range p.accounts {
		if a.Code == code {
			return a.Label(p.english())
		}
	}
	chart, err := p.c.Store.Chart()
	if err == nil {
		if a, ok := model.FindAccount(chart, code); ok {
			return a.Label(p.english())
		}
	}
	return code
}

func (p *Page) unitOptions() []form.Option {
	opts := []form.Option{{Label: p.c.T("events.federation"), Value: 0}}
	for _, u := range p.units {
		opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
	}
	return opts
}

// memberNames are the names of members, in order.
func (p *Page) memberNames(ids []uint64) []string {
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if m, ok := p.member(id); ok {
			out = append(out, m.Name)
		} else {
			out = append(out, "#"+strconv.FormatUint(id, 10))
		}
	}
	return out
}

// syncMembersField shows the chosen participants in the form.
func (p *Page) syncMembersField() {
	label := memberSummary(p.c, p.memberNames(p.formMembers), 0)
	p.membersFld.Options = []form.Option{{Label: label, Value: 1}}
	p.form.SetChoice(fMembers, 1)
}

// openForm shows the form for a new event (e nil) or to edit e.
func (p *Page) openForm(e *model.Event) tea.Cmd {
	p.loadAccounts()
	p.loadRoster()
	typeOpts := make([]form.Option, len(model.EventTypes))
	for i, t := range model.EventTypes {
		typeOpts[i] = form.Option{Label: p.c.T(t.Key()), Value: uint64(t)}
	}
	p.membersFld = form.PickField(fMembers, false, nil)
	fields := []*form.Field{
		form.TextField(fTitle, true, p.c.T("events.hint_title")),
		form.ChoiceField(fType, true, typeOpts),
		form.TextField(fStart, true, p.c.T("hint.date")),
		form.TextField(fEnd, false, p.c.T("events.hint_end")),
		form.TextField(fPlace, false, p.c.T("events.hint_place")),
		form.PickField(fUnit, false, p.unitOptions()),
		p.membersFld,
		form.TextField(fOthers, false, p.c.T("events.hint_others")),
		form.TextField(fCost, false, p.c.T("events.hint_cost")),
		form.ChoiceField(fAccount, false, p.accountOptions()),
		form.TextField(fSummary, false, p.c.T("events.hint_summary")),
		form.TextField(fAttachments, false, p.c.T("events.hint_attachments")),
	}
	if e != nil {
		fields = append(fields, form.TextField(fReason, false, p.c.T("events.hint_reason")))
	}
	f := form.New(p.c, fields...)
	p.form = f
	p.editing = nil
	p.formMembers = nil
	if e == nil {
		f.SetValue(fStart, p.c.Today().String())
		f.SetChoice(fType, uint64(model.EventSports))
		f.SetChoice(fUnit, 0)
		f.SetChoice(fAccount, p.accountValue(model.EventSports.DefaultAccount(p.accounts)))
	} else {
		stored := *e
		p.editing = &stored
		p.current = e.ID
		f.SetValue(fTitle, e.Title)
		f.SetChoice(fType, uint64(e.Type))
		f.SetValue(fStart, e.Start.String())
		if e.End != 0 && e.End != e.Start {
			f.SetValue(fEnd, e.End.String())
		}
		f.SetValue(fPlace, e.Place)
		f.SetChoice(fUnit, e.UnitID)
		p.formMembers = slices.Clone(e.Members)
		if e.Others != 0 {
			f.SetValue(fOthers, strconv.Itoa(e.Others))
		}
		if e.Cost != 0 {
			f.SetValue(fCost, e.Cost.String())
		}
		acct := e.Account
		if acct == "" {
			acct = e.Type.DefaultAccount(p.accounts)
		}
		f.SetChoice(fAccount, p.accountValue(acct))
		f.SetValue(fSummary, e.Summary)
		f.SetValue(fAttachments, strings.Join(e.Attachments, "; "))
	}
	p.syncMembersField()
	f.MarkClean()
	f.Validate = p.validateForm
	f.Revalidate()
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeForm
	return nil
}

// splitPaths reads the attachment field: paths separated by ";" or "；".
func splitPaths(s string) []string {
	s = strings.ReplaceAll(s, "；", ";")
	var out []string
	for _, part := range strings.Split(s, ";") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}

// eventFromForm reads the form into an event (the stored one's ledger
// links kept when editing); values that do not parse are problems of
// their field, then the model's rules apply.
func (p *Page) eventFromForm(f *form.Form) (model.Event, model.Problems) {
	var e model.Event
	var ps model.Problems
	if p.editing != nil {
		e = cloneForEdit(p.editing)
	}
	e.Title = f.Value(fTitle)
	t, _ := f.Choice(fType)
	e.Type = model.EventType(t)
	date := func(key string, required bool) model.Date {
		v := strings.TrimSpace(f.Value(key))
		if v == "" {
			if required {
				ps = append(ps, model.Problem{Field: key, Key: "problem.required"})
			}
			return 0
		}
		d, err := model.ParseDate(v)
		if err != nil {
			ps = append(ps, form.ProblemOf(key, err))
			return 0
		}
		return d
	}
	e.Start = date(fStart, true)
	e.End = date(fEnd, false)
	if e.End == 0 {
		e.End = e.Start
	}
	e.Place = f.Value(fPlace)
	e.UnitID, _ = f.Choice(fUnit)
	e.Members = slices.Clone(p.formMembers)
	if v := model.Clean(f.Value(fOthers)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			ps = append(ps, model.Problem{Field: fOthers, Key: "events.not_a_number"})
		} else {
			e.Others = n
		}
	} else {
		e.Others = 0
	}
	e.Cost, e.Account = 0, ""
	if v := strings.TrimSpace(f.Value(fCost)); v != "" {
		neg := strings.HasPrefix(model.Clean(v), "-")
		m, err := model.ParseMoney(strings.TrimPrefix(model.Clean(v), "-"))
		switch {
		case err != nil:
			ps = append(ps, form.ProblemOf(fCost, err))
		case neg && m != 0:
			ps = append(ps, model.Problem{Field: fCost, Key: "problem.negative"})
		default:
			e.Cost = m
		}
	}
	if e.Cost != 0 {
		if v, ok := f.Choice(fAccount); ok && v > 0 && int(v) <= len(p.accounts) {
			e.Account = p.accounts[v-1].Code
		}
	}
	e.Summary = f.Value(fSummary)
	e.Attachments = splitPaths(f.Value(fAttachments))
	parsed := map[string]bool{}
	for _, q := range ps {
		parsed[q.Field] = true
	}
	probe := cloneForEdit(&e)
	probe.Normalize()
	for _, q := range model.ValidateEvent(&probe, p.c.Today()) {
		if parsed[q.Field] {
			continue
		}
		if q.Key == "events.duplicate_member" && len(q.Args) == 1 {
			if id, err := strconv.ParseUint(q.Args[0].(string), 10, 64); err == nil {
				if m, ok := p.member(id); ok {
					q.Args = []any{m.Name + " (" + m.No + ")"}
				}
			}
		}
		if q.Field == fAccount && e.Cost != 0 && e.Account == "" {
			q.Key = "problem.required"
		}
		ps = append(ps, q)
	}
	for _, a := range probe.Attachments {
		if p.editing != nil && slices.Contains(p.editing.Attachments, a) {
			continue
		}
		if _, err := os.Stat(a); err != nil {
			ps = append(ps, model.Problem{Field: fAttachments, Key: "events.attachment_missing", Args: []any{a}})
		}
	}
	if p.editing != nil && p.costChanged(&probe) && model.Clean(f.Value(fReason)) == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "events.reason_required"})
	}
	return e, ps
}

// costChanged reports whether e's cost or cost account differs from the
// event being edited.
func (p *Page) costChanged(e *model.Event) bool {
	if p.editing == nil {
		return false
	}
	old := p.editing
	if e.Cost != old.Cost {
		return true
	}
	return e.Cost != 0 && e.Account != old.Account
}

func cloneForEdit(e *model.Event) model.Event {
	c := *e
	c.Members = slices.Clone(e.Members)
	c.Attachments = slices.Clone(e.Attachments)
	c.LedgerIDs = slices.Clone(e.LedgerIDs)
	return c
}

func (p *Page) validateForm(f *form.Form) model.Problems {
	_, ps := p.eventFromForm(f)
	return ps
}

func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	beforeType, _ := p.form.Choice(fType)
	act, cmd := p.form.Update(msg)
	if t, _ := p.form.Choice(fType); t != beforeType && !p.form.Touched(fAccount) {
		// The type's usual account, unless the secretary chose one.
		p.form.SetChoice(fAccount, p.accountValue(model.EventType(t).DefaultAccount(p.accounts)))
		p.form.Revalidate()
	}
	switch act {
	case form.Cancel:
		p.form = nil
		if p.editing != nil {
			p.editing = nil
			p.openDetail(p.current)
		} else {
			p.mode = modeList
		}
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.OpenPicker:
		switch p.form.Focused() {
		case fUnit:
			cur, _ := p.form.Choice(fUnit)
			p.openPicker(pickFormUnit, p.c.T("field."+fUnit), p.unitOptions(), cur)
		case fMembers:
			p.loadRoster()
			p.chooser = newChooser(p.c, p.roster, p.units, p.formMembers)
			p.chooser.setSize(p.width, p.height)
		}
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		e, _ := p.eventFromForm(p.form)
		var err error
		if p.editing == nil {
			err = p.c.Store.CreateEvent(p.c.Operator, &e)
		} else {
			err = p.c.Store.UpdateEvent(p.c.Operator, &e, p.form.Value(fReason))
		}
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		created := p.editing == nil
		p.form, p.editing = nil, nil
		p.reload()
		p.openDetail(e.ID)
		msg := p.c.T("events.saved", e.Title)
		if created {
			msg = p.c.T("events.created", e.Title, e.PersonTimes())
			if e.Cost > 0 {
				msg = p.c.T("events.created_cost", e.Title, e.PersonTimes(), e.Cost.Display())
			}
		}
		return tea.Batch(common.SetStatus(msg, false), common.Changed(model.EntityEvent, e.ID))
	}
	return cmd
}

func (p *Page) updateChooser(msg tea.Msg) tea.Cmd {
	res, cmd := p.chooser.update(msg)
	switch res {
	case chooseDone:
		p.formMembers = p.chooser.chosen()
		p.chooser = nil
		p.syncMembersField()
		p.form.Picked(1)
		return common.SetStatus(p.c.T("events.members_chosen", len(p.formMembers)), false)
	case chooseCancel:
		p.chooser = nil
	}
	return cmd
}

// openCost shows the form to change the cost of the event in detail: the
// cost entry is reversed and the new cost posted.
func (p *Page) openCost() tea.Cmd {
	e, ok := p.event(p.current)
	if !ok {
		return nil
	}
	p.loadAccounts()
	stored := *e
	p.editing = &stored
	fields := []*form.Field{
		form.TextField(fCost, false, p.c.T("events.hint_new_cost")),
		form.ChoiceField(fAccount, false, p.accountOptions()),
		form.TextField(fReason, true, p.c.T("events.hint_reason")),
	}
	f := form.New(p.c, fields...)
	f.SetValue(fCost, e.Cost.String())
	acct := e.Account
	if acct == "" {
		acct = e.Type.DefaultAccount(p.accounts)
	}
	f.SetChoice(fAccount, p.accountValue(acct))
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems {
		_, ps := p.costFromForm(f)
		return ps
	}
	f.Revalidate()
	f.FocusKey(fCost)
	p.form = f
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeCost
	return nil
}

func (p *Page) costFromForm(f *form.Form) (model.Event, model.Problems) {
	e := cloneForEdit(p.editing)
	var ps model.Problems
	e.Cost, e.Account = 0, ""
	if v := model.Clean(f.Value(fCost)); v != "" {
		m, err := model.ParseMoney(strings.TrimPrefix(v, "-"))
		switch {
		case err != nil:
			ps = append(ps, form.ProblemOf(fCost, err))
		case strings.HasPrefix(v, "-") && m != 0:
			ps = append(ps, model.Problem{Field: fCost, Key: "problem.negative"})
		default:
			e.Cost = m
		}
	}
	if e.Cost != 0 {
		if v, ok := f.Choice(fAccount); ok && v > 0 && int(v) <= len(p.accounts) {
			e.Account = p.accounts[v-1].Code
		} else {
			ps = append(ps, model.Problem{Field: fAccount, Key: "problem.required"})
		}
	}
	if !p.costChanged(&e) {
		ps = append(ps, model.Problem{Field: fCost, Key: "events.cost_unchanged"})
	}
	if model.Clean(f.Value(fReason)) == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "problem.required"})
	}
	return e, ps
}

func (p *Page) updateCost(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	switch act {
	case form.Cancel:
		p.form, p.editing = nil, nil
		p.openDetail(p.current)
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		e, _ := p.costFromForm(p.form)
		old := p.editing.Cost
		if err := p.c.Store.UpdateEvent(p.c.Operator, &e, p.form.Value(fReason)); err != nil {
			return p.form.SaveError(err, nil)
		}
		p.form, p.editing = nil, nil
		p.reload()
		p.openDetail(e.ID)
		return tea.Batch(common.SetStatus(p.c.T("events.cost_changed", old.Display(), e.Cost.Display()), false),
			common.Changed(model.EntityEvent, e.ID))
	}
	return cmd
}

// formView draws the open form under its title.
func (p *Page) formView() string {
	st := p.c.Styles
	title := p.c.T("events.new_title")
	if p.mode == modeCost && p.editing != nil {
		title = p.c.T("events.cost_title", p.editing.Title, p.editing.Cost.Display())
	} else if p.editing != nil {
		title = p.c.T("events.edit_title", p.editing.Title)
	}
	return st.Title.Render(title) + "\n\n" + p.form.View()
}
