package members

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

func (p *Page) genderOptions() []form.Option {
	return []form.Option{
		{Label: p.c.T("gender.male"), Value: uint64(model.Male)},
		{Label: p.c.T("gender.female"), Value: uint64(model.Female)},
	}
}

func listOptions(c *common.Common, values []string) []form.Option {
	opts := []form.Option{{Label: c.T("form.none"), Value: 0}}
	for i, v := range values {
		opts = append(opts, form.Option{Label: v, Value: uint64(i + 1)})
	}
	return opts
}

func choiceOf(values []string, v string) uint64 {
	for i, s := range values {
		if s == v {
			return uint64(i + 1)
		}
	}
	return 0
}

func valueOf(values []string, choice uint64) string {
	if choice == 0 || int(choice) > len(values) {
		return ""
	}
	return values[choice-1]
}

// openForm shows the member form, empty for a new member or filled with m.
func (p *Page) openForm(m *model.Member) tea.Cmd {
	docOpts := make([]form.Option, len(model.DocTypes))
	for i, d := range model.DocTypes {
		docOpts[i] = form.Option{Label: p.c.T(d.Key()), Value: uint64(d)}
	}
	f := form.New(p.c,
		form.TextField("name", true, p.c.T("hint.name")),
		form.ChoiceField("gender", true, p.genderOptions()),
		form.ChoiceField("doc_type", true, docOpts),
		form.TextField("id_number", true, p.c.T("hint.id_number")),
		form.PickField("unit", true, p.unitOptions()),
		form.TextField("join_date", true, p.c.T("hint.date")),
		form.TextField("phone", false, p.c.T("hint.phone")),
		form.PickField("ethnicity", false, listOptions(p.c, model.Ethnicities)),
		form.TextField("job", false, ""),
		form.ChoiceField("education", false, listOptions(p.c, model.Educations)),
		form.ChoiceField("political", false, listOptions(p.c, model.PoliticalStatuses)),
		form.CheckField("migrant"),
		form.TextField("member_no", false, p.c.T("hint.member_no")),
		form.TextField("honours", false, ""),
		form.TextField("notes", false, ""),
	)
	p.editing = m != nil
	if m != nil {
		p.current = m.ID
		f.SetValue("name", m.Name)
		f.SetChoice("gender", uint64(m.Gender))
		f.SetChoice("doc_type", uint64(m.DocType))
		f.SetValue("id_number", m.IDNumber)
		f.SetChoice("unit", m.UnitID)
		f.SetValue("join_date", m.JoinDate.String())
		f.SetValue("phone", m.Phone)
		f.SetChoice("ethnicity", choiceOf(model.Ethnicities, m.Ethnicity))
		f.SetValue("job", m.Job)
		f.SetChoice("education", choiceOf(model.Educations, m.Education))
		f.SetChoice("political", choiceOf(model.PoliticalStatuses, m.Political))
		f.SetChecked("migrant", m.Migrant)
		f.SetValue("member_no", m.No)
		f.SetValue("honours", m.Honours)
		f.SetValue("notes", m.Notes)
	} else {
		f.SetChoice("ethnicity", choiceOf(model.Ethnicities, "汉族"))
		f.ClearChoice("gender")
		if p.r.unitFilter != 0 {
			f.SetChoice("unit", p.r.unitFilter)
		}
		f.SetValue("join_date", p.c.Today().String())
	}
	f.MarkClean()
	f.Validate = p.validateMember
	f.Revalidate()
	p.form = f
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeForm
	return nil
}

// memberFromForm reads the form into a member; values that do not parse
// are reported as problems of their field.
func (p *Page) memberFromForm(f *form.Form) (model.Member, model.Problems) {
	var m model.Member
	var ps model.Problems
	if p.editing {
		if x, ok := p.r.byID[p.current]; ok {
			m = x.m
		}
	}
	m.Name = f.Value("name")
	g, _ := f.Choice("gender")
	m.Gender = model.Gender(g)
	d, _ := f.Choice("doc_type")
	m.DocType = model.DocType(d)
	m.IDNumber = f.Value("id_number")
	m.UnitID, _ = f.Choice("unit")
	m.JoinDate = 0
	if v := f.Value("join_date"); v != "" {
		if jd, err := model.ParseDate(v); err == nil {
			m.JoinDate = jd
		} else {
			ps = append(ps, form.ProblemOf("join_date", err))
		}
	}
	m.Phone = f.Value("phone")
	e, _ := f.Choice("ethnicity")
	m.Ethnicity = valueOf(model.Ethnicities, e)
	m.Job = f.Value("job")
	ed, _ := f.Choice("education")
	m.Education = valueOf(model.Educations, ed)
	pol, _ := f.Choice("political")
	m.Political = valueOf(model.PoliticalStatuses, pol)
	m.Migrant = f.Checked("migrant")
	m.No = f.Value("member_no")
	m.Honours = f.Value("honours")
	m.Notes = f.Value("notes")
	m.Birth = 0 // the form has no birth date: Normalize reads it from the ID
	m.Normalize()
	return m, ps
}

// validateMember runs as the user types: parse problems plus the model's rules.
func (p *Page) validateMember(f *form.Form) model.Problems {
	m, ps := p.memberFromForm(f)
	// fill the gender from a valid resident ID while the user has not chosen one
	if m.DocType == model.DocResidentID && m.Gender == model.GenderUnknown {
		if id, err := model.NormalizeResidentID(m.IDNumber); err == nil {
			f.SetChoice("gender", uint64(model.IDGender(id)))
			m.Gender = model.IDGender(id)
		}
	}
	for _, q := range m.Validate(p.c.Today()) {
		if q.Field == "join_date" && len(ps.For("join_date")) > 0 && q.Key == "problem.required" {
			continue
		}
		ps = append(ps, q)
	}
	return ps
}

func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	switch act {
	case form.Cancel:
		p.form = nil
		if p.editing {
			p.mode = modeDetail
		} else {
			p.mode = modeList
		}
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.OpenPicker:
		title, opts, cur := p.form.PickRequest()
		p.openPicker(pickFormField, title, opts, cur)
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		m, _ := p.memberFromForm(p.form)
		if p.editing {
			if err := p.c.Store.UpdateMember(p.c.Operator, &m); err != nil {
				return p.form.SaveError(err, nil)
			}
			return p.afterSave(m, "members.updated")
		}
		if err := p.c.Store.CreateMember(p.c.Operator, &m); err != nil {
			return p.form.SaveError(err, nil)
		}
		return p.afterSave(m, "members.created")
	}
	return cmd
}

// openStatusForm shows the status-change form for m.
func (p *Page) openStatusForm(m model.Member) tea.Cmd {
	targets := statusTargets(m.Status)
	if len(targets) == 0 {
		return common.SetStatus(p.c.T("members.no_transition", p.c.T(m.Status.Key())), true)
	}
	opts := make([]form.Option, len(targets))
	for i, t := range targets {
		opts[i] = form.Option{Label: p.c.T(t.Key()), Value: uint64(t)}
	}
	f := form.New(p.c,
		form.ChoiceField("status", true, opts),
		form.TextField("change_date", true, p.c.T("hint.date")),
		form.TextField("reason", true, p.c.T("hint.reason")),
		form.TextField("to_union", false, p.c.T("hint.to_union")),
	)
	f.SetValue("change_date", p.c.Today().String())
	f.MarkClean()
	f.Validate = func(f *form.Form) model.Problems {
		c, ps := p.changeFromForm(f)
		x := p.r.byID[p.current]
		mm := x.m
		for _, q := range mm.ValidateChange(c, p.c.Today()) {
			if q.Field == "change_date" && len(ps.For("change_date")) > 0 {
				continue
			}
			ps = append(ps, q)
		}
		return ps
	}
	f.Revalidate()
	p.form = f
	p.form.SetSize(p.width, p.height-2)
	p.mode = modeStatus
	return nil
}

func (p *Page) changeFromForm(f *form.Form) (model.StatusChange, model.Problems) {
	var c model.StatusChange
	var ps model.Problems
	to, _ := f.Choice("status")
	c.To = model.Status(to)
	if v := f.Value("change_date"); v != "" {
		if d, err := model.ParseDate(v); err == nil {
			c.Date = d
		} else {
			ps = append(ps, form.ProblemOf("change_date", err))
		}
	}
	c.Reason = f.Value("reason")
	c.ToUnion = f.Value("to_union")
	return c, ps
}

func (p *Page) updateStatusForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	switch act {
	case form.Cancel:
		p.form = nil
		p.mode = modeDetail
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.Submit:
		if cmd := p.form.SubmitBlocked(); cmd != nil {
			return cmd
		}
		c, _ := p.changeFromForm(p.form)
		m, err := p.c.Store.ChangeStatus(p.c.Operator, p.current, c)
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		return p.afterSave(m, "members.status_changed")
	}
	return cmd
}

// formView draws the open form under its title.
func (p *Page) formView() string {
	st := p.c.Styles
	var title string
	switch {
	case p.mode == modeStatus:
		x := p.r.byID[p.current]
		title = p.c.T("members.status_title", x.m.Name, p.c.T(x.m.Status.Key()))
	case p.editing:
		title = p.c.T("members.edit_title")
	default:
		title = p.c.T("members.new_title")
	}
	return st.Title.Render(title) + "\n\n" + p.form.View()
}
