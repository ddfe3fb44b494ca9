package dues

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"unionbook/model"
	"unionbook/roster"
	"unionbook/ui/common"
	"unionbook/ui/filechooser"
	"unionbook/ui/form"
	"unionbook/ui/stack"
)

// importForm reads a file of wage bases (Excel or CSV: ID number or
// member number, base, and the month it counts from), chosen in the shared
// file chooser, asking from which month rows without one count; it reads
// in the background, and the preview then shows every row's problems
// before anything is written.
type importForm struct {
	formFrame
	path    string
	reading bool
	seq     int
	err     error
}

// wagesReadMsg is a wage file read and checked.
type wagesReadMsg struct {
	seq  int
	plan *roster.WagePlan
	path string
	err  error
}

// openImport chooses the file, then asks from which month.
func openImport(d *data, st *stack.Stack) tea.Cmd {
	o := filechooser.Options{Title: d.c.T("dues.import_choose"), Mode: filechooser.Open, Exts: []string{".xlsx", ".csv", ".txt"}, Dir: d.lastDir, FS: Files}
	return st.Push(filechooser.New(d.c, st, o, func(path string) tea.Cmd {
		return st.Push(newImportForm(d, st, path))
	}))
}

func newImportForm(d *data, st *stack.Stack, path string) *importForm {
	c := d.c
	f := form.New(c, form.TextField("wage_from", true, c.T("hint.month")))
	f.SetDefault("wage_from", c.Today().Month().String())
	im := &importForm{path: path}
	im.open(d, st, f, c.T("dues.import_title")+"  "+filepath.Base(path), fixed(c.T("dues.import_hint")), im.validate, im.read)
	return im
}

func (im *importForm) validate(f *form.Form) model.Problems {
	if _, err := model.ParseMonth(f.Value("wage_from")); err != nil {
		return model.Problems{form.ProblemOf("wage_from", err)}
	}
	return nil
}

func (im *importForm) Update(msg tea.Msg) tea.Cmd {
	if m, ok := msg.(wagesReadMsg); ok {
		if m.seq != im.seq {
			return nil
		}
		im.reading = false
		if m.err != nil {
			im.err = m.err
			return common.SetStatus(im.c.Err(m.err), true)
		}
		return im.st.Replace(newImportPreview(im.data, im.st, m.plan, m.path))
	}
	if im.reading {
		return nil
	}
	return im.Screen.Update(msg)
}

// read reads the file in a command.
func (im *importForm) read() tea.Cmd {
	im.data.seq++
	im.seq, im.reading, im.err = im.data.seq, true, nil
	path := im.path
	from, _ := model.ParseMonth(im.form.Value("wage_from"))
	store, today, seq := im.c.Store, im.c.Today(), im.seq
	return func() tea.Msg {
		plan, err := roster.LoadWages(context.Background(), path, "", store, roster.WageOptions{From: from, Today: today})
		return wagesReadMsg{seq: seq, plan: plan, path: path, err: err}
	}
}

func (im *importForm) View() string {
	out := im.Screen.View()
	if im.reading {
		out += "\n\n" + im.c.Styles.Muted.Render(im.c.T("dues.import_reading"))
	}
	return out + "\n\n" + im.c.Styles.Muted.Render(ansi.Wrap(im.wageRule(), max(im.width(), 20), ""))
}

// importPreview shows what a wage file would change and every row's
// problems; ctrl+s writes all the bases at once, only when no row has a
// problem; r writes the problems report next to the file.
type importPreview struct {
	common.ScreenBase
	*data
	st   *stack.Stack
	plan *roster.WagePlan
	path string
	w, h int
}

func newImportPreview(d *data, st *stack.Stack, plan *roster.WagePlan, path string) *importPreview {
	return &importPreview{data: d, st: st, plan: plan, path: path}
}

func (p *importPreview) SetSize(w, h int) { p.w, p.h = w, h }

// Dirty: nothing is written yet.
func (p *importPreview) Dirty() bool { return !p.plan.HasProblems() }

func (p *importPreview) reportPath() string {
	ext := filepath.Ext(p.path)
	return strings.TrimSuffix(p.path, ext) + p.c.T("dues.import_report_suffix") + ".xlsx"
}

func (p *importPreview) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, p.c.Keys.Save):
		if p.plan.HasProblems() {
			return common.SetStatus(p.c.T("dues.import_fix_first"), true)
		}
		n, err := p.plan.CommitWages(p.c.Store, p.c.OperatorName())
		if err != nil {
			return common.SetStatus(p.c.Err(err), true)
		}
		p.st.Pop()
		return tea.Batch(common.SetStatus(p.c.T("dues.import_ok", n, p.plan.Unchanged), false), common.Changed(model.EntityMember, 0))
	case key.Matches(km, p.k.ProblemReport):
		path := p.reportPath()
		if err := roster.WriteReport(path, &p.plan.Plan, p.c.Lang, nil); err != nil {
			return common.SetStatus(p.c.Err(err), true)
		}
		return common.SetStatus(p.c.T("dues.saved_to", path), false)
	}
	return nil
}

func (p *importPreview) View() string {
	st := p.c.Styles
	pl := p.plan
	lines := []string{st.Title.Render(p.c.T("dues.import_preview_title", filepath.Base(p.path))),
		p.c.T("dues.import_counts", pl.Stats.Read, pl.Stats.Valid-pl.Unchanged, pl.Unchanged, pl.Stats.Problems)}
	if pl.Header.Index >= 0 {
		var cols []string
		for c, f := range pl.Header.Fields {
			if f != "" {
				cols = append(cols, fmt.Sprintf("%s=%s", roster.ColumnName(c), p.c.T("field."+string(f))))
			}
		}
		lines = append(lines, st.Muted.Render(p.c.T("dues.import_columns", pl.Header.Row, strings.Join(cols, " "))))
	}
	lines = append(lines, "")
	issues := pl.Issues()
	if len(issues) == 0 {
		lines = append(lines, st.Success.Render(p.c.T("dues.import_clean")))
	} else {
		for _, l := range strings.Split(ansi.Wrap(p.c.T("dues.import_problems", len(issues)), max(p.w, 20), ""), "\n") {
			lines = append(lines, st.Error.Render(l))
		}
		room := max(3, p.h-len(lines)-2)
		var wrapped []string
		for _, is := range issues {
			wrapped = append(wrapped, strings.Split(ansi.Wrap(is.Localize(p.c.Lang), max(p.w, 20), ""), "\n")...)
		}
		if len(wrapped) > room {
			wrapped = append(wrapped[:room-1], p.c.T("dues.more_lines", len(wrapped)-room+1))
		}
		for _, l := range wrapped {
			lines = append(lines, st.Error.Render(l))
		}
	}
	for i, l := range lines {
		lines[i] = ansi.Truncate(l, p.w, "~")
	}
	return strings.Join(lines, "\n")
}

func (p *importPreview) ShortHelp() []key.Binding {
	if p.plan.HasProblems() {
		return []key.Binding{p.k.ProblemReport, p.c.Keys.Back}
	}
	return []key.Binding{p.c.Keys.Save, p.k.ProblemReport, p.c.Keys.Back}
}

func (p *importPreview) FullHelp() [][]key.Binding { return [][]key.Binding{p.ShortHelp()} }
