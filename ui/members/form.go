package members

import (
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// memberForm adds a member, or edits one: it reads the fields into a
// member and validates it as the user types.
type memberForm struct {
	c    *common.Common
	b    *book
	f    *form.Form
	edit *model.Member // the member edited; nil for a new one
}

// newMemberForm is the form for a new member (m nil) or for m.
func newMemberForm(c *common.Common, b *book, m *model.Member) *memberForm {
	docOpts := make([]form.Option, len(model.DocTypes))
	for i, d := range model.DocTypes {
		docOpts[i] = form.Option{Label: c.T(d.Key()), Value: uint64(d)}
	}
	f := form.New(c,
		form.TextField("name", true, c.T("hint.name")),
		form.ChoiceField("gender", true, []form.Option{
			{Label: c.T("gender.male"), Value: uint64(model.Male)},
			{Label: c.T("gender.female"), Value: uint64(model.Female)},
		}),
		form.ChoiceField("doc_type", true, docOpts),
		form.TextField("id_number", true, c.T("hint.id_number")),
		form.PickField("unit", true, b.unitOptions()).WithEmpty(c.T("members.no_units_yet")),
		form.TextField("join_date", true, c.T("hint.date")),
		form.TextField("phone", false, c.T("hint.phone")),
		form.PickField("ethnicity", false, listOptions(c, model.Ethnicities)),
		form.TextField("job", false, ""),
		form.ChoiceField("education", false, listOptions(c, model.Educations)),
		form.ChoiceField("political", false, listOptions(c, model.PoliticalStatuses)),
		form.ChoiceField("hukou", false, hukouOptions(c)),
		form.CheckField("migrant"),
		form.ChoiceField("employment", false, employmentOptions(c)),
		form.ChoiceField("skill", false, skillOptions(c)),
		form.ChoiceField("title", false, titleOptions(c)),
		form.ChoiceField("join_kind", true, joinOptions(c)),
		form.TextField("from_union", false, c.T("members.hint_from_union")),
		form.TextField("member_no", false, c.T("hint.member_no")),
		form.TextField("card_no", false, ""),
		form.TextField("card_issued", false, c.T("hint.date")),
		form.TextField("card_returned", false, c.T("hint.date")),
		form.TextField("honours", false, ""),
		form.TextField("notes", false, ""),
	)
	mf := &memberForm{c: c, b: b, f: f, edit: m}
	if m != nil {
		mf.fill(m)
	} else {
		f.SetChoice("ethnicity", choiceOf(model.Ethnicities, "汉族"))
		f.ClearChoice("gender")
		if b.r.unitFilter != 0 {
			f.SetChoice("unit", b.r.unitFilter)
		}
		f.SetDefault("join_date", c.Today().String())
	}
	f.MarkClean()
	f.Validate = mf.validate
	f.Revalidate()
	return mf
}

// screen shows the form on st; after a save it calls saved with the
// stored member.
func (mf *memberForm) screen(st *stack.Stack, saved func(model.Member) tea.Cmd) *form.Screen {
	title := mf.c.T("members.new_title")
	if mf.edit != nil {
		title = mf.c.T("members.edit_title")
	}
	return form.NewScreen(mf.c, st, title, mf.f, func() tea.Cmd { return mf.save(saved) })
}

func (mf *memberForm) fill(m *model.Member) {
	f := mf.f
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
	f.SetChoice("hukou", uint64(m.Hukou))
	f.SetChoice("employment", uint64(m.Employment))
	f.SetChoice("skill", uint64(m.Skill))
	f.SetChoice("title", uint64(m.Title))
	f.SetChoice("join_kind", uint64(m.JoinKind))
	f.SetValue("from_union", m.FromUnion)
	f.SetValue("card_no", m.CardNo)
	f.SetValue("card_issued", form.DateText(m.CardIssued))
	f.SetValue("card_returned", form.DateText(m.CardReturned))
	f.SetValue("member_no", m.No)
	f.SetValue("honours", m.Honours)
	f.SetValue("notes", m.Notes)
}

// member reads the form into a member; values that do not parse are
// reported as problems of their field.
func (mf *memberForm) member() (model.Member, model.Problems) {
	f := mf.f
	var m model.Member
	var ps model.Problems
	if mf.edit != nil {
		m = *mf.edit
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
		if jd, err := model.ReadDate(v); err == nil {
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
	r := form.Reader{F: f}
	m.Hukou = model.HukouType(r.Choice("hukou"))
	m.Employment = model.EmploymentStatus(r.Choice("employment"))
	m.Skill = model.SkillLevel(r.Choice("skill"))
	m.Title = model.TitleLevel(r.Choice("title"))
	m.JoinKind = model.JoinKind(r.Choice("join_kind"))
	m.FromUnion = f.Value("from_union")
	m.CardNo = f.Value("card_no")
	m.CardIssued = r.Date("card_issued")
	m.CardReturned = r.Date("card_returned")
	ps = append(ps, r.Ps...)
	m.No = f.Value("member_no")
	m.Honours = f.Value("honours")
	m.Notes = f.Value("notes")
	m.Birth = 0 // the form has no birth date: Normalize reads it from the ID
	m.Normalize()
	return m, ps
}

// validate runs as the user types: parse problems plus the model's rules.
func (mf *memberForm) validate(f *form.Form) model.Problems {
	m, ps := mf.member()
	// fill the gender from a valid resident ID while the user has not
	// chosen one (member() has read it from the ID already: show it)
	if _, chosen := f.Choice("gender"); !chosen && m.DocType == model.DocResidentID {
		if id, err := model.NormalizeResidentID(m.IDNumber); err == nil {
			f.SetChoice("gender", uint64(model.IDGender(id)))
			m.Gender = model.IDGender(id)
		}
	}
	// the migrant-worker flag follows the household registration where it tells
	if mig, known := m.Hukou.Migrant(); known {
		f.SetChecked("migrant", mig)
	}
	for _, q := range m.Validate(mf.c.Today()) {
		if len(ps.For(q.Field)) > 0 { // the parse problem says it first
			continue
		}
		ps = append(ps, q)
	}
	return ps
}

// save writes the member and puts it into the roster.
func (mf *memberForm) save(saved func(model.Member) tea.Cmd) tea.Cmd {
	m, _ := mf.member()
	store, op := mf.c.Store, mf.c.OperatorName()
	msgKey := "members.created"
	var err error
	if mf.edit != nil {
		msgKey = "members.updated"
		err = store.UpdateMember(op, &m)
	} else {
		err = store.CreateMember(op, &m)
	}
	if err != nil {
		return mf.f.SaveError(err, nil)
	}
	mf.b.put(&m)
	return tea.Batch(saved(m), common.SetStatus(mf.c.T(msgKey, m.Name, m.No), false), common.Changed(model.EntityMember, m.ID))
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

// enumOptions are the options of a coded item: "none" (0) first, then
// the values with their catalogue names.
func enumOptions[T ~uint8](c *common.Common, values []T, key func(T) string) []form.Option {
	opts := []form.Option{{Label: c.T("form.none"), Value: 0}}
	for _, v := range values {
		opts = append(opts, form.Option{Label: c.T(key(v)), Value: uint64(v)})
	}
	return opts
}

func hukouOptions(c *common.Common) []form.Option {
	return enumOptions(c, model.HukouTypes, model.HukouType.Key)
}

func employmentOptions(c *common.Common) []form.Option {
	return enumOptions(c, model.EmploymentStatuses, model.EmploymentStatus.Key)
}

func skillOptions(c *common.Common) []form.Option {
	return enumOptions(c, model.SkillLevels, model.SkillLevel.Key)
}

func titleOptions(c *common.Common) []form.Option {
	return enumOptions(c, model.TitleLevels, model.TitleLevel.Key)
}

func joinOptions(c *common.Common) []form.Option {
	return []form.Option{{Label: c.T(model.JoinNew.Key()), Value: uint64(model.JoinNew)},
		{Label: c.T(model.JoinTransfer.Key()), Value: uint64(model.JoinTransfer)}}
}
