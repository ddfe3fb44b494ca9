package units

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// unitForm adds a unit, or edits one: its identity, form and head counts.
// The organisation sections (committees, congress, agreements, 职工之家,
// staff, election) have their own forms, opened from the detail.
type unitForm struct {
	c    *common.Common
	b    *book
	f    *form.Form
	edit *model.Unit // the unit edited; nil for a new one
}

// kindOptions are the economic types, "not given" first.
func kindOptions(c *common.Common) []form.Option {
	opts := []form.Option{{Label: c.T(model.UnitKind(0).Key()), Value: 0}}
	for _, k := range model.UnitKinds {
		opts = append(opts, form.Option{Label: strconv.Itoa(int(k)) + " " + c.T(k.Key()), Value: uint64(k)})
	}
	return opts
}

// unionFormOptions are the union forms.
func unionFormOptions(c *common.Common) []form.Option {
	opts := make([]form.Option, len(model.UnionForms))
	for i, f := range model.UnionForms {
		opts[i] = form.Option{Label: c.T(f.Key()), Value: uint64(f)}
	}
	return opts
}

// newUnitForm is the form for a new unit (u nil) or for u.
func newUnitForm(c *common.Common, b *book, u *model.Unit) *unitForm {
	statusOpts := []form.Option{
		{Label: c.T(model.UnitActive.Key()), Value: uint64(model.UnitActive)},
		{Label: c.T(model.UnitDissolved.Key()), Value: uint64(model.UnitDissolved)},
	}
	f := form.New(c,
		form.TextField("unit_name", true, c.T("hint.unit_name")),
		form.TextField("credit_code", false, c.T("hint.credit_code")),
		form.ChoiceField("union_form", true, unionFormOptions(c)),
		form.PickField("unit_kind", false, kindOptions(c)),
		form.TextField("employees", false, "0"),
		form.TextField("women", false, "0"),
		form.TextField("migrant_workers", false, "0"),
		form.TextField("covered_employers", false, c.T("units.hint_covered")),
		form.TextField("chair", false, ""),
		form.TextField("unit_phone", false, c.T("hint.unit_phone")),
		form.TextField("address", false, ""),
		form.TextField("union_credit", false, c.T("units.hint_union_credit")),
		form.TextField("stat_code", false, ""),
		form.TextField("region_code", false, c.T("units.hint_region")),
		form.TextField("formed_on", false, c.T("hint.date")),
		form.ChoiceField("unit_status", true, statusOpts),
		form.TextField("dissolved_on", false, c.T("hint.date")),
		form.TextField("notes", false, ""),
	)
	uf := &unitForm{c: c, b: b, f: f, edit: u}
	if u != nil {
		uf.fill(u)
	} else {
		f.SetChoice("unit_kind", 170) // a private firm, the most common
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
	f.SetChoice("union_form", uint64(u.FormOrType()))
	f.SetChoice("unit_kind", uint64(u.Kind))
	f.SetValue("employees", strconv.Itoa(u.Employees))
	f.SetValue("women", strconv.Itoa(u.Women))
	f.SetValue("migrant_workers", strconv.Itoa(u.MigrantWorkers))
	f.SetValue("covered_employers", form.IntText(u.CoveredEmployers))
	f.SetValue("chair", u.Chair)
	f.SetValue("unit_phone", u.Phone)
	f.SetValue("address", u.Address)
	f.SetValue("union_credit", u.UnionCredit)
	f.SetValue("stat_code", u.StatCode)
	f.SetValue("region_code", u.RegionCode)
	f.SetValue("formed_on", form.DateText(u.FormedOn))
	f.SetChoice("unit_status", uint64(u.Status))
	f.SetValue("dissolved_on", form.DateText(u.DissolvedOn))
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
	r := form.Reader{F: f}
	var u model.Unit
	if uf.edit != nil {
		u = *uf.edit
	}
	u.Name = f.Value("unit_name")
	u.CreditCode = f.Value("credit_code")
	u.Form = model.UnionForm(r.Choice("union_form"))
	u.UnionType = u.Form.Type()
	u.Kind = model.UnitKind(r.Choice("unit_kind"))
	u.Employees = r.Int("employees")
	u.Women = r.Int("women")
	u.MigrantWorkers = r.Int("migrant_workers")
	u.CoveredEmployers = r.Int("covered_employers")
	u.Chair = f.Value("chair")
	u.Phone = f.Value("unit_phone")
	u.Address = f.Value("address")
	u.UnionCredit = f.Value("union_credit")
	u.StatCode = f.Value("stat_code")
	u.RegionCode = f.Value("region_code")
	u.FormedOn = r.Date("formed_on")
	u.Status = model.UnitStatus(r.Choice("unit_status"))
	u.DissolvedOn = r.Date("dissolved_on")
	u.Notes = f.Value("notes")
	u.Normalize()
	return u, r.Merge(u.Validate(uf.c.Today()))
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
