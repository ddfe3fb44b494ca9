package hardship

import (
	"errors"
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
)

// formHeaderLines is the title, the line under it and a blank line.
const formHeaderLines = 3

func (p *Page) showForm(f *form.Form, m mode) tea.Cmd {
	f.MarkClean()
	f.Revalidate()
	if p.form == nil {
		p.formBack = p.mode
	}
	p.form = f
	p.form.SetSize(p.width, p.height-formHeaderLines-1)
	p.mode = m
	return nil
}

// closeForm goes back to the detail (or the list when there is no file).
func (p *Page) closeForm() {
	p.form = nil
	p.mode = p.formBack
}

func opts[T ~uint8](c *common.Common, vals []T, key func(T) string) []form.Option {
	out := make([]form.Option, len(vals))
	for i, v := range vals {
		out[i] = form.Option{Label: c.T(key(v)), Value: uint64(v)}
	}
	return out
}

func (p *Page) causeOptions(withNone bool) []form.Option {
	o := opts(p.c, model.HardshipCauses, model.HardshipCause.Key)
	if withNone {
		o = append([]form.Option{{Label: p.c.T("hardship.cause_none"), Value: 0}}, o...)
	}
	return o
}

func money(m model.Money) string {
	if m == 0 {
		return ""
	}
	return m.String()
}

var otherCauseFields = []string{"hs_cause_2", "hs_cause_3", "hs_cause_4"}

// --- the file form

// openFileForm adds a file (f nil), edits f, or files f's household again
// (refile set: a new file prefilled from the old one).
func (p *Page) openFileForm(f *model.HardshipFile, refile uint64) tea.Cmd {
	p.editing = f != nil && refile == 0
	p.refileOf = refile
	fields := []*form.Field{}
	if !p.editing && refile == 0 {
		mo, err := p.memberOptions()
		if err != nil {
			return common.SetStatus(p.c.Err(err), true)
		}
		fields = append(fields, form.PickField("member", true, mo))
	}
	fields = append(fields,
		form.ChoiceField("hs_category", true, opts(p.c, model.HardshipCategories, model.HardshipCategory.Key)),
		form.PickField("hs_main_cause", true, p.causeOptions(false)),
		form.PickField("hs_cause_2", false, p.causeOptions(true)),
		form.PickField("hs_cause_3", false, p.causeOptions(true)),
		form.PickField("hs_cause_4", false, p.causeOptions(true)),
		form.TextField("hs_size", true, p.c.T("hardship.hint_size")),
		form.TextField("hs_income", true, p.c.T("hardship.hint_income")),
		form.TextField("hs_spending", false, p.c.T("hardship.hint_spending")),
		form.TextField("hs_health", false, ""),
		form.TextField("hs_disability", false, ""),
		form.TextField("hs_employment", false, ""),
		form.TextField("hs_housing", false, p.c.T("hardship.hint_housing")),
		form.TextField("hs_housing_area", false, ""),
		form.ChoiceField("hs_marital", false, opts(p.c, model.Maritals, model.Marital.Key)),
		form.CheckField("hs_single_parent"),
		form.CheckField("hs_zero_employment"),
		form.TextField("hs_insurance", false, p.c.T("hardship.hint_insurance")),
		form.TextField("hs_bank_name", false, ""),
		form.TextField("hs_bank_account", false, ""),
		form.TextField("address", false, ""),
		form.TextField("hs_cadre", false, ""),
		form.TextField("hs_filed_by", false, ""),
		form.TextField("hs_reviewed_by", false, ""),
		form.TextField("hs_unit_opinion", false, ""),
		form.TextField("hs_town_opinion", false, ""),
		form.TextField("hs_applied", true, p.c.T("hint.date")),
	)
	if !p.editing {
		fields = append(fields, form.ChoiceField("hs_new_status", true, opts(p.c,
			[]model.HardshipStatus{model.HardshipApplied, model.HardshipActive}, model.HardshipStatus.Key)))
	}
	fields = append(fields, form.TextField("notes", false, ""))
	fm := form.New(p.c, fields...)
	fm.SetValue("hs_applied", p.c.Today().String())
	fm.SetValue("hs_filed_by", p.c.Operator)
	if f != nil {
		fm.SetChoice("hs_category", uint64(f.Category))
		fm.SetChoice("hs_main_cause", uint64(f.MainCause))
		for i, c := range f.OtherCauses {
			if i < len(otherCauseFields) {
				fm.SetChoice(otherCauseFields[i], uint64(c))
			}
		}
		fm.SetValue("hs_size", strconv.Itoa(f.HouseholdSize))
		fm.SetValue("hs_income", f.YearlyIncome.String())
		fm.SetValue("hs_spending", money(f.Spending))
		for k, v := range map[string]string{"hs_health": f.Health, "hs_disability": f.Disability, "hs_employment": f.Employment,
			"hs_housing": f.Housing, "hs_insurance": f.MedicalInsurance, "hs_bank_name": f.BankName, "hs_bank_account": f.BankAccount,
			"address": f.Address, "hs_cadre": f.PairedCadre, "hs_filed_by": f.FiledBy, "hs_reviewed_by": f.ReviewedBy,
			"hs_unit_opinion": f.UnitOpinion, "hs_town_opinion": f.TownOpinion, "notes": f.Notes} {
			fm.SetValue(k, v)
		}
		if f.HousingArea > 0 {
			fm.SetValue("hs_housing_area", strconv.Itoa(f.HousingArea))
		}
		if f.Marital != 0 {
			fm.SetChoice("hs_marital", uint64(f.Marital))
		}
		fm.SetChecked("hs_single_parent", f.SingleParent)
		fm.SetChecked("hs_zero_employment", f.ZeroEmployment)
		if p.editing {
			fm.SetValue("hs_applied", f.AppliedDate.String())
		}
	} else {
		fm.SetValue("hs_size", "1")
	}
	fm.Validate = func(fm *form.Form) model.Problems { _, ps := p.fileFromForm(fm); return ps }
	return p.showForm(fm, modeFileForm)
}

func (p *Page) fileFromForm(fm *form.Form) (model.HardshipFile, model.Problems) {
	var ps model.Problems
	var f model.HardshipFile
	if p.editing || p.refileOf != 0 {
		if r := p.byID[p.current]; r != nil {
			f = r.f.Clone()
		} else if p.det != nil {
			f = p.det.f.Clone()
		}
	}
	if !p.editing && p.refileOf == 0 {
		v, ok := fm.Choice("member")
		if !ok {
			ps = append(ps, model.Problem{Field: "member", Key: "problem.required"})
		}
		f.MemberID = v
	}
	c, _ := fm.Choice("hs_category")
	f.Category = model.HardshipCategory(c)
	mc, ok := fm.Choice("hs_main_cause")
	if !ok {
		ps = append(ps, model.Problem{Field: "hs_main_cause", Key: "problem.required"})
	}
	f.MainCause = model.HardshipCause(mc)
	f.OtherCauses = nil
	seen := map[uint64]bool{}
	for _, k := range otherCauseFields {
		if v, ok := fm.Choice(k); ok && v != 0 {
			switch {
			case v == mc:
				ps = append(ps, model.Problem{Field: k, Key: "hardship.cause_is_main"})
			case seen[v]:
				ps = append(ps, model.Problem{Field: k, Key: "hardship.cause_twice"})
			default:
				f.OtherCauses = append(f.OtherCauses, model.HardshipCause(v))
			}
			seen[v] = true
		}
	}
	if s := strings.TrimSpace(fm.Value("hs_size")); s == "" {
		ps = append(ps, model.Problem{Field: "hs_size", Key: "problem.required"})
	} else if n, err := strconv.Atoi(model.Clean(s)); err != nil {
		ps = append(ps, model.Problem{Field: "hs_size", Key: "problem.invalid"})
	} else {
		f.HouseholdSize = n
	}
	var err error
	if f.YearlyIncome, err = model.ParseMoney(fm.Value("hs_income")); err != nil {
		ps = append(ps, form.ProblemOf("hs_income", err))
	}
	f.Spending = 0
	if s := fm.Value("hs_spending"); strings.TrimSpace(s) != "" {
		if f.Spending, err = model.ParseMoney(s); err != nil {
			ps = append(ps, form.ProblemOf("hs_spending", err))
		}
	}
	f.Health, f.Disability, f.Employment = fm.Value("hs_health"), fm.Value("hs_disability"), fm.Value("hs_employment")
	f.Housing, f.MedicalInsurance = fm.Value("hs_housing"), fm.Value("hs_insurance")
	f.BankName, f.BankAccount, f.Address = fm.Value("hs_bank_name"), fm.Value("hs_bank_account"), fm.Value("address")
	f.PairedCadre, f.FiledBy, f.ReviewedBy = fm.Value("hs_cadre"), fm.Value("hs_filed_by"), fm.Value("hs_reviewed_by")
	f.UnitOpinion, f.TownOpinion, f.Notes = fm.Value("hs_unit_opinion"), fm.Value("hs_town_opinion"), fm.Value("notes")
	f.HousingArea = 0
	if s := strings.TrimSpace(fm.Value("hs_housing_area")); s != "" {
		if n, err := strconv.Atoi(model.Clean(s)); err != nil {
			ps = append(ps, model.Problem{Field: "hs_housing_area", Key: "problem.invalid"})
		} else {
			f.HousingArea = n
		}
	}
	mar, _ := fm.Choice("hs_marital")
	f.Marital = model.Marital(mar)
	f.SingleParent, f.ZeroEmployment = fm.Checked("hs_single_parent"), fm.Checked("hs_zero_employment")
	if f.AppliedDate, err = model.ParseDate(fm.Value("hs_applied")); err != nil {
		ps = append(ps, form.ProblemOf("hs_applied", err))
	}
	if !p.editing {
		s, _ := fm.Choice("hs_new_status")
		f.Status = model.HardshipStatus(s)
		f.ApprovedDate = 0
	}
	f.Normalize()
	for _, q := range f.Validate(p.c.Today()) {
		if q.Field == "hs_other_causes" {
			q.Field = "hs_cause_2"
		}
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return f, ps
}

// suggestionLine shows the per-capita income and the suggested category
// of the form's values.
func (p *Page) suggestionLine() string {
	f, _ := p.fileFromForm(p.form)
	if f.HouseholdSize <= 0 {
		return p.c.T("hardship.suggest_no_size")
	}
	sug := model.SuggestCategory(&f, p.rules)
	deep, rel := p.rules.Lines()
	line := p.c.T("hardship.per_capita_line", f.PerCapita().Display(), p.rules.MinLiving.Display())
	if sug.Category != 0 {
		// the conclusion first, so it survives a narrow screen
		line = p.c.T("hardship.suggests", p.c.T(sug.Category.Key())) + " " + line
	}
	switch sug.Key {
	case "hardship.suggest_above", "hardship.suggest_sudden":
		return line + p.c.T(sug.Key, rel.Display())
	case "hardship.suggest_deep", "hardship.suggest_deep_no_cause":
		return line + p.c.T(sug.Key, deep.Display())
	case "hardship.suggest_relative":
		return line + p.c.T(sug.Key, rel.Display())
	}
	return p.c.T(sug.Key)
}

// --- household member

// openHouseholdForm adds a household member (idx < 0) or edits the
// file's member idx, the same form filled.
func (p *Page) openHouseholdForm(idx int) tea.Cmd {
	p.hhIndex = -1
	fm := form.New(p.c,
		form.TextField("name", true, ""),
		form.TextField("hs_relation", true, p.c.T("hardship.hint_relation")),
		form.TextField("id_number", false, ""),
		form.TextField("hs_member_health", false, ""),
		form.TextField("hs_member_income", false, p.c.T("hardship.hint_member_income")),
		form.TextField("hs_school_work", false, ""),
	)
	if p.det != nil && idx >= 0 && idx < len(p.det.f.Household) {
		h := p.det.f.Household[idx]
		p.hhIndex = idx
		fm.SetValue("name", h.Name)
		fm.SetValue("hs_relation", h.Relation)
		fm.SetValue("id_number", h.IDNumber)
		fm.SetValue("hs_member_health", h.Health)
		fm.SetValue("hs_member_income", money(h.MonthlyIncome))
		fm.SetValue("hs_school_work", h.SchoolOrWork)
	}
	fm.Validate = func(fm *form.Form) model.Problems { _, ps := p.householdFromForm(fm); return ps }
	return p.showForm(fm, modeHouseholdForm)
}

// householdSaveError shows the store's answer to a household save: a
// household member found in another open file is a problem of the ID
// number the form has.
func (p *Page) householdSaveError(err error) tea.Cmd {
	var ps model.Problems
	if errors.As(err, &ps) {
		moved := make(model.Problems, len(ps))
		for i, q := range ps {
			if q.Key == "hardship.household_filed" {
				q.Field = "id_number"
			}
			moved[i] = q
		}
		err = moved
	}
	return p.form.SaveError(err, nil)
}

func (p *Page) householdFromForm(fm *form.Form) (model.HouseholdMember, model.Problems) {
	var ps model.Problems
	h := model.HouseholdMember{Name: fm.Value("name"), Relation: fm.Value("hs_relation"), IDNumber: fm.Value("id_number"),
		Health: fm.Value("hs_member_health"), SchoolOrWork: fm.Value("hs_school_work")}
	if s := fm.Value("hs_member_income"); strings.TrimSpace(s) != "" {
		var err error
		if h.MonthlyIncome, err = model.ParseMoney(s); err != nil {
			ps = append(ps, form.ProblemOf("hs_member_income", err))
		}
	}
	tmp := model.HardshipFile{Household: []model.HouseholdMember{h}}
	tmp.Normalize()
	h = tmp.Household[0]
	return h, append(ps, model.ValidateHouseholdMember(&h)...)
}

// --- aid

func (p *Page) openAidForm(m model.Member, fileID uint64) tea.Cmd {
	p.aidMember, p.aidFile = m, fileID
	fm := form.New(p.c,
		form.ChoiceField("aid_type", true, opts(p.c, model.AidTypes, model.AidType.Key)),
		form.TextField("date", true, p.c.T("hint.date")),
		form.TextField("aid_cash", false, p.c.T("hardship.hint_cash")),
		form.TextField("aid_goods", false, p.c.T("hardship.hint_goods")),
		form.TextField("aid_goods_value", false, ""),
		form.ChoiceField("aid_fund", true, opts(p.c, model.FundSources, model.FundSource.Key)),
		form.TextField("aid_approver", true, ""),
		form.TextField("aid_student", false, p.c.T("hardship.hint_student")),
		form.ChoiceField("aid_school_level", false, opts(p.c, model.SchoolLevels, model.SchoolLevel.Key)),
		form.TextField("notes", false, ""),
	)
	fm.SetValue("date", p.c.Today().String())
	fm.Validate = func(fm *form.Form) model.Problems { _, ps := p.aidFromForm(fm); return ps }
	// The household's earlier aid, for the yearly caps as the user types:
	// the file's, or the member's without a file, as the store counts.
	p.aidEarlier, p.aidCat = nil, 0
	if fileID != 0 {
		p.aidEarlier, _ = p.c.Store.FileAid(fileID)
		if f, err := p.c.Store.HardshipFile(fileID); err == nil {
			p.aidCat = f.Category
		}
	} else {
		p.aidEarlier, _ = p.c.Store.MemberAid(m.ID)
	}
	return p.showForm(fm, modeAidForm)
}

// aidCapWarnings are the yearly-cap warnings of the aid form's values with
// the household's aid of that year (model.AidCapWarnings, as the store
// warns when saving): nothing until the form has a valid date and an
// amount.
func (p *Page) aidCapWarnings() model.Warnings {
	if p.form == nil || p.mode != modeAidForm {
		return nil
	}
	a, _ := p.aidFromForm(p.form)
	if a.Date == 0 || !a.Date.Valid() || a.Value() <= 0 {
		return nil
	}
	a.Normalize()
	return model.AidCapWarnings(&a, p.aidEarlier, p.aidCat, p.rules)
}

// aidCapLine is the warning line under the aid form, "" without one.
func (p *Page) aidCapLine() string {
	warn := p.aidCapWarnings()
	if len(warn) == 0 {
		return ""
	}
	msgs := make([]string, len(warn))
	for i, w := range warn {
		msgs[i] = w.Message(p.c.Lang)
	}
	return p.c.T("hardship.aid_cap_live", strings.Join(msgs, "; "))
}

func (p *Page) aidFromForm(fm *form.Form) (model.AidRecord, model.Problems) {
	var ps model.Problems
	a := model.AidRecord{FileID: p.aidFile, MemberID: p.aidMember.ID}
	t, _ := fm.Choice("aid_type")
	a.Type = model.AidType(t)
	var err error
	if a.Date, err = model.ParseDate(fm.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	}
	for _, x := range []struct {
		field string
		dst   *model.Money
	}{{"aid_cash", &a.Cash}, {"aid_goods_value", &a.GoodsValue}} {
		if s := fm.Value(x.field); strings.TrimSpace(s) != "" {
			if *x.dst, err = model.ParseMoney(s); err != nil {
				ps = append(ps, form.ProblemOf(x.field, err))
			}
		}
	}
	a.Goods, a.Approver, a.Student, a.Notes = fm.Value("aid_goods"), fm.Value("aid_approver"), fm.Value("aid_student"), fm.Value("notes")
	fund, _ := fm.Choice("aid_fund")
	a.Fund = model.FundSource(fund)
	lvl, _ := fm.Choice("aid_school_level")
	a.SchoolLevel = model.SchoolLevel(lvl)
	if len(ps) == 0 {
		a.Normalize()
		ps = append(ps, a.Validate(p.c.Today())...)
	}
	return a, ps
}

// --- review, approval, lift-out, closing, reversal

func (p *Page) openReviewForm() tea.Cmd {
	cats := append([]form.Option{{Label: p.c.T("hardship.cat_keep"), Value: 0}}, opts(p.c, model.HardshipCategories, model.HardshipCategory.Key)...)
	fm := form.New(p.c,
		form.TextField("date", true, p.c.T("hint.date")),
		form.TextField("hs_reviewer", true, ""),
		form.TextField("hs_finding", true, p.c.T("hardship.hint_finding")),
		form.ChoiceField("hs_category", true, cats),
	)
	fm.SetValue("date", p.c.Today().String())
	fm.SetValue("hs_reviewer", p.c.Operator)
	fm.Validate = func(fm *form.Form) model.Problems { _, ps := p.reviewFromForm(fm); return ps }
	return p.showForm(fm, modeReviewForm)
}

func (p *Page) reviewFromForm(fm *form.Form) (model.HardshipReview, model.Problems) {
	var ps model.Problems
	r := model.HardshipReview{Reviewer: fm.Value("hs_reviewer"), Finding: fm.Value("hs_finding")}
	var err error
	if r.Date, err = model.ParseDate(fm.Value("date")); err != nil {
		ps = append(ps, form.ProblemOf("date", err))
	}
	c, _ := fm.Choice("hs_category")
	r.Category = model.HardshipCategory(c)
	if len(ps) == 0 && p.det != nil {
		ps = model.ValidateReview(&p.det.f, &r, p.c.Today())
	}
	return r, ps
}

func (p *Page) dateReasonForm(m mode, second, hint string) tea.Cmd {
	fm := form.New(p.c,
		form.TextField("date", true, p.c.T("hint.date")),
		form.TextField(second, true, hint),
	)
	fm.SetValue("date", p.c.Today().String())
	fm.Validate = func(fm *form.Form) model.Problems {
		var ps model.Problems
		if d, err := model.ParseDate(fm.Value("date")); err != nil {
			ps = append(ps, form.ProblemOf("date", err))
		} else if d > p.c.Today() {
			ps = append(ps, model.Problem{Field: "date", Key: "problem.future"})
		}
		if strings.TrimSpace(fm.Value(second)) == "" {
			ps = append(ps, model.Problem{Field: second, Key: "problem.required"})
		}
		return ps
	}
	return p.showForm(fm, m)
}

func (p *Page) openApproveForm() tea.Cmd {
	cmd := p.dateReasonForm(modeApproveForm, "hs_reviewed_by", "")
	p.form.SetValue("hs_reviewed_by", p.c.Operator)
	p.form.Revalidate()
	return cmd
}

func (p *Page) openCloseForm() tea.Cmd {
	return p.dateReasonForm(modeCloseForm, "reason", p.c.T("hardship.hint_close"))
}

func (p *Page) openReverseForm(a model.AidRecord) tea.Cmd {
	p.reverseOf = a
	return p.dateReasonForm(modeReverseForm, "reason", p.c.T("hint.reverse_reason"))
}

func (p *Page) openLiftForm() tea.Cmd {
	fm := form.New(p.c,
		form.TextField("hs_notice_from", true, p.c.T("hint.date")),
		form.TextField("hs_notice_to", true, p.c.T("hint.date")),
		form.TextField("hs_approval", true, p.c.T("hardship.hint_approval")),
		form.TextField("date", true, p.c.T("hint.date")),
	)
	today := p.c.Today()
	fm.SetValue("hs_notice_from", today.AddMonths(0).Time().AddDate(0, 0, -9).Format("2006-01-02"))
	fm.SetValue("hs_notice_to", today.Time().AddDate(0, 0, -2).Format("2006-01-02"))
	fm.SetValue("date", today.String())
	fm.Validate = func(fm *form.Form) model.Problems { _, ps := p.liftFromForm(fm); return ps }
	return p.showForm(fm, modeLiftForm)
}

func (p *Page) liftFromForm(fm *form.Form) (model.LiftOut, model.Problems) {
	var ps model.Problems
	l := model.LiftOut{Approval: fm.Value("hs_approval")}
	var err error
	for _, x := range []struct {
		field string
		dst   *model.Date
	}{{"hs_notice_from", &l.NoticeFrom}, {"hs_notice_to", &l.NoticeTo}, {"date", &l.Date}} {
		if *x.dst, err = model.ParseDate(fm.Value(x.field)); err != nil {
			ps = append(ps, form.ProblemOf(x.field, err))
		}
	}
	if len(ps) == 0 && p.det != nil {
		ps = model.ValidateLiftOut(&p.det.f, l, p.c.Today())
	}
	return l, ps
}

// --- saving

func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	return p.form.Answer(act, cmd, form.Answers{
		Cancel: p.closeForm,
		Pick:   func(title string, opts []form.Option, cur uint64) { p.openPicker(pickFormField, title, opts, cur) },
		Save:   p.save,
	})
}

func (p *Page) save() tea.Cmd {
	op, s := p.c.Operator, p.c.Store
	done := func(id uint64, entity model.Entity, status string) tea.Cmd {
		p.form = nil
		p.reload()
		p.openDetail(id)
		return tea.Batch(common.SetStatus(status, false), common.Changed(entity, id))
	}
	switch p.mode {
	case modeFileForm:
		f, _ := p.fileFromForm(p.form)
		if p.editing {
			if err := s.UpdateHardshipFile(op, &f); err != nil {
				return p.form.SaveError(err, nil)
			}
			return done(f.ID, model.EntityHardship, p.c.T("hardship.saved", f.ID))
		}
		if err := s.CreateHardshipFile(op, &f); err != nil {
			return p.form.SaveError(err, nil)
		}
		return done(f.ID, model.EntityHardship, p.c.T("hardship.created", f.ID))
	case modeHouseholdForm:
		h, _ := p.householdFromForm(p.form)
		f := p.det.f.Clone()
		edit := p.hhIndex >= 0 && p.hhIndex < len(f.Household)
		if edit {
			f.Household[p.hhIndex] = h
		} else {
			f.Household = append(f.Household, h)
		}
		f.HouseholdSize = max(f.HouseholdSize, len(f.Household)+1)
		if err := s.UpdateHardshipFile(op, &f); err != nil {
			return p.householdSaveError(err)
		}
		p.det.pane = paneHousehold
		if edit {
			return done(f.ID, model.EntityHardship, p.c.T("hardship.household_saved", h.Name))
		}
		p.det.hhSel = len(f.Household) - 1
		return done(f.ID, model.EntityHardship, p.c.T("hardship.household_added", h.Name, f.HouseholdSize))
	case modeAidForm:
		a, _ := p.aidFromForm(p.form)
		warn, err := s.RecordAid(op, &a)
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		msg := p.c.T("hardship.aid_saved", p.c.T(a.Type.Key()), a.Value().Display())
		if a.LedgerID != 0 {
			if e, err := s.LedgerEntry(a.LedgerID); err == nil {
				msg = p.c.T("hardship.aid_saved_voucher", p.c.T(a.Type.Key()), a.Cash.Display(), e.VoucherNo)
			}
		}
		if len(warn) > 0 {
			msg += "; " + warn.Localize(p.c.Lang)
		}
		p.form = nil
		p.reload()
		if a.FileID != 0 {
			p.openDetail(a.FileID)
			p.det.pane = paneAid
		} else {
			p.mode = modeList
		}
		return tea.Batch(common.SetStatus(msg, len(warn) > 0), common.Changed(model.EntityAid, a.ID))
	case modeReviewForm:
		r, _ := p.reviewFromForm(p.form)
		f, err := s.ReviewHardshipFile(op, p.current, r)
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		p.det.pane = paneReviews
		return done(f.ID, model.EntityHardship, p.c.T("hardship.reviewed", f.ID, r.Date.String()))
	case modeApproveForm:
		d, _ := model.ParseDate(p.form.Value("date"))
		f, err := s.ApproveHardshipFile(op, p.current, d, p.form.Value("hs_reviewed_by"))
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		return done(f.ID, model.EntityHardship, p.c.T("hardship.approved", f.ID))
	case modeLiftForm:
		l, _ := p.liftFromForm(p.form)
		f, err := s.LiftHardshipFile(op, p.current, l)
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		return done(f.ID, model.EntityHardship, p.c.T("hardship.lifted", f.ID, f.FollowUpUntil.String()))
	case modeCloseForm:
		d, _ := model.ParseDate(p.form.Value("date"))
		f, err := s.CloseHardshipFile(op, p.current, d, p.form.Value("reason"))
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		return done(f.ID, model.EntityHardship, p.c.T("hardship.closed", f.ID))
	case modeReverseForm:
		d, _ := model.ParseDate(p.form.Value("date"))
		rev, err := s.ReverseAid(op, p.reverseOf.ID, d, p.form.Value("reason"))
		if err != nil {
			return p.form.SaveError(err, nil)
		}
		p.form = nil
		p.reload()
		p.openDetail(p.current)
		p.det.pane = paneAid
		return tea.Batch(common.SetStatus(p.c.T("hardship.aid_reversed", p.reverseOf.Date.String()), false), common.Changed(model.EntityAid, rev.ID))
	}
	return nil
}

func (p *Page) formView() string {
	st := p.c.Styles
	var title, sub string
	name := ""
	if p.det != nil {
		name = p.det.m.Name
	}
	switch p.mode {
	case modeFileForm:
		switch {
		case p.editing:
			title = p.c.T("hardship.edit_title", name, p.current)
		case p.refileOf != 0:
			title = p.c.T("hardship.refile_title", name, p.refileOf)
		default:
			title = p.c.T("hardship.new_title")
		}
		sub = p.suggestionLine()
	case modeHouseholdForm:
		title, sub = p.c.T("hardship.household_title", name), p.c.T("hardship.household_hint")
		if p.hhIndex >= 0 && p.det != nil && p.hhIndex < len(p.det.f.Household) {
			title = p.c.T("hardship.household_edit_title", p.det.f.Household[p.hhIndex].Name, name)
			sub = p.c.T("hardship.household_edit_hint")
		}
	case modeAidForm:
		if p.aidFile != 0 {
			title = p.c.T("hardship.aid_title_file", p.aidMember.Name, p.aidFile)
		} else {
			title = p.c.T("hardship.aid_title_member", p.aidMember.Name, p.aidMember.No)
		}
		sub = p.c.T("hardship.aid_hint")
	case modeReviewForm:
		title, sub = p.c.T("hardship.review_title", name, p.current), p.c.T("hardship.review_hint")
	case modeApproveForm:
		title, sub = p.c.T("hardship.approve_title", name, p.current), p.c.T("hardship.approve_hint")
	case modeLiftForm:
		title, sub = p.c.T("hardship.lift_title", name, p.current), p.c.T("hardship.lift_hint", model.MinNoticeWorkdays)
	case modeCloseForm:
		title, sub = p.c.T("hardship.close_title", name, p.current), p.c.T("hardship.close_hint")
	case modeReverseForm:
		a := p.reverseOf
		title = p.c.T("hardship.reverse_title", p.c.T(a.Type.Key()), a.Date.String())
		sub = p.c.T("hardship.reverse_hint", a.Value().Display())
	}
	// one line each: the form below starts at formHeaderLines
	fit := func(s string) string { return ansi.Truncate(s, p.width, "~") }
	body := p.form.View()
	out := st.Title.Render(fit(title)) + "\n" + st.Muted.Render(fit(sub)) + "\n\n" + body
	if p.mode == modeAidForm {
		// under the form: a warning, not a problem, so the form still
		// saves. Wrapped where the screen has the lines, else cut to the
		// one line SetSize keeps free.
		if w := p.aidCapLine(); w != "" {
			lines := strings.Split(ansi.Wrap(w, p.width, ""), "\n")
			if formHeaderLines+strings.Count(body, "\n")+1+len(lines) > p.height {
				lines = []string{fit(w)}
			}
			for _, l := range lines {
				out += "\n" + st.Warning.Render(fit(l))
			}
		}
	}
	return out
}
