package hardship

import (
	"strconv"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

var otherCauseFields = []string{"hs_cause_2", "hs_cause_3", "hs_cause_4"}

// fileForm files a household (a new file), edits a file, or files a
// lifted-out or closed file's household again (a new file filled from the
// old one). The line under the title shows the per-capita income and the
// category it suggests as the user types.
type fileForm struct {
	formScreen
	name  string              // the member's, for the title ("" for a new file)
	old   *model.HardshipFile // the file edited or filed again, nil for a new one
	edit  bool                // old is edited, not filed again
	rules model.HardshipRules
}

// newFileForm opens the form for a new file (old nil), to edit old, or to
// file old's household again (refile).
func newFileForm(c *common.Common, st *stack.Stack, name string, old *model.HardshipFile, refile bool, done func(uint64) tea.Cmd) (*fileForm, error) {
	rules, err := c.Store.HardshipRules()
	if err != nil {
		return nil, err
	}
	ff := &fileForm{name: name, old: old, edit: old != nil && !refile, rules: rules}
	var fields []*form.Field
	if old == nil {
		mo, err := memberOptions(c)
		if err != nil {
			return nil, err
		}
		fields = append(fields, form.PickField("member", true, mo))
	}
	fields = append(fields,
		form.ChoiceField("hs_category", true, opts(c, model.HardshipCategories, model.HardshipCategory.Key)),
		form.PickField("hs_main_cause", true, causeOptions(c, false)),
		form.PickField("hs_cause_2", false, causeOptions(c, true)),
		form.PickField("hs_cause_3", false, causeOptions(c, true)),
		form.PickField("hs_cause_4", false, causeOptions(c, true)),
		form.TextField("hs_size", true, c.T("hardship.hint_size")),
		form.TextField("hs_income", true, c.T("hardship.hint_income")),
		form.TextField("hs_spending", false, c.T("hardship.hint_spending")),
	)
	// what rules a household out, whatever its income (the suggestion says so)
	for _, x := range model.HardshipExclusions {
		fields = append(fields, form.CheckField(exclusionField(x)))
	}
	fields = append(fields,
		form.ChoiceField("hs_model_worker", true, opts(c, model.ModelWorkerLevels, model.ModelWorkerLevel.Key)),
		form.ChoiceField("hs_identity", false, noneFirst(c, opts(c, model.WorkerIdentities, model.WorkerIdentity.Key))),
		form.ChoiceField("hukou", false, noneFirst(c, opts(c, model.HukouTypes, model.HukouType.Key))),
		form.TextField("industry", false, ""),
		form.TextField("hs_health", false, ""),
		form.TextField("hs_disability", false, ""),
		form.TextField("hs_employment", false, ""),
		form.TextField("hs_housing", false, c.T("hardship.hint_housing")),
		form.TextField("hs_housing_area", false, ""),
		form.ChoiceField("hs_marital", false, opts(c, model.Maritals, model.Marital.Key)),
		form.CheckField("hs_single_parent"),
		form.CheckField("hs_zero_employment"),
		form.TextField("hs_insurance", false, c.T("hardship.hint_insurance")),
		form.TextField("hs_bank_name", false, ""),
		form.TextField("hs_bank_account", false, ""),
		form.TextField("address", false, ""),
		form.TextField("hs_cadre", false, ""),
		form.TextField("hs_filed_by", false, ""),
		form.TextField("hs_reviewed_by", false, ""),
		form.TextField("hs_unit_opinion", false, ""),
		form.TextField("hs_town_opinion", false, ""),
		form.TextField("hs_applied", true, c.T("hint.date")),
		form.TextField("hs_filing_notice_from", false, c.T("hint.date")),
		form.TextField("hs_filing_notice_to", false, c.T("hint.date")),
	)
	if !ff.edit {
		fields = append(fields, form.ChoiceField("hs_new_status", true, opts(c,
			[]model.HardshipStatus{model.HardshipApplied, model.HardshipActive}, model.HardshipStatus.Key)))
	}
	fields = append(fields, form.TextField("notes", false, ""))
	fm := form.New(c, fields...)
	ff.formScreen = newFormScreen(c, st, fm, done)
	ff.fill()
	title := c.T("hardship.new_title")
	switch {
	case ff.edit:
		title = c.T("hardship.edit_title", ff.name, ff.old.ID)
	case ff.old != nil:
		title = c.T("hardship.refile_title", ff.name, ff.old.ID)
	}
	ff.open(title, ff.suggestionLine, func(fm *form.Form) model.Problems { _, ps := ff.fromForm(fm); return ps }, ff.save)
	return ff, nil
}

func causeOptions(c *common.Common, withNone bool) []form.Option {
	o := opts(c, model.HardshipCauses, model.HardshipCause.Key)
	if withNone {
		o = append([]form.Option{{Label: c.T("hardship.cause_none"), Value: 0}}, o...)
	}
	return o
}

// fill puts today, the operator and the old file's values in the form.
func (ff *fileForm) fill() {
	fm, f := ff.form, ff.old
	fm.SetDefault("hs_applied", ff.c.Today().String())
	fm.SetDefault("hs_filed_by", ff.c.OperatorName())
	if f == nil {
		fm.SetValue("hs_size", "1")
		return
	}
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
	for _, x := range f.Exclusions {
		fm.SetChecked(exclusionField(x), true)
	}
	fm.SetChoice("hs_model_worker", uint64(f.ModelWorker))
	fm.SetChoice("hs_identity", uint64(f.Identity))
	fm.SetChoice("hukou", uint64(f.Hukou))
	fm.SetValue("industry", f.Industry)
	if ff.edit {
		fm.SetValue("hs_filing_notice_from", f.FilingNoticeFrom.String())
		fm.SetValue("hs_filing_notice_to", f.FilingNoticeTo.String())
	}
	if ff.edit {
		fm.SetValue("hs_applied", f.AppliedDate.String())
	}
}

// fromForm reads the form into a file (a copy of the old one when there is
// one) with every problem, each on its field.
func (ff *fileForm) fromForm(fm *form.Form) (model.HardshipFile, model.Problems) {
	var ps model.Problems
	var f model.HardshipFile
	if ff.old != nil {
		f = ff.old.Clone()
	} else {
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
	if f.AppliedDate, err = model.ReadDate(fm.Value("hs_applied")); err != nil {
		ps = append(ps, form.ProblemOf("hs_applied", err))
	}
	if !ff.edit {
		s, _ := fm.Choice("hs_new_status")
		f.Status = model.HardshipStatus(s)
		f.ApprovedDate = 0
	}
	f.Exclusions = nil
	for _, x := range model.HardshipExclusions {
		if fm.Checked(exclusionField(x)) {
			f.Exclusions = append(f.Exclusions, x)
		}
	}
	ff.modelWorkerFromHonours(fm, f.MemberID)
	r := form.Reader{F: fm}
	f.ModelWorker = model.ModelWorkerLevel(r.Choice("hs_model_worker"))
	f.Identity = model.WorkerIdentity(r.Choice("hs_identity"))
	f.Hukou = model.HukouType(r.Choice("hukou"))
	f.Industry = fm.Value("industry")
	f.FilingNoticeFrom = r.Date("hs_filing_notice_from")
	f.FilingNoticeTo = r.Date("hs_filing_notice_to")
	ps = append(ps, r.Ps...)
	f.Normalize()
	for _, q := range f.Validate(ff.c.Today()) {
		if q.Field == "hs_other_causes" {
			q.Field = "hs_cause_2"
		}
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	for _, q := range model.ValidateFilingNotice(&f, ff.rules) {
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return f, ps
}

// modelWorkerFromHonours fills the 劳模类别 of a new file from the worker's
// honours while the user has not set it (困难劳模: a model worker's
// household filed).
func (ff *fileForm) modelWorkerFromHonours(fm *form.Form, memberID uint64) {
	if ff.old != nil || memberID == 0 || fm.Touched("hs_model_worker") {
		return
	}
	if hs, err := ff.c.Store.MemberHonours(memberID); err == nil {
		fm.SetChoice("hs_model_worker", uint64(model.ModelWorkerLevelOf(hs)))
	}
}

// exclusionField is the form's check field of an exclusion.
func exclusionField(x model.HardshipExclusion) string { return "hs_excl_" + strconv.Itoa(int(x)) }

// noneFirst puts "not given" before the options.
func noneFirst(c *common.Common, o []form.Option) []form.Option {
	return append([]form.Option{{Label: c.T("form.none"), Value: 0}}, o...)
}

// suggestionLine shows the per-capita income and the suggested category
// of the form's values.
func (ff *fileForm) suggestionLine() string {
	c, rules := ff.c, ff.rules
	f, _ := ff.fromForm(ff.form)
	if f.HouseholdSize <= 0 {
		return c.T("hardship.suggest_no_size")
	}
	return suggestionText(c, &f, rules)
}

// suggestionText is the suggested category and why: the per-capita income
// against the line that decides, or the exclusion that stops a suggestion.
func suggestionText(c *common.Common, f *model.HardshipFile, rules model.HardshipRules) string {
	sug := model.SuggestCategory(f, rules)
	line := c.T("hardship.per_capita_line", f.PerCapita().Display(), rules.MinLiving.Display())
	switch {
	case sug.Category != 0:
		// the conclusion first, so it survives a narrow screen
		return c.T("hardship.suggests", c.T(sug.Category.Key())) + " " + line + sug.Text(c.Lang)
	case sug.Key == "hardship.suggest_above" || sug.Key == "hardship.suggest_sudden_above":
		return line + sug.Text(c.Lang)
	}
	return sug.Text(c.Lang) // no line to compare with, or an exclusion
}

func (ff *fileForm) save() tea.Cmd {
	f, _ := ff.fromForm(ff.form)
	op, s := ff.c.OperatorName(), ff.c.Store
	if ff.edit {
		if err := s.UpdateHardshipFile(op, &f); err != nil {
			return ff.form.SaveError(err, nil)
		}
		return ff.saved(model.EntityHardship, f.ID, ff.c.T("hardship.saved", f.ID), false)
	}
	if err := s.CreateHardshipFile(op, &f); err != nil {
		return ff.form.SaveError(err, nil)
	}
	return ff.saved(model.EntityHardship, f.ID, ff.c.T("hardship.created", f.ID), false)
}
