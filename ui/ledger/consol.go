package ledger

import (
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/search"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

const (
	fConKind     = "books_consol_kind"
	fConDate     = "books_date"
	fConUnit     = "books_consol_unit"
	fConMembers  = "books_consol_members"
	fConAmount   = "books_consol_amount"
	fConForm     = "books_consol_form"
	fConGoods    = "books_consol_goods"
	fConOccasion = "books_consol_occasion"
	fConMoney    = "books_money"
	fConSupplier = "books_consol_supplier"
)

var consolFields = map[string]string{
	"consol_kind": fConKind, "date": fConDate, "consol_members": fConMembers, "consol_amount": fConAmount,
	"consol_form": fConForm, "consol_goods": fConGoods, "money": fConMoney, "counterparty": fConSupplier,
	"memo": fConOccasion, "account": fConKind,
}

// newConsolForm records a consolation (慰问) given to members: every
// active member of a unit, or the members whose numbers are typed; goods,
// or money for an illness or a bereavement. It is posted to the chart's
// consolation account; a member past the occasion's yearly cap is a
// warning in the status line, the record is written.
func newConsolForm(b *book, st *stack.Stack) *form.Screen {
	c := b.c
	kinds := make([]form.Option, len(model.ConsolKinds))
	for i, k := range model.ConsolKinds {
		kinds[i] = form.Option{Label: c.T(k.Key()), Value: uint64(k)}
	}
	units, _ := c.Store.Units()
	search.SortUnits(units)
	unitOpts := []form.Option{{Label: c.T("books_ui.consol_no_unit"), Value: 0}}
	for _, u := range units {
		unitOpts = append(unitOpts, form.Option{Label: u.Name, Value: u.ID})
	}
	f := form.New(c,
		form.ChoiceField(fConKind, true, kinds),
		form.TextField(fConDate, true, c.T("hint.date")),
		form.PickField(fConUnit, false, unitOpts),
		form.TextField(fConMembers, false, c.T("books_ui.hint_members")),
		form.TextField(fConAmount, true, c.T("cashbook.hint_amount")),
		form.ChoiceField(fConForm, true, []form.Option{
			{Label: c.T("consol.form_goods"), Value: uint64(model.ConsolGoods)},
			{Label: c.T("consol.form_cash"), Value: uint64(model.ConsolCash)},
		}),
		form.TextField(fConGoods, false, c.T("books_ui.hint_goods")),
		form.TextField(fConOccasion, false, c.T("books_ui.hint_occasion")),
		form.ChoiceField(fConMoney, true, b.moneyOptions()),
		form.TextField(fConSupplier, false, c.T("cashbook.hint_counterparty")),
	)
	f.SetChoice(fConKind, uint64(model.ConsolFestival))
	f.SetDefault(fConDate, c.Today().String())
	f.SetChoice(fConUnit, 0)
	f.SetChoice(fConForm, uint64(model.ConsolGoods))
	f.SetChoice(fConMoney, uint64(b.defaultMoney()))
	f.MarkClean()
	read := func(f *form.Form) (model.Consolation, model.Problems) {
		var ps model.Problems
		var x model.Consolation
		k, _ := f.Choice(fConKind)
		x.Kind = model.ConsolKind(k)
		x.Date = readDate(c, f, fConDate, &ps)
		x.Members = consolMembers(c, f, &ps)
		x.PerMember = readAmount(f, fConAmount, true, &ps)
		fm, _ := f.Choice(fConForm)
		x.Form = model.ConsolForm(fm)
		x.Goods, x.Occasion = model.Clean(f.Value(fConGoods)), model.Clean(f.Value(fConOccasion))
		m, _ := f.Choice(fConMoney)
		x.Money = model.MoneyAccount(m)
		x.Counterparty = model.Clean(f.Value(fConSupplier))
		for _, p := range model.ValidateConsolation(&model.Consolation{Kind: x.Kind, Date: x.Date, Members: []uint64{1},
			PerMember: 1, Form: x.Form, Goods: x.Goods, Money: x.Money}, c.Today()) {
			if to, ok := consolFields[p.Field]; ok && (p.Field == "consol_goods" || p.Field == "consol_form") {
				p.Field = to
				ps = append(ps, p)
			}
		}
		return x, ps
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := read(f); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("books_ui.consol_title"), f, func() tea.Cmd {
		x, _ := read(f)
		warn, err := c.Store.AddConsolation(c.OperatorName(), &x)
		if err != nil {
			return f.SaveError(err, consolFields)
		}
		st.Pop()
		money, _ := c.Store.MoneyWarning(x.Money, x.Date) // saved; a warning that cannot be read is left out
		status := b.postedStatus(c.T("books.consolation_added", c.T(x.Kind.Key()), len(x.Members), x.Total().Display(), x.Account), warn, money)
		return tea.Batch(status, common.Changed(model.EntityConsolation, x.ID))
	}).WithIntro(c.T("books_ui.consol_intro"))
}

// consolMembers is who the consolation goes to: the typed member numbers,
// else the chosen unit's active members.
func consolMembers(c *common.Common, f *form.Form, ps *model.Problems) []uint64 {
	var ids []uint64
	if v := strings.TrimSpace(f.Value(fConMembers)); v != "" {
		for _, no := range strings.FieldsFunc(v, func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == '、' }) {
			m, ok, err := c.Store.MemberByNo(model.Clean(no))
			if err != nil || !ok {
				*ps = append(*ps, model.Problem{Field: fConMembers, Key: "books.no_member", Args: []any{no}})
				return nil
			}
			ids = append(ids, m.ID)
		}
		return ids
	}
	unit, _ := f.Choice(fConUnit)
	if unit == 0 {
		*ps = append(*ps, model.Problem{Field: fConMembers, Key: "books_ui.consol_who"})
		return nil
	}
	members, err := c.Store.MemberIDsOfUnit(unit)
	if err != nil {
		*ps = append(*ps, model.Problem{Field: fConUnit, Key: "problem.invalid"})
		return nil
	}
	brief, err := c.Store.MembersByID(members)
	if err != nil {
		return nil
	}
	for _, id := range members {
		if m, ok := brief[id]; ok && m.Status == model.StatusActive {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		*ps = append(*ps, model.Problem{Field: fConUnit, Key: "books_ui.consol_unit_empty"})
	}
	return ids
}
