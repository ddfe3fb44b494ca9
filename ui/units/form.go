package units

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// unitForm adds a unit, or edits one: it reads the fields into a unit and
// validates it as the user types.
type unitForm struct {
	c    *common.Common
	b    *book
	f    *form.Form
	edit *model.Unit // the unit edited; nil for a new one
}

// newUnitForm is the form for a new unit (u nil) or for u.
func newUnitForm(c *common.Common, b *book, u *model.Unit) *unitForm {
	kindOpts := make([]form.Option, len(model.UnitKinds))
	for i, k := range model.UnitKinds {
		kindOpts[i] = form.Option{Label: strconv.Itoa(int(k)) + " " + c.T(k.Key()), Value: uint64(k)}
	}
	typeOpts := []form.Option{
		{Label: c.T(model.UnionSingle.Key()), Value: uint64(model.UnionSingle)},
		{Label: c.T(model.UnionJoint.Key()), Value: uint64(model.UnionJoint)},
	}
	statusOpts := []form.Option{
		{Label: c.T(model.UnitActive.Key()), Value: uint64(model.UnitActive)},
		{Label: c.T(model.UnitDissolved.Key()), Value: uint64(model.UnitDissolved)},
	}
	f := form.New(c,
		form.TextField("unit_name", true, c.T("hint.unit_name")),
		form.TextField("credit_code", false, c.T("hint.credit_code")),
		form.ChoiceField("unit_kind", true, kindOpts),
		form.ChoiceField("union_type", true, typeOpts),
		form.TextField("employees", false, "0"),
		form.TextField("women", false, "0"),
		form.TextField("migrant_workers", false, "0"),
		form.TextField("chair", false, ""),
		form.TextField("unit_phone", false, c.T("hint.unit_phone")),
		form.TextField("contract_signed", false, c.T("hint.date")),
		form.TextField("contract_expires", false, c.T("hint.date")),
		form.CheckField("workers_congress"),
		form.CheckField("open_affairs"),
		form.TextField("address", false, ""),
		form.ChoiceField("unit_status", true, statusOpts),
		form.TextField("notes", false, ""),
	)
	uf := &unitForm{c: c, b: b, f: f, edit: u}
	if u != nil {
		uf.fill(u)
	} else {
		f.SetChoice("unit_kind", 170) // enterprise, the most common
	}
	f.MarkClean()
	f.Validate = func(*form.Form) model.Problems {
		_, ps := uf.unit()
		return ps
	}
	f.Revalidate()
	return uf
}

func (uf *unitForm) fill(u *model.Unit) {
	f := uf.f
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
}

// screen shows the form on st; after a save it calls saved with the
// stored unit.
func (uf *unitForm) screen(st *stack.Stack, saved func(model.Unit) tea.Cmd) *form.Screen {
	title := uf.c.T("units.new_title")
	if uf.edit != nil {
		title = uf.c.T("units.edit_title")
	}
	return form.NewScreen(uf.c, st, title, uf.f, func() tea.Cmd { return uf.save(saved) })
}

// unit reads the form into a unit; numbers and dates that do not parse are
// reported as problems of their field, before the model's own rules.
func (uf *unitForm) unit() (model.Unit, model.Problems) {
	f := uf.f
	var u model.Unit
	var ps model.Problems
	if uf.edit != nil {
		u = *uf.edit
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
		d, err := model.ReadDate(v)
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
	for _, q := range u.Validate(uf.c.Today()) {
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return u, ps
}

// save writes the unit and reloads the book, so the detail shown next
// has it.
func (uf *unitForm) save(saved func(model.Unit) tea.Cmd) tea.Cmd {
	u, _ := uf.unit()
	store, op := uf.c.Store, uf.c.OperatorName()
	msgKey := "units.created"
	var err error
	if uf.edit != nil {
		msgKey = "units.updated"
		err = store.UpdateUnit(op, &u)
	} else {
		err = store.CreateUnit(op, &u)
	}
	if err != nil {
		return uf.f.SaveError(err, nil)
	}
	uf.b.reload()
	return tea.Batch(saved(u), common.SetStatus(uf.c.T(msgKey, u.Name), false), common.Changed(model.EntityUnit, u.ID))
}
