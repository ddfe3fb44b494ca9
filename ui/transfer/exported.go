package transfer

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"unionbook/district"
	"unionbook/storage"
	"unionbook/ui/common"
	"unionbook/ui/widget"
)

// exported is the result of an export: the file, its SHA-256 and size and
// whether it went into the past exports, or why it did not finish. Enter
// or esc goes back to the menu, h to the past exports.
type exported struct {
	common.ScreenBase
	e         *env
	res       *district.PackageResult
	err       error
	rec       storage.ExportRecord
	recordErr error
	w, h      int
}

func newExported(e *env, res *district.PackageResult, err error, rec storage.ExportRecord, recordErr error) *exported {
	return &exported{e: e, res: res, err: err, rec: rec, recordErr: recordErr}
}

func (r *exported) SetSize(w, h int) { r.w, r.h = w, h }

func (r *exported) Update(msg tea.Msg) tea.Cmd {
	km, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil
	}
	switch {
	case key.Matches(km, r.e.keys.history):
		return r.e.st.Replace(newHistory(r.e))
	case key.Matches(km, r.e.keys.done):
		r.e.st.Pop()
	}
	return nil
}

func (r *exported) View() string {
	c, st, w := r.e.c, r.e.c.Styles, r.w
	fit := func(s string) string { return widget.Fit(s, w, false) }
	var lines []string
	add := func(s string) { lines = append(lines, s) }
	if r.err != nil || r.res == nil {
		add(st.Title.Render(fit(c.T("exportui.failed_title"))))
		add(fit(""))
		if r.err != nil {
			for _, l := range wrap(plain(c.Err(r.err)), w) {
				add(st.Error.Render(fit(l)))
			}
		}
		add(fit(""))
		add(st.Muted.Render(fit(c.T("exportui.back_hint"))))
		return screenOf(lines, w, r.h)
	}
	add(st.Title.Render(fit(c.T("exportui.done_title"))))
	add(fit(""))
	for _, l := range wrap(c.T("exportui.done_file", r.res.Path), w) {
		add(st.Success.Render(fit(l)))
	}
	for _, l := range wrap(c.T("exportui.done_sha", r.res.SHA256), w) {
		add(fit(l))
	}
	size := c.T("exportui.done_size", humanSize(r.res.Size))
	if r.rec.Encrypted {
		size += c.T("exportui.done_encrypted")
	}
	add(fit(size))
	add(fit(""))
	switch {
	case r.recordErr != nil:
		for _, l := range wrap(plain(c.T("exportui.record_failed", c.Err(r.recordErr))), w) {
			add(st.Error.Render(fit(l)))
		}
	case c.Store.ReadOnly():
		for _, l := range wrap(c.T("exportui.not_recorded_read_only"), w) {
			add(st.Muted.Render(fit(l)))
		}
	default:
		add(fit(c.T("exportui.recorded")))
	}
	add(fit(""))
	for _, l := range wrap(c.T("exportui.done_about"), w) {
		add(st.Muted.Render(fit(l)))
	}
	add(st.Muted.Render(fit(c.T("exportui.done_hint"))))
	return screenOf(lines, w, r.h)
}

func (r *exported) ShortHelp() []key.Binding {
	return []key.Binding{r.e.keys.history, r.e.keys.done}
}

func (r *exported) FullHelp() [][]key.Binding {
	return [][]key.Binding{{r.e.keys.history, r.e.keys.done, r.e.c.Keys.Back}}
}
