package transfer

import (
	"path/filepath"
	"strings"

	tea "charm.land/bubbletea/v2"

	"unionbook/roster"
	"unionbook/scratch"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
)

// chooseReport opens the file chooser for the problems report of plan, in
// the roster's folder with a name made of the roster's; the report is
// written in the background and the status line says where it went.
func chooseReport(e *env, plan *roster.Plan) tea.Cmd {
	c, t := e.c, plan.Table
	base := strings.TrimSuffix(filepath.Base(t.Path), filepath.Ext(t.Path))
	o := filechooser.Options{
		Title: c.T("importer.report_title", filepath.Base(t.Path)), Mode: filechooser.Save,
		Exts: []string{".xlsx"}, Dir: filepath.Dir(t.Path), Name: c.T("importer.report_name", base), FS: e.files,
	}
	return e.st.Push(filechooser.New(c, e.st, o, func(path string) tea.Cmd {
		return tea.Batch(common.SetStatus(c.T("importer.report_writing", filepath.Base(path)), false), writeReport(e, plan, path))
	}))
}

// writeReport writes the problems report at path, in the background, its
// temporary files in the database's scratch folder.
func writeReport(e *env, plan *roster.Plan, path string) tea.Cmd {
	c, dbPath := e.c, ""
	if c.Store != nil {
		dbPath = c.Store.Path()
	}
	return func() tea.Msg {
		var sess *scratch.Session
		if dbPath != "" {
			if s, err := scratch.Begin(dbPath); err == nil {
				defer s.Close()
				sess = s
			}
		}
		if err := roster.WriteReport(path, plan, c.Lang, sess); err != nil {
			return common.StatusMsg{Text: c.T("importer.report_failed", plain(c.Err(err))), Error: true}
		}
		return common.StatusMsg{Text: c.T("import.report_written", path)}
	}
}
