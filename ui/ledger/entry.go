package ledger

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// Form field keys; their labels are "field.<key>". They carry a prefix of
// their own so the catalogue entries cannot collide with other screens'.
const (
	fDate         = "cashbook_date"
	fDir          = "cashbook_direction"
	fAccount      = "cashbook_account"
	fAmount       = "cashbook_amount"
	fCounterparty = "cashbook_counterparty"
	fMemo         = "cashbook_memo"
	fRevDate      = "cashbook_reverse_date"
	fReason       = "cashbook_reason"
)

// entryFields maps the store's problem fields to the entry form's keys.
var entryFields = map[string]string{
	"date": fDate, "direction": fDir, "account": fAccount, "amount": fAmount,
	"counterparty": fCounterparty, "memo": fMemo,
}

// reverseFields maps the store's problem fields to the reversal form's keys.
var reverseFields = map[string]string{"date": fRevDate, "reason": fReason, "memo": fReason}

// openForm shows the form for a new manual entry, starting from the
// list's direction and account filters.
func (p *Page) openForm() tea.Cmd {
	dir := p.dir
	if dir == 0 {
		dir = model.Out // dues post income by themselves; manual entries are mostly spending
	}
	dirOpts := []form.Option{
		{Label: p.c.T("cashbook.dir_in"), Value: uint64(model.In)},
		{Label: p.c.T("cashbook.dir_out"), Value: uint64(model.Out)},
	}
	p.acctField = form.PickField(fAccount, true, p.accountOptions(dir, false))
	f := form.New(p.c,
		form.TextField(fDate, true, p.c.T("hint.date")),
		form.ChoiceField(fDir, true, dirOpts),
		p.acctField,
		form.TextField(fAmount, true, p.c.T("cashbook.hint_amount")),
		form.TextField(fCounterparty, false, p.c.T("cashbook.hint_counterparty")),
		form.TextField(fMemo, true, p.c.T("cashbook.hint_memo")),
	)
	f.SetValue(fDate, p.c.Today().String())
	f.SetChoice(fDir, uint64(dir))
	if i, ok := p.byCode[p.account]; ok && p.chart[i].Direction == dir {
		f.SetChoice(fAccount, uint64(i+1))
	}
	f.MarkClean()
	f.Validate = p.validateEntry
	f.Revalidate()
	p.formDir = dir
	p.form = f
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeForm
	return nil
}

// entryFromForm reads the form; values that do not parse are problems of
// their field.
func (p *Page) entryFromForm(f *form.Form) (model.LedgerEntry, model.Problems) {
	var e model.LedgerEntry
	var ps model.Problems
	if v := f.Value(fDate); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fDate, Key: "problem.required"})
	} else if d, err := model.ParseDate(v); err != nil {
		ps = append(ps, form.ProblemOf(fDate, err))
	} else {
		e.Date = d
		if d > p.c.Today() {
			ps = append(ps, model.Problem{Field: fDate, Key: "problem.future"})
		}
	}
	d, _ := f.Choice(fDir)
	e.Direction = model.Direction(d)
	if e.Direction != model.In && e.Direction != model.Out {
		ps = append(ps, model.Problem{Field: fDir, Key: "problem.required"})
	}
	if v, ok := f.Choice(fAccount); !ok || v == 0 || int(v) > len(p.chart) {
		ps = append(ps, model.Problem{Field: fAccount, Key: "problem.required"})
	} else {
		a := p.chart[v-1]
		e.Account = a.Code
		if a.Direction != e.Direction {
			ps = append(ps, model.Problem{Field: fAccount, Key: "cashbook.account_direction"})
		}
	}
	if v := f.Value(fAmount); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fAmount, Key: "problem.required"})
	} else if m, err := model.ParseMoney(v); err != nil {
		ps = append(ps, form.ProblemOf(fAmount, err))
	} else if err := m.Positive(); err != nil {
		ps = append(ps, form.ProblemOf(fAmount, err))
	} else {
		e.Amount = m
	}
	e.Counterparty = model.Clean(f.Value(fCounterparty))
	e.Memo = model.Clean(f.Value(fMemo))
	if e.Memo == "" {
		ps = append(ps, model.Problem{Field: fMemo, Key: "problem.required"})
	}
	return e, ps
}

func (p *Page) validateEntry(f *form.Form) model.Problems {
	_, ps := p.entryFromForm(f)
	return ps
}

// syncAccounts offers only the accounts of the chosen direction, keeping
// the chosen account if it still fits.
func (p *Page) syncAccounts() {
	d, _ := p.form.Choice(fDir)
	dir := model.Direction(d)
	if dir == p.formDir {
		return
	}
	p.formDir = dir
	cur, _ := p.form.Choice(fAccount)
	p.acctField.Options = p.accountOptions(dir, false)
	p.form.ClearChoice(fAccount)
	if cur != 0 && int(cur) <= len(p.chart) && p.chart[cur-1].Direction == dir {
		p.form.SetChoice(fAccount, cur)
	}
	p.form.Revalidate()
}

func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	p.syncAccounts()
	switch act {
	case form.Cancel:
		p.form = nil
		p.mode = modeList
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.OpenPicker:
		fl := p.form.FocusedField()
		cur, _ := p.form.Choice(fl.Key)
		p.openPicker(pickFormAccount, p.c.T("field."+fl.Key), p.accountOptions(p.formDir, true), cur)
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		e, _ := p.entryFromForm(p.form)
		e.Operator = p.c.Operator
		if err := p.c.Store.AddLedgerEntry(p.c.Operator, &e); err != nil {
			return p.form.SaveError(err, entryFields)
		}
		p.form = nil
		p.mode = modeList
		// show the month of the new entry, with the entry selected
		if p.month != 0 && p.month != e.Date.Month() {
			p.month = e.Date.Month()
		}
		p.reload()
		if !p.selectID(e.ID) {
			p.table.SetCursor(len(p.view) - 1)
		}
		return tea.Batch(common.SetStatus(p.c.T("cashbook.added", e.VoucherNo, e.Amount.Display()), false),
			common.Changed(model.EntityLedger, e.ID))
	}
	return cmd
}

// startReverse opens the reversal form for entry id, or says why it
// cannot be reversed here.
func (p *Page) startReverse(id uint64) tea.Cmd {
	l, err := p.line(id)
	if err != nil {
		return common.SetStatus(p.c.Err(err), true)
	}
	switch {
	case l.Source.Kind != "":
		return common.SetStatus(p.c.T("cashbook.reverse_at_source", p.sourceName(l.Source), p.sourceTab(l.Source)), true)
	case l.ReversalOf != 0:
		return common.SetStatus(p.c.T("cashbook.reverse_reversal"), true)
	case l.ReversedBy != 0:
		by := itoa(l.ReversedBy)
		if r, err := p.c.Store.LedgerEntry(l.ReversedBy); err == nil {
			by = r.VoucherNo
		}
		return common.SetStatus(p.c.T("cashbook.already_reversed", l.VoucherNo, by), true)
	}
	p.current = id
	f := form.New(p.c,
		form.TextField(fRevDate, true, p.c.T("hint.date")),
		form.TextField(fReason, true, p.c.T("cashbook.hint_reason")),
	)
	f.SetValue(fRevDate, p.c.Today().String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems {
		_, _, ps := p.reversalFromForm(f, l.Date)
		return ps
	}
	f.Revalidate()
	f.FocusKey(fReason)
	p.form = f
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeReverse
	return nil
}

// sourceTab names the tab where an entry's source is reversed.
func (p *Page) sourceTab(s model.Source) string {
	switch s.Kind {
	case "aid":
		return p.c.T("cashbook.tab_hardship")
	case "event":
		return p.c.T("cashbook.tab_events")
	}
	return p.c.T("cashbook.tab_dues")
}

func (p *Page) reversalFromForm(f *form.Form, orig model.Date) (model.Date, string, model.Problems) {
	var ps model.Problems
	var date model.Date
	if v := f.Value(fRevDate); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fRevDate, Key: "problem.required"})
	} else if d, err := model.ParseDate(v); err != nil {
		ps = append(ps, form.ProblemOf(fRevDate, err))
	} else {
		date = d
		switch {
		case d > p.c.Today():
			ps = append(ps, model.Problem{Field: fRevDate, Key: "problem.future"})
		case d < orig:
			ps = append(ps, model.Problem{Field: fRevDate, Key: "cashbook.reverse_before", Args: []any{orig.String()}})
		}
	}
	reason := model.Clean(f.Value(fReason))
	if reason == "" {
		ps = append(ps, model.Problem{Field: fReason, Key: "problem.required"})
	}
	return date, reason, ps
}

func (p *Page) updateReverse(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	switch act {
	case form.Cancel:
		p.form = nil
		p.mode = modeDetail
		p.openDetail(p.current)
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		l, err := p.line(p.current)
		if err != nil {
			return common.SetStatus(p.c.Err(err), true)
		}
		date, reason, _ := p.reversalFromForm(p.form, l.Date)
		r, err := p.c.Store.ReverseLedgerEntry(p.c.Operator, p.current, date, reason)
		if err != nil {
			return p.form.SaveError(err, reverseFields)
		}
		p.form = nil
		p.reload()
		p.openDetail(p.current)
		return tea.Batch(common.SetStatus(p.c.T("cashbook.reversed", l.VoucherNo, r.VoucherNo), false),
			common.Changed(model.EntityLedger, r.ID))
	}
	return cmd
}

// formView draws the open form under its title.
func (p *Page) formView() string {
	st := p.c.Styles
	title := p.c.T("cashbook.new_title")
	if p.mode == modeReverse {
		title = p.c.T("cashbook.reverse_title")
		if l, err := p.line(p.current); err == nil {
			title = p.c.T("cashbook.reverse_title_of", l.VoucherNo, p.dirName(l.Direction), l.Amount.Display())
		}
	}
	return st.Title.Render(title) + "\n\n" + p.form.View()
}
