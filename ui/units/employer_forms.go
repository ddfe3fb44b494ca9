package units

import (
	"strconv"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// employerForm registers an unorganised employer (edit nil) or corrects one.
func employerForm(c *common.Common, st *stack.Stack, edit *model.Employer) *form.Screen {
	f := form.New(c,
		form.TextField("employer_name", true, c.T("employers.hint_name")),
		form.TextField("credit_code", false, c.T("hint.credit_code")),
		form.PickField("unit_kind", false, kindOptions(c)),
		form.TextField("employees", true, "0"),
		form.TextField("women", false, "0"),
		form.TextField("migrant_workers", false, "0"),
		form.TextField("contact", false, ""),
		form.TextField("unit_phone", false, c.T("hint.unit_phone")),
		form.TextField("address", false, ""),
		form.TextField("industry", false, ""),
		form.TextField("registered", true, c.T("hint.date")),
		form.TextField("notes", false, ""),
	)
	if edit != nil {
		f.SetValue("employer_name", edit.Name)
		f.SetValue("credit_code", edit.CreditCode)
		f.SetChoice("unit_kind", uint64(edit.Kind))
		f.SetValue("employees", strconv.Itoa(edit.Employees))
		f.SetValue("women", form.IntText(edit.Women))
		f.SetValue("migrant_workers", form.IntText(edit.Migrant))
		f.SetValue("contact", edit.Contact)
		f.SetValue("unit_phone", edit.Phone)
		f.SetValue("address", edit.Address)
		f.SetValue("industry", edit.Industry)
		f.SetValue("registered", edit.Registered.String())
		f.SetValue("notes", edit.Notes)
	} else {
		f.SetChoice("unit_kind", 170)
		f.SetDefault("registered", c.Today().String())
	}
	f.MarkClean()
	read := func() (model.Employer, model.Problems) {
		r := form.Reader{F: f}
		var e model.Employer
		if edit != nil {
			e = *edit
		}
		e.Name = f.Value("employer_name")
		e.CreditCode = f.Value("credit_code")
		e.Kind = model.UnitKind(r.Choice("unit_kind"))
		e.Employees = r.Int("employees")
		e.Women = r.Int("women")
		e.Migrant = r.Int("migrant_workers")
		e.Contact = f.Value("contact")
		e.Phone = f.Value("unit_phone")
		e.Address = f.Value("address")
		e.Industry = f.Value("industry")
		e.Registered = r.Date("registered")
		e.Notes = f.Value("notes")
		e.Normalize()
		return e, r.Merge(e.Validate(c.Today()))
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	title := c.T("employers.new_title")
	if edit != nil {
		title = c.T("employers.edit_title")
	}
	return form.NewScreen(c, st, title, f, func() tea.Cmd {
		e, _ := read()
		var err error
		if edit != nil {
			err = c.Store.UpdateEmployer(c.OperatorName(), &e)
		} else {
			err = c.Store.CreateEmployer(c.OperatorName(), &e)
		}
		if err != nil {
			return f.SaveError(err, nil)
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("employers.saved", e.Name), false), common.Changed(model.EntityEmployer, e.ID))
	})
}

// visitForm records a follow-up visit to e.
func visitForm(c *common.Common, st *stack.Stack, e model.Employer) *form.Screen {
	f := form.New(c,
		form.TextField("date", true, c.T("hint.date")),
		form.TextField("visit_by", true, ""),
		form.TextField("visit_outcome", true, c.T("employers.hint_outcome")),
		form.TextField("visit_next", false, c.T("hint.date")),
	)
	f.SetDefault("date", c.Today().String())
	f.SetDefault("visit_by", c.OperatorName())
	f.MarkClean()
	read := func() (model.OrganisingVisit, model.Problems) {
		r := form.Reader{F: f}
		v := model.OrganisingVisit{Date: r.Date("date"), By: f.Value("visit_by"), Outcome: f.Value("visit_outcome"), Next: r.Date("visit_next")}
		return v, r.Merge(model.ValidateVisit(&e, &v, c.Today()))
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("employers.visit_title", e.Name), f, func() tea.Cmd {
		v, _ := read()
		if _, err := c.Store.VisitEmployer(c.OperatorName(), e.ID, v); err != nil {
			return f.SaveError(err, nil)
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("employers.visited", e.Name), false), common.Changed(model.EntityEmployer, e.ID))
	})
}

// formedForm records that e formed its union: the unit it becomes, filled
// from the employer (name with 工会, credit code, head counts), with the
// day it was formed and its chair. Saved, the new unit's detail replaces
// the form.
func formedForm(c *common.Common, st *stack.Stack, b *book, k keys, e model.Employer) *form.Screen {
	base := model.UnitFromEmployer(&e, c.Today())
	f := form.New(c,
		form.TextField("unit_name", true, c.T("hint.unit_name")),
		form.TextField("formed_on", true, c.T("hint.date")),
		form.ChoiceField("union_form", true, unionFormOptions(c)),
		form.PickField("unit_kind", false, kindOptions(c)),
		form.TextField("chair", false, ""),
		form.TextField("unit_phone", false, c.T("hint.unit_phone")),
		form.TextField("elected_on", false, c.T("units.hint_elected")),
	)
	f.SetValue("unit_name", base.Name)
	f.SetDefault("formed_on", c.Today().String())
	f.SetChoice("union_form", uint64(model.FormSingle))
	f.SetChoice("unit_kind", uint64(e.Kind))
	f.SetValue("unit_phone", e.Phone)
	f.MarkClean()
	read := func() (model.Unit, model.Problems) {
		r := form.Reader{F: f}
		u := base
		u.Name = f.Value("unit_name")
		u.FormedOn = r.Date("formed_on")
		u.Form = model.UnionForm(r.Choice("union_form"))
		u.UnionType = u.Form.Type()
		u.Kind = model.UnitKind(r.Choice("unit_kind"))
		u.Chair = f.Value("chair")
		u.Phone = f.Value("unit_phone")
		u.ElectedOn = r.Date("elected_on")
		u.Normalize()
		ps := model.ValidateFormed(&e, u.FormedOn, c.Today())
		return u, r.Merge(append(ps, u.Validate(c.Today())...))
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("employers.formed_title", e.Name), f, func() tea.Cmd {
		u, _ := read()
		if _, err := c.Store.EmployerFormed(c.OperatorName(), e.ID, &u); err != nil {
			return f.SaveError(err, nil)
		}
		b.reload()
		return tea.Batch(st.Replace(newDetail(c, st, b, k, u.ID)),
			common.SetStatus(c.T("employers.formed_done", u.Name), false), common.Changed(model.EntityUnit, u.ID))
	}).WithIntro(c.T("employers.formed_intro"))
}

// goneForm closes e: it closed down or moved away.
func goneForm(c *common.Common, st *stack.Stack, e model.Employer) *form.Screen {
	f := form.New(c,
		form.TextField("date", true, c.T("hint.date")),
		form.TextField("reason", true, c.T("employers.hint_gone")),
	)
	f.SetDefault("date", c.Today().String())
	f.MarkClean()
	read := func() (model.Date, model.Problems) {
		r := form.Reader{F: f}
		d := r.Date("date")
		return d, r.Merge(model.ValidateGone(&e, d, f.Value("reason"), c.Today()))
	}
	f.Validate = func(*form.Form) model.Problems { _, ps := read(); return ps }
	f.Revalidate()
	return form.NewScreen(c, st, c.T("employers.gone_title", e.Name), f, func() tea.Cmd {
		d, _ := read()
		if _, err := c.Store.EmployerGone(c.OperatorName(), e.ID, d, f.Value("reason")); err != nil {
			return f.SaveError(err, nil)
		}
		st.Pop()
		return tea.Batch(common.SetStatus(c.T("employers.gone_done", e.Name), false), common.Changed(model.EntityEmployer, e.ID))
	})
}
