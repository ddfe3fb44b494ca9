package hardship

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// aidForm records aid given to a member, on their file or without one. It
// warns of the yearly caps as the user types: the warning is not a
// problem, so the form still saves.
type aidForm struct {
	formScreen
	member model.Member
	fileID uint64 // 0: aid without a file
	// earlier and cat are the household's aid and the file's category,
	// for the yearly-cap warning; rules the caps.
	earlier []model.AidRecord
	cat     model.HardshipCategory
	rules   model.HardshipRules
}

func newAidForm(c *common.Common, st *stack.Stack, m model.Member, fileID uint64, done func(uint64) tea.Cmd) *aidForm {
	af := &aidForm{member: m, fileID: fileID}
	fm := form.New(c,
		form.ChoiceField("aid_type", true, opts(c, model.AidTypes, model.AidType.Key)),
		form.TextField("date", true, c.T("hint.date")),
		form.TextField("aid_cash", false, c.T("hardship.hint_cash")),
		form.TextField("aid_goods", false, c.T("hardship.hint_goods")),
		form.TextField("aid_goods_value", false, ""),
		form.ChoiceField("aid_fund", true, opts(c, model.FundSources, model.FundSource.Key)),
		form.TextField("aid_approver", true, ""),
		form.TextField("aid_student", false, c.T("hardship.hint_student")),
		form.ChoiceField("aid_school_level", false, opts(c, model.SchoolLevels, model.SchoolLevel.Key)),
		form.TextField("notes", false, ""),
	)
	fm.SetDefault("date", c.Today().String())
	// The household's earlier aid, for the yearly caps as the user types:
	// the file's, or the member's without a file, as the store counts.
	// Without them the warning is only left out; the store still warns.
	af.rules, _ = c.Store.HardshipRules()
	if fileID != 0 {
		af.earlier, _ = c.Store.FileAid(fileID)
		if f, err := c.Store.HardshipFile(fileID); err == nil {
			af.cat = f.Category
		}
	} else {
		af.earlier, _ = c.Store.MemberAid(m.ID)
	}
	af.formScreen = newFormScreen(c, st, fm, done)
	title := c.T("hardship.aid_title_member", m.Name, m.No)
	if fileID != 0 {
		title = c.T("hardship.aid_title_file", m.Name, fileID)
	}
	af.open(title, fixed(c.T("hardship.aid_hint")), func(fm *form.Form) model.Problems { _, ps := af.fromForm(fm); return ps }, af.save)
	return af
}

func (af *aidForm) fromForm(fm *form.Form) (model.AidRecord, model.Problems) {
	var ps model.Problems
	a := model.AidRecord{FileID: af.fileID, MemberID: af.member.ID}
	t, _ := fm.Choice("aid_type")
	a.Type = model.AidType(t)
	var err error
	if a.Date, err = model.ReadDate(fm.Value("date")); err != nil {
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
		ps = append(ps, a.Validate(af.c.Today())...)
	}
	return a, ps
}

// capWarnings are the yearly-cap warnings of the form's values with the
// household's aid of that year (model.AidCapWarnings, as the store warns
// when saving): nothing until the form has a valid date and an amount.
func (af *aidForm) capWarnings() model.Warnings {
	a, _ := af.fromForm(af.form)
	if a.Date == 0 || !a.Date.Valid() || a.Value() <= 0 {
		return nil
	}
	a.Normalize()
	return model.AidCapWarnings(&a, af.earlier, af.cat, af.rules)
}

// capLine is the warning line under the form, "" without one.
func (af *aidForm) capLine() string {
	warn := af.capWarnings()
	if len(warn) == 0 {
		return ""
	}
	msgs := make([]string, len(warn))
	for i, w := range warn {
		msgs[i] = w.Message(af.c.Lang)
	}
	return af.c.T("hardship.aid_cap_live", strings.Join(msgs, "; "))
}

// View adds under the form the warning of the yearly caps.
func (af *aidForm) View() string {
	out := af.Screen.View()
	w := af.capLine()
	if w == "" {
		return out
	}
	// Under the form: wrapped where the screen has the lines, else cut to
	// the one line SetSize keeps free.
	st := af.c.Styles
	width, height := af.Size()
	fit := func(s string) string { return ansi.Truncate(s, width, "~") }
	lines := strings.Split(ansi.Wrap(w, width, ""), "\n")
	if strings.Count(out, "\n")+1+len(lines) > height {
		lines = []string{fit(w)}
	}
	for _, l := range lines {
		out += "\n" + st.Warning.Render(fit(l))
	}
	return out
}

func (af *aidForm) save() tea.Cmd {
	c := af.c
	a, _ := af.fromForm(af.form)
	warn, err := c.Store.RecordAid(c.OperatorName(), &a)
	if err != nil {
		return af.form.SaveError(err, nil)
	}
	msg := c.T("hardship.aid_saved", c.T(a.Type.Key()), a.Value().Display())
	if a.LedgerID != 0 {
		if e, err := c.Store.LedgerEntry(a.LedgerID); err == nil {
			msg = c.T("hardship.aid_saved_voucher", c.T(a.Type.Key()), a.Cash.Display(), e.VoucherNo)
		}
	}
	if len(warn) > 0 {
		msg += "; " + warn.Localize(c.Lang)
	}
	return af.saved(model.EntityAid, a.ID, msg, len(warn) > 0)
}
