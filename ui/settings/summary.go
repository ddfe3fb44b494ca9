package settings

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/auditlog"
	"unionbook/ui/bookui"
	"unionbook/ui/common"
	"unionbook/ui/stack"
)

// summary is the tab's first screen: every setting with the key that
// edits it, the audit log and backups.
type summary struct {
	common.ScreenBase
	c         *common.Common
	st        *stack.Stack
	k         keys
	prof      model.Profile
	accounts  int // in the chart
	backingUp bool
	w         int
	err       error
}

func newSummary(c *common.Common, st *stack.Stack) *summary {
	s := &summary{c: c, st: st, k: newKeys(c)}
	s.reload()
	return s
}

func (s *summary) reload() {
	prof, _, err := s.c.Store.Profile()
	if err != nil {
		s.err = err
		return
	}
	chart, err := s.c.Store.Chart()
	if err != nil {
		s.err = err
		return
	}
	s.prof, s.accounts, s.err = prof, len(chart), nil
}

// backupDoneMsg is the result of a backup started from the tab.
type backupDoneMsg struct {
	path string
	err  error
}

func (s *summary) SetSize(w, _ int) { s.w = w }

func (s *summary) Update(msg tea.Msg) tea.Cmd {
	switch m := msg.(type) {
	case common.DataChangedMsg:
		s.reload()
		return nil
	case backupDoneMsg:
		s.backingUp = false
		if m.err != nil {
			return common.SetStatus(s.c.T("settings.backup_failed", s.c.Err(m.err)), true)
		}
		return common.SetStatus(s.c.T("settings.backup_done", m.path), false)
	case tea.KeyPressMsg:
		switch {
		case key.Matches(m, s.k.Profile):
			return s.st.Push(newProfileForm(s.c, s.st))
		case key.Matches(m, s.k.Dues):
			return s.st.Push(newDuesForm(s.c, s.st))
		case key.Matches(m, s.k.Hardship):
			return s.st.Push(newHardshipForm(s.c, s.st))
		case key.Matches(m, s.k.Org):
			return s.st.Push(newOrgForm(s.c, s.st))
		case key.Matches(m, s.k.Chart):
			return s.st.Push(newChart(s.c, s.st))
		case key.Matches(m, s.k.Openings):
			return s.st.Push(bookui.NewOpenings(s.c, s.st, nil))
		case key.Matches(m, s.k.Books):
			return s.st.Push(newBooksForm(s.c, s.st))
		case key.Matches(m, s.k.Audit):
			return s.st.Push(auditlog.New(s.c, s.st))
		case key.Matches(m, s.k.Backup):
			return s.backup()
		}
	}
	return nil
}

// backup copies the database in the background; a second b while it runs
// does nothing.
func (s *summary) backup() tea.Cmd {
	if s.backingUp {
		return nil
	}
	s.backingUp = true
	store := s.c.Store
	return tea.Batch(common.SetStatus(s.c.T("settings.backing_up"), false), func() tea.Msg {
		path, err := store.AutoBackup(storage.BackupManual)
		return backupDoneMsg{path: path, err: err}
	})
}

func (s *summary) View() string {
	st := s.c.Styles
	if s.err != nil {
		return st.Error.Render(s.c.Err(s.err))
	}
	pr := s.prof
	labelKeys := []string{"field.union_name", "field.union_code", "field.higher_union", "field.operator", "field.min_living",
		"field.dues_rate", "field.trunc_unit", "field.owe_join_month", "field.batch_one_receipt", "field.arrears_months", "field.dues_since"}
	labelW := 0
	for _, k := range labelKeys {
		labelW = max(labelW, ansi.StringWidth(s.c.T(k)))
	}
	lab := func(k string) string {
		l := s.c.T(k)
		return st.Label.Render(l + strings.Repeat(" ", labelW+2-ansi.StringWidth(l)))
	}
	yesNo := func(b bool) string {
		if b {
			return s.c.T("form.yes")
		}
		return s.c.T("form.no")
	}
	dash := func(v string) string {
		if v == "" {
			return "-"
		}
		return v
	}
	section := func(title, hint string) string {
		return st.Title.Render(s.c.T(title)) + "  " + st.Muted.Render(hint)
	}
	keyOf := func(b key.Binding) string { return b.Help().Key }
	hr := pr.HardshipRules()
	since := s.c.T("settings.since_joining")
	if pr.DuesSince != 0 {
		since = pr.DuesSince.String()
	}
	minLiving := "-"
	if pr.MinLiving > 0 {
		minLiving = pr.MinLiving.Display()
	}
	lines := []string{
		section("settings.profile_title", s.c.T("settings.edit_with", keyOf(s.k.Profile))),
		lab("field.union_name") + dash(pr.UnionName),
		lab("field.union_code") + dash(pr.Code),
		lab("field.higher_union") + dash(pr.HigherUnion),
		lab("field.operator") + dash(pr.Operator),
		lab("field.min_living") + minLiving,
		"",
		section("settings.dues_title", s.c.T("settings.edit_with", keyOf(s.k.Dues))),
		lab("field.dues_rate") + fmt.Sprintf("%s%%", model.Money(pr.DuesRateBP).String()),
		lab("field.trunc_unit") + truncUnit(pr).Display(),
		lab("field.owe_join_month") + yesNo(pr.OweJoinMonth),
		lab("field.batch_one_receipt") + yesNo(pr.BatchOneReceipt),
		lab("field.arrears_months") + strconv.Itoa(arrearsMonths(pr)),
		lab("field.dues_since") + since,
		"",
		section("settings.hardship_title", s.c.T("settings.edit_with", keyOf(s.k.Hardship))),
		s.c.T("settings.hardship_summary", hr.DeepPct, hr.RelativePct, hr.LivingDeepMonths, hr.LivingRelativeMonths),
		section("settings.org_title", s.c.T("settings.edit_with", keyOf(s.k.Org))) + "  " +
			s.c.T("settings.org_summary", pr.OrgRules().TermYears, pr.OrgRules().ElectionWarnDays),
		"",
		section("settings.chart_title", s.c.T("settings.chart_summary", s.accounts, len(pr.CustomAccounts))),
		"",
		section("settings.books_title", s.c.T("settings.books_keys", keyOf(s.k.Openings), keyOf(s.k.Books))),
		booksLine(s.c),
		"",
		section("settings.audit_title", s.c.T("settings.open_with", keyOf(s.k.Audit))),
		"",
		section("settings.backup_title", s.c.T("settings.backup_with", keyOf(s.k.Backup))),
	}
	if bs, err := storage.Backups(s.c.Store.Path()); err == nil && len(bs) > 0 {
		lines = append(lines, s.c.T("settings.backup_newest", len(bs), bs[0].Path))
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, s.w, "~")
	}
	return strings.Join(lines, "\n")
}

func (s *summary) ShortHelp() []key.Binding {
	k := s.c.Keys
	return []key.Binding{s.k.Profile, s.k.Dues, s.k.Hardship, s.k.Org, s.k.Chart, s.k.Openings, s.k.Books, s.k.Backup, s.k.Audit, k.Help, k.Quit}
}

func (s *summary) FullHelp() [][]key.Binding { return [][]key.Binding{s.ShortHelp()} }
