// Package settings is the Settings tab: this union's details, the dues
// settings, the accounting chart with the union's own sub-accounts, and the
// audit log (操作日志).
package settings

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/i18n"
	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/auditlog"
	"unionbook/ui/common"
	"unionbook/ui/form"
	"unionbook/ui/widget"
)

type mode int

const (
	modeSummary mode = iota
	modeProfile
	modeDues
	modeChart
	modeAccountForm
	modeAudit
	modeHardship
)

// Page is the Settings tab.
type Page struct {
	c          *common.Common
	prof       model.Profile
	mode       mode
	form       *form.Form
	chart      []model.Account
	chartTable widget.Table
	audit      *auditlog.View
	backingUp  bool
	lastBackup string
	width      int
	height     int
	err        error
}

// New makes the Settings tab with its audit log.
func New(c *common.Common) *Page {
	audit := auditlog.New(c)
	st := widget.TableStyles{Header: c.Styles.TableHeader, Cell: c.Styles.TableCell, Selected: c.Styles.TableSelected}
	p := &Page{c: c, audit: audit, chartTable: widget.NewTable(nil, st)}
	p.reload()
	return p
}

func (p *Page) reload() {
	prof, _, err := p.c.Store.Profile()
	if err != nil {
		p.err = err
		return
	}
	p.prof = prof
	if p.chart, err = p.c.Store.Chart(); err != nil {
		p.err = err
		return
	}
	custom := map[string]bool{}
	for _, a := range prof.CustomAccounts {
		custom[a.Code] = true
	}
	p.chartTable.SetColumns([]widget.Column{
		{Title: p.c.T("settings.col_code"), Width: 7},
		{Title: p.c.T("settings.col_account"), Width: 16, Flex: 1},
		{Title: p.c.T("settings.col_direction"), Width: 6},
		{Title: p.c.T("settings.col_origin"), Width: 8},
	})
	p.chartTable.SetRows(len(p.chart), func(row, col int) string {
		a := p.chart[row]
		switch col {
		case 0:
			return a.Code
		case 1:
			indent := strings.Repeat("  ", max(0, (len(a.Code)-3)/2))
			return indent + accountName(p.c, a)
		case 2:
			return p.c.T(a.Direction.Key())
		case 3:
			if custom[a.Code] {
				return p.c.T("settings.custom")
			}
			return p.c.T("settings.standard")
		}
		return ""
	})
}

func accountName(c *common.Common, a model.Account) string {
	if c.Lang == i18n.EN && a.NameEN != "" {
		return a.NameEN
	}
	return a.Name
}

// Title is the tab label.
func (p *Page) Title() string { return p.c.T("tab.settings") }

// SetSize lays the page out.
func (p *Page) SetSize(w, h int) {
	p.width, p.height = w, h
	p.chartTable.SetSize(w, max(3, h-2))
	if p.form != nil {
		p.form.SetSize(w, h-3)
	}
	if p.audit != nil {
		p.audit.SetSize(w, h)
	}
}

// Capturing reports typed text going to an input.
func (p *Page) Capturing() bool {
	return p.form != nil || (p.mode == modeAudit && p.audit != nil && p.audit.Capturing())
}

// Dirty reports unsaved changes.
func (p *Page) Dirty() bool { return p.form != nil && p.form.Dirty() }

var (
	keyProfile = key.NewBinding(key.WithKeys("p"))
	keyDues    = key.NewBinding(key.WithKeys("d"))
	keyChart   = key.NewBinding(key.WithKeys("c"))
	keyAudit   = key.NewBinding(key.WithKeys("l"))
	keyHard    = key.NewBinding(key.WithKeys("h"))
	keyBackup  = key.NewBinding(key.WithKeys("b"))
)

// backupDoneMsg is the result of a backup started from the tab.
type backupDoneMsg struct {
	path string
	err  error
}

func (p *Page) help(b key.Binding, k, desc string) key.Binding {
	b.SetHelp(k, p.c.T(desc))
	return b
}

// Update handles keys and messages.
func (p *Page) Update(msg tea.Msg) tea.Cmd {
	_, cmd := p.update(msg)
	return cmd
}

func (p *Page) update(msg tea.Msg) (common.Page, tea.Cmd) {
	if _, ok := msg.(common.DataChangedMsg); ok {
		p.reload()
		if p.audit != nil {
			var cmd tea.Cmd
			p.audit, cmd = p.audit.Update(msg)
			return p, cmd
		}
		return p, nil
	}
	if m, ok := msg.(backupDoneMsg); ok {
		p.backingUp = false
		if m.err != nil {
			return p, common.SetStatus(p.c.T("settings.backup_failed", p.c.Err(m.err)), true)
		}
		p.lastBackup = m.path
		return p, common.SetStatus(p.c.T("settings.backup_done", m.path), false)
	}
	if p.form != nil {
		return p, p.updateForm(msg)
	}
	km, isKey := msg.(tea.KeyPressMsg)
	if p.mode == modeAudit && p.audit != nil {
		if isKey && km.String() == "esc" && p.audit.AtList() { // else esc goes back to the list
			p.mode = modeSummary
			return p, nil
		}
		var cmd tea.Cmd
		p.audit, cmd = p.audit.Update(msg)
		return p, cmd
	}
	if isKey {
		switch {
		case km.String() == "esc":
			p.mode = modeSummary
			return p, nil
		case key.Matches(km, keyProfile):
			return p, p.openProfileForm()
		case key.Matches(km, keyDues):
			return p, p.openDuesForm()
		case key.Matches(km, keyHard):
			return p, p.openHardshipForm()
		case key.Matches(km, keyBackup) && p.mode == modeSummary:
			if p.backingUp {
				return p, nil
			}
			p.backingUp = true
			store := p.c.Store
			return p, tea.Batch(common.SetStatus(p.c.T("settings.backing_up"), false), func() tea.Msg {
				path, err := store.AutoBackup(storage.BackupManual)
				return backupDoneMsg{path: path, err: err}
			})
		case key.Matches(km, keyChart):
			p.mode = modeChart
			return p, nil
		case key.Matches(km, keyAudit) && p.audit != nil:
			p.mode = modeAudit
			return p, nil
		case p.mode == modeChart && key.Matches(km, p.c.Keys.New):
			return p, p.openAccountForm()
		}
	}
	if p.mode == modeChart {
		var cmd tea.Cmd
		p.chartTable, cmd = p.chartTable.Update(msg)
		return p, cmd
	}
	return p, nil
}

func (p *Page) show(f *form.Form, m mode) tea.Cmd {
	f.MarkClean()
	f.Revalidate()
	p.form = f
	p.form.SetSize(p.width, p.height-3)
	p.mode = m
	return nil
}

func (p *Page) openProfileForm() tea.Cmd {
	f := form.New(p.c,
		form.TextField("union_name", true, p.c.T("hint.union_name")),
		form.TextField("union_code", false, ""),
		form.TextField("higher_union", false, p.c.T("hint.higher_union")),
		form.TextField("operator", false, p.c.T("hint.operator")),
		form.TextField("min_living", false, p.c.T("hint.min_living")),
	)
	f.SetValue("union_name", p.prof.UnionName)
	f.SetValue("union_code", p.prof.Code)
	f.SetValue("higher_union", p.prof.HigherUnion)
	f.SetValue("operator", p.prof.Operator)
	if p.prof.MinLiving > 0 {
		f.SetValue("min_living", p.prof.MinLiving.String())
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := p.profileFromForm(f); return ps }
	return p.show(f, modeProfile)
}

func (p *Page) profileFromForm(f *form.Form) (model.Profile, model.Problems) {
	pr := p.prof
	var ps model.Problems
	pr.UnionName = f.Value("union_name")
	pr.Code = f.Value("union_code")
	pr.HigherUnion = f.Value("higher_union")
	pr.Operator = f.Value("operator")
	pr.MinLiving = 0
	if v := strings.TrimSpace(f.Value("min_living")); v != "" {
		m, err := model.ParseMoney(v)
		if err != nil {
			ps = append(ps, form.ProblemOf("min_living", err))
		}
		pr.MinLiving = m
	}
	pr.Normalize()
	for _, q := range pr.Validate() {
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return pr, ps
}

func (p *Page) openDuesForm() tea.Cmd {
	f := form.New(p.c,
		form.TextField("dues_rate", true, "0.5"),
		form.TextField("trunc_unit", true, "10"),
		form.CheckField("owe_join_month"),
		form.CheckField("batch_one_receipt"),
		form.TextField("arrears_months", true, "6"),
		form.TextField("dues_since", false, p.c.T("hint.month")),
	)
	f.SetValue("dues_rate", model.Money(p.prof.DuesRateBP).String())
	f.SetValue("trunc_unit", truncUnit(p.prof).String())
	f.SetChecked("owe_join_month", p.prof.OweJoinMonth)
	f.SetChecked("batch_one_receipt", p.prof.BatchOneReceipt)
	f.SetValue("arrears_months", strconv.Itoa(arrearsMonths(p.prof)))
	if p.prof.DuesSince != 0 {
		f.SetValue("dues_since", p.prof.DuesSince.String())
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := p.duesFromForm(f); return ps }
	return p.show(f, modeDues)
}

// duesFromForm reads the dues settings. The rate is typed in percent with
// up to two decimals ("0.5" or "0.5%"), which is basis points.
func (p *Page) duesFromForm(f *form.Form) (model.Profile, model.Problems) {
	pr := p.prof
	var ps model.Problems
	rate, err := model.ParseMoney(strings.TrimSuffix(strings.TrimSpace(f.Value("dues_rate")), "%"))
	switch {
	case err != nil:
		ps = append(ps, form.ProblemOf("dues_rate", err))
	case rate < 0 || rate > 1000:
		ps = append(ps, model.Problem{Field: "dues_rate", Key: "profile.dues_rate"})
	}
	pr.DuesRateBP = int(rate)
	unit, err := model.ParseMoney(f.Value("trunc_unit"))
	if err != nil {
		ps = append(ps, form.ProblemOf("trunc_unit", err))
	} else if unit < 0 {
		ps = append(ps, model.Problem{Field: "trunc_unit", Key: "problem.negative"})
	}
	pr.DuesTruncUnit = unit
	pr.OweJoinMonth = f.Checked("owe_join_month")
	pr.BatchOneReceipt = f.Checked("batch_one_receipt")
	n, err := strconv.Atoi(model.Clean(f.Value("arrears_months")))
	if err != nil || n < 1 || n > 60 {
		ps = append(ps, model.Problem{Field: "arrears_months", Key: "settings.arrears_range"})
	}
	pr.ArrearsMonths = n
	pr.DuesSince = 0
	if v := strings.TrimSpace(f.Value("dues_since")); v != "" {
		m, err := model.ParseMonth(v)
		if err != nil {
			ps = append(ps, form.ProblemOf("dues_since", err))
		}
		pr.DuesSince = m
	}
	return pr, ps
}

// arrearsMonths and truncUnit show what an unset setting means.
func arrearsMonths(p model.Profile) int {
	if p.ArrearsMonths <= 0 {
		return 6
	}
	return p.ArrearsMonths
}

func truncUnit(p model.Profile) model.Money {
	if p.DuesTruncUnit == 0 {
		return model.Yuan(10)
	}
	return p.DuesTruncUnit
}

// hardshipInts and hardshipMoney are the hardship settings: the category
// lines as percentages of the minimum-living standard, and the yearly caps
// on aid that warn (never block) when exceeded.
var hardshipInts = []string{"hs_deep_pct", "hs_relative_pct", "hs_sudden_pct", "hs_cap_living_deep", "hs_cap_living_rel",
	"hs_cap_school_senior_months", "hs_cap_school_univ_months", "hs_notice_workdays"}
var hardshipMoney = []string{"hs_cap_school_compulsory", "hs_cap_medical", "hs_cap_warmth"}

func (p *Page) openHardshipForm() tea.Cmd {
	r := p.prof.HardshipRules()
	var fields []*form.Field
	for _, k := range hardshipInts {
		fields = append(fields, form.TextField(k, true, ""))
	}
	for _, k := range hardshipMoney {
		fields = append(fields, form.TextField(k, false, p.c.T("settings.no_cap")))
	}
	f := form.New(p.c, fields...)
	for k, v := range map[string]int{"hs_deep_pct": r.DeepPct, "hs_relative_pct": r.RelativePct, "hs_sudden_pct": r.SuddenPct,
		"hs_cap_living_deep": r.LivingDeepMonths, "hs_cap_living_rel": r.LivingRelativeMonths,
		"hs_cap_school_senior_months": r.SchoolSeniorMonths, "hs_cap_school_univ_months": r.SchoolUnivMonths,
		"hs_notice_workdays": r.NoticeWorkdays} {
		f.SetValue(k, strconv.Itoa(v))
	}
	for k, v := range map[string]model.Money{"hs_cap_school_compulsory": r.SchoolCompulsory,
		"hs_cap_medical": r.Medical, "hs_cap_warmth": r.Warmth} {
		if v > 0 {
			f.SetValue(k, v.String())
		}
	}
	f.Validate = func(f *form.Form) model.Problems { _, ps := p.hardshipFromForm(f); return ps }
	return p.show(f, modeHardship)
}

func (p *Page) hardshipFromForm(f *form.Form) (model.Profile, model.Problems) {
	pr := p.prof
	var ps model.Problems
	ints := map[string]*int{"hs_deep_pct": &pr.HardshipDeepPct, "hs_relative_pct": &pr.HardshipRelativePct,
		"hs_sudden_pct": &pr.HardshipSuddenPct, "hs_cap_living_deep": &pr.CapLivingDeepMonths, "hs_cap_living_rel": &pr.CapLivingRelMonths,
		"hs_cap_school_senior_months": &pr.CapSchoolSeniorMonths, "hs_cap_school_univ_months": &pr.CapSchoolUnivMonths,
		"hs_notice_workdays": &pr.NoticeWorkdays}
	for _, k := range hardshipInts {
		n, err := strconv.Atoi(model.Clean(f.Value(k)))
		if err != nil || n < 0 {
			ps = append(ps, model.Problem{Field: k, Key: "problem.whole_number"})
		}
		*ints[k] = n
	}
	monies := map[string]*model.Money{"hs_cap_school_compulsory": &pr.CapSchoolCompulsory,
		"hs_cap_medical": &pr.CapMedical, "hs_cap_warmth": &pr.CapWarmth}
	for _, k := range hardshipMoney {
		*monies[k] = 0
		v := strings.TrimSpace(f.Value(k))
		if v == "" {
			continue
		}
		m, err := model.ParseMoney(v)
		if err != nil {
			ps = append(ps, form.ProblemOf(k, err))
		} else if m < 0 {
			ps = append(ps, model.Problem{Field: k, Key: "problem.negative"})
		}
		*monies[k] = m
	}
	for _, q := range pr.Validate() {
		if len(ps.For(q.Field)) == 0 {
			ps = append(ps, q)
		}
	}
	return pr, ps
}

func (p *Page) openAccountForm() tea.Cmd {
	var parents []form.Option
	for _, a := range p.chart {
		if len(a.Code) == 3 {
			parents = append(parents, form.Option{Label: a.Code + " " + accountName(p.c, a), Value: uint64(len(parents))})
		}
	}
	f := form.New(p.c,
		form.ChoiceField("account_parent", true, parents),
		form.TextField("account_code", true, p.c.T("hint.account_code")),
		form.TextField("account_name", true, p.c.T("hint.account_name")),
		form.TextField("account_name_en", false, ""),
	)
	f.Validate = func(f *form.Form) model.Problems { _, ps := p.accountFromForm(f); return ps }
	return p.show(f, modeAccountForm)
}

func (p *Page) accountFromForm(f *form.Form) (model.Account, model.Problems) {
	var ps model.Problems
	var parent model.Account
	i, _ := f.Choice("account_parent")
	n := 0
	for _, a := range p.chart {
		if len(a.Code) == 3 {
			if uint64(n) == i {
				parent = a
			}
			n++
		}
	}
	acc := model.Account{
		Code:      model.Clean(f.Value("account_code")),
		Name:      model.CleanText(f.Value("account_name")),
		NameEN:    model.CleanText(f.Value("account_name_en")),
		Direction: parent.Direction,
	}
	switch {
	case acc.Code == "":
		ps = append(ps, model.Problem{Field: "account_code", Key: "problem.required"})
	case !strings.HasPrefix(acc.Code, parent.Code) || len(acc.Code) != len(parent.Code)+2 || !allDigits(acc.Code):
		ps = append(ps, model.Problem{Field: "account_code", Key: "settings.code_shape", Args: []any{parent.Code}})
	default:
		for _, a := range p.chart {
			if a.Code == acc.Code {
				ps = append(ps, model.Problem{Field: "account_code", Key: "settings.code_taken", Args: []any{accountName(p.c, a)}})
			}
		}
	}
	if acc.Name == "" {
		ps = append(ps, model.Problem{Field: "account_name", Key: "problem.required"})
	}
	return acc, ps
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

func (p *Page) updateForm(msg tea.Msg) tea.Cmd {
	act, cmd := p.form.Update(msg)
	switch act {
	case form.Cancel:
		p.form = nil
		if p.mode == modeAccountForm {
			p.mode = modeChart
		} else {
			p.mode = modeSummary
		}
		return common.SetStatus(p.c.T("form.cancelled"), false)
	case form.Submit:
		if n := len(p.form.Problems()); n > 0 {
			return common.SetStatus(p.c.T("form.has_problems", n), true)
		}
		var pr model.Profile
		back := modeSummary
		switch p.mode {
		case modeProfile:
			pr, _ = p.profileFromForm(p.form)
		case modeDues:
			pr, _ = p.duesFromForm(p.form)
		case modeHardship:
			pr, _ = p.hardshipFromForm(p.form)
		case modeAccountForm:
			acc, _ := p.accountFromForm(p.form)
			pr = p.prof
			pr.CustomAccounts = append(append([]model.Account(nil), pr.CustomAccounts...), acc)
			back = modeChart
		}
		if err := p.c.Store.SaveProfile(p.c.Operator, pr); err != nil {
			var ps model.Problems
			if errors.As(err, &ps) {
				p.form.SetProblems(ps)
			}
			return common.SetStatus(p.c.Err(err), true)
		}
		p.form = nil
		p.mode = back
		p.reload()
		return tea.Batch(common.SetStatus(p.c.T("settings.saved"), false), common.Changed(model.EntityProfile, 0))
	}
	return cmd
}

// View draws the current section.
func (p *Page) View() string {
	st := p.c.Styles
	if p.err != nil {
		return st.Error.Render(p.c.Err(p.err))
	}
	switch p.mode {
	case modeProfile, modeDues, modeAccountForm, modeHardship:
		title := map[mode]string{modeProfile: "settings.profile_title", modeDues: "settings.dues_title",
			modeAccountForm: "settings.account_title", modeHardship: "settings.hardship_title"}[p.mode]
		return st.Title.Render(p.c.T(title)) + "\n\n" + p.form.View()
	case modeChart:
		return st.Title.Render(p.c.T("settings.chart_title")) + "  " + st.Muted.Render(p.c.T("settings.chart_hint")) + "\n" + p.chartTable.View()
	case modeAudit:
		return p.audit.View()
	}
	return p.summary()
}

func (p *Page) summary() string {
	st := p.c.Styles
	pr := p.prof
	labelKeys := []string{"field.union_name", "field.union_code", "field.higher_union", "field.operator", "field.min_living",
		"field.dues_rate", "field.trunc_unit", "field.owe_join_month", "field.batch_one_receipt", "field.arrears_months", "field.dues_since"}
	labelW := 0
	for _, k := range labelKeys {
		labelW = max(labelW, ansi.StringWidth(p.c.T(k)))
	}
	lab := func(k string) string {
		l := p.c.T(k)
		return st.Label.Render(l + strings.Repeat(" ", labelW+2-ansi.StringWidth(l)))
	}
	yesNo := func(b bool) string {
		if b {
			return p.c.T("form.yes")
		}
		return p.c.T("form.no")
	}
	dash := func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	}
	hr := pr.HardshipRules()
	since := p.c.T("settings.since_joining")
	if pr.DuesSince != 0 {
		since = pr.DuesSince.String()
	}
	minLiving := "-"
	if pr.MinLiving > 0 {
		minLiving = pr.MinLiving.Display()
	}
	lines := []string{
		st.Title.Render(p.c.T("settings.profile_title")) + "  " + st.Muted.Render(p.c.T("settings.edit_with", "p")),
		lab("field.union_name") + dash(pr.UnionName),
		lab("field.union_code") + dash(pr.Code),
		lab("field.higher_union") + dash(pr.HigherUnion),
		lab("field.operator") + dash(pr.Operator),
		lab("field.min_living") + minLiving,
		"",
		st.Title.Render(p.c.T("settings.dues_title")) + "  " + st.Muted.Render(p.c.T("settings.edit_with", "d")),
		lab("field.dues_rate") + fmt.Sprintf("%s%%", model.Money(pr.DuesRateBP).String()),
		lab("field.trunc_unit") + truncUnit(pr).Display(),
		lab("field.owe_join_month") + yesNo(pr.OweJoinMonth),
		lab("field.batch_one_receipt") + yesNo(pr.BatchOneReceipt),
		lab("field.arrears_months") + strconv.Itoa(arrearsMonths(pr)),
		lab("field.dues_since") + since,
		"",
		st.Title.Render(p.c.T("settings.hardship_title")) + "  " + st.Muted.Render(p.c.T("settings.edit_with", "h")),
		p.c.T("settings.hardship_summary", hr.DeepPct, hr.RelativePct, hr.LivingDeepMonths, hr.LivingRelativeMonths),
		"",
		st.Title.Render(p.c.T("settings.chart_title")) + "  " + st.Muted.Render(p.c.T("settings.chart_summary", len(p.chart), len(pr.CustomAccounts))),
	}
	if p.audit != nil {
		lines = append(lines, "", st.Title.Render(p.c.T("settings.audit_title"))+"  "+st.Muted.Render(p.c.T("settings.open_with", "l")))
	}
	lines = append(lines, "", st.Title.Render(p.c.T("settings.backup_title"))+"  "+st.Muted.Render(p.c.T("settings.backup_with", "b")))
	if bs, err := storage.Backups(p.c.Store.Path()); err == nil && len(bs) > 0 {
		lines = append(lines, p.c.T("settings.backup_newest", len(bs), bs[0].Path))
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.width, "~")
	}
	return strings.Join(lines, "\n")
}

// Cursor is the caret of the open form or the audit log's filter.
func (p *Page) Cursor() *tea.Cursor {
	if p.form != nil {
		if c := p.form.Cursor(); c != nil {
			c.Y += 2
			return c
		}
		return nil
	}
	if p.mode == modeAudit && p.audit != nil {
		return p.audit.Cursor()
	}
	return nil
}

// ShortHelp lists the keys of the current section.
func (p *Page) ShortHelp() []key.Binding {
	k := p.c.Keys
	switch {
	case p.form != nil:
		return []key.Binding{k.NextField, k.PrevField, k.Save, k.Back}
	case p.mode == modeAudit && p.audit != nil:
		return p.audit.ShortHelp()
	case p.mode == modeChart:
		return []key.Binding{p.help(k.New, "n", "settings.key_add_account"), k.Back}
	}
	keys := []key.Binding{p.help(keyProfile, "p", "settings.key_profile"), p.help(keyDues, "d", "settings.key_dues"),
		p.help(keyHard, "h", "settings.key_hardship"), p.help(keyChart, "c", "settings.key_chart"),
		p.help(keyBackup, "b", "settings.key_backup")}
	if p.audit != nil {
		keys = append(keys, p.help(keyAudit, "l", "settings.key_audit"))
	}
	return append(keys, k.Help, k.Quit)
}

// FullHelp lists every key of the tab.
func (p *Page) FullHelp() [][]key.Binding {
	groups := [][]key.Binding{p.ShortHelp()}
	if p.mode == modeAudit && p.audit != nil {
		groups = p.audit.FullHelp()
	}
	return groups
}
