package ledger

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
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
	fMoney        = "cashbook_money"
	fRevDate      = "cashbook_reverse_date"
	fReason       = "cashbook_reason"
)

// entryFields maps the store's problem fields to the entry form's keys.
var entryFields = map[string]string{
	"date": fDate, "direction": fDir, "account": fAccount, "amount": fAmount,
	"counterparty": fCounterparty, "memo": fMemo, "money": fMoney,
}

// entryForm records a manual entry. The account field offers only the
// accounts of the chosen direction, after every key; its picker shows the
// accounts indented under their parents. esc is the stack's: it asks
// first when something was typed.
type entryForm struct {
	*form.Screen
	*book
	st    *stack.Stack
	form  *form.Form
	acct  *form.Field
	dir   model.Direction // the direction the account options are for
	added func(model.LedgerEntry)
}

// newEntryForm starts from the list's direction and account filters;
// added is told of the entry saved.
func newEntryForm(b *book, st *stack.Stack, dir model.Direction, account string, added func(model.LedgerEntry)) *entryForm {
	if dir == 0 {
		dir = model.Out // dues post income by themselves; manual entries are mostly spending
	}
	c := b.c
	e := &entryForm{dir: dir, added: added}
	e.acct = form.PickField(fAccount, true, b.accountOptions(dir, false))
	f := form.New(c,
		form.TextField(fDate, true, c.T("hint.date")),
		form.ChoiceField(fDir, true, []form.Option{
			{Label: c.T("cashbook.dir_in"), Value: uint64(model.In)},
			{Label: c.T("cashbook.dir_out"), Value: uint64(model.Out)},
		}),
		e.acct,
		form.TextField(fAmount, true, c.T("cashbook.hint_amount")),
		form.TextField(fCounterparty, false, c.T("cashbook.hint_counterparty")),
		form.TextField(fMemo, true, c.T("cashbook.hint_memo")),
		form.ChoiceField(fMoney, true, b.moneyOptions()),
	)
	e.book, e.st, e.form = b, st, f
	f.SetDefault(fDate, c.Today().String())
	f.SetChoice(fDir, uint64(dir))
	f.SetChoice(fMoney, uint64(b.defaultMoney()))
	if a, ok := b.accountOf(b.accountValue(account)); ok && a.Direction == dir {
		f.SetChoice(fAccount, b.accountValue(account))
	}
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems { _, ps := e.read(f); return ps }
	f.Revalidate()
	e.Screen = form.NewScreen(c, st, c.T("cashbook.new_title"), f, e.save).WithPickOptions(func(field string) []form.Option {
		if field == fAccount { // indented and searchable in Chinese
			return e.accountOptions(e.dir, true)
		}
		return nil
	})
	return e
}

// read reads the form; values that do not parse are problems of their
// field.
func (e *entryForm) read(f *form.Form) (model.LedgerEntry, model.Problems) {
	var x model.LedgerEntry
	var ps model.Problems
	if v := f.Value(fDate); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fDate, Key: "problem.required"})
	} else if d, err := model.ReadDate(v); err != nil {
		ps = append(ps, form.ProblemOf(fDate, err))
	} else {
		x.Date = d
		if d > e.c.Today() {
			ps = append(ps, model.Problem{Field: fDate, Key: "problem.future"})
		}
	}
	d, _ := f.Choice(fDir)
	x.Direction = model.Direction(d)
	if x.Direction != model.In && x.Direction != model.Out {
		ps = append(ps, model.Problem{Field: fDir, Key: "problem.required"})
	}
	v, _ := f.Choice(fAccount)
	if a, ok := e.accountOf(v); !ok {
		ps = append(ps, model.Problem{Field: fAccount, Key: "problem.required"})
	} else {
		x.Account = a.Code
		if a.Direction != x.Direction {
			ps = append(ps, model.Problem{Field: fAccount, Key: "cashbook.account_direction"})
		} else if (&model.Chart{Accounts: e.chart}).IsHeading(a.Code) {
			ps = append(ps, model.Problem{Field: fAccount, Key: "account.heading", Args: []any{a.Code + " " + e.accountName(a)}})
		}
	}
	if v := f.Value(fAmount); strings.TrimSpace(v) == "" {
		ps = append(ps, model.Problem{Field: fAmount, Key: "problem.required"})
	} else if m, err := model.ParseMoney(v); err != nil {
		ps = append(ps, form.ProblemOf(fAmount, err))
	} else if err := m.Positive(); err != nil {
		ps = append(ps, form.ProblemOf(fAmount, err))
	} else {
		x.Amount = m
	}
	m, _ := f.Choice(fMoney)
	x.Money = model.MoneyAccount(m)
	x.Counterparty = model.Clean(f.Value(fCounterparty))
	x.Memo = model.Clean(f.Value(fMemo))
	if x.Memo == "" {
		ps = append(ps, model.Problem{Field: fMemo, Key: "problem.required"})
	}
	return x, ps
}

// syncAccounts offers only the accounts of the chosen direction, keeping
// the chosen account if it still fits.
func (e *entryForm) syncAccounts() {
	d, _ := e.form.Choice(fDir)
	dir := model.Direction(d)
	if dir == e.dir {
		return
	}
	e.dir = dir
	cur, _ := e.form.Choice(fAccount)
	e.acct.Options = e.accountOptions(dir, false)
	e.form.ClearChoice(fAccount)
	if a, ok := e.accountOf(cur); ok && a.Direction == dir {
		e.form.SetChoice(fAccount, cur)
	}
	e.form.Revalidate()
}

// Update edits the form, then offers the accounts of the direction chosen.
func (e *entryForm) Update(msg tea.Msg) tea.Cmd {
	cmd := e.Screen.Update(msg)
	e.syncAccounts()
	return cmd
}

func (e *entryForm) save() tea.Cmd {
	x, _ := e.read(e.form)
	op := e.c.OperatorName()
	x.Operator = op
	if err := e.c.Store.AddLedgerEntry(op, &x); err != nil {
		return e.form.SaveError(err, entryFields)
	}
	e.st.Pop()
	e.added(x)
	// The entry is saved; a warning that cannot be read is left out.
	budget, _ := e.c.Store.BudgetWarning(x.Date, x.Account)
	money, _ := e.c.Store.MoneyWarning(x.Money, x.Date)
	return tea.Batch(e.postedStatus(e.c.T("cashbook.added", x.VoucherNo, x.Amount.Display()), budget, money),
		common.Changed(model.EntityLedger, x.ID))
}
