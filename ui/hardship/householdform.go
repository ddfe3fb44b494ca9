package hardship

import (
	"errors"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// householdForm adds a member to a file's household or edits one, the
// same form filled. The household size never shrinks below those listed.
type householdForm struct {
	formScreen
	file model.HardshipFile // as it was when the form opened
	idx  int                // the household member edited, -1 to add one
}

func newHouseholdForm(c *common.Common, st *stack.Stack, name string, file model.HardshipFile, idx int, done func(uint64) tea.Cmd) *householdForm {
	hf := &householdForm{file: file, idx: -1}
	fm := form.New(c,
		form.TextField("name", true, ""),
		form.TextField("hs_relation", true, c.T("hardship.hint_relation")),
		form.TextField("id_number", false, ""),
		form.TextField("hs_member_health", false, ""),
		form.TextField("hs_member_income", false, c.T("hardship.hint_member_income")),
		form.TextField("hs_school_work", false, ""),
	)
	if idx >= 0 && idx < len(file.Household) {
		h := file.Household[idx]
		hf.idx = idx
		fm.SetValue("name", h.Name)
		fm.SetValue("hs_relation", h.Relation)
		fm.SetValue("id_number", h.IDNumber)
		fm.SetValue("hs_member_health", h.Health)
		fm.SetValue("hs_member_income", money(h.MonthlyIncome))
		fm.SetValue("hs_school_work", h.SchoolOrWork)
	}
	hf.formScreen = newFormScreen(c, st, fm, done)
	title, hint := c.T("hardship.household_title", name), c.T("hardship.household_hint")
	if hf.idx >= 0 {
		title, hint = c.T("hardship.household_edit_title", file.Household[hf.idx].Name, name), c.T("hardship.household_edit_hint")
	}
	hf.open(title, fixed(hint), func(fm *form.Form) model.Problems { _, ps := householdFromForm(fm); return ps }, hf.save)
	return hf
}

func householdFromForm(fm *form.Form) (model.HouseholdMember, model.Problems) {
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

func (hf *householdForm) save() tea.Cmd {
	h, _ := householdFromForm(hf.form)
	f := hf.file.Clone()
	if hf.idx >= 0 {
		f.Household[hf.idx] = h
	} else {
		f.Household = append(f.Household, h)
	}
	f.HouseholdSize = max(f.HouseholdSize, len(f.Household)+1)
	if err := hf.c.Store.UpdateHardshipFile(hf.c.OperatorName(), &f); err != nil {
		return hf.form.SaveError(householdOnIDNumber(err), nil)
	}
	if hf.idx >= 0 {
		return hf.saved(model.EntityHardship, f.ID, hf.c.T("hardship.household_saved", h.Name), false)
	}
	return hf.saved(model.EntityHardship, f.ID, hf.c.T("hardship.household_added", h.Name, f.HouseholdSize), false)
}

// householdOnIDNumber puts the store's "this person is in another open
// file" on the form's ID number field.
func householdOnIDNumber(err error) error {
	var ps model.Problems
	if !errors.As(err, &ps) {
		return err
	}
	moved := make(model.Problems, len(ps))
	for i, q := range ps {
		if q.Key == "hardship.household_filed" {
			q.Field = "id_number"
		}
		moved[i] = q
	}
	return moved
}
