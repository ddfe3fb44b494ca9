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
	"unionbook/ui/picker"
	"unionbook/ui/stack"
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

// eventForm records a new event or edits one: a form.Screen whose Update
// adds what events need. The participants are chosen in the chooser
// (enter on their field); the cost's account follows the type until the
// user chooses one; a changed cost of an existing event needs a reason, as
// it is reversed and posted again.
type eventForm struct {
	*form.Screen
	c        *common.Common
	st       *stack.Stack
	form     *form.Form
	done     func(id uint64) tea.Cmd // the opener's next step once saved
	k        *keys
	roster   *roster
	units    units
	accounts []model.Account
	editing  *model.Event // the stored event, nil for a new one
	members  []uint64     // the participants chosen
	membersF *form.Field  // their field, labelled with their names
}

// newEventForm opens the form for a new event (e nil) or to edit e.
func newEventForm(c *common.Common, st *stack.Stack, k *keys, r *roster, e *model.Event, done func(uint64) tea.Cmd) *eventForm {
	ef := &eventForm{c: c, st: st, done: done, k: k, roster: r}
	// Without units or accounts the form still opens: the store refuses
	// what it cannot check.
	ef.units, _ = loadUnits(c)
	ef.accounts, _ = eventAccounts(c)
	typeOpts := make([]form.Option, len(model.EventTypes))
	for i, t := range model.EventTypes {
		typeOpts[i] = form.Option{Label: c.T(t.Key()), Value: uint64(t)}
	}
	ef.membersF = form.PickField(fMembers, false, nil)
	fields := []*form.Field{
		form.TextField(fTitle, true, c.T("events.hint_title")),
		form.ChoiceField(fType, true, typeOpts),
		form.TextField(fStart, true, c.T("hint.date")),
		form.TextField(fEnd, false, c.T("events.hint_end")),
		form.TextField(fPlace, false, c.T("events.hint_place")),
		form.PickField(fUnit, false, ef.unitOptions(c)),
		ef.membersF,
		form.TextField(fOthers, false, c.T("events.hint_others")),
		form.TextField(fCost, false, c.T("events.hint_cost")),
		form.ChoiceField(fAccount, false, accountOptions(c, ef.accounts)),
		form.TextField(fSummary, false, c.T("events.hint_summary")),
		form.TextField(fAttachments, false, c.T("events.hint_attachments")),
	}
	if e != nil {
		fields = append(fields, form.TextField(fReason, false, c.T("events.hint_reason")))
	}
	f := form.New(c, fields...)
	ef.form = f
	title := c.T("events.new_title")
	if e != nil {
		title = c.T("events.edit_title", e.Title)
	}
	ef.Screen = form.NewScreen(c, st, title, f, ef.save)
	if e == nil {
		f.SetDefault(fStart, c.Today().String())
		f.SetChoice(fType, uint64(model.EventSports))
		f.SetChoice(fUnit, 0)
		f.SetChoice(fAccount, accountValue(ef.accounts, model.EventSports.DefaultAccount(ef.accounts)))
	} else {
		stored := cloneEvent(e)
		ef.editing = &stored
		f.SetValue(fTitle, e.Title)
		f.SetChoice(fType, uint64(e.Type))
		f.SetValue(fStart, e.Start.String())
		if e.End != 0 && e.End != e.Start {
			f.SetValue(fEnd, e.End.String())
		}
		f.SetValue(fPlace, e.Place)
		f.SetChoice(fUnit, e.UnitID)
		ef.members = slices.Clone(e.Members)
		if e.Others != 0 {
			f.SetValue(fOthers, strconv.Itoa(e.Others))
		}
		if e.Cost != 0 {
			f.SetValue(fCost, e.Cost.String())
		}
		acct := e.Account
		if acct == "" {
			acct = e.Type.DefaultAccount(ef.accounts)
		}
		f.SetChoice(fAccount, accountValue(ef.accounts, acct))
		f.SetValue(fSummary, e.Summary)
		f.SetValue(fAttachments, strings.Join(e.Attachments, "; "))
	}
	ef.showMembers()
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := ef.fromForm(f); return ps }
	f.Revalidate()
	return ef
}

func (ef *eventForm) unitOptions(c *common.Common) []form.Option {
	opts := []form.Option{{Label: c.T("events.federation"), Value: 0}}
	for _, u := range ef.units.list {
		opts = append(opts, form.Option{Label: u.Name, Value: u.ID})
	}
	return opts
}

// showMembers shows the chosen participants in their field.
func (ef *eventForm) showMembers() {
	ef.membersF.Options = []form.Option{{Label: memberSummary(ef.c, ef.roster.names(ef.members), 0), Value: 1}}
	ef.form.SetChoice(fMembers, 1)
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

// fromForm reads the form into an event (the stored one's ledger links
// kept when editing); values that do not parse are problems of their
// field, then the model's rules apply.
func (ef *eventForm) fromForm(f *form.Form) (model.Event, model.Problems) {
	var e model.Event
	var ps model.Problems
	if ef.editing != nil {
		e = cloneEvent(ef.editing)
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
		d, err := model.ReadDate(v)
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
	e.Members = slices.Clone(ef.members)
	e.Others = 0
	if v := model.Clean(f.Value(fOthers)); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			ps = append(ps, model.Problem{Field: fOthers, Key: "events.not_a_number"})
		} else {
			e.Others = n
		}
	}
	var bad *model.Problem
	e.Account = ""
	if e.Cost, bad = parseCost(f, fCost); bad != nil {
		ps = append(ps, *bad)
	}
	if e.Cost != 0 {
		e.Account = accountOf(f, fAccount, ef.accounts)
	}
	e.Summary = f.Value(fSummary)
	e.Attachments = splitPaths(f.Value(fAttachments))
	parsed := map[string]bool{}
	for _, q := range ps {
		parsed[q.Field] = true
	}
	probe := cloneEvent(&e)
	probe.Normalize()
	for _, q := range model.ValidateEvent(&probe, ef.c.Today()) {
		if parsed[q.Field] {
			continue
		}
		if q.Key == "events.duplicate_member" && len(q.Args) == 1 {
			if id, err := strconv.ParseUint(q.Args[0].(string), 10, 64); err == nil {
				if m, ok := ef.roster.member(id); ok {
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
		if ef.editing != nil && slices.Contains(ef.editing.Attachments, a) {
			continue
		}
		if _, err := os.Stat(a); err != nil {
			ps = append(ps, model.Problem{Field: fAttachments, Key: "events.attachment_missing", Args: []any{a}})
		}
	}
	if ef.editing != nil && costChanged(ef.editing, &probe) && model.Clean(f.Value(fReason)) == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "events.reason_required"})
	}
	return e, ps
}

// costChanged reports whether e's cost or cost account differs from old's.
func costChanged(old, e *model.Event) bool {
	if e.Cost != old.Cost {
		return true
	}
	return e.Cost != 0 && e.Account != old.Account
}

func cloneEvent(e *model.Event) model.Event {
	c := *e
	c.Members = slices.Clone(e.Members)
	c.Attachments = slices.Clone(e.Attachments)
	c.LedgerIDs = slices.Clone(e.LedgerIDs)
	return c
}

// Update is the form's, with two additions: the cost's account follows the
// type, and enter on the participants opens the chooser, not a picker.
func (ef *eventForm) Update(msg tea.Msg) tea.Cmd {
	if !isInput(msg) {
		return nil
	}
	beforeType, _ := ef.form.Choice(fType)
	act, cmd := ef.form.Update(msg)
	if t, _ := ef.form.Choice(fType); t != beforeType && !ef.form.Touched(fAccount) {
		// The type's usual account, unless the secretary chose one.
		ef.form.SetChoice(fAccount, accountValue(ef.accounts, model.EventType(t).DefaultAccount(ef.accounts)))
		ef.form.Revalidate()
	}
	switch act {
	case form.OpenPicker:
		if ef.form.Focused() == fUnit {
			return tea.Batch(ef.pick(), cmd) // cmd types into the picker's search what opened it
		}
		return ef.pick()
	case form.Submit:
		if blocked := ef.form.SubmitBlocked(); blocked != nil {
			return blocked
		}
		return ef.save()
	}
	return cmd
}

// pick pushes the picker of the organising unit or the participants'
// chooser.
func (ef *eventForm) pick() tea.Cmd {
	c := ef.c
	switch ef.form.Focused() {
	case fUnit:
		cur, _ := ef.form.Choice(fUnit)
		return ef.st.Push(picker.NewScreen(c, ef.st, c.T("field."+fUnit), ef.unitOptions(c), cur, func(v uint64) tea.Cmd {
			ef.form.Picked(v)
			return nil
		}))
	case fMembers:
		ms, err := ef.roster.all()
		if err != nil {
			return common.SetStatus(c.Err(err), true)
		}
		return ef.st.Push(newChooser(c, ef.st, ef.k, ms, ef.units, ef.members, func(chosen []uint64) tea.Cmd {
			ef.members = chosen
			ef.showMembers()
			ef.form.Picked(1)
			return common.SetStatus(c.T("events.members_chosen", len(chosen)), false)
		}))
	}
	return nil
}

func (ef *eventForm) save() tea.Cmd {
	c := ef.c
	e, _ := ef.fromForm(ef.form)
	var err error
	if ef.editing == nil {
		err = c.Store.CreateEvent(c.OperatorName(), &e)
	} else {
		err = c.Store.UpdateEvent(c.OperatorName(), &e, ef.form.Value(fReason))
	}
	if err != nil {
		return ef.form.SaveError(err, nil)
	}
	msg := c.T("events.saved", e.Title)
	if ef.editing == nil {
		msg = c.T("events.created", e.Title, e.PersonTimes())
		if e.Cost > 0 {
			msg = c.T("events.created_cost", e.Title, e.PersonTimes(), e.Cost.Display())
		}
	}
	return saved(ef.st, ef.done, e.ID, msg)
}
