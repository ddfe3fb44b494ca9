package dues

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// handlingForm sets how a unit's dues are handled (collected by this
// federation, kept on its behalf, or collected by the unit itself) and
// reckoned (on wage bases or a fixed amount a month), from a month on.
type handlingForm struct {
	formFrame
	unit uint64
	cur  model.UnitDuesTerm
}

func choices[T ~uint8](c *common.Common, vals []T, key func(T) string) []form.Option {
	opts := make([]form.Option, len(vals))
	for i, v := range vals {
		opts[i] = form.Option{Label: c.T(key(v)), Value: uint64(v)}
	}
	return opts
}

func newHandlingForm(d *data, st *stack.Stack, unit uint64) *handlingForm {
	c := d.c
	ud, err := c.Store.UnitDuesOf(unit)
	h := &handlingForm{unit: unit}
	if err == nil {
		h.cur = ud.TermFor(c.Today().Month())
	}
	f := form.New(c,
		form.TextField("dues_from", true, c.T("hint.month")),
		form.ChoiceField("dues_handling", true, choices(c, model.DuesHandlings, model.DuesHandling.Key)),
		form.ChoiceField("dues_scheme", true, choices(c, model.DuesSchemes, model.DuesScheme.Key)),
		form.TextField("dues_fixed", false, c.T("hint.fixed_dues")),
		form.TextField("dues_note", false, ""),
	)
	f.SetDefault("dues_from", c.Today().Month().String())
	f.SetChoice("dues_handling", uint64(h.cur.Handling))
	f.SetChoice("dues_scheme", uint64(h.cur.Scheme))
	if h.cur.Scheme == model.SchemeFixed {
		f.SetValue("dues_fixed", h.cur.Fixed.String())
	}
	f.SetValue("dues_note", h.cur.Note)
	h.open(d, st, f, c.T("dues.handling_title", d.unitName(unit)), fixed(termText(c, h.cur)),
		func(f *form.Form) model.Problems { _, ps := h.read(f); return ps }, h.save)
	return h
}

func (h *handlingForm) read(f *form.Form) (model.UnitDuesTerm, model.Problems) {
	var t model.UnitDuesTerm
	var ps model.Problems
	var err error
	if t.From, err = model.ParseMonth(f.Value("dues_from")); err != nil {
		ps = append(ps, form.ProblemOf("dues_from", err))
	}
	hd, _ := f.Choice("dues_handling")
	sc, _ := f.Choice("dues_scheme")
	t.Handling, t.Scheme, t.Note = model.DuesHandling(hd), model.DuesScheme(sc), f.Value("dues_note")
	if t.Scheme == model.SchemeFixed {
		if t.Fixed, err = model.ParseMoney(f.Value("dues_fixed")); err != nil {
			ps = append(ps, form.ProblemOf("dues_fixed", err))
		}
	}
	if len(ps) == 0 {
		ps = t.Validate()
	}
	return t, ps
}

func (h *handlingForm) save() tea.Cmd {
	t, _ := h.read(h.form)
	if _, err := h.c.Store.SetUnitDuesTerm(h.c.OperatorName(), h.unit, t); err != nil {
		return h.form.SaveError(err, nil)
	}
	h.st.Pop()
	return tea.Batch(common.SetStatus(h.c.T("dues.handling_ok", h.unitName(h.unit), h.c.T(t.Handling.Key()), t.From.String()), false),
		common.Changed(model.EntityUnitDues, h.unit))
}

// View adds under the form what each way of handling means.
func (h *handlingForm) View() string {
	return h.Screen.View() + "\n\n" + h.c.Styles.Muted.Render(ansi.Wrap(h.c.T("dues.handling_help"), max(h.width(), 20), ""))
}

// termText says a unit's setting in one line.
func termText(c *common.Common, t model.UnitDuesTerm) string {
	s := c.T("dues.term_pair", c.T(t.Handling.Key()), c.T(t.Scheme.Key()))
	if t.Scheme == model.SchemeFixed {
		s += " " + c.T("dues.fixed_amount", t.Fixed.Display())
	}
	return c.T("dues.term_now", s)
}

// exceptionForm sets a member's exception from a month on: the unit's
// scheme, the wage base, a fixed amount, or an exemption with its reason.
type exceptionForm struct {
	formFrame
	m model.Member
}

func newExceptionForm(d *data, st *stack.Stack, info *storage.MemberDuesInfo) *exceptionForm {
	c := d.c
	cur := info.Calc.Exception(c.Today().Month())
	f := form.New(c,
		form.TextField("dues_from", true, c.T("hint.month")),
		form.ChoiceField("dues_exception", true, choices(c, model.MemberDuesKinds, model.MemberDuesKind.Key)),
		form.TextField("dues_fixed", false, c.T("hint.fixed_dues")),
		form.TextField("dues_reason", false, c.T("hint.exempt_reason")),
	)
	f.SetDefault("dues_from", c.Today().Month().String())
	f.SetChoice("dues_exception", uint64(cur.Kind))
	if cur.Kind == model.MemberFixed {
		f.SetValue("dues_fixed", cur.Fixed.String())
	}
	f.SetValue("dues_reason", cur.Reason)
	e := &exceptionForm{m: info.Member}
	e.open(d, st, f, c.T("dues.exception_title", info.Member.Name, info.Member.No), fixed(c.T("dues.exception_hint")),
		func(f *form.Form) model.Problems { _, ps := e.read(f); return ps }, e.save)
	return e
}

func (e *exceptionForm) read(f *form.Form) (model.MemberDuesTerm, model.Problems) {
	var t model.MemberDuesTerm
	var ps model.Problems
	var err error
	if t.From, err = model.ParseMonth(f.Value("dues_from")); err != nil {
		ps = append(ps, form.ProblemOf("dues_from", err))
	}
	k, _ := f.Choice("dues_exception")
	t.Kind, t.Reason = model.MemberDuesKind(k), f.Value("dues_reason")
	if t.Kind == model.MemberFixed {
		if t.Fixed, err = model.ParseMoney(f.Value("dues_fixed")); err != nil {
			ps = append(ps, form.ProblemOf("dues_fixed", err))
		}
	}
	if len(ps) == 0 {
		ps = t.Validate()
	}
	return t, ps
}

func (e *exceptionForm) save() tea.Cmd {
	t, _ := e.read(e.form)
	if _, err := e.c.Store.SetMemberDuesTerm(e.c.OperatorName(), e.m.ID, t); err != nil {
		return e.form.SaveError(err, nil)
	}
	e.st.Pop()
	return tea.Batch(common.SetStatus(e.c.T("dues.exception_ok", e.m.Name, e.c.T(t.Kind.Key()), t.From.String()), false),
		common.Changed(model.EntityMemberDues, e.m.ID))
}
