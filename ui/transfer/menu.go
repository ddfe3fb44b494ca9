package transfer

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/model"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/reports"
	"unionbook/ui/widget"
)

// menu is the tab's first screen: import, export, the past exports or the
// reports (ui/reports), with the latest exports under it.
type menu struct {
	common.ScreenBase
	e      *env
	w, h   int
	sel    int                    // the selected line
	recent []storage.ExportRecord // newest first
	// The import's options and folder and the export form are kept from
	// one visit to the next, so the options and the USB folder stay.
	imp  *importState
	form *exportForm
}

// menuLines is the number of the menu's lines.
const menuLines = 4

func newMenu(e *env) *menu {
	m := &menu{e: e, imp: &importState{}, form: newExportForm(e)}
	m.loadRecent()
	return m
}

// loadRecent reads the past exports; the history screen says when that
// fails, the menu just shows none.
func (m *menu) loadRecent() {
	if m.e.c.Store == nil {
		return
	}
	m.recent, _ = m.e.c.Store.Exports(0)
}

func (m *menu) SetSize(w, h int) { m.w, m.h = w, h }

func (m *menu) Update(msg tea.Msg) tea.Cmd {
	k := m.e.keys
	switch msg := msg.(type) {
	case common.DataChangedMsg:
		if msg.Entity == model.EntityExport {
			m.loadRecent()
		}
	case tea.KeyPressMsg:
		switch {
		case key.Matches(msg, k.openImport):
			return m.open(0)
		case key.Matches(msg, k.openExport):
			return m.open(1)
		case key.Matches(msg, k.openHistory):
			return m.open(2)
		case key.Matches(msg, k.openReports):
			return m.open(3)
		case key.Matches(msg, k.menuUp):
			m.sel = (m.sel + menuLines - 1) % menuLines
		case key.Matches(msg, k.menuDown):
			m.sel = (m.sel + 1) % menuLines
		case key.Matches(msg, k.choose):
			return m.open(m.sel)
		}
	}
	return nil
}

// open shows the screen of a menu line.
func (m *menu) open(line int) tea.Cmd {
	switch line {
	case 0:
		return chooseRoster(m.e, m.imp)
	case 1:
		m.form.open()
		return m.e.st.Push(m.form)
	case 3:
		return reports.Open(m.e.c, m.e.st)
	}
	return m.e.st.Push(newHistory(m.e))
}

func (m *menu) View() string {
	c, st, w := m.e.c, m.e.c.Styles, m.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	lines := []string{st.Title.Render(fit(c.T("exportui.menu_title"))), fit("")}
	items := []struct{ key, text string }{
		{"i", c.T("exportui.menu_import")},
		{"E", c.T("exportui.menu_export")},
		{"h", c.T("exportui.menu_history")},
		{"r", c.T("exportui.menu_reports")},
	}
	for i, it := range items {
		if i == m.sel {
			lines = append(lines, st.Focused.Render(fit("> "+it.key+"  "+it.text)))
		} else {
			lines = append(lines, fit("  "+it.key+"  "+it.text))
		}
	}
	lines = append(lines, fit(""))
	if len(m.recent) > 0 {
		lines = append(lines, st.Label.Render(fit(c.T("exportui.menu_recent"))))
		for _, h := range m.recent[:min(3, len(m.recent))] {
			l := "  " + h.At.Local().Format("2006-01-02 15:04") + "  " + h.Period + "  " + scopeWord(c, h, "period.scope_period", "period.scope_whole") + "  " + shortSHA(h.SHA256) + "  " + baseName(h.File)
			lines = append(lines, st.Muted.Render(fit(l)))
		}
		lines = append(lines, fit(""))
	}
	for _, k := range []string{"exportui.menu_about1", "exportui.menu_about2"} {
		for _, l := range wrap(c.T(k), w) {
			lines = append(lines, st.Muted.Render(fit(l)))
		}
	}
	return screenOf(lines, w, m.h)
}

func (m *menu) ShortHelp() []key.Binding {
	k := m.e.keys
	return []key.Binding{k.openImport, k.openExport, k.openHistory, k.openReports, k.choose, m.e.c.Keys.Help, m.e.c.Keys.Quit}
}

func (m *menu) FullHelp() [][]key.Binding {
	k := m.e.keys
	return [][]key.Binding{m.ShortHelp(), {k.menuUp, k.menuDown}}
}
